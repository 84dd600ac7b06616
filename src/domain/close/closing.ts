import { recordRows, scalarOf } from "../collect/records";
import { isoOf } from "../collect/receipts";
import { serialToIso } from "../dates";
import { cellAddress, type CellScalar, type CellValue } from "../grid";
import { formatDate, formatNumber } from "../format";
import type { Period } from "../period";
import type { TableView } from "../rules/view";
import { camKetTable, dongGopTable } from "../sheets/specs";
import type { TableSpec } from "../sheets/types";
import { findTable } from "../tables";
import { Digest, digest, nameKey } from "../text";
import type { TableData } from "../workbook";
import type { Issue } from "../rules/types";

// Closing a period (chốt số liệu): once its report is sent, the rows its figures used are
// recorded, each with its values and a fingerprint, in a hidden, protected sheet of its own; the
// workbook's list of closed periods says which, when, by whom, with the headline figures. Every
// later check compares the rows as they are with the rows as closed, and names each change.

export const CLOSED_SHEET = "Kỳ đã chốt";
export const CLOSED_TABLE = "tblKyDaChot";
export const CLOSED_HEADERS = ["Kỳ", "Mã kỳ", "Từ ngày", "Đến ngày", "Ngày chốt", "Người chốt", "Trang báo cáo", "Số liệu chính", "Số dòng", "Dấu các dòng", "Trang dữ liệu", "Bảng dữ liệu", "Trạng thái"] as const;
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

/**
 * One row as closed, or as it is now: its table, its row as Excel numbers it, its fingerprint; its
 * values by header are worked out only for the rows whose fingerprint changed (`valuesOf`), so that
 * checking a closed period costs little beside the check itself.
 */
export interface ClosedRow {
  table: string;
  row: number;
  mark: string;
  /** The row's date (ISO), for the rows now; undefined when it has none or it cannot be read. */
  date?: string;
  /** Where its values are: the row's cells (now), or the snapshot's JSON (as closed). */
  source: { cells: readonly CellValue[]; columns: RowColumns } | { json: string };
}

/** The content columns of a table, by header, and where each is in the table read (undefined: missing). */
interface RowColumns {
  headers: readonly string[];
  cols: readonly (number | undefined)[];
}

/** A row's values by header. */
export function valuesOf(r: ClosedRow): Record<string, CellScalar> {
  const src = r.source;
  if ("json" in src) {
    try {
      return JSON.parse(src.json) as Record<string, CellScalar>;
    } catch {
      return {};
    }
  }
  const out: Record<string, CellScalar> = {};
  src.columns.headers.forEach((h, k) => {
    const c = src.columns.cols[k];
    out[h] = c === undefined ? null : scalarOf(src.cells[c]);
  });
  return out;
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


/** A cell's value in a row's fingerprint: its type and its text (1 and "1" differ; an empty text is nothing). */
function part(v: CellScalar): string {
  if (v === null || v === "") return "";
  return typeof v === "string" ? `s${v}` : typeof v === "number" ? `n${v}` : `b${v ? 1 : 0}`;
}

function rowOf(v: TableView, spec: TableSpec, columns: RowColumns, i: number, date: string | undefined): ClosedRow {
  const cells = v.data.rows[i] ?? [];
  let text = "";
  for (const c of columns.cols) text += `${c === undefined ? "" : part(scalarOf(cells[c]))}\u001f`;
  return { table: spec.name, row: v.data.range.top + 2 + i, mark: digest(text), ...(date !== undefined ? { date } : {}), source: { cells, columns } };
}

/** Every row of the closed tables as it is now, with its date (read once for all the closed periods). */
export function rowsNow(views: ReadonlyMap<string, TableView>): ClosedRow[] {
  const all: ClosedRow[] = [];
  for (const { spec, date } of CLOSED_TABLES) {
    const v = views.get(spec.name);
    if (!v || v.spec !== spec) continue;
    const headers = contentHeaders(spec);
    const columns: RowColumns = { headers, cols: headers.map((h) => (v.has(h) ? v.colOf(h) : undefined)) };
    for (let i = 0; i < v.rowCount; i++) if (!v.blank[i]) all.push(rowOf(v, spec, columns, i, v.text(i, date)));
  }
  return all;
}

/**
 * The fingerprint of every row a period's figures use, in the tables' order, in one pass over the
 * cells: equal to the one recorded when the period was closed, nothing changed, and the rows need
 * not be compared one by one (the check of an unchanged closed period costs one reading of its cells).
 */
export function periodMark(views: ReadonlyMap<string, TableView>, to: string): string {
  const d = new Digest();
  for (const { spec, date } of CLOSED_TABLES) {
    const v = views.get(spec.name);
    if (!v || v.spec !== spec) continue;
    d.add(`\u001d${spec.name}`);
    const cols = contentHeaders(spec).map((h) => (v.has(h) ? v.colOf(h) : undefined));
    const days = v.parsed.get(date) ?? [];
    for (let i = 0; i < v.rowCount; i++) {
      if (v.blank[i]) continue;
      const day = days[i];
      if (typeof day !== "string" || day > to) continue;
      const cells = v.data.rows[i] ?? [];
      d.row(v.data.range.top + 2 + i);
      for (const c of cols) d.cell(c === undefined ? null : scalarOf(cells[c]));
    }
  }
  return d.done();
}

/** The rows a period's figures use (dated up to its end), among the rows now. */
export function usedBy(all: readonly ClosedRow[], period: Pick<Period, "to">): ClosedRow[] {
  return all.filter((r) => r.date !== undefined && r.date <= period.to);
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

/** The snapshot's rows as recorded (their values read when asked; unreadable ones, as nothing: the sheet is protected). */
export function snapshotRows(t: TableData | undefined): ClosedRow[] {
  if (!t) return [];
  const col = (h: string) => t.headers.findIndex((x) => nameKey(x) === nameKey(h));
  const [table, row, mark, values] = SNAPSHOT_HEADERS.map(col) as [number, number, number, number];
  if (table < 0 || row < 0 || mark < 0 || values < 0) return [];
  return t.rows.map((r) => ({ table: String(scalarOf(r[table]) ?? ""), row: Number(scalarOf(r[row])), mark: String(scalarOf(r[mark]) ?? ""), source: { json: String(scalarOf(r[values]) ?? "") } }));
}

/**
 * Every difference between a closed period's rows and the rows now: a row as closed found
 * unchanged anywhere in its table is no change (a sort moves rows); the rest are paired by the row
 * they are on, column by column; what is left is removed from the period, or added to it.
 */
export function driftOf(period: ClosedPeriod, closed: readonly ClosedRow[], now: { used: readonly ClosedRow[]; all: readonly ClosedRow[] }): Drift[] {
  const out: Drift[] = [];
  // The rows now by table, then by row and by fingerprint (each fingerprint's list taken from its end).
  const byRow = new Map<string, Map<number, ClosedRow>>();
  const byMark = new Map<string, Map<string, ClosedRow[]>>();
  for (const r of now.all) {
    let rows = byRow.get(r.table);
    if (!rows) byRow.set(r.table, (rows = new Map<number, ClosedRow>()));
    rows.set(r.row, r);
    let marks = byMark.get(r.table);
    if (!marks) byMark.set(r.table, (marks = new Map<string, ClosedRow[]>()));
    const list = marks.get(r.mark);
    if (list) list.push(r);
    else marks.set(r.mark, [r]);
  }
  const taken = new Set<ClosedRow>();
  const left: ClosedRow[] = [];
  for (const c of closed) {
    // The same row where it was, else the same values anywhere (a sort moved it).
    const there = byRow.get(c.table)?.get(c.row);
    if (there && there.mark === c.mark && !taken.has(there)) {
      taken.add(there);
      continue;
    }
    const list = byMark.get(c.table)?.get(c.mark);
    let same: ClosedRow | undefined;
    while (list && list.length > 0 && !same) {
      const r = list.pop() as ClosedRow;
      if (!taken.has(r)) same = r;
    }
    if (same) taken.add(same);
    else left.push(c);
  }
  const usedNow = new Set(now.used);
  for (const c of left) {
    const r = byRow.get(c.table)?.get(c.row);
    if (!r || taken.has(r)) {
      out.push({ period, kind: "removed", table: c.table, row: c.row });
      continue;
    }
    taken.add(r);
    // A row whose date moved out of the period is gone from it; its other changes are told with it.
    const before = valuesOf(c);
    const after = valuesOf(r);
    for (const h of Object.keys(before)) {
      const was = before[h] ?? null;
      const is = after[h] ?? null;
      if (was !== is && !(was === "" && is === null) && !(was === null && is === "")) out.push({ period, kind: "changed", table: c.table, row: r.row, column: h, before: was, after: is });
    }
    if (!usedNow.has(r)) out.push({ period, kind: "removed", table: c.table, row: c.row });
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


/** Where a table's row is, for a warning that points at it. */
export function rowCell(t: TableData | undefined, row: number, column: string | undefined): { sheet: string; cell: string; col: number } {
  const c = t && column ? t.headers.findIndex((h) => nameKey(h) === nameKey(column)) : -1;
  const col = (t?.range.left ?? 0) + Math.max(0, c);
  return { sheet: t?.sheet ?? "", cell: cellAddress(row - 1, col), col };
}

/** The snapshots a check must read to name what changed: those of the periods in force whose rows changed since. */
export function snapshotsNeeded(tables: ReadonlyMap<string, TableData>, views: ReadonlyMap<string, TableView>): string[] {
  return inForce(closedPeriods(tables))
    .filter((p) => p.table !== "" && !findTable(tables, p.table) && !(p.mark !== "" && periodMark(views, p.to) === p.mark))
    .map((p) => p.table);
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
  let all: ClosedRow[] | undefined;
  for (const p of periods) {
    // Unchanged: the period's fingerprint as recorded (most checks end here, without reading the snapshot).
    if (p.mark !== "" && periodMark(views, p.to) === p.mark) continue;
    const snapshot = findTable(tables, p.table);
    // Not read yet: the caller reads it (`snapshotsNeeded`) and checks again.
    if (!snapshot) continue;
    all ??= rowsNow(views);
    const closed = snapshotRows(snapshot);
    for (const d of driftOf(p, closed, { used: usedBy(all, p), all })) {
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


