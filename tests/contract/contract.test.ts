import ExcelJS from "exceljs";
import { OfficeWorkbook } from "../../src/adapters/office/officeWorkbook";
import { XlsxWorkbook } from "../../src/adapters/xlsx/xlsxWorkbook";
import { chauSonPlan } from "../../src/domain/sample/chauSonPlan";
import { addReport } from "../../src/domain/report/addReport";
import { parsePeriod } from "../../src/domain/period";
import { fixUpdates } from "../../src/domain/rules/fixes";
import { issueMarks } from "../../src/domain/rules/marks";
import { validateThrough } from "../../src/domain/rules/runValidation";
import { VALIDATED_TABLES } from "../../src/domain/rules/validate";
import { demoRows } from "../../src/domain/sample/demoData";
import { applyTemplates } from "../../src/domain/template/applyTemplates";
import type { TableData, WorkbookPort } from "../../src/domain/workbook";
import { FakeExcel } from "../fakes/excel/workbook";
import { modelOfFake, modelOfXlsx, type WorkbookModel } from "./model";

interface Pair {
  xlsx: XlsxWorkbook;
  fake: FakeExcel;
  office: OfficeWorkbook;
}

/** Tables with formula cells as their formulas only. */
const withoutResults = (tables: Map<string, TableData>) =>
  new Map([...tables].map(([k, t]) => [k, { ...t, rows: t.rows.map((r) => r.map((v) => (v !== null && typeof v === "object" && "formula" in v ? { formula: v.formula } : v))) }]));

const both = (p: Pair) => [p.xlsx, p.office] as const;
const fresh = async (): Promise<Pair> => {
  const fake = new FakeExcel();
  return { xlsx: await XlsxWorkbook.empty(), fake, office: new OfficeWorkbook(fake.run, fake.requirements) };
};

function expectSameWorkbook(a: WorkbookModel, b: WorkbookModel): void {
  expect(b.sheets.map((s) => s.name)).toEqual(a.sheets.map((s) => s.name));
  a.sheets.forEach((s, i) => expect({ sheet: s.name, ...b.sheets[i] }).toEqual({ sheet: s.name, ...s }));
}

/** The same user content, typed into both: someone's own sheet and an older tasks table. */
async function usedPair(): Promise<Pair> {
  const book = new ExcelJS.Workbook();
  const own = book.addWorksheet("Sổ của tôi");
  own.getCell("A1").value = "Ghi chép riêng";
  own.getCell("B2").value = 1500000;
  const nv = book.addWorksheet("Nhiệm vụ");
  const headers = ["STT", "Đơn vị", "Nội dung nhiệm vụ", "Mục kế hoạch", "Hạn hoàn thành", "Trạng thái", "Ngày hoàn thành"];
  const rows = [[1, "Công an xã", "Tuần tra", "III.3", 44408, "Hoàn thành", 44397]];
  headers.forEach((h, i) => (nv.getCell(1, i + 1).value = h));
  rows[0]!.forEach((v, j) => (nv.getCell(2, j + 1).value = v));
  nv.addTable({ name: "tblNhiemVu", ref: "A1", headerRow: true, columns: headers.map((name) => ({ name })), rows });
  nv.getCell("A6").value = "Ghi chú dưới bảng";
  const xlsx = await XlsxWorkbook.fromBuffer(await book.xlsx.writeBuffer());
  const fake = new FakeExcel();
  fake.seed("Sổ của tôi", { A1: "Ghi chép riêng", B2: 1500000 });
  const seeded: Record<string, string | number> = { A6: "Ghi chú dưới bảng" };
  headers.forEach((h, i) => (seeded[`${String.fromCharCode(65 + i)}1`] = h));
  rows[0]!.forEach((v, j) => (seeded[`${String.fromCharCode(65 + j)}2`] = v));
  fake.seed("Nhiệm vụ", seeded);
  fake.seedTable("Nhiệm vụ", "tblNhiemVu", "A1:G2", "TableStyleMedium2");
  return { xlsx, fake, office: new OfficeWorkbook(fake.run, fake.requirements) };
}

describe("both adapters, one contract", () => {
  it("apply the templates with sample rows to an empty workbook and end in the same workbook", async () => {
    const p = await fresh();
    for (const port of both(p)) await applyTemplates(port, chauSonPlan, demoRows(chauSonPlan));
    const a = await modelOfXlsx(p.xlsx);
    expect(a.sheets).toHaveLength(7);
    expect(a.sheets.reduce((n, s) => n + Object.keys(s.cells).length, 0)).toBeGreaterThan(3000);
    expect(a.sheets.flatMap((s) => s.validations).length).toBeGreaterThan(20);
    expectSameWorkbook(a, modelOfFake(p.fake.state));
  });

  it("upgrade a used workbook alike, keep every user cell, and change nothing the second time", async () => {
    const p = await usedPair();
    for (const port of both(p)) await applyTemplates(port, chauSonPlan);
    const a = await modelOfXlsx(p.xlsx);
    expectSameWorkbook(a, modelOfFake(p.fake.state));
    const mine = a.sheets.find((s) => s.name === "Sổ của tôi")!;
    expect(mine.cells).toEqual({ A1: "Ghi chép riêng", B2: 1500000 });
    expect(a.sheets.find((s) => s.name === "Nhiệm vụ")!.tables[0]).toEqual({ name: "tblNhiemVu", ref: "A1:I2", headers: expect.arrayContaining(["Kết quả, minh chứng", "Ghi chú"]) as unknown, style: "TableStyleMedium2" });
    for (const port of both(p)) expect((await applyTemplates(port, chauSonPlan)).grids).toEqual([]);
  });

  it("read tables back as the same plain values, validate alike, and fix alike", async () => {
    const p = await fresh();
    for (const port of both(p)) await applyTemplates(port, chauSonPlan, demoRows(chauSonPlan));
    const names = VALIDATED_TABLES.map((t) => t.spec.name);
    // Inside Excel a formula cell has its result; a file the .xlsx adapter wrote has none until
    // Excel or LibreOffice computes it: the formulas themselves are compared.
    expect(withoutResults(await p.office.readTables(names))).toEqual(withoutResults(await p.xlsx.readTables(names)));
    // Plant the same problems through each port: a text number, a month-first date.
    for (const port of both(p) as readonly WorkbookPort[]) {
      const ledger = (await port.readTables(["tblDongGop"])).get("tblDongGop")!;
      const money = ledger.rows.findIndex((r) => r[1] === "Thu" && r[6] === "Tiền mặt");
      await port.updateCells([
        { sheet: "Đóng góp", row: money + 1, col: 7, expected: ledger.rows[money]![7]!, value: "1.000.000" },
        { sheet: "Đóng góp", row: 2, col: 0, expected: ledger.rows[1]![0]!, value: "06/16/2021" },
      ]);
    }
    const [ix, io] = [await validateThrough(p.xlsx, "2022-01-05"), await validateThrough(p.office, "2022-01-05")];
    expect(ix.map((i) => i.rule).sort()).toEqual(["date-month-first", "number-as-text"]);
    expect(io).toEqual(ix);
    for (const port of both(p) as readonly WorkbookPort[]) await port.updateCells(fixUpdates(await validateThrough(port, "2022-01-05")));
    expect((await validateThrough(p.office, "2022-01-05")).map((i) => i.rule)).toEqual(["date-month-first"]);
    expect(await validateThrough(p.office, "2022-01-05")).toEqual(await validateThrough(p.xlsx, "2022-01-05"));
  });

  it("mark and clear highlights alike, leaving the user's rules", async () => {
    const p = await fresh();
    for (const port of both(p)) await applyTemplates(port, chauSonPlan, demoRows(chauSonPlan));
    const before = await modelOfXlsx(p.xlsx);
    const issues = [{ rule: "required", severity: "error", sheet: "Đóng góp", table: "tblDongGop", row: 2, column: "Ngày", cell: "A3", col: 0, params: {} }] as const;
    for (const port of both(p)) await port.markIssues(issueMarks(issues));
    const marked = await modelOfXlsx(p.xlsx);
    expectSameWorkbook(marked, modelOfFake(p.fake.state));
    expect(marked.sheets.find((s) => s.name === "Đóng góp")!.conditionalFormats).toContain(`A3|LEN("sổ theo dõi: lỗi")>0|FFC7CE|9C0006`);
    for (const port of both(p)) await port.clearMarks();
    expectSameWorkbook(before, await modelOfXlsx(p.xlsx));
    expectSameWorkbook(before, modelOfFake(p.fake.state));
  });

  it("build the same report sheet and Tổng hợp", async () => {
    const p = await fresh();
    for (const port of both(p)) {
      await applyTemplates(port, chauSonPlan, demoRows(chauSonPlan));
      await addReport(port, parsePeriod("2021"), "2022-01-05");
    }
    const a = await modelOfXlsx(p.xlsx);
    expect(a.sheets.map((s) => s.name).slice(-2)).toEqual(["BC năm 2021", "Tổng hợp"]);
    // Page numbers centred at the top from the second page, in the file and inside Excel.
    expect(a.sheets.find((s) => s.name === "BC năm 2021")?.print.pageNumbers).toBe("from-2, counted from 1");
    // Page breaks computed from the rows' heights, the same in the file and inside Excel.
    expect(a.sheets.find((s) => s.name === "BC năm 2021")?.print.rowBreaks).toMatch(/^\d+(,\d+)+$/);
    // The pledge chart: native, over the rates beside the print area, across the page's columns.
    const charts = a.sheets.find((s) => s.name === "BC năm 2021")?.charts ?? [];
    expect(charts).toHaveLength(1);
    expect(charts[0]).toMatch(/^BarClustered\|Tỷ lệ hộ gia đình đã ký cam kết theo thôn\|N\d+:N\d+\|O\d+:O\d+\|A\d+:L\d+\|0\.\.1\|0%\|Times New Roman$/);
    expectSameWorkbook(a, modelOfFake(p.fake.state));
  });
});

describe("an older Excel (ExcelApi 1.8: no page layout, no Table.resize)", () => {
  it("upgrades a used workbook through the fallbacks and ends in the same cells and tables", async () => {
    const p = await usedPair();
    const old = new FakeExcel({ supported: "1.8" });
    old.seed("Sổ của tôi", { A1: "Ghi chép riêng", B2: 1500000 });
    const src = p.fake.state;
    for (const s of src.sheets) if (s.name === "Nhiệm vụ") old.seed("Nhiệm vụ", Object.fromEntries([...s.cells].map(([k, c]) => [`${String.fromCharCode(65 + Number(k.split(":")[1]))}${Number(k.split(":")[0]) + 1}`, c.value])));
    old.seedTable("Nhiệm vụ", "tblNhiemVu", "A1:G2", "TableStyleMedium2");
    const office = new OfficeWorkbook(old.run, old.requirements);
    await applyTemplates(p.xlsx, chauSonPlan);
    await applyTemplates(office, chauSonPlan);
    const a = await modelOfXlsx(p.xlsx);
    const b = modelOfFake(old.state);
    for (const s of a.sheets) {
      const t = b.sheets.find((x) => x.name === s.name)!;
      expect([s.name, t.cells, t.tables]).toEqual([s.name, s.cells, s.tables]);
    }
    expect(old.requirements.asked).toContain("ExcelApi 1.13");
    expect(old.state.sheets.every((s) => Object.keys(s.pageLayout).length === 0)).toBe(true);
  });
});
