import { serialToIso, isoToSerial } from "../dates";
import type { CellScalar } from "../grid";
import { findTable } from "../tables";
import type { Grid } from "../grid";
import type { TableData } from "../workbook";
import { appendRecords, recordRows, scalarOf, type RecordTable } from "./records";

export { scalarOf } from "./records";

// The returns a workbook has received (`Phiếu đã nhận`): written by the merge, read by the
// report and the pane to say who has sent and who has not. Small on purpose: the report needs it.

export type ReturnKind = "unit" | "village";

/** How a form's kind is written in the workbook (`Loại phiếu`). */
export const KIND_WORDS = { unit: "Đơn vị", village: "Thôn" } as const;

/** The kind a `Loại phiếu` cell names; undefined for anything else. */
export function kindOf(v: CellScalar): ReturnKind | undefined {
  return v === KIND_WORDS.unit ? "unit" : v === KIND_WORDS.village ? "village" : undefined;
}

/** Returns received, one row per unit or village and period: completeness and timeliness are read from it. */
export const RECEIPT_SHEET = "Phiếu đã nhận";
export const RECEIPT_TABLE = "tblPhieuDaNhan";
export const RECEIPT_HEADERS = ["Phiếu của", "Loại phiếu", "Từ ngày", "Đến ngày", "Hạn gửi lại", "Ngày nhận", "Tệp"] as const;
const RECEIPTS: RecordTable = { sheet: RECEIPT_SHEET, table: RECEIPT_TABLE, headers: RECEIPT_HEADERS, widths: [34, 11, 12, 12, 12, 12, 40], dates: ["Từ ngày", "Đến ngày", "Hạn gửi lại", "Ngày nhận"] };

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

/** An ISO date from a cell that holds a date serial or ISO text; "" otherwise. */
export function isoOf(v: CellScalar): string {
  const d = typeof v === "number" ? serialToIso(v) : typeof v === "string" ? v.trim() : undefined;
  return d ?? "";
}

/** The returns a workbook has received (`Phiếu đã nhận`), as read. */
export function receiptsOf(tables: ReadonlyMap<string, TableData>): Receipt[] {
  return recordRows(findTable(tables, RECEIPT_TABLE), RECEIPT_HEADERS)
    .filter((r) => r["Phiếu của"] !== null && String(r["Phiếu của"]).trim() !== "")
    .map((r) => ({
      who: String(scalarOf(r["Phiếu của"]) ?? ""),
      kind: kindOf(r["Loại phiếu"] ?? null) ?? "unit",
      from: isoOf(r["Từ ngày"] ?? null),
      to: isoOf(r["Đến ngày"] ?? null),
      due: isoOf(r["Hạn gửi lại"] ?? null),
      received: isoOf(r["Ngày nhận"] ?? null),
      file: String(r["Tệp"] ?? ""),
    }));
}

/** The receipts appended to `Phiếu đã nhận` (made on first use), dates as dates. */
export function receiptGrid(t: TableData | undefined, receipts: readonly Receipt[]): Grid {
  return appendRecords(
    t,
    RECEIPTS,
    receipts.map((r) => [r.who, KIND_WORDS[r.kind], isoToSerial(r.from), isoToSerial(r.to), isoToSerial(r.due), isoToSerial(r.received), r.file]),
  );
}
