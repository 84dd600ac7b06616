import type { CellValue } from "../src/domain/grid";
import { isoToSerial } from "../src/domain/dates";
import { demoRows } from "../src/domain/sample/demoData";
import { chauSonPlan } from "../src/domain/sample/chauSonPlan";
import { AWARD_FORMS, DONOR_GROUPS } from "../src/domain/sheets/enums";
import { SHEET_SPECS } from "../src/domain/sheets/specs";
import type { TableData } from "../src/domain/workbook";

/** Repeats the demo's rows of a table up to `count`, with names and vouchers made unique. */
function tableOf(name: string, sheet: string, count: number, vary: (row: Record<string, CellValue>, k: number) => Record<string, CellValue>): TableData {
  const spec = SHEET_SPECS.flatMap((s) => s.tables).find((t) => t.name === name)!;
  const headers = spec.columns.map((c) => c.header);
  const seed = demoRows(chauSonPlan).get(name) ?? [];
  const rows: CellValue[][] = [];
  for (let k = 0; k < count; k++) {
    const r = vary({ ...(seed[k % Math.max(1, seed.length)] ?? {}) }, k);
    rows.push(headers.map((h) => r[h] ?? null));
  }
  return { name, sheet, headers, range: { top: 0, left: 0, bottom: count, right: headers.length - 1 }, rows };
}

/** 100,000 ledger rows and 10,000 rows in each other table, as the xlsx adapter would read them. */
export function benchTables(ledgerRows = 100_000, otherRows = 10_000, allBank = false): Map<string, TableData> {
  const villages = Array.from({ length: otherRows }, (_, k) => `Thôn mẫu ${k + 1}`);
  const start = isoToSerial("2021-06-12");
  const t = [
    tableOf("tblThon", "Danh mục", otherRows, (_r, k) => ({ "Thôn": villages[k]! })),
    tableOf("tblDonVi", "Danh mục", otherRows, (_r, k) => ({ "Đơn vị": `Đơn vị mẫu ${k + 1}`, "Nhóm": "Chuyên môn" })),
    tableOf("tblNhiemVu", "Nhiệm vụ", otherRows, (r, k) => ({ ...r, "STT": k + 1, "Đơn vị": `Đơn vị mẫu ${(k % otherRows) + 1}` })),
    tableOf("tblCamKet", "Cam kết", otherRows, (r, k) => ({ ...r, "Thôn, đơn vị": villages[k % otherRows]! })),
    tableOf("tblDongGop", "Đóng góp", ledgerRows, (r, k) => ({
      ...r,
      "Ngày": start + Math.floor((k * 200) / ledgerRows),
      "Số chứng từ": `${r["Loại"] === "Chi" ? "PC" : "PT"}-${k + 1}`,
      "Thôn": r["Thôn"] ? villages[k % otherRows]! : null,
      // A campaign that receives by transfer: every money row through the bank (the reconciliation bench).
      ...(allBank && r["Hình thức"] === "Tiền mặt" ? { "Hình thức": "Chuyển khoản" } : {}),
    })),
    tableOf("tblNhomDongGop", "Danh mục", DONOR_GROUPS.length, (_r, k) => ({ "Nhóm người đóng góp": DONOR_GROUPS[k]! })),
    tableOf("tblHinhThucKhenThuong", "Danh mục", AWARD_FORMS.length, (_r, k) => ({ "Hình thức khen thưởng": AWARD_FORMS[k]! })),
    tableOf("tblKhenThuong", "Khen thưởng", otherRows, (r, k) => ({ ...r, "STT": k + 1, "Tên tập thể, cá nhân": `Cá nhân mẫu ${k + 1}`, "Đơn vị, thôn": villages[k % otherRows]! })),
  ];
  return new Map(t.map((x) => [x.name, x] as const));
}
