import { bodiesInForce } from "../law";
import { findTable } from "../tables";
import { TRACKERS } from "../plan/kinds";
import { planFromTables, readWorkbookPlan } from "../plan/workbookPlan";
import { VALIDATED_TABLES, validateTables } from "../rules/validate";
import type { TableView } from "../rules/view";
import { sheetSpecsFor, TABLE } from "../sheets/specs";
import type { Grid } from "../grid";
import { nameKey } from "../text";
import type { ReadOptions, TableData, WorkbookPort, WorkbookSummary } from "../workbook";
import { reportCaveats, type Caveat } from "./caveats";
import { awardDecisions, figuresForPeriod, figuresWithLeftOut, type Figures, type LeftOutRows } from "./figures";
import type { Period } from "../period";
import type { DocModel } from "./document";
import { documentSheet } from "./documentSheet";
import { freeSheetName, FULL_SCOPE, reportDocument, type ReportExtras, type ReportScope } from "./reportGrid";
import { RECEIPT_TABLE } from "../collect/receipts";
import { bankSentence, statementRecords, STATEMENTS_TABLE } from "../bank/records";
import { CLOSED_TABLE, snapshotsNeeded } from "../close/closing";
import { closedSentence } from "../close/closeJob";
import { returnsStatus } from "../collect/status";
import type { PlanDefinition } from "../plan/schema";
import { reportInfo } from "./reportInfo";
import { figuresView, type FiguresView } from "./charts";
import { SUMMARY_SHEET, summaryGrid, summarySizes } from "./summaryGrid";

/** The workbook has none of the tracking tables: there is nothing to report on. */
export class NoTrackingTablesError extends Error {
  constructor() {
    super("The workbook has none of the tracking tables");
    this.name = "NoTrackingTablesError";
  }
}

export interface ReportAdded {
  sheet: string;
  figures: Figures;
  summaryAdded: boolean;
  /** Tracking tables the workbook lacks: their parts of the report count nothing. */
  missingTables: string[];
  /** Columns `Tổng hợp` would need and the workbook lacks (`tblX[Cột]`): it was not added. */
  summaryMissing: string[];
  /** Errors validation finds in the tables on the report's date: the report is built over them. */
  errors: number;
  /** Dates and numbers kept as text, read and counted by the report (not by `Tổng hợp`'s formulas). */
  textValues: number;
  /** District bodies left out of `Nơi nhận` (no district level from 01/07/2025). */
  goneBodies: string[];
  /** What the sheet says, block by block (a Word file is drawn from it too). */
  doc: DocModel;
  /** The rows the figures left out, by sheet and row. */
  leftOut: LeftOutRows[];
  /** Changes to the rows of closed periods since they were closed. */
  drift: number;
}

/** Every `tblX[Cột]` a grid's formulas refer to that the workbook does not have. */
function missingReferences(grid: Grid, summary: WorkbookSummary): string[] {
  const have = new Map<string, Set<string>>();
  for (const s of summary.sheets) for (const t of s.tables) have.set(nameKey(t.name), new Set(t.headers.map(nameKey)));
  const missing = new Set<string>();
  for (const c of grid.cells) {
    for (const m of (c.formula ?? "").matchAll(/\b(tbl[A-Za-z0-9_]+)\[([^\][]+)\]/g)) {
      const [table, column] = [m[1] as string, m[2] as string];
      if (column.startsWith("#")) continue;
      if (!have.get(nameKey(table))?.has(nameKey(column.replace(/'(.)/g, "$1")))) missing.add(`${table}[${column}]`);
    }
  }
  return [...missing];
}

/** What the report says beside its figures: the awards' decisions, and the returns when forms were collected. */
function extrasOf(tables: ReadonlyMap<string, TableData>, plan: PlanDefinition | undefined, period: Period, figures: Figures, views?: ReadonlyMap<string, TableView>): ReportExtras {
  const returns = plan ? returnsStatus(tables, plan, period) : undefined;
  const bank = bankSentence(period, figures.donations.bank, statementRecords(tables), "kỳ");
  const closed = closedSentence(tables, period, figures);
  return { decisions: awardDecisions(tables, period, views), ...(returns ? { returns } : {}), ...(bank ? { bank } : {}), ...(closed ? { closed } : {}) };
}

/**
 * What a report for `period` is built over: the tracking tables, those missing, the figures, and
 * what validation says of the data on `today` (errors; dates and numbers read from text).
 * Refuses a workbook without any tracking table.
 */
/** The tables a report reads: the tracking tables and the record of returns received. */
export const REPORT_TABLES: readonly string[] = [...VALIDATED_TABLES.map((t) => t.spec.name), RECEIPT_TABLE, STATEMENTS_TABLE, CLOSED_TABLE];

async function readForReport(port: WorkbookPort, period: Period, today: string, options?: ReadOptions) {
  let tables = await port.readTables(REPORT_TABLES, options);
  const { plan, problems } = await planFromTables(tables);
  // The tables the plan's trackers need (every one in a workbook without a plan).
  const wanted = sheetSpecsFor(plan?.trackers ?? TRACKERS).flatMap((s) => s.tables.map((t) => t.name)).filter((n) => n !== TABLE.keHoach || plan !== undefined);
  const missingTables = wanted.filter((n) => ![...tables.keys()].some((k) => nameKey(k) === nameKey(n)));
  if (missingTables.length === wanted.length) throw new NoTrackingTablesError();
  // Validation reads every cell once; the figures take its reading.
  let { issues, views } = validateTables(tables, today);
  // The snapshots of the closed periods whose rows changed since, to name what changed (most reports: none).
  const needed = snapshotsNeeded(tables, views);
  const more = needed.length > 0 ? await port.readTables(needed, options) : undefined;
  if (more && more.size > 0) {
    tables = new Map([...tables, ...more]);
    ({ issues, views } = validateTables(tables, today));
  }
  const goneBodies = bodiesInForce(reportInfo(findTable(tables, TABLE.thongTin), plan).reportRecipients, today).gone;
  const scope: ReportScope = plan ? { trackers: plan.trackers, launch: plan.milestones.some((m) => m.kind === "launch") } : FULL_SCOPE;
  return {
    tables,
    plan,
    planProblems: problems,
    scope,
    missingTables,
    ...figuresWithLeftOut(tables, period, plan?.milestones ?? [], views),
    views,
    errors: issues.filter((i) => i.severity === "error" && i.rule !== "table-missing").length,
    drift: issues.filter((i) => i.rule.startsWith("closed-")).length,
    textValues: issues.filter((i) => i.rule === "number-as-text" || i.rule === "date-as-text").length,
    goneBodies,
  };
}

/**
 * Adds the report sheet for a period (a new sheet, never over an existing one) and, when the
 * workbook lacks it and has every table it refers to, the live `Tổng hợp` sheet. `today` dates
 * the report. Refuses a workbook without any tracking table.
 */
export async function addReport(port: WorkbookPort, period: Period, today: string, options?: ReadOptions): Promise<ReportAdded> {
  // The tables and their reading end with `prepared`: only the grids and the result are kept while the sheet is written.
  const { grids, result } = await prepareReport(port, period, today, options);
  await port.applyGrids(grids);
  return result;
}

/** What `addReport` writes and says, from the tables read (which are dropped once it is made). */
async function prepareReport(port: WorkbookPort, period: Period, today: string, options?: ReadOptions): Promise<{ grids: Grid[]; result: ReportAdded }> {
  // The tables first: an adapter that streams a big sheet for them learns its used range on the way.
  const { tables, plan, scope, missingTables, figures, errors, textValues, goneBodies, views, leftOut, drift } = await readForReport(port, period, today, options);
  const summary = await port.summarize();
  const info = reportInfo(findTable(tables, TABLE.thongTin), plan);
  const names = summary.sheets.map((s) => s.name);
  const sheet = freeSheetName(period.sheetName, names);
  const doc = reportDocument(figures, info, period, today, scope, extrasOf(tables, plan, period, figures, views));
  const grids = [documentSheet(sheet, doc)];
  const wantSummary = !names.some((n) => nameKey(n) === nameKey(SUMMARY_SHEET));
  const live = summaryGrid({ year: plan?.year ?? Number(period.from.slice(0, 4)), trackers: scope.trackers, sizes: summarySizes(tables) });
  const summaryMissing = wantSummary ? missingReferences(live, summary) : [];
  const summaryAdded = wantSummary && summaryMissing.length === 0;
  if (summaryAdded) grids.push(live);
  return { grids, result: { sheet, figures, summaryAdded, missingTables, summaryMissing, errors, textValues, goneBodies, doc, leftOut, drift } };
}

/** The report of a period as blocks (for a Word file), with its figures; nothing is written. */
export async function reportPaper(port: WorkbookPort, period: Period, today: string, options?: ReadOptions): Promise<{ doc: DocModel; figures: Figures }> {
  const { tables, plan, scope, figures, views } = await readForReport(port, period, today, options);
  return { doc: reportDocument(figures, reportInfo(findTable(tables, TABLE.thongTin), plan), period, today, scope, extrasOf(tables, plan, period, figures, views)), figures };
}

/**
 * What the user should know before a report is built for `period`: errors in the data, values
 * read from text, rows that will be left out, a negative balance, missing tables, or no data at
 * all in the period. Nothing is written. An empty list: the report can be built as a plain success.
 */
/** What a paper would be built over: the period's figures and the caveats to say first. */
export interface Preflight {
  figures: Figures;
  caveats: Caveat[];
}

export async function reportPreflight(port: WorkbookPort, period: Period, today: string, options?: ReadOptions): Promise<Preflight> {
  const { figures, errors, textValues, missingTables, planProblems, goneBodies, leftOut, drift } = await readForReport(port, period, today, options);
  const caveats = reportCaveats({ figures, errors, textValues, missingTables, summaryMissing: [], goneBodies, leftOut, drift });
  const first = planProblems[0];
  if (first) caveats.unshift({ code: "report-plan-unreadable", params: { sheet: first.sheet, cell: first.cell, message: first.message } });
  if (!hasData(figures)) caveats.push({ code: "report-no-data", params: { label: figures.period.label } });
  return { figures, caveats };
}

/** The preflight as the pane shows it: the caveats, and the figures' cards and charts only. */
export interface PanePreflight {
  view: FiguresView;
  caveats: Caveat[];
}

export async function panePreflight(port: WorkbookPort, period: Period, today: string, options?: ReadOptions): Promise<PanePreflight> {
  const { figures, caveats } = await reportPreflight(port, period, today, options);
  return { view: figuresView(figures), caveats };
}

export { figuresView };

/** Whether anything was recorded in the period: a pledge update, a donation or a nomination (tasks stand for the whole plan). */
function hasData(f: Figures): boolean {
  const d = f.donations;
  return f.pledges.byPlace.some((p) => p.asOf >= f.period.from) || d.receivedMoney + d.receivedGoodsValue + d.disbursedMoney + d.disbursedGoodsValue > 0 || f.nominations.total > 0;
}

/** The figures alone, for `report --json` and the pane's preview. */
export async function reportFigures(port: WorkbookPort, period: Period, options?: ReadOptions): Promise<Figures> {
  const tables = await port.readTables(VALIDATED_TABLES.map((t) => t.spec.name), options);
  return figuresForPeriod(tables, period, (await planFromTables(tables)).plan?.milestones ?? []);
}

/**
 * Adds `Tổng hợp` when the workbook lacks it and has every table column it refers to (a formula
 * to a missing table would show #NAME?); its formulas are live, so an existing one is left as it is.
 */
export async function ensureSummarySheet(port: WorkbookPort, today: string): Promise<"added" | "present" | "tables-missing"> {
  const summary = await port.summarize();
  if (summary.sheets.some((s) => nameKey(s.name) === nameKey(SUMMARY_SHEET))) return "present";
  const { plan } = await readWorkbookPlan(port);
  const catalogues = await port.readTables([TABLE.donVi, TABLE.thon, TABLE.nhomDongGop, TABLE.hinhThucKhenThuong]);
  const live = summaryGrid({ year: plan?.year ?? Number(today.slice(0, 4)), trackers: plan?.trackers ?? TRACKERS, sizes: summarySizes(catalogues) });
  if (missingReferences(live, summary).length > 0) return "tables-missing";
  await port.applyGrids([live]);
  return "added";
}
