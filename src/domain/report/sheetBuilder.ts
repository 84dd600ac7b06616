import { PAPER_STYLE } from "./paperStyle";
import { type CellScalar, type CellStyle, type GridCell, type GridRowHeight, type RangeBox } from "../grid";
import { MAX_CELL_TEXT } from "../cells/read";
import { columnPrintPoints, columnWidthPoints } from "../print";
import { CELL_PADDING, lineHeight, textWidth, wrappedLineCount } from "../textMeasure";
import { cellText, columnShape, type DocCell, type DocTable } from "./document";

const REPORT_FONT = PAPER_STYLE.font;

/**
 * The paper's grid: 12 columns (A–L), together as wide as A4's text area between Nghị định 30's
 * margins (16.5 cm) as LibreOffice lays them out, so the paper prints at 100%. Text blocks span
 * them; each table gives its columns as many of them as their text needs (a count or a rate fits
 * one, a date or an amount two). Finer would lay tables closer but multiply the cells a merge
 * covers (a report over 10,000 villages).
 */
export const PAPER_COLUMNS: readonly number[] = Array.from({ length: 12 }, () => 6.85);
/** A grid column's width for text, in points: Excel's reading, the narrower. */
const COLUMN_POINTS = columnWidthPoints(PAPER_COLUMNS[0] as number);

/** The printed width of columns `from`..`to` for their text, in points, less the cell's margins. */
export function spanPoints(from: number, to: number): number {
  return (to - from + 1) * COLUMN_POINTS - CELL_PADDING;
}

/** The grid as wide as LibreOffice prints it, in points (the page must hold this). */
export const PAPER_WIDTH_POINTS = PAPER_COLUMNS.reduce((a, w) => a + columnPrintPoints(w), 0);

const LINE_POINTS = lineHeight(13);
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
  /** Each row's height where it differs from a line's, by row: a map, so that a table of 10,000 rows is laid out in linear time. */
  private readonly heightOf = new Map<number, number>();

  /** The rows' heights set so far. */
  get heights(): GridRowHeight[] {
    return [...this.heightOf].map(([row, height]) => ({ row, height }));
  }

  /** One object per distinct style: a table of 10,000 rows shares a few dozen, and the writers compose each once. */
  private readonly styles = new Map<string, CellStyle>();
  private readonly interned = new WeakSet<CellStyle>();

  private style(s: CellStyle): CellStyle {
    if (this.interned.has(s)) return s;
    const style = { font: REPORT_FONT, size: 13, vAlign: "top", ...s } satisfies CellStyle;
    const key = JSON.stringify(style);
    const known = this.styles.get(key);
    if (known) return known;
    this.styles.set(key, style);
    this.interned.add(style);
    return style;
  }

  /** Text across columns `from`..`to` of the current row, wrapped, with the row tall enough for it. */
  text(from: number, to: number, text: string, s: CellStyle = {}, row = this.row): void {
    const value = fitCellText(text);
    this.cells.push({ row, col: from, value, style: this.style({ wrap: true, ...s }) });
    for (let c = from + 1; c <= to; c++) this.cells.push({ row, col: c, style: this.style(s) });
    if (to > from) this.merges.push({ top: row, bottom: row, left: from, right: to });
    const size = s.size ?? 13;
    this.raise(row, wrappedLineCount(value, spanPoints(from, to), size, s.bold === true) * lineHeight(size));
  }

  /** A full-width paragraph on its own row, its first line indented (about 1 cm, as Nghị định 30 asks), then the next row. */
  paragraph(value: string, s: CellStyle = {}): void {
    this.text(0, PAPER_COLUMNS.length - 1, `${FIRST_LINE_INDENT}${value}`, { hAlign: "justify", ...s });
    this.row++;
  }

  /** A table's title, in italics. */
  caption(value: string): void {
    this.paragraph(value, { italic: true });
  }

  heading(value: string): void {
    this.text(0, PAPER_COLUMNS.length - 1, value, { bold: true });
    this.row++;
  }

  /**
   * A short row (about 4 points) carrying a thin rule under columns `from`..`to`: the lines of
   * Nghị định 30 under the issuing body, the motto and the summary line.
   */
  rule(from: number, to: number, row = this.row): void {
    for (let c = from; c <= to; c++) this.cells.push({ row, col: c, style: this.style({ border: "bottom" }) });
    this.heightOf.set(row, 4);
  }

  /** Room under a rule before what follows, in points. */
  gap(points: number): void {
    this.heightOf.set(this.row, points);
    this.row++;
  }

  blank(n = 1): void {
    this.row += n;
  }

  /** A row at least `height` points tall (up to Excel's tallest row). */
  raise(row: number, height: number): void {
    const points = Math.min(MAX_ROW_POINTS, height);
    const h = this.heightOf.get(row);
    if (h !== undefined) this.heightOf.set(row, Math.max(h, points));
    else if (points > LINE_POINTS) this.heightOf.set(row, points);
  }

  /**
   * A bordered table: a header row, body rows and a totals row, numbers printed as text the
   * Vietnamese way (`cellText`: the sentences' own functions), each column over the grid columns
   * `tableSpans` gives it. Returns the first and last body rows.
   */
  table(spec: DocTable): { first: number; last: number } {
    const border = { border: "thin" as const };
    const spans = tableSpans(spec);
    const size = PAPER_STYLE.size.table;
    // The cells a merge covers carry only its border, one style shared by all (a table may have 10,000 rows).
    const covered = this.style({ ...border, size });
    const put = (c: number, value: CellScalar, style: CellStyle) => {
      const span = spans[c] as Span;
      this.cells.push({ row: this.row, col: span.from, value, style: this.style(style) });
      for (let g = span.from + 1; g <= span.to; g++) this.cells.push({ row: this.row, col: g, style: covered });
      if (span.to > span.from) this.merges.push({ top: this.row, bottom: this.row, left: span.from, right: span.to });
      if (typeof value === "string") this.raise(this.row, wrappedLineCount(value, spanPoints(span.from, span.to), size, style.bold === true) * lineHeight(size));
    };
    spec.headers.forEach((h, c) => put(c, fit(h), { ...border, bold: true, hAlign: "center", vAlign: "middle", wrap: true, size }));
    this.row++;
    const first = this.row;
    // A body cell's style from the three things that vary, each made once.
    const bodyStyles = new Map<string, CellStyle>();
    const bodyStyle = (bold: boolean, wrap: boolean, hAlign: "center" | "right" | "left"): CellStyle => {
      const key = `${bold}|${wrap}|${hAlign}`;
      let style = bodyStyles.get(key);
      if (!style) bodyStyles.set(key, (style = this.style({ ...border, size, bold, wrap, hAlign })));
      return style;
    };
    const line = (r: readonly DocCell[], bold: boolean) => {
      spec.headers.forEach((_h, c) => {
        const v = r[c] ?? null;
        // The row's number (STT) and plain numbers (a year) stay numbers: they print alike everywhere.
        const shape = columnShape(spec, c);
        const value = typeof v === "number" && shape === "plain" ? v : fit(cellText(v, shape));
        // Text wraps in its column, and its row grows to show all of it (a goods line, a long name).
        const wrapped = typeof v === "string" && c > 0;
        const hAlign = typeof v === "number" ? (c === 0 ? "center" : "right") : bold ? "center" : "left";
        put(c, value === "" ? null : value, bodyStyle(bold, wrapped, hAlign));
      });
      this.row++;
    };
    for (const r of spec.rows) line(r, false);
    const last = this.row - 1;
    if (spec.totals) line(spec.totals, true);
    return { first, last };
  }
}

/** The grid columns one column of a table spans. */
export interface Span {
  from: number;
  to: number;
}

/** A table's text column is given room up to this width before others get more. */
const TEXT_WANT_POINTS = 170;

/** What each column of a table needs (its numbers, dates and its header's longest word whole) and would like (its text on one line), in points. */
function columnNeeds(spec: DocTable): { need: number[]; want: number[]; isText: boolean[] } {
  const size = PAPER_STYLE.size.table;
  const body = [...spec.rows, ...(spec.totals ? [spec.totals] : [])];
  const words = (h: string) => Math.max(...h.split(/\s+/).map((w) => textWidth(w, size, true)));
  const need: number[] = [];
  const want: number[] = [];
  const isText: boolean[] = [];
  spec.headers.forEach((header, c) => {
    const values = body.map((r) => r[c] ?? null).filter((v) => v !== null);
    const printed = values.map((v) => cellText(v, columnShape(spec, c)));
    const text = values.some((v) => typeof v === "string" && c > 0 && !/^[\d.,/%-]+$/u.test(v));
    isText.push(text);
    // A loop, not Math.max(...list): a table of 150,000 rows would overflow the call stack.
    const widest = printed.reduce((m, p) => Math.max(m, textWidth(p, size, true)), 0);
    // What most rows need (nine in ten, an empty cell needing nothing): one long line does not take the room of the many.
    const each = body.map((r) => (r[c] === null || r[c] === undefined ? 0 : textWidth(cellText(r[c] ?? null, columnShape(spec, c)), size, true))).sort((a, b) => a - b);
    const most = each[Math.min(each.length - 1, Math.floor(each.length * 0.9))] ?? 0;
    const header2 = textWidth(header, size, true) / 2;
    // With a little to spare: Word and LibreOffice break a line a few points before the measured end.
    need.push((text ? words(header) : Math.max(widest, words(header))) * 1.03 + CELL_PADDING);
    want.push((text ? Math.min(TEXT_WANT_POINTS, Math.max(most, header2)) : Math.max(widest, header2)) + CELL_PADDING);
  });
  return { need, want, isText };
}

/** Body rows a layout weighs at most: a longer table is sampled evenly (a report over 10,000 villages). */
const LAYOUT_SAMPLE = 300;

/**
 * A table's columns in `units` units of `unit` points each: every column first gets what its
 * numbers, dates or header words need (`columnNeeds`); each unit left then goes where it saves the
 * most lines, the table's height being each row's tallest cell (measured on up to 300 rows, the
 * header with them); where no unit saves a line, to the column furthest from one line of its
 * text. One allocator for Word (units of 6 points) and the sheet (its grid columns).
 */
function allocate(spec: DocTable, units: number, unit: number): number[] {
  const size = PAPER_STYLE.size.table;
  const { need, want, isText } = columnNeeds(spec);
  const cols = spec.headers.length;
  const count = need.map((n) => Math.max(1, Math.ceil(n / unit)));
  let total = count.reduce((a, b) => a + b, 0);
  // More than the page holds: text columns give back, the widest first (numbers never).
  while (total > units) {
    const i = count.reduce((best, n, j) => (isText[j] && n > 1 && (best < 0 || n > (count[best] as number)) ? j : best), -1);
    if (i < 0) break;
    count[i] = (count[i] as number) - 1;
    total--;
  }
  const body = [...spec.rows, ...(spec.totals ? [spec.totals] : [])];
  const step = Math.max(1, Math.ceil(body.length / LAYOUT_SAMPLE));
  const sample = body.filter((_r, i) => i % step === 0);
  const cache = new Map<number, number[]>();
  // Lines of column c at n units: the header's (bold) first, then each sampled row's.
  const linesOf = (c: number, n: number): number[] => {
    const key = c * 10_000 + n;
    const known = cache.get(key);
    if (known) return known;
    const width = n * unit - CELL_PADDING;
    const lines = [wrappedLineCount(spec.headers[c] ?? "", width, size, true)];
    for (const r of sample) {
      const v = r[c] ?? null;
      lines.push(typeof v === "string" && isText[c] ? wrappedLineCount(v, width, size, spec.totals === r) : 1);
    }
    cache.set(key, lines);
    return lines;
  };
  const height = (counts: readonly number[]): number => {
    const all = counts.map((n, c) => linesOf(c, n));
    let sum = 0;
    for (let r = 0; r <= sample.length; r++) sum += Math.max(...all.map((l) => l[r] ?? 1));
    return sum;
  };
  let current = height(count);
  while (total < units) {
    let best = -1;
    let saved = 0;
    for (let j = 0; j < cols; j++) {
      count[j] = (count[j] as number) + 1;
      const h = height(count);
      count[j] = (count[j] as number) - 1;
      if (current - h > saved) [best, saved] = [j, current - h];
    }
    if (best < 0) {
      // No unit saves a line: the column furthest from one line of its text, else the text column with the most text.
      let gap = 0;
      for (let j = 0; j < cols; j++) {
        const short = (want[j] as number) - (count[j] as number) * unit;
        if (short > gap) [best, gap] = [j, short];
      }
      if (best < 0) for (let j = 0; j < cols; j++) if (isText[j] && (best < 0 || (want[j] as number) > (want[best] as number))) best = j;
      if (best < 0) best = cols - 1;
    }
    count[best] = (count[best] as number) + 1;
    total++;
    current = height(count);
  }
  return count;
}

/** Word's unit of table width, in points. */
const WORD_UNIT = 6;

/**
 * The widths of a table's columns in `total` points (Word): `allocate` in units of 6 points, what
 * is left of the last unit given to the widest column.
 */
export function tableWidths(spec: DocTable, total: number): number[] {
  const units = Math.floor(total / WORD_UNIT);
  const widths = allocate(spec, units, WORD_UNIT).map((n) => n * WORD_UNIT);
  const widest = widths.indexOf(Math.max(...widths));
  widths[widest] = (widths[widest] as number) + (total - widths.reduce((a, b) => a + b, 0));
  return widths;
}

/** How many grid columns each column of a table spans: `allocate` on the sheet's grid. */
export function tableSpans(spec: DocTable, columns = PAPER_COLUMNS.length): Span[] {
  const count = allocate(spec, columns, COLUMN_POINTS);
  const spans: Span[] = [];
  let at = 0;
  for (const n of count) {
    spans.push({ from: at, to: Math.min(columns - 1, at + n - 1) });
    at += n;
  }
  return spans;
}
