import type { RangeBox } from "../grid";
import type { SheetSpec, TableSpec } from "../sheets/types";
import { SHEET_SPECS } from "../sheets/specs";
import { nameKey } from "../text";
import type { RangeRequest, SheetSummary, TableSummary, WorkbookSummary } from "../workbook";

/** One of our tables as the workbook has it, with the spec headers it lacks. */
export interface ExistingTable {
  spec: TableSpec;
  summary: TableSummary;
  missingHeaders: string[];
}

/** One of our tables to create at a given place. */
export interface NewTable {
  spec: TableSpec;
  sheet: string;
  top: number;
  left: number;
}

export interface SheetLayout {
  spec: SheetSpec;
  /** Where this spec's tables live or will live. */
  home: string;
  createSheet: boolean;
  /** The sheet has our name and someone else's content, and none of our tables: left alone. */
  foreign: boolean;
  existing: ExistingTable[];
  created: NewTable[];
  /** Tables with one of our names but someone else's columns: left alone, reported. */
  foreignTables: TableSummary[];
}

/** Blank columns left between two tables placed side by side. */
const TABLE_GAP = 1;

function findSheet(summary: WorkbookSummary, name: string): SheetSummary | undefined {
  const key = nameKey(name);
  return summary.sheets.find((s) => nameKey(s.name) === key);
}

function summaryTable(summary: WorkbookSummary, name: string): TableSummary | undefined {
  const key = nameKey(name);
  for (const s of summary.sheets) {
    const t = s.tables.find((x) => nameKey(x.name) === key);
    if (t) return t;
  }
  return undefined;
}

function missingHeaders(spec: TableSpec, table: TableSummary): string[] {
  const have = new Set(table.headers.map(nameKey));
  return spec.columns.map((c) => c.header).filter((h) => !have.has(nameKey(h)));
}

/**
 * Whether a table with one of our names is ours: it has at least half of the spec's headers (an
 * older version of our table lacks a few; someone's own table of that name has others).
 */
function isOurTable(spec: TableSpec, table: TableSummary): boolean {
  const have = new Set(table.headers.map(nameKey));
  const shared = spec.columns.filter((c) => have.has(nameKey(c.header))).length;
  return shared * 2 >= spec.columns.length;
}

function layoutSheet(summary: WorkbookSummary, spec: SheetSpec): SheetLayout {
  const named = spec.tables.map((t) => ({ spec: t, summary: summaryTable(summary, t.name) }));
  const foreignTables = named.flatMap((f) => (f.summary && !isOurTable(f.spec, f.summary) ? [f.summary] : []));
  const found = named.map((f) => ({ spec: f.spec, summary: f.summary && isOurTable(f.spec, f.summary) ? f.summary : undefined, taken: f.summary !== undefined }));
  const firstFound = found.find((f) => f.summary)?.summary;
  const home = firstFound?.sheet ?? spec.name;
  const homeSheet = findSheet(summary, home);
  const foreign = !firstFound && homeSheet !== undefined && homeSheet.usedRange !== null;
  const existing: ExistingTable[] = [];
  const created: NewTable[] = [];
  let cursor = homeSheet?.usedRange ? homeSheet.usedRange.right + 1 + TABLE_GAP : 0;
  for (const f of found) {
    if (f.summary) {
      existing.push({ spec: f.spec, summary: f.summary, missingHeaders: missingHeaders(f.spec, f.summary) });
    } else if (!foreign && !f.taken) {
      created.push({ spec: f.spec, sheet: homeSheet?.name ?? home, top: 0, left: cursor });
      cursor += f.spec.columns.length + TABLE_GAP;
    }
  }
  return { spec, home: homeSheet?.name ?? home, createSheet: !homeSheet, foreign, existing, created, foreignTables };
}

/** Where every table of the templates is or will be, from the workbook's summary alone (the sheets of a plan's trackers). */
export function templateLayout(summary: WorkbookSummary, specs: readonly SheetSpec[] = SHEET_SPECS): SheetLayout[] {
  return specs.map((spec) => layoutSheet(summary, spec));
}

/** The strip right of a table where its missing columns would go. */
function extensionStrip(t: ExistingTable): RangeBox {
  const r = t.summary.range;
  return { top: r.top, bottom: r.bottom, left: r.right + 1, right: r.right + t.missingHeaders.length };
}

/** The body of a table, with the strip of its missing columns, plus the rows below it that `rowCount` pre-filled rows would take. */
function prefillArea(t: ExistingTable, rowCount: number): RangeBox {
  const r = t.summary.range;
  return { top: r.top + 1, left: r.left, right: r.right + t.missingHeaders.length, bottom: Math.max(r.bottom, r.top + rowCount) };
}

export interface Probe {
  kind: "extension" | "prefill";
  table: ExistingTable;
  request: RangeRequest;
}

/** The ranges whose values decide whether an existing table may be widened or pre-filled. */
export function templateProbes(layout: readonly SheetLayout[], prefillCount: (spec: TableSpec) => number): Probe[] {
  const probes: Probe[] = [];
  for (const sheet of layout) {
    for (const t of sheet.existing) {
      if (t.missingHeaders.length > 0) {
        probes.push({ kind: "extension", table: t, request: { sheet: t.summary.sheet, range: extensionStrip(t) } });
      }
      const n = prefillCount(t.spec);
      if (n > 0) {
        probes.push({ kind: "prefill", table: t, request: { sheet: t.summary.sheet, range: prefillArea(t, n) } });
      }
    }
  }
  return probes;
}

export function boxesIntersect(a: RangeBox, b: RangeBox): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}
