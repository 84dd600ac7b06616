import type { Grid, PrintSetup } from "./grid";

// Paper arithmetic shared by the adapters and the page breaks of documents.

/**
 * A column width in characters (as a file stores it) in points (as `format.columnWidth` takes
 * it): a character of Calibri 11 is 7 pixels, plus 5 pixels of padding, at 0.75 point a pixel.
 */
export function columnWidthPoints(characters: number): number {
  return (characters * 7 + 5) * 0.75;
}
export const POINTS_PER_CM = 28.3465;

/** A4 in points: 21 × 29.7 cm. */
export const A4_POINTS = { portrait: 595.3, landscape: 841.9 } as const;
/** Excel's default column width in characters. */
const DEFAULT_COLUMN_CHARS = 8.43;

/**
 * The print scale that makes a grid's columns one page wide: fitting "one page wide, any pages
 * tall" through `zoom` needs `verticalFitToPages: 0`, which is not documented and is reported not
 * to apply until the Page Layout view is opened (office-js issue 1860); a percentage applies in
 * every view. Never above 100%.
 */
export function printScale(grid: Grid, p: PrintSetup): number {
  const widths = new Map((grid.columns ?? []).map((c) => [c.col, c.width] as const));
  // A loop, not Math.max(...cells): a grid of 20,000 rows is too many arguments for one call.
  let right = p.printArea?.right ?? 0;
  if (!p.printArea) for (const c of [...grid.cells, ...(grid.columns ?? [])]) if (c.col > right) right = c.col;
  const left = p.printArea?.left ?? 0;
  let content = 0;
  for (let c = left; c <= right; c++) content += columnWidthPoints(widths.get(c) ?? DEFAULT_COLUMN_CHARS);
  const printable = A4_POINTS[p.orientation] - (p.marginsCm.left + p.marginsCm.right) * POINTS_PER_CM;
  return Math.max(10, Math.min(100, Math.floor((printable / Math.max(1, content)) * 100)));
}
