// One truth: the same concept read the same way by every output (issue: figures wrong in one
// output and right in another without a word).
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { XlsxWorkbook } from "../src/adapters/xlsx/xlsxWorkbook";
import { run } from "../src/cli/main";
import { tablePart, writeZip, zipEntries } from "./helpers/craft";
import { captureOutput } from "./helpers/output";

const dir = mkdtempSync(path.join(tmpdir(), "mot-su-that-"));
const demo = path.join(dir, "demo.xlsx");

beforeAll(async () => {
  expect((await captureOutput(() => run(["demo", "--out", demo]))).code).toBe(0);
}, 60_000);

describe("a table is found as Excel finds it, whatever its case", () => {
  it("a workbook whose info table is spelt TBLTHONGTIN still gives the report its issuing body, and the summary its commune", async () => {
    const book = path.join(dir, "hoa.xlsx");
    const entries = await zipEntries(demo);
    const part = tablePart(entries, "tblThongTin");
    entries.set(part, Buffer.from(entries.get(part)!.toString("utf8").replace(/(displayName|name)="tblThongTin"/g, '$1="TBLTHONGTIN"')));
    writeZip(book, entries);
    const out = path.join(dir, "hoa-bc.xlsx");
    expect((await captureOutput(() => run(["report", book, "--period", "2021-S2", "--out", out, "--today", "2022-01-05"]))).code).toBe(0);
    const cells = (await (await XlsxWorkbook.fromBuffer(readFileSync(out))).readRanges([{ sheet: "BC 6 tháng cuối năm 2021", range: { top: 0, left: 0, bottom: 3, right: 8 } }]))[0]!.flat();
    expect(cells).toEqual(expect.arrayContaining(["ỦY BAN NHÂN DÂN", "XÃ CHÂU SƠN"]));
    const c = await captureOutput(() => run(["consolidate", book, "--period", "2021", "--json"]));
    expect((JSON.parse(c.stdout) as { communes: { body: string }[] }).communes.map((x) => x.body)).toEqual(["XÃ CHÂU SƠN"]);
  });
});

/** Every text of a workbook's report sheet, as one string. */
async function sheetText(file: string, sheet: string): Promise<string> {
  const port = await XlsxWorkbook.fromBuffer(readFileSync(file));
  const used = (await port.summarize()).sheets.find((s) => s.name === sheet)!.usedRange!;
  return (await port.readRanges([{ sheet, range: used }]))[0]!.flat().filter((v) => typeof v === "string").join("\n");
}

describe("tasks and the plan's common milestones are counted apart, and a milestone no unit is named for blames none", () => {
  it("plan show and the report say the same counts: 26 tasks of the units and 2 common milestones, 28 rows of Nhiệm vụ", async () => {
    const shown = await captureOutput(() => run(["plan", "show", demo]));
    expect(shown.stdout).toContain("nhiệm vụ của các đơn vị: 26; mốc chung: 2 (trang Nhiệm vụ: 28 việc)");
    expect(await sheetText(demo, "BC năm 2021")).toContain("Các đơn vị được giao 28 việc: 26 nhiệm vụ của các đơn vị và 2 mốc chung của kế hoạch.");
  });

  it("a plan whose milestones name no unit: they stay unassigned (a warning to assign them), and the report lays their delay on no unit", async () => {
    const json = path.join(dir, "an-binh.json");
    const book = path.join(dir, "an-binh.xlsx");
    expect((await captureOutput(() => run(["plan", "import", path.join(__dirname, "fixtures/plans/bien-the-an-binh-2025.txt"), "--out", json]))).code).toBe(0);
    const plan = JSON.parse(readFileSync(json, "utf8")) as { units: { name: string }[]; milestones: { unit: string }[] };
    expect(plan.milestones.length).toBeGreaterThan(0);
    expect(plan.milestones.every((m) => m.unit === "")).toBe(true);
    expect((await captureOutput(() => run(["template", book, "--plan", json]))).code).toBe(0);
    const v = await captureOutput(() => run(["validate", book, "--json"]));
    expect(v.code).toBe(0);
    const issues = JSON.parse(v.stdout) as { rule: string; severity: string }[];
    expect(issues.filter((i) => i.rule === "milestone-unassigned").map((i) => i.severity)).toEqual(plan.milestones.flatMap(() => ["warning", "warning"]));
    const out = path.join(dir, "an-binh-bc.xlsx");
    expect((await captureOutput(() => run(["report", book, "--period", "2025", "--today", "2026-01-05", "--out", out]))).code).toBe(0);
    const text = await sheetText(out, "BC năm 2025");
    const overdue = text.split("\n").map((l) => l.trim()).find((l) => l.startsWith("- Còn ") && l.includes("quá hạn"))!;
    expect(overdue).toContain(`Chưa giao đơn vị (${plan.milestones.length} việc)`);
    // The first unit is blamed only for its own tasks.
    const first = plan.units[0]!.name;
    const own = new RegExp(`${first} \\((\\d+) việc\\)`).exec(overdue);
    expect(Number(own?.[1] ?? 0)).toBeLessThan(plan.milestones.length + 1);
  });
});

describe("the command line refuses what it does not understand", () => {
  it("misspelt options, a switch given a value, a file too many, and --out without --fix exit 64, naming what is accepted; nothing is written", async () => {
    const before = readFileSync(demo);
    const cases: [string[], string][] = [
      [["validate", demo, "--fixx"], "Lệnh validate không có tùy chọn --fixx. Các tùy chọn được nhận: --json, --fix, --out OUT, --today TODAY."],
      [["report", demo, "--peroid", "2021"], "Lệnh report không có tùy chọn --peroid."],
      [["nominations", demo, "--period", "2021", "--json"], "Lệnh nominations không có tùy chọn --json."],
      [["validate", demo, "--json=có"], "Tùy chọn --json của lệnh validate ghi chưa đúng"],
      [["validate", demo, path.join(dir, "thua.xlsx")], 'Lệnh validate không nhận thêm tệp "'],
      [["validate", demo, "--out", path.join(dir, "ra.xlsx")], "Lệnh validate: --out chỉ dùng cùng --fix."],
      [["merge", demo, demo, "--dryrun"], "Lệnh merge không có tùy chọn --dryrun."],
    ];
    for (const [argv, said] of cases) {
      const r = await captureOutput(() => run(argv));
      expect([argv.join(" "), r.code]).toEqual([argv.join(" "), 64]);
      expect(r.stderr).toContain(said);
    }
    expect(readFileSync(demo).equals(before)).toBe(true);
    const { existsSync } = await import("node:fs");
    expect(existsSync(path.join(dir, "ra.xlsx"))).toBe(false);
  });

  it("report --json without --out prints the figures and writes nothing, however often it is run", async () => {
    const before = readFileSync(demo);
    for (let i = 0; i < 2; i++) {
      const r = await captureOutput(() => run(["report", demo, "--period", "2021", "--json", "--today", "2022-01-05"]));
      expect(r.code).toBe(0);
      expect((JSON.parse(r.stdout) as { tasks: { total: number } }).tasks.total).toBe(28);
      expect(r.stderr).toContain("không thay đổi");
    }
    expect(readFileSync(demo).equals(before)).toBe(true);
  });
});
