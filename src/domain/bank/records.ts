import { isoToSerial } from "../dates";
import type { Grid } from "../grid";
import { appendRecords, recordRows, type RecordTable } from "../collect/records";
import { isoOf } from "../collect/receipts";
import { findTable } from "../tables";
import { formatCount as n, formatDate } from "../format";
import type { TableData } from "../workbook";
import { parseMapping, type StatementMapping } from "./statement";

// The workbook's own record of the statements it was reconciled with: which account, which file,
// which days, the columns read (remembered for the next statement of the account), what was left
// unmatched. The papers read it to say whether the bank figures were reconciled.

/** The reconciliation's working paper (DOMAIN: `bank` adds or refreshes it). */
export const RECONCILIATION_SHEET = "Đối chiếu sao kê";
export const STATEMENTS_SHEET = "Sao kê đã đối chiếu";
export const STATEMENTS_TABLE = "tblSaoKe";
export const STATEMENT_HEADERS = ["Ngày đối chiếu", "Tài khoản", "Tệp sao kê", "Từ ngày", "Đến ngày", "Các cột", "Dòng khớp", "Chưa có trong sổ", "Có trong sổ, không có trong sao kê", "Trang", "Dấu trang"] as const;
const SPEC: RecordTable = { sheet: STATEMENTS_SHEET, table: STATEMENTS_TABLE, headers: STATEMENT_HEADERS, widths: [14, 18, 36, 12, 12, 48, 12, 16, 22, 22, 20], dates: ["Ngày đối chiếu", "Từ ngày", "Đến ngày"] };

/** One reconciliation of one statement, as recorded. */
export interface StatementRecord {
  at: string;
  account: string;
  file: string;
  from: string;
  to: string;
  mapping: string;
  matched: number;
  statementOnly: number;
  ledgerOnly: number;
  /** The sheet the reconciliation was written to, and its mark (`gridMark`) as written: it is refreshed only while the mark holds. */
  sheet: string;
  mark: string;
}

export function statementRecords(tables: ReadonlyMap<string, TableData>): StatementRecord[] {
  const num = (v: unknown) => (typeof v === "number" ? v : 0);
  return recordRows(findTable(tables, STATEMENTS_TABLE), STATEMENT_HEADERS).map((r) => ({
    at: isoOf(r["Ngày đối chiếu"] ?? null),
    account: String(r["Tài khoản"] ?? "").trim(),
    file: String(r["Tệp sao kê"] ?? ""),
    from: isoOf(r["Từ ngày"] ?? null),
    to: isoOf(r["Đến ngày"] ?? null),
    mapping: String(r["Các cột"] ?? ""),
    matched: num(r["Dòng khớp"]),
    statementOnly: num(r["Chưa có trong sổ"]),
    ledgerOnly: num(r["Có trong sổ, không có trong sao kê"]),
    sheet: String(r["Trang"] ?? ""),
    mark: String(r["Dấu trang"] ?? ""),
  }));
}

/** The columns last read from a statement of `account`, as the record keeps them. */
export function rememberedMapping(records: readonly StatementRecord[], account: string | undefined): StatementMapping | undefined {
  if (!account) return undefined;
  const last = records.filter((r) => r.account === account && r.mapping !== "").at(-1);
  return last ? parseMapping(last.mapping) : undefined;
}

/** The grid that records reconciliations. */
export function recordGrid(tables: ReadonlyMap<string, TableData>, records: readonly StatementRecord[]): Grid {
  return appendRecords(
    findTable(tables, STATEMENTS_TABLE),
    SPEC,
    records.map((r) => [isoToSerial(r.at), r.account || null, r.file, r.from ? isoToSerial(r.from) : null, r.to ? isoToSerial(r.to) : null, r.mapping, r.matched, r.statementOnly, r.ledgerOnly, r.sheet || null, r.mark || null]),
  );
}


/**
 * Whether a paper's transfers were reconciled with the bank's statement (the record above): with
 * which statement, up to which day, and what stayed unmatched; nothing when the period moved no
 * money through the bank. The report and the disclosure list say the same sentence.
 */
export function bankSentence(period: { from: string; to: string }, bank: { received: number; spent: number }, statements: readonly StatementRecord[], where: "danh sách" | "kỳ"): string | undefined {
  if (bank.received === 0 && bank.spent === 0) return undefined;
  const covering = statements.filter((s) => s.from <= period.to && s.to >= period.from).sort((a, b) => (a.to < b.to ? -1 : a.to > b.to ? 1 : 0)).at(-1);
  const what = `Các khoản chuyển khoản ${where === "danh sách" ? "trong danh sách" : "trong kỳ"}`;
  if (!covering) return `${what} chưa được đối chiếu với sao kê của ngân hàng.`;
  const open = covering.statementOnly + covering.ledgerOnly;
  return `${what} đã được đối chiếu với sao kê của ngân hàng${covering.account ? ` (tài khoản ${covering.account})` : ""}, tệp ${covering.file}, đến ngày ${formatDate(covering.to)}${covering.to < period.to ? ` (chưa đến hết kỳ, ngày ${formatDate(period.to)})` : ""}: ${open === 0 ? "khớp toàn bộ" : `còn ${n(covering.statementOnly)} khoản trên sao kê chưa có trong sổ và ${n(covering.ledgerOnly)} khoản trong sổ không có trên sao kê, đang được rà soát`}.`;
}
