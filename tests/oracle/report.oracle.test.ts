import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import JSZip from "jszip";
import { XlsxWorkbook } from "../../src/adapters/xlsx/xlsxWorkbook";
import { run } from "../../src/cli/main";
import { reportFigures } from "../../src/domain/report/addReport";
import type { Figures } from "../../src/domain/report/figures";
import { parsePeriod } from "../../src/domain/period";
import { printedNumber } from "../../src/domain/report/document";
import { formatCount, formatRate } from "../../src/domain/format";
import { convertToPdf, csvNumber, describeWithLibreOffice, freshProfile, paperRows, parseCsv, recalculatedSheets, requireExcelMetricFonts, sheetXmlOf, sofficePath } from "../helpers/libreoffice";
import { captureOutput } from "../helpers/output";

const dir = mkdtempSync(path.join(tmpdir(), "report-oracle-"));
const OUTPUT = path.resolve(__dirname, "../../test-output");

/** The rows of a recalculated sheet that start with `label` in column B (report) or A (summary). */
const rowsLabelled = (rows: string[][], col: number, label: string) => rows.filter((r) => r[col] === label);


/**
 * A copy of a workbook that prints one sheet: every other sheet hidden (LibreOffice prints visible
 * sheets only), that sheet active (LibreOffice shows and prints a hidden sheet that is the active
 * one), no other print area (it prints a hidden sheet that has one); the file otherwise as written.
 */
async function onlySheet(file: string, sheet: string, out: string): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const xml = await zip.file("xl/workbook.xml")!.async("string");
  const named = `name="${sheet}"`;
  const tab = [...xml.matchAll(/<sheet\b[^>]*>/g)].findIndex((m) => m[0].includes(named));
  const hidden = xml.replace(/<sheet\b([^>]*?)\/>/g, (m, attrs: string) => (m.includes(named) ? m : `<sheet${attrs} state="hidden"/>`)).replace(/ activeTab="\d+"/, "");
  const alone = hidden.replace(/<definedName name="_xlnm\.Print_Area" localSheetId="(\d+)"[^>]*>[^<]*<\/definedName>/g, (d, id: string) => (Number(id) === tab ? d : ""));
  zip.file("xl/workbook.xml", alone.replace(/<workbookView\b/, `<workbookView activeTab="${tab}"`));
  writeFileSync(out, await zip.generateAsync({ type: "nodebuffer" }));
  return out;
}

describeWithLibreOffice("LibreOffice recalculates the report and Tổng hợp to the core's figures", () => {
  const demo = path.join(dir, "demo.xlsx");
  let sheets: Map<string, string[][]>;
  let year: Figures;
  let half: Figures;

  beforeAll(async () => {
    expect((await captureOutput(() => run(["demo", "--out", demo]))).code).toBe(0);
    const port = await XlsxWorkbook.fromBuffer(readFileSync(demo));
    year = await reportFigures(port, parsePeriod("2021"));
    half = await reportFigures(port, parsePeriod("2021-S1"));
    sheets = recalculatedSheets(demo);
  });

  it("the report's totals rows, as LibreOffice reads them, equal the figures, printed the Vietnamese way", async () => {
    // A paper's table columns span grid columns: read as the table's own cells.
    const report = paperRows(sheets.get("BC năm 2021")!, await sheetXmlOf(demo, "BC năm 2021"));
    const printed = (x: string) => printedNumber(x) ?? NaN;
    const totals = rowsLabelled(report, 1, "Tổng cộng").map((r) => r.slice(2).map(printed));
    const p = year.pledges.total;
    expect(totals[0]!.slice(0, 2)).toEqual([p.households, p.householdsSigned]);
    expect(rowsLabelled(report, 1, "Tổng cộng")[0]![4]).toBe(formatRate(p.householdRate!));
    expect(totals[0]!.slice(3, 6)).toEqual([p.students, p.officials, p.workers]);
    const t = year.tasks;
    expect(totals[1]!.slice(0, 5)).toEqual([t.total, t.doneOnTime, t.doneLate, t.overdue, t.open]);
    const d = year.donations;
    expect(totals[2]!.slice(0, 4)).toEqual([d.byGroup.reduce((s, g) => s + g.count, 0), d.receivedMoney, d.receivedGoodsValue, d.receivedMoney + d.receivedGoodsValue]);
    // Spending by purpose, then nominations and awards.
    expect(totals[3]!.slice(0, 2)).toEqual([d.disbursedMoney, d.disbursedGoodsValue]);
    expect(totals[4]!.slice(0, 2)).toEqual([year.nominations.total, year.nominations.awarded.total]);
    // Cash and bank apart, and their sum.
    expect(rowsLabelled(report, 1, "Tồn quỹ cuối kỳ")[0]!.slice(2, 5).map(printed)).toEqual([d.cash.closing, d.bank.closing, d.closingCash]);
    const s1 = paperRows(sheets.get("BC 6 tháng đầu năm 2021")!, await sheetXmlOf(demo, "BC 6 tháng đầu năm 2021"));
    expect(printed(rowsLabelled(s1, 1, "Tổng cộng")[1]![2]!)).toBe(half.tasks.total);
    expect(printed(rowsLabelled(s1, 1, "Tồn quỹ cuối kỳ")[0]![4]!)).toBe(half.donations.closingCash);
  });

  it("every Tổng hợp formula, recalculated, equals the core's figures for the year", () => {
    const sum = sheets.get("Tổng hợp")!;
    for (const u of year.tasks.byUnit) {
      const row = rowsLabelled(sum, 0, u.unit)[0]!;
      expect([u.unit, ...row.slice(1, 6).map(csvNumber)]).toEqual([u.unit, u.total, u.doneOnTime, u.doneLate, u.overdue, u.open]);
    }
    const cong = rowsLabelled(sum, 0, "Cộng");
    expect(cong[0]!.slice(1, 6).map(csvNumber)).toEqual([year.tasks.total, year.tasks.doneOnTime, year.tasks.doneLate, year.tasks.overdue, year.tasks.open]);
    for (const p of year.pledges.byPlace) {
      const row = rowsLabelled(sum, 0, p.place)[1] ?? rowsLabelled(sum, 0, p.place)[0]!;
      const counts = [row[2], row[3], row[5], row[6], row[7]].map((x) => (x === "" ? 0 : csvNumber(x!)));
      expect([p.place, ...counts]).toEqual([p.place, p.households, p.householdsSigned, p.students, p.officials, p.workers]);
    }
    const pt = year.pledges.total;
    expect([2, 3, 5, 6, 7].map((c) => csvNumber(cong[1]![c]!))).toEqual([pt.households, pt.householdsSigned, pt.students, pt.officials, pt.workers]);
    // The rate as text the Vietnamese way, computed by the formula as formatRate computes it.
    expect(cong[1]![4]).toBe(formatRate(pt.householdRate!));
    const d = year.donations;
    const line = (label: string) => csvNumber(rowsLabelled(sum, 0, label)[0]![1]!);
    expect([line("Tồn quỹ đầu kỳ"), line("Tiếp nhận bằng tiền"), line("Tiếp nhận hiện vật (giá trị)"), line("Đã chi bằng tiền"), line("Hiện vật đã phân phát (giá trị)"), line("Tồn quỹ cuối kỳ")]).toEqual([
      d.openingCash, d.receivedMoney, d.receivedGoodsValue, d.disbursedMoney, d.disbursedGoodsValue, d.closingCash,
    ]);
    for (const g of d.byGroup.filter((x) => x.count > 0)) {
      const row = rowsLabelled(sum, 0, g.group)[0]!;
      expect([g.group, ...row.slice(1, 4).map(csvNumber)]).toEqual([g.group, g.count, g.money, g.goodsValue]);
    }
    for (const [form, n] of Object.entries(year.nominations.byForm)) expect([form, line(form)]).toEqual([form, n]);
    for (const [kind, n] of Object.entries(year.nominations.byKind)) expect([kind, csvNumber(rowsLabelled(sum, 0, kind).at(-1)![1]!)]).toEqual([kind, n]);
    for (const [status, n] of Object.entries(year.nominations.byStatus)) expect([status, line(status)]).toEqual([status, n]);
    expect(line("Tổng số đề nghị")).toBe(year.nominations.total);
  });

  it("prints the report on A4 portrait, one page wide, header blocks side by side; a PNG of page 1 is written for people", async () => {
    requireExcelMetricFonts();
    const only = await onlySheet(demo, "BC năm 2021", path.join(dir, "bao-cao.xlsx"));
    const pdf = convertToPdf(only, dir);
    const info = execFileSync("pdfinfo", ["-f", "1", "-l", "99", pdf], { encoding: "utf8" });
    const sizes = [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/g)].map((m) => [Math.round(Number(m[1])), Math.round(Number(m[2]))]);
    expect(sizes.length).toBeGreaterThanOrEqual(1);
    for (const s of sizes) expect(s).toEqual([595, 842]);
    const page1 = execFileSync("pdftotext", ["-f", "1", "-l", "1", "-layout", pdf, "-"], { encoding: "utf8" });
    const headerLine = page1.split("\n").find((l) => l.includes("ỦY BAN NHÂN DÂN") && l.includes("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"));
    expect(headerLine).toBeDefined();
    const tableHeader = page1.split("\n").find((l) => l.includes("STT") && l.includes("Thôn, đơn vị"));
    expect(tableHeader).toBeDefined();
    expect(page1).toContain("CN, NLĐ");
    const all = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
    expect(all).toContain("Đỗ Văn Tuấn");
    // Page numbers centred at the top from page 2 (none on page 1), each page counted from 1.
    const pages = all.split("\f").filter((p) => p.trim() !== "");
    expect(sizes.length).toBeGreaterThanOrEqual(2);
    const firstLine = (p: string) => p.split("\n").find((l) => l.trim() !== "")!.trim();
    expect(firstLine(pages[0]!)).not.toMatch(/^\d+$/);
    pages.slice(1).forEach((p, i) => expect(firstLine(p)).toBe(String(i + 2)));
    // The pages are the ones the core computed from the rows' heights: as many as its breaks say
    // (LibreOffice added none of its own), each new page starting with the row it was meant to.
    const sheetXml = await sheetXmlOf(only, "BC năm 2021");
    const breaks = [...(/<rowBreaks\b[\s\S]*?<\/rowBreaks>/.exec(sheetXml)?.[0] ?? "").matchAll(/<brk\b[^>]*\bid="(\d+)"/g)].map((m) => Number(m[1]));
    expect(breaks.length).toBeGreaterThanOrEqual(1);
    expect(pages).toHaveLength(breaks.length + 1);
    const report = sheets.get("BC năm 2021")!;
    breaks.forEach((row, i) => {
      // The first row of the page with any text (a blank row may open it), as LibreOffice's CSV has it;
      // a page that opens with the chart (its figures beside the print area, N+) opens with its title.
      const paper = (r: string[]) => r.slice(0, 12);
      const opening = report.slice(row).find((r) => r.some((c) => c.trim() !== ""))!;
      const text = paper(opening).some((c) => c.trim() !== "") ? paper(opening).find((c) => c.trim() !== "")!.trim() : "Tỷ lệ hộ gia đình đã ký cam kết theo thôn";
      // Its first lines (a row of several lines, centred, shows its cells' lines side by side).
      const top = pages[i + 1]!.split("\n").map((l) => l.trim()).filter((l) => l !== "").slice(1, 6).join(" ").replace(/\s+/g, " ");
      expect([i + 2, top]).toEqual([i + 2, expect.stringContaining(text.replace(/\s+/g, " ").slice(0, 12)) as unknown]);
    });
    // No heading ends a page: the last line of every page is not "I. …", "2. …" or a table's header.
    const heading = /^(I|II|III|IV|V)\. [A-ZĐ]|^\d\. [A-ZĐ]|^STT\b/u;
    for (const [i, p] of pages.entries()) {
      const lastLine = p.split("\n").map((l) => l.trim()).filter((l) => l !== "").at(-1)!;
      expect([i + 1, lastLine, heading.test(lastLine)]).toEqual([i + 1, lastLine, false]);
    }
    // The signer's title and name on the same page, the room for the seal between them.
    const last = pages.find((p) => p.includes("Đỗ Văn Tuấn"))!;
    expect(last).toContain("CHỦ TỊCH");
    const lines = last.split("\n");
    expect(lines.findIndex((l) => l.includes("Đỗ Văn Tuấn")) - lines.findIndex((l) => l.includes("CHỦ TỊCH"))).toBeGreaterThanOrEqual(4);
    // The native pledge chart is drawn on paper: its title, and each village's bar labelled with its rate.
    const flat = all.replace(/\s+/g, " ");
    expect(flat).toContain("Tỷ lệ hộ gia đình đã ký cam kết theo thôn");
    for (const p of year.pledges.byPlace.filter((x) => x.households > 0)) expect(flat).toContain(`${p.place} (${formatRate(p.householdsSigned / p.households)})`);
    expect(all).toMatch(/0%\s+20%\s+40%\s+60%\s+80%\s+100%/);
    mkdirSync(OUTPUT, { recursive: true });
    execFileSync("pdftoppm", ["-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", pdf, path.join(OUTPUT, "bao-cao-nam-2021")]);
  });

  it("Tổng hợp shows 909.050.000 and 99,3% on a computer set to English (LibreOffice in its default en-US, values as shown)", async () => {
    const out = mkdtempSync(path.join(tmpdir(), "lo-en-"));
    const profile = freshProfile();
    // Token 9 "true": cells as shown, formatted by the locale LibreOffice runs in.
    execFileSync(sofficePath()!, [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,UTF8,1,,1033,false,true,true,false,false,-1", "--outdir", out, demo], {
      stdio: "pipe",
      timeout: 120_000,
    });
    // The control: the ledger's own "#,##0" shows English separators, so LibreOffice runs in English here.
    const ledger = parseCsv(readFileSync(path.join(out, readdirSync(out).find((f) => f.endsWith("-Đóng góp.csv"))!), "utf8"));
    expect(ledger.flat().some((c) => /^\d{1,3}(,\d{3})+$/.test(c))).toBe(true);
    const file = readdirSync(out).find((f) => f.endsWith("-Tổng hợp.csv"))!;
    const rows = parseCsv(readFileSync(path.join(out, file), "utf8"));
    const cong = rows.filter((r) => r[0] === "Cộng");
    const pt = year.pledges.total;
    expect(cong[1]![2]).toBe(formatCount(pt.households));
    expect(cong[1]![4]).toBe(formatRate(pt.householdRate!));
    const received = rows.find((r) => r[0] === "Tiếp nhận bằng tiền")!;
    expect(received[1]).toBe(formatCount(year.donations.receivedMoney));
    expect(year.donations.receivedMoney).toBeGreaterThan(1_000_000);
    expect(received[1]).toMatch(/^\d{1,3}(\.\d{3})+$/);
    // The summary of communes likewise.
    const summary = path.join(out, "tong-hop-cac-xa.xlsx");
    expect((await captureOutput(() => run(["consolidate", demo, "--period", "2021", "--out", summary]))).code).toBe(0);
    execFileSync(sofficePath()!, [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,UTF8,1,,1033,false,true,true,false,false,-1", "--outdir", out, summary], { stdio: "pipe", timeout: 120_000 });
    const communes = parseCsv(readFileSync(path.join(out, readdirSync(out).find((f) => f.startsWith("tong-hop-cac-xa") && f.endsWith(".csv"))!), "utf8"));
    const total = communes.find((r) => r[1] === "Tổng cộng")!;
    expect(total).toContain(formatRate(pt.householdRate!));
    expect(total).toContain(formatCount(year.donations.receivedMoney));
  });

  it("prints Tổng hợp on A4 landscape, one page wide, without empty pages: only the rows in use are boxed", async () => {
    const pdf = convertToPdf(await onlySheet(demo, "Tổng hợp", path.join(dir, "tong-hop.xlsx")), dir);
    const info = execFileSync("pdfinfo", ["-f", "1", "-l", "99", pdf], { encoding: "utf8" });
    const sizes = [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/g)].map((m) => [Math.round(Number(m[1])), Math.round(Number(m[2]))]);
    for (const size of sizes) expect(size).toEqual([842, 595]);
    const pages = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" }).split("\f").slice(0, sizes.length);
    // No name cut: the longest unit's name whole on its line.
    expect(pages.join("\n")).toContain("Mặt trận Tổ quốc Việt Nam xã và các tổ chức thành viên");
    // Every page carries figures; the eleven units, eight villages, seven groups and four forms take
    // three landscape pages at about 90% (they took two portrait pages at about 60%, too small to read), not six.
    for (const [i, p] of pages.entries()) expect([i + 1, p.trim().length > 0]).toEqual([i + 1, true]);
    expect(sizes.length).toBeLessThanOrEqual(3);
    // One page wide: the pledge table's last column header is on the page of its first.
    expect(pages.find((p) => p.includes("Thôn, đơn vị"))).toContain("CN, NLĐ");
    // No list has outgrown its rows.
    expect(pages.join("")).not.toContain("Thiếu dòng");
    execFileSync("pdftoppm", ["-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", pdf, path.join(OUTPUT, "tong-hop-2021")]);
  });
});

describeWithLibreOffice("on a messy workbook, Tổng hợp (recalculated), the report and --json agree, or the report says why not", () => {
  it("an amount kept as text and a row with an unreadable date", async () => {
    const file = path.join(dir, "messy.xlsx");
    expect((await captureOutput(() => run(["demo", "--out", file]))).code).toBe(0);
    const port = await XlsxWorkbook.fromBuffer(readFileSync(file));
    const ledger = (await port.readTables(["tblDongGop"])).get("tblDongGop")!;
    const col = (h: string) => ledger.headers.indexOf(h);
    const money = ledger.rows.map((r, i) => ({ r, i })).filter(({ r }) => r[col("Loại")] === "Thu" && r[col("Hình thức")] === "Tiền mặt");
    const text = money[0]!;
    const undated = money[1]!;
    const at = (i: number) => ledger.range.top + 1 + i;
    await port.updateCells([
      // Validation reads "1.000.000 đ" as 1.000.000 and the report counts it; Excel's SUMIFS does not.
      { sheet: ledger.sheet, row: at(text.i), col: ledger.range.left + col("Số tiền (đồng)"), expected: text.r[col("Số tiền (đồng)")]!, value: "1.000.000 đ" },
      // A date nobody can read: the row is left out of both.
      { sheet: ledger.sheet, row: at(undated.i), col: ledger.range.left + col("Ngày"), expected: undated.r[col("Ngày")]!, value: "ngày mai" },
    ]);
    writeFileSync(file, await port.toBuffer());
    const out = path.join(dir, "messy-report.xlsx");
    const r = await captureOutput(() => run(["report", file, "--period", "2021", "--json", "--out", out, "--today", "2022-01-05"]));
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as Figures;
    // The report says what it read differently and what it left out.
    expect(r.stderr).toContain("ô ngày hoặc số đang lưu dạng chữ");
    // The row is named by its number on the sheet, as Excel shows it.
    expect(r.stderr).toContain(`Có 1 dòng không đọc được nên chưa tính vào báo cáo (Đóng góp: 1, dòng ${at(undated.i) + 1})`);
    expect(json.excludedRowsBySection.donations).toBe(1);
    const sum = recalculatedSheets(out).get("Tổng hợp")!;
    const line = (label: string) => csvNumber(sum.find((row) => row[0] === label)![1]!);
    // Tổng hợp leaves out the text amount; the report counts it: the difference is exactly that amount.
    expect(json.donations.receivedMoney - line("Tiếp nhận bằng tiền")).toBe(1_000_000);
    // What both leave out, neither counts: everything else agrees.
    expect(line("Đã chi bằng tiền")).toBe(json.donations.disbursedMoney);
    expect(line("Tiếp nhận hiện vật (giá trị)")).toBe(json.donations.receivedGoodsValue);
  });
});
