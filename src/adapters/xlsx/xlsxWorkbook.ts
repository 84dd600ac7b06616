import ExcelJS from "exceljs";
import { cellAddress, isEmptyValue, parseRangeAddress, type CellValue, type Grid, type RangeBox } from "../../domain/grid";
import type { SheetMarks } from "../../domain/rules/marks";
import { CancelledError, GridConflictError, type CellUpdate, type RangeRequest, type ReadOptions, type SheetSummary, type TableData, type TableSummary, type WorkbookPort, type WorkbookSummary } from "../../domain/workbook";
import { nameKey } from "../../domain/text";
import { plainValue, sameValue } from "./cellValues";
import { compactValidations, repairTables } from "./normalize";
import { patchExcelJs } from "./exceljsPatches";
import { addSheetMarks, clearSheetMarks } from "./marks";
import { renderGrid } from "./render";

patchExcelJs();

export { GridConflictError };

interface TableModelInternal {
  name: string;
  tableRef?: string;
  ref?: string;
  totalsRow?: boolean;
  columns: { name: string }[];
}

function tableModel(t: ExcelJS.Table): TableModelInternal {
  return (t as unknown as { table: TableModelInternal }).table;
}

function tableBox(t: TableModelInternal): RangeBox | undefined {
  const box = parseRangeAddress(t.tableRef ?? t.ref ?? "");
  if (!box) return undefined;
  return t.totalsRow ? { ...box, bottom: box.bottom - 1 } : box;
}

/** The port over an ExcelJS workbook in memory: the command line, the tests and the browser preview use it. */
export class XlsxWorkbook implements WorkbookPort {
  constructor(readonly book: ExcelJS.Workbook) {}

  static async fromBuffer(data: ArrayBuffer | Uint8Array): Promise<XlsxWorkbook> {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(data as ArrayBuffer);
    for (const ws of book.worksheets) {
      compactValidations(ws);
      repairTables(ws);
    }
    return new XlsxWorkbook(book);
  }

  static empty(): XlsxWorkbook {
    const book = new ExcelJS.Workbook();
    book.creator = "Sổ theo dõi phong trào";
    return new XlsxWorkbook(book);
  }

  async toBuffer(): Promise<Uint8Array> {
    for (const ws of this.book.worksheets) compactValidations(ws);
    // Formulas are written without cached results: make Excel compute them all on opening.
    this.book.calcProperties = { ...this.book.calcProperties, fullCalcOnLoad: true };
    const out = await this.book.xlsx.writeBuffer();
    return new Uint8Array(out);
  }

  private sheet(name: string): ExcelJS.Worksheet | undefined {
    const key = nameKey(name);
    return this.book.worksheets.find((w) => nameKey(w.name) === key);
  }

  private tables(): TableSummary[] {
    const out: TableSummary[] = [];
    for (const ws of this.book.worksheets) {
      for (const t of ws.getTables() as unknown as ExcelJS.Table[]) {
        const m = tableModel(t);
        const range = tableBox(m);
        if (range) out.push({ name: m.name, sheet: ws.name, range, headers: m.columns.map((c) => c.name) });
      }
    }
    return out;
  }

  summarize(): Promise<WorkbookSummary> {
    const tables = this.tables();
    const sheets: SheetSummary[] = this.book.worksheets.map((ws) => ({
      name: ws.name,
      usedRange: usedRange(ws),
      tables: tables.filter((t) => t.sheet === ws.name),
    }));
    return Promise.resolve({ sheets });
  }

  readRanges(requests: readonly RangeRequest[]): Promise<CellValue[][][]> {
    return Promise.resolve(requests.map((r) => readBox(this.sheet(r.sheet), r.range)));
  }

  readTables(names: readonly string[], options?: ReadOptions): Promise<Map<string, TableData>> {
    if (options?.signal?.aborted) return Promise.reject(new CancelledError());
    const wanted = new Set(names.map(nameKey));
    const out = new Map<string, TableData>();
    for (const t of this.tables()) {
      if (!wanted.has(nameKey(t.name))) continue;
      const body = { ...t.range, top: t.range.top + 1 };
      const rows = body.bottom >= body.top ? readBox(this.sheet(t.sheet), body) : [];
      out.set(t.name, { ...t, rows });
    }
    const rows = [...out.values()].reduce((n, t) => n + t.rows.length, 0);
    options?.onProgress?.(rows, rows);
    return Promise.resolve(out);
  }

  /** Checks every grid first, so a refused batch leaves the workbook untouched. */
  applyGrids(grids: readonly Grid[]): Promise<void> {
    // A throw inside the executor rejects the promise: nothing is written after a refusal.
    return new Promise((resolve) => {
      for (const g of grids) this.checkGrid(g);
      for (const g of grids) {
        const ws = this.sheet(g.sheet) ?? this.book.addWorksheet(g.sheet);
        const boxes = new Map(this.tables().map((t) => [t.name, t.range] as const));
        renderGrid(ws, g, boxes);
      }
      resolve();
    });
  }

  updateCells(updates: readonly CellUpdate[]): Promise<{ applied: number; skipped: CellUpdate[] }> {
    const skipped: CellUpdate[] = [];
    let applied = 0;
    for (const u of updates) {
      const cell = this.sheet(u.sheet)?.getCell(u.row + 1, u.col + 1);
      if (!cell || !sameValue(plainValue(cell.value), u.expected)) {
        skipped.push(u);
        continue;
      }
      cell.value = u.value;
      if (u.numFmt && (!cell.numFmt || cell.numFmt === "General" || cell.numFmt === "@")) cell.numFmt = u.numFmt;
      applied++;
    }
    return Promise.resolve({ applied, skipped });
  }

  markIssues(marks: readonly SheetMarks[]): Promise<void> {
    for (const ws of this.book.worksheets) {
      clearSheetMarks(ws);
      addSheetMarks(ws, marks.filter((m) => nameKey(m.sheet) === nameKey(ws.name)));
    }
    return Promise.resolve();
  }

  /** The last cell shown with `select`: a file has no cursor, the preview pane shows this one. */
  selected: { sheet: string; cell: string } | undefined;

  select(sheet: string, cell: string): Promise<void> {
    this.selected = { sheet, cell };
    return Promise.resolve();
  }

  clearMarks(): Promise<void> {
    for (const ws of this.book.worksheets) clearSheetMarks(ws);
    return Promise.resolve();
  }

  /** Refuses a grid that would write over user data or reuse a table name. */
  private checkGrid(g: Grid): void {
    const ws = this.sheet(g.sheet);
    if (!ws && !g.createSheet) throw new Error(`Sheet "${g.sheet}" does not exist`);
    const names = new Set(this.tables().map((t) => nameKey(t.name)));
    for (const t of g.tables ?? []) if (names.has(nameKey(t.name))) throw new Error(`Table "${t.name}" already exists`);
    if (!ws) return;
    const conflicts: string[] = [];
    for (const c of g.cells) {
      const current = plainValue(ws.getCell(c.row + 1, c.col + 1).value);
      if (isEmptyValue(current)) continue;
      const wanted: CellValue = c.formula !== undefined ? { formula: c.formula } : (c.value ?? null);
      if (!sameValue(current, wanted)) conflicts.push(cellAddress(c.row, c.col));
    }
    if (conflicts.length > 0) throw new GridConflictError(g.sheet, conflicts);
  }
}

function usedRange(ws: ExcelJS.Worksheet): RangeBox | null {
  let box: RangeBox | null = null;
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (isEmptyValue(plainValue(cell.value))) return;
      if (!box) box = { top: r - 1, bottom: r - 1, left: c - 1, right: c - 1 };
      else {
        box.top = Math.min(box.top, r - 1);
        box.bottom = Math.max(box.bottom, r - 1);
        box.left = Math.min(box.left, c - 1);
        box.right = Math.max(box.right, c - 1);
      }
    });
  });
  return box;
}

function readBox(ws: ExcelJS.Worksheet | undefined, box: RangeBox): CellValue[][] {
  const rows: CellValue[][] = [];
  for (let r = box.top; r <= box.bottom; r++) {
    const row: CellValue[] = [];
    const xr = ws?.findRow(r + 1);
    for (let c = box.left; c <= box.right; c++) {
      const cell = xr?.getCell(c + 1);
      // Excel keeps a merged range's value in its top-left cell; the others are empty.
      row.push(cell && !(cell.isMerged && cell.master.address !== cell.address) ? plainValue(cell.value) : null);
    }
    rows.push(row);
  }
  return rows;
}
