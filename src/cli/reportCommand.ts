import { stat } from "node:fs/promises";
import { addReport } from "../domain/report/addReport";
import { addDisclosure } from "../domain/report/disclosure";
import { addDossier } from "../domain/report/dossier";
import { reportCaveats } from "../domain/report/caveats";
import { parsePeriod, PeriodError, type Period } from "../domain/report/period";
import type { WorkbookPort } from "../domain/workbook";
import { t } from "../i18n";
import { openWorkbook, saveWorkbook, withLock } from "./workbookFiles";

export interface ReportOptions {
  file: string;
  period: string | undefined;
  json: boolean;
  out?: string;
  today: string;
}

/** The period asked for, and that --out does not name an existing file; or the exit code of a refusal, said. */
async function checkedArgs(o: ReportOptions): Promise<Period | number> {
  let period: Period;
  try {
    period = parsePeriod(o.period ?? "");
  } catch (e) {
    if (!(e instanceof PeriodError)) throw e;
    process.stderr.write(`${t("cli-bad-period", { period: o.period ?? "" })}\n`);
    return 64;
  }
  if (o.out && (await stat(o.out).then(() => true, () => false))) {
    process.stderr.write(`${t("cli-out-exists", { file: o.out })}\n`);
    return 1;
  }
  return period;
}

/**
 * A paper command: checks the period and --out, then under the file's lock opens the workbook,
 * adds the paper, saves (FILE itself, or FILE2 never over an existing file) and says what was added.
 */
async function addPaper<R>(o: ReportOptions, job: (port: WorkbookPort, period: Period) => Promise<R>, said: (result: R, target: string) => void): Promise<number> {
  const period = await checkedArgs(o);
  if (typeof period === "number") return period;
  const target = o.out ?? o.file;
  return withLock(target, async (lock) => {
    const opened = await openWorkbook(o.file, false);
    const result = await job(opened.port, period);
    await saveWorkbook(opened, lock, { sameFile: !o.out, noClobber: Boolean(o.out) });
    said(result, target);
    return 0;
  });
}

/** `disclosure FILE --period P [--json] [--out FILE2]`: adds the disclosure list (Nghị định 93/2021); with --json prints its totals. */
export function disclosureCommand(o: ReportOptions): Promise<number> {
  return addPaper(o, (port, period) => addDisclosure(port, period, o.today), (result, target) => {
    const x = result.disclosure;
    if (o.json) process.stdout.write(`${JSON.stringify({ period: x.period, ...x.totals, receipts: x.received.length, spendings: x.spent.length }, null, 2)}\n`);
    process.stderr.write(`${t("cli-report-added", { sheet: result.sheet, file: target })}\n`);
  });
}

/** `nominations FILE --period P [--out FILE2]`: adds the commendation dossier (proposal, list, draft decision). */
export function dossierCommand(o: ReportOptions): Promise<number> {
  return addPaper(o, (port, period) => addDossier(port, period, o.today), (result, target) => {
    for (const sheet of result.sheets) process.stderr.write(`${t("cli-report-added", { sheet, file: target })}\n`);
  });
}

/** `report FILE --period P [--json] [--out FILE2]`: adds the report sheet; with --json prints the figures. */
export function reportCommand(o: ReportOptions): Promise<number> {
  return addPaper(o, (port, period) => addReport(port, period, o.today), (result, target) => {
    if (o.json) process.stdout.write(`${JSON.stringify(result.figures, null, 2)}\n`);
    process.stderr.write(`${t("cli-report-added", { sheet: result.sheet, file: target })}\n`);
    if (result.summaryAdded) process.stderr.write(`${t("cli-summary-added", { file: target })}\n`);
    // Errors, rows left out, a negative balance, missing tables: said with the result, never hidden.
    for (const c of reportCaveats(result)) process.stderr.write(`CẢNH BÁO: ${t(c.code, c.params)}\n`);
    if (result.errors > 0 || result.figures.excludedRows > 0) process.stderr.write(`${t("cli-see-validate", { file: o.file })}\n`);
    if (result.missingTables.length > 0 || result.summaryMissing.length > 0) process.stderr.write(`${t("cli-see-template", { file: o.file })}\n`);
  });
}
