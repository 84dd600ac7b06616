import ExcelJS from "exceljs";
import { parseCellAddress, rangeAddress, type RangeBox } from "../../src/domain/grid";
import { patchExcelJs } from "./exceljsPatches";

patchExcelJs();

type ValidationModel = Record<string, unknown>;

/**
 * ExcelJS reads a ranged data validation as one entry per cell: group identical single-cell
 * entries into column runs again, so a model lists the ranges the file holds.
 */
function compactValidations(ws: ExcelJS.Worksheet): void {
  const holder = (ws as unknown as { dataValidations: { model: ValidationModel } }).dataValidations;
  const groups = new Map<string, { rule: unknown; cells: { row: number; col: number }[] }>();
  const out: ValidationModel = {};
  for (const [address, rule] of Object.entries(holder.model)) {
    const cell = parseCellAddress(address);
    if (!cell || rule === undefined) {
      if (rule !== undefined) out[address] = rule;
      continue;
    }
    const key = JSON.stringify(rule);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { rule, cells: [] }));
    g.cells.push(cell);
  }
  for (const g of groups.values()) for (const box of columnRuns(g.cells)) out[rangeAddress(box)] = g.rule;
  holder.model = out;
}

function columnRuns(cells: { row: number; col: number }[]): RangeBox[] {
  const sorted = [...cells].sort((a, b) => a.col - b.col || a.row - b.row);
  const runs: RangeBox[] = [];
  for (const c of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.left === c.col && last.bottom + 1 === c.row) last.bottom = c.row;
    else runs.push({ top: c.row, bottom: c.row, left: c.col, right: c.col });
  }
  const merged: RangeBox[] = [];
  for (const r of runs) {
    const prev = merged.find((m) => m.top === r.top && m.bottom === r.bottom && m.right + 1 === r.left);
    if (prev) prev.right = r.right;
    else merged.push({ ...r });
  }
  return merged;
}

/** Reads an .xlsx with ExcelJS (patched to carry calculated columns), an engine independent of the adapter. */
export async function readWithExcelJs(data: Uint8Array | ArrayBuffer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(data as ArrayBuffer);
  for (const ws of book.worksheets) compactValidations(ws);
  return book;
}
