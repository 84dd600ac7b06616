import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { XlsxWorkbook } from "../src/adapters/xlsx/xlsxWorkbook";
import { run } from "../src/cli/main";
import { isoToSerial } from "../src/domain/dates";
import { parseRangeAddress } from "../src/domain/grid";
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

/** A copy of the sample with 2021-S1 closed, open, with its ledger and the first amount of the closed half-year. */
async function closedCopy(name: string) {
  const file = path.join(dir, name);
  writeFileSync(file, readFileSync(demo));
  expect((await captureOutput(() => run(["close", file, "--period", "2021-S1", "--today", "2021-07-05"]))).code).toBe(0);
  const book = await open(file);
  const ledger = (await book.readTables(["tblDongGop"])).get("tblDongGop")!;
  const amountCol = ledger.headers.indexOf("Số tiền (đồng)");
  const i = ledger.rows.findIndex((r) => typeof r[amountCol] === "number" && (r[ledger.headers.indexOf("Ngày")] as number) <= isoToSerial("2021-06-30"));
  const at = { sheet: ledger.sheet, row: ledger.range.top + 1 + i, col: ledger.range.left + amountCol, expected: ledger.rows[i]![amountCol]! };
  return { file, book, ledger, amountCol, i, at };
}

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
    const { file, book, at } = await closedCopy("xa-mo.xlsx");
    await book.updateCells([{ ...at, value: 1_234_000 }]);
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
    // The message points at the row in the return: its first cell, on its sheet.
    expect(r.stderr + r.stdout).toMatch(new RegExp(`Phieu-bao-cao-Thon-mau-1-2021-S2\\.xlsx, ô [A-Z]${tk.range.top + 2} \\(trang "${tk.sheet}"\\): dòng ngày 28/12/2021`));
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

// The sheet's part in the package, by its name (workbook.xml, then its relationships).
async function sheetPart(zip: import("jszip"), sheet: string): Promise<string> {
  const wb = await zip.file("xl/workbook.xml")!.async("string");
  const id = new RegExp(`<sheet [^>]*name="${sheet}"[^>]*r:id="([^"]+)"`).exec(wb)?.[1];
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const target = new RegExp(`<Relationship [^>]*Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`<Relationship [^>]*Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)?.[1];
  return `xl/${target!.replace(/^\/?xl\//, "")}`;
}

/** Whether a cell (0-based) is in the sheet's range anyone may edit, as the file says (sqref). */
function editable(sqref: string, row: number, col: number): boolean {
  return sqref.split(" ").some((a) => {
    const b = parseRangeAddress(a)!;
    return row >= b.top && row <= b.bottom && col >= b.left && col <= b.right;
  });
}

describe("close --lock / --unlock: the closed rows locked on request", () => {
  const ledgerOf = async (file: string) => (await (await open(file)).readTables(["tblDongGop"])).get("tblDongGop")!;
  const protection = async (file: string) => {
    const JSZip = (await import("jszip")).default;
    const zip = await JSZip.loadAsync(readFileSync(file));
    const xml = await zip.file(await sheetPart(zip, "Đóng góp"))!.async("string");
    return { protectedTag: /<sheetProtection [^>]*\/>/.exec(xml)?.[0], sqref: /<protectedRange [^>]*name="Cac_dong_chua_chot"[^>]*sqref="([^"]+)"/.exec(xml)?.[1] ?? /<protectedRange [^>]*sqref="([^"]+)"[^>]*name="Cac_dong_chua_chot"/.exec(xml)?.[1] };
  };

  it("locks the header and the closed period's rows, every other cell editable; unlock lifts it; a reopened period's rows are unlocked", async () => {
    const file = path.join(dir, "xa-khoa.xlsx");
    writeFileSync(file, readFileSync(demo));
    const before = await validateThrough(await open(file), "2022-01-05");
    const r = await captureOutput(() => run(["close", file, "--period", "2021-S1", "--lock", "--today", "2021-07-05"]));
    expect(r.code).toBe(0);
    const ledger = await ledgerOf(file);
    const dateCol = ledger.headers.indexOf("Ngày");
    const closedRows = ledger.rows.map((x, i) => [x, i] as const).filter(([x]) => typeof x[dateCol] === "number" && x[dateCol] <= isoToSerial("2021-06-30")).map(([, i]) => ledger.range.top + 1 + i);
    const pledges = (await (await open(file)).readTables(["tblCamKet"])).get("tblCamKet")!;
    const pledgeRows = pledges.rows.filter((x) => (x[pledges.headers.indexOf("Ngày cập nhật")] as number) <= isoToSerial("2021-06-30")).length;
    expect(r.stderr).toContain(t("cli-lock-done", { rows: closedRows.length + pledgeRows, sheets: '"Đóng góp", "Cam kết"', file }));
    const { protectedTag, sqref } = await protection(file);
    expect(protectedTag).toMatch(/sheet="1"/);
    expect(protectedTag).not.toMatch(/password|hashValue/);
    const { left, right, top } = ledger.range;
    const openRows = ledger.rows.map((_, i) => top + 1 + i).filter((row) => !closedRows.includes(row));
    expect(closedRows.length).toBeGreaterThan(0);
    expect(openRows.length).toBeGreaterThan(0);
    // Locked: the header and the closed rows, in the table's columns; editable: the open rows, the rows below, the columns beside.
    for (let c = left; c <= right; c++) {
      expect(editable(sqref!, top, c)).toBe(false);
      for (const row of closedRows) expect(editable(sqref!, row, c)).toBe(false);
      for (const row of openRows) expect(editable(sqref!, row, c)).toBe(true);
      expect(editable(sqref!, ledger.range.bottom + 1, c)).toBe(true);
    }
    expect(editable(sqref!, closedRows[0]!, right + 1)).toBe(true);
    expect(editable(sqref!, 0, 0)).toBe(top > 0 || left > 0);
    // The lock changes no value: the check says what it said before.
    expect(await validateThrough(await open(file), "2022-01-05")).toEqual(before);
    // Closing the next half-year keeps the lock in step: its rows locked too.
    expect((await captureOutput(() => run(["close", file, "--period", "2021-S2", "--today", "2022-01-05"]))).code).toBe(0);
    const both = (await protection(file)).sqref!;
    for (const row of openRows) expect(editable(both, row, left)).toBe(!(ledger.rows[row - top - 1]![dateCol] as number <= isoToSerial("2021-12-31")));
    // Unlocked: no protection left, no range of ours.
    const u = await captureOutput(() => run(["close", file, "--unlock"]));
    expect(u.code).toBe(0);
    expect(await protection(file)).toEqual({ protectedTag: undefined, sqref: undefined });
    // Each lock asked for and lifted is in the log.
    const log = (await (await open(file)).readTables(["tblNhatKy"])).get("tblNhatKy")!;
    expect(log.rows.map((x) => x[2]).filter((a) => typeof a === "string" && /khóa/i.test(a))).toEqual(["Khóa các dòng đã chốt", "Mở khóa các dòng đã chốt"]);
    // Locked again, then the second half-year reopened: only the first half-year's rows stay locked.
    expect((await captureOutput(() => run(["close", file, "--lock"]))).code).toBe(0);
    expect((await captureOutput(() => run(["close", file, "--period", "2021-S2", "--reopen", "Sửa phiếu thu", "--today", "2022-01-06"]))).code).toBe(0);
    const after = (await protection(file)).sqref!;
    for (const row of closedRows) expect(editable(after, row, left)).toBe(false);
    for (const row of openRows) expect(editable(after, row, left)).toBe(true);
  });

  it("refuses a sheet protected with a password, the file as it was; with no period closed, nothing to lock", async () => {
    const file = path.join(dir, "xa-matkhau.xlsx");
    writeFileSync(file, readFileSync(demo));
    const none = await captureOutput(() => run(["close", file, "--lock"]));
    expect([none.code, none.stderr]).toEqual([1, expect.stringContaining(t("close-nothing-to-lock"))]);
    expect((await captureOutput(() => run(["close", file, "--period", "2021-S1", "--today", "2021-07-05"]))).code).toBe(0);
    const JSZip = (await import("jszip")).default;
    const zip = await JSZip.loadAsync(readFileSync(file));
    const part = await sheetPart(zip, "Đóng góp");
    const xml = await zip.file(part)!.async("string");
    zip.file(part, xml.replace("</sheetData>", '</sheetData><sheetProtection algorithmName="SHA-512" hashValue="x" saltValue="y" spinCount="100000" sheet="1" objects="1" scenarios="1"/>'));
    writeFileSync(file, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
    const bytes = readFileSync(file);
    const r = await captureOutput(() => run(["close", file, "--lock"]));
    expect([r.code, r.stderr]).toEqual([1, expect.stringContaining(t("grid-password-protected", { sheet: "Đóng góp" }))]);
    expect(readFileSync(file).equals(bytes)).toBe(true);
  });
});

describe("a sheet the user protected", () => {
  it("is never taken for a lock of the closed rows: closing and reopening leave its protection as it was", async () => {
    const file = path.join(dir, "xa-baove.xlsx");
    writeFileSync(file, readFileSync(demo));
    const JSZip = (await import("jszip")).default;
    const zip = await JSZip.loadAsync(readFileSync(file));
    const part = await sheetPart(zip, "Đóng góp");
    const tag = '<sheetProtection sheet="1" objects="1" scenarios="1" formatCells="0"/>';
    zip.file(part, (await zip.file(part)!.async("string")).replace("</sheetData>", `</sheetData>${tag}`));
    writeFileSync(file, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
    const sheetXml = async () => (await JSZip.loadAsync(readFileSync(file))).file(part)!.async("string");
    const before = await sheetXml();
    expect((await captureOutput(() => run(["close", file, "--period", "2021-S1", "--today", "2021-07-05"]))).code).toBe(0);
    expect((await captureOutput(() => run(["close", file, "--period", "2021-S1", "--reopen", "Sửa", "--today", "2021-07-06"]))).code).toBe(0);
    expect(await sheetXml()).toBe(before);
  });
});

describe("every way a closed row can be changed is found, and only the change made", () => {
  it("validate --fix: a closed amount retyped as text, then turned into a number by the fix", async () => {
    const { file, book, ledger, amountCol, i, at } = await closedCopy("xa-fix.xlsx");
    const was = at.expected as number;
    await book.updateCells([{ ...at, value: "2.500.000" }]);
    writeFileSync(file, await book.toVerifiedBuffer());
    const fixed = await captureOutput(() => run(["validate", file, "--fix", "--today", "2022-01-05"]));
    expect(fixed.code).not.toBe(2);
    // What the fix leaves to say names the change to the closed row (its snapshot read because the rows changed).
    expect(fixed.stdout + fixed.stderr).toContain(`${new Intl.NumberFormat("vi-VN").format(was)} → 2.500.000`);
    const now = (await (await open(file)).readTables(["tblDongGop"])).get("tblDongGop")!.rows[i]![amountCol];
    expect(now).toBe(2_500_000);
    const found = await drift(file);
    expect(found.map((d) => [d.rule, d.params.row, d.params.column, d.params.before, d.params.after])).toEqual([["closed-changed", ledger.range.top + 2 + i, "Số tiền (đồng)", new Intl.NumberFormat("vi-VN").format(was), "2.500.000"]]);
  });

  it("the file's XML edited as Excel keeps it (a number in place, a text through the shared strings): exactly those two cells", async () => {
    const file = path.join(dir, "xa-xml.xlsx");
    writeFileSync(file, readFileSync(demo));
    expect((await captureOutput(() => run(["close", file, "--period", "2021-S1", "--today", "2021-07-05"]))).code).toBe(0);
    const ledger = (await (await open(file)).readTables(["tblDongGop"])).get("tblDongGop")!;
    const col = (h: string) => ledger.headers.indexOf(h);
    const i = ledger.rows.findIndex((r) => typeof r[col("Số tiền (đồng)")] === "number" && typeof r[col("Người, đơn vị")] === "string" && (r[col("Ngày")] as number) <= isoToSerial("2021-06-30"));
    expect(i).toBeGreaterThanOrEqual(0);
    const row = ledger.range.top + 2 + i;
    const ref = (h: string) => `${String.fromCharCode(65 + ledger.range.left + col(h))}${row}`;
    const JSZip = (await import("jszip")).default;
    const zip = await JSZip.loadAsync(readFileSync(file));
    const part = await sheetPart(zip, "Đóng góp");
    let xml = await zip.file(part)!.async("string");
    // Excel keeps texts in the shared strings: the part made where the file has none (its relationship and content type with it).
    let sst = (await zip.file("xl/sharedStrings.xml")?.async("string")) ?? '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"></sst>';
    if (!zip.file("xl/sharedStrings.xml")) {
      const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
      zip.file("xl/_rels/workbook.xml.rels", rels.replace("</Relationships>", '<Relationship Id="rIdSst1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>'));
      const types = await zip.file("[Content_Types].xml")!.async("string");
      zip.file("[Content_Types].xml", types.replace("</Types>", '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>'));
    }
    const count = (sst.match(/<si>/g) ?? []).length;
    sst = sst.replace("</sst>", "<si><t>Hộ ông Nguyễn Văn Sửa</t></si></sst>").replace(/uniqueCount="\d+"/, `uniqueCount="${count + 1}"`).replace(/ count="\d+"/, ` count="${count + 1}"`);
    const amountCell = new RegExp(`<c r="${ref("Số tiền (đồng)")}"([^>]*)><v>[^<]*</v></c>`);
    const nameCell = new RegExp(`<c r="${ref("Người, đơn vị")}"([^>]*) t="(?:s|inlineStr)"([^>]*)>(?:<v>\\d+</v>|<is><t>[^<]*</t></is>)</c>`);
    expect(xml).toMatch(amountCell);
    expect(xml).toMatch(nameCell);
    xml = xml.replace(amountCell, `<c r="${ref("Số tiền (đồng)")}"$1><v>7000000</v></c>`).replace(nameCell, `<c r="${ref("Người, đơn vị")}"$1 t="s"$2><v>${count}</v></c>`);
    zip.file(part, xml);
    zip.file("xl/sharedStrings.xml", sst);
    writeFileSync(file, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
    const found = await drift(file);
    expect(found.map((d) => [d.rule, d.params.row, d.params.column, d.params.after])).toEqual([
      ["closed-changed", row, "Người, đơn vị", "Hộ ông Nguyễn Văn Sửa"],
      ["closed-changed", row, "Số tiền (đồng)", "7.000.000"],
    ]);
  });
});
