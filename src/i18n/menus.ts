/**
 * Where a command is in Excel, in the words of the Excel the clerk has: a Vietnamese Office names
 * its tabs and buttons in Vietnamese. Inside Excel the add-in knows the Office's language
 * (`Office.context.displayLanguage`) and gives one path; elsewhere (the command line, the preview)
 * a Vietnamese message gives both, since the clerk's Excel may be either.
 */
export type MenuKey = "tableName" | "nameManager" | "unprotectSheet" | "unprotectWorkbook" | "clearFilter" | "totalRow" | "unhideRows" | "saveAs";

const MENUS: Record<MenuKey, { vi: string; en: string }> = {
  tableName: { vi: "Thiết kế Bảng > Tên Bảng", en: "Table Design > Table Name" },
  nameManager: { vi: "Công thức > Trình quản lý Tên", en: "Formulas > Name Manager" },
  unprotectSheet: { vi: "Xem lại > Bỏ bảo vệ Trang tính", en: "Review > Unprotect Sheet" },
  unprotectWorkbook: { vi: "Xem lại > Bảo vệ Sổ làm việc", en: "Review > Protect Workbook" },
  clearFilter: { vi: "Dữ liệu > Xóa", en: "Data > Clear" },
  saveAs: { vi: "Tệp > Lưu Như", en: "File > Save As" },
  totalRow: { vi: "Thiết kế Bảng > Hàng Tổng", en: "Table Design > Total Row" },
  unhideRows: { vi: "Trang đầu > Định dạng > Ẩn & Bỏ ẩn > Bỏ ẩn Hàng", en: "Home > Format > Hide & Unhide > Unhide Rows" },
};

let office: "vi" | "en" | undefined;

/** The language of the Office the add-in runs in (a BCP 47 tag such as "vi-VN"), once, at start. */
export function setOfficeLanguage(displayLanguage: string | undefined): void {
  office = displayLanguage === undefined ? undefined : displayLanguage.toLowerCase().startsWith("vi") ? "vi" : "en";
}

/** A command's path for a message in the given language. */
export function menu(key: MenuKey, locale: "vi" | "en"): string {
  const m = MENUS[key];
  if (office !== undefined) return m[office];
  return locale === "vi" ? `Excel tiếng Việt: ${m.vi}; tiếng Anh: ${m.en}` : m.en;
}
