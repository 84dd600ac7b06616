import { serialToIso } from "../dates";
import { isEmptyValue, type CellScalar, type CellValue } from "../grid";
import { findTable } from "../rules/validate";
import type { TableData } from "../workbook";

// The returns a workbook has received (`Phiếu đã nhận`): written by the merge, read by the
// report and the pane to say who has sent and who has not. Small on purpose: the report needs it.

export type ReturnKind = "unit" | "village";

/** How a form's kind is written in the workbook (`Loại phiếu`). */
export const KIND_WORDS = { unit: "Đơn vị", village: "Thôn" } as const;

/** A cell's scalar: a formula's cached result, nothing for an error. */
export function scalarOf(v: CellValue | undefined): CellScalar {
  if (v === undefined || v === null) return null;
  if (typeof v === "object") return "formula" in v ? (v.result !== undefined && typeof v.result !== "object" ? v.result : null) : null;
  return v;
}

/** Returns received, one row per unit or village and period: completeness and timeliness are read from it. */
export const RECEIPT_SHEET = "Phiếu đã nhận";
export const RECEIPT_TABLE = "tblPhieuDaNhan";
export const RECEIPT_HEADERS = ["Phiếu của", "Loại phiếu", "Từ ngày", "Đến ngày", "Hạn gửi lại", "Ngày nhận", "Tệp"] as const;

/** A return received: whose, for which period, when due, when merged. */
export interface Receipt {
  who: string;
  kind: ReturnKind;
  from: string;
  to: string;
  due: string;
  received: string;
  file: string;
}



/** The returns a workbook has received (`Phiếu đã nhận`), as read. */
export function receiptsOf(tables: ReadonlyMap<string, TableData>): Receipt[] {
  const t = findTable(tables, RECEIPT_TABLE);
  if (!t) return [];
  const c = (h: string) => t.headers.indexOf(h);
  const iso = (v: CellValue | undefined) => {
    const d = typeof v === "number" ? serialToIso(v) : typeof v === "string" ? v.trim() : undefined;
    return d ?? "";
  };
  return t.rows
    .filter((r) => !isEmptyValue(r[c("Phiếu của")] ?? null))
    .map((r) => ({
      who: String(scalarOf(r[c("Phiếu của")]) ?? ""),
      kind: scalarOf(r[c("Loại phiếu")]) === KIND_WORDS.village ? "village" : "unit",
      from: iso(r[c("Từ ngày")]),
      to: iso(r[c("Đến ngày")]),
      due: iso(r[c("Hạn gửi lại")]),
      received: iso(r[c("Ngày nhận")]),
      file: String(scalarOf(r[c("Tệp")]) ?? ""),
    }));
}

