import { appendRecords, scalarOf, type RecordTable } from "../collect/records";
import type { MergeAppend, MergePlan } from "../collect/mergeTypes";
import { readDate } from "../cells/date";
import { isoToSerial } from "../dates";
import { formatDate } from "../format";
import { cellAddress, type CellScalar, type Grid, type RangeBox } from "../grid";
import type { Period } from "../period";
import type { TableView } from "../rules/view";
import { findTable } from "../tables";
import { nameKey } from "../text";
import type { SheetLock, TableData } from "../workbook";
import { CLOSED, CLOSED_HEADERS, CLOSED_SHEET, CLOSED_TABLE, CLOSED_TABLES, closedPeriods, inForce, periodMark, REOPENED, rowsNow, shown, SNAPSHOT_HEADERS, usedBy, valuesOf, type ClosedPeriod } from "./closing";

// What closing, reopening and locking a period write, and what a merge must leave alone: the
// jobs that change the workbook (the check reads only `closing.ts`, so this stays out of its way).

const CLOSED_SPEC: RecordTable = { sheet: CLOSED_SHEET, table: CLOSED_TABLE, headers: CLOSED_HEADERS, widths: [26, 14, 12, 12, 12, 22, 28, 48, 10, 20, 22, 24, 18], dates: ["Từ ngày", "Đến ngày", "Ngày chốt"] };

/** The snapshot's table name for a period's code (`2021-S1` → `tblChot_2021_S1`). */
export function snapshotTable(code: string): string {
  return `tblChot_${code.replace(/\.\./g, "_").replace(/[^A-Za-z0-9]+/g, "_")}`;
}

/** A closing refused: the period is closed already (reopen it first), or nothing of it is in the workbook. */
export class CloseError extends Error {
  constructor(
    readonly problem: "already-closed" | "no-rows" | "not-closed" | "no-reason" | "cannot-lock" | "nothing-to-lock",
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
  const used = usedBy(rowsNow(views), period);
  if (used.length === 0) throw new CloseError("no-rows", period.label);
  let sheet = `Chốt ${period.code}`.slice(0, 31);
  for (let n = 2; o.sheetNames.some((s) => nameKey(s) === nameKey(sheet)); n++) sheet = `Chốt ${period.code} (${n})`.slice(0, 31);
  const table = `${snapshotTable(period.code)}${sheet.endsWith(")") ? `_${/\((\d+)\)$/.exec(sheet)?.[1] ?? ""}` : ""}`;
  const snapshot: Grid = {
    ...appendRecords(undefined, { sheet, table, headers: SNAPSHOT_HEADERS, widths: [14, 8, 18, 120] }, used.map((r) => [r.table, r.row, r.mark, JSON.stringify(valuesOf(r))])),
    hidden: true,
    protect: true,
  };
  const mark = periodMark(views, period.to);
  const record = appendRecords(findTable(tables, CLOSED_TABLE), CLOSED_SPEC, [
    [period.label, period.code, isoToSerial(period.from), isoToSerial(period.to), isoToSerial(o.today), o.by || null, o.report || null, o.headline || null, used.length, mark, sheet, table, CLOSED],
  ]);
  return { grids: [snapshot, record], rows: used.length, sheet };
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
    plan.invalid.push({ file: a.file, code: "merge-closed-period", params: { period: p.label, closedOn: formatDate(p.closedOn), who: a.who, date: shown(spec.date, a.row[spec.date] ?? null), cell: a.at?.cell ?? "", sheet: a.at?.sheet ?? "", where: "return" } });
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
    plan.invalid.push({ file: u.file, code: "merge-closed-period", params: { period: p.label, closedOn: formatDate(p.closedOn), who: u.who, date: shown(spec.date, scalarOf(t.rows[u.row - t.range.top - 1]?.[dateCol])), cell: cellAddress(u.row, u.col), sheet: u.sheet, where: "book" } });
    return false;
  });
  return plan;
}

/**
 * How the ledger's sheets are locked (the clerk asks for it): on each sheet of a closed table, its
 * header and every row dated up to the end of the last period in force locked, in the table's
 * columns; the rest of the sheet left editable (the open periods' rows, new rows, notes beside).
 * "unlock" lifts the protection; "refresh" brings a lock up to date where there is one (after a
 * period is closed or reopened), and lifts it when no period is closed any more.
 */
export function lockPlan(tables: ReadonlyMap<string, TableData>, views: ReadonlyMap<string, TableView>, mode: "lock" | "unlock" | "refresh"): { locks: SheetLock[]; rows: number } {
  const end = inForce(closedPeriods(tables)).reduce((m, p) => (p.to > m ? p.to : m), "");
  const bySheet = new Map<string, SheetLock>();
  let rows = 0;
  for (const { spec, date } of CLOSED_TABLES) {
    const v = views.get(spec.name);
    if (!v || v.spec !== spec) continue;
    const t = v.data;
    const lock = bySheet.get(nameKey(t.sheet)) ?? { sheet: t.sheet, locked: mode === "unlock" || end === "" ? null : [], ...(mode === "refresh" ? { onlyIfProtected: true } : {}) };
    bySheet.set(nameKey(t.sheet), lock);
    if (!lock.locked) continue;
    const { left, right } = t.range;
    const boxes: RangeBox[] = [{ top: t.range.top, bottom: t.range.top, left, right }];
    const days = v.parsed.get(date) ?? [];
    for (let i = 0; i < v.rowCount; i++) {
      const day = days[i];
      if (v.blank[i] || typeof day !== "string" || day > end) continue;
      const r = t.range.top + 1 + i;
      const last = boxes[boxes.length - 1] as RangeBox;
      if (last.bottom === r - 1) last.bottom = r;
      else boxes.push({ top: r, bottom: r, left, right });
      rows++;
    }
    lock.locked.push(...boxes);
  }
  return { locks: [...bySheet.values()], rows };
}

/** What the log says of a lock: asked for, or lifted (the last of these decides whether a lock is kept in step). */
export const LOCKED_ACTION = "Khóa các dòng đã chốt";
export const UNLOCKED_ACTION = "Mở khóa các dòng đã chốt";

/** Whether the clerk's last word on the lock was to lock (a user's own protection of the sheet is never taken for ours). */
export function lockAsked(log: TableData | undefined): boolean {
  const col = log ? log.headers.findIndex((h) => nameKey(h) === nameKey("Phiếu của")) : -1;
  if (!log || col < 0) return false;
  for (let i = log.rows.length - 1; i >= 0; i--) {
    const v = scalarOf(log.rows[i]?.[col]);
    if (v === LOCKED_ACTION) return true;
    if (v === UNLOCKED_ACTION) return false;
  }
  return false;
}

/** The log's line for a lock asked for or lifted: when, which sheets, how many rows. */
export function lockLog(log: { table: TableData | undefined; spec: RecordTable }, mode: "lock" | "unlock", o: { now: string; sheets: readonly string[]; rows: number }): Grid {
  return appendRecords(log.table, log.spec, [[o.now, "", mode === "lock" ? LOCKED_ACTION : UNLOCKED_ACTION, o.sheets.join(", "), "", "", mode === "lock" ? `${o.rows} dòng khóa (bảo vệ trang, không mật khẩu)` : "Bỏ bảo vệ trang"]]);
}
