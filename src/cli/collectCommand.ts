import { mkdir, readdir, readFile, stat, writeFile } from "node:fs/promises";
import * as path from "node:path";
import { XlsxWorkbook } from "../adapters/xlsx/xlsxWorkbook";
import { buildForm, mergeReturns, NoBodyError, NoPlanError, prepareForms, readCommune } from "../domain/collect/collect";
import { consolidate, consolidationGrid, consolidationJson, type CommuneFigures } from "../domain/collect/consolidate";
import { defaultDue, FORM_TABLE } from "../domain/collect/forms";
import type { ReturnedFile } from "../domain/collect/merge";
import { cellAddress } from "../domain/grid";
import { formatDate } from "../domain/format";
import { lastCompletedPeriod, parsePeriod, PeriodError, type Period } from "../domain/report/period";
import { readWorkbookPlan } from "../domain/plan/workbookPlan";
import { TABLE } from "../domain/sheets/specs";
import { t } from "../i18n";
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

/**
 * `collect FILE --out DIR [--period P] [--due DATE]`: one returnable workbook per unit and per
 * village in DIR (`Phieu-bao-cao-Tram-y-te-xa-2021-S2.xlsx`), never over an existing file, for P
 * or else the last period completed at the plan's cadence. The workbook is only read. Returns
 * are due `--due`, by default five days after the period.
 */
export async function collectCommand(o: { file: string; period: string | undefined; out: string | undefined; due: string | undefined; today: string }): Promise<number> {
  if (!o.out) {
    process.stderr.write(`${t("cli-collect-usage")}\n`);
    return 64;
  }
  const opened = await openWorkbook(o.file, false);
  // The period asked for, else the last one completed at the plan's cadence (as the ribbon's report).
  let period: Period | undefined;
  if (o.period !== undefined) period = periodOf(o.period);
  else period = lastCompletedPeriod(o.today, (await readWorkbookPlan(opened.port)).plan?.reporting.cadence ?? []);
  if (!period) return 64;
  const due = o.due ?? defaultDue(period);
  let forms;
  try {
    forms = await prepareForms(opened.port, period, o.today, due);
  } catch (e) {
    if (!(e instanceof NoPlanError)) throw e;
    process.stderr.write(`${t("cli-collect-no-plan")}\n`);
    return 1;
  }
  await mkdir(o.out, { recursive: true });
  let written = 0;
  for (const form of forms) {
    const target = path.join(o.out, form.fileName);
    if (await stat(target).then(() => true, () => false)) {
      process.stderr.write(`${t("cli-collect-exists", { file: target, who: form.identity.name })}\n`);
      continue;
    }
    const port = await XlsxWorkbook.empty({ subject: `Phiếu báo cáo ${period.label}: ${form.identity.name}` });
    await buildForm(port, form);
    await writeFile(target, await port.toBuffer(), { flag: "wx" });
    process.stdout.write(`${t("cli-collect-written", { file: target, who: form.identity.name })}\n`);
    written++;
  }
  process.stdout.write(`${t("cli-collect-done", { count: written, dir: o.out, due: formatDate(due) })}\n`);
  return 0;
}

/**
 * `merge FILE RETURNED.xlsx… [--dry-run] [--json] [--period P]`: merges the returns into FILE
 * (under its lock, verified before the file is replaced), or with `--dry-run` only says what it
 * would do. A file that cannot be read is listed, not fatal.
 */
export async function mergeCommand(o: { file: string; returns: readonly string[]; period: string | undefined; json: boolean; dryRun: boolean; today: string; now: string }): Promise<number> {
  if (o.returns.length === 0) {
    process.stderr.write(`${t("cli-merge-usage")}\n`);
    return 64;
  }
  const period = o.period === undefined ? undefined : periodOf(o.period);
  if (o.period !== undefined && !period) return 64;
  const unreadable: { file: string; reason: string }[] = [];
  const returns: ReturnedFile[] = [];
  for (const file of o.returns) {
    try {
      const r = await openWorkbook(file, false);
      returns.push({ file: path.basename(file), tables: await r.port.readTables([FORM_TABLE, TABLE.nhiemVu, TABLE.camKet, TABLE.dongGop]) });
    } catch (e) {
      unreadable.push({ file: path.basename(file), reason: e instanceof Error ? e.name : "?" });
    }
  }
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
    const changed = applied.length > 0 || plan.appends.length > 0 || plan.receipts.length > 0;
    if (!o.dryRun && changed) await saveWorkbook(opened, lock, { sameFile: true });
    if (o.json) {
      // DOMAIN.md's keys (applied, conflicts, refused, appended), then what helps read them. A dry run counts what it would do.
      const refused = [...plan.refused.map((r) => ({ file: r.file, reason: t(r.code, { file: r.file, ...r.params }), code: r.code })), ...unreadable.map((u) => ({ file: u.file, reason: t("merge-unreadable", u), code: "merge-unreadable" }))];
      const out = {
        applied: o.dryRun ? plan.updates.length : applied.length,
        conflicts: plan.conflicts,
        refused,
        appended: plan.appends.length,
        dryRun: o.dryRun,
        period: plan.period ?? null,
        merged: plan.merged,
        changes: (o.dryRun ? plan.updates : applied).map(({ file, who, sheet, row, col, column, task, expected, value }) => ({ file, who, sheet, cell: cellAddress(row, col), column, task, old: expected, value })),
        rows: plan.appends,
        receipts: plan.receipts,
        invalid: plan.invalid.map((n) => ({ ...n, message: t(n.code, { file: n.file, ...n.params }) })),
        skipped: skipped.map((x) => ({ sheet: x.sheet, cell: cellAddress(x.row, x.col) })),
      };
      process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
    }
    const say = (line: string) => (o.json ? process.stderr : process.stdout).write(`${line}\n`);
    for (const u of unreadable) process.stderr.write(`${t("merge-unreadable", u)}\n`);
    for (const r of plan.refused) process.stderr.write(`${t(r.code, { file: r.file, ...r.params })}\n`);
    for (const m of plan.merged) say(t("cli-merge-file", { file: m.file, who: m.who, updates: plan.updates.filter((u) => u.file === m.file).length, appends: plan.appends.filter((a) => a.file === m.file).length, conflicts: plan.conflicts.filter((c) => c.file === m.file).length }));
    for (const c of plan.conflicts) process.stderr.write(`${t("cli-merge-conflict", { ...c, sent: String(c.sent ?? ""), current: String(c.current ?? ""), returned: String(c.returned ?? "") })}\n`);
    for (const n of plan.invalid) process.stderr.write(`CẢNH BÁO: ${t(n.code, { file: n.file, ...n.params })}\n`);
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
      const names = (await readdir(input)).filter((n) => /\.xlsx$/i.test(n) && !n.startsWith("~$")).sort();
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
  const expected = o.expect ? (await readFile(o.expect, "utf8")).split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== "") : [];
  const communes: CommuneFigures[] = [];
  const unreadable: { file: string; reason: string }[] = [];
  for (const file of await workbookFiles(o.inputs)) {
    try {
      const { port } = await openWorkbook(file, false);
      communes.push(await readCommune(port, path.basename(file), period));
    } catch (e) {
      const reason = e instanceof NoBodyError ? t("cli-consolidate-no-body") : e instanceof Error ? e.name : "?";
      unreadable.push({ file: path.basename(file), reason });
      process.stderr.write(`${t("merge-unreadable", { file: path.basename(file), reason })}\n`);
    }
  }
  const summary = consolidate(communes, period, unreadable, expected);
  if (o.json) process.stdout.write(`${JSON.stringify(consolidationJson(summary), null, 2)}\n`);
  if (o.out) {
    const port = await XlsxWorkbook.empty({ subject: `Tổng hợp các xã ${period.label}` });
    await port.applyGrids([consolidationGrid(summary)]);
    await writeFile(o.out, await port.toBuffer(), { flag: "wx" });
  }
  (o.json ? process.stderr : process.stdout).write(`${t("cli-consolidate-done", { count: communes.length, unreadable: unreadable.length, missing: summary.missing.length, file: o.out ?? "-" })}\n`);
  return 0;
}
