import fc from "fast-check";
import type { CellValue } from "../../src/domain/grid";

/** Anything a cell can hold, with a bias towards the shapes that real workbooks contain. */
export const anyCell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constant(null),
  fc.string(),
  fc.string({ unit: "grapheme" }),
  fc.stringMatching(/^ ?\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4} ?$/),
  fc.stringMatching(/^-?\d{1,3}([., ]\d{3}){0,3}( ?(đ|đồng|d))?$/),
  fc.double(),
  fc.integer({ min: -100_000, max: 3_000_000 }),
  fc.boolean(),
  fc.constantFrom({ error: "#REF!" }, { error: "#N/A" }, { error: "#VALUE!" }),
  fc.record({ formula: fc.string(), result: fc.oneof(fc.string(), fc.double(), fc.constant(undefined)) }).map((v) => (v.result === undefined ? { formula: v.formula } : { formula: v.formula, result: v.result })),
  fc.string({ unit: "grapheme" }).map((s) => `  ${s.normalize("NFD")}  `),
);

