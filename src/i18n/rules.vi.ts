import { formatDate, formatNumber } from "../domain/format";
import type { Catalog, Params } from "./catalog";

/** Where an issue is, as its message opens. */
export const at = (p: Params) => `Ô ${p.cell} (trang "${p.sheet}", cột "${p.column}")`;
const dmy = (iso: unknown) => (typeof iso === "string" ? formatDate(iso) : String(iso));
/** A number as the message prints it: `1.000.000`, `-879.650.000`, `1,5`. */
const num = (v: unknown) => (typeof v === "number" ? formatNumber(v) : String(v));

const CELL_PROBLEM: Record<string, string> = {
  "error-value": "đang báo lỗi",
  "formula-no-result": "là công thức chưa có kết quả",
  "boolean": "chứa giá trị đúng/sai",
  "too-long": "dài quá 32.767 ký tự",
};

/** Validation messages in Vietnamese: the cell, what is wrong, how to fix it. */
export const rulesVi: Catalog = {
  "closed-changed": (p) => `${at(p)}: kỳ ${p.period} đã chốt ngày ${dmy(p.closedOn)}; dòng ${p.row} cột ${p.column}: ${p.before} → ${p.after}. Số liệu đã báo cáo của kỳ này sẽ khác; nếu cần sửa, hãy mở lại kỳ (ghi lý do) rồi lập lại báo cáo.`,
  "closed-added": (p) => `Trang "${p.sheet}", dòng ${p.row} (ô ${p.cell}): dòng mới thuộc kỳ ${p.period} đã chốt ngày ${dmy(p.closedOn)}. Số liệu đã báo cáo của kỳ này sẽ khác; nếu dòng ghi nhầm ngày, hãy sửa ngày, nếu không, hãy mở lại kỳ (ghi lý do).`,
  "closed-removed": (p) => `Trang "${p.sheet}" (bảng ở ô ${p.cell}): dòng ${p.row} lúc chốt kỳ ${p.period} (ngày ${dmy(p.closedOn)}) nay không còn thuộc kỳ (đã xóa hoặc đổi ngày). Số liệu đã báo cáo của kỳ này sẽ khác; dòng lúc chốt còn lưu trong trang dữ liệu của kỳ; nếu dòng bị xóa nhầm, hãy nhập lại, nếu không, hãy mở lại kỳ (ghi lý do).`,
  "table-missing": (p) => `Không tìm thấy bảng số liệu của trang "${p.expectedSheet}". Hãy chạy "Mẫu biểu" để tạo lại bảng; dữ liệu đang có không bị xóa.`,
  "column-missing": (p) => `Bảng trên trang "${p.sheet}" thiếu cột "${p.header}". Hãy chạy "Mẫu biểu" để thêm cột vào cuối bảng, hoặc sửa lại tên cột nếu đã đổi tên.`,
  "column-duplicate": (p) => `Bảng trên trang "${p.sheet}" có hai cột cùng tên "${p.header}" (tiêu đề ở ô ${p.first} và ô ${p.cell}). Sổ đọc cột ở ô ${p.first}; hãy đổi tên hoặc xóa cột ở ô ${p.cell}.`,
  "required": (p) => `${at(p)} đang trống. Cột này bắt buộc phải ghi.`,
  "cell-unreadable": (p) => `${at(p)} ${CELL_PROBLEM[String(p.problem)] ?? "không đọc được"}${p.detail ? ` (${p.detail})` : ""}. Hãy nhập lại giá trị đúng.`,
  "text-spacing": (p) => `${at(p)} có khoảng trắng thừa hoặc dấu tiếng Việt ghi theo kiểu tổ hợp. Bấm "Sửa" để chuẩn hóa, nội dung giữ nguyên.`,
  "date-invalid": (p) => `${at(p)}: "${p.value}" không phải ngày hợp lệ. Hãy ghi theo dạng ngày/tháng/năm, ví dụ 15/06/2021.`,
  "date-month-first": (p) => `${at(p)}: "${p.value}" có vẻ ghi tháng trước ngày. Hãy ghi theo dạng ngày/tháng/năm, ví dụ 15/06/2021.`,
  "date-as-text": (p) => `${at(p)}: ngày "${p.value}" đang được lưu dưới dạng chữ. Bấm "Sửa" để lưu thành ngày ${dmy(p.date)}.`,
  "date-in-future": (p) => `${at(p)}: ngày ${dmy(p.date)} ở sau hôm nay (${dmy(p.today)}). Hãy kiểm tra lại ngày.`,
  "date-implausible": (p) => `${at(p)}: ngày ${dmy(p.date)} khó có thể đúng. Hãy kiểm tra lại năm.`,
  "number-invalid": (p) => `${at(p)}: "${p.value}" không phải là số. Hãy ghi số, ví dụ 1.000.000.`,
  "number-as-text": (p) => `${at(p)}: số "${p.value}" đang được lưu dưới dạng chữ. Bấm "Sửa" để lưu thành số ${num(p.number)}.`,
  "number-not-whole": (p) => `${at(p)}: ${num(p.value)} có phần lẻ. Cột này cần số nguyên; hãy sửa lại.`,
  "number-negative": (p) => `${at(p)}: ${num(p.value)} là số âm. Hãy ghi số từ 0 trở lên (khoản chi ghi ở dòng "Chi", số tiền dương).`,
  "amount-too-large": (p) => `${at(p)}: số ${num(p.value)} quá lớn: Excel chỉ giữ chính xác số đến 15 chữ số. Hãy kiểm tra lại số.`,
  "list-value": (p) => `${at(p)}: "${p.value}" không có trong danh sách${p.allowed ? ` (${p.allowed})` : " ở trang Danh mục"}. Hãy chọn từ danh sách, hoặc thêm vào Danh mục trước.`,
  "list-variant": (p) => `${at(p)}: "${p.value}" viết khác với danh sách. Bấm "Sửa" để ghi đúng là "${p.canonical}".`,
  "catalog-duplicate": (p) => `${at(p)}: "${p.value}" đã có ở dòng ${p.firstRow}. Hãy xóa dòng trùng.`,
  "milestone-unassigned": (p) => `${at(p)}: mốc chung ${p.section} của kế hoạch chưa giao cho đơn vị nào (kế hoạch không nêu). Hãy chọn đơn vị phụ trách ở cột "Đơn vị" trang "Kế hoạch" và trang này; đến khi đó báo cáo ghi "Chưa giao đơn vị".`,
  "task-done-without-date": (p) => `${at(p)}: nhiệm vụ đã "Hoàn thành" nhưng chưa ghi ngày hoàn thành. Hãy ghi ngày hoàn thành.`,
  "task-date-without-done": (p) => `${at(p)}: đã có ngày hoàn thành nhưng trạng thái là "${p.state}". Hãy chọn "Hoàn thành" hoặc xóa ngày hoàn thành.`,
  "signed-above-households": (p) => `${at(p)}: số hộ đã ký (${num(p.signed)}) lớn hơn số hộ (${num(p.households)}). Hãy kiểm tra lại hai số.`,
  "pledge-decreased": (p) => `${at(p)}: số hộ đã ký (${num(p.signed)}) ít hơn lần cập nhật trước ở dòng ${p.previousRow} (${num(p.previous)}). Số cam kết là số cộng dồn; hãy kiểm tra lại.`,
  "village-without-pledge": (p) => `${at(p)}: thôn "${p.village}" chưa có dòng nào ở trang "Cam kết". Hãy thêm số liệu cam kết của thôn.`,
  "money-amount-missing": (p) => `${at(p)}: dòng đóng góp bằng tiền chưa ghi số tiền. Hãy ghi số tiền (đồng).`,
  "money-amount-not-positive": (p) => `${at(p)}: số tiền bằng 0. Hãy ghi số tiền lớn hơn 0, hoặc xóa dòng.`,
  "money-row-has-goods": (p) => `${at(p)}: dòng "${p.form}" không ghi hiện vật. Hãy tách hiện vật sang một dòng "Hiện vật" riêng.`,
  "goods-missing": (p) => `${at(p)}: dòng hiện vật chưa ghi "${p.column}". Hãy ghi đủ tên hiện vật và số lượng.`,
  "goods-quantity-not-positive": (p) => `${at(p)}: số lượng hiện vật bằng 0. Hãy ghi số lượng lớn hơn 0.`,
  "goods-row-has-money": (p) => `${at(p)}: dòng "Hiện vật" không ghi số tiền. Hãy ghi giá trị vào cột "Giá trị hiện vật (đồng)", hoặc tách khoản tiền sang dòng riêng.`,
  "voucher-missing": (p) => `${at(p)}: chưa ghi số chứng từ. Hãy ghi số phiếu thu, phiếu chi.`,
  "voucher-duplicate": (p) => `${at(p)}: số chứng từ "${p.voucher}" của loại "${p.kind}" đã có ở dòng ${p.firstRow}. Hãy kiểm tra lại số chứng từ.`,
  "cash-negative-uncertain": (p) => `${at(p)}: sau khoản chi ngày ${dmy(p.date)}, quỹ tiền có thể âm (${num(p.balance)} đồng, không kể các dòng tiền chưa đọc được). Số dư chưa chắc chắn từ dòng ${p.fromRow} (dòng tiền chưa đọc được đầu tiên theo ngày): hãy sửa các dòng đó trước, rồi kiểm tra lại khoản chi này.`,
  "cash-negative": (p) => `${at(p)}: sau khoản chi ngày ${dmy(p.date)}, quỹ tiền còn âm (${num(p.balance)} đồng). Hãy kiểm tra các khoản thu trước đó hoặc số tiền chi.`,
  "individual-needs-gender": (p) => `${at(p)}: cá nhân được đề nghị khen thưởng cần ghi giới tính (Nam hoặc Nữ).`,
  "birth-year-range": (p) => `${at(p)}: năm sinh ${p.year} không hợp lệ. Hãy ghi năm từ 1900 đến ${p.max}.`,
  "collective-has-personal": (p) => `${at(p)}: đối tượng "${p.kind}" không ghi năm sinh, giới tính. Hãy xóa các ô đó.`,
  "awarded-needs-decision": (p) => `${at(p)}: đã khen thưởng nhưng chưa ghi số quyết định. Hãy ghi số quyết định khen thưởng.`,
  "nomination-duplicate": (p) => `${at(p)}: "${p.name}" đã được đề nghị cùng hình thức năm ${p.year} ở dòng ${p.firstRow}. Hãy xóa dòng trùng.`,
};
