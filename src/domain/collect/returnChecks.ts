import { isoToSerial } from "../dates";
import { cellAddress, isEmptyValue, type CellScalar, type CellValue } from "../grid";
import { RULES } from "../rules/types";
import { validateTables } from "../rules/validate";
import { findTable } from "../tables";
import { TABLE } from "../sheets/specs";
import type { TableSpec } from "../sheets/types";
import { headerIndex, nameKey } from "../text";
import type { TableData } from "../workbook";

// Returned rows are checked by the very rules `validate` applies to the clerk's own entries, over
// the commune workbook's lists (units, villages, groups): an error there is a value not taken.

/** A returned value not taken: the return's own cell, the rule it breaks and the rule's parameters. */
export interface ValueProblem {
  cell: string;
  column: string;
  rule: string;
  params: Record<string, string | number>;
}

/** A returned row as the workbook would keep it (dates as serials, list values as the list writes them), or why not. */
export interface CheckedRow {
  values: Record<string, CellScalar>;
  problems: ValueProblem[];
}

/** The commune's tables the rules read their lists from. */
const LIST_TABLES = [TABLE.thongTin, TABLE.keHoach, TABLE.thon, TABLE.donVi, TABLE.nhomDongGop, TABLE.hinhThucKhenThuong];

/** Rules that only warn in the workbook but that a value coming from outside must not break. */
const REFUSED_WARNINGS = new Set(["date-implausible"]);

/**
 * Checks the rows of a returned table (`back`, its own sheet and cells) by the workbook's rules for
 * `spec`, with the commune's lists. Only `columns` are looked at (what the form lets its sender
 * fill in); `firstDay` is the first day a returned date may be (the plan's year). Rows are given in
 * the return's order, index for index.
 */
export function checkReturnedRows(commune: ReadonlyMap<string, TableData>, spec: TableSpec, back: TableData, columns: readonly string[], today: string, firstDay: string): CheckedRow[] {
  const tables = new Map<string, TableData>();
  for (const name of LIST_TABLES) {
    const t = findTable(commune, name);
    if (t) tables.set(name, t);
  }
  const data: TableData = { ...back, name: spec.name, range: { ...back.range, bottom: back.range.top + back.rows.length } };
  tables.set(spec.name, data);
  const { issues, views } = validateTables(tables, today);
  const view = views.get(spec.name);
  const wanted = new Set(columns.map(nameKey));
  const out: CheckedRow[] = back.rows.map(() => ({ values: {}, problems: [] }));
  for (const issue of issues) {
    if (issue.table !== spec.name || !wanted.has(nameKey(issue.column))) continue;
    if (RULES[issue.rule].severity !== "error" && !REFUSED_WARNINGS.has(issue.rule)) continue;
    out[issue.row - data.range.top - 1]?.problems.push({ cell: issue.cell, column: issue.column, rule: issue.rule, params: issue.params });
  }
  const first = isoToSerial(firstDay);
  out.forEach((row, i) => {
    for (const c of spec.columns) {
      if (c.formula || !wanted.has(nameKey(c.header))) continue;
      const col = headerIndex(back.headers, c.header);
      const raw: CellValue = col < 0 ? null : (back.rows[i]?.[col] ?? null);
      const parsed = view?.value(i, c.header);
      if (c.kind === "date" && typeof parsed === "string") {
        const serial = isoToSerial(parsed);
        if (serial < first) row.problems.push({ cell: cellAddress(back.range.top + 1 + i, back.range.left + col), column: c.header, rule: "merge-date-before-plan", params: { date: parsed, first: firstDay } });
        row.values[c.header] = serial;
      } else row.values[c.header] = parsed === undefined || isEmptyValue(raw) ? null : parsed;
    }
  });
  return out;
}
