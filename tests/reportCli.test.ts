import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { XlsxWorkbook } from "../src/adapters/xlsx/xlsxWorkbook";
import { run } from "../src/cli/main";
import { captureOutput } from "./helpers/output";

const dir = mkdtempSync(path.join(tmpdir(), "report-cli-"));

describe("report FILE --period P", () => {
  const demo = path.join(dir, "demo.xlsx");
  beforeAll(async () => {
    expect((await captureOutput(() => run(["demo", "--out", demo]))).code).toBe(0);
  });

  it("the demo already holds the 2021-S1 and 2021 reports and Tổng hợp", async () => {
    const summary = await (await XlsxWorkbook.fromBuffer(readFileSync(demo))).summarize();
    expect(summary.sheets.map((s) => s.name).slice(-3)).toEqual(["BC 6 tháng đầu năm 2021", "Tổng hợp", "BC năm 2021"]);
  });

  it("--json prints the figures of DOMAIN.md, key for key, and only them on stdout", async () => {
    const out = path.join(dir, "s2.xlsx");
    const r = await captureOutput(() => run(["report", demo, "--period", "2021-S2", "--json", "--out", out]));
    expect(r.code).toBe(0);
    const f = JSON.parse(r.stdout) as Record<string, Record<string, unknown>>;
    expect(Object.keys(f)).toEqual(expect.arrayContaining(["period", "tasks", "pledges", "donations", "nominations", "excludedRows"]));
    expect(f.period).toEqual({ from: "2021-07-01", to: "2021-12-31", label: "6 tháng cuối năm 2021" });
    expect(Object.keys(f.tasks!)).toEqual(expect.arrayContaining(["doneOnTime", "doneLate", "overdue", "open", "total", "byUnit"]));
    expect(Object.keys((f.tasks!.byUnit as object[])[0]!).sort()).toEqual(["doneLate", "doneOnTime", "open", "overdue", "total", "unit"]);
    expect(Object.keys(f.pledges!).sort()).toEqual(["byPlace", "total"]);
    expect(Object.keys((f.pledges!.byPlace as object[])[0]!).sort()).toEqual(["asOf", "households", "householdsSigned", "officials", "place", "students", "workers"]);
    expect(Object.keys(f.pledges!.total as object).sort()).toEqual(["householdRate", "households", "householdsSigned", "officials", "students", "workers"]);
    expect(Object.keys(f.donations!).sort()).toEqual(["bank", "byGroup", "byPurpose", "cash", "closingCash", "disbursedGoodsValue", "disbursedMoney", "donors", "goods", "openingCash", "receivedGoodsValue", "receivedMoney"]);
    for (const account of ["cash", "bank"]) expect(Object.keys(f.donations![account] as object).sort()).toEqual(["closing", "opening", "received", "spent"]);
    expect(Object.keys(f.donations!.goods as object).sort()).toEqual(["distributedValue", "receivedValue"]);
    expect(Object.keys((f.donations!.byPurpose as object[])[0]!).sort()).toEqual(["goodsValue", "money", "purpose"]);
    expect(Object.keys((f.donations!.byGroup as object[])[0]!).sort()).toEqual(["count", "goodsValue", "group", "money"]);
    expect(Object.keys(f.nominations!).sort()).toEqual(["awarded", "byForm", "byKind", "byStatus", "total"]);
    expect(Object.keys(f.nominations!.awarded as object).sort()).toEqual(["byForm", "total"]);
    expect(Object.keys(f.nominations!.byKind as object)).toEqual(["Cá nhân", "Tập thể", "Hộ gia đình"]);
    for (const k of ["openingCash", "receivedMoney", "closingCash"]) expect(Number.isInteger(f.donations![k])).toBe(true);
    expect(r.stderr).toContain('Đã thêm trang báo cáo "BC 6 tháng cuối năm 2021"');
  });

  it("never overwrites a report: a second one for the same period is a new sheet with (2)", async () => {
    const once = path.join(dir, "hai-lan.xlsx");
    await captureOutput(() => run(["report", demo, "--period", "2021", "--out", once]));
    const r = await captureOutput(() => run(["report", once, "--period", "2021"]));
    expect(r.code).toBe(0);
    const names = (await (await XlsxWorkbook.fromBuffer(readFileSync(once))).summarize()).sheets.map((s) => s.name);
    expect(names.filter((n) => n.startsWith("BC năm 2021"))).toEqual(["BC năm 2021", "BC năm 2021 (2)", "BC năm 2021 (3)"]);
  });

  it.each(["2021-Q5", "0000", "1999", "2101-S1", "2021-13", "2021-02-30..2021-03-01", "2021-12-31..2021-01-01", "năm ngoái"])(
    "lists the accepted forms when the period %s is not understood, and writes nothing",
    async (period) => {
      const before = readFileSync(demo);
      const r = await captureOutput(() => run(["report", demo, "--period", period]));
      expect(r.code).toBe(64);
      expect(r.stderr).toContain("năm từ 2000 đến 2100");
      expect(r.stderr).toContain("2021-S1 (6 tháng đầu năm), 2021-S2 (6 tháng cuối năm), 2021-Q1 đến 2021-Q4 (quý), 2021-06 (tháng)");
      expect(readFileSync(demo).equals(before)).toBe(true);
    },
  );

  it.each(["2021-13-45", "2021-02-29", "1999-12-31", "hôm nay"])("refuses --today %s with the accepted form", async (today) => {
    const r = await captureOutput(() => run(["report", demo, "--period", "2021", "--today", today]));
    expect(r.code).toBe(64);
    expect(r.stderr).toContain("năm từ 2000 đến 2100, ví dụ --today 2022-01-05");
  });

  it("writes a custom range's report under its dates", async () => {
    const out = path.join(dir, "khoang.xlsx");
    const r = await captureOutput(() => run(["report", demo, "--period", "2021-06-11..2021-12-31", "--out", out, "--today", "2022-01-05"]));
    expect(r.code).toBe(0);
    const book = await XlsxWorkbook.fromBuffer(readFileSync(out));
    const cells = await book.readRanges([{ sheet: "BC 11.06.2021-31.12.2021", range: { top: 0, left: 0, bottom: 6, right: 11 } }]);
    const texts = cells[0]!.flat().filter((v): v is string => typeof v === "string");
    expect(texts).toEqual(expect.arrayContaining(["ỦY BAN NHÂN DÂN", "XÃ CHÂU SƠN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Số:     /BC-UBND", "Châu Sơn, ngày 05 tháng 01 năm 2022", "BÁO CÁO"]));
    expect(texts).toContain("Kết quả thực hiện phong trào “Toàn dân tham gia phòng, chống dịch Covid-19” từ ngày 11/06/2021 đến ngày 31/12/2021");
  });
});
