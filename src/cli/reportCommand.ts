import { stat, writeFile } from "node:fs/promises";
import { addReport } from "../domain/report/addReport";
import { closePeriod, lockClosedRows, reopenPeriod } from "../domain/close/closeJob";
import { formatMoment } from "../domain/format";
import { addDisclosure, leftOutSentence } from "../domain/report/disclosure";
import type { DocModel } from "../domain/report/document";
import { addDossier } from "../domain/report/dossier";
import { addReminder } from "../domain/collect/remind";
import { reportCaveats } from "../domain/report/caveats";
import { parsePeriod, PeriodError, type Period } from "../domain/period";
import type { WorkbookPort } from "../domain/workbook";
import { t } from "../i18n";
import { openWorkbook, saveWorkbook, withLock } from "./workbookFiles";

export interface ReportOptions {
  file: string;
  period: string | undefined;
  json: boolean;
  out?: string;
  /** Also write the paper as a Word file (never over an existing file). */
  docx?: string;
  /** `disclosure --by-village`: one posting list per village. */
  byVillage?: boolean;
  /** `report --close`: the period closed once its report is made; `by` says who closes it. */
  close?: boolean;
  by?: string;
  /** `close --reopen REASON`: the period reopened, with its reason (logged). */
  reopen?: string;
  /** `close --lock` / `--unlock`, `report --close --lock`: the closed periods' rows locked (sheet protection, no password), or the lock lifted. */
  lock?: boolean;
  unlock?: boolean;
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
 * A paper command: checks the period, --out and --docx, then under the file's lock opens the
 * workbook, adds the paper, saves (FILE itself, or FILE2 never over an existing file), with
 * --docx also writes the paper as a Word file (never over an existing file), and says what was added.
 */
async function addPaper<R>(o: ReportOptions, job: (port: WorkbookPort, period: Period) => Promise<R>, docs: (result: R) => readonly DocModel[], said: (result: R, target: string) => void, jsonWrites = false): Promise<number> {
  const period = await checkedArgs(o);
  if (typeof period === "number") return period;
  const target = o.out ?? o.file;
  // --json without --out prints the figures and writes no workbook (DOMAIN.md): the paper is made in memory only.
  // A command without --out (remind) writes its paper into FILE with --json too.
  const printOnly = o.json && !o.out && !jsonWrites;
  return withLock(target, async (lock) => {
    const opened = await openWorkbook(o.file, false);
    const result = await job(opened.port, period);
    if (printOnly) process.stderr.write(`${t("cli-json-only", { file: o.file })}\n`);
    else {
      await saveWorkbook(opened, lock, { sameFile: !o.out, noClobber: Boolean(o.out) });
      said(result, target);
    }
    if (o.docx) {
      const { documentsDocx } = await import("../adapters/docx/documentDocx");
      await writeFile(o.docx, await documentsDocx(docs(result), period.label), { flag: "wx" });
      process.stderr.write(`${t("cli-docx-written", { file: o.docx })}\n`);
    }
    return 0;
  });
}

/**
 * `disclosure FILE --period P [--by-village] [--json] [--out FILE2] [--docx OUT.docx]`: adds the
 * disclosure list (Nghị định 93/2021), or one posting list per village; with --json prints its totals
 * (and each village's).
 */
export function disclosureCommand(o: ReportOptions): Promise<number> {
  return addPaper(
    o,
    async (port, period) => {
      const result = await addDisclosure(port, period, o.today, { byVillage: o.byVillage === true });
      const x = result.disclosure;
      const villages = result.villages?.map((v) => ({ village: v.village, ...v.totals, receipts: v.received.length, spendings: v.spent.length }));
      if (o.json) process.stdout.write(`${JSON.stringify({ period: x.period, ...x.totals, receipts: x.received.length, spendings: x.spent.length, leftOut: x.leftOut, ...(villages ? { villages } : {}) }, null, 2)}\n`);
      const left = leftOutSentence(x.leftOut);
      if (left) process.stderr.write(`CẢNH BÁO: ${left}\n${t("cli-see-validate", { file: o.file })}\n`);
      return result;
    },
    (r) => r.docs,
    (result, target) => process.stderr.write(`${t("cli-report-added", { sheet: result.sheet, file: target })}\n`),
  );
}

/** `nominations FILE --period P [--out FILE2] [--docx OUT.docx]`: adds the commendation dossier (proposal, list, draft decision). */
export function dossierCommand(o: ReportOptions): Promise<number> {
  return addPaper(o, (port, period) => addDossier(port, period, o.today), (r) => r.docs, (result, target) => {
    for (const sheet of result.sheets) process.stderr.write(`${t("cli-report-added", { sheet, file: target })}\n`);
    if (result.unsigned) process.stderr.write(`LƯU Ý: ${t("dossier-unsigned")}\n`);
  });
}

/** `report FILE --period P [--json] [--out FILE2] [--docx OUT.docx]`: adds the report sheet (and writes it as a Word file); with --json prints the figures. */
export function reportCommand(o: ReportOptions): Promise<number> {
  return addPaper(
    o,
    async (port, period) => {
      const result = await addReport(port, period, o.today);
      if (o.json) process.stdout.write(`${JSON.stringify(result.figures, null, 2)}\n`);
      // Errors, rows left out, a negative balance, missing tables: said with the result, never hidden.
      for (const c of reportCaveats(result)) process.stderr.write(`CẢNH BÁO: ${t(c.code, c.params)}\n`);
      const closed = o.close ? await closePeriod(port, period, { today: o.today, ...(o.by ? { by: o.by } : {}), report: result.sheet, ...(o.lock ? { lock: { now: formatMoment(new Date()) } } : {}) }) : undefined;
      return { ...result, closed, label: period.label };
    },
    (r) => [r.doc],
    (result, target) => {
      process.stderr.write(`${t("cli-report-added", { sheet: result.sheet, file: target })}\n`);
      if (result.closed) closedSaid(result.closed, result.label, target);
      if (result.summaryAdded) process.stderr.write(`${t("cli-summary-added", { file: target })}\n`);
      if (result.errors > 0 || result.figures.excludedRows > 0) process.stderr.write(`${t("cli-see-validate", { file: o.file })}\n`);
      if (result.missingTables.length > 0 || result.summaryMissing.length > 0) process.stderr.write(`${t("cli-see-template", { file: o.file })}\n`);
    },
  );
}

/**
 * `remind FILE --period P [--today D] [--docx OUT.docx] [--json]`: the units and villages whose form
 * for P has not come back by its due date: the letter (công văn đôn đốc) added as a sheet of FILE
 * (and written as Word), a short message for each printed; --json prints them as data. Nobody late:
 * nothing written, exit 1 with the reason.
 */
export function remindCommand(o: ReportOptions): Promise<number> {
  return addPaper(
    o,
    async (port, period) => {
      const result = await addReminder(port, period, o.today);
      const r = result.reminders;
      if (o.json) process.stdout.write(`${JSON.stringify({ missing: r.missing, newDue: r.newDue, notYetDue: r.notYetDue }, null, 2)}\n`);
      else for (const m of r.missing) process.stdout.write(`${m.owner} (${m.form}):\n${m.message}\n\n`);
      return result;
    },
    (r) => [r.doc],
    (result, target) => process.stderr.write(`${t("cli-remind-added", { sheet: result.sheet, file: target, count: result.reminders.missing.length })}\n`),
    true,
  );
}

/**
 * `close FILE --period P [--by NAME] [--today D]`: closes the period (chốt số liệu): its rows recorded
 * in a hidden, protected sheet, the period listed in `Kỳ đã chốt` with its figures; from then on the
 * check and the report name every change to them.
 */
export function closeCommand(o: ReportOptions): Promise<number> {
  // The rows of the periods closed already, locked or unlocked: no period to name.
  if ((o.lock || o.unlock) && o.period === undefined && o.reopen === undefined) return lockCommand(o, o.unlock ? "unlock" : "lock");
  if (o.reopen !== undefined)
    return addPaper(
      { ...o, json: false },
      async (port, period) => {
        await reopenPeriod(port, period, { today: o.today, now: formatMoment(new Date()), reason: o.reopen ?? "", ...(o.by ? { by: o.by } : {}) });
        return period.label;
      },
      () => [],
      (label, target) => process.stderr.write(`${t("cli-reopen-done", { period: label, file: target })}\n`),
    );
  return addPaper(
    { ...o, json: false },
    async (port, period) => ({ ...(await closePeriod(port, period, { today: o.today, ...(o.by ? { by: o.by } : {}), ...(o.lock ? { lock: { now: formatMoment(new Date()) } } : {}) })), label: period.label }),
    () => [],
    (r, target) => closedSaid(r, r.label, target),
  );
}

/** A period closed, said; and its rows locked, when asked. */
function closedSaid(r: Awaited<ReturnType<typeof closePeriod>>, period: string, file: string): void {
  process.stderr.write(`${t("cli-close-done", { period, file, sheet: r.sheet, rows: r.rows, report: r.report, by: r.by })}\n`);
  if (r.locked !== undefined) process.stderr.write(`${t("cli-lock-done", { rows: r.locked.rows, sheets: r.locked.sheets.map((s) => `"${s}"`).join(", "), file })}\n`);
}

/** `close FILE --lock` / `--unlock`: the closed periods' rows locked on the ledger's sheets, or the lock lifted. */
function lockCommand(o: ReportOptions, mode: "lock" | "unlock"): Promise<number> {
  return withLock(o.file, async (lock) => {
    const opened = await openWorkbook(o.file, false);
    const r = await lockClosedRows(opened.port, mode, { now: formatMoment(new Date()) });
    await saveWorkbook(opened, lock, { sameFile: true, noClobber: false });
    const sheets = r.sheets.map((s) => `"${s}"`).join(", ");
    process.stderr.write(`${t(mode === "lock" ? "cli-lock-done" : "cli-unlock-done", { rows: r.rows, sheets, file: o.file })}\n`);
    return 0;
  });
}
