// The report's figures by the core, side by side with HyperFormula evaluating the Tổng hợp
// formulas over the same data. HyperFormula has no Excel tables, so each table becomes a sheet
// and each structured reference the equivalent absolute range.
import { HyperFormula } from "hyperformula";
import { columnLetter } from "../src/domain/grid";
import { chauSonPlan } from "../src/domain/sample/chauSonPlan";
import { figuresForPeriod } from "../src/domain/report/figures";
import { parsePeriod } from "../src/domain/period";
import { summaryGrid } from "../src/domain/report/summaryGrid";
import type { TableData } from "../src/domain/workbook";

type Sheet = (string | number | boolean | null)[][];

function tableSheet(t: TableData): Sheet {
  const scalar = (v: unknown) => (v === null || typeof v === "string" || typeof v === "number" || typeof v === "boolean" ? v : null);
  return [t.headers, ...t.rows.map((r) => r.map(scalar))];
}

/** `tblX[Col]` → `tblX!$C$2:$C$100001`, with each table on its own sheet at A1. */
function toRanges(formula: string, tables: ReadonlyMap<string, TableData>): string {
  return formula.replace(/(tbl\w+)\[([^\]]+)\]/g, (whole, name: string, col: string) => {
    const t = tables.get(name);
    const c = t?.headers.indexOf(col) ?? -1;
    if (!t || c < 0) return whole;
    const L = columnLetter(c);
    return `${name}!$${L}$2:$${L}$${t.rows.length + 1}`;
  });
}

/**
 * HyperFormula has no LOOKUP: `LOOKUP(2,1/((A=x)*(B=y)),R)` (the last row matching) becomes
 * `SUMIFS(R,A,x,B,y)`, the same value when no two rows match, as in the benchmark's data.
 */
function withoutLookup(formula: string): string {
  return formula.replace(/LOOKUP\(2,1\/\(\(([^=()]+)=([^()]+)\)\*\(([^=()]+)=([^()]+)\)\),([^()]+)\)/g, "SUMIFS($5,$1,$2,$3,$4)");
}

function summarySheet(tables: ReadonlyMap<string, TableData>): { sheet: Sheet; formulas: number } {
  const grid = summaryGrid(chauSonPlan);
  const sheet: Sheet = [];
  let formulas = 0;
  for (const c of grid.cells) {
    const row = (sheet[c.row] ??= []);
    while (row.length < c.col) row.push(null);
    if (c.formula !== undefined) {
      row[c.col] = `=${toRanges(withoutLookup(c.formula), tables)}`;
      formulas++;
    } else row[c.col] = c.value ?? null;
  }
  for (let r = 0; r < sheet.length; r++) sheet[r] ??= [];
  return { sheet, formulas };
}

export function reportBench(tables: ReadonlyMap<string, TableData>): void {
  const period = parsePeriod("2021");
  const rows = [...tables.values()].reduce((n, t) => n + t.rows.length, 0);
  figuresForPeriod(tables, period);
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    figuresForPeriod(tables, period);
    times.push(performance.now() - t0);
  }
  const core = times.sort((a, b) => a - b)[1]!;
  const sheets: Record<string, Sheet> = {};
  for (const t of tables.values()) sheets[t.name] = tableSheet(t);
  const { sheet, formulas } = summarySheet(tables);
  sheets["TongHop"] = sheet;
  const t0 = performance.now();
  const hf = HyperFormula.buildFromSheets(sheets, { licenseKey: "gpl-v3", maxRows: 200_000, useArrayArithmetic: true });
  const hfMs = performance.now() - t0;
  const id = hf.getSheetId("TongHop")!;
  const values = hf.getSheetValues(id);
  const errors = values.flat().filter((v) => v !== null && typeof v === "object").length;
  const figures = figuresForPeriod(tables, period);
  const closing = values.find((r) => r[0] === "Tồn quỹ cuối kỳ")?.[1];
  console.log("report figures: 100,000 ledger rows + 10,000 rows in each other table");
  console.log(`  rows                      ${rows.toLocaleString("en")}`);
  console.log(`  core figuresForPeriod     ${core.toFixed(0)} ms (median of 3)`);
  console.log(`  HyperFormula, Tổng hợp    ${hfMs.toFixed(0)} ms (${formulas} formulas, build and evaluate; ${errors} cells in error)`);
  console.log(`  ratio HyperFormula / core ${(hfMs / core).toFixed(1)}x (target: at least 10x)`);
  console.log(`  same closing cash         ${closing === figures.donations.closingCash ? "yes" : "NO"} (${String(closing)} đồng)`);
  hf.destroy();
}
