import type ExcelJS from "exceljs";
import type { CellScalar, CellValue } from "../../src/domain/grid";

const EXCEL_EPOCH_UTC = Date.UTC(1899, 11, 30);

function scalarOf(v: unknown): CellScalar | { error: string } {
  if (v === null || v === undefined) return null;
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  if (v instanceof Date) return (v.getTime() - EXCEL_EPOCH_UTC) / 86_400_000;
  if (typeof v === "object" && "error" in v) return { error: String(v.error) };
  return null;
}

/** A plain value for an ExcelJS cell value (tests read files with ExcelJS as an independent reader). */
export function plainValue(v: ExcelJS.CellValue): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v !== "object" || v instanceof Date) return scalarOf(v);
  if ("richText" in v) return v.richText.map((r) => r.text).join("");
  if ("formula" in v || "sharedFormula" in v) {
    const f = String(("formula" in v ? v.formula : undefined) ?? (v as { sharedFormula?: string }).sharedFormula ?? "");
    const result = scalarOf((v as { result?: unknown }).result);
    return result === null ? { formula: f } : { formula: f, result };
  }
  if ("hyperlink" in v) {
    const text = (v as { text?: unknown }).text;
    return typeof text === "string" ? text : plainValue(text as ExcelJS.CellValue);
  }
  if ("error" in v) return { error: String(v.error) };
  return null;
}
