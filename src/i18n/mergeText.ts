import type { MergeResult } from "../domain/collect/collect";
import { shownValue } from "../domain/collect/merge";
import type { Locale } from "./catalog";
import { t } from "./index";

/** A value of a conflict as people read it (dates dd/mm/yyyy). */
const shown = (table: string, column: string, v: string | number | boolean | null) => String(shownValue(table, column, v) ?? "");

/**
 * Every message of a merge, in the order the clerk acts on them: files not read, files refused,
 * conflicts, values and rows not taken, then what was only noticed. Each names the return's file
 * and its own cell and says what to do. The command line and the pane print the same lines.
 */
export function mergeMessages(result: Pick<MergeResult, "plan">, unreadable: readonly { file: string; reason: string }[], locale: Locale = "vi"): string[] {
  const { plan } = result;
  return [
    ...unreadable.map((u) => t("merge-unreadable", u, locale)),
    ...plan.refused.map((r) => t(r.code, { file: r.file, ...r.params }, locale)),
    ...plan.conflicts.map((c) => t("cli-merge-conflict", { ...c, sent: shown(c.table, c.column, c.sent), current: shown(c.table, c.column, c.current), returned: shown(c.table, c.column, c.returned) }, locale)),
    ...plan.invalid.map((n) => t(n.code, { file: n.file, ...n.params }, locale)),
    ...plan.notices.map((n) => t(n.code, { file: n.file, ...n.params }, locale)),
  ];
}
