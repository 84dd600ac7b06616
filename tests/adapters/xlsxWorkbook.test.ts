import JSZip from "jszip";
import { XlsxWorkbook, GridConflictError } from "../../src/adapters/xlsx/xlsxWorkbook";
import { chauSonPlan } from "../../src/domain/sample/chauSonPlan";
import { demoRows } from "../../src/domain/sample/demoData";
import { SHEET_SPECS } from "../../src/domain/sheets/specs";
import { applyTemplates } from "../../src/domain/template/applyTemplates";


async function demoBuffer(): Promise<Uint8Array> {
  const book = await XlsxWorkbook.empty();
  await applyTemplates(book, chauSonPlan, demoRows(chauSonPlan));
  return book.toBuffer();
}

async function sheetXml(data: Uint8Array, sheetName: string): Promise<string> {
  const zip = await JSZip.loadAsync(data);
  const wb = await zip.file("xl/workbook.xml")!.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const rid = new RegExp(`<sheet [^>]*name="${sheetName}"[^>]*r:id="(rId\\d+)"`).exec(wb)![1];
  const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${rid}"`).exec(rels)![1]!;
  return zip.file(`xl/${target.replace(/^\/?xl\//, "")}`)!.async("string");
}

const sqrefs = (xml: string) => [...xml.matchAll(/<dataValidation [^>]*sqref="([^"]+)"/g)].map((m) => m[1]!);

describe("the xlsx adapter on real files", () => {
  let data: Uint8Array;
  beforeAll(async () => {
    data = await demoBuffer();
  });

  it("reads back every sheet, table and header it wrote", async () => {
    const book = await XlsxWorkbook.fromBuffer(data);
    const summary = await book.summarize();
    expect(summary.sheets.map((s) => s.name)).toEqual(SHEET_SPECS.map((s) => s.name));
    for (const spec of SHEET_SPECS) {
      const sheet = summary.sheets.find((s) => s.name === spec.name)!;
      expect(sheet.tables.map((t) => [t.name, t.headers])).toEqual(spec.tables.map((t) => [t.name, t.columns.map((c) => c.header)]));
    }
  });

  it("reads tables as plain values: numbers, text, date serials and formulas", async () => {
    const book = await XlsxWorkbook.fromBuffer(data);
    const tables = await book.readTables(["tblDongGop", "tblCamKet", "tblKhông"]);
    expect([...tables.keys()].sort()).toEqual(["tblCamKet", "tblDongGop"]);
    const ledger = tables.get("tblDongGop")!;
    expect(ledger.rows).toHaveLength(320);
    const expected = demoRows(chauSonPlan).get("tblDongGop")!;
    expect(ledger.rows[0]!.slice(0, 4)).toEqual([expected[0]!["Ngày"], expected[0]!["Loại"], expected[0]!["Số chứng từ"], expected[0]!["Người, đơn vị"]]);
    const rate = tables.get("tblCamKet")!.rows[0]![7];
    expect(rate !== null && typeof rate === "object" && "formula" in rate ? rate.formula : rate).toContain("tblCamKet[[#This Row],[Số hộ đã ký]]");
  });

  it("keeps data validations as they were through a read and a write (no overlapping ranges)", async () => {
    const resaved = await (await XlsxWorkbook.fromBuffer(data)).toBuffer();
    for (const sheet of ["Nhiệm vụ", "Cam kết", "Đóng góp", "Khen thưởng"]) {
      const before = sqrefs(await sheetXml(data, sheet)).sort();
      expect(before.length).toBeGreaterThan(2);
      expect(sqrefs(await sheetXml(resaved, sheet)).sort()).toEqual(before);
    }
  });

  it("keeps the calculated column and visible filter buttons through a read and a write", async () => {
    const resaved = await (await XlsxWorkbook.fromBuffer(data)).toBuffer();
    const zip = await JSZip.loadAsync(resaved);
    const tables = await Promise.all(Object.keys(zip.files).filter((f) => /^xl\/tables\/table\d+\.xml$/.test(f)).map((f) => zip.file(f)!.async("string")));
    const camKet = tables.find((x) => x.includes('name="tblCamKet"'))!;
    expect(camKet).toContain("<calculatedColumnFormula>IF(AND(N(tblCamKet[[#This Row],[Số hộ]])&gt;0");
    for (const t of tables) expect(t).not.toContain('hiddenButton="1"');
  });

  it("refuses a grid that would overwrite a user's cell, before writing anything", async () => {
    const book = await XlsxWorkbook.fromBuffer(data);
    const grid = { sheet: "Danh mục", createSheet: false, cells: [{ row: 20, col: 0, value: "mới" }, { row: 1, col: 0, value: "đè" }] };
    await expect(book.applyGrids([grid])).rejects.toBeInstanceOf(GridConflictError);
    const after = await book.readRanges([{ sheet: "Danh mục", range: { top: 20, left: 0, bottom: 20, right: 0 } }]);
    expect(after).toEqual([[[null]]]);
  });

  it("writes a new workbook that names itself by its subject, in docProps/core.xml, where Excel shows it", async () => {
    const marked = await XlsxWorkbook.empty({ subject: "Sổ theo dõi phong trào - dữ liệu mẫu" });
    await applyTemplates(marked, chauSonPlan);
    const bytes = await marked.toBuffer();
    const core = await (await JSZip.loadAsync(bytes)).file("docProps/core.xml")!.async("string");
    expect(core).toContain("<dc:subject>Sổ theo dõi phong trào - dữ liệu mẫu</dc:subject>");
    expect(await (await XlsxWorkbook.fromBuffer(bytes)).subject()).toBe("Sổ theo dõi phong trào - dữ liệu mẫu");
    // A workbook made without a subject does not pass for the sample.
    expect(await (await XlsxWorkbook.fromBuffer(data)).subject()).not.toBe("Sổ theo dõi phong trào - dữ liệu mẫu");
  });
});

describe("merged ranges", () => {
  const mergesOf = (xml: string) => ({ count: /<mergeCells count="(\d+)"/.exec(xml)?.[1], refs: [...xml.matchAll(/<mergeCell ref="([^"]+)"\/>/g)].map((m) => m[1]) });

  it("adds merges after those a sheet has, each once, the count with them, on a new sheet and on one read back", async () => {
    const book = await XlsxWorkbook.empty();
    const cell = (row: number) => ({ row, col: 0, value: `Dòng ${row + 1}` });
    await book.applyGrids([{ sheet: "Giấy", createSheet: true, cells: [cell(0), cell(1)], merges: [{ top: 0, bottom: 0, left: 0, right: 3 }, { top: 1, bottom: 1, left: 0, right: 3 }, { top: 0, bottom: 0, left: 0, right: 3 }] }]);
    const first = await book.toBuffer();
    expect(mergesOf(await sheetXml(first, "Giấy"))).toEqual({ count: "2", refs: ["A1:D1", "A2:D2"] });
    const again = await XlsxWorkbook.fromBuffer(first);
    await again.applyGrids([{ sheet: "Giấy", createSheet: false, cells: [cell(2)], merges: [{ top: 1, bottom: 1, left: 0, right: 3 }, { top: 2, bottom: 3, left: 0, right: 1 }] }]);
    const second = await again.toVerifiedBuffer();
    expect(mergesOf(await sheetXml(second, "Giấy"))).toEqual({ count: "3", refs: ["A1:D1", "A2:D2", "A3:B4"] });
  });
});

describe("text that looks like a formula", () => {
  it("is written as text, never as a formula", async () => {
    const book = await XlsxWorkbook.empty();
    const risky = ["=SUM(A1:A9)", "+84 912 345 678", "-5", "@tên"];
    await book.applyGrids([{ sheet: "Thử", createSheet: true, cells: risky.map((value, i) => ({ row: i, col: 0, value })) }]);
    const read = await (await XlsxWorkbook.fromBuffer(await book.toBuffer())).readRanges([{ sheet: "Thử", range: { top: 0, left: 0, bottom: 3, right: 0 } }]);
    expect(read[0]!.map((r) => r[0])).toEqual(risky);
    const xml = await sheetXml(await book.toBuffer(), "Thử");
    expect(xml).not.toContain("<f>");
  });
});

describe("a table with a totals row", () => {
  /** The base workbook with tblDongGop given a totals row (SUBTOTAL of the amounts) under its body. */
  async function withTotals(): Promise<Uint8Array> {
    const { BASE_ROWS } = await import("../fixtures/base");
    const book = await XlsxWorkbook.empty();
    await applyTemplates(book, chauSonPlan, BASE_ROWS);
    const zip = await JSZip.loadAsync(await book.toBuffer());
    const tableName = (await Promise.all(Object.keys(zip.files).filter((f) => f.startsWith("xl/tables/")).map(async (f) => [f, await zip.file(f)!.async("string")] as const))).find(([, x]) => x.includes('name="tblDongGop"'))!;
    zip.file(tableName[0], tableName[1].replace('ref="A1:N5"', 'ref="A1:N6" totalsRowCount="1"').replace('<tableColumn id="8" name="Số tiền (đồng)"/>', '<tableColumn id="8" name="Số tiền (đồng)" totalsRowFunction="sum"/>').replace('<tableColumn id="1" name="Ngày"/>', '<tableColumn id="1" name="Ngày" totalsRowLabel="Cộng"/>'));
    const sheet = await sheetXml(await zip.generateAsync({ type: "uint8array" }), "Đóng góp");
    let ledgerPart = "";
    for (const f of Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))) if ((await zip.file(f)!.async("string")) === sheet) ledgerPart = f;
    expect(sheet).not.toContain('<row r="6"');
    const totals = `<row r="6"><c r="A6" t="inlineStr"><is><t>Cộng</t></is></c><c r="H6"><f>SUBTOTAL(109,tblDongGop[Số tiền (đồng)])</f><v>13500000</v></c></row>`;
    zip.file(ledgerPart, sheet.replace("</sheetData>", `${totals}</sheetData>`));
    return zip.generateAsync({ type: "uint8array" });
  }

  it("is never read as data, and the report's figures leave it out", async () => {
    const data = await withTotals();
    const book = await XlsxWorkbook.fromBuffer(data);
    const ledger = (await book.readTables(["tblDongGop"])).get("tblDongGop")!;
    expect(ledger.range.bottom).toBe(4);
    expect(ledger.rows).toHaveLength(4);
    expect(ledger.rows.some((r) => r[0] === "Cộng")).toBe(false);
  });

  it("is never written over: templates change nothing, and a write keeps the totals row as it was", async () => {
    const data = await withTotals();
    const book = await XlsxWorkbook.fromBuffer(data);
    expect((await applyTemplates(book, chauSonPlan)).grids).toEqual([]);
    const { addReport } = await import("../../src/domain/report/addReport");
    const { parsePeriod } = await import("../../src/domain/period");
    const added = await addReport(book, parsePeriod("2021"), "2022-01-05");
    expect(added.figures.donations.receivedMoney).toBe(10_500_000);
    const out = await book.toVerifiedBuffer();
    const [row] = await (await XlsxWorkbook.fromBuffer(out)).readRanges([{ sheet: "Đóng góp", range: { top: 5, left: 0, bottom: 5, right: 7 } }]);
    expect(row![0]![0]).toBe("Cộng");
    expect(row![0]![7]).toEqual({ formula: "SUBTOTAL(109,tblDongGop[Số tiền (đồng)])", result: 13_500_000 });
  });
});

describe("names Excel keeps in one namespace", () => {
  it("refuses a table whose name is already a defined name, before writing anything", async () => {
    const book = await XlsxWorkbook.empty();
    await book.applyGrids([{ sheet: "Sổ", createSheet: true, cells: [{ row: 0, col: 0, value: "x" }] }]);
    const zip = await JSZip.loadAsync(await book.toBuffer());
    const wb = await zip.file("xl/workbook.xml")!.async("string");
    zip.file("xl/workbook.xml", wb.replace("<calcPr", "<definedNames><definedName name=\"tblThon\">'Sổ'!$A$1</definedName></definedNames><calcPr"));
    const named = await XlsxWorkbook.fromBuffer(await zip.generateAsync({ type: "uint8array" }));
    const before = await named.toBuffer();
    const { GridRefusedError } = await import("../../src/adapters/xlsx/xlsxWorkbook");
    await expect(applyTemplates(named, chauSonPlan)).rejects.toBeInstanceOf(GridRefusedError);
    expect(Buffer.from(await named.toBuffer()).equals(Buffer.from(before))).toBe(true);
  });
});

describe("a table whose header row is hidden (headerRowCount 0)", () => {
  it("reads as the Office adapter reads it: no headers, every body row", async () => {
    const book = await XlsxWorkbook.empty();
    await book.applyGrids([{ sheet: "S", createSheet: true, cells: [{ row: 0, col: 0, value: "Thôn" }, { row: 1, col: 0, value: "Thôn 1" }, { row: 2, col: 0, value: "Thôn 2" }], tables: [{ name: "tblThon", range: { top: 0, left: 0, bottom: 2, right: 0 }, headers: ["Thôn"] }] }]);
    const zip = await JSZip.loadAsync(await book.toBuffer());
    const part = Object.keys(zip.files).find((f) => f.startsWith("xl/tables/"))!;
    zip.file(part, (await zip.file(part)!.async("string")).replace('ref="A1:A3" headerRowCount="1"', 'ref="A2:A3" headerRowCount="0"').replace('<autoFilter ref="A1:A3"/>', ""));
    const t = (await (await XlsxWorkbook.fromBuffer(await zip.generateAsync({ type: "uint8array" }))).readTables(["tblThon"])).get("tblThon")!;
    expect([t.headers, t.range, t.rows]).toEqual([[], { top: 0, left: 0, bottom: 2, right: 0 }, [["Thôn 1"], ["Thôn 2"]]]);
  });
});
