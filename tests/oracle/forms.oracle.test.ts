import { execFileSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import JSZip from "jszip";
import ExcelJS from "exceljs";
import { XlsxWorkbook } from "../../src/adapters/xlsx/xlsxWorkbook";
import { run } from "../../src/cli/main";
import { isoToSerial } from "../../src/domain/dates";
import type { CellValue } from "../../src/domain/grid";
import { captureOutput } from "../helpers/output";
import { convertToPdf, describeWithLibreOffice, recalculatedSheets, requireExcelMetricFonts, resaveWithLibreOffice } from "../helpers/libreoffice";

// The forms as a village head or a unit's officer meets them, checked by LibreOffice: what opens
// first, what shows, what prints, and the line that counts what is still to fill.

jest.setTimeout(240_000);

const dir = mkdtempSync(path.join(tmpdir(), "forms-oracle-"));
const commune = path.join(dir, "xa.xlsx");
const out = path.join(dir, "phieu");
const unitForm = path.join(out, "Phieu-bao-cao-Tram-y-te-xa-2021-S2.xlsx");
const villageForm = path.join(out, "Phieu-bao-cao-Thon-mau-1-2021-S2.xlsx");

/** The sheets of a workbook file in tab order, each with its state. */
async function sheetStates(file: string): Promise<[string, string][]> {
  const wb = await (await JSZip.loadAsync(readFileSync(file))).file("xl/workbook.xml")!.async("string");
  return [...wb.matchAll(/<sheet\b[^>]*>/g)].map((m) => [/name="([^"]+)"/.exec(m[0])![1]!, /state="(\w+)"/.exec(m[0])?.[1] ?? "visible"]);
}

/** Sets cells of a table's body row (by header) in a form, as its holder types them. */
async function fill(file: string, table: string, row: number, values: Record<string, CellValue>): Promise<void> {
  const port = await XlsxWorkbook.fromBuffer(readFileSync(file));
  const t = (await port.readTables([table])).get(table)!;
  const { skipped } = await port.updateCells(Object.entries(values).map(([h, value]) => ({ sheet: t.sheet, row: t.range.top + 1 + row, col: t.range.left + t.headers.indexOf(h), expected: t.rows[row]![t.headers.indexOf(h)] ?? null, value: value as string | number | null })));
  expect(skipped).toEqual([]);
  writeFileSync(file, await port.toBuffer());
}

/** The guide's self-check line after LibreOffice recalculates the form. */
function checkLine(file: string): string {
  const guide = recalculatedSheets(file).get("Hướng dẫn")!;
  return guide.flat().find((c) => /^(Còn \d+ ô|Đã điền đủ)/.test(c)) ?? "";
}

describeWithLibreOffice("forms a village head or a unit fills without help", () => {
  beforeAll(async () => {
    expect((await captureOutput(() => run(["demo", "--out", commune]))).code).toBe(0);
    expect((await captureOutput(() => run(["collect", commune, "--period", "2021-S2", "--due", "2022-01-05", "--out", out, "--today", "2022-01-02"]))).code).toBe(0);
  });

  it("opens on the guide; shows only the sheets to fill; keeps the plan, the lists and the record hidden", async () => {
    expect(await sheetStates(unitForm)).toEqual([
      ["Hướng dẫn", "visible"],
      ["Thông tin chung", "hidden"],
      ["Danh mục", "hidden"],
      ["Nhiệm vụ", "visible"],
      ["Kế hoạch", "hidden"],
      ["Phiếu", "hidden"],
    ]);
    const village = await sheetStates(villageForm);
    expect(village[0]).toEqual(["Hướng dẫn", "visible"]);
    expect(village.filter(([, s]) => s === "visible").map(([n]) => n)).toEqual(["Hướng dẫn", "Cam kết", "Đóng góp"]);
    // The guide says whose form, the period and the due date as people write them.
    const guide = recalculatedSheets(unitForm).get("Hướng dẫn")!.flat().join("\n");
    expect(guide).toContain("Trạm y tế xã");
    expect(guide).toContain("6 tháng cuối năm 2021 (từ ngày 01/07/2021 đến ngày 31/12/2021)");
    expect(guide).toContain("trước hết ngày 05/01/2022");
    expect(guide).toContain("Phieu-bao-cao-Tram-y-te-xa-2021-S2.xlsx");
    expect(guide).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it("shades and unlocks the cells to fill, and only those", async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(unitForm) as unknown as ArrayBuffer);
    const ws = book.getWorksheet("Nhiệm vụ")!;
    const headers = (ws.getRow(1).values as unknown[]).map(String);
    const col = (h: string) => headers.indexOf(h);
    const cell = (h: string) => ws.getRow(2).getCell(col(h));
    for (const h of ["Trạng thái", "Ngày hoàn thành", "Kết quả, minh chứng", "Ghi chú"]) {
      expect([h, cell(h).protection?.locked]).toEqual([h, false]);
      expect([h, (cell(h).fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb?.slice(-6)]).toEqual([h, "FFF2CC"]);
    }
    for (const h of ["Đơn vị", "Nội dung nhiệm vụ"]) expect([h, cell(h).protection?.locked]).not.toEqual([h, false]);
  });

  it("prints a unit's form on two A4 pages: the guide and its tasks", () => {
    requireExcelMetricFonts();
    const pdf = convertToPdf(unitForm, dir);
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [pdf], { encoding: "utf8" }))![1]);
    expect(pages).toBeLessThanOrEqual(2);
    const text = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
    expect(text).toContain("CẦN ĐIỀN GÌ");
    // The record of what was sent is never printed.
    expect(text).not.toContain("Mã phiếu");
  });

  it("counts, in plain formulas LibreOffice recalculates, the cells still empty or wrong; then merges back once filled", async () => {
    const form = path.join(dir, "tram-y-te.xlsx");
    copyFileSync(unitForm, form);
    expect(checkLine(form)).toBe("Đã điền đủ các ô cần điền: phiếu sẵn sàng để gửi lại.");
    const tasks = (await (await XlsxWorkbook.fromBuffer(readFileSync(form))).readTables(["tblNhiemVu"])).get("tblNhiemVu")!;
    const state = tasks.headers.indexOf("Trạng thái");
    const open = tasks.rows.findIndex((r) => r[state] !== "Hoàn thành");
    const done = tasks.rows.findIndex((r) => r[state] === "Hoàn thành");
    // A state left empty, and a task said done without its date: two cells.
    await fill(form, "tblNhiemVu", open, { "Trạng thái": null });
    await fill(form, "tblNhiemVu", done, { "Ngày hoàn thành": null });
    expect(checkLine(form)).toBe("Còn 2 ô chưa điền hoặc chưa đúng ở trang “Nhiệm vụ”. Hãy điền đủ trước khi gửi lại.");
    // A state not in the list is wrong too.
    await fill(form, "tblNhiemVu", open, { "Trạng thái": "Xong rồi" });
    expect(checkLine(form)).toMatch(/^Còn 2 ô/);
    await fill(form, "tblNhiemVu", open, { "Trạng thái": "Đang thực hiện" });
    await fill(form, "tblNhiemVu", done, { "Ngày hoàn thành": isoToSerial("2021-10-28") });
    expect(checkLine(form)).toBe("Đã điền đủ các ô cần điền: phiếu sẵn sàng để gửi lại.");
    // Saved again by LibreOffice, as the unit would: the hidden record survives, and the return merges.
    const resaved = resaveWithLibreOffice(form, mkdtempSync(path.join(dir, "lo-")));
    const back = path.join(dir, "Phieu-bao-cao-Tram-y-te-xa-2021-S2.xlsx");
    copyFileSync(resaved, back);
    const r = await captureOutput(() => run(["merge", commune, back, "--today", "2022-01-04"]));
    expect(r.code).toBe(0);
    const merged = (await (await XlsxWorkbook.fromBuffer(readFileSync(commune))).readTables(["tblNhiemVu"])).get("tblNhiemVu")!;
    const content = tasks.headers.indexOf("Nội dung nhiệm vụ");
    const row = merged.rows.find((x) => x[content] === tasks.rows[open]![content] && x[tasks.headers.indexOf("Đơn vị")] === "Trạm y tế xã")!;
    expect(row[state]).toBe("Đang thực hiện");
  });

  it("a village's line counts its pledge row and the donations it adds", async () => {
    const form = path.join(dir, "thon-1.xlsx");
    copyFileSync(villageForm, form);
    expect(checkLine(form)).toBe("Đã điền đủ các ô cần điền: phiếu sẵn sàng để gửi lại.");
    await fill(form, "tblCamKet", 0, { "Số hộ đã ký": 400 });
    expect(checkLine(form)).toBe("Còn 1 ô chưa điền hoặc chưa đúng ở trang “Cam kết” và “Đóng góp”. Hãy điền đủ trước khi gửi lại.");
    await fill(form, "tblCamKet", 0, { "Số hộ đã ký": 300 });
    // A donation with a name but neither a date nor an amount: two more.
    await fill(form, "tblDongGop", 0, { "Người, đơn vị": "Hộ ông Nguyễn Văn A" });
    expect(checkLine(form)).toMatch(/^Còn 2 ô/);
  });
});
