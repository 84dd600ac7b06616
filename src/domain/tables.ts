import { nameKey } from "./text";
import type { TableData } from "./workbook";

/**
 * A table by its name, as Excel compares names (case and spacing folded): the one way every job
 * finds a table among those it read (`tblThongTin` is found when the workbook spells it `TBLTHONGTIN`).
 */
export function findTable(tables: ReadonlyMap<string, TableData>, name: string): TableData | undefined {
  const exact = tables.get(name);
  if (exact) return exact;
  const key = nameKey(name);
  for (const [n, t] of tables) if (nameKey(n) === key) return t;
  return undefined;
}
