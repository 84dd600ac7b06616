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
  if (typeof formula === "string" && formula.startsWith("=")) {
    const f = formula.slice(1);
    return scalar === null ? { formula: f } : { formula: f, result: scalar };
  }
  return scalar;
}

/**
 * Text Excel would not keep as typed: a formula or sign (`=`, `+`, `-`, `@`), a leading
 * apostrophe, or anything it would parse as a number, percentage, date, time or TRUE/FALSE
 * (a voucher "001" must not become 1).
 */
export function needsQuote(text: string): boolean {
  const s = text.trim();
  return (
    /^[=+\-@']/.test(text) ||
    /^[-+(]?[\d.,\s\u00a0]+%?\)?$/.test(s) ||
    /^\d{1,4}\s*[/.-]\s*\d{1,2}(\s*[/.-]\s*\d{1,4})?$/.test(s) ||
    /^\d{1,2}:\d{2}/.test(s) ||
    /^(true|false)$/i.test(s)
  );
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

/** Rough size of a cell in a request or response (JSON of values, types and formulas). */
export const BYTES_PER_CELL_READ = 48;

/** Budget for one response: Excel on the web refuses payloads over 5 MB. */
export const RESPONSE_BUDGET = 4_000_000;

/** Rows per read so that one response stays under the budget. */
export function rowsPerChunk(columns: number, budget = RESPONSE_BUDGET): number {
  return Math.max(1, Math.floor(budget / (Math.max(1, columns) * BYTES_PER_CELL_READ)));
}
