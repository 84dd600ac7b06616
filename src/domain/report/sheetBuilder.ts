import { PAPER_STYLE } from "./paperStyle";
import { type CellScalar, type CellStyle, type GridCell, type GridRowHeight, type RangeBox } from "../grid";
import { MAX_CELL_TEXT } from "../cells/read";
import { wrappedLines } from "../template/tableGrid";
import { cellText, columnShape, type DocCell, type DocTable } from "./document";

const REPORT_FONT = PAPER_STYLE.font;

/** Column widths of the report sheet (A–H): fit an A4 portrait page at one page wide. */
export const REPORT_WIDTHS = [6, 30, 13, 13, 13, 15, 13, 13] as const;

const LINE_POINTS = 18;
/** A body paragraph's first-line indent: spaces, since a cell's own indent moves every line. */
export const FIRST_LINE_INDENT = "        ";
/** Excel's tallest row, in points. */
const MAX_ROW_POINTS = 409;

/** Text as one cell can hold it: past Excel's 32,767 characters it is cut, ending with "…". */
function fitCellText(value: string): string {
  return value.length <= MAX_CELL_TEXT ? value : `${value.slice(0, MAX_CELL_TEXT - 1)}…`;
}

const fit = <T extends CellScalar>(v: T): T => (typeof v === "string" ? (fitCellText(v) as T) : v);

/** Writes a document sheet row by row: merged text blocks, tables, with Times New Roman everywhere. */
export class SheetBuilder {
  row = 0;
  readonly cells: GridCell[] = [];
  readonly merges: RangeBox[] = [];
  readonly heights: GridRowHeight[] = [];

  private style(s: CellStyle): CellStyle {
    return { font: REPORT_FONT, size: 13, vAlign: "top", ...s };
  }

  /** Text across columns `from`..`to` of the current row, wrapped, with the row tall enough for it. */
  text(from: number, to: number, text: string, s: CellStyle = {}, row = this.row): void {
    const value = fitCellText(text);
    this.cells.push({ row, col: from, value, style: this.style({ wrap: true, ...s }) });
    for (let c = from + 1; c <= to; c++) this.cells.push({ row, col: c, style: this.style(s) });
    if (to > from) this.merges.push({ top: row, bottom: row, left: from, right: to });
    const width = REPORT_WIDTHS.slice(from, to + 1).reduce((a, b) => a + b, 0) * (13 / (s.size ?? 13));
    const lines = wrappedLines(value, width);
    this.raise(row, lines * LINE_POINTS * ((s.size ?? 13) / 13));
  }

  /** A full-width paragraph on its own row, its first line indented (about 1 cm, as Nghị định 30 asks), then the next row. */
  paragraph(value: string, s: CellStyle = {}): void {
    this.text(0, REPORT_WIDTHS.length - 1, `${FIRST_LINE_INDENT}${value}`, { hAlign: "justify", ...s });
    this.row++;
  }

  /** A table's title, in italics. */
  caption(value: string): void {
    this.paragraph(value, { italic: true });
  }

  heading(value: string): void {
    this.text(0, REPORT_WIDTHS.length - 1, value, { bold: true });
    this.row++;
  }

  /**
   * A short row (about 4 points) carrying a thin rule under columns `from`..`to`: the lines of
   * Nghị định 30 under the issuing body, the motto and the summary line.
   */
  rule(from: number, to: number, row = this.row): void {
    for (let c = from; c <= to; c++) this.cells.push({ row, col: c, style: this.style({ border: "bottom" }) });
    const h = this.heights.find((x) => x.row === row);
    if (h) h.height = 4;
    else this.heights.push({ row, height: 4 });
  }

  blank(n = 1): void {
    this.row += n;
  }

  private raise(row: number, height: number): void {
    const h = this.heights.find((x) => x.row === row);
    const points = Math.min(MAX_ROW_POINTS, height);
    if (h) h.height = Math.max(h.height, points);
    else if (points > LINE_POINTS) this.heights.push({ row, height: points });
  }

  /**
   * A bordered table: a header row, body rows and a totals row, numbers printed as text the
   * Vietnamese way (`cellText`: the sentences' own functions). Returns the first and last body rows.
   */
  table(spec: DocTable): { first: number; last: number } {
    const border = { border: "thin" as const };
    spec.headers.forEach((h, c) => {
      this.cells.push({ row: this.row, col: c, value: fit(h), style: this.style({ ...border, bold: true, hAlign: "center", vAlign: "middle", wrap: true, size: PAPER_STYLE.size.table }) });
      // Bold Times New Roman 12 wrapped by whole words: about three quarters of the column's characters a line.
      this.raise(this.row, wrappedLines(h, (REPORT_WIDTHS[c] ?? 10) * 0.75) * 16);
    });
    this.row++;
    const first = this.row;
    const line = (r: readonly DocCell[], bold: boolean) => {
      spec.headers.forEach((_h, c) => {
        const v = r[c] ?? null;
        // The row's number (STT) and plain numbers (a year) stay numbers: they print alike everywhere.
        const shape = columnShape(spec, c);
        const value = typeof v === "number" && shape === "plain" ? v : fit(cellText(v, shape));
        // Text wraps in its column, and its row grows to show all of it (a goods line, a long name).
        const wrapped = typeof v === "string" && c > 0;
        const hAlign = typeof v === "number" ? (c === 0 ? "center" : "right") : bold ? "center" : "left";
        this.cells.push({ row: this.row, col: c, value: value === "" ? null : value, style: this.style({ ...border, size: PAPER_STYLE.size.table, bold, wrap: wrapped, hAlign }) });
        if (wrapped) this.raise(this.row, wrappedLines(String(value), REPORT_WIDTHS[c] ?? 10) * 16);
      });
      this.row++;
    };
    for (const r of spec.rows) line(r, false);
    const last = this.row - 1;
    if (spec.totals) line(spec.totals, true);
    return { first, last };
  }
}
