import { RULES } from "../src/domain/rules/types";
import { messageCodes, t } from "../src/i18n";

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
