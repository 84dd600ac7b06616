import fc from "fast-check";
import { fixUpdates } from "../../src/domain/rules/fixes";
import { VALIDATED_TABLES, validateWorkbook } from "../../src/domain/rules/validate";
import type { CellValue } from "../../src/domain/grid";
import type { TableData } from "../../src/domain/workbook";
import { anyCell } from "../helpers/arbitraries";

const TODAY = "2022-01-05";

/** Tables of ours with their headers shuffled, some dropped or renamed, and any cell values. */
const anyTables = (cell: fc.Arbitrary<CellValue>) =>
  fc.tuple(...VALIDATED_TABLES.map(({ sheet, spec }, index) =>
    fc.record({
      present: fc.boolean(),
      headers: fc.shuffledSubarray(spec.columns.map((c) => c.header), { minLength: 0 }),
      extra: fc.array(fc.string({ maxLength: 8 }), { maxLength: 2 }),
      rows: fc.array(fc.array(cell, { minLength: 16, maxLength: 16 }), { maxLength: 12 }),
      top: fc.nat(5),
    }).map((t) => {
      const headers = [...t.headers, ...t.extra];
      const data: TableData = {
        name: spec.name,
        sheet,
        headers,
        // Tables sharing a sheet (Danh mục) sit side by side, as in a real workbook.
        range: { top: t.top, left: index * 20, bottom: t.top + t.rows.length, right: index * 20 + Math.max(0, headers.length - 1) },
        rows: t.rows.map((r) => r.slice(0, headers.length)),
      };
      return t.present ? data : undefined;
    }),
  )).map((list) => new Map(list.filter((t): t is TableData => t !== undefined).map((t) => [t.name, t] as const)));

/** Values that real sheets hold and that a fix can repair. */
const fixableCell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constantFrom("1.000.000", "250 000", "12,500", " 7 ", "15/6/2021", "2021-07-01", "30-6-2021", " Thu ", "chi", "tien mat", "HIEN VAT", "Cá nhân".normalize("NFD"), "  Thôn   mẫu 1 ", "hoàn thành"),
  fc.integer({ min: 0, max: 5000 }),
  fc.constant(null),
);

function applyFixes(tables: Map<string, TableData>): void {
  const issues = validateWorkbook(tables, TODAY);
  for (const u of fixUpdates(issues)) {
    const t = [...tables.values()].find((x) => x.sheet === u.sheet && u.row > x.range.top && u.row <= x.range.bottom && u.col >= x.range.left && u.col <= x.range.right);
    const row = t?.rows[u.row - t.range.top - 1];
    if (row) row[u.col - t.range.left] = u.value;
  }
}

describe("validation (properties)", () => {
  it("never throws on any grid of values, and every issue points into its sheet", () => {
    fc.assert(
      fc.property(anyTables(anyCell), (tables) => {
        for (const i of validateWorkbook(tables, TODAY)) {
          expect(i.cell).toMatch(/^[A-Z]+\d+$/);
          // One index base in the core: the row is 0-based, the address the user reads 1-based.
          expect(i.row).toBeGreaterThanOrEqual(0);
          expect(Number(/\d+$/.exec(i.cell)?.[0])).toBe(i.row + 1);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("applying every fix leaves none of the fixed issues", () => {
    fc.assert(
      fc.property(anyTables(fixableCell), (tables) => {
        const before = validateWorkbook(tables, TODAY).filter((i) => i.fix);
        applyFixes(tables);
        const after = new Set(validateWorkbook(tables, TODAY).map((i) => `${i.sheet}!${i.cell}:${i.rule}`));
        for (const i of before) expect(after.has(`${i.sheet}!${i.cell}:${i.rule}`)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});
