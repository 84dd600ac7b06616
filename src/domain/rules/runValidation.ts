import type { ReadOptions, WorkbookPort } from "../workbook";
import { fixUpdates } from "./fixes";
import type { Issue } from "./types";
import { VALIDATED_TABLES, validateWorkbook } from "./validate";

/** Reads our tables through the port and validates them. */
export async function validateThrough(port: WorkbookPort, today: string, options?: ReadOptions): Promise<Issue[]> {
  const tables = await port.readTables(VALIDATED_TABLES.map((t) => t.spec.name), options);
  return validateWorkbook(tables, today);
}

/** Applies every mechanical fix, then validates again. */
export async function fixThrough(port: WorkbookPort, today: string): Promise<{ applied: number; skipped: number; remaining: Issue[] }> {
  const before = await validateThrough(port, today);
  const result = await port.updateCells(fixUpdates(before));
  return { applied: result.applied, skipped: result.skipped.length, remaining: await validateThrough(port, today) };
}
