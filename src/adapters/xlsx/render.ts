import type ExcelJS from "exceljs";
import {
  cellAddress,
  rangeAddress,
  type CellStyle,
  type ConditionalFormat,
  type DataValidation,
  type Grid,
  type GridTable,
  type GridTableChange,
} from "../../domain/grid";

const argb = (rgb: string) => `FF${rgb.toUpperCase()}`;

/** ExcelJS style pieces for a grid style (only what the style sets). */
export function excelStyle(s: CellStyle): Partial<ExcelJS.Style> {
  const out: Partial<ExcelJS.Style> = {};
  const font: Partial<ExcelJS.Font> = {};
  if (s.bold) font.bold = true;
  if (s.italic) font.italic = true;
  if (s.size) font.size = s.size;
  if (s.font) font.name = s.font;
  if (s.color) font.color = { argb: argb(s.color) };
  if (Object.keys(font).length > 0) out.font = font;
  if (s.fill) out.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(s.fill) } };
  if (s.hAlign || s.vAlign || s.wrap) {
    const al: Partial<ExcelJS.Alignment> = {};
    if (s.hAlign) al.horizontal = s.hAlign;
    if (s.vAlign) al.vertical = s.vAlign;
    if (s.wrap) al.wrapText = true;
    out.alignment = al;
  }
  if (s.numFmt) out.numFmt = s.numFmt;
  if (s.border === "thin") {
    const b: Partial<ExcelJS.Border> = { style: "thin" };
    out.border = { top: b, left: b, bottom: b, right: b };
  }
  return out;
}

function writeCells(ws: ExcelJS.Worksheet, grid: Grid): void {
  for (const c of grid.cells) {
    const cell = ws.getCell(c.row + 1, c.col + 1);
    if (c.formula !== undefined) cell.value = { formula: c.formula, date1904: false };
    // Text is written as a string value: ExcelJS stores it as text, never as a formula.
    else if (c.value !== undefined) cell.value = c.value;
    if (c.style) Object.assign(cell, excelStyle(c.style));
  }
}

function addTable(ws: ExcelJS.Worksheet, t: GridTable): void {
  const rows: ExcelJS.CellValue[][] = [];
  for (let r = t.range.top + 1; r <= t.range.bottom; r++) {
    const row: ExcelJS.CellValue[] = [];
    for (let c = t.range.left; c <= t.range.right; c++) row.push(ws.getCell(r + 1, c + 1).value);
    rows.push(row);
  }
  ws.addTable({
    name: t.name,
    displayName: t.name,
    ref: cellAddress(t.range.top, t.range.left),
    headerRow: true,
    totalsRow: false,
    style: { theme: "TableStyleMedium2", showRowStripes: true },
    columns: t.headers.map((name) => ({ name, filterButton: true, calculatedColumnFormula: t.calculatedColumns?.[name] })),
    rows,
  });
}

interface TableModelInternal {
  tableRef: string;
  autoFilterRef?: string;
  columns: { name: string; filterButton?: boolean; totalsRowFunction?: string; calculatedColumnFormula?: string }[];
  totalsRow?: boolean;
}

function changeTable(ws: ExcelJS.Worksheet, ch: GridTableChange, box: { top: number; left: number; bottom: number; right: number }): void {
  const table = (ws.getTable(ch.name) as unknown as { table: TableModelInternal }).table;
  for (const name of ch.addHeaders) {
    table.columns.push({ name, filterButton: true, totalsRowFunction: "none", calculatedColumnFormula: ch.calculatedColumns?.[name] });
  }
  const bottom = Math.max(box.bottom, ch.bottom ?? box.bottom);
  const right = box.right + ch.addHeaders.length;
  table.tableRef = rangeAddress({ top: box.top, left: box.left, bottom, right });
  table.autoFilterRef = table.tableRef;
}

function addValidation(ws: ExcelJS.Worksheet, v: DataValidation): void {
  const base = {
    allowBlank: true,
    showInputMessage: true,
    showErrorMessage: true,
    errorStyle: "warning",
    promptTitle: v.promptTitle,
    prompt: v.prompt,
    errorTitle: v.errorTitle,
    error: v.error,
  };
  const r = v.rule;
  const rule: ExcelJS.DataValidation =
    r.kind === "list"
      ? { ...base, type: "list", formulae: [r.source] }
      : r.kind === "whole"
        ? r.max === undefined
          ? { ...base, type: "whole", operator: "greaterThanOrEqual", formulae: [r.min] }
          : { ...base, type: "whole", operator: "between", formulae: [r.min, r.max] }
        : { ...base, type: "date", operator: "between", formulae: [r.min, r.max] };
  (ws as unknown as { dataValidations: { add(a: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(rangeAddress(v.range), rule);
}

function addConditionalFormat(ws: ExcelJS.Worksheet, cf: ConditionalFormat, priority: number): void {
  const style: Partial<ExcelJS.Style> = {
    fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(cf.style.fill) } },
  };
  if (cf.style.color) style.font = { color: { argb: argb(cf.style.color) } };
  ws.addConditionalFormatting({
    ref: rangeAddress(cf.range),
    rules: [{ type: "expression", priority, formulae: [cf.formula], style }],
  });
}

function applyPrint(ws: ExcelJS.Worksheet, grid: Grid): void {
  const p = grid.print;
  if (!p) return;
  const inch = (cm: number) => Math.round((cm / 2.54) * 1000) / 1000;
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9,
    orientation: p.orientation,
    fitToPage: p.fitToWidth,
    fitToWidth: 1,
    fitToHeight: 0,
    margins: { top: inch(p.marginsCm.top), bottom: inch(p.marginsCm.bottom), left: inch(p.marginsCm.left), right: inch(p.marginsCm.right), header: 0.3, footer: 0.3 },
    ...(p.printArea ? { printArea: rangeAddress(p.printArea) } : {}),
    ...(p.titleRows ? { printTitlesRow: `${p.titleRows.from + 1}:${p.titleRows.to + 1}` } : {}),
  };
}

/** Draws one grid onto a worksheet: values first, then tables over them, then formats and rules. */
export function renderGrid(ws: ExcelJS.Worksheet, grid: Grid, tableBoxes: Map<string, { top: number; left: number; bottom: number; right: number }>): void {
  for (const c of grid.columns ?? []) {
    const col = ws.getColumn(c.col + 1);
    if (c.width) col.width = c.width;
    if (c.style) col.style = excelStyle(c.style);
  }
  writeCells(ws, grid);
  for (const h of grid.rowHeights ?? []) ws.getRow(h.row + 1).height = h.height;
  for (const m of grid.merges ?? []) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  for (const t of grid.tables ?? []) addTable(ws, t);
  for (const ch of grid.tableChanges ?? []) {
    const box = tableBoxes.get(ch.name);
    if (box) changeTable(ws, ch, box);
  }
  for (const v of grid.validations ?? []) addValidation(ws, v);
  const basePriority = (ws as unknown as { conditionalFormattings: unknown[] }).conditionalFormattings.length + 1;
  (grid.conditionalFormats ?? []).forEach((cf, i) => addConditionalFormat(ws, cf, basePriority + i));
  if (grid.freeze) ws.views = [{ state: "frozen", xSplit: grid.freeze.cols, ySplit: grid.freeze.rows }];
  if (grid.tabColor) ws.properties.tabColor = { argb: argb(grid.tabColor) };
  applyPrint(ws, grid);
}
