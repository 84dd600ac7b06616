import { CLOSED_TABLE } from "../close/closing";
import { keepClosedPeriods } from "../close/closeGrids";
import { foldKey } from "../cells/text";
import { serialToIso } from "../dates";
import { formatDate } from "../format";
import { cellAddress, type CellScalar, type Grid, type GridCell } from "../grid";
import { findTable } from "../tables";
import { camKetTable, dongGopTable, nhiemVuTable, TABLE } from "../sheets/specs";
import type { TableSpec } from "../sheets/types";
import { calculatedColumns } from "../template/tableGrid";
import type { TableData } from "../workbook";
import { FORM_TABLE, readIdentity, TASK_FIELDS, type StatedIdentity } from "./forms";
import { formScopes, issuedForms, scopeGrid, type FormScope, type IssuedForm, type ScopeLine } from "./issued";
import { mergeVillageRows } from "./mergeRows";
import { columnOf, mergeTasks, taskRowsOf } from "./mergeTasks";
import type { MergeContext, MergePlan, MergeUpdate, ReturnedFile } from "./mergeTypes";
import { periodOfRange } from "../period";
import { KIND_WORDS, receiptGrid, receiptsOf, RECEIPT_TABLE } from "./receipts";
import { appendRecords, scalarOf, type RecordTable } from "./records";

export type { MergeAppend, MergeConflict, MergeNote, MergePlan, MergeUpdate, ReturnedFile } from "./mergeTypes";

// Merging returned forms into the commune's workbook. The workbook's record of the forms it issued
// is the only authority: a return is matched by its form id, and can change only what that form
// was given (a unit's own tasks' fill-in cells; a village's own pledge and receipt rows), by values
// that pass the workbook's rules. A cell changed on both sides is a conflict, never overwritten;
// every change is logged; every refusal names the return's file and cell.

export const LOG_SHEET = "Nhật ký cập nhật";
export const LOG_TABLE = "tblNhatKy";
export const LOG_HEADERS = ["Thời điểm", "Tệp", "Phiếu của", "Trang", "Ô", "Giá trị cũ", "Giá trị mới"] as const;
export const LOG: RecordTable = { sheet: LOG_SHEET, table: LOG_TABLE, headers: LOG_HEADERS, widths: [26, 34, 26, 16, 16, 28, 28] };

/** The tables a merge reads from the commune's workbook. */
export const MERGE_TABLES = [TABLE.thongTin, TABLE.keHoach, TABLE.nhiemVu, TABLE.donVi, TABLE.thon, TABLE.nhomDongGop, TABLE.camKet, TABLE.dongGop, LOG_TABLE, RECEIPT_TABLE, CLOSED_TABLE];

/** The tables a merge reads from a return. */
export const RETURN_TABLES = [FORM_TABLE, TABLE.nhiemVu, TABLE.camKet, TABLE.dongGop, TABLE.khenThuong];

function emptyPlan(): MergePlan {
  return { merged: [], receipts: [], updates: [], appends: [], conflicts: [], refused: [], invalid: [], notices: [], lines: [] };
}

/**
 * What merging `returns` into the commune's tables would do, in order (a later file sees what the
 * earlier ones changed). Nothing is written. `key` is the commune workbook's key (to name another
 * workbook's form); `period`, when given, the only period taken; `firstDay` the first day a
 * returned date may be. Each return gets its own verdict: one bad file never stops the others.
 */
export function planMerge(commune: ReadonlyMap<string, TableData>, key: string, returns: readonly ReturnedFile[], today: string, firstDay: string, period?: { from: string; to: string }): MergePlan {
  const plan = emptyPlan();
  const issued = issuedForms(commune);
  const scopes = formScopes(commune);
  const received = new Set(receiptsOf(commune).map((r) => `${foldKey(r.who)}|${r.from}|${r.to}`));
  const taskRows = taskRowsOf(findTable(commune, TABLE.nhiemVu));
  const current = new Map<string, CellScalar>();
  const formsSeen = new Map<string, string>();
  for (const r of returns) {
    // One return's verdict is its own: whatever it holds, the others are merged.
    const mark = marks(plan);
    const before = { period: plan.period, current: new Map(current), received: new Set(received), formsSeen: new Map(formsSeen) };
    try {
      mergeOne(plan, r, { commune, issued, scopes, received, taskRows, current, formsSeen, key, today, firstDay, ...(period ? { period } : {}) });
    } catch (e) {
      rollBack(plan, mark);
      if (before.period) plan.period = before.period;
      else delete plan.period;
      for (const [m, was] of [[current, before.current], [formsSeen, before.formsSeen]] as const) {
        m.clear();
        for (const [k, v] of was) (m as Map<string, unknown>).set(k, v);
      }
      received.clear();
      for (const x of before.received) received.add(x);
      plan.refused.push({ file: r.file, code: "merge-failed", params: { reason: e instanceof Error ? e.name : "?" } });
    }
  }
  return keepClosedPeriods(plan, commune);
}

interface Batch {
  commune: ReadonlyMap<string, TableData>;
  issued: ReadonlyMap<string, IssuedForm>;
  scopes: ReadonlyMap<string, FormScope>;
  received: Set<string>;
  taskRows: ReadonlyMap<string, number>;
  current: Map<string, CellScalar>;
  formsSeen: Map<string, string>;
  key: string;
  today: string;
  firstDay: string;
  period?: { from: string; to: string };
}

function mergeOne(plan: MergePlan, r: ReturnedFile, b: Batch): void {
  const form = issuedFormOf(plan, r, b.issued, b.key);
  if (!form) return;
  const earlier = b.formsSeen.get(form.id);
  if (earlier !== undefined) return void plan.refused.push({ file: r.file, code: "merge-same-form-twice", params: { other: earlier, who: form.who } });
  const wanted = b.period ?? plan.period;
  if (wanted && (form.from !== wanted.from || form.to !== wanted.to)) return void plan.refused.push({ file: r.file, code: "merge-other-period", params: { label: periodLabel(form) } });
  b.formsSeen.set(form.id, r.file);
  plan.period ??= { from: form.from, to: form.to, label: periodLabel(form) };
  plan.merged.push({ file: r.file, who: form.who, kind: form.kind, form: form.id, sentAt: form.sentAt, due: form.due });
  const receipt = `${foldKey(form.who)}|${form.from}|${form.to}`;
  if (!b.received.has(receipt)) {
    b.received.add(receipt);
    plan.receipts.push({ who: form.who, kind: form.kind, from: form.from, to: form.to, due: form.due, received: b.today, file: r.file });
  }
  const ctx: MergeContext = { plan, commune: b.commune, r, form, today: b.today, firstDay: b.firstDay, current: b.current };
  notOfTheForm(ctx);
  for (const [table, count] of r.below ?? []) if (count > 0) plan.notices.push({ file: r.file, code: "merge-rows-below", params: { sheet: sheetOf(r, table), count } });
  for (const [table, count] of r.beyond ?? []) plan.invalid.push({ file: r.file, code: "merge-rows-beyond", params: { sheet: sheetOf(r, table), count } });
  if (form.kind === "unit") mergeTasks(ctx, b.scopes.get(form.id), b.taskRows);
  else mergeVillageRows(ctx, b.scopes.get(form.id));
}

type Marks = { [K in keyof MergePlan]: MergePlan[K] extends readonly unknown[] ? number : never };

/** How long each list of the plan is, to take back what a failed return added. */
function marks(plan: MergePlan): Partial<Marks> {
  return Object.fromEntries(Object.entries(plan).filter(([, v]) => Array.isArray(v)).map(([k, v]) => [k, (v as unknown[]).length]));
}

function rollBack(plan: MergePlan, mark: Partial<Marks>): void {
  for (const [k, n] of Object.entries(mark)) (plan[k as keyof MergePlan] as unknown[]).length = n as number;
}

const sheetOf = (r: ReturnedFile, table: string) => findTable(r.tables, table)?.sheet ?? table;

function periodLabel(form: IssuedForm): string {
  try {
    return periodOfRange(form.from, form.to).label;
  } catch {
    // A record the clerk spoiled by hand: its dates as they are.
    return `${formatDate(form.from)} - ${formatDate(form.to)}`;
  }
}

/**
 * The form a return is, as the workbook issued it; undefined (and the file refused by name) when
 * the workbook never issued it. What the return states besides its id is compared, never believed.
 */
function issuedFormOf(plan: MergePlan, r: ReturnedFile, issued: ReadonlyMap<string, IssuedForm>, key: string): IssuedForm | undefined {
  const stated = readIdentity(findTable(r.tables, FORM_TABLE));
  const refuse = (code: string, params: Record<string, string | number> = {}) => void plan.refused.push({ file: r.file, code, params });
  if (!stated) return refuse("merge-not-a-return");
  const form = stated.id === undefined ? undefined : issued.get(stated.id);
  if (!form) {
    if (stated.workbook !== undefined && stated.workbook !== key) return refuse("merge-foreign", { body: stated.body ?? "?", name: stated.name ?? "?" });
    if (stated.id === undefined) return refuse("merge-no-form-id", { cell: stated.idCell });
    return refuse("merge-not-issued", { id: stated.id.slice(0, 40), cell: stated.idCell });
  }
  compareStated(plan, r.file, stated, form);
  return form;
}

/** What a return says about itself and differs from what the workbook issued: told, and the record kept. */
function compareStated(plan: MergePlan, file: string, stated: StatedIdentity, form: IssuedForm): void {
  const differs = (what: string, said: string | undefined, recorded: string, equal: (a: string, b: string) => boolean) => {
    if (said !== undefined && !equal(said, recorded)) plan.notices.push({ file, code: "merge-stated-differs", params: { what, said, recorded } });
  };
  const text = (a: string, b: string) => foldKey(a) === foldKey(b);
  const exact = (a: string, b: string) => a === b;
  differs("Phiếu của", stated.name, form.who, text);
  differs("Loại phiếu", stated.kind === undefined ? undefined : KIND_WORDS[stated.kind], KIND_WORDS[form.kind], exact);
  differs("Từ ngày", stated.from && formatDate(stated.from), formatDate(form.from), exact);
  differs("Đến ngày", stated.to && formatDate(stated.to), formatDate(form.to), exact);
  differs("Hạn gửi lại", stated.due && formatDate(stated.due), formatDate(form.due), exact);
}

/** Rows a return brings in tables its form does not have (a unit's donations, a village's tasks): named, never taken. */
function notOfTheForm(ctx: MergeContext): void {
  const { r, form, plan } = ctx;
  const foreign: [string, readonly string[]][] = form.kind === "unit" ? [[TABLE.camKet, dataColumns(camKetTable)], [TABLE.dongGop, dataColumns(dongGopTable)], [TABLE.khenThuong, []]] : [[TABLE.nhiemVu, TASK_FIELDS], [TABLE.khenThuong, []]];
  for (const [name, columns] of foreign) {
    const t = findTable(r.tables, name);
    if (!t) continue;
    const cols = columns.length > 0 ? columns.map((h) => columnOf(t, h)).filter((c) => c >= 0) : t.headers.map((_, i) => i);
    const rows = t.rows.filter((row) => cols.some((c) => { const v = scalarOf(row[c]); return v !== null && v !== ""; }));
    if (rows.length > 0) plan.invalid.push({ file: r.file, code: "merge-table-not-in-form", params: { sheet: t.sheet, count: rows.length, who: form.who } });
  }
}

const dataColumns = (spec: TableSpec) => spec.columns.filter((c) => !c.formula).map((c) => c.header);

const SPECS = new Map<string, TableSpec>([
  [TABLE.nhiemVu, nhiemVuTable],
  [TABLE.camKet, camKetTable],
  [TABLE.dongGop, dongGopTable],
]);

/** A value as people read it in the log and in messages: dates of date columns as dd/mm/yyyy. */
export function shownValue(table: string, column: string, v: CellScalar): CellScalar {
  const kind = SPECS.get(table)?.columns.find((c) => c.header === column)?.kind;
  if (kind === "date" && typeof v === "number") return formatDate(serialToIso(v) ?? String(v));
  return v;
}

/**
 * The grids of a merge once its cell updates are written: the rows appended to their tables (the
 * table grows over them; a formula column gets its formula), the receipts, what the forms brought
 * (scope lines), and the log (`Nhật ký cập nhật` made on first use). `now` stamps the log.
 */
export function mergeGrids(commune: ReadonlyMap<string, TableData>, plan: MergePlan, applied: readonly MergeUpdate[], now: string): Grid[] {
  const grids: Grid[] = [];
  const logRows: CellScalar[][] = applied.map((u) => [now, u.file, u.who, u.sheet, cellAddress(u.row, u.col), shownValue(u.table, u.column, scalarOf(u.expected)), shownValue(u.table, u.column, u.value)]);
  const lines: ScopeLine[] = [...plan.lines, ...applied.flatMap((u) => (u.line ? [u.line] : []))];
  for (const [table, spec] of SPECS) {
    const rows = plan.appends.filter((a) => a.table === table);
    const t = findTable(commune, table);
    if (!t || rows.length === 0) continue;
    const formulas = calculatedColumns(t.name, spec.columns);
    const cells: GridCell[] = [];
    rows.forEach((a, k) => {
      const row = t.range.bottom + 1 + k;
      t.headers.forEach((h, j) => {
        const col = t.range.left + j;
        const kind = spec.columns.find((c) => c.header === h)?.kind;
        if (formulas[h]) cells.push({ row, col, formula: formulas[h] });
        else if (a.row[h] !== undefined && a.row[h] !== null) cells.push({ row, col, value: a.row[h], ...(kind === "date" ? { style: { numFmt: "dd/mm/yyyy" } } : {}) });
      });
      const shown = spec.columns.filter((c) => a.row[c.header] !== null && a.row[c.header] !== undefined && a.row[c.header] !== "").map((c) => String(shownValue(table, c.header, a.row[c.header] ?? null)));
      logRows.push([now, a.file, a.who, t.sheet, `${cellAddress(row, t.range.left)}:${cellAddress(row, t.range.right)}`, null, `Dòng mới: ${shown.join("; ")}`]);
      lines.push(a.line);
    });
    grids.push({ sheet: t.sheet, createSheet: false, cells, tableChanges: [{ name: t.name, addHeaders: [], bottom: t.range.bottom + rows.length }] });
  }
  if (plan.receipts.length > 0) grids.push(receiptGrid(findTable(commune, RECEIPT_TABLE), plan.receipts));
  if (lines.length > 0) grids.push(scopeGrid(commune, lines));
  if (logRows.length > 0) grids.push(appendRecords(findTable(commune, LOG_TABLE), LOG, logRows));
  return grids;
}
