// The command line with Node alone: the bundle `npm install` builds, started through the package's
// `bin`, says what the TypeScript sources say.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { run } from "../src/cli/main";
import { captureOutput } from "./helpers/output";

const ROOT = path.resolve(__dirname, "..");
const dir = mkdtempSync(path.join(tmpdir(), "cli-bundle-"));

it("bin/so-theo-doi.cjs runs the bundled command line with node alone, as the sources do", async () => {
  execFileSync("npm", ["run", "--silent", "build:cli"], { cwd: ROOT, stdio: "ignore" });
  const demo = path.join(dir, "demo.xlsx");
  expect((await captureOutput(() => run(["demo", "--out", demo]))).code).toBe(0);
  const bundled = spawnSync(process.execPath, [path.join(ROOT, "bin/so-theo-doi.cjs"), "validate", demo, "--json", "--today", "2022-01-05"], { encoding: "utf8" });
  const inProcess = await captureOutput(() => run(["validate", demo, "--json", "--today", "2022-01-05"]));
  expect(bundled.status).toBe(inProcess.code);
  expect(JSON.parse(bundled.stdout)).toEqual(JSON.parse(inProcess.stdout));
  // It refuses what it does not understand, as the sources do.
  const bad = spawnSync(process.execPath, [path.join(ROOT, "bin/so-theo-doi.cjs"), "validate", demo, "--fixx"], { encoding: "utf8" });
  expect([bad.status, bad.stderr]).toEqual([64, expect.stringContaining("không có tùy chọn --fixx") as string]);
}, 60_000);
