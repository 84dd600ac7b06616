import type { CellValue, Grid } from "./grid";
import { hash64, nameKey } from "./text";
import type { WorkbookPort } from "./workbook";

// A working paper the add-in writes again each time (the bank reconciliation) is refreshed in place
// only when nobody changed it since: its mark, a digest of every non-empty cell (where, and what:
// a value or a formula), is recorded when it is written and compared with the sheet as it is read
// before it is replaced. Any cell typed, cleared or changed by hand gives another mark, and the
// paper is then kept and the new one written beside it.

function part(row: number, col: number, v: CellValue | undefined): string | undefined {
  if (v === null || v === undefined || v === "") return undefined;
  if (typeof v === "object") return "formula" in v ? `${row},${col}=${v.formula}` : `${row},${col}#${v.error}`;
  return `${row},${col}:${typeof v}:${String(v)}`;
}

/** The mark of cells as read from a sheet, from its first cell (A1). */
export function cellsMark(rows: readonly (readonly CellValue[])[]): string {
  const parts: string[] = [];
  rows.forEach((r, i) => r.forEach((v, j) => {
    const p = part(i, j, v);
    if (p) parts.push(p);
  }));
  return hash64(parts.join("\n"));
}

/** The mark a grid leaves on a new sheet: what `cellsMark` reads there once it is written. */
export function gridMark(g: Grid): string {
  const parts: { row: number; col: number; text: string }[] = [];
  for (const c of g.cells) {
    const p = part(c.row, c.col, c.formula !== undefined ? { formula: c.formula } : (c.value ?? null));
    if (p) parts.push({ row: c.row, col: c.col, text: p });
  }
  parts.sort((a, b) => a.row - b.row || a.col - b.col);
  return hash64(parts.map((p) => p.text).join("\n"));
}

/** Where a paper goes: the workbook's sheet names, and the mark of the paper's sheet as it is now (when it exists). */
export interface PaperTarget {
  names: string[];
  current?: string;
}

export async function paperTarget(port: WorkbookPort, sheet: string): Promise<PaperTarget> {
  const summary = await port.summarize();
  const names = summary.sheets.map((x) => x.name);
  const s = summary.sheets.find((x) => nameKey(x.name) === nameKey(sheet));
  if (!s) return { names };
  if (!s.usedRange) return { names, current: cellsMark([]) };
  const [rows] = await port.readRanges([{ sheet: s.name, range: { top: 0, left: 0, bottom: s.usedRange.bottom, right: s.usedRange.right } }]);
  return { names, current: cellsMark(rows ?? []) };
}
