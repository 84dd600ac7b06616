import { HyperFormula, type RawCellContent } from "hyperformula";
import { cellAddress, columnLetter } from "../../../src/domain/grid";
import { cellKey, FakeExcelError, type FakeSheet, type FakeTable, type FakeWorkbookState } from "./state";

/**
 * What Excel computes for the formulas of the fake's workbook. The fake holds formulas as Excel
 * keeps them; their results come from HyperFormula (an independent engine), which has no Excel
 * tables: each structured reference becomes the range it stands for. A result the engine cannot
 * give (a function it lacks) is not made up: loading that cell's value fails.
 */
export type FormulaResult = string | number | boolean | { error: string };

const quote = (sheet: string) => `'${sheet.replace(/'/g, "''")}'`;

/** The column of a header in a table (case-insensitive, `'` escapes removed), or -1. */
function columnOf(t: FakeTable, header: string): number {
  const h = header.replace(/'(.)/g, "$1").toLocaleLowerCase("vi");
  return t.headers.findIndex((x) => x.toLocaleLowerCase("vi") === h);
}

/** A formula with its structured references as ranges, for the cell at `row` (0-based). */
export function withoutStructuredReferences(state: FakeWorkbookState, formula: string, row: number): string {
  return formula.replace(/\b(tbl[A-Za-z0-9_]+)\[((?:[^[\]']|'.|\[(?:[^[\]']|'.)*\])*)\]/g, (whole, name: string, inner: string) => {
    const t = state.table(name);
    if (!t) return whole;
    const sheet = quote(t.sheet.name);
    const thisRow = /^\[#This Row\],\[((?:[^[\]']|'.)*)\]$/i.exec(inner);
    if (thisRow) {
      const c = columnOf(t, thisRow[1] as string);
      return c < 0 ? whole : `${sheet}!$${columnLetter(t.box.left + c)}${row + 1}`;
    }
    if (inner.startsWith("[") || inner.startsWith("#")) return whole;
    const c = columnOf(t, inner);
    if (c < 0) return whole;
    const first = t.box.top + (t.showHeaders === false ? 0 : 1);
    const L = columnLetter(t.box.left + c);
    return `${sheet}!$${L}$${first + 1}:$${L}$${Math.max(first, t.box.bottom) + 1}`;
  });
}

/** Evaluates every formula of the workbook; results by `sheet\u0000row:col`. */
export function evaluate(state: FakeWorkbookState): Map<string, FormulaResult | undefined> {
  const sheets: Record<string, RawCellContent[][]> = {};
  const formulaCells: { sheet: FakeSheet; key: string; row: number; col: number }[] = [];
  for (const s of state.sheets) {
    const grid: RawCellContent[][] = [];
    for (const [key, cell] of s.cells) {
      const [r, c] = key.split(":").map(Number) as [number, number];
      const row = (grid[r] ??= []);
      while (row.length < c) row.push(null);
      if (cell.formula) {
        row[c] = withoutStructuredReferences(state, cell.formula, r);
        formulaCells.push({ sheet: s, key, row: r, col: c });
      } else row[c] = cell.value === "" ? null : cell.value;
    }
    for (let r = 0; r < grid.length; r++) grid[r] ??= [];
    sheets[s.name] = grid;
  }
  const out = new Map<string, FormulaResult | undefined>();
  if (formulaCells.length === 0) return out;
  const hf = HyperFormula.buildFromSheets(sheets, { licenseKey: "gpl-v3", leapYear1900: true, useArrayArithmetic: true, maxRows: 1_048_576, maxColumns: 16_384 });
  try {
    for (const f of formulaCells) {
      const id = hf.getSheetId(f.sheet.name) as number;
      const v = hf.getCellValue({ sheet: id, row: f.row, col: f.col });
      const key = `${f.sheet.name}\u0000${f.key}`;
      if (v === null) out.set(key, "");
      else if (typeof v === "object") {
        const e = v as { value?: string; type?: string; message?: string };
        // #NAME? is the engine lacking a function Excel has: no result to give.
        out.set(key, e.type === "NAME" ? undefined : { error: e.value ?? "#VALUE!" });
      } else out.set(key, v);
    }
  } finally {
    hf.destroy();
  }
  return out;
}

/** The value Excel shows for a formula cell; fails where the engine could not compute it. */
export function resultOf(results: ReadonlyMap<string, FormulaResult | undefined>, sheet: FakeSheet, row: number, col: number): FormulaResult {
  const r = results.get(`${sheet.name}\u0000${cellKey(row, col)}`);
  if (r === undefined) throw new FakeExcelError("FakeCannotEvaluate", `The fake cannot compute ${sheet.name}!${cellAddress(row, col)}: its engine lacks a function of the formula. Excel would give a result here.`);
  return r;
}
