import type { PlanDefinition } from "../plan/schema";
import { VALIDATED_TABLES } from "../rules/validate";
import { TABLE } from "../sheets/specs";
import type { ReadOptions, WorkbookPort } from "../workbook";
import { figuresForPeriod, type Figures } from "./figures";
import type { Period } from "./period";
import { freeSheetName, reportGrid } from "./reportGrid";
import { reportInfo } from "./reportInfo";
import { SUMMARY_SHEET, summaryGrid } from "./summaryGrid";

/**
 * Adds the report sheet for a period (a new sheet, never over an existing one) and, when the
 * workbook lacks it, the live `Tổng hợp` sheet. `today` dates the report.
 */
export async function addReport(
  port: WorkbookPort,
  plan: PlanDefinition,
  period: Period,
  today: string,
  options?: ReadOptions,
): Promise<{ sheet: string; figures: Figures; summaryAdded: boolean }> {
  const summary = await port.summarize();
  const tables = await port.readTables(VALIDATED_TABLES.map((t) => t.spec.name), options);
  const figures = figuresForPeriod(tables, period);
  const info = reportInfo(tables.get(TABLE.thongTin), plan);
  const names = summary.sheets.map((s) => s.name);
  const sheet = freeSheetName(period.sheetName, names);
  const grids = [reportGrid(sheet, figures, info, period, today)];
  const summaryAdded = !names.some((n) => n.toLocaleLowerCase("vi") === SUMMARY_SHEET.toLocaleLowerCase("vi"));
  if (summaryAdded) grids.push(summaryGrid(plan));
  await port.applyGrids(grids);
  return { sheet, figures, summaryAdded };
}

/** The figures alone, for `report --json` and the pane's preview. */
export async function reportFigures(port: WorkbookPort, period: Period, options?: ReadOptions): Promise<Figures> {
  const tables = await port.readTables(VALIDATED_TABLES.map((t) => t.spec.name), options);
  return figuresForPeriod(tables, period);
}

/** Adds `Tổng hợp` when the workbook lacks it; its formulas are live, so an existing one is left as it is. */
export async function ensureSummarySheet(port: WorkbookPort, plan: PlanDefinition): Promise<boolean> {
  const summary = await port.summarize();
  if (summary.sheets.some((s) => s.name.toLocaleLowerCase("vi") === SUMMARY_SHEET.toLocaleLowerCase("vi"))) return false;
  await port.applyGrids([summaryGrid(plan)]);
  return true;
}
