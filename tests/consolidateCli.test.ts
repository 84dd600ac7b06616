import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { XlsxWorkbook } from "../src/adapters/xlsx/xlsxWorkbook";
import { run } from "../src/cli/main";
import type { Figures } from "../src/domain/report/figures";
import { captureOutput } from "./helpers/output";
import { SEED_FILE } from "./helpers/seed";

const dir = mkdtempSync(path.join(tmpdir(), "consolidate-"));
const books = path.join(dir, "cac-xa");

interface Summary {
  communes: (Figures & { file: string; body: string })[];
  shared: string[];
  total: { tasks: Record<string, number> | null; pledges: unknown; donations: Record<string, number> | null; nominations: { total: number; awarded: { total: number } } | null };
  unreadable: { file: string }[];
  missing: string[];
  otherMovements: string[];
}

/** `report --json` of a workbook, the workbook itself left as it is (the sheet goes to a copy). */
async function reportJson(file: string): Promise<Figures> {
  const r = await captureOutput(() => run(["report", file, "--period", "2021", "--json", "--out", path.join(dir, `r-${path.basename(file)}`)]));
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as Figures;
}

beforeAll(async () => {
  mkdirSync(books);
  expect((await captureOutput(() => run(["demo", "--out", path.join(books, "chau-son.xlsx")]))).code).toBe(0);
  // A second commune of the same movement, whose plan does not track pledges: its own workbook from its own plan.
  const planFile = path.join(dir, "chau-hoa.json");
  expect((await captureOutput(() => run(["plan", "import", SEED_FILE, "--out", planFile]))).code).toBe(0);
  const plan = JSON.parse(readFileSync(planFile, "utf8")) as { issuingBody: { name: string }; trackers: string[]; place: string };
  plan.issuingBody.name = "XÃ CHÂU HÒA";
  plan.place = "Châu Hòa";
  plan.trackers = plan.trackers.filter((t) => t !== "pledges");
  writeFileSync(planFile, JSON.stringify(plan));
  expect((await captureOutput(() => run(["template", path.join(books, "chau-hoa.xlsx"), "--plan", planFile]))).code).toBe(0);
  // A third commune of another movement, and a file that is not a workbook.
  const other = path.join(dir, "an-binh.json");
  expect((await captureOutput(() => run(["plan", "import", path.join(__dirname, "fixtures/plans/bien-the-an-binh-2025.txt"), "--out", other]))).code).toBe(0);
  expect((await captureOutput(() => run(["template", path.join(books, "an-binh.xlsx"), "--plan", other]))).code).toBe(0);
  writeFileSync(path.join(books, "hong.xlsx"), "not a workbook");
  writeFileSync(path.join(books, "~$chau-son.xlsx"), "Excel's lock file");
});

describe("consolidate FILES|DIR… --period P --out SUMMARY.xlsx", () => {
  let summary: Summary;
  const out = path.join(dir, "tong-hop.xlsx");

  beforeAll(async () => {
    const r = await captureOutput(() => run(["consolidate", books, "--period", "2021", "--out", out, "--json"]));
    expect(r.code).toBe(0);
    summary = JSON.parse(r.stdout) as Summary;
    expect(r.stderr).toContain("hong.xlsx");
    expect(summary.unreadable).toEqual([{ file: "hong.xlsx", reason: expect.any(String) as unknown }]);
  });

  it("has one entry per commune's workbook: its file, its body and its figures as its report --json (DOMAIN.md)", async () => {
    expect(summary.communes.map((c) => c.body)).toEqual(["XÃ AN BÌNH", "XÃ CHÂU HÒA", "XÃ CHÂU SƠN"]);
    for (const c of summary.communes) {
      const f = await reportJson(path.join(books, c.file));
      const { file, body, movement, trackers, ...figures } = c as Summary["communes"][number] & { movement: string; trackers: string[] };
      expect([file, body, typeof movement, Array.isArray(trackers)]).toEqual([c.file, c.body, "string", true]);
      expect(figures).toEqual(f);
    }
  });

  it("sums only the figures every commune of the movement has, sets the other movement apart, and says so", async () => {
    expect(summary.otherMovements).toEqual(["Chung tay xây dựng nông thôn mới"]);
    expect(summary.shared).toEqual(["tasks", "donations", "nominations"]);
    expect(summary.total.pledges).toBeNull();
    const same = summary.communes.filter((c) => c.body !== "XÃ AN BÌNH");
    const add = (k: string, pick: (c: Summary["communes"][number]) => object) => same.reduce((n, c) => n + ((pick(c) as Record<string, number>)[k] ?? 0), 0);
    for (const k of ["total", "doneOnTime", "doneLate", "overdue", "open"]) expect([k, summary.total.tasks![k]]).toEqual([k, add(k, (c) => c.tasks)]);
    for (const k of ["receivedMoney", "receivedGoodsValue", "disbursedMoney", "closingCash"]) expect([k, summary.total.donations![k]]).toEqual([k, add(k, (c) => c.donations)]);
    expect(summary.total.nominations).toEqual({ total: add("total", (c) => c.nominations), awarded: { total: same.reduce((n, c) => n + c.nominations.awarded.total, 0) } });
    expect(Number.isInteger(summary.total.donations!.receivedMoney)).toBe(true);
    const sheet = await XlsxWorkbook.fromBuffer(readFileSync(out));
    const rows = (await sheet.readRanges([{ sheet: "Tổng hợp các xã", range: { top: 0, left: 0, bottom: 20, right: 16 } }]))[0]!;
    const text = rows.flat().filter((v) => typeof v === "string").join("\n");
    expect(text).toContain("không cộng: ký cam kết");
    expect(text).toContain("Không cộng các sổ của phong trào khác (liệt kê riêng ở dưới): Chung tay xây dựng nông thôn mới");
    expect(text).toContain("Không đọc được tệp hong.xlsx");
    const total = rows.find((r) => r[1] === "Tổng cộng")!;
    expect(total[3]).toBe(summary.total.tasks!.total);
  });

  it("lists the communes expected but missing, and never writes over an existing summary", async () => {
    const list = path.join(dir, "ds.txt");
    writeFileSync(list, "XÃ CHÂU SƠN\nXã Châu Hòa\nXÃ AN THANH\n");
    const r = await captureOutput(() => run(["consolidate", path.join(books, "chau-son.xlsx"), path.join(books, "chau-hoa.xlsx"), "--period", "2021", "--json", "--expect", list]));
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as Summary).missing).toEqual(["XÃ AN THANH"]);
    const again = await captureOutput(() => run(["consolidate", books, "--period", "2021", "--out", out]));
    expect(again.code).toBe(1);
    expect(existsSync(out)).toBe(true);
  });
});

describe("consolidate says what it counts once and what it leaves out", () => {
  it("a commune's workbook and its copies in the folder are counted once; the copies are named", async () => {
    const folder = path.join(dir, "ban-sao");
    mkdirSync(folder);
    const { copyFileSync } = await import("node:fs");
    copyFileSync(path.join(books, "chau-son.xlsx"), path.join(folder, "chau-son.xlsx"));
    copyFileSync(path.join(books, "chau-son.xlsx"), path.join(folder, "chau-son (1).xlsx"));
    copyFileSync(path.join(books, "chau-son.xlsx"), path.join(folder, "chau-son - Copy.xlsx"));
    const one = JSON.parse((await captureOutput(() => run(["consolidate", path.join(books, "chau-son.xlsx"), "--period", "2021", "--json"]))).stdout) as Summary;
    const r = await captureOutput(() => run(["consolidate", folder, "--period", "2021", "--json", "--out", path.join(dir, "ban-sao.xlsx")]));
    expect(r.code).toBe(0);
    const three = JSON.parse(r.stdout) as Summary & { duplicates: { body: string; counted: string; others: string[]; differ: boolean }[] };
    expect(three.communes).toHaveLength(1);
    expect(three.total).toEqual(one.total);
    expect(three.duplicates).toEqual([{ body: "XÃ CHÂU SƠN", counted: "chau-son (1).xlsx", others: ["chau-son - Copy.xlsx", "chau-son.xlsx"], differ: false }]);
    expect(r.stderr).toContain("XÃ CHÂU SƠN: 3 tệp là cùng một sổ (chau-son (1).xlsx, chau-son - Copy.xlsx, chau-son.xlsx); chỉ tính một lần, theo tệp chau-son (1).xlsx.");
    const sheet = (await (await XlsxWorkbook.fromBuffer(readFileSync(path.join(dir, "ban-sao.xlsx")))).readRanges([{ sheet: "Tổng hợp các xã", range: { top: 0, left: 0, bottom: 12, right: 2 } }]))[0]!;
    expect(sheet.filter((row) => row[1] === "XÃ CHÂU SƠN")).toHaveLength(1);
  });

  it("a commune of another movement is listed apart, never numbered among the communes summed", async () => {
    const out = path.join(dir, "phong-trao-khac.xlsx");
    expect((await captureOutput(() => run(["consolidate", books, "--period", "2021", "--out", out]))).code).toBe(0);
    const rows = (await (await XlsxWorkbook.fromBuffer(readFileSync(out))).readRanges([{ sheet: "Tổng hợp các xã", range: { top: 0, left: 0, bottom: 14, right: 2 } }]))[0]!;
    const at = (body: string) => rows.find((row) => row[1] === body)!;
    expect([at("XÃ CHÂU HÒA")[0], at("XÃ CHÂU SƠN")[0]].sort()).toEqual([1, 2]);
    expect(at("XÃ AN BÌNH")[0]).toBeNull();
    const total = rows.findIndex((row) => row[1] === "Tổng cộng");
    expect(rows.indexOf(at("XÃ AN BÌNH"))).toBeGreaterThan(total);
    expect(rows.some((row) => row[0] === "Sổ của phong trào khác (không cộng vào tổng):")).toBe(true);
  });

  it("rows a commune's figures leave out are counted and named for that commune", async () => {
    const book = path.join(dir, "loi.xlsx");
    const { copyFileSync } = await import("node:fs");
    copyFileSync(path.join(books, "chau-son.xlsx"), book);
    const port = await XlsxWorkbook.fromBuffer(readFileSync(book));
    const t = (await port.readTables(["tblDongGop"])).get("tblDongGop")!;
    const amount = t.headers.indexOf("Số tiền (đồng)");
    const i = t.rows.findIndex((x) => typeof x[amount] === "number");
    await port.updateCells([{ sheet: t.sheet, row: t.range.top + 1 + i, col: t.range.left + amount, expected: t.rows[i]![amount]!, value: "một triệu" }]);
    writeFileSync(book, await port.toBuffer());
    const r = await captureOutput(() => run(["consolidate", book, "--period", "2021", "--json"]));
    expect(r.stderr).toMatch(/XÃ CHÂU SƠN \(loi\.xlsx\): 1 dòng không đọc được nên không tính \(đóng góp 1\)/);
  });
});
