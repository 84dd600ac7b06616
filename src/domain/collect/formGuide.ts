import { cellAddress, type CellStyle, type Grid, type GridTable } from "../grid";
import { PAPER_STYLE } from "../report/paperStyle";
import { PAPER_COLUMNS, SheetBuilder } from "../report/sheetBuilder";
import { formatDate } from "../format";
import { TASK_STATES } from "../sheets/enums";
import { TABLE } from "../sheets/specs";
import { bodyName } from "../report/reportInfo";
import type { Form } from "./forms";

// The first sheet of a form, for a village head or a unit's officer who never used one: whose form
// it is, for which period, by when, what to fill and how to send it back; and a line at the top that
// counts, by formulas over the form's own cells, what is still empty or wrong (plain Excel 2010 and
// LibreOffice: SUMPRODUCT, MATCH, ISNUMBER; no add-in needed).

export const GUIDE_SHEET = "Hướng dẫn";

/** The shade of the cells to fill, on every sheet of a form and in the guide's words. */
export const FILL_SHADE = "FFF2CC";

/** Rows under a table that a village may add donations to, counted by the check. */
const ADDED_ROWS = 500;

const quoted = (sheet: string) => `'${sheet.replace(/'/g, "''")}'`;

/** A column of a table's body, as an absolute range on its sheet (`'Nhiệm vụ'!$F$2:$F$9`). */
function bodyColumn(sheet: string, t: Pick<GridTable, "range" | "headers">, header: string, extraRows = 0): string | undefined {
  const i = t.headers.indexOf(header);
  if (i < 0) return undefined;
  const col = t.range.left + i;
  return `${quoted(sheet)}!${cellAddress(t.range.top + 1, col, true)}:${cellAddress(t.range.bottom + extraRows, col, true)}`;
}

/** A table of the form's sheets to fill (a hidden sheet is not the holder's to fill: a village's empty tasks). */
function tableOf(grids: readonly Grid[], name: string): { sheet: string; table: GridTable } | undefined {
  for (const g of grids) for (const t of g.hidden ? [] : (g.tables ?? [])) if (t.name === name) return { sheet: g.sheet, table: t };
  return undefined;
}

/**
 * What the form's self-check counts, as terms to add up: a unit's tasks without a state from the
 * list, or done without a date; a village's pledge row without its date or its two counts, or with
 * more households signed than it has; a donation row with a name but no date or no amount.
 */
export function checkTerms(grids: readonly Grid[]): string[] {
  const terms: string[] = [];
  const tasks = tableOf(grids, TABLE.nhiemVu);
  if (tasks && tasks.table.range.bottom > tasks.table.range.top) {
    const state = bodyColumn(tasks.sheet, tasks.table, "Trạng thái");
    const done = bodyColumn(tasks.sheet, tasks.table, "Ngày hoàn thành");
    const list = `{${TASK_STATES.map((s) => `"${s}"`).join(",")}}`;
    if (state) terms.push(`SUMPRODUCT(--ISNA(MATCH(${state},${list},0)))`);
    if (state && done) terms.push(`SUMPRODUCT((${state}="Hoàn thành")*(1-ISNUMBER(${done})))`);
  }
  const pledges = tableOf(grids, TABLE.camKet);
  if (pledges && pledges.table.range.bottom > pledges.table.range.top) {
    const [date, households, signed] = ["Ngày cập nhật", "Số hộ", "Số hộ đã ký"].map((h) => bodyColumn(pledges.sheet, pledges.table, h));
    for (const c of [date, households, signed]) if (c) terms.push(`SUMPRODUCT(1-ISNUMBER(${c}))`);
    if (households && signed) terms.push(`SUMPRODUCT(ISNUMBER(${households})*ISNUMBER(${signed})*(${signed}>${households}))`);
  }
  const donations = tableOf(grids, TABLE.dongGop);
  if (donations) {
    const [date, who, money, goods] = ["Ngày", "Người, đơn vị", "Số tiền (đồng)", "Giá trị hiện vật (đồng)"].map((h) => bodyColumn(donations.sheet, donations.table, h, ADDED_ROWS));
    if (who && date) terms.push(`SUMPRODUCT((LEN(${who})>0)*(1-ISNUMBER(${date})))`);
    if (who && money && goods) terms.push(`SUMPRODUCT((LEN(${who})>0)*(1-ISNUMBER(${money}))*(1-ISNUMBER(${goods})))`);
  }
  return terms;
}

/** The sheets a form's holder fills, in the guide's words. */
function sheetsToFill(form: Form): string {
  return form.identity.kind === "unit" ? "“Nhiệm vụ”" : form.plan.trackers.includes("donations") ? "“Cam kết” và “Đóng góp”" : "“Cam kết”";
}

/** The form's guide sheet: first among its sheets, printed on one A4 page (the paper grid of the papers, Times New Roman). */
export function guideGrid(form: Form, grids: readonly Grid[]): Grid {
  const id = form.identity;
  const office = `Văn phòng Ủy ban nhân dân ${bodyName(id.body)}`;
  const b = new SheetBuilder();
  const last = PAPER_COLUMNS.length - 1;
  const line = (value: string, style: CellStyle = {}) => {
    b.text(0, last, value, { hAlign: "left", ...style });
    b.row++;
  };
  const pair = (label: string, value: string) => {
    b.text(0, 2, label, { bold: true });
    b.text(3, last, value);
    b.row++;
  };
  line(`PHIẾU BÁO CÁO ${id.period.label.toLocaleUpperCase("vi")}`, { bold: true, size: 14, hAlign: "center" });
  line(id.name, { bold: true, size: 14, hAlign: "center" });
  b.row++;
  const terms = checkTerms(grids);
  const count = terms.length > 0 ? terms.join("+") : "0";
  const where = sheetsToFill(form);
  const checkRow = b.row;
  // The longer of the two sentences sets the row's height; the cell then holds the formula that says one of them.
  line(`Còn 99 ô chưa điền hoặc chưa đúng ở trang ${where}. Hãy điền đủ trước khi gửi lại.`, { bold: true });
  const check = b.cells.findIndex((c) => c.row === checkRow && c.col === 0);
  b.cells[check] = {
    row: checkRow,
    col: 0,
    formula: `IF(${count}=0,"Đã điền đủ các ô cần điền: phiếu sẵn sàng để gửi lại.","Còn "&(${count})&" ô chưa điền hoặc chưa đúng ở trang ${where.replace(/"/g, '""')}. Hãy điền đủ trước khi gửi lại.")`,
    style: b.cells[check]?.style ?? {},
  };
  b.row++;
  pair("Phiếu của:", id.name);
  pair("Kỳ báo cáo:", `${id.period.label} (từ ngày ${formatDate(id.period.from)} đến ngày ${formatDate(id.period.to)})`);
  pair("Hạn gửi lại:", `trước hết ngày ${formatDate(id.due)}`);
  pair("Gửi cho:", office);
  b.row++;
  line("CẦN ĐIỀN GÌ", { bold: true });
  const steps =
    id.kind === "unit"
      ? [
          "Bấm vào trang “Nhiệm vụ” (tên các trang ở dưới cùng màn hình). Mỗi dòng là một nhiệm vụ của đơn vị trong kỳ.",
          "Chỉ điền vào các ô tô màu vàng: “Trạng thái” (bấm mũi tên bên phải ô để chọn), “Ngày hoàn thành” khi đã hoàn thành (gõ ngày/tháng/năm, ví dụ 15/12/2021), “Kết quả, minh chứng” và “Ghi chú”.",
        ]
      : [
          "Bấm vào trang “Cam kết” (tên các trang ở dưới cùng màn hình) và sửa dòng của thôn ở các ô tô màu vàng: “Ngày cập nhật” (ngày đếm số liệu, gõ ngày/tháng/năm, ví dụ 15/12/2021), “Số hộ”, “Số hộ đã ký” và các số đã ký khác nếu có.",
          ...(form.plan.trackers.includes("donations")
            ? ["Nếu thôn có tiếp nhận đóng góp trong kỳ: ở trang “Đóng góp”, mỗi khoản một dòng, gõ tiếp vào dòng trống ngay dưới bảng: ngày, loại (Thu), người hoặc đơn vị đóng góp, hình thức, số tiền hoặc hiện vật và giá trị."]
            : []),
        ];
  [...steps, "Các ô khác đã khóa, không cần sửa. Dòng chữ đậm ở đầu trang này cho biết còn mấy ô chưa điền hoặc chưa đúng; khi dòng đó báo “Đã điền đủ” là phiếu sẵn sàng."].forEach((s, i) => line(`${i + 1}. ${s}`));
  b.row++;
  line("GỬI LẠI THẾ NÀO", { bold: true });
  [
    `Lưu tệp (bấm Ctrl+S, hoặc Tệp > Lưu), giữ nguyên tên tệp: ${form.fileName}`,
    `Gửi tệp đó cho ${office} (qua Zalo, thư điện tử hoặc chép vào USB) trước hết ngày ${formatDate(id.due)}.`,
    `Cần hỏi gì, liên hệ ${office}. Không sửa tên các trang, tên các cột.`,
  ].forEach((s, i) => line(`${i + 1}. ${s}`));
  const checkRange = { top: checkRow, bottom: checkRow, left: 0, right: last };
  return {
    sheet: GUIDE_SHEET,
    createSheet: true,
    cells: b.cells,
    merges: b.merges,
    rowHeights: b.heights,
    columns: PAPER_COLUMNS.map((width, col) => ({ col, width })),
    // Red until the form is complete, green after: the same count as the sentence.
    conditionalFormats: [
      { range: checkRange, formula: `(${count})>0`, style: { fill: "FFC7CE", color: "9C0006" } },
      { range: checkRange, formula: `(${count})=0`, style: { fill: "C6EFCE", color: "006100" } },
    ],
    print: { paper: "A4", orientation: "portrait", marginsCm: { ...PAPER_STYLE.marginsCm }, fitToWidth: true, printArea: { top: 0, left: 0, bottom: b.row - 1, right: last } },
    protect: true,
  };
}
