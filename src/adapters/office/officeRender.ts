import { PAPER_STYLE } from "../../domain/report/paperStyle";
import { cellAddress, columnLetter, columnRuns, rangeAddress, type CellStyle, type DataValidation, type Grid, type GridCell, type GridChart, type GridColumn, type PrintSetup, type RangeBox } from "../../domain/grid";
import { columnWidthPoints, POINTS_PER_CM, printScale } from "../../domain/print";
import { officeInput, PAYLOAD_BUDGET } from "./officeValues";
import { PAGE_LAYOUT, type Requirements } from "./requirements";


const hex = (rgb: string) => `#${rgb}`;


/** A conditional format's box: its four edges (conditional borders have no inside lines: each cell is boxed). */
const EDGES = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"] as const;

/** What one call adds to a request besides its arguments (object ids, method and property names). */
export const CALL_BYTES = 150;

/** Bytes of a value as the UTF-8 JSON a request carries (Vietnamese letters weigh 2-3 bytes). */
export function jsonBytes(v: unknown): number {
  const s = JSON.stringify(v ?? null);
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // A surrogate pair is one four-byte character: count two bytes for each half.
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdfff ? 2 : 3;
  }
  return n;
}

/**
 * Counts what a batch queues and syncs when a request would pass the budget: a write's syncs
 * grow with its bytes (only past 4 MB), never with its rows.
 */
export class WriteBudget {
  private queued = 0;
  constructor(private readonly ctx: Excel.RequestContext) {}

  async add(bytes: number): Promise<void> {
    this.queued += bytes;
    if (this.queued < PAYLOAD_BUDGET) return;
    this.queued = 0;
    await this.ctx.sync();
  }
}

/** Consecutive rows with the same height, as runs. */
function heightRuns(heights: readonly { row: number; height: number }[]): { from: number; to: number; height: number }[] {
  const sorted = [...heights].sort((a, b) => a.row - b.row);
  const runs: { from: number; to: number; height: number }[] = [];
  for (const h of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.height === h.height && last.to + 1 === h.row) last.to = h.row;
    else runs.push({ from: h.row, to: h.row, height: h.height });
  }
  return runs;
}

/**
 * Cells with the same style one under the other: one format request per box, not per cell. A
 * cell's style is its column's with its own over it, as a file composes a cell's format on its
 * column's (`<col style>`).
 */
function styleBoxes(cells: readonly GridCell[], columns: readonly GridColumn[] = []): { box: RangeBox; style: CellStyle }[] {
  const byColumn = new Map(columns.filter((c) => c.style).map((c) => [c.col, c.style as CellStyle] as const));
  const styled = cells.flatMap((c) => {
    const base = byColumn.get(c.col);
    const style = base ? { ...base, ...c.style } : c.style;
    return style ? [{ ...c, style }] : [];
  });
  return columnRuns(styled, (c) => JSON.stringify(c.style)).map((r) => ({ box: r.box, style: r.cells[0]?.style as CellStyle }));
}

function applyStyle(range: Excel.Range, s: CellStyle, rows: number): number {
  const f = range.format;
  if (s.bold !== undefined) f.font.bold = s.bold;
  if (s.italic !== undefined) f.font.italic = s.italic;
  if (s.size !== undefined) f.font.size = s.size;
  if (s.font !== undefined) f.font.name = s.font;
  if (s.color !== undefined) f.font.color = hex(s.color);
  if (s.fill !== undefined) f.fill.color = hex(s.fill);
  if (s.wrap !== undefined) f.wrapText = s.wrap;
  if (s.hAlign !== undefined) f.horizontalAlignment = s.hAlign === "left" ? "Left" : s.hAlign === "center" ? "Center" : s.hAlign === "right" ? "Right" : "Justify";
  if (s.locked !== undefined) f.protection.locked = s.locked;
  if (s.vAlign !== undefined) f.verticalAlignment = s.vAlign === "top" ? "Top" : s.vAlign === "middle" ? "Center" : "Bottom";
  let bytes = CALL_BYTES * (1 + Object.keys(s).length);
  if (s.numFmt !== undefined) {
    range.numberFormat = Array.from({ length: rows }, () => [s.numFmt]);
    bytes += rows * (jsonBytes(s.numFmt) + 3);
  }
  if (s.border === "thin") {
    for (const edge of ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideHorizontal"] as const) f.borders.getItem(edge).style = "Continuous";
  }
  if (s.border === "bottom") {
    f.borders.getItem("EdgeBottom").style = "Continuous";
    if (rows > 1) f.borders.getItem("InsideHorizontal").style = "Continuous";
  }
  return bytes;
}

function validationRule(v: DataValidation): Excel.DataValidationRule {
  const r = v.rule;
  if (r.kind === "list") return { list: { inCellDropDown: true, source: r.source.startsWith('"') ? r.source.slice(1, -1) : `=${r.source}` } };
  if (r.kind === "whole") {
    return r.max === undefined
      ? { wholeNumber: { operator: "GreaterThanOrEqualTo", formula1: r.min } }
      : { wholeNumber: { operator: "Between", formula1: r.min, formula2: r.max } };
  }
  return { date: { operator: "Between", formula1: `=${r.min}`, formula2: `=${r.max}` } };
}

function applyPrint(ws: Excel.Worksheet, grid: Grid, p: PrintSetup, requirements: Requirements): void {
  // Page layout is above the declared set: without it the sheet is still complete, only unprinted-ready.
  if (!requirements.isSetSupported(PAGE_LAYOUT.name, PAGE_LAYOUT.version)) return;
  const layout = ws.pageLayout;
  layout.orientation = p.orientation === "portrait" ? "Portrait" : "Landscape";
  layout.paperSize = "A4";
  layout.topMargin = p.marginsCm.top * POINTS_PER_CM;
  layout.bottomMargin = p.marginsCm.bottom * POINTS_PER_CM;
  layout.leftMargin = p.marginsCm.left * POINTS_PER_CM;
  layout.rightMargin = p.marginsCm.right * POINTS_PER_CM;
  if (p.fitToWidth) layout.zoom = { scale: printScale(grid, p) };
  if (p.printArea) layout.setPrintArea(rangeAddress(p.printArea));
  if (p.titleRows) layout.setPrintTitleRows(`$${p.titleRows.from + 1}:$${p.titleRows.to + 1}`);
  // Manual page breaks (ExcelApi 1.9, as page layout): a break before each page's first row.
  for (const r of p.rowBreaks ?? []) ws.horizontalPageBreaks.add(`A${r + 1}`);
  if (p.pageNumbers) {
    // The page number centred at the top from the second page: a first page of its own, left empty.
    const hf = layout.headersFooters;
    hf.state = "FirstAndDefault";
    hf.defaultForAllPages.centerHeader = '&"Times New Roman,Regular"&13&P';
    hf.firstPage.centerHeader = "";
    layout.firstPageNumber = 1;
  }
}

/** Queues a grid's values, row run by row run: the first step, before any table is laid over them. */
export async function queueValues(ws: Excel.Worksheet, grid: Grid, skip: ReadonlySet<string>, budget: WriteBudget): Promise<void> {
  for (const block of valueBlocks(grid.cells.filter((c) => !skip.has(`${c.row}:${c.col}`)))) {
    ws.getRange(rangeAddress(block.box)).formulas = block.rows;
    await budget.add(jsonBytes(block.rows) + 2 * CALL_BYTES);
  }
}

/** Bytes of one block of values: big enough to be few calls, small enough to share a request. */
const BLOCK_BYTES = 500_000;

/**
 * The cells to write as rectangles: consecutive rows spanning the same columns make one block,
 * with `null` (Excel leaves the cell as it is) where a row has no cell to write. A ledger of
 * 20,000 rows is a few dozen calls, not 20,000.
 */
function valueBlocks(cells: readonly GridCell[]): { box: RangeBox; rows: (string | number | boolean | null)[][] }[] {
  const byRow = new Map<number, GridCell[]>();
  for (const c of cells) {
    if (c.formula === undefined && c.value === undefined) continue;
    const list = byRow.get(c.row) ?? [];
    list.push(c);
    byRow.set(c.row, list);
  }
  const blocks: { box: RangeBox; rows: (string | number | boolean | null)[][]; bytes: number }[] = [];
  for (const r of [...byRow.keys()].sort((a, b) => a - b)) {
    const list = byRow.get(r) as GridCell[];
    const left = Math.min(...list.map((c) => c.col));
    const right = Math.max(...list.map((c) => c.col));
    const row: (string | number | boolean | null)[] = new Array<string | number | boolean | null>(right - left + 1).fill(null);
    for (const c of list) row[c.col - left] = officeInput(c.value, c.formula);
    const bytes = jsonBytes(row);
    const last = blocks[blocks.length - 1];
    if (last && last.box.bottom + 1 === r && last.box.left === left && last.box.right === right && last.bytes + bytes <= BLOCK_BYTES) {
      last.box.bottom = r;
      last.rows.push(row);
      last.bytes += bytes;
    } else blocks.push({ box: { top: r, bottom: r, left, right }, rows: [row], bytes });
  }
  return blocks.map(({ box, rows }) => ({ box, rows }));
}

/**
 * Queues the rest of a grid after its values, in Excel's preferred order: the new tables over the
 * values, then formats, validation, conditional formats and print setup. Nothing here syncs.
 */
export async function queueTablesAndFormats(ws: Excel.Worksheet, grid: Grid, requirements: Requirements, budget: WriteBudget, newSheet = false): Promise<void> {
  for (const t of grid.tables ?? []) {
    const table = ws.tables.add(rangeAddress(t.range), true);
    table.name = t.name;
    table.style = "TableStyleMedium2";
  }
  for (const c of grid.columns ?? []) {
    const column = ws.getRange(`${columnLetter(c.col)}:${columnLetter(c.col)}`);
    if (c.width) {
      column.format.columnWidth = columnWidthPoints(c.width);
      await budget.add(2 * CALL_BYTES);
    }
    // A whole column's format reaches every cell in it: only on a sheet this job created. On a
    // user's sheet the column's cells that the grid writes carry it (styleBoxes), and Excel
    // carries a table row's format into the rows added below it.
    if (c.style && newSheet) await budget.add(applyStyle(column, c.style, 1));
  }
  // Consecutive rows of one height are one range: a ledger of wrapped text is not one call a row.
  for (const run of heightRuns(grid.rowHeights ?? [])) {
    ws.getRange(`${run.from + 1}:${run.to + 1}`).format.rowHeight = run.height;
    await budget.add(2 * CALL_BYTES);
  }
  for (const { box, style } of styleBoxes(grid.cells, grid.columns)) await budget.add(applyStyle(ws.getRange(rangeAddress(box)), style, box.bottom - box.top + 1));
  for (const m of grid.merges ?? []) {
    ws.getRange(rangeAddress(m)).merge(false);
    await budget.add(2 * CALL_BYTES);
  }
  for (const v of grid.validations ?? []) {
    const dv = ws.getRange(rangeAddress(v.range)).dataValidation;
    dv.rule = validationRule(v);
    dv.errorAlert = { showAlert: true, style: "Warning", title: v.errorTitle, message: v.error };
    dv.prompt = { showPrompt: true, title: v.promptTitle, message: v.prompt };
    await budget.add(4 * CALL_BYTES + jsonBytes([v.rule, v.error, v.prompt, v.errorTitle, v.promptTitle]));
  }
  for (const cf of grid.conditionalFormats ?? []) {
    const f = ws.getRange(rangeAddress(cf.range)).conditionalFormats.add("Custom");
    f.custom.rule.formula = `=${cf.formula}`;
    if (cf.style.fill) f.custom.format.fill.color = hex(cf.style.fill);
    if (cf.style.color) f.custom.format.font.color = hex(cf.style.color);
    if (cf.style.border) for (const edge of EDGES) f.custom.format.borders.getItem(edge).style = "Continuous";
    await budget.add(6 * CALL_BYTES + jsonBytes(cf.formula));
  }
  if (grid.freeze) ws.freezePanes.freezeRows(grid.freeze.rows);
  if (grid.tabColor) ws.tabColor = hex(grid.tabColor);
  if (grid.print) applyPrint(ws, grid, grid.print, requirements);
  if (newSheet) for (const c of grid.charts ?? []) await budget.add(addChart(ws, c));
  // Protection only on a sheet this job made, after everything is written (a protected sheet refuses changes).
  if (grid.protect && newSheet) ws.protection.protect({ allowFormatColumns: true, allowFormatRows: true });
  // A record nobody needs to read or print: hidden (ExcelApi 1.1), only on a sheet this job made.
  if (grid.hidden && newSheet) ws.visibility = "Hidden";
}

/**
 * A native bar chart over the grid's cells (a sheet this job created): the series' name in the
 * row above its values, the categories in the column beside (the top-left cell left empty, so
 * Excel reads the row and column as labels), placed over its anchor's cells.
 */
function addChart(ws: Excel.Worksheet, c: GridChart): number {
  const source = ws.getRange(rangeAddress({ top: c.values.top - 1, bottom: c.values.bottom, left: c.categories.left, right: c.values.right }));
  const chart = ws.charts.add("BarClustered", source, "Columns");
  chart.title.text = c.title;
  chart.legend.visible = false;
  const axis = chart.axes.valueAxis;
  axis.minimum = 0;
  axis.maximum = c.max;
  axis.majorUnit = c.max / 5;
  axis.numberFormat = c.axisFormat;
  chart.format.font.name = PAPER_STYLE.font;
  chart.setPosition(cellAddress(c.anchor.top, c.anchor.left), cellAddress(c.anchor.bottom - 1, c.anchor.right - 1));
  return 10 * CALL_BYTES + jsonBytes(c.title);
}
