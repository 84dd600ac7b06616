import { Badge, Body1, Button, Caption1, Link } from "@fluentui/react-components";
import { useState } from "react";
import { fixUpdates } from "../../domain/rules/fixes";
import { issueMarks } from "../../domain/rules/marks";
import { validateThrough } from "../../domain/rules/runValidation";
import { issueKey, type Issue } from "../../domain/rules/types";
import { t as message } from "../../i18n";
import { usePane } from "../paneContext";

function groups(issues: readonly Issue[]): { sheet: string; rules: { rule: string; items: Issue[] }[] }[] {
  const out: { sheet: string; rules: { rule: string; items: Issue[] }[] }[] = [];
  for (const i of issues) {
    let s = out.find((g) => g.sheet === i.sheet);
    if (!s) out.push((s = { sheet: i.sheet, rules: [] }));
    let r = s.rules.find((g) => g.rule === i.rule);
    if (!r) s.rules.push((r = { rule: i.rule, items: [] }));
    r.items.push(i);
  }
  return out;
}

/** Runs validation; issues by sheet and rule; a click shows the cell; fixes one by one or by kind. */
export function ValidateSection() {
  const { port, t, run, busy, today, locale, readOptions } = usePane();
  const [issues, setIssues] = useState<Issue[] | undefined>();

  const check = (keepMessage = false) =>
    run(
      () => validateThrough(port, today, readOptions()),
      (found) => {
        setIssues(found);
        return undefined;
      },
      { keepMessage },
    );
  const fix = async (list: readonly Issue[]) => {
    await run(() => port.updateCells(fixUpdates(list)), (r) => t("fixed", { n: r.applied }), { writes: true });
    await check(true);
  };
  const errors = issues?.filter((i) => i.severity === "error").length ?? 0;

  return (
    <section aria-labelledby="validate-title">
      <Button appearance="primary" disabled={busy} onClick={() => void check()} id="validate-title">
        {t("validateRun")}
      </Button>
      {issues && (
        <div role="status">
          <Body1>
            {issues.length === 0 ? t("validateNone") : `${errors} ${t("errors")}, ${issues.length - errors} ${t("warnings")}`}
          </Body1>
          {issues.length > 0 && (
            <div>
              <Button disabled={busy} onClick={() => void run(() => port.markIssues(issueMarks(issues)), () => t("marked"), { writes: true })}>{t("mark")}</Button>{" "}
              <Button disabled={busy} onClick={() => void run(() => port.clearMarks(), () => t("cleared"), { writes: true })}>{t("clearMarks")}</Button>
            </div>
          )}
        </div>
      )}
      {groups(issues ?? []).map((g) => (
        <div key={g.sheet}>
          <Body1 as="h3">
            {g.sheet}{" "}
            <Badge color="danger">{g.rules.flatMap((r) => r.items).filter((i) => i.severity === "error").length}</Badge>{" "}
            <Badge color="warning">{g.rules.flatMap((r) => r.items).filter((i) => i.severity === "warning").length}</Badge>
          </Body1>
          {g.rules.map((r) => (
            <div key={r.rule}>
              {r.items.some((i) => i.fix) && (
                <Button size="small" disabled={busy} onClick={() => void fix(r.items)}>
                  {t("fixAllKind")} ({r.items.filter((i) => i.fix).length})
                </Button>
              )}
              <ul>
                {r.items.map((i) => (
                  <li key={issueKey(i)}>
                    <Link onClick={() => void run(() => port.select(i.sheet, i.cell))}>{i.cell}</Link>{" "}
                    <Caption1>{message(i.rule, i.params, locale)}</Caption1>{" "}
                    {i.fix && (
                      <Button size="small" disabled={busy} onClick={() => void fix([i])} aria-label={`${t("fix")} ${i.cell}`}>
                        {t("fix")}
                      </Button>
                    )}
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </div>
      ))}
    </section>
  );
}
