import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { XlsxWorkbook } from "../src/adapters/xlsx/xlsxWorkbook";
import { run } from "../src/cli/main";
import { isoToSerial } from "../src/domain/dates";
import { validateThrough } from "../src/domain/rules/runValidation";
import { t } from "../src/i18n";
import { captureOutput } from "./helpers/output";

// Closing a period (chốt số liệu) on the sample workbook: what it records, and every later change
// to its rows named by the check, with the value then and now, and nothing else.

const dir = mkdtempSync(path.join(tmpdir(), "close-"));
const demo = path.join(dir, "demo.xlsx");

beforeAll(async () => {
  expect((await captureOutput(() => run(["demo", "--out", demo]))).code).toBe(0);
});

const open = async (file: string) => XlsxWorkbook.fromBuffer(readFileSync(file));
const drift = async (file: string) => (await validateThrough(await open(file), "2022-01-05")).filter((i) => i.rule.startsWith("closed-"));

describe("close FILE --period P", () => {
  it("records the period's rows in a hidden, protected sheet and the period in 'Kỳ đã chốt'; changes nothing else", async () => {
    const file = path.join(dir, "xa.xlsx");
    writeFileSync(file, readFileSync(demo));
    const before = await validateThrough(await open(file), "2022-01-05");
    const r = await captureOutput(() => run(["close", file, "--period", "2021-S1", "--by", "Đỗ Văn Tuấn", "--today", "2021-07-05"]));
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^Đã chốt kỳ 6 tháng đầu năm 2021 trong .*: [\d.]+ dòng số liệu được ghi lại ở trang ẩn "Chốt 2021-S1"/);
    const book = await open(file);
    const sheets = (await book.summarize()).sheets;
    expect(sheets.map((s) => s.name)).toEqual(expect.arrayContaining(["Kỳ đã chốt", "Chốt 2021-S1"]));
    const list = (await book.readTables(["tblKyDaChot"])).get("tblKyDaChot")!;
    const row = Object.fromEntries(list.headers.map((h, i) => [h, list.rows[0]![i]]));
    expect([row["Kỳ"], row["Mã kỳ"], row["Ngày chốt"], row["Người chốt"], row["Trạng thái"]]).toEqual(["6 tháng đầu năm 2021", "2021-S1", isoToSerial("2021-07-05"), "Đỗ Văn Tuấn", "Đã chốt"]);
    expect(row["Số liệu chính"]).toMatch(/^thu [\d.]+ đồng, chi [\d.]+ đồng, tồn quỹ cuối kỳ [\d.]+ đồng/);
    // The snapshot's sheet is hidden (not printed) and protected (not edited by mistake).
    const JSZip = (await import("jszip")).default;
    const zip = await JSZip.loadAsync(readFileSync(file));
    expect(await zip.file("xl/workbook.xml")!.async("string")).toMatch(/<sheet name="Chốt 2021-S1"[^>]*state="hidden"/);
    // Nothing changed since: the check says what it said before, no more.
    expect(await validateThrough(book, "2022-01-05")).toEqual(before);
    // Closed twice: refused, the file as it was.
    const bytes = readFileSync(file);
    const again = await captureOutput(() => run(["close", file, "--period", "2021-S1", "--today", "2021-07-06"]));
    expect([again.code, again.stderr.trim()]).toEqual([1, `${t("close-already-closed", { period: "6 tháng đầu năm 2021", closedOn: "05/07/2021" })} Sổ chưa bị thay đổi.`]);
    expect(readFileSync(file).equals(bytes)).toBe(true);
  });

  it("names each later change to the closed rows, with the value then and now, and nothing else", async () => {
    const file = path.join(dir, "xa-sua.xlsx");
    writeFileSync(file, readFileSync(demo));
    expect((await captureOutput(() => run(["close", file, "--period", "2021-S1", "--today", "2021-07-05"]))).code).toBe(0);
    expect(await drift(file)).toEqual([]);
    const book = await open(file);
    const ledger = (await book.readTables(["tblDongGop"])).get("tblDongGop")!;
    const col = (h: string) => ledger.headers.indexOf(h);
    const inPeriod = ledger.rows.findIndex((r) => typeof r[col("Ngày")] === "number" && (r[col("Ngày")] as number) <= isoToSerial("2021-06-30") && typeof r[col("Số tiền (đồng)")] === "number");
    const later = ledger.rows.findIndex((r) => typeof r[col("Ngày")] === "number" && (r[col("Ngày")] as number) > isoToSerial("2021-06-30"));
    const at = (i: number, h: string) => ({ sheet: ledger.sheet, row: ledger.range.top + 1 + i, col: ledger.range.left + col(h), expected: ledger.rows[i]![col(h)] ?? null });
    const amount = ledger.rows[inPeriod]![col("Số tiền (đồng)")] as number;
    // An amount retyped in the closed period; a row of the next half-year moved into it; a row after it edited (no change to the closed period).
    await book.updateCells([
      { ...at(inPeriod, "Số tiền (đồng)"), value: amount + 1_000_000 },
      { ...at(later, "Ngày"), value: isoToSerial("2021-06-15") },
      { ...at(ledger.rows.length - 1, "Ghi chú"), value: "sửa sau kỳ" },
    ]);
    writeFileSync(file, await book.toVerifiedBuffer());
    const found = await drift(file);
    const excelRow = ledger.range.top + 2 + inPeriod;
    expect(found.map((i) => [i.rule, i.params.row, i.params.column, i.params.before, i.params.after])).toEqual(
      [
        ["closed-changed", excelRow, "Số tiền (đồng)", new Intl.NumberFormat("vi-VN").format(amount), new Intl.NumberFormat("vi-VN").format(amount + 1_000_000)],
        ["closed-added", ledger.range.top + 2 + later, "", "(trống)", "(trống)"],
      ].sort((a, b) => (a[1] as number) - (b[1] as number)),
    );
    const changed = found.find((i) => i.rule === "closed-changed")!;
    expect(t(changed.rule, changed.params)).toBe(`Ô ${changed.cell} (trang "Đóng góp", cột "Số tiền (đồng)"): kỳ 6 tháng đầu năm 2021 đã chốt ngày 05/07/2021; dòng ${excelRow} cột Số tiền (đồng): ${new Intl.NumberFormat("vi-VN").format(amount)} → ${new Intl.NumberFormat("vi-VN").format(amount + 1_000_000)}. Số liệu đã báo cáo của kỳ này sẽ khác; nếu cần sửa, hãy mở lại kỳ (ghi lý do) rồi lập lại báo cáo.`);
    expect(changed.cell).toBe(`${String.fromCharCode(65 + ledger.range.left + col("Số tiền (đồng)"))}${excelRow}`);
    // The report of the closed period made again says its figures differ from those sent, and the preflight warns.
    const r = await captureOutput(() => run(["report", file, "--period", "2021-S1", "--today", "2022-01-05"]));
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`CẢNH BÁO: ${t("report-closed-changed", { count: 2 })}`);
    const { reportPaper } = await import("../src/domain/report/addReport");
    const { parsePeriod } = await import("../src/domain/period");
    const paper = JSON.stringify((await reportPaper(await open(file), parsePeriod("2021-S1"), "2022-01-05")).doc.blocks);
    expect(paper).toMatch(/Số liệu kỳ này đã chốt ngày 05\/07\/2021 .*với: thu [\d.]+ đồng.*Số liệu lập lại nay khác: thu [\d.]+ đồng/);
  });

  it("reopens a period only with a reason, logged; the changes are then no longer warned of; closed again, from the rows as they are", async () => {
    const file = path.join(dir, "xa-mo.xlsx");
    writeFileSync(file, readFileSync(demo));
    expect((await captureOutput(() => run(["close", file, "--period", "2021-S1", "--today", "2021-07-05"]))).code).toBe(0);
    const book = await open(file);
    const ledger = (await book.readTables(["tblDongGop"])).get("tblDongGop")!;
    const amountCol = ledger.headers.indexOf("Số tiền (đồng)");
    const i = ledger.rows.findIndex((r) => typeof r[amountCol] === "number" && (r[ledger.headers.indexOf("Ngày")] as number) <= isoToSerial("2021-06-30"));
    await book.updateCells([{ sheet: ledger.sheet, row: ledger.range.top + 1 + i, col: ledger.range.left + amountCol, expected: ledger.rows[i]![amountCol]!, value: 1_234_000 }]);
    writeFileSync(file, await book.toVerifiedBuffer());
    expect(await drift(file)).toHaveLength(1);
    const none = await captureOutput(() => run(["close", file, "--period", "2021-S1", "--reopen", " "]));
    expect([none.code, none.stderr]).toEqual([1, expect.stringContaining("cần ghi lý do")]);
    const r = await captureOutput(() => run(["close", file, "--period", "2021-S1", "--reopen", "Sửa số tiền phiếu thu ghi nhầm", "--today", "2021-07-20"]));
    expect(r.code).toBe(0);
    expect(await drift(file)).toEqual([]);
    const after = await open(file);
    const log = (await after.readTables(["tblNhatKy"])).get("tblNhatKy")!;
    expect(log.rows.at(-1)!.slice(2)).toEqual(["Mở lại kỳ đã chốt", "Kỳ đã chốt", null, "6 tháng đầu năm 2021: đã chốt ngày 05/07/2021", expect.stringMatching(/^Mở lại ngày 20\/07\/2021.*: Sửa số tiền phiếu thu ghi nhầm$/)]);
    // Closed again: a new record of the rows as they are now; nothing to warn of.
    expect((await captureOutput(() => run(["close", file, "--period", "2021-S1", "--today", "2021-07-21"]))).code).toBe(0);
    expect((await (await open(file)).summarize()).sheets.map((s) => s.name)).toEqual(expect.arrayContaining(["Chốt 2021-S1", "Chốt 2021-S1 (2)"]));
    expect(await drift(file)).toEqual([]);
  });

  it("a returned form's row that falls in a closed period is not merged: listed as needing the period reopened", async () => {
    const file = path.join(dir, "xa-phieu.xlsx");
    writeFileSync(file, readFileSync(demo));
    const forms = path.join(dir, "phieu");
    expect((await captureOutput(() => run(["collect", file, "--period", "2021-S2", "--out", forms, "--today", "2022-01-03"]))).code).toBe(0);
    expect((await captureOutput(() => run(["close", file, "--period", "2021-S2", "--today", "2022-01-04"]))).code).toBe(0);
    // The village updates its pledges as of a day of the closed half-year.
    const form = path.join(forms, "Phieu-bao-cao-Thon-mau-1-2021-S2.xlsx");
    const port = await XlsxWorkbook.fromBuffer(readFileSync(form));
    const tk = (await port.readTables(["tblCamKet"])).get("tblCamKet")!;
    const col = (h: string) => tk.range.left + tk.headers.indexOf(h);
    const at = (h: string) => tk.rows[0]![tk.headers.indexOf(h)] ?? null;
    await port.updateCells([
      { sheet: tk.sheet, row: tk.range.top + 1, col: col("Ngày cập nhật"), expected: at("Ngày cập nhật"), value: isoToSerial("2021-12-28") },
      { sheet: tk.sheet, row: tk.range.top + 1, col: col("Số hộ đã ký"), expected: at("Số hộ đã ký"), value: at("Số hộ") as number },
    ]);
    writeFileSync(form, await port.toBuffer());
    const before = (await (await open(file)).readTables(["tblCamKet"])).get("tblCamKet")!.rows.length;
    const r = await captureOutput(() => run(["merge", file, form, "--today", "2022-01-05"]));
    expect(r.stderr + r.stdout).toContain("thuộc kỳ 6 tháng cuối năm 2021 đã chốt ngày 04/01/2022. Không gộp dòng này; muốn gộp, hãy mở lại kỳ");
    expect((await (await open(file)).readTables(["tblCamKet"])).get("tblCamKet")!.rows).toHaveLength(before);
    expect(await drift(file)).toEqual([]);
  });

  it("report --close makes the report and closes its period with it", async () => {
    const file = path.join(dir, "xa-bc.xlsx");
    writeFileSync(file, readFileSync(demo));
    const r = await captureOutput(() => run(["report", file, "--period", "2021-S2", "--close", "--today", "2022-01-05"]));
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('cùng trang báo cáo "BC 6 tháng cuối năm 2021"');
    const list = (await (await open(file)).readTables(["tblKyDaChot"])).get("tblKyDaChot")!;
    expect(list.rows.map((x) => x[list.headers.indexOf("Trang báo cáo")])).toEqual(["BC 6 tháng cuối năm 2021"]);
    expect(await drift(file)).toEqual([]);
  });
});
