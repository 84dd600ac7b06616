import { readDate } from "../cells/date";
import { foldKey } from "../cells/text";
import { isoToSerial } from "../dates";
import { cellAddress, isEmptyValue, sameValue, type CellScalar, type CellValue, type Grid, type GridCell } from "../grid";
import { LEDGER_FORMS, LEDGER_KINDS, TASK_STATES } from "../sheets/enums";
import { camKetTable, dongGopTable, TABLE } from "../sheets/specs";
import { calculatedColumns } from "../template/tableGrid";
import type { CellUpdate, TableData } from "../workbook";
import { FORM_TABLE, readIdentity, rowRecord, scalarOf, TASK_FIELDS, taskKey, type FormIdentity } from "./forms";
import { KIND_WORDS, RECEIPT_HEADERS, RECEIPT_SHEET, RECEIPT_TABLE, receiptsOf, type Receipt } from "./receipts";
import { findTable } from "../rules/validate";


// Merging returned forms into the commune's workbook: a cell takes the returned value only where
// it still holds what was sent; a cell changed on both sides is a conflict, listed, never
// overwritten; new pledge and donation rows are appended once; every change is logged.

export const LOG_SHEET = "Nhật ký cập nhật";
export const LOG_TABLE = "tblNhatKy";
export const LOG_HEADERS = ["Thời điểm", "Tệp", "Phiếu của", "Trang", "Ô", "Giá trị cũ", "Giá trị mới"] as const;


/** A returned file, as read: its name and its tables. */
export interface ReturnedFile {
  file: string;
  tables: ReadonlyMap<string, TableData>;
}

export interface MergeUpdate extends CellUpdate {
  file: string;
  who: string;
  column: string;
  task: string;
}

export interface MergeConflict {
  file: string;
  who: string;
  sheet: string;
  cell: string;
  task: string;
  column: string;
  sent: CellScalar;
  /** The workbook's value now, and the value the return brings. */
  current: CellScalar;
  returned: CellScalar;
}

export interface MergeAppend {
  file: string;
  who: string;
  table: string;
  row: Record<string, CellScalar>;
}

/** A file not merged, or a value not taken, and why (a message key and its parameters). */
export interface MergeNote {
  file: string;
  code: string;
  params: Record<string, string | number>;
}

export interface MergePlan {
  /** The period merged: the one asked for, else the first return's. */
  period?: { from: string; to: string; label: string };
  merged: { file: string; who: string; kind: FormIdentity["kind"]; sentAt: string; due: string }[];
  /** Returns received for the first time (a unit's or village's first return of the period). */
  receipts: Receipt[];
  updates: MergeUpdate[];
  appends: MergeAppend[];
  conflicts: MergeConflict[];
  /** Files refused whole: not a return, another workbook's, another period's. */
  refused: MergeNote[];
  /** Values not taken because they do not pass the workbook's rules, with the cell to correct. */
  invalid: MergeNote[];
}

const get = findTable;
const same = (a: CellValue | undefined, b: CellValue | undefined) => (isEmptyValue(a ?? null) && isEmptyValue(b ?? null)) || sameValue(a ?? null, b ?? null);
const shown = (v: CellScalar): string => (v === null ? "" : String(v));

/** A date as the workbook keeps it (a serial), from a serial or a readable text; undefined when unreadable. */
function dateSerial(v: CellValue | undefined): number | null | undefined {
  if (isEmptyValue(v ?? null)) return null;
  if (typeof v === "number") return v;
  const d = readDate(v ?? null);
  return d.kind === "value" ? isoToSerial(d.value) : undefined;
}

/** A returned task value as the workbook would keep it, or a message key when it breaks a rule. */
function taskValue(field: (typeof TASK_FIELDS)[number], v: CellValue | undefined, today: string): { value: CellScalar } | { problem: string } {
  const s = scalarOf(v);
  if (field === "Trạng thái") return s === null || (typeof s === "string" && (TASK_STATES as readonly string[]).includes(s.trim())) ? { value: typeof s === "string" ? s.trim() : s } : { problem: "merge-invalid-state" };
  if (field === "Ngày hoàn thành") {
    const d = dateSerial(v);
    if (d === undefined) return { problem: "merge-invalid-date" };
    if (d !== null && d > isoToSerial(today)) return { problem: "merge-future-date" };
    return { value: d };
  }
  return { value: typeof s === "string" ? s : s === null ? null : String(s) };
}

/**
 * What merging `returns` into the commune's tables would do, in order (a later file sees what the
 * earlier ones changed). Nothing is written. `key` is the commune workbook's key; `period`, when
 * given, the only period taken.
 */
export function planMerge(commune: ReadonlyMap<string, TableData>, key: string, returns: readonly ReturnedFile[], today: string, period?: { from: string; to: string }): MergePlan {
  const plan: MergePlan = { merged: [], receipts: [], updates: [], appends: [], conflicts: [], refused: [], invalid: [] };
  const received = new Set(receiptsOf(commune).map((r) => `${foldKey(r.who)}|${r.from}|${r.to}`));
  const tasks = get(commune, TABLE.nhiemVu);
  // The commune's cells as they will stand after the updates planned so far.
  const current = new Map<string, CellValue>();
  const cellOf = (t: TableData, i: number, header: string) => ({ row: t.range.top + 1 + i, col: t.range.left + t.headers.indexOf(header) });
  const taskRows = new Map<string, number>();
  if (tasks) {
    const c = (h: string) => tasks.headers.indexOf(h);
    tasks.rows.forEach((r, i) => {
      const k = taskKey(r[c("Đơn vị")], r[c("Mục kế hoạch")], r[c("Nội dung nhiệm vụ")]);
      if (!taskRows.has(k)) taskRows.set(k, i);
    });
  }
  const appendedKeys = new Map<string, Set<string>>();
  for (const r of returns) {
    const id = readIdentity(get(r.tables, FORM_TABLE));
    if ("code" in id) {
      plan.refused.push({ file: r.file, code: id.code, params: "params" in id ? id.params : {} });
      continue;
    }
    if (id.workbook !== key) {
      plan.refused.push({ file: r.file, code: "merge-foreign", params: { body: id.body, name: id.name } });
      continue;
    }
    const wanted = period ?? plan.period;
    if (wanted && (id.period.from !== wanted.from || id.period.to !== wanted.to)) {
      plan.refused.push({ file: r.file, code: "merge-other-period", params: { label: id.period.label } });
      continue;
    }
    plan.period ??= id.period;
    plan.merged.push({ file: r.file, who: id.name, kind: id.kind, sentAt: id.sentAt, due: id.due });
    const receipt = `${foldKey(id.name)}|${id.period.from}|${id.period.to}`;
    if (!received.has(receipt)) {
      received.add(receipt);
      plan.receipts.push({ who: id.name, kind: id.kind, from: id.period.from, to: id.period.to, due: id.due, received: today, file: r.file });
    }
    if (id.kind === "unit") mergeTasks(plan, r, id, tasks, taskRows, current, cellOf, today);
    else {
      mergeRows(plan, r, id, commune, TABLE.camKet, PLEDGE_KEY, appendedKeys, today);
      mergeRows(plan, r, id, commune, TABLE.dongGop, LEDGER_KEY, appendedKeys, today);
    }
  }
  return plan;
}

function mergeTasks(plan: MergePlan, r: ReturnedFile, id: FormIdentity, tasks: TableData | undefined, taskRows: ReadonlyMap<string, number>, current: Map<string, CellValue>, cellOf: (t: TableData, i: number, h: string) => { row: number; col: number }, today: string): void {
  const back = get(r.tables, TABLE.nhiemVu);
  if (!tasks || !back) return;
  const sent = new Map(id.tasks.map((t) => [t.key, t.values] as const));
  const b = (h: string) => back.headers.indexOf(h);
  back.rows.forEach((row, i) => {
    const k = taskKey(row[b("Đơn vị")], row[b("Mục kế hoạch")], row[b("Nội dung nhiệm vụ")]);
    const was = sent.get(k);
    const at = taskRows.get(k);
    const task = String(scalarOf(row[b("Nội dung nhiệm vụ")]) ?? "");
    if (!was || at === undefined) {
      if (TASK_FIELDS.some((f) => !isEmptyValue(row[b(f)] ?? null))) plan.invalid.push({ file: r.file, code: "merge-unknown-task", params: { cell: cellAddress(back.range.top + 1 + i, back.range.left + Math.max(0, b("Nội dung nhiệm vụ"))), task } });
      return;
    }
    for (const field of TASK_FIELDS) {
      if (b(field) < 0) continue;
      const checked = taskValue(field, row[b(field)], today);
      const where = cellAddress(back.range.top + 1 + i, back.range.left + b(field));
      if ("problem" in checked) {
        plan.invalid.push({ file: r.file, code: checked.problem, params: { cell: where, column: field, task } });
        continue;
      }
      const theirs = checked.value;
      const s = was[field] ?? null;
      if (same(theirs, s)) continue;
      const { row: cr, col: cc } = cellOf(tasks, at, field);
      const id2 = `${cr}:${cc}`;
      const ours = current.has(id2) ? current.get(id2) : tasks.rows[at]?.[tasks.headers.indexOf(field)];
      if (same(ours, theirs)) continue;
      if (!same(ours, s)) {
        plan.conflicts.push({ file: r.file, who: id.name, sheet: tasks.sheet, cell: cellAddress(cr, cc), task, column: field, sent: s, current: scalarOf(ours), returned: theirs });
        continue;
      }
      plan.updates.push({ sheet: tasks.sheet, row: cr, col: cc, expected: ours ?? null, value: theirs, file: r.file, who: id.name, column: field, task });
      current.set(id2, theirs);
    }
  });
}

/** The columns that tell two rows apart (a pledge row, a ledger row): equal on all, the same row. */
const PLEDGE_KEY = ["Thôn, đơn vị", "Ngày cập nhật", "Số hộ", "Số hộ đã ký", "Số HS, SV đã ký", "Số CB, CC, VC đã ký", "Số CN, NLĐ đã ký"];
const LEDGER_KEY = ["Ngày", "Loại", "Người, đơn vị", "Hình thức", "Số tiền (đồng)", "Hiện vật", "Giá trị hiện vật (đồng)", "Nội dung"];

const rowKey = (rec: Record<string, CellScalar>, cols: readonly string[]) => cols.map((c) => (typeof rec[c] === "string" ? foldKey(rec[c]) : shown(rec[c] ?? null))).join("|");

/** A returned row checked by the table's rules; the message key of the first it breaks. */
function checkRow(table: string, rec: Record<string, CellScalar>, village: string, today: string): { row: Record<string, CellScalar> } | { problem: string; column: string } {
  const out = { ...rec };
  const dateCol = table === TABLE.camKet ? "Ngày cập nhật" : "Ngày";
  const d = dateSerial(rec[dateCol]);
  if (d === undefined || d === null) return { problem: "merge-invalid-date", column: dateCol };
  if (d > isoToSerial(today)) return { problem: "merge-future-date", column: dateCol };
  out[dateCol] = d;
  const whole = table === TABLE.camKet ? ["Số hộ", "Số hộ đã ký", "Số HS, SV đã ký", "Số CB, CC, VC đã ký", "Số CN, NLĐ đã ký"] : ["Số tiền (đồng)", "Giá trị hiện vật (đồng)", "Số lượng"];
  for (const c of whole) {
    const v = rec[c];
    if (v === null || v === undefined || v === "") continue;
    if (typeof v !== "number" || !Number.isInteger(v) || v < 0) return { problem: "merge-invalid-number", column: c };
  }
  if (table === TABLE.camKet) {
    out["Thôn, đơn vị"] = village;
    const h = rec["Số hộ"];
    const s = rec["Số hộ đã ký"];
    if (typeof h === "number" && typeof s === "number" && s > h) return { problem: "merge-signed-over", column: "Số hộ đã ký" };
  } else {
    if (!(LEDGER_KINDS as readonly string[]).includes(String(rec["Loại"] ?? ""))) return { problem: "merge-invalid-choice", column: "Loại" };
    if (!(LEDGER_FORMS as readonly string[]).includes(String(rec["Hình thức"] ?? ""))) return { problem: "merge-invalid-choice", column: "Hình thức" };
    if (isEmptyValue(rec["Thôn"] ?? null)) out["Thôn"] = village;
  }
  return { row: out };
}

function mergeRows(plan: MergePlan, r: ReturnedFile, id: FormIdentity, commune: ReadonlyMap<string, TableData>, table: string, keyCols: readonly string[], appended: Map<string, Set<string>>, today: string): void {
  const back = get(r.tables, table);
  const ours = get(commune, table);
  if (!back || !ours) return;
  let have = appended.get(table);
  if (!have) {
    have = new Set(ours.rows.map((row) => rowKey(Object.fromEntries(ours.headers.map((h, i) => [h, scalarOf(row[i])])), keyCols)));
    appended.set(table, have);
  }
  back.rows.forEach((row, i) => {
    if (row.every((v) => isEmptyValue(v))) return;
    const rec = Object.fromEntries(Object.entries(rowRecord(back, row)).map(([h, v]) => [h, scalarOf(v)]));
    const checked = checkRow(table, rec, id.name, today);
    if ("problem" in checked) {
      plan.invalid.push({ file: r.file, code: checked.problem, params: { cell: cellAddress(back.range.top + 1 + i, back.range.left + Math.max(0, back.headers.indexOf(checked.column))), column: checked.column, task: "" } });
      return;
    }
    const k = rowKey(checked.row, keyCols);
    if (have.has(k)) return;
    have.add(k);
    plan.appends.push({ file: r.file, who: id.name, table, row: checked.row });
  });
}

const SPECS = new Map([
  [TABLE.camKet, camKetTable],
  [TABLE.dongGop, dongGopTable],
]);

/**
 * The grids that append the planned rows to their tables (the table grows over them; a formula
 * column gets its formula) and the log's rows: `Nhật ký cập nhật` made on first use.
 */
export function mergeGrids(commune: ReadonlyMap<string, TableData>, log: TableData | undefined, plan: MergePlan, applied: readonly MergeUpdate[], now: string): Grid[] {
  const grids: Grid[] = [];
  const logRows: CellScalar[][] = applied.map((u) => [now, u.file, u.who, u.sheet, cellAddress(u.row, u.col), scalarOf(u.expected), u.value]);
  for (const [table, spec] of SPECS) {
    const rows = plan.appends.filter((a) => a.table === table);
    const t = get(commune, table);
    if (!t || rows.length === 0) continue;
    const formulas = calculatedColumns(t.name, spec.columns);
    const cells: GridCell[] = [];
    rows.forEach((a, k) => {
      const row = t.range.bottom + 1 + k;
      t.headers.forEach((h, j) => {
        const col = t.range.left + j;
        if (formulas[h]) cells.push({ row, col, formula: formulas[h] });
        else if (a.row[h] !== undefined && a.row[h] !== null) cells.push({ row, col, value: a.row[h] });
      });
      logRows.push([now, a.file, a.who, t.sheet, `${cellAddress(row, t.range.left)}:${cellAddress(row, t.range.right)}`, null, `Dòng mới: ${Object.values(a.row).filter((v) => v !== null && v !== "").map(String).join("; ")}`]);
    });
    grids.push({ sheet: t.sheet, createSheet: false, cells, tableChanges: [{ name: t.name, addHeaders: [], bottom: t.range.bottom + rows.length }] });
  }
  if (plan.receipts.length > 0) grids.push(receiptGrid(get(commune, RECEIPT_TABLE), plan.receipts));
  if (logRows.length === 0) return grids;
  if (log) {
    const first = log.range.bottom + 1;
    grids.push({
      sheet: log.sheet,
      createSheet: false,
      cells: logRows.flatMap((r, k) => r.map((v, j) => ({ row: first + k, col: log.range.left + j, value: v }))),
      tableChanges: [{ name: log.name, addHeaders: [], bottom: log.range.bottom + logRows.length }],
    });
  } else {
    grids.push({
      sheet: LOG_SHEET,
      createSheet: true,
      cells: [...LOG_HEADERS.map((h, j) => ({ row: 0, col: j, value: h, style: { bold: true } })), ...logRows.flatMap((r, k) => r.map((v, j) => ({ row: 1 + k, col: j, value: v })))],
      columns: [20, 34, 26, 16, 16, 28, 28].map((width, col) => ({ col, width })),
      tables: [{ name: LOG_TABLE, range: { top: 0, left: 0, bottom: logRows.length, right: LOG_HEADERS.length - 1 }, headers: LOG_HEADERS }],
      freeze: { rows: 1, cols: 0 },
    });
  }
  return grids;
}

/** The receipts appended to `Phiếu đã nhận` (made on first use), dates as dates. */
function receiptGrid(t: TableData | undefined, receipts: readonly Receipt[]): Grid {
  const date = { numFmt: "dd/mm/yyyy" } as const;
  const line = (r: Receipt): [CellScalar, GridCell["style"]][] => [
    [r.who, undefined],
    [KIND_WORDS[r.kind], undefined],
    [isoToSerial(r.from), date],
    [isoToSerial(r.to), date],
    [isoToSerial(r.due), date],
    [isoToSerial(r.received), date],
    [r.file, undefined],
  ];
  const cells = (first: number, left: number): GridCell[] => receipts.flatMap((r, k) => line(r).map(([value, style], j) => ({ row: first + k, col: left + j, value, ...(style ? { style } : {}) })));
  if (t) return { sheet: t.sheet, createSheet: false, cells: cells(t.range.bottom + 1, t.range.left), tableChanges: [{ name: t.name, addHeaders: [], bottom: t.range.bottom + receipts.length }] };
  return {
    sheet: RECEIPT_SHEET,
    createSheet: true,
    cells: [...RECEIPT_HEADERS.map((h, j) => ({ row: 0, col: j, value: h, style: { bold: true } })), ...cells(1, 0)],
    columns: [34, 11, 12, 12, 12, 12, 40].map((width, col) => ({ col, width })),
    tables: [{ name: RECEIPT_TABLE, range: { top: 0, left: 0, bottom: receipts.length, right: RECEIPT_HEADERS.length - 1 }, headers: RECEIPT_HEADERS }],
    freeze: { rows: 1, cols: 0 },
  };
}
