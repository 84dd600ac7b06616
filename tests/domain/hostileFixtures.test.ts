import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import type { Issue } from "../../src/domain/rules/types";
import { fixtureIssues, HOSTILE_FIXTURES } from "../fixtures/hostile";

const GOLDEN = path.resolve(__dirname, "../fixtures/golden");
const UPDATE = process.env.UPDATE_GOLDEN === "1";

/** What a golden file keeps of an issue: where, which rule, how severe, and the fix if any. */
function golden(issues: readonly Issue[]) {
  return issues.map((i) => ({ sheet: i.sheet, cell: i.cell, rule: i.rule, severity: i.severity, ...(i.fix ? { fix: i.fix.value } : {}) }));
}

describe("hostile workbooks give exactly their golden issues", () => {
  it("has at least 30 fixtures, each with a golden file", () => {
    expect(HOSTILE_FIXTURES.length).toBeGreaterThanOrEqual(30);
    if (!UPDATE) for (const f of HOSTILE_FIXTURES) expect([f.name, existsSync(path.join(GOLDEN, `${f.name}.json`))]).toEqual([f.name, true]);
  });

  it.each(HOSTILE_FIXTURES.map((f) => [f.name, f.clean === true] as const))("%s", async (name, clean) => {
    const actual = golden(await fixtureIssues(name));
    const file = path.join(GOLDEN, `${name}.json`);
    if (UPDATE) {
      mkdirSync(GOLDEN, { recursive: true });
      writeFileSync(file, `${JSON.stringify(actual, null, 2)}\n`);
    }
    if (!existsSync(file)) throw new Error(`No golden file ${file}. Actual issues, to review and paste in:\n${JSON.stringify(actual, null, 2)}`);
    const expected = JSON.parse(readFileSync(file, "utf8")) as unknown;
    // Only fixtures declared clean may expect nothing: an empty golden elsewhere would pass anything.
    expect(actual.length === 0).toBe(clean);
    expect(actual).toEqual(expected);
  });
});
