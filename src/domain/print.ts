import type { Grid, PrintSetup } from "./grid";

// Paper arithmetic shared by the adapters and the page breaks of documents.

/**
 * A column width as a file stores it (ECMA-376 §18.3.1.13: characters of the default font's digit,
 * padding included) in points as Excel shows it and `format.columnWidth` takes it: Calibri 11's
 * digit is 7 pixels, whole pixels, 0.75 point a pixel.
 */
export function columnWidthPoints(width: number): number {
  return Math.trunc(width * 7 + 0.5) * 0.75;
}

/**
 * The same column as LibreOffice lays it out: the width times its digit of Carlito 11 (measured:
 * 5.55 points a unit), a little wider than Excel's. A page is fitted to the wider of the two, text
 * to the narrower.
 */
export function columnPrintPoints(width: number): number {
  return Math.max(columnWidthPoints(width), width * 5.58);
}
export const POINTS_PER_CM = 28.3465;

/** A4 in points: 21 × 29.7 cm. */
export const A4_POINTS = { portrait: 595.3, landscape: 841.9 } as const;
/** Excel's default column width as stored (8.43 characters shown, padding included). */
const DEFAULT_COLUMN_CHARS = 9.140625;

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
  for (let c = left; c <= right; c++) content += columnPrintPoints(widths.get(c) ?? DEFAULT_COLUMN_CHARS);
  const printable = A4_POINTS[p.orientation] - (p.marginsCm.left + p.marginsCm.right) * POINTS_PER_CM;
  return Math.max(10, Math.min(100, Math.floor((printable / Math.max(1, content)) * 100)));
}

/** The height of A4 portrait paper between the top and bottom margins, in points as printed. */
export function printableHeight(p: PrintSetup): number {
  return A4_POINTS[p.orientation === "portrait" ? "landscape" : "portrait"] - (p.marginsCm.top + p.marginsCm.bottom) * POINTS_PER_CM;
}

/**
 * What the page breaks leave to spare: Excel fits the columns to the page width with its own
 * pixel arithmetic, and LibreOffice with its own; a page filled to 96% of our estimate fits both.
 */
const PAGE_SPARE = 0.96;

/**
 * Manual page breaks for a sheet whose rows all have a height: rows are laid on pages in order,
 * a group (rows that must stay together: a heading with what follows, a chart, a signature
 * block) never split unless it is taller than a page. Returns the first row of every page after
 * the first. `scale` is the print scale in percent; `heightOf` gives a row's height in points.
 */
export function pageBreaks(groups: readonly { from: number; to: number; breakBefore?: boolean }[], heightOf: (row: number) => number, p: PrintSetup, scale: number): number[] {
  const capacity = (printableHeight(p) * PAGE_SPARE) / (scale / 100);
  const breaks: number[] = [];
  let used = 0;
  for (const g of groups) {
    let height = 0;
    for (let r = g.from; r <= g.to; r++) height += heightOf(r);
    if (used > 0 && (g.breakBefore || used + height > capacity)) {
      breaks.push(g.from);
      used = 0;
    }
    // A group taller than a page: its rows go on as they fit, a break before the row that does not.
    if (height > capacity) {
      for (let r = g.from; r <= g.to; r++) {
        const h = heightOf(r);
        if (used > 0 && used + h > capacity) {
          breaks.push(r);
          used = 0;
        }
        used += h;
      }
    } else used += height;
  }
  return breaks;
}
