import { spawnSync } from "node:child_process";
import * as path from "node:path";

const ROOT = path.resolve(__dirname, "..");
const check = (...files: string[]) => spawnSync(path.join(ROOT, "node_modules/.bin/tsx"), ["scripts/check-office-apis.ts", ...files], { cwd: ROOT, encoding: "utf8" });

describe("npm run check:office-apis", () => {
  it("passes on the adapter, listing the guarded members above the declared set", () => {
    const r = check();
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/✓ ExcelApi 1\.13\s+Table\.resize\s+guarded/);
    expect(r.stdout).toMatch(/✓ ExcelApi 1\.9\s+Worksheet\.pageLayout\s+guarded/);
  }, 60_000);

  it("fails on a planted ExcelApi 1.13 call without a guard", () => {
    const r = check("tests/fixtures/office/unguarded.ts");
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/✗ ExcelApi 1\.13\s+Table\.resize\s+NOT GUARDED/);
  }, 60_000);
});
