import { formatCount as n, formatDate, formatRate } from "../format";
import type { Period } from "../period";
import { figuresForPeriod, type Figures } from "../report/figures";
import { reportInfo } from "../report/reportInfo";
import { readOurTables, VALIDATED_TABLES } from "../rules/validate";
import { TABLE } from "../sheets/specs";
import { findTable } from "../tables";
import { nameKey } from "../text";
import type { TableData, WorkbookPort } from "../workbook";
import type { TableView } from "../rules/view";
import { CLOSED_TABLE, CLOSED_TABLES, closedPeriods, inForce } from "./closing";
import { CloseError, closeGrids, lockAsked, lockLog, lockPlan, reopenGrids } from "./closeGrids";
import { LOG, LOG_TABLE } from "../collect/merge";

/** What the report said of the period, in a line: the money, the pledges, the tasks, the nominations. */
export function headlineOf(f: Figures): string {
  const d = f.donations;
  const parts = [
    `thu ${n(d.receivedMoney)} đồng, chi ${n(d.disbursedMoney)} đồng, tồn quỹ cuối kỳ ${n(d.closingCash)} đồng`,
    f.pledges.total.householdRate === null ? "" : `hộ đã ký ${formatRate(f.pledges.total.householdRate)}`,
    f.tasks.total > 0 ? `nhiệm vụ hoàn thành ${n(f.tasks.doneOnTime + f.tasks.doneLate)}/${n(f.tasks.total)}` : "",
    f.nominations.total > 0 ? `đề nghị khen thưởng ${n(f.nominations.total)}` : "",
  ];
  return parts.filter(Boolean).join("; ");
}

/**
 * Closes `period`: its rows recorded as they are now (a hidden, protected sheet of their own), its
 * line added to `Kỳ đã chốt` with the date, who closed it (`by`, else the report's signer), the
 * report sheet and the headline figures. Refuses a period closed already (reopen it first).
 */
export async function closePeriod(port: WorkbookPort, period: Period, o: { today: string; by?: string; report?: string; lock?: { now: string } }): Promise<{ sheet: string; rows: number; headline: string; by: string; report: string; locked: { sheets: string[]; rows: number } | undefined }> {
  const tables = await port.readTables([...VALIDATED_TABLES.map((t) => t.spec.name), CLOSED_TABLE]);
  const { views } = readOurTables(tables);
  const headline = headlineOf(figuresForPeriod(tables, period, [], views));
  const summary = await port.summarize();
  const names = summary.sheets.map((s) => s.name);
  const by = o.by?.trim() || reportInfo(findTable(tables, TABLE.thongTin), undefined).signer;
  // The report of the period the workbook holds (the last made), unless one is named.
  const report = o.report ?? [...names].reverse().find((s) => nameKey(s) === nameKey(period.sheetName) || nameKey(s).startsWith(`${nameKey(period.sheetName)} (`)) ?? "";
  const { grids, rows, sheet } = closeGrids(tables, views, period, { today: o.today, by, report, headline, sheetNames: names });
  await port.applyGrids(grids);
  // The ledger locked already (the clerk asked for it): its lock now takes this period's rows too.
  const read = { tables: new Map([...tables, ...(await port.readTables([CLOSED_TABLE, LOG_TABLE]))]), views };
  const locked = await lockClosedRows(port, o.lock ? "lock" : "refresh", { read, ...(o.lock ? { now: o.lock.now } : {}) });
  return { sheet, rows, headline, by, report, locked: o.lock ? locked : undefined };
}

/**
 * A closed period's report made again: when the period is closed and its headline figures now differ
 * from those recorded when it was closed, the sentence that says so (the figures sent, the figures now).
 */
export function closedSentence(tables: ReadonlyMap<string, TableData>, period: Period, figures: Figures): string | undefined {
  const closed = inForce(closedPeriods(tables)).find((p) => p.code === period.code);
  if (!closed) return undefined;
  const now = headlineOf(figures);
  if (now === closed.headline) return undefined;
  return `Số liệu kỳ này đã chốt ngày ${formatDate(closed.closedOn)}${closed.report ? ` (báo cáo "${closed.report}")` : ""} với: ${closed.headline}. Số liệu lập lại nay khác: ${now}. Các dòng thay đổi được nêu trong phần Kiểm tra của sổ.`;
}

/** Reopens a closed period (a deliberate act): said in `Kỳ đã chốt` and in `Nhật ký cập nhật`, with its reason. */
export async function reopenPeriod(port: WorkbookPort, period: Period, o: { today: string; now: string; by?: string; reason: string }): Promise<void> {
  const tables = await port.readTables([TABLE.thongTin, CLOSED_TABLE, LOG_TABLE]);
  const by = o.by?.trim() || reportInfo(findTable(tables, TABLE.thongTin), undefined).signer;
  await port.applyGrids(reopenGrids(tables, period, { ...o, by, log: { table: findTable(tables, LOG_TABLE), spec: LOG } }));
  // Its rows may be changed again: a lock on the ledger keeps only the periods still closed.
  await lockClosedRows(port, "refresh", {});
}

/**
 * Locks the rows of the closed periods on the ledger's sheets (sheet protection without a password,
 * every other cell left editable), lifts that lock ("unlock"), each logged in `Nhật ký cập nhật` with
 * `now`; or brings it up to date ("refresh", after a period is closed or reopened) where the clerk's
 * last word was to lock and the sheet is still protected. A table on a protected sheet cannot grow:
 * new rows are added with the lock lifted (the pane's button, `close --unlock`), then it is put back.
 */
export async function lockClosedRows(port: WorkbookPort, mode: "lock" | "unlock" | "refresh", o: { now?: string; read?: { tables: ReadonlyMap<string, TableData>; views: ReadonlyMap<string, TableView> } }): Promise<{ sheets: string[]; rows: number }> {
  if (!port.lockCells) {
    if (mode === "refresh") return { sheets: [], rows: 0 };
    throw new CloseError("cannot-lock", "");
  }
  // The log first: a refresh where no lock was asked for reads nothing else (not the ledger).
  const logged = o.read?.tables ?? (await port.readTables([LOG_TABLE]));
  const log = findTable(logged, LOG_TABLE);
  if (mode === "refresh" && !lockAsked(log)) return { sheets: [], rows: 0 };
  const tables = o.read?.tables ?? new Map([...logged, ...(await port.readTables([...CLOSED_TABLES.map((t) => t.spec.name), CLOSED_TABLE]))]);
  const views = o.read?.views ?? readOurTables(tables).views;
  const { locks, rows } = lockPlan(tables, views, mode);
  if (mode === "lock" && rows === 0) throw new CloseError("nothing-to-lock", "");
  await port.lockCells(locks);
  const sheets = locks.map((l) => l.sheet);
  if (mode !== "refresh") await port.applyGrids([lockLog({ table: log, spec: LOG }, mode, { now: o.now ?? "", sheets, rows })]);
  return { sheets, rows };
}
