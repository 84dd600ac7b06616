import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import JSZip from "jszip";
import { run } from "../src/cli/main";
import { chauSonPlan } from "../src/domain/sample/chauSonPlan";
import { captureOutput } from "./helpers/output";
import { SEED_FILE, seedPlanAsRead } from "./helpers/seed";

const dir = mkdtempSync(path.join(tmpdir(), "plan-cli-"));
const PLANS = path.resolve(__dirname, "fixtures/plans");

/** Every text of a workbook: its shared strings, inline strings and formulas, sheet by sheet. */
async function allText(file: string): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const parts = Object.keys(zip.files).filter((n) => /^xl\/(sharedStrings|worksheets\/sheet\d+|workbook)\.xml$/.test(n));
  return (await Promise.all(parts.map((n) => zip.file(n)!.async("string")))).join("\n");
}

describe("plan import, template --plan, plan show", () => {
  it("reads the seed's text and its .docx to the sample plan, with nothing unplaced", async () => {
    for (const file of [SEED_FILE, path.join(PLANS, "ke-hoach-chau-son-2021.docx")]) {
      const r = await captureOutput(() => run(["plan", "import", file, "--json"]));
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout)).toEqual({ ...(await seedPlanAsRead()), unplaced: [], notices: [] });
    }
  });

  it("refuses a file it cannot read, naming it", async () => {
    const missing = await captureOutput(() => run(["plan", "import", path.join(dir, "khong-co.docx")]));
    expect([missing.code, missing.stderr]).toEqual([2, expect.stringContaining("khong-co.docx") as string]);
    const fake = path.join(dir, "gia.docx");
    writeFileSync(fake, "không phải Word");
    const bad = await captureOutput(() => run(["plan", "import", fake]));
    expect([bad.code, bad.stderr]).toEqual([2, expect.stringContaining("không phải văn bản Word (.docx)") as string]);
  });

  it("makes a workbook for another commune's plan, without pledges or donations, whose report carries that plan and no text of the sample", async () => {
    const json = path.join(dir, "an-binh.json");
    const book = path.join(dir, "an-binh.xlsx");
    expect((await captureOutput(() => run(["plan", "import", path.join(PLANS, "bien-the-an-binh-2025.txt"), "--out", json]))).code).toBe(0);
    const made = await captureOutput(() => run(["template", book, "--plan", json]));
    expect(made.code).toBe(0);
    const shown = await captureOutput(() => run(["plan", "show", book, "--json"]));
    expect(shown.code).toBe(0);
    const kept = JSON.parse(shown.stdout) as typeof chauSonPlan;
    expect(kept.movement).toBe("Chung tay xây dựng nông thôn mới");
    expect(kept.trackers).toEqual(["tasks", "nominations"]);
    expect(kept.planNumber).toBeNull();
    // A second template run reads the plan the workbook keeps: nothing to add.
    const again = await captureOutput(() => run(["template", book]));
    expect([again.code, again.stdout]).toEqual([0, expect.stringContaining("không thay đổi gì") as string]);
    expect((await captureOutput(() => run(["validate", book]))).code).toBe(0);
    const report = await captureOutput(() => run(["report", book, "--period", "2025", "--today", "2026-01-05"]));
    expect(report.code).toBe(0);
    const text = await allText(book);
    for (const seed of ["Covid", "Châu Sơn", "CHÂU SƠN", "Quỳnh Phụ", "II.1", "Cam kết", "Đóng góp"]) expect([seed, text.includes(seed)]).toEqual([seed, false]);
    for (const own of ["XÃ AN BÌNH", "Chung tay xây dựng nông thôn mới", "UBND tỉnh Hưng Yên", "Nguyễn Văn An", "KT. CHỦ TỊCH", "Công an xã"]) expect([own, text.includes(own)]).toEqual([own, true]);
  });

  it("refuses a plan file that is not a plan, naming the field", async () => {
    const json = path.join(dir, "hong.json");
    writeFileSync(json, JSON.stringify({ ...chauSonPlan, signatory: { ...chauSonPlan.signatory, name: "" } }));
    const r = await captureOutput(() => run(["template", path.join(dir, "x.xlsx"), "--plan", json]));
    expect([r.code, r.stderr]).toEqual([1, expect.stringContaining('trường "signatory.name"') as string]);
  });
});
