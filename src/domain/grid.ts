/**
 * The Grid: a declarative description of what to put on one sheet. Pure data, produced by the
 * core and rendered by an adapter. Rows and columns are 0-based (row 0 is Excel's row 1).
 */

export type CellScalar = string | number | boolean | null;

/** A value as read from a workbook: scalars, an Excel error such as `#REF!`, or a formula with its cached result. */
export type CellValue = CellScalar | { error: string } | { formula: string; result?: CellScalar | { error: string } };

export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  font?: string;
  color?: string; // RRGGBB
  fill?: string; // RRGGBB
  hAlign?: "left" | "center" | "right" | "justify";
  vAlign?: "top" | "middle" | "bottom";
  wrap?: boolean;
  numFmt?: string;
  /** "thin": a thin line on every side; "bottom": a thin rule under the cell only. */
  border?: "thin" | "bottom";
  /** False: a cell the user may change when the sheet is protected (every cell is locked by default). */
  locked?: boolean;
}

export interface RangeBox {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** One cell to write. Either a literal value (text stays text, never a formula) or a formula without `=`. */
export interface GridCell {
  row: number;
  col: number;
  value?: CellScalar;
  formula?: string;
  /** The formula's value as the core computed it, shown by viewers that do not recalculate. */
  result?: CellScalar;
  style?: CellStyle;
}

export interface GridColumn {
  col: number;
  width?: number;
  style?: CellStyle;
}

export interface GridRowHeight {
  row: number;
  /** Points. */
  height: number;
}

export interface GridTable {
  name: string;
  /** Header row and body, as written (the cells themselves come from `cells`). */
  range: RangeBox;
  headers: readonly string[];
  /** Formulas Excel fills into rows added to the table, by header (structured references). */
  calculatedColumns?: Readonly<Record<string, string>>;
  style?: string;
}

/** Grow an existing table: headers added at its right end, and/or its last row moved down. */
export interface GridTableChange {
  name: string;
  addHeaders: readonly string[];
  /** New last row of the body (0-based), when rows were filled below it. */
  bottom?: number;
  /** Formulas Excel fills into new rows, by header, for added columns. */
  calculatedColumns?: Readonly<Record<string, string>>;
}

export type DataValidationRule =
  | { kind: "list"; source: string } // a formula giving a range, or a quoted inline list
  | { kind: "whole"; min: number; max?: number }
  | { kind: "date"; min: number; max: number }; // Excel serials

export interface DataValidation {
  range: RangeBox;
  rule: DataValidationRule;
  promptTitle: string;
  prompt: string;
  errorTitle: string;
  error: string;
}

export interface ConditionalFormat {
  range: RangeBox;
  /** A formula (no `=`) relative to the range's top-left cell; true means format the cell. */
  formula: string;
  /** A fill, a font colour, and/or a thin line on every side (a list's row in use, boxed; an empty one, not). */
  style: { fill?: string; color?: string; border?: "thin" };
}

export interface PrintSetup {
  paper: "A4";
  orientation: "portrait" | "landscape";
  marginsCm: { top: number; bottom: number; left: number; right: number };
  fitToWidth: boolean;
  printArea?: RangeBox;
  /** Rows repeated at the top of every printed page, e.g. a table's header row (0-based, inclusive). */
  titleRows?: { from: number; to: number };
  /** Page numbers centred at the top from the second page (Nghị định 30: none on the first). */
  pageNumbers?: boolean;
  /** Manual page breaks: the first row (0-based) of each page after the first. */
  rowBreaks?: readonly number[];
}

/**
 * A native bar chart over cells of the same sheet (horizontal bars: the first category at the
 * bottom), drawn by Excel and by LibreOffice from the cells, so officials see it without the add-in.
 */
export interface GridChart {
  title: string;
  /** The series' name, the cell above the values. */
  seriesName: string;
  /** One column of category labels and one of values, the same rows. */
  categories: RangeBox;
  values: RangeBox;
  /** The cells it covers: from the top-left corner of `top`,`left` to the top-left corner of `bottom`,`right`. */
  anchor: RangeBox;
  /** The value axis from 0 to `max`, labelled with `axisFormat` (`0%`: the same on every computer). */
  max: number;
  axisFormat: string;
}

export interface Grid {
  sheet: string;
  /** Create the sheet when the workbook lacks it. Adapters never delete or rename sheets. */
  createSheet: boolean;
  /**
   * Where the sheet exists, its whole content (cells, formats, merges, print setup) is replaced by
   * the grid, written as on a new sheet. Only for a sheet of the job's own that the core proved
   * unchanged since it wrote it (a working paper refreshed); refused on a sheet with tables,
   * drawings, comments or anything else beside its cells.
   */
  replaceSheet?: boolean;
  cells: readonly GridCell[];
  columns?: readonly GridColumn[];
  rowHeights?: readonly GridRowHeight[];
  merges?: readonly RangeBox[];
  tables?: readonly GridTable[];
  tableChanges?: readonly GridTableChange[];
  validations?: readonly DataValidation[];
  conditionalFormats?: readonly ConditionalFormat[];
  freeze?: { rows: number; cols: number };
  print?: PrintSetup;
  tabColor?: string;
  /** Charts, only on a sheet the job creates. */
  charts?: readonly GridChart[];
  /** Protect the sheet (without a password): only cells styled `locked: false` can be changed. Only on a sheet the job creates. */
  protect?: boolean;
  /** Hide the sheet (a record nobody needs to read or print: it is not printed either). Only on a sheet the job creates. */
  hidden?: boolean;
}

/** Column letters for a 0-based column index: 0 → A, 26 → AA. */
export function columnLetter(col: number): string {
  let n = col + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** A1 address of a 0-based cell; `absolute` gives `$A$1`. */
export function cellAddress(row: number, col: number, absolute = false): string {
  const d = absolute ? "$" : "";
  return `${d}${columnLetter(col)}${d}${row + 1}`;
}

export function rangeAddress(box: RangeBox): string {
  const a = cellAddress(box.top, box.left);
  const b = cellAddress(box.bottom, box.right);
  return a === b ? a : `${a}:${b}`;
}

/** The last row and column of a sheet (0-based): 1,048,576 rows, 16,384 columns (XFD). */
export const SHEET_END = { row: 1_048_575, col: 16_383 } as const;

/**
 * The cells of a whole sheet outside `boxes`, as few boxes as bands of rows allow: the sheet cut
 * where a box starts or ends, each band's free columns, equal bands one above another joined.
 */
export function complementOf(boxes: readonly RangeBox[]): RangeBox[] {
  const cuts = new Set<number>([0, SHEET_END.row + 1]);
  for (const b of boxes) {
    cuts.add(Math.max(0, b.top));
    cuts.add(Math.min(SHEET_END.row, b.bottom) + 1);
  }
  const rows = [...cuts].sort((a, b) => a - b);
  // The boxes by their first row, taken into the band's set as it reaches them, dropped once passed:
  // each band looks only at the boxes over it (a ledger's scattered closed rows are thousands of boxes).
  const byTop = [...boxes].sort((a, b) => a.top - b.top);
  let next = 0;
  let over: RangeBox[] = [];
  const out: RangeBox[] = [];
  let open: RangeBox[] = [];
  for (let k = 0; k + 1 < rows.length; k++) {
    const top = rows[k] as number;
    const bottom = (rows[k + 1] as number) - 1;
    while (next < byTop.length && Math.max(0, (byTop[next] as RangeBox).top) <= top) over.push(byTop[next++] as RangeBox);
    over = over.filter((b) => b.bottom >= top);
    const taken = over.filter((b) => b.top <= top && b.bottom >= bottom).map((b) => [b.left, b.right] as const).sort((a, b) => a[0] - b[0]);
    const free: [number, number][] = [];
    let col = 0;
    for (const [l, r] of taken) {
      if (l > col) free.push([col, l - 1]);
      col = Math.max(col, r + 1);
    }
    if (col <= SHEET_END.col) free.push([col, SHEET_END.col]);
    const same = free.length === open.length && free.every(([l, r], i) => open[i]?.left === l && open[i]?.right === r);
    if (same) for (const b of open) b.bottom = bottom;
    else {
      out.push(...open);
      open = free.map(([left, right]) => ({ top, bottom, left, right }));
    }
  }
  out.push(...open);
  return out;
}

/** Parses `B7` or `AA10` into 0-based indexes; undefined when it is not an address. */
export function parseCellAddress(address: string): { row: number; col: number } | undefined {
  const m = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/.exec(address.trim().toUpperCase());
  if (!m) return undefined;
  const letters = m[1] as string;
  let col = 0;
  for (const ch of letters) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

export function parseRangeAddress(address: string): RangeBox | undefined {
  const [a, b] = address.split(":");
  const tl = a ? parseCellAddress(a) : undefined;
  const br = b ? parseCellAddress(b) : tl;
  if (!tl || !br) return undefined;
  return { top: tl.row, left: tl.col, bottom: br.row, right: br.col };
}

/** Sheet name quoted for use in a formula: `'Danh mục'!`. */
export function sheetRef(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'!`;
}

export function isEmptyValue(v: CellValue | undefined): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

/**
 * Cells one under the other in a column, with the same key, as one box each: what an adapter
 * writes, reads or highlights in few ranges instead of one per cell. Sorted by key, column, row.
 */
export function columnRuns<T extends { row: number; col: number }>(cells: readonly T[], key: (c: T) => string = () => ""): { box: RangeBox; cells: T[] }[] {
  const keyed = cells.map((c) => ({ c, k: key(c) }));
  keyed.sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0) || a.c.col - b.c.col || a.c.row - b.c.row);
  const runs: { box: RangeBox; cells: T[]; key: string }[] = [];
  for (const { c, k } of keyed) {
    const last = runs[runs.length - 1];
    if (last && last.key === k && last.box.left === c.col && last.box.bottom + 1 === c.row) {
      last.box.bottom = c.row;
      last.cells.push(c);
    } else runs.push({ box: { top: c.row, bottom: c.row, left: c.col, right: c.col }, cells: [c], key: k });
  }
  return runs.map(({ box, cells: run }) => ({ box, cells: run }));
}

/**
 * Whether a cell still holds what was read or wanted, in every adapter: empty equals empty,
 * formulas compare by their text (`formulaText` puts both in one form: Excel shows `[@Col]`
 * where a file keeps `tblX[[#This Row],[Col]]`), errors by their code, the rest strictly.
 */
export function sameValue(a: CellValue, b: CellValue, formulaText: (f: string) => string = (f) => f): boolean {
  if (a === b) return true;
  if (isEmptyValue(a) && isEmptyValue(b)) return true;
  if (a && b && typeof a === "object" && typeof b === "object") {
    if ("formula" in a && "formula" in b) return formulaText(a.formula) === formulaText(b.formula);
    if ("error" in a && "error" in b) return a.error === b.error;
  }
  return false;
}
