import JSZip from "jszip";
import { XlsxWorkbook } from "../../src/adapters/xlsx/xlsxWorkbook";
import { isUtf8Of, textPieces } from "../../src/adapters/xlsx/ooxml/zipPackage";
import { NODE_ZLIB } from "../../src/cli/workbookFiles";
import { chauSonPlan } from "../../src/domain/sample/chauSonPlan";
import { demoRows } from "../../src/domain/sample/demoData";
import { applyTemplates } from "../../src/domain/template/applyTemplates";

describe("text cut into pieces for encoding", () => {
  it("never cuts a character outside the Basic Multilingual Plane in two, and joins back to the text", () => {
    // "𝔸" is two UTF-16 units: put its first half on a piece's last place.
    const text = `${"a".repeat(9)}𝔸Thôn Đông${"ễ".repeat(25)}`;
    const pieces = [...textPieces(text, 10)];
    expect(pieces.join("")).toBe(text);
    expect(pieces[0]).toBe(`${"a".repeat(9)}𝔸`);
    for (const p of pieces) expect(Buffer.from(p, "utf8").toString("utf8")).toBe(p);
  });

  it("tells the UTF-8 bytes of a text from bytes that differ by one, or run short or long", () => {
    const text = "Ủy ban nhân dân xã Châu Sơn 𝔸";
    const bytes = Buffer.from(text, "utf8");
    expect(isUtf8Of(bytes, text)).toBe(true);
    const changed = Buffer.from(bytes);
    changed[5] = (changed[5]! + 1) % 256;
    expect(isUtf8Of(changed, text)).toBe(false);
    expect(isUtf8Of(bytes.subarray(0, bytes.length - 1), text)).toBe(false);
    expect(isUtf8Of(Buffer.concat([bytes, Buffer.from(" ")]), text)).toBe(false);
  });
});

describe("parts written anew with Node's zlib", () => {
  it("writes the same part text with and without it, characters outside the BMP whole wherever they fall (JSZip alone broke them at its 16 KB pieces), read back by JSZip, and passes the verification", async () => {
    const book = await XlsxWorkbook.empty();
    await applyTemplates(book, chauSonPlan, demoRows(chauSonPlan));
    const original = await book.toBuffer();
    const write = async (codecs: typeof NODE_ZLIB | undefined) => {
      const port = codecs ? await XlsxWorkbook.fromBuffer(original, codecs) : await XlsxWorkbook.fromBuffer(original);
      // A note of more than a megabyte (the pieces' size), with characters outside the BMP across the cuts.
      const note = `Ghi chú 𝔸 ${Array.from({ length: 100_000 }, (_, i) => `Thôn ${(i * 7919) % 100_003} 𝔹 `).join("")}`;
      const cells = [...textPieces(note, 30_000)];
      await port.applyGrids([{ sheet: "Đóng góp", createSheet: false, cells: [{ row: 400, col: 1, value: cells[0]! }] }]);
      await port.applyGrids([{ sheet: "Ghi chú", createSheet: true, cells: cells.map((value, row) => ({ row, col: 0, value })) }]);
      return port.toVerifiedBuffer();
    };
    const [native, portable] = [await write(NODE_ZLIB), await write(undefined)];
    const [zn, zp] = [await JSZip.loadAsync(native), await JSZip.loadAsync(portable)];
    const sheetPart = Object.keys(zp.files).filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f)).sort((a, b) => Number(/\d+/.exec(b)![0]) - Number(/\d+/.exec(a)![0]))[0]!;
    expect(Object.keys(zn.files).sort()).toEqual(Object.keys(zp.files).sort());
    const differ: string[] = [];
    for (const name of Object.keys(zp.files)) if ((await zn.file(name)!.async("string")) !== (await zp.file(name)!.async("string"))) differ.push(name);
    expect(differ).toEqual([]);
    const notes = await zp.file(sheetPart)!.async("string");
    expect(notes).not.toContain("\ufffd");
    expect(notes.split("𝔹").length).toBeGreaterThan(40_000);
    const sheets = (await (await XlsxWorkbook.fromBuffer(native)).summarize()).sheets.map((s) => s.name);
    expect(sheets).toContain("Ghi chú");
  });
});
