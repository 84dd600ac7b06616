import type { CellUpdate, ReadOptions, TableData, WorkbookPort } from "../workbook";
import { fixUpdates } from "./fixes";
import type { Issue } from "./types";
import { VALIDATED_TABLES, validateTables, validateWorkbook } from "./validate";
import { CLOSED_TABLE, snapshotNames, snapshotsNeeded } from "../close/closing";

/** Reads our tables through the port and validates them. */
export async function validateThrough(port: WorkbookPort, today: string, options?: ReadOptions): Promise<Issue[]> {
  // The snapshots of closed periods are read only when their rows changed since (most checks: none).
  const tables = await port.readTables([...VALIDATED_TABLES.map((t) => t.spec.name), CLOSED_TABLE], options);
  const checked = validateTables(tables, today);
  const needed = snapshotsNeeded(tables, checked.views);
  if (needed.length === 0) return checked.issues;
  return validateWorkbook(new Map([...tables, ...(await port.readTables(needed, options))]), today);
}

/** The tables a check reads: ours, the list of closed periods, and the snapshots of those in force. */
export async function checkedTables(port: WorkbookPort, options?: ReadOptions): Promise<Map<string, TableData>> {
  const tables = await port.readTables([...VALIDATED_TABLES.map((t) => t.spec.name), CLOSED_TABLE], options);
  const snapshots = snapshotNames(tables);
  return snapshots.length === 0 ? tables : new Map([...tables, ...(await port.readTables(snapshots, options))]);
}

/**
 * Applies every mechanical fix, then validates again: over the tables as read with the fixes
 * written into them (what reading the workbook again would give), not by reading a big workbook twice.
 */
export async function fixThrough(port: WorkbookPort, today: string): Promise<{ applied: number; skipped: number; remaining: Issue[] }> {
  const tables = await checkedTables(port);
  const updates = fixUpdates(validateWorkbook(tables, today));
  const result = await port.updateCells(updates);
  const skipped = new Set(result.skipped.map(cellKey));
  return { applied: result.applied, skipped: result.skipped.length, remaining: validateWorkbook(withUpdates(tables, updates.filter((u) => !skipped.has(cellKey(u)))), today) };
}

const cellKey = (u: CellUpdate) => `${u.sheet}\u0000${u.row}\u0000${u.col}`;

/** The tables with the written values in their cells (rows copied where a cell changes, the rest shared). */
function withUpdates(tables: ReadonlyMap<string, TableData>, updates: readonly CellUpdate[]): Map<string, TableData> {
  const out = new Map(tables);
  for (const [name, t] of tables) {
    const mine = updates.filter((u) => u.sheet === t.sheet && u.row > t.range.top && u.row <= t.range.top + t.rows.length && u.col >= t.range.left && u.col <= t.range.right);
    if (mine.length === 0) continue;
    const rows = [...t.rows];
    for (const u of mine) {
      const i = u.row - t.range.top - 1;
      const row = [...(rows[i] ?? [])];
      row[u.col - t.range.left] = u.value;
      rows[i] = row;
    }
    out.set(name, { ...t, rows });
  }
  return out;
}
