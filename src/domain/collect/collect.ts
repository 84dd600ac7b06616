import { foldKey } from "../cells/text";
import { TRACKERS } from "../plan/kinds";
import { planFromTables } from "../plan/workbookPlan";
import type { PlanDefinition } from "../plan/schema";
import { figuresForPeriod } from "../report/figures";
import { lastCompletedPeriod, periodAt, type Period } from "../period";
import { reportInfo } from "../report/reportInfo";
import { VALIDATED_TABLES } from "../rules/validate";
import { findTable } from "../tables";
import { isoToSerial, serialToIso } from "../dates";
import { isEmptyValue, type CellValue } from "../grid";
import { camKetTable, dongGopTable, khenThuongTable, nhiemVuTable, TABLE } from "../sheets/specs";
import { planTemplates, templateRequests } from "../template/planTemplates";
import type { CellUpdate, RangeRequest, TableData, WorkbookPort } from "../workbook";
import { consolidate, consolidationGrid, type CommuneFigures, type Consolidation } from "./consolidate";
import type { FilesPort } from "../files";
import { collectForms, FORM_TABLE, identityGrid, protectForm, workbookKey, type Form } from "./forms";
import { guideGrid } from "./formGuide";
import { ISSUED_TABLE, issuedGrids, SCOPE_TABLE } from "./issued";
import { MERGE_TABLES, mergeGrids, planMerge, RETURN_TABLES, type MergePlan, type MergeUpdate, type ReturnedFile } from "./merge";
import { columnOf } from "./mergeTasks";
import { RECEIPT_TABLE, receiptsOf } from "./receipts";
import { scalarOf } from "./records";
import { returnsStatus, type ReturnsStatus } from "./status";

/** The workbook keeps no plan (sheet `Kế hoạch`): there are no units to send forms to. */
export class NoPlanError extends Error {
  constructor() {
    super("The workbook keeps no plan");
    this.name = "NoPlanError";
  }
}

const COMMUNE_TABLES = [TABLE.thongTin, TABLE.keHoach, TABLE.nhiemVu, TABLE.donVi, TABLE.thon, TABLE.camKet, TABLE.dongGop, TABLE.khenThuong];

/** The forms to send for a period, from the workbook (its plan, units, villages, tasks, pledges); `newId` draws each form's id. */
export async function prepareForms(port: WorkbookPort, period: Period, today: string, due: string, newId: () => string): Promise<Form[]> {
  const tables = await port.readTables(COMMUNE_TABLES);
  const { plan } = await planFromTables(tables);
  if (!plan) throw new NoPlanError();
  return collectForms(tables, plan, period, today, due, newId);
}

/**
 * Records in the commune workbook the forms about to be sent (`Phiếu đã phát`) and what each may
 * change (`Dữ liệu phiếu`): the only authority their returns are checked against. Done before the
 * forms are written: a form the workbook has no record of can never be merged.
 */
export async function recordIssued(port: WorkbookPort, forms: readonly Form[]): Promise<void> {
  if (forms.length === 0) return;
  const tables = await port.readTables([ISSUED_TABLE, SCOPE_TABLE]);
  const issued = forms.map((f) => ({ id: f.identity.id, who: f.identity.name, kind: f.identity.kind, from: f.identity.period.from, to: f.identity.period.to, sentAt: f.identity.sentAt, due: f.identity.due, file: f.fileName }));
  await port.applyGrids(issuedGrids(tables, issued, forms.flatMap((f) => f.scope)));
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
  const filled = new Set<string>(form.identity.kind === "unit" ? [TABLE.nhiemVu] : [TABLE.camKet, TABLE.dongGop]);
  // Only the sheets to fill are shown (and printed); the plan, the lists the dropdowns read and the record stay, hidden.
  const sheets = grids.map((g) => ({ ...protectForm(g, form.identity.kind), ...((g.tables ?? []).some((t) => filled.has(t.name)) ? {} : { hidden: true }) }));
  await port.applyGrids([guideGrid(form, sheets), ...sheets, { ...identityGrid(form.identity), protect: true, hidden: true }]);
}

/**
 * The period `collect` makes forms for when none is asked: the last one completed at the plan's
 * cadence, counted from the period of the workbook's latest entry (never further than today): a
 * 2021 plan opened in 2026 still gets its last half-year of 2021, not one of 2026.
 */
export function defaultCollectPeriod(tables: ReadonlyMap<string, TableData>, plan: PlanDefinition, today: string): Period {
  let latest = plan.planDate;
  const dated: [string, string][] = [[nhiemVuTable.name, "Ngày hoàn thành"], [camKetTable.name, "Ngày cập nhật"], [dongGopTable.name, "Ngày"], [khenThuongTable.name, "Ngày đề nghị"]];
  for (const [name, header] of dated) {
    const t = findTable(tables, name);
    const c = t ? columnOf(t, header) : -1;
    for (const row of c >= 0 && t ? t.rows : []) {
      const v = scalarOf(row[c]);
      const iso = typeof v === "number" ? serialToIso(v) : undefined;
      if (iso && iso > latest && iso <= today) latest = iso;
    }
  }
  const end = periodAt(latest, plan.reporting.cadence).to;
  const after = serialToIso(isoToSerial(end) + 1) ?? today;
  return lastCompletedPeriod(after < today ? after : today, plan.reporting.cadence);
}

/** The workbook's plan and the period `collect` takes by default; undefined without a plan. */
export async function readCollectDefaults(port: WorkbookPort, today: string): Promise<{ plan: PlanDefinition; period: Period } | undefined> {
  const tables = await port.readTables(COMMUNE_TABLES);
  const { plan } = await planFromTables(tables);
  return plan ? { plan, period: defaultCollectPeriod(tables, plan, today) } : undefined;
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

/** Rows read below a table of a return at most: a form's tables hold tens of rows. */
export const MAX_ROWS_BELOW = 5_000;

/**
 * A returned file as the merge reads it: its tables, and the rows typed just below each table (what
 * LibreOffice, WPS or a paste leave outside it) read as the table's last rows, never dropped.
 */
export async function readReturnedFile(port: WorkbookPort, file: string): Promise<ReturnedFile> {
  const tables = new Map(await port.readTables(RETURN_TABLES));
  const summary = await port.summarize();
  const below = new Map<string, number>();
  const beyond = new Map<string, number>();
  const requests: { name: string; t: TableData; request: RangeRequest }[] = [];
  for (const [name, t] of tables) {
    const used = summary.sheets.find((s) => s.name === t.sheet)?.usedRange;
    if (!used || used.bottom <= t.range.bottom || name === FORM_TABLE) continue;
    const bottom = Math.min(used.bottom, t.range.bottom + MAX_ROWS_BELOW);
    requests.push({ name, t, request: { sheet: t.sheet, range: { top: t.range.bottom + 1, left: t.range.left, bottom, right: t.range.right } } });
    if (used.bottom > bottom) beyond.set(name, used.bottom - bottom);
  }
  const values = requests.length > 0 ? await port.readRanges(requests.map((r) => r.request)) : [];
  requests.forEach(({ name, t }, i) => {
    const rows = values[i] ?? [];
    const filled = (row: readonly CellValue[]) => row.some((v) => !isEmptyValue(v));
    let last = rows.length - 1;
    while (last >= 0 && !filled(rows[last] as CellValue[])) last--;
    if (last < 0) return;
    const extra = rows.slice(0, last + 1);
    tables.set(name, { ...t, rows: [...t.rows, ...extra] });
    below.set(name, extra.filter(filled).length);
  });
  return { file, tables, below, beyond };
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
  const tables = await port.readTables([...MERGE_TABLES, ISSUED_TABLE, SCOPE_TABLE]);
  const { plan } = await planFromTables(tables);
  if (!plan) throw new NoPlanError();
  const key = workbookKey(plan.issuingBody.name, plan.planNumber ?? "", plan.planDate);
  const firstDay = `${Math.min(plan.year, Number(plan.planDate.slice(0, 4)))}-01-01`;
  const merge = planMerge(tables, key, returns, today, firstDay, options.period);
  if (options.dryRun) return { plan: merge, applied: [], skipped: [] };
  const { skipped } = merge.updates.length > 0 ? await port.updateCells(merge.updates) : { skipped: [] as CellUpdate[] };
  const skippedSet = new Set(skipped.map((s) => `${s.sheet}|${s.row}|${s.col}`));
  const applied = merge.updates.filter((u) => !skippedSet.has(`${u.sheet}|${u.row}|${u.col}`));
  const grids = mergeGrids(tables, merge, applied, now);
  if (grids.length > 0) await port.applyGrids(grids);
  return { plan: merge, applied, skipped };
}

/** Each form drawn into a workbook file of its own (its name, its bytes): the command line writes them, the pane zips them. */
export async function formFiles(forms: readonly Form[], period: Period, files: FilesPort): Promise<{ name: string; bytes: Uint8Array; form: Form }[]> {
  const out: { name: string; bytes: Uint8Array; form: Form }[] = [];
  for (const form of forms) {
    const book = await files.create(`Phiếu báo cáo ${period.label}: ${form.identity.name}`);
    await buildForm(book, form);
    out.push({ name: form.fileName, bytes: await book.toBytes(), form });
  }
  return out;
}

/** A file given to a job, read only when its turn comes (many communes' workbooks are never all in memory). */
export interface InputFile {
  name: string;
  read(): Promise<Uint8Array>;
}
export type Unreadable = { file: string; reason: string };

/** A file opened, read by `job`, and closed whatever happens (the preview reads each in its own worker). */
async function withOpened<T>(files: FilesPort, f: InputFile, job: (port: WorkbookPort) => Promise<T>): Promise<T> {
  const port = await files.open(await f.read(), f.name);
  try {
    return await job(port);
  } finally {
    port.close?.();
  }
}

/** Returned files as the merge reads them; a file that cannot be read is kept with the reason, never fatal. */
export async function readReturnedFiles(inputs: readonly InputFile[], files: FilesPort, reason: (e: unknown, file: string) => string): Promise<{ returns: ReturnedFile[]; unreadable: Unreadable[] }> {
  const returns: ReturnedFile[] = [];
  const unreadable: Unreadable[] = [];
  for (const f of inputs) {
    try {
      returns.push(await withOpened(files, f, (port) => readReturnedFile(port, f.name)));
    } catch (e) {
      unreadable.push({ file: f.name, reason: reason(e, f.name) });
    }
  }
  return { returns, unreadable };
}

/**
 * Communes' workbooks summed for a period (`consolidate`): each read, the summary made, and its
 * sheet as a new workbook; files that cannot be read listed with the reason, never fatal.
 */
export async function consolidateWorkbooks(inputs: readonly InputFile[], period: Period, files: FilesPort, reason: (e: unknown, file: string) => string, expected: readonly string[] = []): Promise<{ summary: Consolidation; bytes: Uint8Array }> {
  const communes: CommuneFigures[] = [];
  const unreadable: Unreadable[] = [];
  for (const f of inputs) {
    try {
      communes.push(await withOpened(files, f, (port) => readCommune(port, f.name, period)));
    } catch (e) {
      unreadable.push({ file: f.name, reason: reason(e, f.name) });
    }
  }
  const summary = consolidate(communes, period, unreadable, expected);
  const book = await files.create(`Tổng hợp các xã ${period.label}`);
  await book.applyGrids([consolidationGrid(summary)]);
  return { summary, bytes: await book.toBytes() };
}

/** A commune's workbook read for the summary of communes: its body, movement, trackers and figures for the period. */
export async function readCommune(port: WorkbookPort, file: string, period: Period): Promise<CommuneFigures> {
  const tables = await port.readTables(VALIDATED_TABLES.map((v) => v.spec.name));
  const { plan } = await planFromTables(tables);
  const info = reportInfo(findTable(tables, TABLE.thongTin), plan);
  if (!info.body) throw new NoBodyError();
  // The workbook's identity: its body and its plan (as the forms' key); its body alone without a plan.
  const key = plan ? workbookKey(plan.issuingBody.name, plan.planNumber ?? "", plan.planDate) : `body:${foldKey(info.body)}`;
  return { file, key, body: info.body, movement: info.movement, trackers: plan?.trackers ?? TRACKERS, figures: figuresForPeriod(tables, period, plan?.milestones ?? []) };
}

/** A workbook without its issuing body in `Thông tin chung`: not a commune's workbook the summary can name. */
export class NoBodyError extends Error {
  constructor() {
    super("No issuing body in Thông tin chung");
    this.name = "NoBodyError";
  }
}
