import { driftIssues } from "../close/closing";
import { camKetTable, dongGopTable, keHoachTable, khenThuongTable, nhiemVuTable, SHEET_SPECS, sheetSpecsFor, TABLE, thonTable } from "../sheets/specs";
import { TRACKERS } from "../plan/kinds";
import { milestoneSections, planTrackers } from "../plan/workbookPlan";
import type { TableSpec } from "../sheets/types";
import { cellAddress } from "../grid";
import { nameKey } from "../text";
import { findTable } from "../tables";
import type { TableData } from "../workbook";
import { listResolver } from "./catalogs";
import { checkColumn } from "./columns";
import { ledgerRules } from "./ledgerRules";
import { catalogDuplicates, nominationRules, planRowRules, pledgeRules, taskRules, villagesWithoutPledge } from "./tableRules";
import type { Issue } from "./types";
import { compareText, IssueSink, TableView, viewFor } from "./view";

/** Every table the templates define, in workbook order. */
export const VALIDATED_TABLES: readonly { sheet: string; spec: TableSpec }[] = SHEET_SPECS.flatMap((s) => s.tables.map((spec) => ({ sheet: s.name, spec })));

const CATALOG_TABLES: ReadonlySet<string> = new Set([TABLE.thon, TABLE.donVi, TABLE.nhomDongGop, TABLE.hinhThucKhenThuong]);


function structure(tables: ReadonlyMap<string, TableData>, sink: IssueSink): Map<string, TableView> {
  const views = new Map<string, TableView>();
  // A table is missing only if the workbook's plan uses it (and the plan's own table only once a plan is kept).
  const trackers = planTrackers(tables);
  const expected = new Set(sheetSpecsFor(trackers ?? TRACKERS).flatMap((s) => s.tables.map((t) => t.name)));
  if (!trackers) expected.delete(TABLE.keHoach);
  for (const { sheet, spec } of VALIDATED_TABLES) {
    const data = findTable(tables, spec.name);
    if (!data) {
      if (!expected.has(spec.name)) continue;
      sink.atTable(sheet, spec.name, 0, 0, "table-missing", { table: spec.name, expectedSheet: sheet });
      continue;
    }
    const view = new TableView(data, spec);
    spec.columns.forEach((c) => {
      if (!view.has(c.header)) sink.atTable(data.sheet, data.name, data.range.top, data.range.right + 1, "column-missing", { header: c.header, table: data.name });
    });
    // Two headers that read the same ("Số tiền" and "số tiền "): the first is read, the other named once.
    const seen = new Map<string, number>();
    data.headers.forEach((h, i) => {
      const key = nameKey(h);
      const first = seen.get(key);
      if (first === undefined) return void seen.set(key, i);
      const known = spec.columns.find((c) => nameKey(c.header) === key);
      if (known) sink.atTable(data.sheet, data.name, data.range.top, data.range.left + i, "column-duplicate", { header: known.header, table: data.name, first: cellAddress(data.range.top, data.range.left + first) });
    });
    views.set(spec.name, view);
  }
  return views;
}

function readColumns(views: ReadonlyMap<string, TableView>, names: (n: string) => boolean, sink: IssueSink): void {
  const lists = listResolver(views);
  for (const [name, view] of views) {
    if (!names(name)) continue;
    for (const c of view.spec.columns) view.parsed.set(c.header, checkColumn({ view, sink, list: lists(view.spec, c.header) }, c));
  }
}

const sheetOrder = new Map(VALIDATED_TABLES.map((t, i) => [t.spec.name, i] as const));

/** Stable order: sheet (workbook order of our tables), then row, then column, then rule. */
function compareIssues(a: Issue, b: Issue): number {
  return (sheetOrder.get(a.table) ?? 99) - (sheetOrder.get(b.table) ?? 99) || a.row - b.row || a.col - b.col || compareText(a.rule, b.rule);
}

/** Our tables found and every cell read (values in the views, reading problems in the sink). */
export function readOurTables(tables: ReadonlyMap<string, TableData>): { views: Map<string, TableView>; sink: IssueSink } {
  const sink = new IssueSink();
  const views = structure(tables, sink);
  // Catalogues first: the other tables' lists are what the catalogues hold.
  readColumns(views, (n) => CATALOG_TABLES.has(n) || n === TABLE.thongTin, sink);
  readColumns(views, (n) => !CATALOG_TABLES.has(n) && n !== TABLE.thongTin, sink);
  return { views, sink };
}

/** Dates that were read but cannot be right on `today`: in the future where only the past can be, or far off. */
function dateRules(v: TableView, sink: IssueSink, today: string): void {
  const lastYear = Number(today.slice(0, 4)) + 10;
  for (const c of v.spec.columns) {
    if (c.kind !== "date" || c.formula) continue;
    for (let i = 0; i < v.rowCount; i++) {
      const date = v.text(i, c.header);
      if (date === undefined) continue;
      const year = Number(date.slice(0, 4));
      if (c.pastOnly && date > today) sink.at(v, i, c.header, "date-in-future", { date, today });
      else if (year < 2000 || year > lastYear) sink.at(v, i, c.header, "date-implausible", { date });
    }
  }
}

/**
 * Every problem in our tables, as issues pointing at cells. `today` (ISO date) is passed in:
 * the core never reads the clock. Never throws on any table content.
 */
export function validateWorkbook(tables: ReadonlyMap<string, TableData>, today: string): Issue[] {
  return validateTables(tables, today).issues;
}

/** `validateWorkbook`, with the tables as read (each cell's value once read), for a job that takes the values it checked. */
export function validateTables(tables: ReadonlyMap<string, TableData>, today: string): { issues: Issue[]; views: Map<string, TableView> } {
  const { views, sink } = readOurTables(tables);
  for (const v of views.values()) dateRules(v, sink, today);
  const view = (n: string) => views.get(n);
  for (const n of [TABLE.thon, TABLE.donVi] as const) {
    const v = view(n);
    if (v) catalogDuplicates(v, n === TABLE.thon ? "Thôn" : "Đơn vị", sink);
  }
  const thon = viewFor(views, thonTable);
  if (thon) villagesWithoutPledge(thon, viewFor(views, camKetTable), sink);
  const kh = viewFor(views, keHoachTable);
  if (kh) planRowRules(kh, sink);
  const nv = viewFor(views, nhiemVuTable);
  if (nv) taskRules(nv, sink, milestoneSections(tables));
  const ck = viewFor(views, camKetTable);
  if (ck) pledgeRules(ck, sink);
  const dg = viewFor(views, dongGopTable);
  if (dg) ledgerRules(dg, sink);
  const kt = viewFor(views, khenThuongTable);
  if (kt) nominationRules(kt, sink, today);
  // An unassigned common milestone is told as such, not as a missing unit.
  const unassigned = new Set(sink.issues.filter((i) => i.rule === "milestone-unassigned").map((i) => `${i.table}|${i.cell}`));
  const issues = sink.issues.filter((i) => !(i.rule === "required" && unassigned.has(`${i.table}|${i.cell}`)));
  // Rows of a closed period changed since it was closed: each named with its value then and now.
  issues.push(...driftIssues(tables, views));
  return { issues: issues.sort(compareIssues), views };
}
