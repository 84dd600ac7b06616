import type ExcelJS from "exceljs";
import { parseCellAddress, rangeAddress, type RangeBox } from "../../domain/grid";

interface TableModel {
  columns: { name: string; filterButton?: boolean }[];
  style?: unknown;
}

type ValidationModel = Record<string, unknown>;

/**
 * ExcelJS reads a ranged data validation as one entry per cell and, on writing, merges them
 * back into overlapping ranges. Group identical single-cell entries into column runs again so
 * that a read and write of a file keeps its validations as they were.
 */
export function compactValidations(ws: ExcelJS.Worksheet): void {
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
  for (const g of groups.values()) {
    for (const box of columnRuns(g.cells)) out[rangeAddress(box)] = g.rule;
  }
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
  // Merge side-by-side runs with the same rows into rectangles.
  const merged: RangeBox[] = [];
  for (const r of runs) {
    const prev = merged.find((m) => m.top === r.top && m.bottom === r.bottom && m.right + 1 === r.left);
    if (prev) prev.right = r.right;
    else merged.push({ ...r });
  }
  return merged;
}

/**
 * Tables as ExcelJS must hold them to write them back unchanged: a table without filter settings
 * shows its buttons (ExcelJS would hide them), and a table without a style (LibreOffice writes
 * none) keeps none (ExcelJS would crash writing it).
 */
export function repairTables(ws: ExcelJS.Worksheet): void {
  for (const t of ws.getTables() as unknown as { table: TableModel }[]) {
    for (const c of t.table.columns) if (c.filterButton === undefined) c.filterButton = true;
    t.table.style ??= { theme: null, showFirstColumn: false, showLastColumn: false, showRowStripes: false, showColumnStripes: false };
  }
}
