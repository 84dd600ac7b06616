import type { CellScalar, CellValue, Grid, RangeBox } from "./grid";
import type { SheetMarks } from "./rules/marks";

/** A table as the workbook has it: where it is and its header texts, left to right. */
export interface TableSummary {
  name: string;
  sheet: string;
  /** Header row plus body (no totals row). */
  range: RangeBox;
  headers: string[];
}

export interface SheetSummary {
  name: string;
  /** Bounds of every non-empty cell, or null for an empty sheet. */
  usedRange: RangeBox | null;
  tables: TableSummary[];
}

export interface WorkbookSummary {
  sheets: SheetSummary[];
}

/** A table's content as plain values, rows in sheet order. `rows[i]` is Excel row `range.top + 1 + i`. */
export interface TableData extends TableSummary {
  rows: CellValue[][];
}

export interface RangeRequest {
  sheet: string;
  range: RangeBox;
}

/** Write `value` into a cell, only if it still holds `expected` (what validation read). */
export interface CellUpdate {
  sheet: string;
  row: number;
  col: number;
  expected: CellValue;
  value: CellScalar;
  /** Number format to give the cell when it has none of its own (a date written as a serial). */
  numFmt?: string;
}

/** Progress of a long read, and a way to stop it between chunks. */
export interface ReadOptions {
  onProgress?: (rowsRead: number, rowsTotal: number) => void;
  signal?: AbortSignal;
}

/** A grid would change a non-empty cell: every adapter refuses it before writing anything. */
export class GridConflictError extends Error {
  constructor(
    readonly sheet: string,
    readonly cells: readonly string[],
  ) {
    super(`Grid would overwrite ${cells.length} non-empty cell(s) on "${sheet}": ${cells.slice(0, 5).join(", ")}`);
    this.name = "GridConflictError";
  }
}

/**
 * Rows would be added to a table that shows a totals row: they would land on that row, and
 * neither adapter moves a user's totals row. Refused before anything is written.
 */
export class TableTotalsRowError extends Error {
  constructor(
    readonly table: string,
    readonly sheet: string,
  ) {
    super(`Table ${table} on "${sheet}" has a totals row under the rows to add`);
    this.name = "TableTotalsRowError";
  }
}

/** The user stopped a long job; nothing was written. */
export class CancelledError extends Error {
  constructor() {
    super("Cancelled");
    this.name = "CancelledError";
  }
}

/**
 * The port: what an adapter (Office.js, or ExcelJS on .xlsx files) must do. Each operation is
 * one user-level step so that the Office adapter can run it in a fixed number of syncs.
 */
export interface WorkbookPort {
  /** Sheets in workbook order with their tables and used ranges. */
  summarize(): Promise<WorkbookSummary>;
  /** Values of rectangular ranges, each as rows of cells. Missing sheets read as empty. */
  readRanges(requests: readonly RangeRequest[]): Promise<CellValue[][][]>;
  /** Tables by name; a name the workbook lacks is absent from the result. */
  readTables(names: readonly string[], options?: ReadOptions): Promise<Map<string, TableData>>;
  /**
   * Renders grids in order. An adapter refuses (throws before writing anything) when a grid
   * would change a non-empty cell: writing over user data is never an adapter's decision.
   */
  applyGrids(grids: readonly Grid[]): Promise<void>;
  /** Applies updates whose cell still holds the expected value; returns those skipped because it changed. */
  updateCells(updates: readonly CellUpdate[]): Promise<{ applied: number; skipped: CellUpdate[] }>;
  /** Highlights issue cells (replacing earlier highlights), leaving every cell's own format as it is. */
  markIssues(marks: readonly SheetMarks[]): Promise<void>;
  /** Removes the highlights, and only them. */
  clearMarks(): Promise<void>;
  /** Shows a cell to the user: activates its sheet and selects it. */
  select(sheet: string, cell: string): Promise<void>;
  /**
   * Calls `onChange` whenever the data of a table changes (a user's edit, inside Excel), so that
   * what was read before is known to be out of date. Resolves to how to stop, or to nothing where
   * the host cannot tell (older Excel, a file).
   */
  watchChanges?(onChange: () => void): Promise<(() => Promise<void>) | undefined>;
  /** What the host knows of the workbook as it is open that the clerk must be told once (inside Excel). */
  hostNotes?(): Promise<HostNote[]>;
  /**
   * Protects sheets without a password so that only the given cells are locked (a closed period's
   * rows), every other cell left editable; or lifts that protection. A sheet protected with a
   * password is refused before anything is changed.
   */
  lockCells?(locks: readonly SheetLock[]): Promise<void>;
}

/**
 * A sheet's lock: the cells no one may change (0-based boxes), the rest editable, the sheet protected
 * without a password; `locked: null` lifts the protection. `onlyIfProtected`: brought up to date only
 * where the sheet is protected already (a lock kept in step when a period is closed or reopened).
 */
export interface SheetLock {
  sheet: string;
  locked: RangeBox[] | null;
  onlyIfProtected?: boolean;
}

/**
 * The workbook is open read-only (changes stay in memory until saved under another name), or the
 * computer writes dates month first, so that a date typed day first becomes another date.
 */
export type HostNote = { kind: "read-only" } | { kind: "month-first-dates"; pattern: string };

/** A short-date pattern (`M/d/yyyy`, `dd/MM/yyyy`, `yyyy-MM-dd`) that reads typed dates month before day. */
export function monthFirst(pattern: string): boolean {
  const month = pattern.indexOf("M");
  const day = pattern.search(/d/);
  return month >= 0 && day >= 0 && month < day;
}
