import { parseCellAddress, type RangeBox } from "../grid";
import type { Issue, Severity } from "./types";

/**
 * Highlights are conditional formats, never cell formats: the user's own formatting is never
 * touched, and clearing removes exactly the rules recognised by these formulas.
 */
export const MARK_FORMULA: Readonly<Record<Severity, string>> = {
  error: 'LEN("sổ theo dõi: lỗi")>0',
  warning: 'LEN("sổ theo dõi: cảnh báo")>0',
};

export const MARK_FILL: Readonly<Record<Severity, { fill: string; color: string }>> = {
  error: { fill: "FFC7CE", color: "9C0006" },
  warning: { fill: "FFEB9C", color: "9C5700" },
};

export interface SheetMarks {
  sheet: string;
  severity: Severity;
  /** Cells grouped into vertical runs, so that a column of issues is one range. */
  ranges: RangeBox[];
}

/** The highlights for a set of issues: one group per sheet and severity; an error wins over a warning on the same cell. */
export function issueMarks(issues: readonly Issue[]): SheetMarks[] {
  const worst = new Map<string, { sheet: string; severity: Severity; row: number; col: number }>();
  for (const i of issues) {
    const at = parseCellAddress(i.cell);
    if (!at) continue;
    const key = `${i.sheet}\u0000${i.cell}`;
    const prev = worst.get(key);
    if (!prev || (prev.severity === "warning" && i.severity === "error")) worst.set(key, { sheet: i.sheet, severity: i.severity, ...at });
  }
  const groups = new Map<string, SheetMarks>();
  const cells = [...worst.values()].sort((a, b) => a.col - b.col || a.row - b.row);
  for (const c of cells) {
    const key = `${c.sheet}\u0000${c.severity}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { sheet: c.sheet, severity: c.severity, ranges: [] }));
    const last = g.ranges[g.ranges.length - 1];
    if (last && last.left === c.col && last.bottom + 1 === c.row) last.bottom = c.row;
    else g.ranges.push({ top: c.row, bottom: c.row, left: c.col, right: c.col });
  }
  return [...groups.values()];
}
