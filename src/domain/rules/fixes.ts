import type { CellUpdate } from "../workbook";
import type { Issue } from "./types";

/** The cell updates of every fixable issue (one per cell), for the port to apply. */
export function fixUpdates(issues: readonly Issue[]): CellUpdate[] {
  const seen = new Set<string>();
  const out: CellUpdate[] = [];
  for (const i of issues) {
    if (!i.fix) continue;
    const key = `${i.sheet}\u0000${i.cell}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ sheet: i.sheet, row: i.row, col: i.col, expected: i.fix.expected, value: i.fix.value, ...(i.fix.numFmt ? { numFmt: i.fix.numFmt } : {}) });
  }
  return out;
}
