import { randomBytes } from "node:crypto";
import { mkdir, readdir, stat, writeFile } from "node:fs/promises";
import * as path from "node:path";
import { consolidateWorkbooks, formFiles, mergeReturns, type InputFile, type MergeResult, NoPlanError, prepareForms, readCollectDefaults, readReturnedFiles, recordIssued } from "../domain/collect/collect";
import { nodeFiles } from "./files";
import { formId } from "../domain/collect/issued";
import { scalarOf } from "../domain/collect/records";
import { shownValue } from "../domain/collect/merge";
import { mergeMessages } from "../i18n/mergeText";
import { fileErrorOf } from "../adapters/xlsx/errors";
import { readRegularFile, readWorkbookFile } from "../adapters/xlsx/files";
import { consolidationJson, consolidationNotes } from "../domain/collect/consolidate";
import { defaultDue, dueTooEarly } from "../domain/collect/forms";
import { cellAddress } from "../domain/grid";
import { formatDate } from "../domain/format";
import { parsePeriod, PeriodError, type Period } from "../domain/period";
import { errorText, t } from "../i18n";
import { openWorkbook, saveWorkbook, withLock } from "./workbookFiles";

function periodOf(input: string | undefined): Period | undefined {
  try {
    return parsePeriod(input ?? "");
  } catch (e) {
    if (!(e instanceof PeriodError)) throw e;
    process.stderr.write(`${t("cli-bad-period", { period: input ?? "" })}\n`);
    return undefined;
  }
}

/** A new form id, from the operating system's random source. */
const newFormId = () => formId(randomBytes(15));

/**
 * `collect FILE --out DIR [--period P] [--due DATE]`: one returnable workbook per unit and per
 * village in DIR (`Phieu-bao-cao-Tram-y-te-xa-2021-S2.xlsx`), for P or else the last period
 * completed at the plan's cadence as the workbook's data stands. The workbook records what it
 * issued (the authority the returns are checked against) before any form is written; nothing is
 * recorded or written when a form's file is already in DIR. Exit 1 when a form could not be written.
 */
export async function collectCommand(o: { file: string; period: string | undefined; out: string | undefined; due: string | undefined; today: string }): Promise<number> {
  if (!o.out) {
    process.stderr.write(`${t("cli-collect-usage")}\n`);
    return 64;
  }
  const out = o.out;
  const asked = o.period === undefined ? undefined : periodOf(o.period);
  if (o.period !== undefined && !asked) return 64;
  return withLock(o.file, async (lock) => {
    const opened = await openWorkbook(o.file, false);
    const defaults = asked ? undefined : await readCollectDefaults(opened.port, o.today);
    const period = asked ?? defaults?.period;
    if (!period) {
      process.stderr.write(`${t("cli-collect-no-plan")}\n`);
      return 1;
    }
    if (!asked) process.stderr.write(`${t("cli-collect-default-period", { label: period.label, code: period.code })}\n`);
    const due = o.due ?? defaultDue(period);
    if (dueTooEarly(period, due)) {
      process.stderr.write(`${t("cli-collect-due-early", { due: formatDate(due), end: formatDate(period.to), label: period.label })}\n`);
      return 64;
    }
    let forms;
    try {
      forms = await prepareForms(opened.port, period, o.today, due, newFormId);
    } catch (e) {
      if (!(e instanceof NoPlanError)) throw e;
      process.stderr.write(`${t("cli-collect-no-plan")}\n`);
      return 1;
    }
    if (forms.length === 0) {
      process.stderr.write(`${t("cli-collect-none")}\n`);
      return 1;
    }
    await mkdir(out, { recursive: true });
    const taken = (await Promise.all(forms.map(async (f) => ((await stat(path.join(out, f.fileName)).then(() => true, () => false)) ? f : undefined)))).filter((f) => f !== undefined);
    if (taken.length > 0) {
      for (const f of taken) process.stderr.write(`${t("cli-collect-exists", { file: path.join(out, f.fileName), who: f.identity.name })}\n`);
      process.stderr.write(`${t("cli-collect-not-made", { count: taken.length, dir: out })}\n`);
      return 1;
    }
    await recordIssued(opened.port, forms);
    await saveWorkbook(opened, lock, { sameFile: true });
    let written = 0;
    const failed: string[] = [];
    for (const form of forms) {
      const target = path.join(out, form.fileName);
      try {
        const [made] = await formFiles([form], period, nodeFiles);
        await writeFile(target, (made as { bytes: Uint8Array }).bytes, { flag: "wx" });
        process.stdout.write(`${t("cli-collect-written", { file: target, who: form.identity.name })}\n`);
        written++;
      } catch (e) {
        failed.push(form.identity.name);
        process.stderr.write(`${t("cli-collect-failed", { file: target, who: form.identity.name, reason: errorText(fileErrorOf(e, target)) })}\n`);
      }
    }
    process.stdout.write(`${t("cli-collect-done", { count: written, dir: out, due: formatDate(due) })}\n`);
    if (failed.length > 0) process.stderr.write(`${t("cli-collect-some-failed", { count: failed.length, total: forms.length, names: failed.join("; ") })}\n`);
    return failed.length > 0 ? 1 : 0;
  });
}

/**
 * `merge --json`: DOMAIN.md's keys (applied, conflicts, refused, appended), then what helps read
 * them; every date as dd/mm/yyyy. A dry run counts what it would do.
 */
function mergeJson(result: MergeResult, unreadable: readonly { file: string; reason: string }[], dryRun: boolean): unknown {
  const { plan, applied, skipped } = result;
  const dmy = (iso: string) => formatDate(iso);
  const text = (n: { file: string; code: string; params: Record<string, string | number> }) => ({ ...n, message: t(n.code, { file: n.file, ...n.params }) });
  return {
    applied: dryRun ? plan.updates.length : applied.length,
    conflicts: plan.conflicts.map((c) => ({ file: c.file, sheet: c.sheet, cell: c.cell, sent: shownValue(c.table, c.column, c.sent), returned: shownValue(c.table, c.column, c.returned), current: shownValue(c.table, c.column, c.current), who: c.who, task: c.task, column: c.column })),
    refused: [...plan.refused.map((r) => ({ file: r.file, reason: t(r.code, { file: r.file, ...r.params }), code: r.code })), ...unreadable.map((u) => ({ file: u.file, reason: t("merge-unreadable", u), code: "merge-unreadable" }))],
    appended: plan.appends.length,
    dryRun,
    period: plan.period ? { from: dmy(plan.period.from), to: dmy(plan.period.to), label: plan.period.label } : null,
    merged: plan.merged.map((m) => ({ ...m, sentAt: dmy(m.sentAt), due: dmy(m.due) })),
    changes: (dryRun ? plan.updates : applied).map(({ file, who, sheet, row, col, table, column, task, expected, value }) => ({ file, who, sheet, cell: cellAddress(row, col), column, task, old: shownValue(table, column, scalarOf(expected)), value: shownValue(table, column, value) })),
    rows: plan.appends.map((a) => ({ file: a.file, who: a.who, table: a.table, row: Object.fromEntries(Object.entries(a.row).map(([h, v]) => [h, shownValue(a.table, h, v)])) })),
    receipts: plan.receipts.map((r) => ({ ...r, from: dmy(r.from), to: dmy(r.to), due: dmy(r.due), received: dmy(r.received) })),
    invalid: plan.invalid.map(text),
    notices: plan.notices.map(text),
    skipped: skipped.map((x) => ({ sheet: x.sheet, cell: cellAddress(x.row, x.col) })),
  };
}

/** A file on disk as a job's input: read when its turn comes, a regular file only, named by its base name. */
function diskFile(file: string): InputFile {
  return { name: path.basename(file), read: async () => (await readWorkbookFile(file)).bytes };
}

/** Why a return could not be read, in words, naming the file. */
function unreadableReason(e: unknown, file: string): string {
  return errorText(e, { file });
}

/**
 * `merge FILE RETURNED.xlsx… [--dry-run] [--json] [--period P]`: merges the returns into FILE
 * (under its lock, verified before the file is replaced), or with `--dry-run` only says what it
 * would do. Each return gets its own verdict: a file that cannot be read is listed, not fatal.
 */
export async function mergeCommand(o: { file: string; returns: readonly string[]; period: string | undefined; json: boolean; dryRun: boolean; today: string; now: string }): Promise<number> {
  if (o.returns.length === 0) {
    process.stderr.write(`${t("cli-merge-usage")}\n`);
    return 64;
  }
  const period = o.period === undefined ? undefined : periodOf(o.period);
  if (o.period !== undefined && !period) return 64;
  const { returns, unreadable } = await readReturnedFiles(o.returns.map(diskFile), nodeFiles, unreadableReason);
  return withLock(o.file, async (lock) => {
    const opened = await openWorkbook(o.file, false);
    let result;
    try {
      result = await mergeReturns(opened.port, returns, o.today, o.now, { dryRun: o.dryRun, ...(period ? { period } : {}) });
    } catch (e) {
      if (!(e instanceof NoPlanError)) throw e;
      process.stderr.write(`${t("cli-collect-no-plan")}\n`);
      return 1;
    }
    const { plan, applied, skipped } = result;
    const changed = applied.length > 0 || plan.appends.length > 0 || plan.receipts.length > 0 || plan.lines.length > 0;
    if (!o.dryRun && changed) await saveWorkbook(opened, lock, { sameFile: true });
    if (o.json) process.stdout.write(`${JSON.stringify(mergeJson(result, unreadable, o.dryRun), null, 2)}\n`);
    const say = (line: string) => (o.json ? process.stderr : process.stdout).write(`${line}\n`);
    for (const line of mergeMessages(result, unreadable)) process.stderr.write(`${line}\n`);
    for (const m of plan.merged) say(t("cli-merge-file", { file: m.file, who: m.who, updates: plan.updates.filter((u) => u.file === m.file).length, appends: plan.appends.filter((a) => a.file === m.file).length, conflicts: plan.conflicts.filter((c) => c.file === m.file).length }));
    for (const s of skipped) process.stderr.write(`${t("cli-merge-skipped", { sheet: s.sheet, cell: cellAddress(s.row, s.col) })}\n`);
    if (o.dryRun) say(t("cli-merge-dry"));
    else say(changed ? t("cli-merge-done", { files: plan.merged.length, file: o.file, updates: applied.length, appends: plan.appends.length }) : t("cli-merge-nothing", { file: o.file }));
    return plan.refused.length + unreadable.length > 0 && plan.merged.length === 0 ? 1 : 0;
  });
}

/** The workbooks among FILES|DIR…: a folder's .xlsx files (not Excel's `~$` lock files), in name order. */
async function workbookFiles(inputs: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const input of inputs) {
    const info = await stat(input).catch(() => undefined);
    if (info?.isDirectory()) {
      const entries = await readdir(input, { withFileTypes: true });
      // Only the folder's regular files (and links to them): a pipe or a device named .xlsx is not opened.
      const names = entries.filter((e) => (e.isFile() || e.isSymbolicLink()) && /\.xlsx$/i.test(e.name) && !e.name.startsWith("~$")).map((e) => e.name).sort();
      out.push(...names.map((n) => path.join(input, n)));
    } else out.push(input);
  }
  return out;
}

/**
 * `consolidate FILES|DIR… --period P --out SUMMARY.xlsx [--json] [--expect LIST.txt]`: one row
 * per commune's workbook with its headline figures for the period, the totals of the figures
 * every commune's plan has, and the files that could not be read (listed, not fatal). Each file
 * is only read; SUMMARY is new (never over an existing file).
 */
export async function consolidateCommand(o: { inputs: readonly string[]; period: string | undefined; out: string | undefined; json: boolean; expect: string | undefined }): Promise<number> {
  if (o.inputs.length === 0 || !o.period || (!o.out && !o.json)) {
    process.stderr.write(`${t("cli-consolidate-usage")}\n`);
    return 64;
  }
  const period = periodOf(o.period);
  if (!period) return 64;
  if (o.out && (await stat(o.out).then(() => true, () => false))) {
    process.stderr.write(`${t("cli-out-exists", { file: o.out })}\n`);
    return 1;
  }
  const expected = o.expect ? (await readRegularFile(o.expect, 16 * 1024 * 1024)).bytes.toString("utf8").split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== "") : [];
  const { summary, bytes } = await consolidateWorkbooks((await workbookFiles(o.inputs)).map(diskFile), period, nodeFiles, unreadableReason, expected);
  for (const note of consolidationNotes(summary)) process.stderr.write(`${note}\n`);
  if (o.json) process.stdout.write(`${JSON.stringify(consolidationJson(summary), null, 2)}\n`);
  if (o.out) await writeFile(o.out, bytes, { flag: "wx" });
  (o.json ? process.stderr : process.stdout).write(`${t("cli-consolidate-done", { count: summary.summed.length, unreadable: summary.unreadable.length, missing: summary.missing.length, file: o.out ?? "-" })}\n`);
  return 0;
}
