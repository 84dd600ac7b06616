import { stat, writeFile } from "node:fs/promises";
import { addReport, reportPaper } from "../domain/report/addReport";
import { addDisclosure, disclosurePaper, type Disclosure } from "../domain/report/disclosure";
import type { DocModel } from "../domain/report/document";
import { addDossier, dossierPapers } from "../domain/report/dossier";
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
  /** Write the paper as a Word file (never over an existing file); the workbook is only read. */
  docx?: string;
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
  for (const target of [o.out, o.docx]) {
    if (target && (await stat(target).then(() => true, () => false))) {
      process.stderr.write(`${t("cli-out-exists", { file: target })}\n`);
      return 1;
    }
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
  if (o.docx) {
    process.stderr.write(`${t("cli-docx-with-out")}\n`);
    return 64;
  }
  const target = o.out ?? o.file;
  return withLock(target, async (lock) => {
    const opened = await openWorkbook(o.file, false);
    const result = await job(opened.port, period);
    await saveWorkbook(opened, lock, { sameFile: !o.out, noClobber: Boolean(o.out) });
    said(result, target);
    return 0;
  });
}

/**
 * A paper as a Word file: checks the period and the target, reads the workbook (it is not
 * changed), writes the .docx (never over an existing file) and says so.
 */
async function wordPaper<R extends { docs: readonly DocModel[] }>(o: ReportOptions & { docx: string }, papers: (port: WorkbookPort, period: Period) => Promise<R>, said: (result: R) => void): Promise<number> {
  const period = await checkedArgs(o);
  if (typeof period === "number") return period;
  const opened = await openWorkbook(o.file, false);
  const result = await papers(opened.port, period);
  const { documentsDocx } = await import("../adapters/docx/documentDocx");
  const bytes = await documentsDocx(result.docs, period.label);
  await writeFile(o.docx, bytes, { flag: "wx" });
  said(result);
  process.stderr.write(`${t("cli-docx-written", { file: o.docx })}\n`);
  return 0;
}

/** `disclosure FILE --period P [--json] [--out FILE2]`: adds the disclosure list (Nghị định 93/2021); with --json prints its totals. */
export function disclosureCommand(o: ReportOptions): Promise<number> {
  const totals = (x: Disclosure) => {
    if (o.json) process.stdout.write(`${JSON.stringify({ period: x.period, ...x.totals, receipts: x.received.length, spendings: x.spent.length }, null, 2)}\n`);
  };
  if (o.docx && !o.out) return wordPaper({ ...o, docx: o.docx }, async (port, period) => {
    const { doc, disclosure } = await disclosurePaper(port, period, o.today);
    return { docs: [doc], disclosure };
  }, (r) => totals(r.disclosure));
  return addPaper(o, (port, period) => addDisclosure(port, period, o.today), (result, target) => {
    totals(result.disclosure);
    process.stderr.write(`${t("cli-report-added", { sheet: result.sheet, file: target })}\n`);
  });
}

/** `nominations FILE --period P [--out FILE2]`: adds the commendation dossier (proposal, list, draft decision). */
export function dossierCommand(o: ReportOptions): Promise<number> {
  if (o.docx && !o.out) return wordPaper({ ...o, docx: o.docx }, (port, period) => dossierPapers(port, period, o.today), () => undefined);
  return addPaper(o, (port, period) => addDossier(port, period, o.today), (result, target) => {
    for (const sheet of result.sheets) process.stderr.write(`${t("cli-report-added", { sheet, file: target })}\n`);
  });
}

/** `report FILE --period P [--json] [--out FILE2]`: adds the report sheet; with --json prints the figures. */
export function reportCommand(o: ReportOptions): Promise<number> {
  if (o.docx && !o.out) return wordPaper({ ...o, docx: o.docx }, async (port, period) => {
    const { doc, figures } = await reportPaper(port, period, o.today);
    return { docs: [doc], figures };
  }, (r) => {
    if (o.json) process.stdout.write(`${JSON.stringify(r.figures, null, 2)}\n`);
  });
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
