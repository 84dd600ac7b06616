import type { CellStyle, DataValidation, DataValidationRule, RangeBox } from "../grid";
import { isoToSerial } from "../dates";
import type { ColumnKind, ColumnSpec } from "./types";

/** Number formats by column kind. Excel shows `#,##0` with the user's own separator (2.345 in Vietnamese). */
const NUM_FMT: Partial<Record<ColumnKind, string>> = {
  date: "dd/mm/yyyy",
  whole: "#,##0",
  amount: "#,##0",
  rate: "0.0%",
  year: "0",
  index: "0",
};

export function columnStyle(kind: ColumnKind): CellStyle {
  const numFmt = NUM_FMT[kind];
  const style: CellStyle = { vAlign: "top" };
  if (numFmt) style.numFmt = numFmt;
  if (kind === "longtext") style.wrap = true;
  return style;
}

/** Headers stand out even where table styles are not drawn (old viewers, LibreOffice, print). */
export const HEADER_STYLE: CellStyle = { bold: true, wrap: true, vAlign: "middle", hAlign: "center", fill: "DDEBF7", border: "thin" };

/** How a tracking sheet prints: A4 landscape, one page wide, the header row on every page. */
export const TRACKING_PRINT = {
  paper: "A4",
  orientation: "landscape",
  marginsCm: { top: 1.5, bottom: 1.5, left: 1.5, right: 1.5 },
  fitToWidth: true,
  titleRows: { from: 0, to: 0 },
} as const;

const MIN_DATE = isoToSerial("2000-01-01");
const MAX_DATE = isoToSerial("2100-12-31");

/** Excel limits: titles 32 characters, prompt 255, error 225. */
const clip = (s: string, n: number) => (s.length <= n ? s : `${s.slice(0, n - 1)}…`);

/**
 * The native Excel rule for a column, with Vietnamese prompt and error. `listSource` is the
 * formula of the allowed values when the column takes them from a table. Every rule uses the
 * `warning` style: Excel asks, the user may keep the value (entry is never blocked).
 */
export function columnValidation(
  column: ColumnSpec,
  range: RangeBox,
  listSource: string | undefined,
): DataValidation | undefined {
  const make = (rule: DataValidationRule, prompt: string, error: string): DataValidation => ({
    range,
    rule,
    promptTitle: clip(column.header, 32),
    prompt: clip(column.hint ? `${prompt} ${column.hint}` : prompt, 255),
    errorTitle: clip(`Kiểm tra cột ${column.header}`, 32),
    error: clip(error, 225),
  });
  if (column.list?.kind === "enum") {
    const values = column.list.values;
    return make(
      { kind: "list", source: `"${values.join(",")}"` },
      `Chọn một giá trị: ${values.join("; ")}.`,
      `Giá trị này không có trong danh sách của cột "${column.header}" (${values.join("; ")}). Bấm Không rồi chọn từ danh sách ở mũi tên bên phải ô.`,
    );
  }
  if (column.list?.kind === "table") {
    if (!listSource) return undefined;
    return make(
      { kind: "list", source: listSource },
      `Chọn từ danh sách "${column.list.header}" ở trang Danh mục.`,
      `Giá trị này chưa có trong danh sách "${column.list.header}" (trang Danh mục). Chọn từ danh sách, hoặc thêm giá trị vào Danh mục trước.`,
    );
  }
  switch (column.kind) {
    case "date":
      return make(
        { kind: "date", min: MIN_DATE, max: MAX_DATE },
        // The prompt travels with the shared workbook: it must hold on a computer that reads dates month first too.
        "Nhập ngày theo dạng ngày/tháng/năm, ví dụ 15/06/2021. Máy đặt ngày kiểu tháng trước (M/d/yyyy) thì nhập 2021-06-15.",
        `Cột "${column.header}" cần một ngày hợp lệ từ 01/01/2000 đến 31/12/2100, nhập theo dạng ngày/tháng/năm, ví dụ 15/06/2021 (hoặc năm-tháng-ngày: 2021-06-15).`,
      );
    case "whole":
      return make(
        { kind: "whole", min: 0 },
        "Nhập số nguyên từ 0 trở lên.",
        `Cột "${column.header}" cần một số nguyên từ 0 trở lên, không có phần lẻ và không kèm chữ.`,
      );
    case "amount":
      return make(
        { kind: "whole", min: 0 },
        "Nhập số tiền bằng đồng, là số nguyên, ví dụ 1000000.",
        `Cột "${column.header}" cần số tiền nguyên đồng từ 0 trở lên, không kèm chữ "đ" hay "đồng".`,
      );
    case "year":
      return make(
        { kind: "whole", min: 1900, max: 2100 },
        "Nhập năm sinh bốn chữ số, ví dụ 1978.",
        `Cột "${column.header}" cần năm sinh bốn chữ số, từ 1900 đến năm hiện tại.`,
      );
    default:
      return undefined;
  }
}
