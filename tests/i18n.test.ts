import { setOfficeLanguage } from "../src/i18n/menus";
import { RULES } from "../src/domain/rules/types";
import { errorText, messageCodes, t } from "../src/i18n";
import { explainError } from "../src/i18n/errors";

describe("messages", () => {
  it("exist in Vietnamese and English for every code", () => {
    expect(messageCodes("en").sort()).toEqual(messageCodes("vi").sort());
    for (const rule of Object.keys(RULES)) expect(messageCodes("vi")).toContain(rule);
  });

  it("say how to fix it", () => {
    const fixWords = /hãy|bấm|bắt buộc|cần/i;
    for (const rule of Object.keys(RULES)) expect([rule, fixWords.test(t(rule, { cell: "A1", sheet: "S", column: "C" }))]).toEqual([rule, true]);
  });
});

describe("failures told to the user", () => {
  const named = (name: string, message: string, fields: Record<string, unknown> = {}) => Object.assign(new Error(message), { name }, fields);
  const cases: [string, unknown, RegExp][] = [
    ["a zip that is no zip (JSZip)", new Error("Can't find end of central directory : is this a zip file ? If it is, see https://stuk.github.io/jszip/documentation/howto/read_zip.html"), /không phải sổ tính Excel/],
    ["a damaged part", named("XmlPartError", "xl/worksheets/sheet1.xml: unclosed tag", { part: "xl/worksheets/sheet1.xml" }), /bị hỏng một phần.*sheet1\.xml/],
    ["a file error from the worker", named("WorkbookFileError", "legacy-or-encrypted: a.xls", { problem: "legacy-or-encrypted", file: "a.xls" }), /Excel 97-2003/],
    ["a refusal to overwrite", named("GridConflictError", "Grid would overwrite", { sheet: "Nhiệm vụ", cells: ["A2", "B2"] }), /ghi đè.*A2, B2/],
    ["Excel's size limit", named("RichApi.Error", "The request payload size has exceeded the limit.", { code: "RequestPayloadSizeLimitExceeded" }), /5 MB/],
    ["an Excel code not in the list", named("RichApi.Error", "Something internal happened.", { code: "GeneralException" }), /mã GeneralException/],
    ["a protected sheet", named("WorkbookLockedError", "x", { sheet: "Đóng góp" }), /"Đóng góp" đang được bảo vệ/],
    ["a bug of ours", new TypeError("Cannot read properties of undefined (reading 'x')"), /lỗi không lường trước/],
    ["a string thrown", "boom", /lỗi không lường trước/],
  ];
  it.each(cases)("%s: told in Vietnamese, without the exception's text", (_, e, expected) => {
    const text = errorText(e, { file: "so.xlsx" });
    expect(text).toMatch(expected);
    expect(text).not.toMatch(/Can't find|unclosed|payload|internal happened|Cannot read|boom|https?:/);
    expect(messageCodes("vi")).toContain(explainError(e).code);
    expect(messageCodes("en")).toContain(explainError(e).code);
  });

  it("says the workbook is unchanged only when nothing was written", () => {
    const bug = new TypeError("x");
    expect(errorText(bug, { writes: false })).toContain("Sổ chưa bị thay đổi");
    expect(errorText(bug, { writes: true })).not.toContain("Sổ chưa bị thay đổi");
    expect(errorText(bug, { writes: true })).toContain("có thể đã được ghi");
    // A refusal comes before any write, even in a job that writes.
    expect(errorText(named("TableGrowthError", "x", { table: "tblNhiemVu", cells: "H1:H9" }), { writes: true })).toContain("Sổ chưa bị thay đổi");
  });
});

describe("an issue's message in a list that shows the place already", () => {
  it("drops the place it opens with, whatever the column's name holds", async () => {
    const { issueMessageShort } = await import("../src/i18n");
    const params = { cell: "H3", sheet: "Đóng góp", column: "Số tiền (đồng)", value: "1.000.000 đ", number: 1_000_000 };
    expect(issueMessageShort("number-as-text", params, "vi")).toBe('Số "1.000.000 đ" đang được lưu dưới dạng chữ. Bấm "Sửa" để lưu thành số 1.000.000.');
    expect(issueMessageShort("required", { cell: "A2", sheet: "S", column: "Ngày" }, "vi")).toBe("Đang trống. Cột này bắt buộc phải ghi.");
  });
});

describe("Excel's commands in the words of the clerk's Office", () => {
  afterEach(() => setOfficeLanguage(undefined));

  it("gives a Vietnamese Office's path inside a Vietnamese Office, and an English one's inside an English Office", () => {
    setOfficeLanguage("vi-VN");
    expect(t("office-filtered", {}, "vi")).toBe("Bảng đang được lọc. Hãy bỏ lọc (Dữ liệu > Xóa) rồi chạy lại.");
    expect(t("office-sheet-protected", { sheet: "Đóng góp" }, "vi")).toContain("(Xem lại > Bỏ bảo vệ Trang tính; cần mật khẩu nếu có)");
    setOfficeLanguage("en-US");
    expect(t("office-filtered", {}, "en")).toBe("The table is filtered. Clear the filter (Data > Clear) and run again.");
    // A Vietnamese message for a clerk whose Office is English names the English buttons.
    expect(t("grid-name-taken", { detail: "tblDongGop" }, "vi")).toContain("(Formulas > Name Manager)");
    expect(t("grid-name-taken", { detail: "tblDongGop" }, "vi")).not.toContain("Trình quản lý Tên");
  });

  it("gives both where the Office is not known (the command line, the preview), in a Vietnamese message", () => {
    expect(t("grid-table-exists", { detail: "tblDongGop" }, "vi")).toContain("(Excel tiếng Việt: Thiết kế Bảng > Tên Bảng; tiếng Anh: Table Design > Table Name)");
    expect(t("grid-table-exists", { detail: "tblDongGop" }, "en")).toContain("(Table Design > Table Name)");
  });
});

describe("Excel's refusal while another workbook is in front (InactiveWorkbook)", () => {
  it("mid-write, says part may have been written; the sheets-first refusal alone says nothing was", () => {
    const inactive = Object.assign(new Error("RichApi.Error"), { name: "RichApi.Error", code: "InactiveWorkbook" });
    const said = errorText(inactive, { writes: true });
    expect(said).toContain("cửa sổ đang hiện một sổ khác");
    expect(said).toContain("Một phần việc có thể đã được ghi vào sổ");
    expect(said).not.toContain("Chưa có ô nào được ghi");
    expect(errorText(inactive, { writes: false })).toContain("Sổ chưa bị thay đổi.");
    const switched = Object.assign(new Error("x"), { name: "WorkbookSwitchedError", sheets: ["Đóng góp"] });
    expect(errorText(switched, { writes: true })).toContain("Chưa có ô nào được ghi");
    expect(errorText(switched, { writes: true })).not.toContain("Một phần việc");
  });
});
