// Collection and consolidation at the scale of a district: merging 20 returns into a commune
// workbook of 10,000 rows, and summing 300 commune workbooks of the sample's size (made here).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { XlsxWorkbook } from "../src/adapters/xlsx/xlsxWorkbook";
import { consolidateCommand } from "../src/cli/collectCommand";
import { buildForm, mergeReturns, prepareForms, readReturnedFile, recordIssued } from "../src/domain/collect/collect";
import type { ReturnedFile } from "../src/domain/collect/merge";
import { isoToSerial } from "../src/domain/dates";
import { addReport } from "../src/domain/report/addReport";
import { parsePeriod } from "../src/domain/period";
import { chauSonPlan } from "../src/domain/sample/chauSonPlan";
import { demoRows } from "../src/domain/sample/demoData";
import { TABLE } from "../src/domain/sheets/specs";
import { applyTemplates } from "../src/domain/template/applyTemplates";

function rssSampler(): { stop: () => number } {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  return {
    stop: () => {
      clearInterval(timer);
      return Math.max(peak, process.memoryUsage().rss) / 1024 / 1024;
    },
  };
}

/** The sample workbook with its ledger grown to `ledger` rows (the rows repeated a day apart). */
async function communeBook(ledger: number): Promise<Uint8Array> {
  const rows = demoRows(chauSonPlan);
  const base = rows.get(TABLE.dongGop) ?? [];
  const grown = Array.from({ length: ledger }, (_, i) => ({ ...base[i % base.length]!, "Ngày": isoToSerial("2021-07-01") + (i % 150) }));
  rows.set(TABLE.dongGop, grown);
  const port = await XlsxWorkbook.empty();
  await applyTemplates(port, chauSonPlan, rows);
  return port.toBuffer();
}

/**
 * The forms of every unit and village issued by the commune workbook (recorded in it), each filled as
 * its unit or village would: every task reported done, every village's pledges updated.
 */
async function returns(commune: Uint8Array): Promise<{ commune: Uint8Array; returns: ReturnedFile[] }> {
  const book = await XlsxWorkbook.fromBuffer(commune);
  let n = 0;
  const forms = await prepareForms(book, parsePeriod("2021-S2"), "2022-01-03", "2022-01-05", () => `PH-BENCH-${++n}`);
  await recordIssued(book, forms);
  const out: ReturnedFile[] = [];
  for (const form of forms) {
    const port = await XlsxWorkbook.empty();
    await buildForm(port, form);
    const t = await port.readTables([TABLE.nhiemVu, TABLE.camKet]);
    const tasks = t.get(TABLE.nhiemVu);
    const pledges = t.get(TABLE.camKet);
    const updates = [];
    if (tasks) {
      const c = (h: string) => tasks.range.left + tasks.headers.indexOf(h);
      for (let i = 0; i < tasks.rows.length; i++) {
        const r = tasks.range.top + 1 + i;
        updates.push({ sheet: tasks.sheet, row: r, col: c("Trạng thái"), expected: tasks.rows[i]![tasks.headers.indexOf("Trạng thái")] ?? null, value: "Hoàn thành" });
        updates.push({ sheet: tasks.sheet, row: r, col: c("Ngày hoàn thành"), expected: tasks.rows[i]![tasks.headers.indexOf("Ngày hoàn thành")] ?? null, value: isoToSerial("2021-12-20") });
      }
    }
    if (pledges && pledges.rows.length > 0) {
      const c = (h: string) => pledges.range.left + pledges.headers.indexOf(h);
      updates.push({ sheet: pledges.sheet, row: pledges.range.top + 1, col: c("Ngày cập nhật"), expected: pledges.rows[0]![pledges.headers.indexOf("Ngày cập nhật")] ?? null, value: isoToSerial("2021-12-30") });
    }
    await port.updateCells(updates);
    const bytes = await port.toBuffer();
    out.push(await readReturnedFile(await XlsxWorkbook.fromBuffer(bytes), form.fileName));
  }
  return { commune: await book.toBuffer(), returns: out };
}

async function mergeBench(): Promise<void> {
  const { commune, returns: back } = await returns(await communeBook(10_000));
  const mem = rssSampler();
  const t0 = performance.now();
  // As the command line does it: open, merge, prove the new package changes nothing else, save.
  const port = await XlsxWorkbook.open(commune, "xa.xlsx");
  const r = await mergeReturns(port, back, "2022-01-03", "2022-01-03 08:00:00");
  const bytes = await port.toVerifiedBuffer();
  const ms = performance.now() - t0;
  const peak = mem.stop();
  console.log(`merge: ${back.length} returns (every unit and village of the sample) into a workbook of 10,000 ledger rows`);
  console.log(`  cells updated   ${r.applied.length}, rows appended ${r.plan.appends.length}, returns recorded ${r.plan.receipts.length}, log rows ${r.applied.length + r.plan.appends.length}`);
  console.log(`  time            ${(ms / 1000).toFixed(2)} s (open, merge, verified save)`);
  console.log(`  target 5 s:     ${(ms / 5000).toFixed(2)} of the target`);
  console.log(`  peak memory     ${peak.toFixed(0)} MB (process RSS); the file ${(bytes.length / 1024).toFixed(0)} KB`);
}

async function consolidateBench(): Promise<void> {
  const port = await XlsxWorkbook.empty();
  await applyTemplates(port, chauSonPlan, demoRows(chauSonPlan));
  await addReport(port, parsePeriod("2021"), "2022-01-05");
  const sample = await port.toBuffer();
  const dir = mkdtempSync(path.join(tmpdir(), "bench-consolidate-"));
  const run = async (count: number) => {
    const sub = path.join(dir, String(count));
    rmSync(sub, { recursive: true, force: true });
    mkdirSync(sub);
    for (let i = 0; i < count; i++) writeFileSync(path.join(sub, `xa-${String(i).padStart(3, "0")}.xlsx`), sample);
    const mem = rssSampler();
    const t0 = performance.now();
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = () => true;
    try {
      await consolidateCommand({ inputs: [sub], period: "2021", out: path.join(dir, `tong-hop-${count}.xlsx`), json: false, expect: undefined });
    } finally {
      process.stdout.write = write;
    }
    return { ms: performance.now() - t0, peak: mem.stop() };
  };
  const small = await run(100);
  const big = await run(300);
  console.log(`consolidation: commune workbooks of the sample's size (${(sample.length / 1024).toFixed(0)} KB each)`);
  console.log(`  100 workbooks   ${(small.ms / 1000).toFixed(2)} s, peak ${small.peak.toFixed(0)} MB`);
  console.log(`  300 workbooks   ${(big.ms / 1000).toFixed(2)} s, peak ${big.peak.toFixed(0)} MB; 3× the files, ${(big.ms / small.ms).toFixed(2)}× the time (linear: 3.00)`);
  console.log(`  target 60 s, 1 GB: ${(big.ms / 60_000).toFixed(2)} of the time, ${(big.peak / 1024).toFixed(2)} of the memory`);
  rmSync(dir, { recursive: true, force: true });
}

export async function collectBench(): Promise<void> {
  await mergeBench();
  console.log("");
  await consolidateBench();
}
