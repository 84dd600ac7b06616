import type { CellScalar, CellValue } from "../grid";

export type Severity = "error" | "warning";

/** A one-click fix: write `value` into the issue's cell, only if it still holds `expected`. */
export interface Fix {
  value: CellScalar;
  expected: CellValue;
  /** Format for a cell that has none (a date written as a serial). */
  numFmt?: string;
}

/** A problem found in the workbook. The message comes from src/i18n by `rule` and `params`. */
export interface Issue {
  rule: RuleId;
  severity: Severity;
  sheet: string;
  table: string;
  /** Row on `sheet`, 0-based as everywhere in the core (`grid.ts`); `cell` is the address a user reads. */
  row: number;
  /** Header of the column, or "" for a whole table. */
  column: string;
  /** A1 address on `sheet`. */
  cell: string;
  /** 0-based sheet column, for ordering. */
  col: number;
  params: Readonly<Record<string, string | number>>;
  fix?: Fix;
}

/** One key per issue (several issues may share a cell: the missing columns of a table). */
export function issueKey(i: Issue): string {
  return `${i.sheet}!${i.cell}|${i.table}|${i.rule}|${i.column || String(i.params.header ?? "")}`;
}

/** Every rule, as data: its id (also its message code), severity and the tables it reads. */
export const RULES = {
  "table-missing": { severity: "error", tables: ["*"] },
  "closed-changed": { severity: "warning", tables: ["tblDongGop", "tblCamKet"] },
  "closed-added": { severity: "warning", tables: ["tblDongGop", "tblCamKet"] },
  "closed-removed": { severity: "warning", tables: ["tblDongGop", "tblCamKet"] },
  "column-missing": { severity: "error", tables: ["*"] },
  "required": { severity: "error", tables: ["*"] },
  "cell-unreadable": { severity: "error", tables: ["*"] },
  "text-spacing": { severity: "warning", tables: ["*"] },
  "date-invalid": { severity: "error", tables: ["*"] },
  "date-month-first": { severity: "error", tables: ["*"] },
  "date-as-text": { severity: "warning", tables: ["*"] },
  "date-in-future": { severity: "error", tables: ["tblNhiemVu", "tblCamKet", "tblDongGop", "tblKhenThuong"] },
  "date-implausible": { severity: "warning", tables: ["*"] },
  "number-invalid": { severity: "error", tables: ["*"] },
  "number-as-text": { severity: "warning", tables: ["*"] },
  "number-not-whole": { severity: "error", tables: ["*"] },
  "number-negative": { severity: "error", tables: ["*"] },
  "amount-too-large": { severity: "error", tables: ["*"] },
  "list-value": { severity: "error", tables: ["*"] },
  "list-variant": { severity: "warning", tables: ["*"] },
  "column-duplicate": { severity: "warning", tables: ["*"] },
  "catalog-duplicate": { severity: "warning", tables: ["tblThon", "tblDonVi"] },
  "task-done-without-date": { severity: "error", tables: ["tblNhiemVu"] },
  "milestone-unassigned": { severity: "warning", tables: ["tblNhiemVu", "tblKeHoach"] },
  "task-date-without-done": { severity: "error", tables: ["tblNhiemVu"] },
  "signed-above-households": { severity: "error", tables: ["tblCamKet"] },
  "pledge-decreased": { severity: "warning", tables: ["tblCamKet"] },
  "village-without-pledge": { severity: "warning", tables: ["tblThon", "tblCamKet"] },
  "money-amount-missing": { severity: "warning", tables: ["tblDongGop"] },
  "money-amount-not-positive": { severity: "error", tables: ["tblDongGop"] },
  "money-row-has-goods": { severity: "error", tables: ["tblDongGop"] },
  "goods-missing": { severity: "warning", tables: ["tblDongGop"] },
  "goods-quantity-not-positive": { severity: "error", tables: ["tblDongGop"] },
  "goods-row-has-money": { severity: "error", tables: ["tblDongGop"] },
  "voucher-missing": { severity: "warning", tables: ["tblDongGop"] },
  "voucher-duplicate": { severity: "error", tables: ["tblDongGop"] },
  "cash-negative": { severity: "error", tables: ["tblDongGop"] },
  "cash-negative-uncertain": { severity: "warning", tables: ["tblDongGop"] },
  "individual-needs-gender": { severity: "error", tables: ["tblKhenThuong"] },
  "birth-year-range": { severity: "error", tables: ["tblKhenThuong"] },
  "collective-has-personal": { severity: "warning", tables: ["tblKhenThuong"] },
  "awarded-needs-decision": { severity: "error", tables: ["tblKhenThuong"] },
  "nomination-duplicate": { severity: "warning", tables: ["tblKhenThuong"] },
} as const satisfies Record<string, { severity: Severity; tables: readonly string[] }>;

export type RuleId = keyof typeof RULES;
