import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { RULES, type Issue } from "../../src/domain/rules/types";
import { t } from "../../src/i18n";
import { XlsxWorkbook } from "../../src/adapters/xlsx/xlsxWorkbook";
import { NODE_ZLIB } from "../../src/cli/workbookFiles";
import { VALIDATED_TABLES } from "../../src/domain/rules/validate";
import { fixtureBytes, fixtureIssues, HOSTILE_FIXTURES } from "../fixtures/hostile";

const GOLDEN = path.resolve(__dirname, "../fixtures/golden");
const UPDATE = process.env.UPDATE_GOLDEN === "1";

/**
 * What a golden file keeps of an issue: where, which rule, how severe, what its message says
 * (its parameters, less the cell, sheet and column already there), and the fix if any.
 */
function golden(issues: readonly Issue[]) {
  return issues.map((i) => {
    const params = Object.fromEntries(Object.entries(i.params).filter(([k]) => k !== "cell" && k !== "sheet" && k !== "column"));
    return { sheet: i.sheet, cell: i.cell, rule: i.rule, severity: i.severity, ...(Object.keys(params).length > 0 ? { params } : {}), ...(i.fix ? { fix: i.fix.value } : {}) };
  });
}

describe("hostile workbooks give exactly their golden issues", () => {
  it("has at least 30 fixtures, each with a golden file", () => {
    expect(HOSTILE_FIXTURES.length).toBeGreaterThanOrEqual(30);
    if (!UPDATE) for (const f of HOSTILE_FIXTURES) expect([f.name, existsSync(path.join(GOLDEN, `${f.name}.json`))]).toEqual([f.name, true]);
  });

  it.each(HOSTILE_FIXTURES.map((f) => [f.name, f.clean === true] as const))("%s", async (name, clean) => {
    const issues = await fixtureIssues(name);
    const actual = golden(issues);
    const file = path.join(GOLDEN, `${name}.json`);
    if (UPDATE) {
      // Writing the golden file is not a pass: a changed file fails until its diff is reviewed
      // and the tests run again without UPDATE_GOLDEN.
      const text = `${JSON.stringify(actual, null, 2)}\n`;
      const before = existsSync(file) ? readFileSync(file, "utf8") : undefined;
      mkdirSync(GOLDEN, { recursive: true });
      writeFileSync(file, text);
      if (before !== text) throw new Error(`Golden file ${name}.json written anew: review its diff (git diff ${path.relative(process.cwd(), file)}), then run the tests without UPDATE_GOLDEN.`);
    }
    if (!existsSync(file)) throw new Error(`No golden file ${file}. Actual issues, to review and paste in:\n${JSON.stringify(actual, null, 2)}`);
    const expected = JSON.parse(readFileSync(file, "utf8")) as unknown;
    // Only fixtures declared clean may expect nothing: an empty golden elsewhere would pass anything.
    expect(actual.length === 0).toBe(clean);
    expect(actual).toEqual(expected);
  });

  it("raise every rule, each with a message naming its cell and sheet in both languages", async () => {
    const raised: Issue[] = [];
    for (const f of HOSTILE_FIXTURES) raised.push(...(await fixtureIssues(f.name)));
    expect(new Set(raised.map((i) => i.rule))).toEqual(new Set(Object.keys(RULES)));
    for (const i of raised) {
      for (const locale of ["vi", "en"] as const) {
        const text = t(i.rule, i.params, locale);
        // A missing table is named by its sheet, never by its technical name (the clerk never sees "tblKhenThuong").
        if (i.rule === "table-missing") expect(text).not.toContain(i.table);
        else if (i.rule === "column-missing") expect(text).toContain(String(i.params.header));
        else expect(text).toContain(i.cell);
        expect(text).toContain(i.rule === "table-missing" ? String(i.params.expectedSheet) : i.sheet);
        expect([i.rule, text.includes("undefined")]).toEqual([i.rule, false]);
      }
    }
  });
});

describe("the two read paths of the xlsx adapter", () => {
  it.each(HOSTILE_FIXTURES.map((f) => f.name))("read %s alike, tables and summary: streamed while inflating (command line) and from the whole part (preview)", async (name) => {
    const bytes = await fixtureBytes(name);
    const names = VALIDATED_TABLES.map((t) => t.spec.name);
    const [a, b] = [await XlsxWorkbook.fromBuffer(bytes), await XlsxWorkbook.fromBuffer(bytes, NODE_ZLIB)];
    const whole = await a.readTables(names);
    const streamed = await b.readTables(names);
    expect(streamed).toEqual(whole);
    expect(await b.summarize()).toEqual(await a.summarize());
    expect([...whole.values()].reduce((n, t) => n + t.rows.length, 0)).toBeGreaterThan(0);
  });
});
