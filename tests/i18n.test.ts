import { RULES } from "../src/domain/rules/types";
import { messageCodes, t } from "../src/i18n";
import { fixtureIssues, HOSTILE_FIXTURES } from "./fixtures/hostile";

describe("messages", () => {
  it("exist in Vietnamese and English for every code", () => {
    expect(messageCodes("en").sort()).toEqual(messageCodes("vi").sort());
    for (const rule of Object.keys(RULES)) expect(messageCodes("vi")).toContain(rule);
  });

  it("name the cell and the sheet for every issue the hostile fixtures raise, and every rule is raised by one", async () => {
    const issues = (await Promise.all(HOSTILE_FIXTURES.map((f) => fixtureIssues(f.name)))).flat();
    expect(new Set(issues.map((i) => i.rule))).toEqual(new Set(Object.keys(RULES)));
    for (const i of issues) {
      for (const locale of ["vi", "en"] as const) {
        const text = t(i.rule, i.params, locale);
        if (i.rule === "table-missing") expect(text).toContain(i.table);
        else if (i.rule === "column-missing") expect(text).toContain(String(i.params.header));
        else expect(text).toContain(i.cell);
        expect(text).toContain(i.rule === "table-missing" ? String(i.params.expectedSheet) : i.sheet);
        expect([i.rule, text.includes("undefined")]).toEqual([i.rule, false]);
      }
    }
  });

  it("say how to fix it", () => {
    const fixWords = /hãy|bấm|bắt buộc|cần/i;
    for (const rule of Object.keys(RULES)) expect([rule, fixWords.test(t(rule, { cell: "A1", sheet: "S", column: "C" }))]).toEqual([rule, true]);
  });
});
