import { formatCount as n, formatDate, formatRate } from "../format";
import type { Period } from "../period";
import { figuresForPeriod, type Figures } from "../report/figures";
import { reportInfo } from "../report/reportInfo";
import { readOurTables, VALIDATED_TABLES } from "../rules/validate";
import { TABLE } from "../sheets/specs";
import { findTable } from "../tables";
import { nameKey } from "../text";
import type { TableData, WorkbookPort } from "../workbook";
import { CLOSED_TABLE, closedPeriods, closeGrids, inForce, reopenGrids } from "./closing";
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
export async function closePeriod(port: WorkbookPort, period: Period, o: { today: string; by?: string; report?: string }): Promise<{ sheet: string; rows: number; headline: string; by: string; report: string }> {
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
  return { sheet, rows, headline, by, report };
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
}
