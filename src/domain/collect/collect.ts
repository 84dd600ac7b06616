import { TRACKERS } from "../plan/kinds";
import { planFromTables } from "../plan/workbookPlan";
import { figuresForPeriod } from "../report/figures";
import { reportInfo } from "../report/reportInfo";
import { findTable, VALIDATED_TABLES } from "../rules/validate";
import type { CommuneFigures } from "./consolidate";
import type { Period } from "../report/period";
import { TABLE } from "../sheets/specs";
import { planTemplates, templateRequests } from "../template/planTemplates";
import type { CellUpdate, WorkbookPort } from "../workbook";
import { collectForms, identityGrid, protectForm, workbookKey, type Form } from "./forms";
import { returnsStatus, type ReturnsStatus } from "./status";
import { LOG_TABLE, mergeGrids, planMerge, type MergePlan, type MergeUpdate, type ReturnedFile } from "./merge";
import { RECEIPT_TABLE, receiptsOf } from "./receipts";

/** The workbook keeps no plan (sheet `Kế hoạch`): there are no units to send forms to. */
export class NoPlanError extends Error {
  constructor() {
    super("The workbook keeps no plan");
    this.name = "NoPlanError";
  }
}

const COMMUNE_TABLES = [TABLE.thongTin, TABLE.keHoach, TABLE.nhiemVu, TABLE.donVi, TABLE.thon, TABLE.camKet, TABLE.dongGop, TABLE.khenThuong];

/** The forms to send for a period, from the workbook (its plan, units, villages, tasks, pledges). */
export async function prepareForms(port: WorkbookPort, period: Period, today: string, due: string): Promise<Form[]> {
  const tables = await port.readTables(COMMUNE_TABLES);
  const { plan } = await planFromTables(tables);
  if (!plan) throw new NoPlanError();
  return collectForms(tables, plan, period, today, due);
}

/**
 * Draws one form into an empty workbook: the plan's sheets for its part, its rows, its identity
 * sheet; every sheet protected but the cells the unit or village fills in (a village's donations
 * sheet is left open: rows are added to it).
 */
export async function buildForm(port: WorkbookPort, form: Form): Promise<void> {
  const summary = await port.summarize();
  const values = await port.readRanges(templateRequests(summary, form.plan).map((p) => p.request));
  const { grids } = planTemplates(summary, values, form.plan, form.rows);
  await port.applyGrids([...grids.map((g) => protectForm(g, form.identity.kind)), { ...identityGrid(form.identity), protect: true }]);
}

/** The returns of a period as the workbook records them; undefined when none came back yet (or no plan). */
export async function readReturnsStatus(port: WorkbookPort, period: { from: string; to: string }): Promise<ReturnsStatus | undefined> {
  // The receipts first: a workbook that received none for the period has nothing more to read.
  const receipts = await port.readTables([RECEIPT_TABLE]);
  if (receiptsOf(receipts).every((r) => r.from !== period.from || r.to !== period.to)) return undefined;
  const tables = new Map([...(await port.readTables([TABLE.thongTin, TABLE.keHoach, TABLE.nhiemVu, TABLE.donVi, TABLE.thon])), ...receipts]);
  const { plan } = await planFromTables(tables);
  return plan ? returnsStatus(tables, plan, period) : undefined;
}

/** What a merge did: the plan, the updates applied, those skipped because their cell changed meanwhile. */
export interface MergeResult {
  plan: MergePlan;
  applied: MergeUpdate[];
  skipped: CellUpdate[];
}

/**
 * Merges returned forms into the workbook: plans the merge (nothing changes when `dryRun`), then
 * updates each cell that still holds what was read, appends the new rows, and logs every change
 * in `Nhật ký cập nhật`. `now` stamps the log.
 */
export async function mergeReturns(port: WorkbookPort, returns: readonly ReturnedFile[], today: string, now: string, options: { dryRun?: boolean; period?: { from: string; to: string } } = {}): Promise<MergeResult> {
  const tables = await port.readTables([...COMMUNE_TABLES, LOG_TABLE, RECEIPT_TABLE]);
  const { plan } = await planFromTables(tables);
  if (!plan) throw new NoPlanError();
  const key = workbookKey(plan.issuingBody.name, plan.planNumber ?? "", plan.planDate);
  const merge = planMerge(tables, key, returns, today, options.period);
  if (options.dryRun) return { plan: merge, applied: [], skipped: [] };
  const { skipped } = merge.updates.length > 0 ? await port.updateCells(merge.updates) : { skipped: [] as CellUpdate[] };
  const skippedSet = new Set(skipped.map((s) => `${s.sheet}|${s.row}|${s.col}`));
  const applied = merge.updates.filter((u) => !skippedSet.has(`${u.sheet}|${u.row}|${u.col}`));
  const grids = mergeGrids(tables, findTable(tables, LOG_TABLE), merge, applied, now);
  if (grids.length > 0) await port.applyGrids(grids);
  return { plan: merge, applied, skipped };
}

/** A commune's workbook read for the summary of communes: its body, movement, trackers and figures for the period. */
export async function readCommune(port: WorkbookPort, file: string, period: Period): Promise<CommuneFigures> {
  const tables = await port.readTables(VALIDATED_TABLES.map((v) => v.spec.name));
  const { plan } = await planFromTables(tables);
  const info = reportInfo(tables.get(TABLE.thongTin), plan);
  if (!info.body) throw new NoBodyError();
  return { file, body: info.body, movement: info.movement, trackers: plan?.trackers ?? TRACKERS, figures: figuresForPeriod(tables, period, plan?.milestones ?? []) };
}

/** A workbook without its issuing body in `Thông tin chung`: not a commune's workbook the summary can name. */
export class NoBodyError extends Error {
  constructor() {
    super("No issuing body in Thông tin chung");
    this.name = "NoBodyError";
  }
}
