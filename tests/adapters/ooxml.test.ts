import { readRowCells } from "../../src/adapters/xlsx/ooxml/fastCells";
import { cellXml, type CellContext } from "../../src/adapters/xlsx/ooxml/cellXml";
import { readSharedStrings } from "../../src/adapters/xlsx/ooxml/sharedStrings";
import { SheetBody, widenDimension } from "../../src/adapters/xlsx/ooxml/sheetBody";
import { joinSheet, splitSheet } from "../../src/adapters/xlsx/ooxml/sheetXml";
import { isDateFormatCode, StyleSheet, EMPTY_STYLES } from "../../src/adapters/xlsx/ooxml/styles";
import { decodeExcelEscapes, encodeExcelText } from "../../src/adapters/xlsx/ooxml/xml";
import type { CellValue } from "../../src/domain/grid";

const CTX: CellContext = { sharedStrings: ["không", "một"], isDateStyle: (s) => s === 1, date1904: false };

function cells(row: string, ctx = CTX, prefix = ""): Record<number, CellValue> {
  const out: Record<number, CellValue> = {};
  readRowCells(row, 0, row.length, prefix, 0, 100, ctx, (c, v) => (out[c] = v));
  return out;
}

describe("number formats that show dates", () => {
  it.each([
    ["dd/mm/yyyy", true],
    ["d/m/yy h:mm", true],
    ["[$-42A]dd mmmm yyyy", true],
    ["[h]:mm:ss", true],
    ["mmm-yy", true],
    ["#,##0", false],
    ["0.0%", false],
    ['#,##0 "đ"', false],
    ['"ngày" 0', false],
    ["General", false],
    ["@", false],
    ["0.00E+00", false],
    ["[Red]#,##0;[Blue]-#,##0", false],
  ])("%s → %s", (code, date) => expect(isDateFormatCode(code)).toBe(date));
});

describe("reading cells as Excel and other writers store them", () => {
  it("reads shared strings, inline strings, numbers, booleans, errors, formulas and ISO dates", () => {
    const row =
      `<c r="A1" t="s"><v>1</v></c><c r="B1" s="1"><v>44362</v></c><c r="C1" t="inlineStr"><is><t xml:space="preserve"> a&amp;b </t></is></c>` +
      `<c r="D1" t="b"><v>1</v></c><c r="E1" t="e"><v>#REF!</v></c><c r="F1"><f>SUM(A1:B1)</f><v>3</v></c><c r="G1" t="str"><f>"x"&amp;"y"</f><v>xy</v></c>` +
      `<c r="H1" t="d"><v>2021-06-15T00:00:00</v></c><c r="I1" s="3"/><c r="J1"><f t="shared" si="0"/><v>7</v></c>`;
    expect(cells(row)).toEqual({
      0: "một",
      1: 44362,
      2: " a&b ",
      3: true,
      4: { error: "#REF!" },
      5: { formula: "SUM(A1:B1)", result: 3 },
      6: { formula: '"x"&"y"', result: "xy" },
      7: 44362,
      9: { formula: "", result: 7 },
    });
  });

  it("reads cells without references, single quotes, spaces around =, and a namespace prefix", () => {
    expect(cells(`<x:c t='s'><x:v>0</x:v></x:c><x:c r = 'C1' ><x:v>5</x:v></x:c><x:c><x:v>6</x:v></x:c>`, CTX, "x:")).toEqual({ 0: "không", 2: 5, 3: 6 });
  });

  it("gives dates of a 1904 workbook as the 1900 system's serials, and leaves other numbers alone", () => {
    const ctx = { ...CTX, date1904: true };
    expect(cells(`<c r="A1" s="1"><v>42900</v></c><c r="B1"><v>42900</v></c>`, ctx)).toEqual({ 0: 44362, 1: 42900 });
  });

  it("reads rich text without its phonetic runs, and Excel's _xHHHH_ escapes", () => {
    const sst = `<sst xmlns="m"><si><r><t>Ghi </t></r><r><rPr><b/></rPr><t>chú</t></r><rPh sb="0" eb="1"><t>ロ</t></rPh></si><si><t>a_x000D_b</t></si><si><t/></si></sst>`;
    expect(readSharedStrings(sst)).toEqual(["Ghi chú", "a\rb", ""]);
    expect(decodeExcelEscapes(encodeExcelText("a\u0001_x0041_b"))).toBe("a\u0001_x0041_b");
  });
});

describe("writing cells", () => {
  const stored = (n: number) => n;

  it("writes text as an inline string (never a formula), keeping the cell's other attributes", () => {
    const xml = cellXml({ row: 0, col: 1, value: "=1+1", s: 4 }, "", { t: "s", s: 2, formula: undefined, sharedFollower: false, v: "0", inlineXml: undefined, attrs: new Map([["ph", "1"], ["cm", "1"]]) }, stored);
    expect(xml).toBe('<c r="B1" s="4" ph="1" t="inlineStr"><is><t>=1+1</t></is></c>');
  });

  it("refuses text past Excel's 32,767 characters and numbers that are not finite", () => {
    expect(() => cellXml({ row: 0, col: 0, value: "x".repeat(32_768) }, "", undefined, stored)).toThrow(/A1: too-long/);
    expect(() => cellXml({ row: 0, col: 0, value: Number.NaN }, "", undefined, stored)).toThrow(/not-a-number/);
  });

  it("inserts cells and rows in order, keeps untouched rows byte for byte, and widens spans", () => {
    const body = `<row r="2" spans="1:2" x14ac:dyDescent="0.25"><c r="A2"><v>1</v></c><c r="B2"><v>2</v></c></row><row r="5"><c r="C5"><v>9</v></c></row>`;
    const b = new SheetBody(body, "");
    b.edit(1, 3, '<c r="D2"><v>4</v></c>');
    b.edit(2, 0, '<c r="A3"><v>3</v></c>');
    expect(b.commit()).toBe(
      `<row r="2" spans="1:4" x14ac:dyDescent="0.25"><c r="A2"><v>1</v></c><c r="B2"><v>2</v></c><c r="D2"><v>4</v></c></row><row r="3"><c r="A3"><v>3</v></c></row><row r="5"><c r="C5"><v>9</v></c></row>`,
    );
  });

  it("opens a self-closed sheetData only when rows are added, and widens the dimension", () => {
    const xml = `<worksheet xmlns="m"><dimension ref="A1:B2"/><sheetData/><pageMargins left="1"/></worksheet>`;
    const split = splitSheet(xml, "s.xml");
    expect(joinSheet(split)).toBe(xml);
    expect(joinSheet({ ...split, body: '<row r="1"/>' })).toBe(`<worksheet xmlns="m"><dimension ref="A1:B2"/><sheetData><row r="1"/></sheetData><pageMargins left="1"/></worksheet>`);
    expect(widenDimension(split.head, { top: 4, left: 0, bottom: 9, right: 5 })).toContain('<dimension ref="A1:F10"/>');
  });
});

describe("styles composed from a cell's own", () => {
  it("keeps what the style does not set, reuses a format it already made, and reuses an earlier run's highlight", () => {
    const styles = new StyleSheet(EMPTY_STYLES, "xl/styles.xml");
    const a = styles.compose(0, { bold: true, numFmt: "dd/mm/yyyy" });
    expect(styles.compose(0, { bold: true, numFmt: "dd/mm/yyyy" })).toBe(a);
    expect(styles.isDate(a)).toBe(true);
    const b = styles.compose(a, { fill: "FFC7CE" });
    expect(styles.isDate(b)).toBe(true);
    const dxf = styles.dxf("FFC7CE", "9C0006");
    const again = new StyleSheet(styles.serialize(), "xl/styles.xml");
    expect(again.dxf("FFC7CE", "9C0006")).toBe(dxf);
    expect(again.isChanged).toBe(false);
  });
});
