import { appendRecords, recordRows, scalarOf, type RecordTable } from "../collect/records";
import { isoOf } from "../collect/receipts";
import { isoToSerial, serialToIso } from "../dates";
import { cellAddress, type CellScalar, type Grid } from "../grid";
import { formatDate, formatNumber } from "../format";
import { parsePeriod, type Period } from "../period";
import type { TableView } from "../rules/view";
import { camKetTable, dongGopTable } from "../sheets/specs";
import type { TableSpec } from "../sheets/types";
import { findTable } from "../tables";
import { hash64, nameKey } from "../text";
import type { TableData } from "../workbook";
import type { Issue } from "../rules/types";
import type { MergeAppend, MergePlan } from "../collect/mergeTypes";
import { readDate } from "../cells/date";

// Closing a period (chốt số liệu): once its report is sent, the rows its figures used are
// recorded, each with its values and a fingerprint, in a hidden, protected sheet of its own; the
// workbook's list of closed periods says which, when, by whom, with the headline figures. Every
// later check compares the rows as they are with the rows as closed, and names each change.

export const CLOSED_SHEET = "Kỳ đã chốt";
export const CLOSED_TABLE = "tblKyDaChot";
export const CLOSED_HEADERS = ["Kỳ", "Mã kỳ", "Từ ngày", "Đến ngày", "Ngày chốt", "Người chốt", "Trang báo cáo", "Số liệu chính", "Số dòng", "Dấu các dòng", "Trang dữ liệu", "Bảng dữ liệu", "Trạng thái"] as const;
const CLOSED_SPEC: RecordTable = { sheet: CLOSED_SHEET, table: CLOSED_TABLE, headers: CLOSED_HEADERS, widths: [26, 14, 12, 12, 12, 22, 28, 48, 10, 20, 22, 24, 18], dates: ["Từ ngày", "Đến ngày", "Ngày chốt"] };
/** A closed period's state: closed, or reopened (a deliberate act, logged with its reason). */
export const CLOSED = "Đã chốt";
export const REOPENED = "Đã mở lại";

/** The snapshot's columns: which table, the row it was on, its fingerprint, its values by header (JSON). */
export const SNAPSHOT_HEADERS = ["Bảng", "Dòng", "Dấu", "Giá trị"] as const;

/**
 * The tables whose rows a period's figures use, and the column that dates a row: a row dated up to
 * the period's end is used (the money's opening balance adds up every earlier row; a pledge count
 * is the last update up to the end).
 */
export const CLOSED_TABLES: readonly { spec: TableSpec; date: string }[] = [
  { spec: dongGopTable, date: "Ngày" },
  { spec: camKetTable, date: "Ngày cập nhật" },
];

/** One row as closed, or as it is now: its table, its row as Excel numbers it, its values by header, its fingerprint. */
export interface ClosedRow {
  table: string;
  row: number;
  values: Record<string, CellScalar>;
  mark: string;
}

/** A closed period as the workbook lists it. */
export interface ClosedPeriod {
  label: string;
  code: string;
  from: string;
  to: string;
  closedOn: string;
  by: string;
  report: string;
  headline: string;
  rows: number;
  mark: string;
  sheet: string;
  table: string;
  state: string;
}

/** The columns of a table that are its rows' content: ours, but the formulas (computed from the others). */
const contentHeaders = (spec: TableSpec) => spec.columns.filter((c) => !c.formula && c.kind !== "index").map((c) => c.header);

function rowOf(v: TableView, spec: TableSpec, i: number): ClosedRow {
  const values: Record<string, CellScalar> = {};
  for (const h of contentHeaders(spec)) values[h] = v.has(h) ? scalarOf(v.raw(i, h)) : null;
  return { table: spec.name, row: v.data.range.top + 2 + i, values, mark: hash64(JSON.stringify(contentHeaders(spec).map((h) => values[h] ?? null))) };
}

/** The rows a period's figures use, as they are now; and every row of those tables (to find a row moved out of the period). */
export function rowsOfPeriod(views: ReadonlyMap<string, TableView>, period: Pick<Period, "to">): { used: ClosedRow[]; all: ClosedRow[] } {
  const used: ClosedRow[] = [];
  const all: ClosedRow[] = [];
  for (const { spec, date } of CLOSED_TABLES) {
    const v = views.get(spec.name);
    if (!v || v.spec !== spec) continue;
    for (let i = 0; i < v.rowCount; i++) {
      if (v.blank[i]) continue;
      const r = rowOf(v, spec, i);
      all.push(r);
      const d = v.text(i, date);
      if (d !== undefined && d <= period.to) used.push(r);
    }
  }
  return { used, all };
}

/** The list of closed periods. */
export function closedPeriods(tables: ReadonlyMap<string, TableData>): ClosedPeriod[] {
  return recordRows(findTable(tables, CLOSED_TABLE), CLOSED_HEADERS).map((r) => ({
    label: String(r["Kỳ"] ?? ""),
    code: String(r["Mã kỳ"] ?? ""),
    from: isoOf(r["Từ ngày"] ?? null),
    to: isoOf(r["Đến ngày"] ?? null),
    closedOn: isoOf(r["Ngày chốt"] ?? null),
    by: String(r["Người chốt"] ?? ""),
    report: String(r["Trang báo cáo"] ?? ""),
    headline: String(r["Số liệu chính"] ?? ""),
    rows: typeof r["Số dòng"] === "number" ? r["Số dòng"] : 0,
    mark: String(r["Dấu các dòng"] ?? ""),
    sheet: String(r["Trang dữ liệu"] ?? ""),
    table: String(r["Bảng dữ liệu"] ?? ""),
    state: String(r["Trạng thái"] ?? ""),
  }));
}

/** The periods closed and not reopened (the last record of each period decides). */
export function inForce(periods: readonly ClosedPeriod[]): ClosedPeriod[] {
  const last = new Map<string, ClosedPeriod>();
  for (const p of periods) last.set(p.code, p);
  return [...last.values()].filter((p) => p.state === CLOSED);
}

/** The snapshot's table name for a period's code (`2021-S1` → `tblChot_2021_S1`). */
export function snapshotTable(code: string): string {
  return `tblChot_${code.replace(/\.\./g, "_").replace(/[^A-Za-z0-9]+/g, "_")}`;
}

/** A closing refused: the period is closed already (reopen it first), or nothing of it is in the workbook. */
export class CloseError extends Error {
  constructor(
    readonly problem: "already-closed" | "no-rows" | "not-closed" | "no-reason",
    readonly period: string,
    readonly closedOn = "",
  ) {
    super(`${period}: ${problem}`);
    this.name = "CloseError";
  }
}

/**
 * The grids that close `period`: its row in `Kỳ đã chốt`, and its rows' snapshot in a hidden,
 * protected sheet of its own (`Chốt <code>`). `headline` is what the report said (its figures).
 */
export function closeGrids(tables: ReadonlyMap<string, TableData>, views: ReadonlyMap<string, TableView>, period: Period, o: { today: string; by: string; report: string; headline: string; sheetNames: readonly string[] }): { grids: Grid[]; rows: number; sheet: string } {
  const open = inForce(closedPeriods(tables)).find((p) => p.code === period.code);
  if (open) throw new CloseError("already-closed", period.label, open.closedOn);
  const { used } = rowsOfPeriod(views, period);
  if (used.length === 0) throw new CloseError("no-rows", period.label);
  let sheet = `Chốt ${period.code}`.slice(0, 31);
  for (let n = 2; o.sheetNames.some((s) => nameKey(s) === nameKey(sheet)); n++) sheet = `Chốt ${period.code} (${n})`.slice(0, 31);
  const table = `${snapshotTable(period.code)}${sheet.endsWith(")") ? `_${/\((\d+)\)$/.exec(sheet)?.[1] ?? ""}` : ""}`;
  const snapshot: Grid = {
    ...appendRecords(undefined, { sheet, table, headers: SNAPSHOT_HEADERS, widths: [14, 8, 18, 120] }, used.map((r) => [r.table, r.row, r.mark, JSON.stringify(r.values)])),
    hidden: true,
    protect: true,
  };
  const mark = hash64(used.map((r) => r.mark).join(""));
  const record = appendRecords(findTable(tables, CLOSED_TABLE), CLOSED_SPEC, [
    [period.label, period.code, isoToSerial(period.from), isoToSerial(period.to), isoToSerial(o.today), o.by || null, o.report || null, o.headline || null, used.length, mark, sheet, table, CLOSED],
  ]);
  return { grids: [snapshot, record], rows: used.length, sheet };
}

/** One difference between a closed period's rows and the rows now. */
export interface Drift {
  period: ClosedPeriod;
  kind: "changed" | "added" | "removed";
  table: string;
  /** The row now (changed, added), or the row it was on when closed (removed). */
  row: number;
  column?: string;
  before?: CellScalar;
  after?: CellScalar;
}

/** The snapshot's rows as recorded (a row whose values cannot be read is left out: the sheet is protected). */
export function snapshotRows(t: TableData | undefined): ClosedRow[] {
  return recordRows(t, SNAPSHOT_HEADERS).flatMap((r) => {
    try {
      const values = JSON.parse(String(r["Giá trị"] ?? "")) as Record<string, CellScalar>;
      return [{ table: String(r["Bảng"] ?? ""), row: Number(r["Dòng"]), values, mark: String(r["Dấu"] ?? "") }];
    } catch {
      return [];
    }
  });
}

/**
 * Every difference between a closed period's rows and the rows now: a row as closed found
 * unchanged anywhere in its table is no change (a sort moves rows); the rest are paired by the row
 * they are on, column by column; what is left is removed from the period, or added to it.
 */
export function driftOf(period: ClosedPeriod, closed: readonly ClosedRow[], now: { used: readonly ClosedRow[]; all: readonly ClosedRow[] }): Drift[] {
  const out: Drift[] = [];
  const byMark = new Map<string, ClosedRow[]>();
  for (const r of now.all) {
    const k = `${r.table}|${r.mark}`;
    const list = byMark.get(k);
    if (list) list.push(r);
    else byMark.set(k, [r]);
  }
  const taken = new Set<ClosedRow>();
  const left: ClosedRow[] = [];
  for (const c of closed) {
    const list = byMark.get(`${c.table}|${c.mark}`) ?? [];
    const same = list.find((r) => !taken.has(r) && r.row === c.row) ?? list.find((r) => !taken.has(r));
    if (same) taken.add(same);
    else left.push(c);
  }
  const byRow = new Map(now.all.map((r) => [`${r.table}|${r.row}`, r] as const));
  const usedNow = new Set(now.used);
  for (const c of left) {
    const r = byRow.get(`${c.table}|${c.row}`);
    if (!r || taken.has(r)) {
      out.push({ period, kind: "removed", table: c.table, row: c.row });
      continue;
    }
    taken.add(r);
    const spec = CLOSED_TABLES.find((t) => t.spec.name === c.table);
    // A row whose date moved out of the period is gone from it; its other changes are told with it.
    for (const h of Object.keys(c.values)) {
      const before = c.values[h] ?? null;
      const after = r.values[h] ?? null;
      if (before !== after) out.push({ period, kind: "changed", table: c.table, row: r.row, column: h, before, after });
    }
    if (spec && !usedNow.has(r)) out.push({ period, kind: "removed", table: c.table, row: c.row });
  }
  for (const r of now.used) if (!taken.has(r)) out.push({ period, kind: "added", table: r.table, row: r.row });
  return out.sort((a, b) => a.table.localeCompare(b.table) || a.row - b.row);
}

/** A value as the warning says it: a date as dd/mm/yyyy, a number with its thousands, nothing as "(trống)". */
export function shown(column: string | undefined, v: CellScalar | undefined): string {
  if (v === null || v === undefined || v === "") return "(trống)";
  const isDate = CLOSED_TABLES.some((t) => t.spec.columns.some((c) => c.header === column && c.kind === "date"));
  if (isDate && typeof v === "number") return formatDate(serialToIso(v) ?? String(v));
  if (typeof v === "number") return formatNumber(v);
  return String(v);
}

/** The period a closed record stands for. */
export function periodOf(p: ClosedPeriod): Period {
  return parsePeriod(p.code);
}

/** Where a table's row is, for a warning that points at it. */
export function rowCell(t: TableData | undefined, row: number, column: string | undefined): { sheet: string; cell: string; col: number } {
  const c = t && column ? t.headers.findIndex((h) => nameKey(h) === nameKey(column)) : -1;
  const col = (t?.range.left ?? 0) + Math.max(0, c);
  return { sheet: t?.sheet ?? "", cell: cellAddress(row - 1, col), col };
}

/** The snapshot tables of the periods in force: what a check reads beside our tables. */
export function snapshotNames(tables: ReadonlyMap<string, TableData>): string[] {
  return inForce(closedPeriods(tables)).map((p) => p.table).filter((t) => t !== "");
}

/**
 * Every change to a closed period's rows, as warnings pointing at the cell (a row removed: at the
 * table's header, with the row it was on). `tables` holds the list of closed periods and their
 * snapshots; `views` our tables as the check read them.
 */
export function driftIssues(tables: ReadonlyMap<string, TableData>, views: ReadonlyMap<string, TableView>): Issue[] {
  const periods = inForce(closedPeriods(tables));
  if (periods.length === 0) return [];
  const out: Issue[] = [];
  for (const p of periods) {
    const closed = snapshotRows(findTable(tables, p.table));
    for (const d of driftOf(p, closed, rowsOfPeriod(views, { to: p.to }))) {
      const t = views.get(d.table)?.data;
      const at = rowCell(t, d.kind === "removed" ? (t?.range.top ?? 0) + 1 : d.row, d.kind === "changed" ? d.column : undefined);
      const rule = d.kind === "changed" ? "closed-changed" : d.kind === "added" ? "closed-added" : "closed-removed";
      out.push({
        rule,
        severity: "warning",
        sheet: at.sheet,
        table: d.table,
        row: d.kind === "removed" ? (t?.range.top ?? 0) : d.row - 1,
        column: d.column ?? "",
        cell: at.cell,
        col: at.col,
        params: { period: p.label, closedOn: p.closedOn, row: d.row, column: d.column ?? "", before: shown(d.column, d.before), after: shown(d.column, d.after), cell: at.cell, sheet: at.sheet },
      });
    }
  }
  return out;
}

/**
 * The grids that reopen a closed period: a line in `Kỳ đã chốt` saying it was reopened, when and by
 * whom, and why; the same in `Nhật ký cập nhật`. Its snapshot stays (the figures sent remain provable).
 */
export function reopenGrids(tables: ReadonlyMap<string, TableData>, period: Period, o: { today: string; now: string; by: string; reason: string; log: { table: TableData | undefined; spec: RecordTable } }): Grid[] {
  const open = inForce(closedPeriods(tables)).find((p) => p.code === period.code);
  if (!open) throw new CloseError("not-closed", period.label);
  const reason = o.reason.trim();
  if (reason === "") throw new CloseError("no-reason", period.label);
  const record = appendRecords(findTable(tables, CLOSED_TABLE), CLOSED_SPEC, [
    [open.label, open.code, isoToSerial(open.from), isoToSerial(open.to), isoToSerial(o.today), o.by || null, open.report || null, `Mở lại: ${reason}`, open.rows, open.mark, open.sheet, open.table, REOPENED],
  ]);
  const log = appendRecords(o.log.table, o.log.spec, [[o.now, "", "Mở lại kỳ đã chốt", CLOSED_SHEET, "", `${open.label}: đã chốt ngày ${formatDate(open.closedOn)}`, `Mở lại ngày ${formatDate(o.today)}${o.by ? ` (${o.by})` : ""}: ${reason}`]]);
  return [record, log];
}

/**
 * A return's rows and cells that fall in a closed period are not merged: each is listed as needing the
 * period reopened (a merge is one of the ways a closed period's rows could change without a word).
 */
export function keepClosedPeriods(plan: MergePlan, commune: ReadonlyMap<string, TableData>): MergePlan {
  const periods = inForce(closedPeriods(commune));
  if (periods.length === 0) return plan;
  const covering = (table: string, date: CellScalar | undefined): ClosedPeriod | undefined => {
    const spec = CLOSED_TABLES.find((t) => t.spec.name === table);
    if (!spec || date === undefined || date === null) return undefined;
    const d = readDate(date);
    if (d.kind !== "value") return undefined;
    return periods.find((p) => d.value <= p.to);
  };
  const kept: MergeAppend[] = [];
  for (const a of plan.appends) {
    const spec = CLOSED_TABLES.find((t) => t.spec.name === a.table);
    const p = spec ? covering(a.table, a.row[spec.date]) : undefined;
    if (!p || !spec) {
      kept.push(a);
      continue;
    }
    plan.invalid.push({ file: a.file, code: "merge-closed-period", params: { period: p.label, closedOn: formatDate(p.closedOn), who: a.who, date: shown(spec.date, a.row[spec.date] ?? null) } });
  }
  plan.appends = kept;
  // A cell of a closed period's row (the row's date as the workbook has it).
  plan.updates = plan.updates.filter((u) => {
    const spec = CLOSED_TABLES.find((t) => t.spec.name === u.table);
    const t = spec ? findTable(commune, u.table) : undefined;
    if (!spec || !t) return true;
    const dateCol = t.headers.findIndex((h) => nameKey(h) === nameKey(spec.date));
    const p = dateCol < 0 ? undefined : covering(u.table, scalarOf(t.rows[u.row - t.range.top - 1]?.[dateCol]));
    if (!p) return true;
    plan.invalid.push({ file: u.file, code: "merge-closed-period", params: { period: p.label, closedOn: formatDate(p.closedOn), who: u.who, date: shown(spec.date, scalarOf(t.rows[u.row - t.range.top - 1]?.[dateCol])) } });
    return false;
  });
  return plan;
}
