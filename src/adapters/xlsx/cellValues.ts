import type { CellValue } from "../../domain/grid";

/** Whether a cell still holds what was read: empty equals empty, formulas compare by text. */
export function sameValue(a: CellValue, b: CellValue): boolean {
  if (a === b) return true;
  if ((a === null || a === "") && (b === null || b === "")) return true;
  if (a && b && typeof a === "object" && typeof b === "object") {
    if ("formula" in a && "formula" in b) return a.formula === b.formula;
    if ("error" in a && "error" in b) return a.error === b.error;
  }
  return false;
}
