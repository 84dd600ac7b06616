// Bank reconciliation at the scale of storm Yagi's statements: a 200,000-line statement against a
// 200,000-row ledger, read from CSV text and matched in this process; then the command line end to
// end on a workbook of 200,000 ledger rows (a new process: read both files, match, write the sheet).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { XlsxWorkbook } from "../src/adapters/xlsx/xlsxWorkbook";
import { csvText, parseCsv } from "../src/domain/bank/csv";
import { reconcile, type LedgerBankRow } from "../src/domain/bank/match";
import { ledgerBankRows } from "../src/domain/bank/reconcileJob";
import { readStatement } from "../src/domain/bank/statement";
import { serialToIso, isoToSerial } from "../src/domain/dates";
import { bigWorkbook } from "./bigWorkbook";

const ROOT = path.resolve(__dirname, "..");
const LINES = 200_000;
const NAMES = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung", "Hoàng Văn Em", "Công ty TNHH Minh Phát", "Hộ bà Đỗ Thị Hoa"];
const fold = (s: string) => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[đĐ]/g, "D").toUpperCase();
const vn = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** A statement as a bank's CSV export: each ledger row's transfer (a day late for some), and extra credits. */
function statementCsv(ledger: readonly LedgerBankRow[], total: number): string {
  const out = ["Số tài khoản: 0123456789;;;;", "Ngày giao dịch;Số tham chiếu;Nội dung;Ghi nợ;Ghi có;Số dư"];
  let k = 0;
  for (const r of ledger) {
    const date = k % 4 === 0 ? (serialToIso(isoToSerial(r.date) + 1) ?? r.date) : r.date;
    const remark = k % 2 === 0 ? `MBVCB.${900000 + k}.${r.voucher}.ung ho` : `CT tu 0123456789 ${fold(r.who)} chuyen tien ung ho`;
    out.push(`${vn(date)} 09:${String(k % 60).padStart(2, "0")}:00;FT${1000000 + k};${remark};${r.amount < 0 ? -r.amount : ""};${r.amount > 0 ? r.amount : ""};`);
    k++;
  }
  for (; k < total; k++) out.push(`${vn(serialToIso(isoToSerial("2021-07-01") + (k % 180))!)};FT${1000000 + k};CT tu 0987654321 ${fold(NAMES[k % NAMES.length]!)} ung ho;;${50_000 + (k % 97) * 10_000};`);
  return out.join("\n");
}

function sampled<T>(fn: () => T): { result: T; seconds: number; peakMb: number } {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  const t0 = performance.now();
  const result = fn();
  const seconds = (performance.now() - t0) / 1000;
  clearInterval(timer);
  return { result, seconds, peakMb: Math.max(peak, process.memoryUsage().rss) / 1024 / 1024 };
}

export async function bankBench(): Promise<void> {
  console.log(`bank reconciliation (target on 2 cores: under 10 s and 1 GB on the command line)`);
  // In this process: 200,000 ledger rows, 200,000 statement lines as CSV text.
  const ledger: LedgerBankRow[] = Array.from({ length: LINES }, (_, i) => ({ row: i + 2, date: serialToIso(isoToSerial("2021-07-01") + (i % 180))!, amount: (i % 13 === 0 ? -1 : 1) * (50_000 + (i % 211) * 5_000), voucher: `PT-${i + 1}`, who: NAMES[i % NAMES.length]! }));
  const text = statementCsv(ledger.slice(0, Math.round(LINES * 0.95)), LINES);
  const read = sampled(() => readStatement("sao-ke.csv", parseCsv(csvText(new TextEncoder().encode(text))!)));
  const matched = sampled(() => reconcile(read.result.lines, ledger));
  const r = matched.result;
  console.log(`  read 200,000-line CSV     ${read.seconds.toFixed(2)} s (${(text.length / 1e6).toFixed(1)} MB of text)`);
  console.log(`  match against 200,000     ${matched.seconds.toFixed(2)} s: ${r.matched.length.toLocaleString("en")} matched, ${r.statementOnly.length.toLocaleString("en")} statement only, ${r.ledgerOnly.length.toLocaleString("en")} ledger only`);
  console.log(`  peak memory (process)     ${Math.max(read.peakMb, matched.peakMb).toFixed(0)} MB`);
  // The command line end to end: a workbook of 200,000 ledger rows, every money row by transfer; the statement of its bank rows, padded to 200,000 lines.
  const dir = mkdtempSync(path.join(tmpdir(), "bench-bank-"));
  const file = path.join(dir, "so-200k.xlsx");
  writeFileSync(file, await bigWorkbook(LINES, 1_000, true));
  const bankRows = ledgerBankRows(await (await XlsxWorkbook.fromBuffer(readFileSync(file))).readTables(["tblDongGop"]));
  const csv = path.join(dir, "sao-ke.csv");
  writeFileSync(csv, statementCsv(bankRows, LINES));
  const t0 = performance.now();
  const cli = spawnSync(path.join(ROOT, "node_modules/.bin/tsx"), [path.join(ROOT, "bench/cliProcess.ts"), "bank", file, csv], { encoding: "utf8", maxBuffer: 1 << 28, cwd: ROOT });
  const seconds = (performance.now() - t0) / 1000;
  const peak = /peak-rss-kb (\d+)/.exec(cli.stderr)?.[1];
  if (cli.status !== 0) console.log(`  command line failed: ${cli.stderr.slice(-300)}`);
  else console.log(`  npm run cli -- bank       ${seconds.toFixed(2)} s, peak ${peak ? (Number(peak) / 1024).toFixed(0) : "?"} MB (${bankRows.length.toLocaleString("en")} bank rows in the ledger, 200,000 statement lines; includes tsx compiling, about 0.4 s): ${(seconds / 10).toFixed(2)} of the time target`);
}
