import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { XlsxWorkbook } from "../src/adapters/xlsx/xlsxWorkbook";
import { run } from "../src/cli/main";
import { disclosureOf } from "../src/domain/report/disclosure";
import { reportFigures } from "../src/domain/report/addReport";
import { parsePeriod } from "../src/domain/period";
import { captureOutput } from "./helpers/output";

const dir = mkdtempSync(path.join(tmpdir(), "disclosure-cli-"));

describe("disclosure FILE --period P (Nghị định 93/2021)", () => {
  const demo = path.join(dir, "demo.xlsx");
  beforeAll(async () => {
    expect((await captureOutput(() => run(["demo", "--out", demo]))).code).toBe(0);
  });

  it("lists every receipt and spending of the period, its totals equal to the ledger's and to the report's", async () => {
    const book = await XlsxWorkbook.fromBuffer(readFileSync(demo));
    const tables = await book.readTables(["tblDongGop", "tblThongTin", "tblKeHoach"]);
    const period = parsePeriod("2021");
    const x = disclosureOf(tables, period);
    // The ledger read a second way: every Thu/Chi row of 2021.
    const ledger = tables.get("tblDongGop")!;
    const col = (h: string) => ledger.headers.indexOf(h);
    const inYear = ledger.rows.filter((r) => typeof r[col("Ngày")] === "number");
    const sum = (kind: string, money: boolean) =>
      inYear.filter((r) => r[col("Loại")] === kind && (r[col("Hình thức")] === "Hiện vật") !== money).reduce((s, r) => s + (r[col(money ? "Số tiền (đồng)" : "Giá trị hiện vật (đồng)")] as number), 0);
    expect([x.totals.receivedMoney, x.totals.receivedGoodsValue, x.totals.spentMoney, x.totals.distributedGoodsValue]).toEqual([sum("Thu", true), sum("Thu", false), sum("Chi", true), sum("Chi", false)]);
    expect(x.received.length + x.spent.length).toBe(inYear.length);
    const f = await reportFigures(book, period);
    expect([x.totals.receivedMoney, x.totals.spentMoney, x.totals.cash.closing + x.totals.bank.closing]).toEqual([f.donations.receivedMoney, f.donations.disbursedMoney, f.donations.closingCash]);
  });

  it("adds the sheet Công khai <period> in the decree's layout, and prints its totals with --json", async () => {
    const out = path.join(dir, "cong-khai.xlsx");
    const r = await captureOutput(() => run(["disclosure", demo, "--period", "2021-S2", "--json", "--out", out, "--today", "2022-01-05"]));
    expect(r.code).toBe(0);
    const totals = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(Object.keys(totals)).toEqual(expect.arrayContaining(["period", "receivedMoney", "receivedGoodsValue", "spentMoney", "distributedGoodsValue", "donors", "cash", "bank", "receipts", "spendings"]));
    const book = await XlsxWorkbook.fromBuffer(readFileSync(out));
    const sheet = (await book.summarize()).sheets.find((s) => s.name === "Công khai 6 tháng cuối năm 2021");
    expect(sheet).toBeDefined();
    const cells = await book.readRanges([{ sheet: sheet!.name, range: { top: 0, left: 0, bottom: 12, right: 7 } }]);
    const texts = cells[0]!.flat().filter((v): v is string => typeof v === "string");
    expect(texts).toEqual(expect.arrayContaining(["ỦY BAN NHÂN DÂN", "XÃ CHÂU SƠN", "THÔNG BÁO", "I. CÁC KHOẢN TIẾP NHẬN"]));
    // Refused: a period the command line does not know.
    expect((await captureOutput(() => run(["disclosure", demo, "--period", "2021-H3"]))).code).toBe(64);
  });
});

describe("disclosure FILE --period P --by-village (posted at each thôn's meeting place)", () => {
  const demo = path.join(dir, "demo-thon.xlsx");
  beforeAll(async () => {
    expect((await captureOutput(() => run(["demo", "--out", demo]))).code).toBe(0);
  });

  it("gives each village its own list, from a new page, and the lists add up to the commune's, line by line and in đồng", async () => {
    const out = path.join(dir, "ck-thon.xlsx");
    const docx = path.join(dir, "ck-thon.docx");
    const r = await captureOutput(() => run(["disclosure", demo, "--period", "2021", "--by-village", "--json", "--out", out, "--docx", docx, "--today", "2022-01-05"]));
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as { receivedMoney: number; receivedGoodsValue: number; spentMoney: number; distributedGoodsValue: number; receipts: number; spendings: number; villages: { village: string; receivedMoney: number; receivedGoodsValue: number; spentMoney: number; distributedGoodsValue: number; receipts: number; spendings: number }[] };
    const book = await XlsxWorkbook.fromBuffer(readFileSync(out));
    const thon = (await book.readTables(["tblThon"])).get("tblThon")!;
    const names = thon.rows.map((row) => row[thon.headers.indexOf("Thôn")]);
    // Every village of tblThon, in its order, then (only if any) the lines of no listed village.
    expect(j.villages.slice(0, names.length).map((v) => v.village)).toEqual(names);
    expect(j.villages.length - names.length).toBeLessThanOrEqual(1);
    const sum = (k: "receivedMoney" | "receivedGoodsValue" | "spentMoney" | "distributedGoodsValue" | "receipts" | "spendings") => j.villages.reduce((s, v) => s + v[k], 0);
    expect([sum("receivedMoney"), sum("receivedGoodsValue"), sum("spentMoney"), sum("distributedGoodsValue"), sum("receipts"), sum("spendings")]).toEqual([j.receivedMoney, j.receivedGoodsValue, j.spentMoney, j.distributedGoodsValue, j.receipts, j.spendings]);
    expect(j.villages.some((v) => v.receipts > 0)).toBe(true);
    // One sheet, a notice per village each starting a page: as many manual breaks at least as villages after the first.
    const JSZip = (await import("jszip")).default;
    const zip = await JSZip.loadAsync(readFileSync(out));
    const wb = await zip.file("xl/workbook.xml")!.async("string");
    expect(wb).toContain('name="CK thôn năm 2021"');
    // The sheet's part, through the workbook's relationships.
    const rid = /<sheet [^>]*name="CK thôn năm 2021"[^>]*r:id="(rId\d+)"/.exec(wb)![1]!;
    const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
    const target = new RegExp(`<Relationship [^>]*Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`<Relationship [^>]*Target="([^"]+)"[^>]*Id="${rid}"`).exec(rels)![1]!;
    const paper = await zip.file(`xl/${target.replace(/^\/?xl\//, "")}`)!.async("string");
    const titles = [...(await book.readRanges([{ sheet: "CK thôn năm 2021", range: { top: 0, left: 0, bottom: 3000, right: 0 } }]))[0]!.entries()].filter(([, row]) => row[0] === "THÔNG BÁO").map(([i]) => i);
    expect(titles.length).toBe(j.villages.length);
    const breaks = [...paper.matchAll(/<brk id="(\d+)"/g)].map((m) => Number(m[1]));
    // Each notice after the first begins a page: a break lands between the end of one and the title of the next.
    for (let k = 1; k < titles.length; k++) expect(breaks.some((b) => b > titles[k - 1]! && b <= titles[k]! - 2)).toBe(true);
    // Word: one section per village.
    const doc = await (await JSZip.loadAsync(readFileSync(docx))).file("word/document.xml")!.async("string");
    expect((doc.match(/<w:sectPr/g) ?? []).length).toBe(j.villages.length);
    expect(doc).toContain(`CÁC KHOẢN TIẾP NHẬN TỪ ${(names[0] as string).toUpperCase()}`);
  });
});

describe("nominations FILE --period P (the commendation dossier)", () => {
  const demo = path.join(dir, "demo-kt.xlsx");
  beforeAll(async () => {
    expect((await captureOutput(() => run(["demo", "--out", demo]))).code).toBe(0);
  });

  it("adds the proposal, the list of nominees still to decide, and the draft decision for the commune's own awards", async () => {
    const out = path.join(dir, "ho-so-kt.xlsx");
    const r = await captureOutput(() => run(["nominations", demo, "--period", "2021-S2", "--out", out, "--today", "2022-01-05"]));
    expect(r.code).toBe(0);
    const book = await XlsxWorkbook.fromBuffer(readFileSync(out));
    const names = (await book.summarize()).sheets.map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(["Tờ trình KT 6 tháng cuối 2021", "DS đề nghị KT 6 tháng cuối 2021", "QĐ KT 6 tháng cuối 2021"]));
    for (const n of names) expect(n.length).toBeLessThanOrEqual(31);
    // The nominees still to decide (Đề xuất, Đã trình) of the period, read a second way.
    const k = (await book.readTables(["tblKhenThuong"])).get("tblKhenThuong")!;
    const col = (h: string) => k.headers.indexOf(h);
    const period = parsePeriod("2021-S2");
    const { isoToSerial } = await import("../src/domain/dates");
    const pending = k.rows.filter((row) => ["Đề xuất", "Đã trình"].includes(row[col("Trạng thái")] as string) && (row[col("Ngày đề nghị")] as number) >= isoToSerial(period.from) && (row[col("Ngày đề nghị")] as number) <= isoToSerial(period.to));
    expect(pending.length).toBeGreaterThan(1);
    // A table's columns span the paper's grid columns: a row read without the cells its merges cover.
    const cells = (row: readonly unknown[]) => row.filter((v) => v !== null);
    const list = (await book.readRanges([{ sheet: "DS đề nghị KT 6 tháng cuối 2021", range: { top: 0, left: 0, bottom: 60, right: 11 } }]))[0]!;
    const names2 = list.filter((row) => typeof row[0] === "number").map((row) => cells(row)[1]);
    // Those the chairman decides first, then those he is asked to forward to a higher level, each group in the table's order.
    const up = (row: (typeof pending)[number]) => row[col("Cấp khen")] === "Đề nghị cấp trên";
    expect(names2).toEqual([...pending.filter((r) => !up(r)), ...pending.filter(up)].map((row) => row[col("Tên tập thể, cá nhân")]));
    expect(pending.some(up)).toBe(true);
    // The decision lists only the commune's own awards; nominations for the superior stay in the proposal.
    const decision = (await book.readRanges([{ sheet: "QĐ KT 6 tháng cuối 2021", range: { top: 0, left: 0, bottom: 80, right: 11 } }]))[0]!;
    const decided = decision.filter((row) => typeof row[0] === "number").map((row) => cells(row)[1]);
    expect(decided).toEqual(pending.filter((row) => row[col("Cấp khen")] !== "Đề nghị cấp trên").map((row) => row[col("Tên tập thể, cá nhân")]));
    const texts = decision.flat().filter((v): v is string => typeof v === "string");
    expect(texts).toEqual(expect.arrayContaining(["QUYẾT ĐỊNH", "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ CHÂU SƠN", "QUYẾT ĐỊNH:"]));
    // Dated 2022: the law of 2003 as amended was in force.
    expect(texts.some((t) => t.includes("Luật Thi đua, Khen thưởng ngày 26 tháng 11 năm 2003"))).toBe(true);
  });

  it("never leaves a receipt out without saying so, on the list itself: an amount typed in words and an impossible date are printed as left out, by row", async () => {
    const book = path.join(dir, "chua-doc-duoc.xlsx");
    const port = await XlsxWorkbook.fromBuffer(readFileSync(demo));
    const t = (await port.readTables(["tblDongGop"])).get("tblDongGop")!;
    const col = (h: string) => t.headers.indexOf(h);
    const rows = t.rows.map((r, i) => ({ r, i })).filter(({ r }) => r[col("Loại")] === "Thu" && typeof r[col("Số tiền (đồng)")] === "number");
    const [a, b] = [rows[0]!, rows[1]!];
    await port.updateCells([
      { sheet: t.sheet, row: t.range.top + 1 + a.i, col: t.range.left + col("Số tiền (đồng)"), expected: a.r[col("Số tiền (đồng)")]!, value: "một triệu" },
      { sheet: t.sheet, row: t.range.top + 1 + b.i, col: t.range.left + col("Ngày"), expected: b.r[col("Ngày")]!, value: "31/02/2021" },
    ]);
    const { writeFileSync } = await import("node:fs");
    writeFileSync(book, await port.toBuffer());
    const out = path.join(dir, "chua-doc-duoc-ra.xlsx");
    const r = await captureOutput(() => run(["disclosure", book, "--period", "2021", "--json", "--out", out, "--today", "2022-01-05"]));
    expect(r.code).toBe(0);
    const left = (JSON.parse(r.stdout) as { leftOut: { row: number; what: string }[] }).leftOut;
    expect(left).toEqual(expect.arrayContaining([{ sheet: t.sheet, row: t.range.top + 2 + a.i, what: "amount" }, { sheet: t.sheet, row: t.range.top + 2 + b.i, what: "date" }]));
    expect(r.stderr).toContain("Chưa đưa vào danh sách này 2 khoản");
    const sheet = await XlsxWorkbook.fromBuffer(readFileSync(out));
    const used = (await sheet.summarize()).sheets.find((s) => s.name === "Công khai năm 2021")!.usedRange!;
    const text = (await sheet.readRanges([{ sheet: "Công khai năm 2021", range: used }]))[0]!.flat().filter((v) => typeof v === "string").join("\n");
    expect(text).toContain(`Chưa đưa vào danh sách này 2 khoản của sổ chưa đọc được số liệu (trang "Đóng góp": `);
    expect(text).toContain(`dòng ${t.range.top + 2 + a.i} (số tiền hoặc giá trị)`);
    expect(text).toContain(`dòng ${t.range.top + 2 + b.i} (ngày)`);
  });
});
