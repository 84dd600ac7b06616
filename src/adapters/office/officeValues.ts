import type { CellScalar, CellValue } from "../../domain/grid";

/** Excel's error values as `range.values` reports them, identified by `valueTypes`. */
export function officeCellValue(value: unknown, type: string | undefined, formula: unknown): CellValue {
  const scalar: CellScalar | { error: string } =
    type === "Error"
      ? { error: typeof value === "string" ? value : JSON.stringify(value) }
      : value === "" || value === null || value === undefined
        ? null
        : typeof value === "number" || typeof value === "boolean" || typeof value === "string"
          ? value
          : JSON.stringify(value);
  // A text that starts with "=" (written with an apostrophe) reads back the same in `values` and
  // `formulas`; a real formula's value is its result, never its own text.
  if (typeof formula === "string" && formula.startsWith("=") && formula !== value) {
    const f = formula.slice(1);
    return scalar === null ? { formula: f } : { formula: f, result: scalar };
  }
  return scalar;
}

/** Applies `f` to the parts of a formula outside its string literals ("…", with "" inside). */
function outsideStrings(formula: string, f: (part: string) => string): string {
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) => (i % 2 === 1 ? part : f(part)))
    .join("");
}

/** `[@Col]` or `[@[Col 'x]]`: Excel's display of a reference to a column in the same row. */
const THIS_ROW_SHORT = /\[@(?:([\p{L}\p{N}_.]+)|\[((?:[^[\]']|'.)*)\])\]/gu;
/** `tblX[[#This Row],[Col]]`: the same reference as the file keeps it. */
const THIS_ROW_LONG = /\b[A-Za-z_\\][\w.]*\[\[#This Row\],\[((?:[^[\]']|'.)*)\]\]/gi;

/**
 * A formula as the file keeps it: Excel shows `tblX[[#This Row],[Col]]` back as `[@Col]` inside
 * tblX, so a formula read from a table's cell gets its long form again (`table` is that table).
 */
export function longFormula(formula: string, table: string): string {
  return outsideStrings(formula, (part) => part.replace(THIS_ROW_SHORT, (_, simple: string | undefined, bracketed: string | undefined) => `${table}[[#This Row],[${simple ?? bracketed ?? ""}]]`));
}

/** A formula's text with same-row references in one form, to compare Excel's display with our own text. */
export function formulaKey(formula: string): string {
  return outsideStrings(formula, (part) =>
    part.replace(THIS_ROW_LONG, (_, column: string) => `[@[${column}]]`).replace(THIS_ROW_SHORT, (_, simple: string | undefined, bracketed: string | undefined) => `[@[${simple ?? bracketed ?? ""}]]`),
  );
}

const MONTH_FIRST = /^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?[\s\-/,]*\d/i;

/**
 * Text Excel might not keep as typed, given a leading apostrophe so that it stays text: a
 * formula or sign (`=`, `+`, `-`, `@`), a leading apostrophe, anything starting with a digit,
 * a currency sign, `#`, `(` or `.` (numbers, dates such as `01-2021` or `5-Jan`, times,
 * fractions, exponents, error literals), a month name before a number (`Jun-2021`), TRUE/FALSE.
 * A voucher "001" must not become 1. Quoting a text that would have stayed text is harmless.
 */
export function needsQuote(text: string): boolean {
  const s = text.trim();
  return /^[=+\-@'$#(.\d€£¥₫]/.test(s) || /^[=+\-@']/.test(text) || MONTH_FIRST.test(s) || /^(true|false)$/i.test(s);
}

/**
 * What to put in `range.formulas` for a grid cell: formulas with `=`, numbers and booleans as
 * they are, and text that Excel would change given a leading apostrophe, so it stays text.
 */
export function officeInput(value: CellScalar | undefined, formula: string | undefined): string | number | boolean {
  if (formula !== undefined) return `=${formula}`;
  if (value === undefined || value === null) return "";
  if (typeof value === "string" && needsQuote(value)) return `'${value}`;
  return value;
}

/**
 * Estimated size of a cell in a response: its value, type and formula as UTF-8 JSON (a cell of
 * Vietnamese text comes twice, value and formula, at two or three bytes a letter). A batch Excel
 * still finds too big is read again in halves.
 */
export const BYTES_PER_CELL_READ = 120;

/** Budget for one request or response: Excel on the web refuses payloads over 5 MB either way. */
export const PAYLOAD_BUDGET = 4_000_000;

/** Rows per read so that one response stays under the budget. */
export function rowsPerChunk(columns: number, budget = PAYLOAD_BUDGET): number {
  return Math.max(1, Math.floor(budget / (Math.max(1, columns) * BYTES_PER_CELL_READ)));
}
