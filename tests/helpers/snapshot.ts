import ExcelJS from "exceljs";
import { plainValue } from "./exceljsValues";

export interface CellSnapshot {
  value: unknown;
  numFmt: string | undefined;
  bold: boolean | undefined;
  fill: unknown;
  note: unknown;
}

export interface BookSnapshot {
  sheets: string[];
  cells: Map<string, CellSnapshot>;
  merges: Map<string, string[]>;
  validations: Map<string, string>;
  conditionalFormats: Map<string, string>;
  tables: Map<string, unknown>;
}

/** Every cell that holds anything (value, format, note), with what Excel would show of it. */
export async function snapshot(file: string): Promise<BookSnapshot> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const snap: BookSnapshot = { sheets: [], cells: new Map(), merges: new Map(), validations: new Map(), conditionalFormats: new Map(), tables: new Map() };
  for (const ws of book.worksheets) {
    snap.sheets.push(ws.name);
    ws.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: true }, (cell) => {
        const c: CellSnapshot = { value: plainValue(cell.value), numFmt: cell.numFmt, bold: cell.font?.bold, fill: cell.fill, note: cell.note };
        // A cell with no value, format or note holds nothing: giving it one is an addition.
        const blank = c.value === null && !c.numFmt && !c.bold && !c.fill && !c.note;
        if (!blank) snap.cells.set(`${ws.name}!${cell.address}`, c);
      }),
    );
    snap.merges.set(ws.name, [...((ws as unknown as { _merges: Record<string, unknown> })._merges ? Object.keys((ws as unknown as { _merges: Record<string, unknown> })._merges) : [])].sort());
    const dv = (ws as unknown as { dataValidations: { model: Record<string, unknown> } }).dataValidations.model;
    for (const [addr, rule] of Object.entries(dv)) snap.validations.set(`${ws.name}!${addr}`, JSON.stringify(rule));
    const cfs = (ws as unknown as { conditionalFormattings: { ref: string; rules: unknown }[] }).conditionalFormattings;
    for (const cf of cfs) snap.conditionalFormats.set(`${ws.name}!${cf.ref}`, JSON.stringify(cf.rules));
    for (const t of ws.getTables() as unknown as { table: { name: string; tableRef: string; columns: { name: string }[] } }[]) {
      snap.tables.set(t.table.name, { sheet: ws.name, ref: t.table.tableRef, headers: t.table.columns.map((c) => c.name) });
    }
  }
  return snap;
}
