import { OfficeWorkbook } from "../../src/adapters/office/officeWorkbook";
import { XlsxWorkbook } from "../../src/adapters/xlsx/xlsxWorkbook";
import { addRelationship } from "../../src/adapters/xlsx/ooxml/opc";
import type { Grid } from "../../src/domain/grid";
import { gridMark, paperTarget } from "../../src/domain/paperMark";
import { DocWriter } from "../../src/domain/report/document";
import { documentSheet } from "../../src/domain/report/documentSheet";
import type { WorkbookPort } from "../../src/domain/workbook";
import { FakeExcel } from "../fakes/excel/workbook";

// A working paper refreshed in place (`Grid.replaceSheet`): what was on the sheet goes, what the
// grid says is there, as on a new sheet; its place, its name and every other sheet stay as they were.

/** A paper of `lines` paragraphs and a table, long enough to print on several pages. */
function paper(sheet: string, title: string, lines: number): Grid {
  const b = new DocWriter();
  b.paragraph(title, { center: true, bold: true });
  for (let i = 0; i < lines; i++) b.paragraph(`Đoạn ${i + 1} của ${title}: nội dung đủ dài để xuống dòng trong một trang A4 khổ đứng.`);
  b.table({ headers: ["STT", "Nội dung", "Số tiền (đồng)"], rows: Array.from({ length: lines }, (_, i) => [i + 1, `Dòng ${i + 1}`, (i + 1) * 1000]) });
  return documentSheet(sheet, b.done());
}

const other: Grid = { sheet: "Sổ", createSheet: true, cells: [{ row: 0, col: 0, value: "Của người dùng" }, { row: 1, col: 0, value: 42 }] };

async function refreshTwice(port: WorkbookPort): Promise<{ first: Grid; second: Grid }> {
  const first = paper("Giấy tờ", "LẦN MỘT", 120);
  await port.applyGrids([other, first]);
  const second = paper("Giấy tờ", "LẦN HAI", 12);
  await port.applyGrids([{ ...second, replaceSheet: true }]);
  return { first, second };
}

async function markNow(port: WorkbookPort): Promise<string | undefined> {
  return (await paperTarget(port, "Giấy tờ")).current;
}

describe("a sheet replaced whole", () => {
  it("in a .xlsx file: the sheet holds what the second grid wrote, nothing of the first; the file is proven otherwise unchanged", async () => {
    const made = await XlsxWorkbook.empty();
    await made.applyGrids([other, paper("Giấy tờ", "LẦN MỘT", 120)]);
    const book = await XlsxWorkbook.fromBuffer(await made.toBuffer());
    const second = paper("Giấy tờ", "LẦN HAI", 12);
    await book.applyGrids([{ ...second, replaceSheet: true }]);
    const bytes = await book.toVerifiedBuffer();
    const back = await XlsxWorkbook.fromBuffer(bytes);
    expect(await markNow(back)).toBe(gridMark(second));
    expect((await back.summarize()).sheets.map((s) => s.name)).toEqual(["Sổ", "Giấy tờ"]);
    const [mine] = await back.readRanges([{ sheet: "Sổ", range: { top: 0, left: 0, bottom: 1, right: 0 } }]);
    expect(mine).toEqual([["Của người dùng"], [42]]);
    // The first paper's page breaks and merges are gone with it.
    const JSZip = (await import("jszip")).default;
    const zip = await JSZip.loadAsync(bytes);
    const xml = await zip.file("xl/worksheets/sheet2.xml")!.async("string");
    expect(xml).not.toContain("LẦN MỘT");
    expect((xml.match(/<brk /g) ?? []).length).toBe((second.print?.rowBreaks ?? []).length);
    expect((xml.match(/<mergeCell /g) ?? []).length).toBe((second.merges ?? []).length);
  });

  it("in a .xlsx file: refused, nothing written, when the sheet has a drawing; allowed with the printer settings Excel keeps", async () => {
    const b = await XlsxWorkbook.empty();
    await b.applyGrids([other, paper("Giấy tờ", "LẦN MỘT", 5)]);
    const part = "xl/worksheets/sheet2.xml";
    expect(b.pkg.has(part)).toBe(true);
    b.pkg.setText("xl/printerSettings/printerSettings1.bin", "");
    await addRelationship(b.pkg, part, "http://schemas.openxmlformats.org/officeDocument/2006/relationships/printerSettings", "xl/printerSettings/printerSettings1.bin");
    const printed = await XlsxWorkbook.fromBuffer(await b.toBuffer());
    await printed.applyGrids([{ ...paper("Giấy tờ", "LẦN HAI", 3), replaceSheet: true }]);
    await printed.toVerifiedBuffer();
    await addRelationship(b.pkg, part, "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing", "xl/drawings/drawing1.xml");
    const drawn = await XlsxWorkbook.fromBuffer(await b.toBuffer());
    const before = await markNow(drawn);
    await expect(drawn.applyGrids([{ ...paper("Giấy tờ", "LẦN HAI", 3), replaceSheet: true }])).rejects.toMatchObject({ name: "GridRefusedError", reason: "not-replaceable" });
    expect(await markNow(drawn)).toBe(before);
    expect(drawn.isChanged).toBe(false);
  });

  it("inside Excel: emptied where it is (merges, formats, page breaks), not deleted, then written; the other sheets untouched", async () => {
    const fake = new FakeExcel();
    const port = new OfficeWorkbook(fake.run, fake.requirements);
    const { second } = await refreshTwice(port);
    expect(await markNow(port)).toBe(gridMark(second));
    const s = fake.state.sheet("Giấy tờ")!;
    expect(fake.state.sheets.map((x) => x.name).filter((n) => n === "Sổ" || n.startsWith("Giấy tờ"))).toEqual(["Sổ", "Giấy tờ"]);
    expect(fake.state.sheet("Sổ")!.cells.get("0:0")?.value).toBe("Của người dùng");
    expect(s.merges.length).toBe((second.merges ?? []).length);
    expect((s.pageLayout.rowBreaks as number[] | undefined) ?? []).toEqual([...(second.print?.rowBreaks ?? [])].sort((a, b) => a - b));
    // No cell keeps a format of the first paper below the second.
    const bottom = Math.max(...second.cells.map((c) => c.row));
    expect([...s.cells.keys()].filter((k) => Number(k.split(":")[0]) > bottom)).toEqual([]);
  });
});
