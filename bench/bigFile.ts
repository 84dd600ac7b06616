// validate on a 200,000-row workbook, end to end as a user runs it (a new process that reads the
// file, checks every table and prints the issues as JSON), beside LibreOffice headless opening the
// same file when it is installed. Figures, not assertions.
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { bigWorkbook } from "./bigWorkbook";
import { XlsxWorkbook } from "../src/adapters/xlsx/xlsxWorkbook";
import { NODE_ZLIB } from "../src/cli/workbookFiles";

const ROOT = path.resolve(__dirname, "..");
const RUNS = 3;

interface Run {
  seconds: number;
  peakMb?: number;
}

function median(runs: Run[]): Run {
  const sorted = [...runs].sort((a, b) => a.seconds - b.seconds);
  return sorted[Math.floor(sorted.length / 2)] as Run;
}

function timed(command: string, args: string[], peakFromStderr: boolean): Run {
  const t0 = performance.now();
  const r = spawnSync(command, args, { encoding: "utf8", maxBuffer: 1 << 30, cwd: ROOT });
  const seconds = (performance.now() - t0) / 1000;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${command} failed: ${r.stderr.slice(-400)}`);
  const peak = peakFromStderr ? /peak-rss-kb (\d+)/.exec(r.stderr)?.[1] : undefined;
  return { seconds, ...(peak ? { peakMb: Number(peak) / 1024 } : {}) };
}

/** LibreOffice's wall time (and, with GNU time, its peak memory) to open the file and write a CSV. */
function libreOffice(file: string, out: string): Run | undefined {
  const which = spawnSync("sh", ["-c", "command -v soffice"], { encoding: "utf8" }).stdout.trim();
  if (!which) return undefined;
  const profile = mkdtempSync(path.join(tmpdir(), "bench-lo-"));
  cpSync(path.join(ROOT, "tests/tools/libreoffice-recalc-profile"), profile, { recursive: true });
  const args = [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", "csv", "--outdir", out, file];
  const gnuTime = spawnSync("sh", ["-c", "command -v /usr/bin/time"], { encoding: "utf8" }).stdout.trim();
  if (!gnuTime) return timed(which, args, false);
  const t0 = performance.now();
  const r = spawnSync(gnuTime, ["-f", "peak-kb %M", which, ...args], { encoding: "utf8" });
  const seconds = (performance.now() - t0) / 1000;
  const peak = /peak-kb (\d+)/.exec(r.stderr)?.[1];
  return { seconds, ...(peak ? { peakMb: Number(peak) / 1024 } : {}) };
}

const fmt = (r: Run) => `${r.seconds.toFixed(2)} s${r.peakMb ? `, peak ${r.peakMb.toFixed(0)} MB` : ""}`;

export async function bigFileBench(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), "bench-big-"));
  const file = path.join(dir, "so-200k.xlsx");
  const t0 = performance.now();
  const bytes = await bigWorkbook(200_000, 10_000);
  writeFileSync(file, bytes);
  console.log("validate on a big workbook, end to end (a new process: read, check, print JSON)");
  console.log(`  workbook        200,000 ledger rows + 10,000 in each other table; ${(bytes.length / 1e6).toFixed(1)} MB on disk (built in ${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  const tsx = path.join(ROOT, "node_modules/.bin/tsx");
  const cli = Array.from({ length: RUNS }, () => timed(tsx, [path.join(ROOT, "bench/cliProcess.ts"), "validate", file, "--json"], true));
  console.log(`  npm run cli     ${fmt(median(cli))} (median of ${RUNS}; includes tsx compiling the command line, about 0.4 s)`);
  const bundle = path.join(dir, "cli.cjs");
  const esbuild = spawnSync(path.join(ROOT, "node_modules/.bin/esbuild"), [path.join(ROOT, "bench/cliProcess.ts"), "--bundle", "--platform=node", "--target=node20", `--outfile=${bundle}`, "--log-level=error"], { encoding: "utf8" });
  const built = esbuild.status === 0 ? Array.from({ length: RUNS }, () => timed(process.execPath, [bundle, "validate", file, "--json"], true)) : [];
  if (built.length > 0) console.log(`  bundled CLI     ${fmt(median(built))} (the same code built with esbuild: node alone)`);
  const lo = Array.from({ length: RUNS }, () => libreOffice(file, dir)).filter((r): r is Run => r !== undefined);
  if (lo.length === 0) {
    console.log("  LibreOffice     not installed (apt-get install libreoffice-calc-nogui): no comparison");
    return;
  }
  const l = median(lo);
  console.log(`  LibreOffice     ${fmt(l)} (headless, opening the file and writing one sheet as CSV)`);
  const ours = median(built.length > 0 ? built : cli);
  console.log(`  ratio           ${(ours.seconds / l.seconds).toFixed(2)} of LibreOffice's time (target at most 0.33); npm run cli ${(median(cli).seconds / l.seconds).toFixed(2)}`);
  console.log(`  memory target   at most 500 MB: ${Math.max(...[...cli, ...built].map((r) => r.peakMb ?? 0)).toFixed(0)} MB at most over the runs`);
  if (built.length === 0) return;
  // Start-up, and the jobs that write: the report (target: under LibreOffice's open time, 500 MB) and the fix (target: the report's cost).
  const startup = median(Array.from({ length: RUNS }, () => timed(process.execPath, [bundle, "help"], true)));
  console.log(`  start-up        ${fmt(startup)} (the bundled command line printing its usage)`);
  const report = median(Array.from({ length: RUNS }, (_, i) => timed(process.execPath, [bundle, "report", file, "--period", "2021", "--out", path.join(dir, `bc-${i}.xlsx`), "--today", "2022-01-05"], true)));
  console.log(`  report --out    ${fmt(report)}: ${(report.seconds / l.seconds).toFixed(2)} of LibreOffice's open time (target under 1), memory target 500 MB`);
  const fixable = path.join(dir, "so-200k-sua.xlsx");
  const cells = await withFixableAmounts(file, fixable, 0.02);
  const fix = median(Array.from({ length: RUNS }, (_, i) => timed(process.execPath, [bundle, "validate", fixable, "--fix", "--out", path.join(dir, `sua-${i}.xlsx`), "--today", "2022-01-05"], true)));
  console.log(`  validate --fix  ${fmt(fix)} on ${cells.toLocaleString("en")} amounts typed as text (2% of the ledger's rows): ${(fix.seconds / report.seconds).toFixed(2)} of the report's time (target about 1)`);
}

/** The workbook with a share of the ledger's amounts typed as text ("1.000.000 đ"): cells validate --fix rewrites. */
async function withFixableAmounts(file: string, out: string, share: number): Promise<number> {
  const port = await XlsxWorkbook.open(readFileSync(file), file, NODE_ZLIB);
  const t = (await port.readTables(["tblDongGop"])).get("tblDongGop")!;
  const amount = t.headers.indexOf("Số tiền (đồng)");
  const every = Math.round(1 / share);
  const updates = t.rows.flatMap((r, i) => {
    const v = r[amount];
    return i % every === 0 && typeof v === "number" ? [{ sheet: t.sheet, row: t.range.top + 1 + i, col: t.range.left + amount, expected: v, value: `${v.toLocaleString("vi-VN")} đ` }] : [];
  });
  await port.updateCells(updates);
  writeFileSync(out, await port.toBuffer());
  return updates.length;
}
