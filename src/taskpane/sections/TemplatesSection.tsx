import { Body1, Button, Caption1, makeStyles, MessageBar, MessageBarBody, Spinner, Subtitle2, tokens } from "@fluentui/react-components";
import { lazy, Suspense, useEffect, useState } from "react";
import { formatCount } from "../../domain/format";
import type { PlanDefinition } from "../../domain/plan/schema";
import { readWorkbookPlan, type PlanProblem } from "../../domain/plan/workbookPlan";
import { applyTemplates, previewTemplates } from "../../domain/template/applyTemplates";
import type { TemplateNote } from "../../domain/template/planTemplates";
import { t as message } from "../../i18n";
import type { PaneKey } from "../../i18n/pane";
import { usePane } from "../paneContext";
import { PaneResult } from "../PaneResult";

// The plan's reader loads only for a workbook without a plan.
const PlanStep = lazy(() => import(/* webpackChunkName: "plan-step" */ "./PlanStep").then((m) => ({ default: m.PlanStep })));

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  sheet: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  details: { color: tokens.colorNeutralForeground3 },
});

/** What a note will do, said before it is done and without technical names. */
const FUTURE: Partial<Record<TemplateNote["code"], PaneKey>> = {
  "sheet-created": "willCreateSheet",
  "table-created": "willCreateTable",
  "columns-added": "willAddColumns",
  "rows-prefilled": "willPrefill",
  "rows-sample": "willAddSample",
};

function bySheet(notes: readonly TemplateNote[]): { sheet: string; notes: TemplateNote[] }[] {
  const out: { sheet: string; notes: TemplateNote[] }[] = [];
  for (const n of notes) {
    let g = out.find((x) => x.sheet === n.sheet);
    if (!g) out.push((g = { sheet: n.sheet, notes: [] }));
    g.notes.push(n);
  }
  return out;
}

/**
 * Shows what the templates will add, sheet by sheet (in the future tense, technical names behind
 * "Chi tiết"), what they will not touch and why, then adds them; the preview is read again after.
 */
export function TemplatesSection() {
  const { port, t, run, busy, locale } = usePane();
  const styles = useStyles();
  const [notes, setNotes] = useState<TemplateNote[] | undefined>();
  /** The plan the templates follow: the workbook's, or the one read in the Kế hoạch step; problems of the workbook's. */
  const [plan, setPlan] = useState<{ plan?: PlanDefinition; problems: PlanProblem[]; loaded: boolean }>({ problems: [], loaded: false });

  const refresh = (p: PlanDefinition) =>
    run(
      () => previewTemplates(port, p),
      (r) => {
        setNotes(r.notes);
        return undefined;
      },
      { keepMessage: true },
    );
  const load = () =>
    run(
      () => readWorkbookPlan(port),
      (r) => {
        setPlan({ ...(r.plan ? { plan: r.plan } : {}), problems: r.problems, loaded: true });
        if (r.plan) void refresh(r.plan);
        return undefined;
      },
      { keepMessage: true },
    );
  useEffect(() => {
    void load();
  }, [port]);

  const apply = async () => {
    if (!plan.plan) return;
    const chosen = plan.plan;
    await run(() => applyTemplates(port, chosen), () => t("templatesDone"), { writes: true, changesData: true });
    await refresh(chosen);
  };

  // Before the plan is read, and while it is made: the result of those jobs shows here (a failure to read the workbook).
  if (!plan.loaded) return <PaneResult slot="templates" />;
  if (plan.problems.length > 0)
    return (
      <>
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          {t("planUnreadable")}
          <ul className={styles.list}>
            {plan.problems.map((p) => (
              <li key={`${p.sheet}!${p.cell}`}>{`${p.sheet}, ${p.cell}: ${p.message}`}</li>
            ))}
          </ul>
        </MessageBarBody>
      </MessageBar>
      <PaneResult slot="templates" />
      </>
    );
  if (!plan.plan)
    return (
      <>
        <Suspense fallback={<Spinner size="tiny" label={t("planLoading")} />}>
          <PlanStep
            onPlan={(p) => {
              setPlan({ plan: p, problems: [], loaded: true });
              void refresh(p);
            }}
          />
        </Suspense>
        <PaneResult slot="templates" />
      </>
    );
  const todo = (notes ?? []).filter((n) => n.severity === "info");
  const warnings = (notes ?? []).filter((n) => n.severity === "warning");

  return (
    <section aria-labelledby="templates-title" className={styles.section}>
      <Caption1 block>{t("planKept", { movement: plan.plan.movement, units: plan.plan.units.length, tasks: plan.plan.units.reduce((n, u) => n + u.tasks.length, 0) })}</Caption1>
      <Body1 block id="templates-title">
        {notes === undefined ? "" : todo.length === 0 ? t("templatesNothing") : t("templatesIntro")}
      </Body1>
      {warnings.map((n, i) => (
        <MessageBar key={`w${i}`} intent="warning" layout="multiline">
          <MessageBarBody>{message(n.code, { ...n.params, sheet: n.sheet }, locale)}</MessageBarBody>
        </MessageBar>
      ))}
      {bySheet(todo).map((g) => (
        <div key={g.sheet} className={styles.sheet}>
          <Subtitle2 as="h3" block>
            {t("sheetLabel", { sheet: g.sheet })}
          </Subtitle2>
          <ul className={styles.list}>
            {g.notes.map((n, i) => {
              const key = FUTURE[n.code];
              const params = Object.fromEntries(Object.entries(n.params).map(([k, v]) => [k, typeof v === "number" ? formatCount(v) : v]));
              return <li key={i}>{key ? t(key, params) : message(n.code, { ...n.params, sheet: n.sheet }, locale)}</li>;
            })}
          </ul>
          <details className={styles.details}>
            <summary>
              <Caption1>{t("details")}</Caption1>
            </summary>
            <ul className={styles.list}>
              {g.notes
                .filter((n) => n.code === "table-created" || n.code === "columns-added")
                .map((n, i) => (
                  <li key={i}>
                    <Caption1>{t("technical", { table: String(n.params.table ?? ""), address: String(n.params.address ?? n.params.columns ?? "") })}</Caption1>
                  </li>
                ))}
            </ul>
          </details>
        </div>
      ))}
      <Button appearance="primary" disabled={busy || todo.length === 0} onClick={() => void apply()}>
        {t("templatesApply")}
      </Button>
      <PaneResult slot="templates" />
    </section>
  );
}
