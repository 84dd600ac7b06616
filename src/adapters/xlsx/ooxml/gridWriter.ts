import { cellAddress, isEmptyValue, rangeAddress, sameValue, sheetRef, type CellStyle, type CellValue, type DataValidation, type Grid, type GridCell, type GridColumn, type RangeBox } from "../../../domain/grid";
import { nameKey } from "../../../domain/text";
import { boxesIntersect } from "../../../domain/template/layout";
import type { OoxmlBook, OpenSheet } from "./book";
import { cellXml, DAYS_1904, restyledCellXml, valueOfSpan, type CellContext } from "./cellXml";
import { widenDimension } from "./sheetBody";
import { rawCell } from "./sheetXml";
import type { StyleSheet } from "./styles";
import { changedTableXml, newTableXml } from "./tableXml";
import { chartPartXml, drawingPartXml } from "./chartXml";

/** What a grid would change that already holds something: the cells, for the refusal message. */
export function conflictsOf(sheet: OpenSheet, grid: Grid, ctx: CellContext): string[] {
  const out: string[] = [];
  for (const c of grid.cells) {
    if (c.formula === undefined && (c.value === undefined || c.value === null)) continue;
    const span = sheet.body.cell(c.row, c.col);
    const current = span ? valueOfSpan(span, ctx, sheet.body.prefix) : null;
    if (isEmptyValue(current)) continue;
    const wanted: CellValue = c.formula !== undefined ? { formula: c.formula } : (c.value ?? null);
    if (!sameValue(current, wanted)) out.push(cellAddress(c.row, c.col));
  }
  return out;
}

/** Serial in the workbook's own date system for a cell of style `s`. */
export function storedNumber(book: OoxmlBook, styles: StyleSheet): (n: number, s: number) => number {
  return (n, s) => (book.date1904 && styles.isDate(s) ? n - DAYS_1904 : n);
}

function writeCells(book: OoxmlBook, sheet: OpenSheet, cells: readonly GridCell[], columns: readonly GridColumn[], styles: StyleSheet, ctx: CellContext): boolean {
  const frame = sheet.frame();
  const toStored = storedNumber(book, styles);
  // A cell the grid writes in a formatted column carries the column's format with its own over it,
  // on a user's sheet too (where the column itself is left alone).
  const byColumn = new Map(columns.filter((c) => c.style).map((c) => [c.col, c.style as CellStyle] as const));
  let formulas = false;
  // A style object shared by many cells (a paper's covered cells) is composed once per base style.
  const memo = new Map<number, WeakMap<CellStyle, number>>();
  const composeOnce = (base: number, style: CellStyle, shared: boolean): number => {
    if (!shared) return styles.compose(base, style);
    const byStyle = memo.get(base) ?? new WeakMap<CellStyle, number>();
    memo.set(base, byStyle);
    const known = byStyle.get(style);
    if (known !== undefined) return known;
    const s = styles.compose(base, style);
    byStyle.set(style, s);
    return s;
  };
  // The columns' own styles, read once per column (the frame does not change while cells are written).
  const columnStyles = new Map<number, number | undefined>();
  const columnStyle = (col: number) => {
    if (!columnStyles.has(col)) columnStyles.set(col, frame.columnStyle(col));
    return columnStyles.get(col);
  };
  for (const c of cells) {
    const old = sheet.body.cell(c.row, c.col);
    const raw = old ? rawCell(old, sheet.body.prefix) : undefined;
    const base = raw?.s ?? sheet.body.rowStyle(c.row) ?? columnStyle(c.col) ?? 0;
    const column = byColumn.get(c.col);
    const style = column ? { ...column, ...c.style } : c.style;
    const s = style ? composeOnce(base, style, column === undefined) : base;
    const hasInput = c.formula !== undefined || (c.value !== undefined && c.value !== null);
    const current = old ? valueOfSpan(old, ctx, sheet.body.prefix) : null;
    const wanted: CellValue = c.formula !== undefined ? { formula: c.formula } : (c.value ?? null);
    if (!hasInput || (!isEmptyValue(current) && sameValue(current, wanted))) {
      // Nothing to write but a format: the value (if any) stays as it is, byte for byte.
      if (old && raw?.s !== s) sheet.body.edit(c.row, c.col, restyledCellXml(old, s, sheet.body.prefix));
      else if (!old && s !== 0) sheet.body.edit(c.row, c.col, cellXml({ row: c.row, col: c.col, s }, sheet.body.prefix, undefined, toStored));
      continue;
    }
    if (c.formula !== undefined) formulas = true;
    const write = { row: c.row, col: c.col, s, ...(c.formula !== undefined ? { formula: c.formula, ...(c.result !== undefined ? { result: c.result } : {}) } : { value: c.value ?? null }) };
    // Build the XML now so that a value Excel cannot hold is refused before anything is written.
    const xml = cellXml(write, sheet.body.prefix, raw, toStored);
    sheet.body.edit(c.row, c.col, xml);
  }
  return formulas;
}

function writeValidations(book: OoxmlBook, sheet: OpenSheet, validations: readonly DataValidation[]): void {
  const frame = sheet.frame();
  const existing = frame.validationRanges();
  const shift = book.date1904 ? DAYS_1904 : 0;
  for (const v of validations) {
    // Two rules on one cell make Excel repair the file: a range that has a rule keeps it.
    if (existing.some((b) => boxesIntersect(b, v.range))) continue;
    const attrs: Record<string, string> = {};
    const r = v.rule;
    attrs.type = r.kind;
    if (r.kind === "whole") attrs.operator = r.max === undefined ? "greaterThanOrEqual" : "between";
    if (r.kind === "date") attrs.operator = "between";
    Object.assign(attrs, { errorStyle: "warning", allowBlank: "1", showInputMessage: "1", showErrorMessage: "1", errorTitle: v.errorTitle, error: v.error, promptTitle: v.promptTitle, prompt: v.prompt });
    if (r.kind === "list") frame.addValidation(attrs, v.range, r.source);
    else if (r.kind === "whole") frame.addValidation(attrs, v.range, String(r.min), r.max === undefined ? undefined : String(r.max));
    else frame.addValidation(attrs, v.range, String(r.min - shift), String(r.max - shift));
    existing.push(v.range);
  }
}

async function writeTables(book: OoxmlBook, sheet: OpenSheet, grid: Grid): Promise<void> {
  const frame = sheet.frame();
  for (const t of grid.tables ?? []) {
    const { relId } = await book.addTablePart(sheet.info, (id) => newTableXml({ id, ...t }, book.flavour.main));
    frame.addTablePart(relId);
  }
  if ((grid.tableChanges ?? []).length === 0) return;
  const tables = await book.tables();
  for (const ch of grid.tableChanges ?? []) {
    const t = tables.find((x) => nameKey(x.name) === nameKey(ch.name));
    if (!t) throw new Error(`Table "${ch.name}" does not exist`);
    const xml = await book.pkg.text(t.part);
    if (xml === undefined) throw new Error(`Table part ${t.part} is missing`);
    book.pkg.setText(t.part, changedTableXml(xml, t.part, ch.addHeaders, ch.bottom, ch.calculatedColumns));
  }
  book.invalidate();
}

function writePrint(book: OoxmlBook, sheet: OpenSheet, grid: Grid): void {
  const p = grid.print;
  if (!p) return;
  const inch = (cm: number) => Math.round((cm / 2.54) * 1000) / 1000;
  sheet.frame().setPageSetup(p.orientation, { top: inch(p.marginsCm.top), bottom: inch(p.marginsCm.bottom), left: inch(p.marginsCm.left), right: inch(p.marginsCm.right) }, p.fitToWidth);
  const ref = sheetRef(sheet.info.name);
  const abs = (b: RangeBox) => `${ref}${cellAddress(b.top, b.left, true)}:${cellAddress(b.bottom, b.right, true)}`;
  if (p.printArea) book.workbook.setDefinedName("_xlnm.Print_Area", sheet.info.index, abs(p.printArea));
  if (p.pageNumbers) sheet.frame().setPageNumbersFromSecond();
  if (p.rowBreaks && p.rowBreaks.length > 0) sheet.frame().setRowBreaks(p.rowBreaks);
  if (p.titleRows) book.workbook.setDefinedName("_xlnm.Print_Titles", sheet.info.index, `${ref}$${p.titleRows.from + 1}:$${p.titleRows.to + 1}`);
}

/**
 * The grid's charts, on a sheet this job created (a user's sheet keeps its drawing as it is), in a
 * transitional workbook (a strict one would need the strict chart namespaces): each chart part
 * with the labels and figures of its cells cached, one drawing part.
 */
async function writeCharts(book: OoxmlBook, sheet: OpenSheet, grid: Grid, newSheet: boolean): Promise<void> {
  const charts = grid.charts ?? [];
  if (charts.length === 0 || !newSheet || book.flavour.strict) return;
  // Only the cells the charts read, by column then row (a paper holds hundreds of thousands of cells).
  const wanted = new Map<number, Map<number, GridCell["value"]>>();
  for (const c of charts) for (const box of [c.categories, c.values]) wanted.set(box.left, wanted.get(box.left) ?? new Map<number, GridCell["value"]>());
  for (const c of grid.cells) wanted.get(c.col)?.set(c.row, c.value);
  const column = (box: RangeBox) => Array.from({ length: box.bottom - box.top + 1 }, (_, i) => wanted.get(box.left)?.get(box.top + i));
  const parts = charts.map((c) => chartPartXml(sheet.info.name, c, column(c.categories).map((v) => String(v ?? "")), column(c.values).map((v) => (typeof v === "number" ? v : 0))));
  const relId = await book.addCharts(sheet.info, parts, (relIds) => drawingPartXml(charts.map((chart, i) => ({ chart, relId: relIds[i] as string }))));
  sheet.frame().setDrawing(relId);
}

/**
 * Draws one grid onto an open sheet: column formats, cells, row heights, merges, tables, rules,
 * view and print setup. Everything the grid does not name stays as it was.
 */
export async function writeGrid(book: OoxmlBook, sheet: OpenSheet, grid: Grid, styles: StyleSheet, ctx: CellContext, newSheet = false): Promise<void> {
  const frame = sheet.frame();
  // A whole column's format only on a sheet this job created, as inside Excel (where formatting a
  // column reaches every cell already in it): a user's columns keep theirs.
  frame.setColumns(
    (grid.columns ?? []).map((c) => ({
      col: c.col,
      ...(c.width !== undefined ? { width: c.width } : {}),
      ...(c.style && newSheet ? { style: styles.compose(frame.columnStyle(c.col) ?? 0, c.style) } : {}),
    })),
  );
  const formulas = writeCells(book, sheet, grid.cells, grid.columns ?? [], styles, ctx);
  if (formulas) book.workbook.requestFullCalculation();
  for (const h of grid.rowHeights ?? []) sheet.body.setHeight(h.row, h.height);
  frame.addMerges(grid.merges ?? []);
  await writeTables(book, sheet, grid);
  writeValidations(book, sheet, grid.validations ?? []);
  const formats = grid.conditionalFormats ?? [];
  let priority = formats.length > 0 ? frame.maxPriority() : 0;
  for (const cf of formats) frame.addConditionalFormat(cf.range, cf.formula, styles.dxf(cf.style.fill, cf.style.color, cf.style.border), ++priority);
  if (grid.freeze) frame.freezeRows(grid.freeze.rows, grid.freeze.cols);
  if (grid.tabColor) frame.setTabColor(grid.tabColor);
  writePrint(book, sheet, grid);
  await writeCharts(book, sheet, grid, newSheet);
  // Protection only on a sheet this job made: a user's sheet is never locked by us.
  if (grid.protect && newSheet) frame.protect();
}

/** Saves a sheet after writing: dimension widened to what was written, rows and frame joined. */
export function saveWritten(book: OoxmlBook, sheet: OpenSheet): void {
  const box = sheet.body.editedBox();
  const { head, tail } = sheet.frame().isTouched ? sheet.frame().serialize() : sheet.text;
  book.saveSheet(sheet, widenDimension(head, box), tail);
}

/** Tables a new table would overlap on the same sheet (Excel cannot hold two tables on one cell). */
export function overlappingTables(existing: readonly { name: string; sheet: string; ref: RangeBox }[], sheet: string, range: RangeBox): string[] {
  return existing.filter((t) => nameKey(t.sheet) === nameKey(sheet) && boxesIntersect(t.ref, range)).map((t) => `${t.name} (${rangeAddress(t.ref)})`);
}

