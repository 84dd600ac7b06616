// Hostile returns and workbooks, each given to the command line in a new process as a user would:
// the time until the verdict and the process's peak memory. Figures, not assertions (target: under
// 10 s and 500 MB each).
import { spawnSync, execFileSync } from "node:child_process";
import { copyFileSync, mkdtempSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { sheetPart, tablePart, writeZip, zipEntries } from "../tests/helpers/craft";

const ROOT = path.resolve(__dirname, "..");
const TSX = path.join(ROOT, "node_modules/.bin/tsx");

/** One command in a new process: seconds, peak memory (MB), exit code and the first line it printed on stderr. */
function timed(args: string[]): { seconds: number; peakMb: number; code: number; said: string } {
  const t0 = performance.now();
  const r = spawnSync(TSX, [path.join(ROOT, "bench/cliProcess.ts"), ...args], { encoding: "utf8", cwd: ROOT, maxBuffer: 1 << 28, timeout: 300_000 });
  const seconds = (performance.now() - t0) / 1000;
  const peak = /peak-rss-kb (\d+)/.exec(r.stderr)?.[1];
  const said = r.stderr.split("\n").find((l) => l.trim() !== "" && !l.startsWith("peak-rss-kb")) ?? "";
  return { seconds, peakMb: peak ? Number(peak) / 1024 : NaN, code: r.status ?? -1, said };
}

function line(name: string, r: ReturnType<typeof timed>): void {
  console.log(`  ${name.padEnd(34)} ${r.seconds.toFixed(2).padStart(6)} s, peak ${r.peakMb.toFixed(0).padStart(4)} MB, exit ${r.code}: ${r.said.slice(0, 110)}`);
}

export async function hostileBench(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), "bench-hostile-"));
  const commune = path.join(dir, "xa.xlsx");
  const forms = path.join(dir, "phieu");
  const run = (args: string[]) => execFileSync(TSX, [path.join(ROOT, "src/cli/main.ts"), ...args], { cwd: ROOT, stdio: "ignore" });
  run(["demo", "--out", commune]);
  run(["collect", commune, "--period", "2021-S2", "--out", forms, "--today", "2022-01-03"]);
  const unit = path.join(forms, "Phieu-bao-cao-Tram-y-te-xa-2021-S2.xlsx");
  const entries = await zipEntries(unit);
  const sheet = sheetPart(entries, "Nhiệm vụ");
  const xml = entries.get(sheet)!.toString("utf8");

  // A table claiming the whole sheet.
  const wide = path.join(dir, "bang-rong.xlsx");
  const table = tablePart(entries, "tblNhiemVu");
  writeZip(wide, new Map([...entries, [table, Buffer.from(entries.get(table)!.toString("utf8").replace(/ ref="[^"]+"/g, ' ref="A1:XFD1048576"'))]]));
  // 256 MB of whitespace in the sheet, declared (a zip bomb), and declared as the sheet's old size (a liar).
  const at = xml.indexOf("</sheetData>");
  const padded = Buffer.concat([Buffer.from(xml.slice(0, at)), Buffer.alloc(256 * 1024 * 1024, 32), Buffer.from(xml.slice(at))]);
  const bomb = path.join(dir, "bom.xlsx");
  writeZip(bomb, new Map([...entries, [sheet, padded]]));
  const liar = path.join(dir, "noi-doi.xlsx");
  writeZip(liar, new Map([...entries, [sheet, padded]]), new Map([[sheet, Buffer.byteLength(xml)]]));
  const fifo = path.join(dir, "ong.xlsx");
  execFileSync("mkfifo", [fifo]);
  // The commune's own ledger table claiming the whole sheet, for consolidate and validate.
  const wideBook = path.join(dir, "so-rong.xlsx");
  copyFileSync(commune, wideBook);
  const book = await zipEntries(wideBook);
  const ledger = tablePart(book, "tblDongGop");
  writeZip(wideBook, new Map([...book, [ledger, Buffer.from(book.get(ledger)!.toString("utf8").replace(/ ref="[^"]+"/g, ' ref="A1:XFD1048576"'))]]));

  const kb = (f: string) => `${(statSync(f).size / 1024).toFixed(0)} KB`;
  console.log("hostile files: each command in a new process (target: under 10 s and 500 MB each)");
  line(`merge, table A1:XFD1048576 (${kb(wide)})`, timed(["merge", commune, wide, "--dry-run", "--today", "2022-01-03"]));
  line(`merge, 256 MB whitespace (${kb(bomb)})`, timed(["merge", commune, bomb, "--dry-run", "--today", "2022-01-03"]));
  line(`merge, size declared falsely (${kb(liar)})`, timed(["merge", commune, liar, "--dry-run", "--today", "2022-01-03"]));
  line("merge, a FIFO and /dev/zero", timed(["merge", commune, fifo, "/dev/zero", "--dry-run", "--today", "2022-01-03"]));
  line("consolidate, ledger A1:XFD1048576", timed(["consolidate", wideBook, "--period", "2021", "--json"]));
  line("validate, ledger A1:XFD1048576", timed(["validate", wideBook, "--json", "--today", "2022-01-05"]));
  line("validate, 256 MB whitespace", timed(["validate", bomb, "--json", "--today", "2022-01-05"]));
}
