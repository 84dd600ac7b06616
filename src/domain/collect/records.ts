import type { CellScalar, CellValue, Grid, GridCell } from "../grid";
import { headerIndex } from "../text";
import type { TableData } from "../workbook";

/**
 * A table the workbook keeps for itself (the log, the receipts, the forms issued): rows are only
 * ever appended, under its headers wherever the clerk moved them, and the table and its sheet are
 * made on first use.
 */
export interface RecordTable {
  sheet: string;
  table: string;
  headers: readonly string[];
  /** Column widths, in characters, in header order. */
  widths: readonly number[];
  /** Headers whose values are dates (Excel serials shown dd/mm/yyyy). */
  dates?: readonly string[];
}

const DATE = { numFmt: "dd/mm/yyyy" } as const;

/**
 * The grid that appends `rows` (values in `spec.headers` order) to the table `t`, or makes it.
 * `dateAt` marks more cells as dates than the spec's date columns (a value column of mixed kinds).
 */
export function appendRecords(t: TableData | undefined, spec: RecordTable, rows: readonly (readonly CellScalar[])[], dateAt?: (row: number, header: string) => boolean): Grid {
  const isDate = new Set(spec.dates ?? []);
  const cell = (row: number, col: number, header: string, value: CellScalar, k: number): GridCell => ({ row, col, value, ...((isDate.has(header) || dateAt?.(k, header)) && typeof value === "number" ? { style: DATE } : {}) });
  if (t) {
    // Headers the clerk removed come back at the table's right end: no value is written nowhere.
    const missing = spec.headers.filter((h) => headerIndex(t.headers, h) < 0);
    const colOf = (h: string) => {
      const i = headerIndex(t.headers, h);
      return t.range.left + (i >= 0 ? i : t.headers.length + missing.indexOf(h));
    };
    const first = t.range.bottom + 1;
    return {
      sheet: t.sheet,
      createSheet: false,
      cells: rows.flatMap((r, k) => spec.headers.map((h, j) => cell(first + k, colOf(h), h, r[j] ?? null, k))),
      tableChanges: [{ name: t.name, addHeaders: missing, bottom: t.range.bottom + rows.length }],
    };
  }
  return {
    sheet: spec.sheet,
    createSheet: true,
    cells: [...spec.headers.map((h, j) => ({ row: 0, col: j, value: h, style: { bold: true } })), ...rows.flatMap((r, k) => spec.headers.map((h, j) => cell(1 + k, j, h, r[j] ?? null, k)))],
    columns: spec.widths.map((width, col) => ({ col, width })),
    tables: [{ name: spec.table, range: { top: 0, left: 0, bottom: rows.length, right: spec.headers.length - 1 }, headers: spec.headers }],
    freeze: { rows: 1, cols: 0 },
  };
}

/** A record table's rows as records by header (headers found as Excel compares names). */
export function recordRows(t: TableData | undefined, headers: readonly string[]): Record<string, CellScalar>[] {
  if (!t) return [];
  const idx = headers.map((h) => headerIndex(t.headers, h));
  return t.rows.map((r) => Object.fromEntries(headers.map((h, j) => [h, (idx[j] as number) < 0 ? null : scalarOf(r[idx[j] as number])])));
}

/** A cell's scalar: a formula's cached result, nothing for an error. */
export function scalarOf(v: CellValue | undefined): CellScalar {
  if (v === undefined || v === null) return null;
  if (typeof v === "object") return "formula" in v ? (v.result !== undefined && typeof v.result !== "object" ? v.result : null) : null;
  return v;
}
