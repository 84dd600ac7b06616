import { foldKey } from "../cells/text";
import { cellAddress, isEmptyValue, sameValue, type CellScalar, type CellValue } from "../grid";
import { findTable } from "../tables";
import { nhiemVuTable, TABLE } from "../sheets/specs";
import { headerIndex } from "../text";
import type { TableData } from "../workbook";
import { TASK_FIELDS, taskKey } from "./forms";
import { scopeCells, sentKeys, type FormScope } from "./issued";
import type { MergeContext } from "./mergeTypes";
import { scalarOf } from "./records";
import { checkReturnedRows } from "./returnChecks";

export const same = (a: CellValue | undefined, b: CellValue | undefined) => (isEmptyValue(a ?? null) && isEmptyValue(b ?? null)) || sameValue(a ?? null, b ?? null);

/** A column's index in a table, found as Excel compares header names; -1 when absent. */
export function columnOf(t: TableData, header: string): number {
  return headerIndex(t.headers, header);
}

/** Each task's first row in the commune's `tblNhiemVu`, by its key. */
export function taskRowsOf(tasks: TableData | undefined): Map<string, number> {
  const out = new Map<string, number>();
  if (!tasks) return out;
  const c = (h: string) => columnOf(tasks, h);
  tasks.rows.forEach((r, i) => {
    const k = taskKey(r[c("Đơn vị")], r[c("Mục kế hoạch")], r[c("Nội dung nhiệm vụ")]);
    if (!out.has(k)) out.set(k, i);
  });
  return out;
}

/**
 * A unit's return: only the tasks its form was sent with, only their fill-in cells. A cell takes the
 * returned value where the workbook still holds what the form last had (as sent, or as its last
 * return brought); a cell changed on both sides is a conflict. Every other row is named, not taken.
 */
export function mergeTasks(ctx: MergeContext, scope: FormScope | undefined, taskRows: ReadonlyMap<string, number>): void {
  const { plan, r, form, commune } = ctx;
  const back = findTable(r.tables, TABLE.nhiemVu);
  const tasks = findTable(commune, TABLE.nhiemVu);
  if (!back || !tasks) return;
  const b = (h: string) => columnOf(back, h);
  const keys = sentKeys(scope, TABLE.nhiemVu);
  const rowCell = (i: number, h: string) => cellAddress(back.range.top + 1 + i, back.range.left + Math.max(0, b(h)));
  const inScope = new Map<number, string>();
  const seen = new Set<string>();
  back.rows.forEach((row, i) => {
    const k = taskKey(row[b("Đơn vị")], row[b("Mục kế hoạch")], row[b("Nội dung nhiệm vụ")]);
    const task = String(scalarOf(row[b("Nội dung nhiệm vụ")]) ?? "").slice(0, 200);
    const filled = TASK_FIELDS.some((f) => b(f) >= 0 && !isEmptyValue(row[b(f)] ?? null));
    if (!keys.has(k)) {
      if (filled) plan.invalid.push({ file: r.file, code: "merge-out-of-scope", params: { cell: rowCell(i, "Nội dung nhiệm vụ"), sheet: back.sheet, task, who: form.who } });
      return;
    }
    if (seen.has(k)) return void plan.invalid.push({ file: r.file, code: "merge-duplicate-row", params: { cell: rowCell(i, "Nội dung nhiệm vụ"), sheet: back.sheet, task } });
    seen.add(k);
    inScope.set(i, k);
  });
  if (inScope.size === 0) return;
  const checked = checkReturnedRows(commune, nhiemVuTable, back, TASK_FIELDS, ctx.today, ctx.firstDay);
  const unitCol = columnOf(tasks, "Đơn vị");
  for (const [i, k] of inScope) {
    const task = String(scalarOf(back.rows[i]?.[b("Nội dung nhiệm vụ")]) ?? "").slice(0, 200);
    const c = checked[i];
    if (!c) continue;
    if (c.problems.length > 0) {
      for (const p of c.problems) plan.invalid.push({ file: r.file, code: "merge-invalid-value", params: { ...p.params, cell: p.cell, column: p.column, rule: p.rule, sheet: back.sheet, task } });
      continue;
    }
    const at = taskRows.get(k);
    // The task was removed or reworded in the workbook since the form was sent, or given to another unit.
    if (at === undefined || foldKey(String(scalarOf(tasks.rows[at]?.[unitCol]) ?? "")) !== foldKey(form.who)) {
      plan.invalid.push({ file: r.file, code: "merge-task-gone", params: { cell: rowCell(i, "Nội dung nhiệm vụ"), sheet: back.sheet, task } });
      continue;
    }
    for (const field of TASK_FIELDS) {
      if (b(field) < 0 || columnOf(tasks, field) < 0) continue;
      mergeTaskCell(ctx, { tasks, at, key: k, field, task, theirs: c.values[field] ?? null, scope });
    }
  }
}

function mergeTaskCell(ctx: MergeContext, x: { tasks: TableData; at: number; key: string; field: string; task: string; theirs: CellScalar; scope: FormScope | undefined }): void {
  const { plan, r, form, current } = ctx;
  const received = scopeCells(x.scope, "received", TABLE.nhiemVu, x.key);
  const sent = scopeCells(x.scope, "sent", TABLE.nhiemVu, x.key);
  // What the form last had: what its last return brought, else what was sent.
  const base = received?.has(x.field) ? (received.get(x.field) ?? null) : (sent?.get(x.field) ?? null);
  if (same(x.theirs, base)) return;
  const row = x.tasks.range.top + 1 + x.at;
  const col = x.tasks.range.left + columnOf(x.tasks, x.field);
  const id = `${row}:${col}`;
  const ours = current.has(id) ? current.get(id) : x.tasks.rows[x.at]?.[columnOf(x.tasks, x.field)];
  const line = { form: form.id, table: TABLE.nhiemVu, key: x.key, column: x.field, value: x.theirs, source: "received" as const };
  if (same(ours, x.theirs)) return void plan.lines.push(line);
  if (!same(ours, base)) {
    plan.conflicts.push({ file: r.file, who: form.who, sheet: x.tasks.sheet, cell: cellAddress(row, col), task: x.task, table: TABLE.nhiemVu, column: x.field, sent: base, current: scalarOf(ours), returned: x.theirs });
    return;
  }
  plan.updates.push({ sheet: x.tasks.sheet, row, col, expected: ours ?? null, value: x.theirs, ...(x.field === "Ngày hoàn thành" ? { numFmt: "dd/mm/yyyy" } : {}), file: r.file, who: form.who, table: TABLE.nhiemVu, column: x.field, task: x.task, line });
  current.set(id, x.theirs);
}

