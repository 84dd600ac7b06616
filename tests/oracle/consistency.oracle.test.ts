// The consistency oracle: for the sample and for workbooks generated at random, every output says
// the same figures. `report --json` is the reference; the report sheet's tables, its Word copy,
// `Tổng hợp` after LibreOffice recalculates it (an independent engine), the disclosure list and
// the summary of communes (each commune once) must all agree with it.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import fc from "fast-check";
import JSZip from "jszip";
import { XlsxWorkbook } from "../../src/adapters/xlsx/xlsxWorkbook";
import { nodeFiles } from "../../src/cli/files";
import { consolidateWorkbooks } from "../../src/domain/collect/collect";
import { isoToSerial } from "../../src/domain/dates";
import { formatRate } from "../../src/domain/format";
import { addReport, reportFigures } from "../../src/domain/report/addReport";
import { reportCaveats } from "../../src/domain/report/caveats";
import { fixThrough } from "../../src/domain/rules/runValidation";
import { disclosureOf } from "../../src/domain/report/disclosure";
import { printedNumber } from "../../src/domain/report/document";
import type { Figures } from "../../src/domain/report/figures";
import { parsePeriod, type Period } from "../../src/domain/period";
import { wordPaper } from "../../src/domain/report/word";
import { chauSonPlan } from "../../src/domain/sample/chauSonPlan";
import { demoRows } from "../../src/domain/sample/demoData";
import { TABLE } from "../../src/domain/sheets/specs";
import type { PrefillRow } from "../../src/domain/sheets/prefill";
import { applyTemplates } from "../../src/domain/template/applyTemplates";
import { csvNumber, describeWithLibreOffice, paperRows, recalculatedSheets, sheetXmlOf } from "../helpers/libreoffice";

const dir = mkdtempSync(path.join(tmpdir(), "mot-su-that-"));
const TODAY = "2022-01-10";
const VILLAGES = Array.from({ length: 8 }, (_, i) => `Thôn mẫu ${i + 1}`);

/** Pledge rows, ledger rows and task states drawn at random, messy cells among them (text numbers, an amount in words). */
const pledge = fc.record({
  place: fc.constantFrom(...VILLAGES, "Trường học"),
  day: fc.integer({ min: 0, max: 364 }),
  households: fc.option(fc.integer({ min: 1, max: 600 }), { nil: null }),
  signed: fc.integer({ min: 0, max: 600 }),
  workers: fc.integer({ min: 0, max: 90 }),
});
const ledger = fc.record({
  day: fc.integer({ min: 0, max: 364 }),
  kind: fc.constantFrom("Thu", "Thu", "Thu", "Chi"),
  form: fc.constantFrom("Tiền mặt", "Chuyển khoản", "Hiện vật"),
  amount: fc.integer({ min: 1, max: 50_000_000 }),
  typed: fc.constantFrom("number", "number", "number", "text", "words"),
  group: fc.constantFrom("Cá nhân", "Hộ gia đình", "Doanh nghiệp", null),
  village: fc.option(fc.constantFrom(...VILLAGES), { nil: null }),
});
const task = fc.record({ state: fc.constantFrom("Chưa thực hiện", "Đang thực hiện", "Hoàn thành"), day: fc.integer({ min: 100, max: 364 }) });
const book = fc.record({ pledges: fc.array(pledge, { minLength: 1, maxLength: 25 }), ledger: fc.array(ledger, { minLength: 1, maxLength: 40 }), tasks: fc.array(task, { minLength: 28, maxLength: 28 }) });
type Draw = typeof book extends fc.Arbitrary<infer T> ? T : never;

const day = (n: number) => isoToSerial("2021-01-01") + n;

/** A commune's workbook from drawn rows: the sample plan's sheets, its tasks' states as drawn. */
async function generated(draw: Draw, file: string): Promise<void> {
  const rows = demoRows(chauSonPlan);
  rows.set(
    TABLE.camKet,
    draw.pledges.map((p) => ({ "Thôn, đơn vị": p.place, "Ngày cập nhật": day(p.day), "Số hộ": p.households, "Số hộ đã ký": p.households === null ? p.signed : Math.min(p.signed, p.households), "Số CN, NLĐ đã ký": p.workers })),
  );
  let n = 0;
  rows.set(
    TABLE.dongGop,
    draw.ledger.map((l): PrefillRow => {
      const value = l.typed === "text" ? `${l.amount.toLocaleString("vi-VN")} đ` : l.typed === "words" ? "một triệu" : l.amount;
      const goods = l.form === "Hiện vật";
      return {
        "Ngày": day(l.day),
        "Loại": l.kind,
        "Số chứng từ": `${l.kind === "Thu" ? "PT" : "PC"}-${++n}`,
        "Người, đơn vị": `Người góp ${n}`,
        "Nhóm": l.kind === "Thu" ? l.group : null,
        "Thôn": l.village,
        "Hình thức": l.form,
        "Số tiền (đồng)": goods ? null : value,
        "Hiện vật": goods ? "Gạo" : null,
        "Số lượng": goods ? 10 : null,
        "Đơn vị tính": goods ? "kg" : null,
        "Giá trị hiện vật (đồng)": goods ? value : null,
        "Nội dung": l.kind === "Chi" ? "Hỗ trợ" : null,
      };
    }),
  );
  rows.set(
    TABLE.nhiemVu,
    (rows.get(TABLE.nhiemVu) ?? []).map((r, i) => {
      const t = draw.tasks[i % draw.tasks.length]!;
      return { ...r, "Trạng thái": t.state, "Ngày hoàn thành": t.state === "Hoàn thành" ? day(t.day) : null };
    }),
  );
  const port = await XlsxWorkbook.empty();
  await applyTemplates(port, chauSonPlan, rows);
  writeFileSync(file, await port.toBuffer());
}

/** Every text of a sheet's cells, and the document's, flattened. */
async function wordText(bytes: Uint8Array): Promise<string> {
  const xml = await (await JSZip.loadAsync(bytes)).file("word/document.xml")!.async("string");
  const unescape = (s: string) => s.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => unescape(m[1] ?? "")).join("\n");
}

/**
 * Every output of one workbook for one period, checked against `report --json`'s figures. LibreOffice
 * recalculates `Tổng hợp` with its period set to the one checked.
 */
async function checkOutputs(file: string, period: Period): Promise<void> {
  const bytes = readFileSync(file);
  const f: Figures = await reportFigures(await XlsxWorkbook.fromBuffer(bytes), period);
  // The report sheet and Tổng hợp, written as the command line writes them.
  const port = await XlsxWorkbook.fromBuffer(bytes);
  const added = await addReport(port, period, TODAY);
  expect(added.figures).toEqual(f);
  const summary = (await port.summarize()).sheets.find((s) => s.name === "Tổng hợp");
  expect(summary).toBeDefined();
  await port.updateCells([
    { sheet: "Tổng hợp", row: 2, col: 1, expected: (await port.readRanges([{ sheet: "Tổng hợp", range: { top: 2, left: 1, bottom: 2, right: 1 } }]))[0]![0]![0]!, value: isoToSerial(period.from), numFmt: "dd/mm/yyyy" },
    { sheet: "Tổng hợp", row: 2, col: 3, expected: (await port.readRanges([{ sheet: "Tổng hợp", range: { top: 2, left: 3, bottom: 2, right: 3 } }]))[0]![0]![0]!, value: isoToSerial(period.to), numFmt: "dd/mm/yyyy" },
  ]);
  const out = path.join(dir, `${path.basename(file, ".xlsx")}-${period.code}.xlsx`);
  writeFileSync(out, await port.toBuffer());
  const sheets = recalculatedSheets(out);
  // The report sheet's totals rows, as printed.
  const report = paperRows(sheets.get(added.sheet)!, await sheetXmlOf(out, added.sheet));
  const totals = report.filter((r) => r[1] === "Tổng cộng");
  const printed = (x: string | undefined) => printedNumber(x ?? "") ?? NaN;
  const p = f.pledges.total;
  expect([printed(totals[0]![2]), printed(totals[0]![3]), totals[0]![4]]).toEqual([p.households, p.householdsSigned, p.householdRate === null ? "" : formatRate(p.householdRate)]);
  const t = f.tasks;
  expect(totals[1]!.slice(2, 7).map(printed)).toEqual([t.total, t.doneOnTime, t.doneLate, t.overdue, t.open]);
  const d = f.donations;
  expect(report.find((r) => r[1] === "Tồn quỹ cuối kỳ")!.slice(2, 5).map(printed)).toEqual([d.cash.closing, d.bank.closing, d.closingCash]);
  // Tổng hợp, recalculated by LibreOffice over the period.
  const sum = sheets.get("Tổng hợp")!;
  const cong = sum.filter((r) => r[0] === "Cộng");
  expect(cong[0]!.slice(1, 6).map(csvNumber)).toEqual([t.total, t.doneOnTime, t.doneLate, t.overdue, t.open]);
  expect([2, 3].map((c) => csvNumber(cong[1]![c]!))).toEqual([p.households, p.householdsSigned]);
  if (p.householdRate === null) expect(cong[1]![4]).toBe("");
  else expect(cong[1]![4]).toBe(formatRate(p.householdRate));
  const line = (label: string) => csvNumber(sum.find((r) => r[0] === label)![1]!);
  expect([line("Tồn quỹ đầu kỳ"), line("Tiếp nhận bằng tiền"), line("Tiếp nhận hiện vật (giá trị)"), line("Đã chi bằng tiền"), line("Tồn quỹ cuối kỳ")]).toEqual([d.openingCash, d.receivedMoney, d.receivedGoodsValue, d.disbursedMoney, d.closingCash]);
  // The Word copy says every sentence and number the sheet says.
  const word = await wordText((await wordPaper("report", await XlsxWorkbook.fromBuffer(bytes), nodeFiles, period, TODAY)).bytes);
  for (const block of added.doc.blocks) if (block.kind === "paragraph" && block.text.trim() !== "") expect(word).toContain(block.text.trim().slice(0, 60));
  // The disclosure list: its totals are the report's.
  const x = disclosureOf((await (await XlsxWorkbook.fromBuffer(bytes)).readTables([TABLE.dongGop, TABLE.thongTin, TABLE.keHoach])), period);
  expect([x.totals.receivedMoney, x.totals.spentMoney, x.totals.receivedGoodsValue, x.totals.distributedGoodsValue, x.totals.cash.closing + x.totals.bank.closing]).toEqual([d.receivedMoney, d.disbursedMoney, d.receivedGoodsValue, d.disbursedGoodsValue, d.closingCash]);
  // The summary of communes: the commune and a copy of it count once, its line and the total its figures.
  const input = (name: string) => ({ name, read: () => Promise.resolve(readFileSync(file)) });
  const { summary: c } = await consolidateWorkbooks([input("a.xlsx"), input("b.xlsx")], period, nodeFiles, () => "?");
  expect(c.summed).toHaveLength(1);
  expect(c.duplicates).toHaveLength(1);
  expect(c.total.tasks).toEqual({ total: t.total, doneOnTime: t.doneOnTime, doneLate: t.doneLate, overdue: t.overdue, open: t.open });
  expect(c.total.pledges?.total).toEqual({ households: p.households, householdsSigned: p.householdsSigned, householdRate: p.householdRate });
  expect(c.total.donations).toEqual({ receivedMoney: d.receivedMoney, receivedGoodsValue: d.receivedGoodsValue, disbursedMoney: d.disbursedMoney, closingCash: d.closingCash });
}

describeWithLibreOffice("one truth: every output of a workbook says the figures report --json says", () => {
  it("on the sample, for a half-year and the year", async () => {
    const file = path.join(dir, "mau.xlsx");
    const port = await XlsxWorkbook.empty();
    await applyTemplates(port, chauSonPlan, demoRows(chauSonPlan));
    writeFileSync(file, await port.toBuffer());
    for (const p of ["2021-S2", "2021"]) await checkOutputs(file, parsePeriod(p));
  }, 120_000);

  it("on workbooks drawn at random, messy cells included", async () => {
    let k = 0;
    await fc.assert(
      fc.asyncProperty(book, fc.constantFrom("2021-S1", "2021-S2", "2021", "2021-Q3"), async (draw, p) => {
        const file = path.join(dir, `ngau-nhien-${++k}.xlsx`);
        await generated(draw, file);
        const period = parsePeriod(p);
        // Amounts typed as text: the report reads them at their value, Tổng hợp's formulas cannot (Excel's
        // SUMIFS skips text). The report says so; once validate --fix stores them as numbers, every output agrees.
        const raw = await XlsxWorkbook.fromBuffer(readFileSync(file));
        const before = await addReport(raw, period, TODAY);
        const fixed = path.join(dir, `ngau-nhien-${k}-sua.xlsx`);
        const port = await XlsxWorkbook.fromBuffer(readFileSync(file));
        await fixThrough(port, TODAY);
        writeFileSync(fixed, await port.toBuffer());
        const after = await reportFigures(await XlsxWorkbook.fromBuffer(readFileSync(fixed)), period);
        expect(after).toEqual(before.figures);
        if (before.textValues > 0) expect(reportCaveats(before).map((c) => c.code)).toContain("report-text-values");
        await checkOutputs(fixed, period);
      }),
      { numRuns: 8, seed: 20211231, endOnFailure: true },
    );
  }, 240_000);
});
