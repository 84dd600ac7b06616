import type ExcelJS from "exceljs";
import { plainValue } from "../helpers/exceljsValues";
import { cellAddress, rangeAddress } from "../../src/domain/grid";
import type { FakeWorkbookState } from "../fakes/excel/state";
import type { XlsxWorkbook } from "../../src/adapters/xlsx/xlsxWorkbook";
import { readWithExcelJs } from "../helpers/exceljsRead";

/** What both adapters must agree on: sheets, every cell's input, tables, rules, merges, frozen rows. */
export interface WorkbookModel {
  sheets: {
    name: string;
    cells: Record<string, string | number | boolean>;
    tables: { name: string; ref: string; headers: string[] }[];
    validations: string[];
    conditionalFormats: string[];
    merges: string[];
    frozenRows: number;
  }[];
}

/** The model of what the xlsx adapter holds, read back from its file by ExcelJS. */
export async function modelOfXlsx(port: XlsxWorkbook): Promise<WorkbookModel> {
  return modelOfExcelJs(await readWithExcelJs(await port.toBuffer()));
}

export function modelOfExcelJs(book: ExcelJS.Workbook): WorkbookModel {
  return {
    sheets: book.worksheets.map((ws) => {
      const cells: Record<string, string | number | boolean> = {};
      ws.eachRow({ includeEmpty: false }, (row) =>
        row.eachCell({ includeEmpty: false }, (cell) => {
          if (cell.isMerged && cell.master.address !== cell.address) return;
          const v = plainValue(cell.value);
          if (v === null || v === "") return;
          cells[cell.address] = typeof v === "object" ? ("formula" in v ? `=${v.formula}` : v.error) : v;
        }),
      );
      const tables = (ws.getTables() as unknown as { table: { name: string; tableRef: string; columns: { name: string }[] } }[]).map((t) => ({
        name: t.table.name,
        ref: t.table.tableRef,
        headers: t.table.columns.map((c) => c.name),
      }));
      const dv = Object.keys((ws as unknown as { dataValidations: { model: Record<string, unknown> } }).dataValidations.model).sort();
      const cfs = (ws as unknown as { conditionalFormattings: { ref: string; rules: { formulae?: string[] }[] }[] }).conditionalFormattings
        .map((cf) => `${cf.ref}|${cf.rules[0]?.formulae?.[0] ?? ""}`)
        .sort();
      const merges = ((ws.model as unknown as { merges?: string[] }).merges ?? []).slice().sort();
      const view = (ws.views as unknown[] | null)?.[0] as { state?: string; ySplit?: number } | undefined;
      return { name: ws.name, cells, tables, validations: dv, conditionalFormats: cfs, merges, frozenRows: view?.state === "frozen" ? (view.ySplit ?? 0) : 0 };
    }),
  };
}

export function modelOfFake(state: FakeWorkbookState): WorkbookModel {
  return {
    sheets: state.sheets.map((s) => {
      const cells: Record<string, string | number | boolean> = {};
      for (const [key, c] of s.cells) {
        const [r, col] = key.split(":").map(Number) as [number, number];
        if (c.formula) cells[cellAddress(r, col)] = c.formula;
        else if (c.value !== "") cells[cellAddress(r, col)] = c.value;
      }
      return {
        name: s.name,
        cells,
        tables: state.tables.filter((t) => t.sheet === s).map((t) => ({ name: t.name, ref: rangeAddress(t.box), headers: t.headers })),
        validations: s.validations.map((v) => v.address).sort(),
        conditionalFormats: s.conditionalFormats.map((cf) => `${cf.address}|${cf.formula.replace(/^=/, "")}`).sort(),
        merges: [...s.merges].sort(),
        frozenRows: s.frozenRows,
      };
    }),
  };
}
