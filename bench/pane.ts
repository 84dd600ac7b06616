// The pane's weight and its time to interactive in headless Chromium (preview mode).
import { readdirSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { gzipSync } from "node:zlib";
import { ensureBuild, launch, serveDist } from "../tests/helpers/browser";
import { bigWorkbook } from "./bigWorkbook";
import { XlsxWorkbook } from "../src/adapters/xlsx/xlsxWorkbook";
import { ledgerBankRows } from "../src/domain/bank/reconcileJob";

/** A statement (CSV) of a workbook's transfers, padded to `lines` with credits the ledger lacks. */
async function statementOf(bytes: Uint8Array, lines: number): Promise<string> {
  const rows = ledgerBankRows(await (await XlsxWorkbook.fromBuffer(bytes)).readTables(["tblDongGop"]));
  const vn = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
  const out = ["Số tài khoản: 0123456789;;;;", "Ngày giao dịch;Số tham chiếu;Nội dung;Ghi nợ;Ghi có"];
  rows.slice(0, lines).forEach((r, k) => out.push(`${vn(r.date)};FT${1_000_000 + k};${r.voucher} ung ho;${r.amount < 0 ? -r.amount : ""};${r.amount > 0 ? r.amount : ""}`));
  const last = rows.at(-1)?.date ?? "2021-12-31";
  for (let k = out.length - 2; k < lines; k++) out.push(`${vn(last)};FT${2_000_000 + k};CT tu 0987654321 NGUYEN VAN AN ung ho;;${1_000 + k}`);
  return out.join("\n");
}

export async function paneBench(): Promise<void> {
  ensureBuild();
  const dist = path.resolve(__dirname, "../dist");
  const html = readFileSync(path.join(dist, "taskpane.html"), "utf8");
  const initial = [...html.matchAll(/<script[^>]*src=([^ >"]+|"[^"]+")[^>]*>/g)].map((m) => m[1]!.replace(/"/g, "")).filter((s) => !s.startsWith("http"));
  const gz = (f: string) => gzipSync(readFileSync(path.join(dist, f))).length;
  const initialKb = initial.reduce((n, f) => n + gz(f), 0) / 1024;
  const lazy = readdirSync(dist).filter((f) => f.endsWith(".js") && !initial.includes(f) && !f.startsWith("commands"));
  console.log("task pane");
  console.log(`  initial JavaScript ${initialKb.toFixed(0)} KB gzip (target ≤ 250 KB): ${initial.join(", ")}`);
  console.log(`  loaded on demand   ${(lazy.reduce((n, f) => n + gz(f), 0) / 1024).toFixed(0)} KB gzip (the preview and its Web Worker with the .xlsx adapter; the charts): ${lazy.join(", ")}`);
  const { server, url } = await serveDist();
  const context = await launch();
  try {
    const page = await context.newPage();
    await page.route("https://appsforoffice.microsoft.com/**", (r) => r.abort());
    const times: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t0 = Date.now();
      await page.goto(`${url}/taskpane.html`);
      await page.getByRole("button", { name: "Dùng sổ mẫu" }).waitFor();
      times.push(Date.now() - t0);
    }
    times.sort((a, b) => a - b);
    console.log(`  time to interactive (preview, headless Chromium) ${times[1]} ms (median of 3; Office.js unreachable, as in a plain browser)`);
    // The page's thread while the preview opens a big workbook in its worker: a heartbeat every
    // 10 ms; the longest gap between beats is the longest the page froze. The file is fetched into
    // the page and handed to the file input as a user's choice would be (Playwright's own
    // setInputFiles decodes the bytes on the page's thread: 1.5 s of freeze that is not the pane's).
    const bytes = Buffer.from(await bigWorkbook(100_000, 10_000));
    await page.route("**/bench/so-lon.xlsx", (r) => r.fulfill({ body: bytes, contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }));
    await page.evaluate(async () => {
      const blob = await (await fetch("/bench/so-lon.xlsx")).blob();
      const input = document.querySelector<HTMLInputElement>('input[type="file"][accept=".xlsx"]')!;
      const chosen = new DataTransfer();
      chosen.items.add(new File([blob], "so-lon.xlsx", { type: blob.type }));
      input.files = chosen.files;
      const w = window as unknown as { maxGap: number };
      w.maxGap = 0;
      let last = performance.now();
      setInterval(() => {
        const now = performance.now();
        w.maxGap = Math.max(w.maxGap, now - last);
        last = now;
      }, 10);
    });
    const t0 = Date.now();
    await page.evaluate(() => document.querySelector('input[type="file"][accept=".xlsx"]')!.dispatchEvent(new Event("change", { bubbles: true })));
    await page.getByText("(so-lon.xlsx)").waitFor({ timeout: 120_000 });
    const opened = Date.now() - t0;
    const gap = await page.evaluate(() => (window as unknown as { maxGap: number }).maxGap);
    console.log(`  opening 100,000 ledger rows (10,000 in each other table) in the preview ${opened} ms; the page's longest freeze meanwhile ${gap.toFixed(0)} ms (a heartbeat every 10 ms)`);
    // The check on the same workbook: read and checked in the worker, the issues drawn a group at a time.
    await page.getByRole("tab", { name: "Kiểm tra" }).click();
    await page.evaluate(() => ((window as unknown as { maxGap: number }).maxGap = 0));
    const c0 = Date.now();
    await page.getByRole("button", { name: "Kiểm tra dữ liệu" }).click();
    const summary = page.getByText(/^[\d.]+ lỗi · [\d.]+ cảnh báo|^Không có lỗi/);
    await summary.waitFor({ timeout: 120_000 });
    const checked = Date.now() - c0;
    const checkGap = await page.evaluate(() => (window as unknown as { maxGap: number }).maxGap);
    console.log(`  checking those rows   ${checked} ms to the list (${await summary.textContent()}); the page's longest freeze ${checkGap.toFixed(0)} ms (target under 100 ms)`);
    // The report's figures for the plan's last half-year, computed in the worker too.
    await page.getByRole("tab", { name: "Báo cáo" }).click();
    await page.evaluate(() => ((window as unknown as { maxGap: number }).maxGap = 0));
    const p0 = Date.now();
    await page.getByRole("button", { name: "Xem trước số liệu" }).click();
    await page.getByRole("heading", { name: /^Số liệu / }).waitFor({ timeout: 120_000 });
    const previewed = Date.now() - p0;
    const previewGap = await page.evaluate(() => (window as unknown as { maxGap: number }).maxGap);
    console.log(`  the report's figures  ${previewed} ms to the cards and charts; the page's longest freeze ${previewGap.toFixed(0)} ms (target under 100 ms)`);
    // A bank statement of the ledger's transfers, padded with credits the ledger lacks: read and matched in the worker.
    const statement = await statementOf(bytes, 100_000);
    await page.route("**/bench/sao-ke.csv", (r) => r.fulfill({ body: statement, contentType: "text/csv" }));
    await page.evaluate(async () => {
      const blob = await (await fetch("/bench/sao-ke.csv")).blob();
      const input = document.querySelector<HTMLInputElement>('input[type="file"][accept=".xlsx,.csv,.txt"]')!;
      const chosen = new DataTransfer();
      chosen.items.add(new File([blob], "sao-ke.csv", { type: "text/csv" }));
      input.files = chosen.files;
      (window as unknown as { maxGap: number }).maxGap = 0;
    });
    const b0 = Date.now();
    await page.evaluate(() => document.querySelector('input[type="file"][accept=".xlsx,.csv,.txt"]')!.dispatchEvent(new Event("change", { bubbles: true })));
    const matched = page.getByText(/^Khớp với sổ: [\d.]+ dòng\.$/);
    await matched.waitFor({ timeout: 300_000 });
    const reconciled = Date.now() - b0;
    const bankGap = await page.evaluate(() => (window as unknown as { maxGap: number }).maxGap);
    console.log(`  a 100,000-line statement ${reconciled} ms to the result (${await matched.textContent()}); the page's longest freeze ${bankGap.toFixed(0)} ms (target under 100 ms)`);
    await page.evaluate(() => ((window as unknown as { maxGap: number }).maxGap = 0));
    await page.getByRole("button", { name: "Chọn tất cả" }).click();
    await page.getByRole("button", { name: /^Ghi trang đối chiếu và thêm [\d.]+ khoản vào sổ$/ }).waitFor({ timeout: 30_000 });
    const tickGap = await page.evaluate(() => (window as unknown as { maxGap: number }).maxGap);
    console.log(`  ticking every credit listed (${await page.getByRole("checkbox").count()} drawn, a page at a time): the page's longest freeze ${tickGap.toFixed(0)} ms`);
  } finally {
    await context.close();
    server.close();
  }
}
