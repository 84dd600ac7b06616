// Closing a period at scale: a 100,000-row ledger closed, then checked with the closed rows compared
// to the rows now. The target: checking a closed period adds under 10% to the check itself.
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { XlsxWorkbook } from "../src/adapters/xlsx/xlsxWorkbook";
import { CLOSED_TABLE, snapshotNames } from "../src/domain/close/closing";
import { closePeriod } from "../src/domain/close/closeJob";
import { parsePeriod } from "../src/domain/period";
import { VALIDATED_TABLES, validateWorkbook } from "../src/domain/rules/validate";
import { bigWorkbook } from "./bigWorkbook";

const ROOT = path.resolve(__dirname, "..");

function median(fn: () => unknown, runs = 5): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

export async function closeBench(): Promise<void> {
  console.log("closing a period (target: checking a closed period adds under 10% to the check)");
  const bytes = await bigWorkbook(100_000, 10_000);
  const book = await XlsxWorkbook.fromBuffer(bytes);
  const today = "2022-01-05";
  const t0 = performance.now();
  const closed = await closePeriod(book, parsePeriod("2021"), { today });
  const closing = performance.now() - t0;
  const t1 = performance.now();
  const closedBytes = await book.toVerifiedBuffer();
  const saving = performance.now() - t1;
  console.log(`  close 2021          ${closing.toFixed(0)} ms: ${closed.rows.toLocaleString("en")} rows recorded (saving the file, verified: ${saving.toFixed(0)} ms)`);
  // Our tables, the list of closed periods and the snapshot (an unchanged period's check does not read it).
  const read = await book.readTables([...VALIDATED_TABLES.map((t) => t.spec.name), CLOSED_TABLE]);
  const tables = new Map([...read, ...(await book.readTables(snapshotNames(read)))]);
  const plain = new Map([...tables].filter(([name]) => name !== CLOSED_TABLE && !name.startsWith("tblChot")));
  const base = median(() => validateWorkbook(plain, today));
  const withClosed = median(() => validateWorkbook(tables, today));
  closeCliBench(bytes, closedBytes);
  console.log(`  check without a closed period ${base.toFixed(0)} ms; with 2021 closed ${withClosed.toFixed(0)} ms (median of 5): ${(((withClosed - base) / base) * 100).toFixed(1)}% added (target under 10%)`);
}

/** `validate` on the command line, end to end (reading the file included), before and after closing. */
export function closeCliBench(bytes: Uint8Array, closedBytes: Uint8Array): void {
  const dir = mkdtempSync(path.join(tmpdir(), "bench-close-"));
  const plain = path.join(dir, "so.xlsx");
  const closed = path.join(dir, "so-chot.xlsx");
  writeFileSync(plain, bytes);
  writeFileSync(closed, closedBytes);
  const time = (file: string) => {
    const runs: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      spawnSync(path.join(ROOT, "node_modules/.bin/tsx"), [path.join(ROOT, "bench/cliProcess.ts"), "validate", file, "--today", "2022-01-05"], { encoding: "utf8", maxBuffer: 1 << 28, cwd: ROOT });
      runs.push(performance.now() - t0);
    }
    return runs.sort((a, b) => a - b)[1]!;
  };
  const a = time(plain);
  const b = time(closed);
  console.log(`  npm run cli -- validate: ${(a / 1000).toFixed(2)} s without a closed period, ${(b / 1000).toFixed(2)} s with 2021 closed (median of 3): ${(((b - a) / a) * 100).toFixed(1)}% added (target under 10%)`);
}
