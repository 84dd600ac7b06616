import { columnRuns, parseCellAddress, type RangeBox } from "../grid";
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
  // One group per sheet and severity; its cells in column runs.
  const groups = new Map<string, SheetMarks>();
  for (const run of columnRuns([...worst.values()], (c) => `${c.sheet}\u0000${c.severity}`)) {
    const c = run.cells[0] as { sheet: string; severity: Severity };
    const key = `${c.sheet}\u0000${c.severity}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { sheet: c.sheet, severity: c.severity, ranges: [] }));
    g.ranges.push(run.box);
  }
  return [...groups.values()];
}
