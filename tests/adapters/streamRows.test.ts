import fc from "fast-check";
import { StreamingBoxReader, StreamingUsedRange } from "../../src/adapters/xlsx/ooxml/streamRows";
import type { CellContext } from "../../src/adapters/xlsx/ooxml/cellXml";
import { columnLetter } from "../../src/domain/grid";

const ctx: CellContext = { sharedStrings: ["Thôn Đông", "Số tiền"], isDateStyle: () => false, date1904: false };

/** A sheet's XML from rows of cells (empty rows self-closed), with merged ranges after the rows. */
function sheetXml(rows: readonly (readonly (number | string | null)[])[], prefix: string, rowNumbers: "all" | "some", merge = "A1:C1"): string {
  const p = prefix ? `${prefix}:` : "";
  const ns = prefix ? ` xmlns:${prefix}="http://schemas.openxmlformats.org/spreadsheetml/2006/main"` : ` xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"`;
  const body = rows
    .map((cells, i) => {
      const r = rowNumbers === "all" || i % 3 !== 1 ? ` r="${i + 1}"` : "";
      const xml = cells
        .map((v, c) => (v === null ? "" : typeof v === "number" ? `<${p}c r="${columnLetter(c)}${i + 1}"><${p}v>${v}</${p}v></${p}c>` : `<${p}c r="${columnLetter(c)}${i + 1}" t="inlineStr"><${p}is><${p}t>${v.replace(/&/g, "&amp;").replace(/</g, "&lt;")}</${p}t></${p}is></${p}c>`))
        .join("");
      return xml === "" ? `<${p}row${r} spans="1:3"/>` : `<${p}row${r} spans="1:3">${xml}</${p}row>`;
    })
    .join("\n");
  return `<?xml version="1.0"?><${p}worksheet${ns}><${p}sheetData>${body}</${p}sheetData><${p}mergeCells count="1"><${p}mergeCell ref="${merge}"/></${p}mergeCells></${p}worksheet>`;
}

/** The text cut at the given places (sorted, within it). */
function cut(text: string, at: readonly number[]): string[] {
  const points = [...new Set(at.map((a) => a % (text.length + 1)))].sort((a, b) => a - b);
  const out: string[] = [];
  let from = 0;
  for (const p of points) {
    out.push(text.slice(from, p));
    from = p;
  }
  out.push(text.slice(from));
  return out;
}

const read = (chunks: readonly string[]) => {
  const boxes = new StreamingBoxReader([{ top: 0, left: 0, bottom: 400, right: 2 }], ctx, "sheet.xml");
  const used = new StreamingUsedRange(ctx, "sheet.xml");
  for (const c of chunks) {
    boxes.push(c);
    used.push(c);
  }
  return { values: boxes.finish(), used: used.finish(), usedOnTheWay: boxes.usedRange() };
};

describe("a sheet's rows read as it streams", () => {
  it("reads the same values, used range and merges however the text is cut into chunks: rows finished across chunks, tags cut in two, a merged range cut in two (it was lost)", () => {
    const cell = fc.oneof(fc.constant(null), fc.integer({ min: -5, max: 1_000_000 }), fc.constantFrom("Thôn Đông", "a < b", "Số tiền 𝔸"));
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 40 }), fc.constantFrom("", "x"), fc.constantFrom("all" as const, "some" as const), fc.array(fc.nat(), { maxLength: 30 }), (rows, prefix, numbers, at) => {
        const xml = sheetXml(rows, prefix, numbers);
        expect(read(cut(xml, at))).toEqual(read([xml]));
      }),
      { numRuns: 300 },
    );
  });

  it("reads every row when each chunk is one character", () => {
    const rows = [[1, "Thôn Đông", null], [null, null, null], [3, 4, "a < b"]];
    const xml = sheetXml(rows, "x", "some", "E9:F9");
    const whole = read([xml]);
    expect(read([...xml])).toEqual(whole);
    expect(whole.values[0]!.slice(0, 3)).toEqual([[1, "Thôn Đông", null], [null, null, null], [3, 4, "a < b"]]);
    expect(whole.used).toEqual({ top: 0, left: 0, bottom: 2, right: 2 });
  });
});
