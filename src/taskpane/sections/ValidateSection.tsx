import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Body1, Button, Caption1, Field, makeStyles, Radio, RadioGroup, Select, tokens } from "@fluentui/react-components";
import { ErrorCircle16Filled, Warning16Filled } from "@fluentui/react-icons";
import { startTransition, useEffect, useMemo, useRef, useState } from "react";
import { formatCount } from "../../domain/format";
import { fixUpdates } from "../../domain/rules/fixes";
import { issueMarks } from "../../domain/rules/marks";
import { issueKey, type Issue } from "../../domain/rules/types";
import { issueMessageShort } from "../../i18n";
import { usePane } from "../paneContext";
import { PaneResult } from "../PaneResult";

const useStyles = makeStyles({
  summary: { display: "flex", flexWrap: "wrap", alignItems: "center", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS, marginBlock: tokens.spacingVerticalS },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, marginBlockEnd: tokens.spacingVerticalS },
  filters: { display: "flex", flexWrap: "wrap", alignItems: "flex-end", columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalXS, marginBlockEnd: tokens.spacingVerticalS },
  sheetFilter: { minWidth: 0, maxWidth: "100%" },
  // The choices wrap whole at 320 px instead of squeezing each name onto two lines.
  severity: { flexWrap: "wrap" },
  choice: { whiteSpace: "nowrap" },
  group: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS, marginBlockEnd: tokens.spacingVerticalM },
  groupTitle: { fontWeight: tokens.fontWeightSemibold, margin: 0 },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  item: { display: "grid", gridTemplateColumns: "auto 1fr", columnGap: tokens.spacingHorizontalS, alignItems: "start" },
  text: { overflowWrap: "anywhere" },
  itemActions: { gridColumn: "2", display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS },
  error: { color: tokens.colorPaletteRedForeground1, marginBlockStart: "2px" },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1, marginBlockStart: "2px" },
});

function bySheet(issues: readonly Issue[]): { sheet: string; items: Issue[] }[] {
  const out = new Map<string, Issue[]>();
  for (const i of issues) {
    const list = out.get(i.sheet);
    if (list) list.push(i);
    else out.set(i.sheet, [i]);
  }
  return [...out].map(([sheet, items]) => ({ sheet, items }));
}

/** A sheet's issues by rule and column, in the order met: 10,000 empty cells of one column are one group. */
function byRule(issues: readonly Issue[]): { key: string; items: Issue[] }[] {
  const out = new Map<string, Issue[]>();
  for (const i of issues) {
    const key = `${i.rule}\u0000${i.column}`;
    const list = out.get(key);
    if (list) list.push(i);
    else out.set(key, [i]);
  }
  return [...out].map(([key, items]) => ({ key, items }));
}

/** Issues drawn per group at first, and added by each "Xem thêm": a list of 10,000 is never drawn whole. */
export const ISSUES_PER_PAGE = 20;

/**
 * Runs validation. A summary first (errors, warnings, what can be fixed at once), then the issues
 * of each sheet: icon, column, what is wrong, "Đi tới" the cell and "Sửa" where a fix is known.
 * After a fix, focus goes to the next issue and the result is said there.
 */
export function ValidateSection() {
  const { port, jobs, t, run, busy, today, locale, readOptions, checkRequest, dataVersion } = usePane();
  const styles = useStyles();
  const [issues, setIssues] = useState<Issue[] | undefined>();
  const [said, setSaid] = useState<string | undefined>();
  // Every sheet open unless the user closed it.
  const [closed, setClosed] = useState<ReadonlySet<string>>(new Set());
  /** How many issues of each group are drawn, by sheet and group. */
  const [pages, setPages] = useState<ReadonlyMap<string, number>>(new Map());
  const list = useRef<HTMLDivElement>(null);
  // The version the list was made at is the one when the check ends (a fix changes it just before its check).
  const dataVersionNow = useRef(dataVersion);
  dataVersionNow.current = dataVersion;

  const check = (keepMessage = false) =>
    run(
      () => jobs.validate(today, readOptions()),
      (found) => {
        // Drawn as a transition: React yields to the page between parts of a long list.
        startTransition(() => {
          setIssues(found);
          setSeenVersion(dataVersionNow.current);
        });
        return undefined;
      },
      { keepMessage },
    );
  // Asked from another section ("Kiểm tra trước"): the check runs as this section opens.
  useEffect(() => {
    if (checkRequest > 0) void check();
  }, [checkRequest]);
  // The workbook's rows changed since the list was made (a merge, templates): the list is out of date.
  const [seenVersion, setSeenVersion] = useState(dataVersion);
  const stale = issues !== undefined && dataVersion !== seenVersion;
  const fix = async (chosen: readonly Issue[], next?: Issue) => {
    const r = await run(() => port.updateCells(fixUpdates(chosen)), undefined, { writes: true, changesData: true });
    if (!r) return;
    setSaid(t("fixed", { n: formatCount(r.applied) }));
    await check(true);
    // Focus where the user goes on: the next issue's first button, or the summary.
    requestAnimationFrame(() => {
      const target = next ? list.current?.querySelector<HTMLElement>(`[data-issue="${CSS.escape(issueKey(next))}"] button`) : list.current?.querySelector<HTMLElement>("button");
      target?.focus();
    });
  };
  const errors = issues?.filter((i) => i.severity === "error").length ?? 0;
  const fixable = issues?.filter((i) => i.fix) ?? [];
  // What the list shows: errors or warnings only, one sheet only; grouped once per list and filter.
  const [severity, setSeverity] = useState<"all" | "error" | "warning">("all");
  const [sheet, setSheet] = useState("");
  const sheets = useMemo(() => bySheet(issues ?? []).map((g) => g.sheet), [issues]);
  // A sheet chosen before a new check that has no issue left there: every sheet again.
  const onSheet = sheets.includes(sheet) ? sheet : "";
  const groups = useMemo(
    () => bySheet((issues ?? []).filter((i) => (severity === "all" || i.severity === severity) && (onSheet === "" || i.sheet === onSheet))).map((g) => ({ ...g, rules: byRule(g.items) })),
    [issues, severity, onSheet],
  );

  return (
    <section aria-labelledby="validate-run">
      <Button appearance="primary" disabled={busy} onClick={() => void check()} id="validate-run">
        {t("validateRun")}
      </Button>
      <PaneResult slot="validate" />
      {stale && (
        <Body1 block role="status">
          {t("validateStale")}
        </Body1>
      )}
      {issues && (
        <div className={styles.summary} role="status" aria-live="polite">
          <Body1>
            {issues.length === 0
              ? t("validateNone")
              : t("validateSummary", { errors: formatCount(errors), warnings: formatCount(issues.length - errors), fixable: formatCount(fixable.length) })}
          </Body1>
          {fixable.length > 0 && (
            <Button size="small" appearance="primary" disabled={busy} onClick={() => void fix(fixable)}>
              {t("fixAll")}
            </Button>
          )}
          {said && <Caption1>{said}</Caption1>}
        </div>
      )}
      {issues && issues.length > 0 && (
        <div className={styles.actions}>
          <Button size="small" disabled={busy} onClick={() => void run(() => port.markIssues(issueMarks(issues)), () => t("marked"), { writes: true })}>
            {t("mark")}
          </Button>
          <Button size="small" disabled={busy} onClick={() => void run(() => port.clearMarks(), () => t("cleared"), { writes: true })}>
            {t("clearMarks")}
          </Button>
        </div>
      )}
      {issues && issues.length > 0 && (
        <div className={styles.filters}>
          <Field label={t("issuesShow")}>
            <RadioGroup layout="horizontal" className={styles.severity} value={severity} onChange={(_, d) => setSeverity(d.value as typeof severity)}>
              <Radio value="all" label={{ children: t("issuesAll", { count: formatCount(issues.length) }), className: styles.choice }} />
              <Radio value="error" label={{ children: t("issuesErrors", { count: formatCount(errors) }), className: styles.choice }} />
              <Radio value="warning" label={{ children: t("issuesWarnings", { count: formatCount(issues.length - errors) }), className: styles.choice }} />
            </RadioGroup>
          </Field>
          {sheets.length > 1 && (
            <Field label={t("issuesSheet")} className={styles.sheetFilter}>
              <Select value={onSheet} onChange={(_, d) => setSheet(d.value)}>
                <option value="">{t("issuesAllSheets")}</option>
                {sheets.map((s) => (
                  <option key={s} value={s}>
                    {s}
                  </option>
                ))}
              </Select>
            </Field>
          )}
        </div>
      )}
      <div ref={list}>
        <Accordion
          multiple
          collapsible
          openItems={groups.map((g) => g.sheet).filter((sheet) => !closed.has(sheet))}
          onToggle={(_, d) => {
            const next = new Set(closed);
            if (next.has(String(d.value))) next.delete(String(d.value));
            else next.add(String(d.value));
            setClosed(next);
          }}
        >
          {groups.map((g) => {
            const e = g.items.filter((i) => i.severity === "error").length;
            const w = g.items.length - e;
            return (
              <AccordionItem key={g.sheet} value={g.sheet}>
                <AccordionHeader size="small">
                  {g.sheet} · {[e > 0 ? `${formatCount(e)} ${t("errors")}` : "", w > 0 ? `${formatCount(w)} ${t("warnings")}` : ""].filter(Boolean).join(", ")}
                </AccordionHeader>
                <AccordionPanel>
                  {g.rules.map((group) => {
                    const first = group.items[0] as Issue;
                    const shown = group.items.slice(0, pages.get(`${g.sheet}\u0000${group.key}`) ?? ISSUES_PER_PAGE);
                    return (
                      <div key={group.key} className={styles.group}>
                        {group.items.length > 1 && (
                          <Body1 block as="h3" className={styles.groupTitle}>
                            {t("issueGroup", { count: formatCount(group.items.length), column: first.column || g.sheet, rule: t(first.severity === "error" ? "errors" : "warnings") })}
                          </Body1>
                        )}
                  <ul className={styles.list}>
                    {shown.map((i, k) => (
                      <li key={issueKey(i)} data-issue={issueKey(i)} className={styles.item}>
                        {i.severity === "error" ? (
                          <ErrorCircle16Filled className={styles.error} aria-label={t("errorOne")} role="img" />
                        ) : (
                          <Warning16Filled className={styles.warning} aria-label={t("warningOne")} role="img" />
                        )}
                        <Body1 block className={styles.text}>
                          <strong>{i.column ? t("issueAtColumn", { cell: i.cell, column: i.column }) : t("issueAt", { cell: i.cell })} </strong>
                          {issueMessageShort(i.rule, i.params, locale)}
                        </Body1>
                        <div className={styles.itemActions}>
                          <Button size="small" appearance="subtle" onClick={() => void run(() => port.select(i.sheet, i.cell), () => t("selected", { cell: i.cell, sheet: i.sheet }))}>
                            {t("goTo", { cell: i.cell })}
                          </Button>
                          {i.fix && (
                            <Button size="small" disabled={busy} onClick={() => void fix([i], shown[k + 1] ?? group.items[k + 1])} aria-label={`${t("fix")} ${i.cell}`}>
                              {t("fix")}
                            </Button>
                          )}
                        </div>
                      </li>
                    ))}
                  </ul>
                        {shown.length < group.items.length && (
                          <Button
                            size="small"
                            appearance="subtle"
                            onClick={() => setPages(new Map(pages).set(`${g.sheet}\u0000${group.key}`, shown.length + ISSUES_PER_PAGE * 5))}
                          >
                            {t("issuesMore", { shown: formatCount(shown.length), total: formatCount(group.items.length) })}
                          </Button>
                        )}
                      </div>
                    );
                  })}
                </AccordionPanel>
              </AccordionItem>
            );
          })}
        </Accordion>
      </div>
    </section>
  );
}
