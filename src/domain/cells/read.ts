import type { CellScalar } from "../grid";

/** Why a cell could not be read as what its column holds. Message text lives in src/i18n. */
export type CellProblem =
  | "error-value"
  | "formula-no-result"
  | "boolean"
  | "too-long"
  | "not-a-date"
  | "month-first-date"
  | "impossible-date"
  | "not-a-number";

/** What the reader assumed to read a cell that was not in its canonical form. */
export type CellAssumption =
  | "text-normalised"
  | "date-from-text"
  | "two-digit-year"
  | "number-from-text"
  | "time-dropped"
  | "list-variant"
  | "formula-result";

/**
 * A cell read as its column's kind: empty; a value (with what was assumed, and the canonical
 * value to write back when the cell does not hold it already); or a problem.
 */
export type CellRead<T> =
  | { kind: "empty" }
  | { kind: "value"; value: T; assumed?: CellAssumption; canonical?: CellScalar }
  | { kind: "invalid"; problem: CellProblem; detail?: string };

export const EMPTY: CellRead<never> = { kind: "empty" };

/** Excel's own limit for the text of one cell. */
export const MAX_CELL_TEXT = 32_767;
