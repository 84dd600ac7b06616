import { RULES } from "../src/domain/rules/types";
import { messageCodes, t } from "../src/i18n";

describe("messages", () => {
  it("exist in Vietnamese and English for every code", () => {
    expect(messageCodes("en").sort()).toEqual(messageCodes("vi").sort());
    for (const rule of Object.keys(RULES)) expect(messageCodes("vi")).toContain(rule);
  });

  it("name the cell and the sheet for every cell rule, in both languages", () => {
    const params = { cell: "H7", sheet: "Đóng góp", column: "Số tiền (đồng)", table: "tblDongGop", header: "Ngày", expectedSheet: "Đóng góp" };
    for (const rule of Object.keys(RULES)) {
      for (const locale of ["vi", "en"] as const) {
        const text = t(rule, params, locale);
        if (rule === "table-missing") expect(text).toContain("tblDongGop");
        else if (rule === "column-missing") expect(text).toContain('"Ngày"');
        else expect(text).toContain("H7");
        expect(text).toContain("Đóng góp");
        expect(text).not.toContain("undefined");
      }
    }
  });

  it("say how to fix it", () => {
    const fixWords = /hãy|bấm|bắt buộc|cần/i;
    for (const rule of Object.keys(RULES)) expect([rule, fixWords.test(t(rule, { cell: "A1", sheet: "S", column: "C" }))]).toEqual([rule, true]);
  });
});
