import type { CellUpdate, ReadOptions, TableData, WorkbookPort } from "../workbook";
import { fixUpdates } from "./fixes";
import type { Issue } from "./types";
import { VALIDATED_TABLES, validateTables, validateWorkbook } from "./validate";
import { CLOSED_TABLE, snapshotsNeeded } from "../close/closing";

/** Reads our tables through the port and validates them. */
export async function validateThrough(port: WorkbookPort, today: string, options?: ReadOptions): Promise<Issue[]> {
  // The snapshots of closed periods are read only when their rows changed since (most checks: none).
  const tables = await port.readTables([...VALIDATED_TABLES.map((t) => t.spec.name), CLOSED_TABLE], options);
  const checked = validateTables(tables, today);
  const needed = snapshotsNeeded(tables, checked.views);
  const more = needed.length === 0 ? undefined : await port.readTables(needed, options);
  return more && more.size > 0 ? validateWorkbook(new Map([...tables, ...more]), today) : checked.issues;
}

/**
 * Applies every mechanical fix, then validates again: over the tables as read with the fixes
 * written into them (what reading the workbook again would give), not by reading a big workbook twice.
 * A closed period's snapshot is read only when its rows differ from it (a fix may change them).
 */
export async function fixThrough(port: WorkbookPort, today: string): Promise<{ applied: number; skipped: number; remaining: Issue[] }> {
  const tables = await port.readTables([...VALIDATED_TABLES.map((t) => t.spec.name), CLOSED_TABLE]);
  const updates = fixUpdates(validateTables(tables, today).issues);
  const result = await port.updateCells(updates);
  const skipped = new Set(result.skipped.map(cellKey));
  const fixed = withUpdates(tables, updates.filter((u) => !skipped.has(cellKey(u))));
  const checked = validateTables(fixed, today);
  const needed = snapshotsNeeded(fixed, checked.views);
  const more = needed.length === 0 ? undefined : await port.readTables(needed);
  const remaining = more && more.size > 0 ? validateWorkbook(new Map([...fixed, ...more]), today) : checked.issues;
  return { applied: result.applied, skipped: result.skipped.length, remaining };
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
