import { columnLetter, isEmptyValue, rangeAddress, type CellValue, type Grid, type GridTable, type GridTableChange } from "../grid";
import type { PlanDefinition } from "../plan/schema";
import { TRACKING_PRINT } from "../sheets/nativeRules";
import { prefillRows, type PrefillRow } from "../sheets/prefill";
import type { TableSpec } from "../sheets/types";
import { sheetSpecsFor } from "../sheets/specs";
import { nameKey } from "../text";
import type { WorkbookSummary } from "../workbook";
import {
  boxesIntersect,
  templateLayout,
  templateProbes,
  type ExistingTable,
  type NewTable,
  type Probe,
  type SheetLayout,
} from "./layout";
import { calculatedColumns, listSourceFormula, RULE_ROWS, tableParts, type TablePlacement, type TableParts } from "./tableGrid";

export type TemplateNoteCode =
  | "sheet-created"
  | "table-created"
  | "columns-added"
  | "rows-prefilled"
  | "rows-sample"
  | "sheet-not-ours"
  | "table-not-ours"
  | "table-elsewhere"
  | "columns-blocked"
  | "prefill-skipped"
  | "list-source-missing";

export interface TemplateNote {
  code: TemplateNoteCode;
  severity: "info" | "warning";
  sheet: string;
  params: Readonly<Record<string, string | number>>;
}

export interface TemplatePlan {
  grids: Grid[];
  notes: TemplateNote[];
}

/** Step one: the ranges the adapter must read before the templates can be planned safely. */
export function templateRequests(summary: WorkbookSummary, plan: PlanDefinition): Probe[] {
  return templateProbes(templateLayout(summary, sheetSpecsFor(plan.trackers)), (spec) => prefillRows(spec, plan).length);
}

/** Rows for tables the plan creates, by table name, in place of the plan's own pre-fill (the demo's sample data). */
export type RowsOverride = ReadonlyMap<string, readonly PrefillRow[]>;

interface Context {
  summary: WorkbookSummary;
  plan: PlanDefinition;
  rowsOverride: RowsOverride;
  placements: Map<string, TablePlacement>;
  notes: TemplateNote[];
}

function allEmpty(values: readonly CellValue[][] | undefined): boolean {
  return (values ?? []).every((row) => row.every((v) => isEmptyValue(v)));
}

function overlapsOtherTable(ctx: Context, t: ExistingTable, area: Probe["request"]["range"]): boolean {
  const sheet = ctx.summary.sheets.find((s) => s.name === t.summary.sheet);
  return (sheet?.tables ?? []).some((o) => o.name !== t.summary.name && boxesIntersect(o.range, area));
}

function listSource(ctx: Context, owner: string, sheet: string) {
  return (table: string, header: string): string | undefined => {
    const p = ctx.placements.get(nameKey(table));
    const f = p ? listSourceFormula(p, header) : undefined;
    if (!f) ctx.notes.push({ code: "list-source-missing", severity: "warning", sheet, params: { table: owner, source: table, header } });
    return f;
  };
}

function placementsOf(layout: readonly SheetLayout[]): Map<string, TablePlacement> {
  const m = new Map<string, TablePlacement>();
  for (const s of layout) {
    for (const t of s.existing) {
      const headers = [...t.summary.headers, ...t.missingHeaders];
      m.set(nameKey(t.spec.name), { name: t.summary.name, sheet: t.summary.sheet, top: t.summary.range.top, left: t.summary.range.left, headers });
    }
    for (const t of s.created) {
      m.set(nameKey(t.spec.name), { name: t.spec.name, sheet: t.sheet, top: t.top, left: t.left, headers: t.spec.columns.map((c) => c.header) });
    }
  }
  return m;
}

function newTableParts(ctx: Context, t: NewTable): { parts: TableParts; table: GridTable } {
  const rows = ctx.rowsOverride.get(t.spec.name) ?? prefillRows(t.spec, ctx.plan);
  const placement = ctx.placements.get(nameKey(t.spec.name)) as TablePlacement;
  const bodyRows = Math.max(1, rows.length);
  const parts = tableParts({
    spec: t.spec,
    placement,
    columns: t.spec.columns,
    writeHeaders: true,
    setColumnFormats: true,
    bodyRows,
    rows,
    ruleBottom: Math.max(t.top + bodyRows, t.top + RULE_ROWS),
    withConditionalFormats: true,
    listSource: listSource(ctx, t.spec.name, t.sheet),
  });
  const range = { top: t.top, left: t.left, bottom: t.top + bodyRows, right: t.left + t.spec.columns.length - 1 };
  ctx.notes.push({ code: "table-created", severity: "info", sheet: t.sheet, params: { table: t.spec.name, address: rangeAddress(range) } });
  if (rows.length > 0) {
    const code = ctx.rowsOverride.has(t.spec.name) ? "rows-sample" : "rows-prefilled";
    ctx.notes.push({ code, severity: "info", sheet: t.sheet, params: { table: t.spec.name, count: rows.length } });
  }
  const table: GridTable = {
    name: t.spec.name,
    range,
    headers: t.spec.columns.map((c) => c.header),
    calculatedColumns: calculatedColumns(t.spec.name, t.spec.columns),
  };
  return { parts, table };
}

function probeValues(probes: readonly Probe[], values: readonly CellValue[][][], t: ExistingTable, kind: Probe["kind"]) {
  const i = probes.findIndex((p) => p.table === t && p.kind === kind);
  return i < 0 ? undefined : { probe: probes[i] as Probe, values: values[i] };
}

function existingTableParts(ctx: Context, t: ExistingTable, probes: readonly Probe[], values: readonly CellValue[][][]) {
  const parts: TableParts[] = [];
  const change: { name: string; addHeaders: string[]; bottom?: number; calculatedColumns?: Record<string, string> } = {
    name: t.summary.name,
    addHeaders: [],
  };
  const placement = ctx.placements.get(nameKey(t.spec.name)) as TablePlacement;
  const sheet = t.summary.sheet;
  const body = t.summary.range.bottom - t.summary.range.top;
  const ext = probeValues(probes, values, t, "extension");
  if (ext) {
    const strip = ext.probe.request.range;
    const letters = `${columnLetter(strip.left)}:${columnLetter(strip.right)}`;
    if (allEmpty(ext.values) && !overlapsOtherTable(ctx, t, strip)) {
      const columns = t.spec.columns.filter((c) => t.missingHeaders.includes(c.header));
      parts.push(
        tableParts({
          spec: t.spec, placement, columns, writeHeaders: true, setColumnFormats: true, bodyRows: body, rows: [],
          ruleBottom: t.summary.range.bottom, withConditionalFormats: false, listSource: listSource(ctx, t.spec.name, sheet),
        }),
      );
      change.addHeaders = t.missingHeaders;
      change.calculatedColumns = calculatedColumns(t.summary.name, columns);
      ctx.notes.push({ code: "columns-added", severity: "info", sheet, params: { table: t.summary.name, headers: t.missingHeaders.join(", "), columns: letters } });
    } else {
      ctx.notes.push({ code: "columns-blocked", severity: "warning", sheet, params: { table: t.summary.name, headers: t.missingHeaders.join(", "), columns: letters } });
    }
  }
  const pre = probeValues(probes, values, t, "prefill");
  const bodyEmpty = allEmpty(pre?.values?.slice(0, body));
  if (pre && bodyEmpty) {
    const rows = prefillRows(t.spec, ctx.plan);
    if (allEmpty(pre.values) && !overlapsOtherTable(ctx, t, pre.probe.request.range)) {
      const widened = change.addHeaders.length > 0;
      const present = t.spec.columns.filter((c) => widened || !t.missingHeaders.includes(c.header));
      parts.push(
        tableParts({
          spec: t.spec, placement, columns: present, writeHeaders: false, setColumnFormats: false, bodyRows: rows.length, rows,
          ruleBottom: t.summary.range.top + rows.length, withConditionalFormats: false, listSource: () => undefined,
        }),
      );
      change.bottom = Math.max(t.summary.range.bottom, t.summary.range.top + rows.length);
      ctx.notes.push({ code: "rows-prefilled", severity: "info", sheet, params: { table: t.summary.name, count: rows.length } });
    } else {
      ctx.notes.push({ code: "prefill-skipped", severity: "warning", sheet, params: { table: t.summary.name } });
    }
  }
  const changed = change.addHeaders.length > 0 || change.bottom !== undefined;
  return { parts, change: changed ? change : undefined };
}

function mergeParts(list: readonly TableParts[]): TableParts {
  return {
    cells: list.flatMap((p) => p.cells),
    columns: list.flatMap((p) => p.columns),
    rowHeights: list.flatMap((p) => p.rowHeights),
    validations: list.flatMap((p) => p.validations),
    conditionalFormats: list.flatMap((p) => p.conditionalFormats),
  };
}

function sheetGrids(ctx: Context, s: SheetLayout, probes: readonly Probe[], values: readonly CellValue[][][]): Grid[] {
  for (const t of s.foreignTables) {
    ctx.notes.push({ code: "table-not-ours", severity: "warning", sheet: t.sheet, params: { table: t.name, suggestion: `${t.name}_cu` } });
  }
  if (s.foreign) {
    ctx.notes.push({ code: "sheet-not-ours", severity: "warning", sheet: s.home, params: { suggestion: `${s.spec.name} (cũ)` } });
    return [];
  }
  if (s.home !== s.spec.name) {
    ctx.notes.push({ code: "table-elsewhere", severity: "info", sheet: s.home, params: { expected: s.spec.name } });
  }
  const grids: Grid[] = [];
  const bySheet = new Map<string, { parts: TableParts[]; tables: GridTable[]; changes: GridTableChange[] }>();
  const slot = (sheet: string) => {
    let v = bySheet.get(sheet);
    if (!v) bySheet.set(sheet, (v = { parts: [], tables: [], changes: [] }));
    return v;
  };
  if (s.createSheet) ctx.notes.push({ code: "sheet-created", severity: "info", sheet: s.home, params: {} });
  for (const t of s.existing) {
    const r = existingTableParts(ctx, t, probes, values);
    slot(t.summary.sheet).parts.push(...r.parts);
    if (r.change) slot(t.summary.sheet).changes.push(r.change);
  }
  for (const t of s.created) {
    const r = newTableParts(ctx, t);
    slot(t.sheet).parts.push(r.parts);
    slot(t.sheet).tables.push(r.table);
  }
  for (const [sheet, v] of bySheet) {
    const merged = mergeParts(v.parts);
    if (merged.cells.length === 0 && v.tables.length === 0 && v.changes.length === 0) continue;
    const isNew = s.createSheet && sheet === s.home;
    grids.push({
      sheet,
      createSheet: isNew,
      cells: merged.cells,
      columns: merged.columns,
      rowHeights: merged.rowHeights,
      tables: v.tables,
      tableChanges: v.changes,
      validations: merged.validations,
      conditionalFormats: merged.conditionalFormats,
      ...(isNew ? { freeze: { rows: 1, cols: 0 }, tabColor: s.spec.tabColor, print: TRACKING_PRINT } : {}),
    });
  }
  return grids;
}

/**
 * Step two: what to write so that the workbook has every sheet, table and column of the
 * templates, given its summary and the values read for `templateRequests`. Never plans a
 * write over a non-empty cell, and plans nothing when the workbook is already up to date.
 */
export function planTemplates(
  summary: WorkbookSummary,
  probeValues: readonly CellValue[][][],
  plan: PlanDefinition,
  rowsOverride: RowsOverride = new Map(),
): TemplatePlan {
  const layout = templateLayout(summary, sheetSpecsFor(plan.trackers));
  const probes = templateProbes(layout, (spec: TableSpec) => prefillRows(spec, plan).length);
  const ctx: Context = { summary, plan, rowsOverride, placements: placementsOf(layout), notes: [] };
  const grids = layout.flatMap((s) => sheetGrids(ctx, s, probes, probeValues));
  return { grids, notes: ctx.notes };
}
