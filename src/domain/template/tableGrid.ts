import {
  columnLetter,
  sheetRef,
  type ConditionalFormat,
  type DataValidation,
  type GridCell,
  type GridColumn,
  type GridRowHeight,
} from "../grid";
import { columnStyle, columnValidation, HEADER_STYLE } from "../sheets/nativeRules";
import { INFO_DATE_KEYS, type PrefillRow } from "../sheets/prefill";
import type { ColumnSpec, TableSpec } from "../sheets/types";
import { nameKey } from "../text";

/** Where a table is (or will be) once the templates are applied: enough to point formulas at it. */
export interface TablePlacement {
  name: string;
  sheet: string;
  top: number;
  left: number;
  headers: readonly string[];
}

export interface TableParts {
  cells: GridCell[];
  columns: GridColumn[];
  rowHeights: GridRowHeight[];
  validations: DataValidation[];
  conditionalFormats: ConditionalFormat[];
}

/** Rows the native rules and formats reach below a new table's header, so rows typed later get them too. */
export const RULE_ROWS = 1000;
/** How far down a list source looks for values. */
const LIST_ROWS = 5000;

function columnIndexOf(p: TablePlacement): (header: string) => number | undefined {
  const keys = p.headers.map(nameKey);
  return (header) => {
    const i = keys.indexOf(nameKey(header));
    return i < 0 ? undefined : p.left + i;
  };
}

/** The dropdown source for a column of another table: its body, as long as it has values. */
export function listSourceFormula(p: TablePlacement, header: string): string | undefined {
  const col = columnIndexOf(p)(header);
  if (col === undefined) return undefined;
  const L = columnLetter(col);
  const first = p.top + 2;
  const s = sheetRef(p.sheet);
  return `OFFSET(${s}$${L}$${first},0,0,MAX(1,COUNTA(${s}$${L}$${first}:$${L}$${first + LIST_ROWS - 1})),1)`;
}

/** `tblX[[#This Row],[Header]]`, escaping the characters Excel reserves in column specifiers. */
function thisRowRef(table: string, header: string): string {
  return `${table}[[#This Row],[${header.replace(/(['#[\]])/g, "'$1")}]]`;
}

/** The formula of each formula column among `columns`, as Excel fills it into new rows. */
export function calculatedColumns(tableName: string, columns: readonly ColumnSpec[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of columns) if (c.formula) out[c.header] = c.formula((h) => thisRowRef(tableName, h));
  return out;
}

function rowAddress(colOf: (h: string) => number | undefined, row: number): (h: string) => string {
  return (h) => {
    const col = colOf(h);
    if (col === undefined) throw new Error(`formula refers to a column the table lacks: ${h}`);
    return `$${columnLetter(col)}${row + 1}`;
  };
}

export interface PartsRequest {
  spec: TableSpec;
  placement: TablePlacement;
  /** The columns to write: all for a new table, the added ones for a widened table. */
  columns: readonly ColumnSpec[];
  writeHeaders: boolean;
  /** Set widths and formats of whole columns (only where the columns are ours). */
  setColumnFormats: boolean;
  bodyRows: number;
  rows: readonly PrefillRow[];
  /** Last row that native rules and formats reach. */
  ruleBottom: number;
  withConditionalFormats: boolean;
  listSource: (table: string, header: string) => string | undefined;
}

const LINE_POINTS = 15;

/** Lines a text takes in a wrapped column of this width: about one character per width unit, less a margin. */
export function wrappedLines(text: string, width: number): number {
  const perLine = Math.max(1, Math.floor(width) - 1);
  return text.split("\n").reduce((n, para) => n + Math.max(1, Math.ceil(para.length / perLine)), 0);
}

/**
 * Heights for rows whose wrapped text needs more than one line: Excel and LibreOffice do not
 * fit rows to wrapped text when a file opens, so long tasks would print over each other.
 */
function wrappedRowHeights(columns: readonly ColumnSpec[], colOf: (h: string) => number | undefined, cells: readonly GridCell[]): GridRowHeight[] {
  const widthByCol = new Map<number, number>();
  for (const c of columns) {
    const col = colOf(c.header);
    if (col !== undefined) widthByCol.set(col, c.width);
  }
  const lines = new Map<number, number>();
  for (const cell of cells) {
    const width = widthByCol.get(cell.col);
    if (width === undefined || typeof cell.value !== "string" || !cell.style?.wrap) continue;
    lines.set(cell.row, Math.max(lines.get(cell.row) ?? 1, wrappedLines(cell.value, width)));
  }
  return [...lines].filter(([, n]) => n > 1).map(([row, n]) => ({ row, height: n * LINE_POINTS }));
}

/** Header, body cells, widths, native validation and conditional formats for columns of one table. */
export function tableParts(req: PartsRequest): TableParts {
  const { spec, placement: p } = req;
  const colOf = columnIndexOf(p);
  const parts: TableParts = { cells: [], columns: [], rowHeights: [], validations: [], conditionalFormats: [] };
  const firstRow = p.top + 1;
  for (const c of req.columns) {
    const col = colOf(c.header);
    if (col === undefined) continue;
    if (req.setColumnFormats) parts.columns.push({ col, width: c.width, style: columnStyle(c.kind) });
    if (req.writeHeaders) parts.cells.push({ row: p.top, col, value: c.header, style: HEADER_STYLE });
    for (let i = 0; i < req.bodyRows; i++) {
      const row = firstRow + i;
      const data = req.rows[i];
      const isInfoDate = c.header === "Giá trị" && spec.prefill === "info" && INFO_DATE_KEYS.has(String(data?.["Mục"]));
      const style = isInfoDate ? { ...columnStyle("date"), hAlign: "left" as const } : columnStyle(c.kind);
      if (c.formula) {
        parts.cells.push({ row, col, formula: c.formula((h) => thisRowRef(p.name, h)), style });
      } else {
        parts.cells.push({ row, col, value: data?.[c.header] ?? null, style });
      }
    }
    const range = { top: firstRow, bottom: req.ruleBottom, left: col, right: col };
    const source = c.list?.kind === "table" ? req.listSource(c.list.table, c.list.header) : undefined;
    const dv = columnValidation(c, range, source);
    if (dv) parts.validations.push(dv);
  }
  if (req.setColumnFormats) parts.rowHeights = wrappedRowHeights(req.columns, colOf, parts.cells);
  if (req.withConditionalFormats) {
    const right = p.left + p.headers.length - 1;
    for (const cf of spec.conditionalFormats ?? []) {
      const target = cf.column === undefined ? undefined : colOf(cf.column);
      parts.conditionalFormats.push({
        range: { top: firstRow, bottom: req.ruleBottom, left: target ?? p.left, right: target ?? right },
        formula: cf.formula(rowAddress(colOf, firstRow)),
        style: cf.color ? { fill: cf.fill, color: cf.color } : { fill: cf.fill },
      });
    }
  }
  return parts;
}
