import type { CellValue, Grid } from "../../src/domain/grid";
import type { RangeRequest, WorkbookSummary } from "../../src/domain/workbook";

/** A workbook as these grids would leave an empty one: its summary, and its cell values. */
export interface SimulatedBook {
  summary: WorkbookSummary;
  cells: Map<string, CellValue>;
}

const key = (sheet: string, row: number, col: number) => `${sheet}!${row}:${col}`;

export function bookFromGrids(grids: readonly Grid[]): SimulatedBook {
  const cells = new Map<string, CellValue>();
  for (const g of grids) for (const c of g.cells) cells.set(key(g.sheet, c.row, c.col), c.formula ? { formula: c.formula } : (c.value ?? null));
  const summary: WorkbookSummary = {
    sheets: grids.map((g) => {
      const rows = g.cells.map((c) => c.row);
      const cols = g.cells.map((c) => c.col);
      return {
        name: g.sheet,
        usedRange: g.cells.length ? { top: Math.min(...rows), bottom: Math.max(...rows), left: Math.min(...cols), right: Math.max(...cols) } : null,
        tables: (g.tables ?? []).map((t) => ({ name: t.name, sheet: g.sheet, range: { ...t.range }, headers: [...t.headers] })),
      };
    }),
  };
  return { summary, cells };
}

/** Values of the requested ranges; `fill` answers for cells the book does not hold. */
export function readSimulated(book: SimulatedBook, requests: readonly RangeRequest[], fill: (sheet: string) => CellValue = () => null): CellValue[][][] {
  return requests.map(({ sheet, range: r }) =>
    Array.from({ length: r.bottom - r.top + 1 }, (_, i) =>
      Array.from({ length: r.right - r.left + 1 }, (_, j) => book.cells.get(key(sheet, r.top + i, r.left + j)) ?? fill(sheet)),
    ),
  );
}
