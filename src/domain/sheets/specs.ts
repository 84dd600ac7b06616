import {
  AWARD_LEVELS,
  GENDERS,
  LEDGER_FORMS,
  LEDGER_KINDS,
  NOMINATION_STATES,
  NOMINEE_KINDS,
  PLAN_ROW_KINDS,
  TASK_STATES,
} from "./enums";
import type { Tracker } from "../plan/schema";
import { defineTable, type SheetSpec, type TableSpec } from "./types";
import { householdRateFormula } from "../report/measures";

/** Sheet and table names of DOMAIN.md: contract, never rename. */
export const SHEET = {
  thongTin: "Thông tin chung",
  danhMuc: "Danh mục",
  nhiemVu: "Nhiệm vụ",
  camKet: "Cam kết",
  dongGop: "Đóng góp",
  khenThuong: "Khen thưởng",
  keHoach: "Kế hoạch",
} as const;

export const TABLE = {
  thongTin: "tblThongTin",
  thon: "tblThon",
  donVi: "tblDonVi",
  nhomDongGop: "tblNhomDongGop",
  hinhThucKhenThuong: "tblHinhThucKhenThuong",
  nhiemVu: "tblNhiemVu",
  camKet: "tblCamKet",
  dongGop: "tblDongGop",
  khenThuong: "tblKhenThuong",
  keHoach: "tblKeHoach",
} as const;

const enumList = (values: readonly string[]) => ({ kind: "enum", values }) as const;
const tableList = (table: string, header: string) => ({ kind: "table", table, header }) as const;

export const thongTinTable = defineTable({
  name: TABLE.thongTin,
  prefill: "info",
  columns: [
    { header: "Mục", kind: "text", width: 28, required: true },
    { header: "Giá trị", kind: "longtext", width: 70 },
  ],
});

export const thonTable = defineTable({
  name: TABLE.thon,
  columns: [
    { header: "Thôn", kind: "text", width: 24, required: true, hint: "Tên thôn, mỗi thôn một dòng." },
    { header: "Ghi chú", kind: "text", width: 24 },
  ],
});

export const donViTable = defineTable({
  name: TABLE.donVi,
  prefill: "units",
  columns: [
    { header: "Đơn vị", kind: "text", width: 48, required: true },
    { header: "Nhóm", kind: "text", width: 22 },
  ],
});

export const nhomDongGopTable = defineTable({
  name: TABLE.nhomDongGop,
  prefill: "donorGroups",
  columns: [{ header: "Nhóm người đóng góp", kind: "text", width: 24, required: true }],
});

export const hinhThucKhenThuongTable = defineTable({
  name: TABLE.hinhThucKhenThuong,
  prefill: "awardForms",
  columns: [{ header: "Hình thức khen thưởng", kind: "text", width: 34, required: true }],
});

export const nhiemVuTable = defineTable({
  name: TABLE.nhiemVu,
  prefill: "tasks",
  columns: [
    { header: "STT", kind: "index", width: 6 },
    { header: "Đơn vị", kind: "longtext", width: 30, required: true, list: tableList(TABLE.donVi, "Đơn vị") },
    { header: "Nội dung nhiệm vụ", kind: "longtext", width: 60, required: true },
    { header: "Mục kế hoạch", kind: "text", width: 11 },
    { header: "Hạn hoàn thành", kind: "date", width: 14, hint: "Để trống nếu là nhiệm vụ thường xuyên." },
    { header: "Trạng thái", kind: "text", width: 16, required: true, list: enumList(TASK_STATES) },
    { header: "Ngày hoàn thành", kind: "date", width: 15, pastOnly: true, hint: "Ghi khi nhiệm vụ đã Hoàn thành." },
    { header: "Kết quả, minh chứng", kind: "longtext", width: 36 },
    { header: "Ghi chú", kind: "text", width: 20 },
  ],
  conditionalFormats: [
    {
      id: "task-overdue",
      formula: (c) => `AND(ISNUMBER(${c("Hạn hoàn thành")}),${c("Hạn hoàn thành")}<TODAY(),${c("Trạng thái")}<>"Hoàn thành")`,
      fill: "FFC7CE",
      color: "9C0006",
    },
  ],
});


const householdRate = (c: (h: string) => string): string => householdRateFormula(c("Số hộ"), c("Số hộ đã ký"));

export const camKetTable = defineTable({
  name: TABLE.camKet,
  columns: [
    { header: "Thôn, đơn vị", kind: "text", width: 26, required: true, list: tableList(TABLE.thon, "Thôn") },
    { header: "Ngày cập nhật", kind: "date", width: 14, required: true, pastOnly: true },
    { header: "Số hộ", kind: "whole", width: 10, hint: "Tổng số hộ của thôn (để trống với trường học, cơ quan)." },
    { header: "Số hộ đã ký", kind: "whole", width: 12, hint: "Số hộ đã ký cam kết, cộng dồn đến ngày cập nhật." },
    { header: "Số HS, SV đã ký", kind: "whole", width: 14 },
    { header: "Số CB, CC, VC đã ký", kind: "whole", width: 17 },
    { header: "Số CN, NLĐ đã ký", kind: "whole", width: 16 },
    { header: "Tỷ lệ hộ đã ký", kind: "rate", width: 13, formula: householdRate },
    { header: "Ghi chú", kind: "text", width: 24 },
  ],
  conditionalFormats: [
    {
      id: "signed-above-households",
      column: "Số hộ đã ký",
      formula: (c) => `AND(ISNUMBER(${c("Số hộ")}),ISNUMBER(${c("Số hộ đã ký")}),${c("Số hộ đã ký")}>${c("Số hộ")})`,
      fill: "FFC7CE",
      color: "9C0006",
    },
  ],
});

export const dongGopTable = defineTable({
  name: TABLE.dongGop,
  columns: [
    { header: "Ngày", kind: "date", width: 12, required: true, pastOnly: true },
    { header: "Loại", kind: "text", width: 7, required: true, list: enumList(LEDGER_KINDS) },
    { header: "Số chứng từ", kind: "text", width: 12 },
    { header: "Người, đơn vị", kind: "text", width: 30, required: true },
    { header: "Nhóm", kind: "text", width: 20, list: tableList(TABLE.nhomDongGop, "Nhóm người đóng góp") },
    { header: "Thôn", kind: "text", width: 14, list: tableList(TABLE.thon, "Thôn") },
    { header: "Hình thức", kind: "text", width: 14, required: true, list: enumList(LEDGER_FORMS) },
    { header: "Số tiền (đồng)", kind: "amount", width: 16 },
    { header: "Hiện vật", kind: "text", width: 18 },
    { header: "Số lượng", kind: "whole", width: 10 },
    { header: "Đơn vị tính", kind: "text", width: 11 },
    { header: "Giá trị hiện vật (đồng)", kind: "amount", width: 20 },
    { header: "Nội dung", kind: "longtext", width: 36 },
    { header: "Ghi chú", kind: "text", width: 20 },
  ],
});

export const khenThuongTable = defineTable({
  name: TABLE.khenThuong,
  columns: [
    { header: "STT", kind: "index", width: 6 },
    { header: "Đối tượng", kind: "text", width: 13, required: true, list: enumList(NOMINEE_KINDS) },
    { header: "Tên tập thể, cá nhân", kind: "text", width: 30, required: true },
    { header: "Năm sinh", kind: "year", width: 10, hint: "Chỉ ghi với cá nhân." },
    { header: "Giới tính", kind: "text", width: 10, list: enumList(GENDERS) },
    { header: "Chức vụ", kind: "text", width: 18 },
    { header: "Đơn vị, thôn", kind: "text", width: 26, required: true },
    { header: "Tóm tắt thành tích", kind: "longtext", width: 40 },
    {
      header: "Hình thức khen thưởng",
      kind: "text",
      width: 30,
      required: true,
      list: tableList(TABLE.hinhThucKhenThuong, "Hình thức khen thưởng"),
    },
    { header: "Cấp khen", kind: "text", width: 18, required: true, list: enumList(AWARD_LEVELS) },
    { header: "Ngày đề nghị", kind: "date", width: 13, required: true, pastOnly: true },
    { header: "Trạng thái", kind: "text", width: 16, required: true, list: enumList(NOMINATION_STATES) },
    { header: "Số quyết định", kind: "text", width: 15 },
    { header: "Ghi chú", kind: "text", width: 20 },
  ],
});

/**
 * The plan itself, as the clerk can read and correct it: one row per task of each unit, and one
 * per milestone (launch, pledges, other dated steps). Every job reads the plan from here and from
 * `Thông tin chung`.
 */
export const keHoachTable = defineTable({
  name: TABLE.keHoach,
  prefill: "plan",
  columns: [
    { header: "Mục kế hoạch", kind: "text", width: 12, required: true, hint: "Mục của kế hoạch, ví dụ III.3." },
    { header: "Đơn vị", kind: "longtext", width: 30, required: true },
    { header: "Nhóm", kind: "text", width: 20 },
    { header: "Nội dung", kind: "longtext", width: 60, required: true },
    { header: "Hạn hoàn thành", kind: "date", width: 14, hint: "Để trống với nhiệm vụ thường xuyên." },
    { header: "Loại", kind: "text", width: 14, required: true, list: enumList(PLAN_ROW_KINDS) },
  ],
});

/** The tracking sheets in workbook order, the plan last. */
export const SHEET_SPECS: readonly SheetSpec[] = [
  { name: SHEET.thongTin, tables: [thongTinTable], tabColor: "1F4E79" },
  {
    name: SHEET.danhMuc,
    tables: [thonTable, donViTable, nhomDongGopTable, hinhThucKhenThuongTable],
    tabColor: "7F6000",
  },
  { name: SHEET.nhiemVu, tables: [nhiemVuTable], tabColor: "375623" },
  { name: SHEET.camKet, tables: [camKetTable], tabColor: "843C0C" },
  { name: SHEET.dongGop, tables: [dongGopTable], tabColor: "2F5597" },
  { name: SHEET.khenThuong, tables: [khenThuongTable], tabColor: "7030A0" },
  { name: SHEET.keHoach, tables: [keHoachTable], tabColor: "595959" },
];

/** The tables each tracker needs beyond the plan's own (`Thông tin chung`, `Danh mục` units and villages, `Kế hoạch`). */
const TRACKER_TABLES: Record<Tracker, readonly string[]> = {
  tasks: [TABLE.nhiemVu],
  pledges: [TABLE.camKet],
  donations: [TABLE.dongGop, TABLE.nhomDongGop],
  nominations: [TABLE.khenThuong, TABLE.hinhThucKhenThuong],
};

/** The sheets and tables a plan uses: those of its trackers, with the plan's own always. */
export function sheetSpecsFor(trackers: readonly Tracker[]): SheetSpec[] {
  const optional = new Set(Object.values(TRACKER_TABLES).flat());
  const used = new Set(trackers.flatMap((t) => TRACKER_TABLES[t]));
  return SHEET_SPECS.map((s) => ({ ...s, tables: s.tables.filter((t) => !optional.has(t.name) || used.has(t.name)) })).filter((s) => s.tables.length > 0);
}

export function tableSpec(name: string): TableSpec {
  for (const sheet of SHEET_SPECS) {
    const t = sheet.tables.find((x) => x.name === name);
    if (t) return t;
  }
  throw new Error(`unknown table ${name}`);
}
