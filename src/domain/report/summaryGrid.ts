import { findTable } from "../tables";
import { COUNT_FORMAT, rateTextFormula } from "../format";
import { PAPER_STYLE } from "./paperStyle";
import { TABLE } from "../sheets/specs";
import { householdRateFormula, totalHouseholdRateFormula } from "./measures";
import { nameKey } from "../text";
import { columnWidthPoints } from "../print";
import { CELL_PADDING, lineHeight, textWidth, wrappedLineCount } from "../textMeasure";
import type { TableData } from "../workbook";
import { isoToSerial } from "../dates";
import { isEmptyValue, type CellStyle, type ConditionalFormat, type Grid, type GridCell, type RangeBox } from "../grid";
import type { Tracker } from "../plan/schema";
import { NOMINATION_STATES, NOMINEE_KINDS } from "../sheets/enums";

/** The live summary: headline figures as formulas over the tables (Excel 2010 functions only). */
export const SUMMARY_SHEET = "Tổng hợp";

/** The most rows kept for a list that grows (units, villages, groups, forms). */
const SUMMARY_ROWS = { units: 30, villages: 60, groups: 15, forms: 15 } as const;
/** Rows kept past a list's present length, for entries added later. */
const SPARE_ROWS = 5;

/** How many units, villages, donor groups and award forms the catalogues hold now. */
export type SummarySizes = Partial<Record<keyof typeof SUMMARY_ROWS, number>> & {
  /** The longest name of the catalogues (units, villages, groups, forms) as printed, in points at 12 pt. */
  longestName?: number;
};

/**
 * Rows for a list: its present length and a few more (a sheet of empty rows prints as pages of
 * nothing), never more than the most; every row when the length is not known.
 */
function listRows(sizes: SummarySizes, list: keyof typeof SUMMARY_ROWS): number {
  const n = sizes[list];
  return n === undefined ? SUMMARY_ROWS[list] : Math.min(SUMMARY_ROWS[list], n + SPARE_ROWS);
}

/** Column widths as a file stores them: names on one line in A, figures in B–H. */
const SUMMARY_WIDTHS = [48, 13, 13, 13, 13, 13, 13, 13] as const;

/** Column A as wide as the longest name (measured in Times New Roman 12) so none is cut, from 48 up to 80. */
function summaryWidths(sizes: SummarySizes): number[] {
  const name = sizes.longestName === undefined ? SUMMARY_WIDTHS[0] : Math.min(80, Math.max(SUMMARY_WIDTHS[0], Math.ceil(((sizes.longestName + CELL_PADDING + 2) / 0.75) / 7)));
  return [name, ...SUMMARY_WIDTHS.slice(1)];
}

const FROM = "$B$3";
const TO = "$D$3";
const COUNT = COUNT_FORMAT;
const BORDER: CellStyle = { border: "thin" };
const DATE_OR_BLANK = "dd/mm/yyyy;;";

class Sheet {
  row = 0;
  readonly cells: GridCell[] = [];
  readonly merges: RangeBox[] = [];
  readonly conditionalFormats: ConditionalFormat[] = [];

  constructor(readonly sizes: SummarySizes) {}
  /** Header rows and their heights: their labels wrap and would run into the rows around them. */
  readonly tall: { row: number; height: number }[] = [];

  put(col: number, value: string | number | null, style: CellStyle = {}): void {
    this.cells.push({ row: this.row, col, value, style: { font: PAPER_STYLE.font, size: 12, ...style } });
  }

  formula(col: number, formula: string, style: CellStyle = {}): void {
    this.cells.push({ row: this.row, col, formula, style: { font: PAPER_STYLE.font, size: 12, ...BORDER, ...style } });
  }

  /** A formula in a list's row: boxed only while the row is in use (see `boxInUse`). */
  listFormula(col: number, formula: string, style: CellStyle = {}): void {
    this.cells.push({ row: this.row, col, formula, style: { font: PAPER_STYLE.font, size: 12, ...style } });
  }

  /**
   * Under a list's heading, in red, when its catalogue has grown past the rows kept for it: the
   * sums would leave entries out, and the sheet says so until it is made again.
   */
  overflow(column: string, rows: number): void {
    this.merges.push({ top: this.row, bottom: this.row, left: 0, right: 7 });
    this.cells.push({
      row: this.row++,
      col: 0,
      formula: `IF(COUNTA(${column})>${rows},"Thiếu dòng cho "&(COUNTA(${column})-${rows})&" mục: hãy xóa trang này rồi lập lại","")`,
      style: { font: PAPER_STYLE.font, size: 11, bold: true, color: "C00000" },
    });
  }

  /** The rows `first`..`last` of a list, columns A to `right`: a thin box on each cell of a row whose name (column A) is there. */
  boxInUse(first: number, last: number, right: number): void {
    if (last < first) return;
    this.conditionalFormats.push({ range: { top: first, bottom: last, left: 0, right }, formula: `$A${R(first)}<>""`, style: { border: "thin" } });
  }

  heading(text: string): void {
    this.row++;
    this.put(0, text, { bold: true });
    this.merges.push({ top: this.row, bottom: this.row, left: 0, right: 7 });
    this.row++;
  }

  headers(names: readonly string[]): void {
    names.forEach((n, c) => this.put(c, n, { bold: true, wrap: true, hAlign: "center", vAlign: "middle", fill: "DDEBF7", ...BORDER }));
    // As tall as its longest label wraps in its column (bold Times New Roman 12, whole words: about three quarters of a column's characters a line).
    const widths = summaryWidths(this.sizes);
    const lines = Math.max(2, ...names.map((n, c) => wrappedLineCount(n, columnWidthPoints(widths[c] ?? 13) - CELL_PADDING, 12, true)));
    this.tall.push({ row: this.row, height: lines * lineHeight(12) });
    this.row++;
  }
}

/** Row `r` (0-based) as Excel writes it. */
const R = (r: number) => r + 1;
const dated = (column: string) => `${column},">="&${FROM},${column},"<="&${TO}`;
/**
 * The k-th entry of a catalogue column, or "" past its end; k counts from the row above the
 * list (ROW() refers to no cell, so the formula never refers to itself).
 */
const nth = (col: string, first: number) => {
  const k = `ROW()-ROW($A$${R(first - 1)})`;
  return `IF(${k}<=COUNTA(${col}),INDEX(${col},${k}),"")`;
};

function tasks(s: Sheet): void {
  s.heading("1. Thực hiện nhiệm vụ theo đơn vị (tính đến ngày ở ô D3)");
  s.headers(["Đơn vị", "Tổng số nhiệm vụ", "Hoàn thành đúng hạn", "Hoàn thành chậm", "Quá hạn chưa hoàn thành", "Đang thực hiện, thường xuyên"]);
  const nv = (c: string) => `tblNhiemVu[${c}]`;
  const first = s.row;
  for (let k = 0; k < listRows(s.sizes, "units"); k++, s.row++) {
    const a = `$A${R(s.row)}`;
    const unit = `(${nv("Đơn vị")}=${a})`;
    const done = `(${nv("Trạng thái")}="Hoàn thành")*(${nv("Ngày hoàn thành")}<=${TO})`;
    const onTime = `(((${nv("Hạn hoàn thành")}="")+(${nv("Ngày hoàn thành")}="")+(${nv("Ngày hoàn thành")}<=${nv("Hạn hoàn thành")}))>0)`;
    // Names on one line (a wrapped name would run into the row below): column A is wide enough for most.
    s.listFormula(0, nth("tblDonVi[Đơn vị]", first));
    s.listFormula(1, `IF(${a}="","",COUNTIFS(${nv("Đơn vị")},${a}))`, { numFmt: COUNT });
    s.listFormula(2, `IF(${a}="","",SUMPRODUCT(${unit}*${done}*${onTime}))`, { numFmt: COUNT });
    s.listFormula(3, `IF(${a}="","",SUMPRODUCT(${unit}*${done})-C${R(s.row)})`, { numFmt: COUNT });
    s.listFormula(4, `IF(${a}="","",SUMPRODUCT(${unit}*(1-${done})*(${nv("Hạn hoàn thành")}<>"")*(${nv("Hạn hoàn thành")}<${TO})))`, { numFmt: COUNT });
    s.listFormula(5, `IF(${a}="","",B${R(s.row)}-C${R(s.row)}-D${R(s.row)}-E${R(s.row)})`, { numFmt: COUNT });
  }
  s.boxInUse(first, s.row - 1, 5);
  s.put(0, "Cộng", { bold: true, ...BORDER });
  for (const c of ["B", "C", "D", "E", "F"]) s.formula(c.charCodeAt(0) - 65, `SUM(${c}${R(first)}:${c}${R(s.row - 1)})`, { bold: true, numFmt: COUNT });
  s.row++;
  s.overflow("tblDonVi[Đơn vị]", listRows(s.sizes, "units"));
}

function pledges(s: Sheet): void {
  s.heading("2. Ký cam kết: số liệu mới nhất của từng thôn, đơn vị (tính đến ngày ở ô D3)");
  s.headers(["Thôn, đơn vị", "Ngày cập nhật", "Số hộ", "Số hộ đã ký", "Tỷ lệ hộ đã ký", "HS, SV đã ký", "CB, CC, VC đã ký", "CN, NLĐ đã ký"]);
  const first = s.row;
  const ck = (c: string) => `tblCamKet[${c}]`;
  const lists: [string, number][] = [["tblThon[Thôn]", listRows(s.sizes, "villages")], ["tblDonVi[Đơn vị]", listRows(s.sizes, "units")]];
  for (const [list, count] of lists) {
    const start = s.row;
    for (let k = 0; k < count; k++, s.row++) {
      const a = `$A${R(s.row)}`;
      const b = `$B${R(s.row)}`;
      s.listFormula(0, nth(list, start));
      s.listFormula(1, `IF(${a}="","",SUMPRODUCT(MAX((${ck("Thôn, đơn vị")}=${a})*(${ck("Ngày cập nhật")}<=${TO})*${ck("Ngày cập nhật")})))`, { numFmt: DATE_OR_BLANK });
      // LOOKUP(2,1/(…)) finds the last matching row: on a tie of dates the row further down wins.
      const latest = (c: string) => `IF(N(${b})=0,"",LOOKUP(2,1/((${ck("Thôn, đơn vị")}=${a})*(${ck("Ngày cập nhật")}=${b})),${ck(c)}))`;
      s.listFormula(2, latest("Số hộ"), { numFmt: COUNT });
      s.listFormula(3, latest("Số hộ đã ký"), { numFmt: COUNT });
      // The rate as text ("99,3%") on any computer: nothing computes from it.
      s.listFormula(4, rateTextFormula(householdRateFormula(`C${R(s.row)}`, `D${R(s.row)}`)), { hAlign: "right" });
      s.listFormula(5, latest("Số HS, SV đã ký"), { numFmt: COUNT });
      s.listFormula(6, latest("Số CB, CC, VC đã ký"), { numFmt: COUNT });
      s.listFormula(7, latest("Số CN, NLĐ đã ký"), { numFmt: COUNT });
    }
  }
  const last = s.row - 1;
  s.boxInUse(first, last, 7);
  s.put(0, "Cộng", { bold: true, ...BORDER });
  s.put(1, null, BORDER);
  for (const c of ["C", "D", "F", "G", "H"]) s.formula(c.charCodeAt(0) - 65, `SUM(${c}${R(first)}:${c}${R(last)})`, { bold: true, numFmt: COUNT });
  s.formula(4, rateTextFormula(totalHouseholdRateFormula(`C${R(first)}:C${R(last)}`, `D${R(first)}:D${R(last)}`)), { bold: true, hAlign: "right" });
  s.row++;
  s.overflow("tblThon[Thôn]", listRows(s.sizes, "villages"));
  s.overflow("tblDonVi[Đơn vị]", listRows(s.sizes, "units"));
}

const money = (kind: string, dates: string, extra = "") =>
  ["Tiền mặt", "Chuyển khoản"].map((form) => `SUMIFS(tblDongGop[Số tiền (đồng)],tblDongGop[Loại],"${kind}",tblDongGop[Hình thức],"${form}"${extra},${dates})`).join("+");
const goods = (kind: string, dates: string, extra = "") => `SUMIFS(tblDongGop[Giá trị hiện vật (đồng)],tblDongGop[Loại],"${kind}",tblDongGop[Hình thức],"Hiện vật"${extra},${dates})`;

function donations(s: Sheet): void {
  s.heading("3. Nguồn đóng góp (từ ngày ở ô B3 đến ngày ở ô D3), đơn vị: đồng");
  const before = `tblDongGop[Ngày],"<"&${FROM}`;
  const within = dated("tblDongGop[Ngày]");
  const first = s.row;
  const lines: [string, string][] = [
    ["Tồn quỹ đầu kỳ", `${money("Thu", before)}-(${money("Chi", before)})`],
    ["Tiếp nhận bằng tiền", money("Thu", within)],
    ["Tiếp nhận hiện vật (giá trị)", goods("Thu", within)],
    ["Đã chi bằng tiền", money("Chi", within)],
    ["Hiện vật đã phân phát (giá trị)", goods("Chi", within)],
    ["Tồn quỹ cuối kỳ", `B${R(first)}+B${R(first + 1)}-B${R(first + 3)}`],
  ];
  for (const [label, f] of lines) {
    s.put(0, label, BORDER);
    s.formula(1, f, { numFmt: COUNT });
    s.row++;
  }
  s.row++;
  s.headers(["Nhóm người đóng góp", "Số lượt", "Tiền (đồng)", "Hiện vật (đồng)"]);
  const start = s.row;
  for (let k = 0; k < listRows(s.sizes, "groups"); k++, s.row++) {
    const a = `$A${R(s.row)}`;
    const group = `,tblDongGop[Nhóm],${a}`;
    s.listFormula(0, nth("tblNhomDongGop[Nhóm người đóng góp]", start));
    s.listFormula(1, `IF(${a}="","",COUNTIFS(tblDongGop[Loại],"Thu"${group},${within}))`, { numFmt: COUNT });
    s.listFormula(2, `IF(${a}="","",${money("Thu", within, group)})`, { numFmt: COUNT });
    s.listFormula(3, `IF(${a}="","",${goods("Thu", within, group)})`, { numFmt: COUNT });
  }
  s.boxInUse(start, s.row - 1, 3);
  s.overflow("tblNhomDongGop[Nhóm người đóng góp]", listRows(s.sizes, "groups"));
}

function nominations(s: Sheet): void {
  s.heading("4. Đề nghị khen thưởng (từ ngày ở ô B3 đến ngày ở ô D3)");
  s.headers(["Hình thức khen thưởng", "Số lượng"]);
  const within = dated("tblKhenThuong[Ngày đề nghị]");
  const start = s.row;
  for (let k = 0; k < listRows(s.sizes, "forms"); k++, s.row++) {
    const a = `$A${R(s.row)}`;
    s.listFormula(0, nth("tblHinhThucKhenThuong[Hình thức khen thưởng]", start));
    s.listFormula(1, `IF(${a}="","",COUNTIFS(tblKhenThuong[Hình thức khen thưởng],${a},${within}))`, { numFmt: COUNT });
  }
  s.boxInUse(start, s.row - 1, 1);
  s.overflow("tblHinhThucKhenThuong[Hình thức khen thưởng]", listRows(s.sizes, "forms"));
  s.headers(["Đối tượng, trạng thái", "Số lượng"]);
  for (const [column, values] of [["Đối tượng", NOMINEE_KINDS], ["Trạng thái", NOMINATION_STATES]] as const) {
    for (const v of values) {
      s.put(0, v, BORDER);
      s.formula(1, `COUNTIFS(tblKhenThuong[${column}],"${v}",${within})`, { numFmt: COUNT });
      s.row++;
    }
  }
  s.put(0, "Tổng số đề nghị", { bold: true, ...BORDER });
  s.formula(1, `COUNTIFS(${within})`, { bold: true, numFmt: COUNT });
  s.row++;
}

/** The catalogues' present lengths (rows with a name), from the tables as read. */
export function summarySizes(tables: ReadonlyMap<string, TableData>): SummarySizes {
  const count = (name: string) => {
    const t = [...tables].find(([n]) => nameKey(n) === nameKey(name))?.[1];
    return t ? t.rows.filter((r) => r.some((v) => !isEmptyValue(v))).length : undefined;
  };
  const out: SummarySizes = {};
  let longest = 0;
  for (const [k, name] of [["units", TABLE.donVi], ["villages", TABLE.thon], ["groups", TABLE.nhomDongGop], ["forms", TABLE.hinhThucKhenThuong]] as const) {
    const n = count(name);
    if (n !== undefined) out[k] = n;
    for (const r of findTable(tables, name)?.rows ?? []) if (typeof r[0] === "string") longest = Math.max(longest, textWidth(r[0], 12));
  }
  if (longest > 0) out.longestName = longest;
  return out;
}

/** The `Tổng hợp` sheet, one part per tracker of the plan. Its period cells (B3, D3) start at the plan's year and are the user's to change. */
export function summaryGrid(plan: { year: number; trackers: readonly Tracker[]; sizes?: SummarySizes }): Grid {
  const s = new Sheet(plan.sizes ?? {});
  s.put(0, "TỔNG HỢP KẾT QUẢ THỰC HIỆN PHONG TRÀO", { bold: true, size: 14 });
  s.merges.push({ top: 0, bottom: 0, left: 0, right: 7 });
  s.row++;
  s.put(0, "Các số liệu dưới đây là công thức trên các bảng, tự cập nhật khi số liệu thay đổi. Đổi ngày ở ô B3, D3 để xem kỳ khác.", { italic: true, wrap: true });
  s.merges.push({ top: 1, bottom: 1, left: 0, right: 7 });
  s.row++;
  s.put(0, "Từ ngày", { bold: true });
  s.put(1, isoToSerial(`${plan.year}-01-01`), { numFmt: "dd/mm/yyyy", fill: "FFF2CC", ...BORDER });
  s.put(2, "Đến ngày", { bold: true, hAlign: "right" });
  s.put(3, isoToSerial(`${plan.year}-12-31`), { numFmt: "dd/mm/yyyy", fill: "FFF2CC", ...BORDER });
  s.row++;
  const parts: Record<Tracker, (s: Sheet) => void> = { tasks, pledges, donations, nominations };
  for (const t of plan.trackers) parts[t](s);
  return {
    sheet: SUMMARY_SHEET,
    createSheet: true,
    cells: s.cells,
    merges: s.merges,
    rowHeights: [{ row: 1, height: 32 }, ...s.tall],
    columns: summaryWidths(plan.sizes ?? {}).map((width, col) => ({ col, width })),
    conditionalFormats: s.conditionalFormats,
    // Landscape: the names and seven figures side by side print at about 90%, not the 60% portrait would need.
    print: { paper: "A4", orientation: "landscape", marginsCm: { top: 2, bottom: 2, left: 2, right: 1.5 }, fitToWidth: true },
  };
}
