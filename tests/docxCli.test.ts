import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import JSZip from "jszip";
import { run } from "../src/cli/main";
import { XlsxWorkbook } from "../src/adapters/xlsx/xlsxWorkbook";
import { reportFigures } from "../src/domain/report/addReport";
import { parsePeriod } from "../src/domain/period";
import { formatCount, formatRate } from "../src/domain/format";
import { captureOutput } from "./helpers/output";

const dir = mkdtempSync(path.join(tmpdir(), "docx-cli-"));
const demo = path.join(dir, "demo.xlsx");

/** The text of each paragraph of a Word part, in order. */
function paragraphs(xml: string): string[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(""));
}

beforeAll(async () => {
  expect((await captureOutput(() => run(["demo", "--out", demo]))).code).toBe(0);
});

describe("report FILE --period P --docx OUT.docx", () => {
  const out = path.join(dir, "bao-cao-2021.docx");
  let zip: JSZip;
  let body: string;
  let before: Buffer;

  beforeAll(async () => {
    before = readFileSync(demo);
    const r = await captureOutput(() => run(["report", demo, "--period", "2021", "--docx", out, "--today", "2022-01-05"]));
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("bao-cao-2021.docx");
    zip = await JSZip.loadAsync(readFileSync(out));
    body = await zip.file("word/document.xml")!.async("string");
  });

  it("adds the report sheet as report does, and also writes the Word file (DOMAIN.md: --docx also writes)", async () => {
    expect(readFileSync(demo).equals(before)).toBe(false);
    const names = (await (await XlsxWorkbook.fromBuffer(readFileSync(demo))).summarize()).sheets.map((x) => x.name);
    expect(names).toContain("BC năm 2021 (2)");
    expect(existsSync(out)).toBe(true);
  });

  it("says the report's parts in the sheet's order, its numbers written as the sentences write them", async () => {
    const text = paragraphs(body);
    const order = ["ỦY BAN NHÂN DÂN", "XÃ CHÂU SƠN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "BÁO CÁO", "I. KẾT QUẢ THỰC HIỆN", "2. Ký cam kết", "II. TỒN TẠI, HẠN CHẾ", "III. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI", "Nơi nhận:", "- UBND huyện Quỳnh Phụ (b/c);", "- Lưu: VT.", "CHỦ TỊCH", "Đỗ Văn Tuấn"];
    const at = order.map((t) => text.indexOf(t));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    const year = await reportFigures(await XlsxWorkbook.fromBuffer(before), parsePeriod("2021"));
    const d = year.donations;
    // The cash table's closing row and the pledge total's rate, as printed.
    const closing = text.indexOf("Tồn quỹ cuối kỳ");
    expect(text.slice(closing, closing + 4)).toEqual(["Tồn quỹ cuối kỳ", formatCount(d.cash.closing), formatCount(d.bank.closing), formatCount(d.closingCash)]);
    expect(text).toContain(formatRate(year.pledges.total.householdRate!));
    expect(body).not.toMatch(/#,##0|0\.0%/);
  });

  it("is laid out as Nghị định 30 asks: A4, margins 2/2/3/1.5 cm, Times New Roman, first-line indent, page numbers from page 2", async () => {
    const section = /<w:sectPr>.*?<\/w:sectPr>/s.exec(body)![0];
    expect(section).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    // Twips: 2 cm = 1134, 1.5 cm = 850, 3 cm = 1701.
    expect(section).toMatch(/<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701"/);
    expect(section).toContain("<w:titlePg/>");
    expect(section).toMatch(/<w:pgNumType w:start="1"/);
    expect(body.includes('<w:ind w:firstLine="567"/>')).toBe(true);
    const styles = await zip.file("word/styles.xml")!.async("string");
    expect(styles).toContain('w:ascii="Times New Roman"');
    // The default header carries the PAGE field; the first page's header is empty.
    const rels = await zip.file("word/_rels/document.xml.rels")!.async("string");
    const headerOf = (type: string) => {
      const id = new RegExp(`<w:headerReference w:type="${type}" r:id="(rId\\d+)"`).exec(body)![1];
      return new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)![1];
    };
    expect(await zip.file(`word/${headerOf("default")}`)!.async("string")).toMatch(/PAGE/);
    expect(await zip.file(`word/${headerOf("first")}`)!.async("string")).not.toMatch(/PAGE/);
  });

  it("keeps each heading with what follows, never splits a table row, repeats a table's header row on a new page", () => {
    for (const h of ["I. KẾT QUẢ THỰC HIỆN", "5. Công tác thi đua, khen thưởng"]) {
      const p = [...body.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => m[0]).find((x) => x.includes(`>${h}<`))!;
      expect(p).toContain("<w:keepNext/>");
    }
    expect(body).toContain("<w:cantSplit/>");
    expect(body).toContain("<w:tblHeader/>");
  });

  it("draws the pledge rate per village as a native Word chart, highest first", async () => {
    const charts = Object.keys(zip.files).filter((f) => /^word\/charts\/chart\d+\.xml$/.test(f));
    expect(charts).toHaveLength(1);
    const chart = await zip.file(charts[0]!)!.async("string");
    expect(chart).toContain("Tỷ lệ hộ gia đình đã ký cam kết theo thôn");
    expect(chart).toContain('<c:barDir val="bar"/>');
    const places = [...chart.matchAll(/<c:pt idx="\d+"><c:v>(Thôn[^<]*)<\/c:v>/g)].map((m) => m[1]);
    expect(places.length).toBeGreaterThanOrEqual(8);
    // Word draws a bar chart's first category at the bottom: the rates ascend in the part, so the highest is on top.
    const values = [.../<c:val>.*?<\/c:val>/s.exec(chart)![0].matchAll(/<c:v>([\d.]+)<\/c:v>/g)].map((m) => Number(m[1]));
    expect(values).toHaveLength(places.length);
    expect(values).toEqual([...values].sort((a, b) => a - b));
    expect(values[0]).toBeLessThan(values.at(-1)!);
  });

  it("never writes over an existing file; with --out, FILE stays as it was and FILE2 gets the sheet", async () => {
    const taken = path.join(dir, "taken.docx");
    writeFileSync(taken, "the clerk's own file");
    const r = await captureOutput(() => run(["report", demo, "--period", "2021", "--docx", taken]));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("đã có: không ghi đè");
    expect(readFileSync(taken, "utf8")).toBe("the clerk's own file");
    const both = path.join(dir, "both.docx");
    const copy = path.join(dir, "both.xlsx");
    const unchanged = readFileSync(demo);
    const r2 = await captureOutput(() => run(["report", demo, "--period", "2021", "--docx", both, "--out", copy]));
    expect(r2.code).toBe(0);
    expect(readFileSync(demo).equals(unchanged)).toBe(true);
    expect(existsSync(both)).toBe(true);
    expect((await (await XlsxWorkbook.fromBuffer(readFileSync(copy))).summarize()).sheets.map((x) => x.name)).toContain("BC năm 2021 (3)");
  });
});

describe("disclosure and nominations --docx", () => {
  it("writes the disclosure list with its totals, and the dossier as three sections each numbered from 1", async () => {
    const k = path.join(dir, "cong-khai.docx");
    const r = await captureOutput(() => run(["disclosure", demo, "--period", "2021-S2", "--docx", k, "--json", "--today", "2022-01-05"]));
    expect(r.code).toBe(0);
    const totals = JSON.parse(r.stdout) as { receivedMoney: number; spentMoney: number };
    const kText = paragraphs(await (await JSZip.loadAsync(readFileSync(k))).file("word/document.xml")!.async("string"));
    expect(kText).toContain("THÔNG BÁO");
    expect(kText).toContain(formatCount(totals.receivedMoney));
    expect(kText).toContain(formatCount(totals.spentMoney));
    const n = path.join(dir, "khen-thuong.docx");
    expect((await captureOutput(() => run(["nominations", demo, "--period", "2021-S2", "--docx", n, "--today", "2022-01-05"]))).code).toBe(0);
    const nBody = await (await JSZip.loadAsync(readFileSync(n))).file("word/document.xml")!.async("string");
    const nText = paragraphs(nBody);
    expect(["TỜ TRÌNH", "DANH SÁCH", "QUYẾT ĐỊNH"].map((t) => nText.indexOf(t))).toEqual([...["TỜ TRÌNH", "DANH SÁCH", "QUYẾT ĐỊNH"].map((t) => nText.indexOf(t))].sort((a, b) => a - b));
    expect(nText).not.toContain("-1");
    expect([...nBody.matchAll(/<w:pgNumType w:start="1"/g)]).toHaveLength(3);
    // A year of birth prints as a year, not as a count ("1.985").
    expect(nText.some((t) => /^\d\.\d{3}$/.test(t))).toBe(false);
  });
});
