// npm run bench: figures, not assertions. These machines are shared; read the ratios.
import { validateWorkbook } from "../src/domain/rules/validate";
import { bankBench } from "./bank";
import { closeBench } from "./close";
import { bigFileBench } from "./bigFile";
import { collectBench } from "./collect";
import { hostileBench } from "./hostile";
import { benchTables } from "./data";
import { officeBench } from "./office";
import { paneBench } from "./pane";
import { reportBench } from "./report";

function peakMemory<T>(fn: () => T): { result: T; peakMb: number } {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  const result = fn();
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  return { result, peakMb: peak / 1024 / 1024 };
}

function timeIt(fn: () => unknown, runs: number): number[] {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b);
}

function validation(): void {
  const tables = benchTables();
  const rows = [...tables.values()].reduce((n, t) => n + t.rows.length, 0);
  const today = "2022-01-05";
  const warm = peakMemory(() => validateWorkbook(tables, today));
  const times = timeIt(() => validateWorkbook(tables, today), 5);
  const median = times[Math.floor(times.length / 2)]!;
  console.log("validation: 100,000 ledger rows + 10,000 rows in each other table");
  console.log(`  rows            ${rows.toLocaleString("en")}`);
  console.log(`  issues found    ${warm.result.length}`);
  console.log(`  median time     ${median.toFixed(0)} ms (min ${times[0]!.toFixed(0)}, max ${times[times.length - 1]!.toFixed(0)}, 5 runs)`);
  console.log(`  rows per second ${Math.round(rows / (median / 1000)).toLocaleString("en")}`);
  console.log(`  peak memory     ${warm.peakMb.toFixed(0)} MB (process RSS)`);
  console.log(`  target 1,000 ms: ${(median / 1000).toFixed(2)} of the target`);
}

validation();
console.log("");
officeBench()
  .then(() => {
    console.log("");
    return paneBench();
  })
  .then(() => {
    console.log("");
    return bigFileBench();
  })
  .then(() => {
    console.log("");
    reportBench(benchTables());
    console.log("");
    return collectBench();
  })
  .then(() => {
    console.log("");
    return hostileBench();
  })
  .then(() => {
    console.log("");
    return bankBench();
  })
  .then(() => {
    console.log("");
    return closeBench();
  })
  .then(
  () => undefined,
  (e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  },
);
