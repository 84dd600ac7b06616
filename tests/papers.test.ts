// The papers an office signs: the law in force on their date, the two-level local government,
// the dossier as an office prepares it, nothing issued when there is nothing to issue.
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { XlsxWorkbook } from "../src/adapters/xlsx/xlsxWorkbook";
import { run } from "../src/cli/main";
import { bodiesInForce, emulationBasis, LEGAL_TEXTS, localGovernmentBasis, textsInForce } from "../src/domain/law";
import { parsePlanText } from "../src/domain/plan/parseText";
import { parsePeriod } from "../src/domain/period";
import { decisionDocument, dossierPapers, dossierSheetName, proposalDocument, type Nominee } from "../src/domain/report/dossier";
import type { DocModel } from "../src/domain/report/document";
import { parentIsName, reportInfo } from "../src/domain/report/reportInfo";
import { chauSonPlan } from "../src/domain/sample/chauSonPlan";
import { demoRows } from "../src/domain/sample/demoData";
import { applyTemplates } from "../src/domain/template/applyTemplates";
import { reportPaper } from "../src/domain/report/addReport";
import { disclosurePaper, goodsSentence } from "../src/domain/report/disclosure";
import { documentSheet } from "../src/domain/report/documentSheet";
import { spanPoints } from "../src/domain/report/sheetBuilder";
import { printScale } from "../src/domain/print";
import { lineHeight, textWidth, wrappedLineCount } from "../src/domain/textMeasure";
import { captureOutput } from "./helpers/output";

const dir = mkdtempSync(path.join(tmpdir(), "papers-"));

/** Every text a paper prints, in order. */
function textOf(doc: DocModel): string {
  return doc.blocks
    .map((b) => {
      if (b.kind === "paragraph" || b.kind === "heading" || b.kind === "caption") return b.text;
      if (b.kind === "header") return [b.parentBody, b.body, b.number, b.title, b.summary].join("\n");
      if (b.kind === "signature") return [...b.recipients, b.authority, b.signerTitle, b.signer].join("\n");
      if (b.kind === "table") return [...b.headers, ...b.rows.flat().map(String)].join("\n");
      return "";
    })
    .join("\n");
}

/** Every text a sheet of a written workbook holds, in reading order. */
async function sheetText(file: string, sheet: string): Promise<string> {
  const book = await XlsxWorkbook.fromBuffer(readFileSync(file));
  const used = (await book.summarize()).sheets.find((s) => s.name === sheet)!.usedRange!;
  return (await book.readRanges([{ sheet, range: used }]))[0]!.flat().filter((v) => typeof v === "string").join("\n");
}

const nominee = (name: string, level: string, form = "Giấy khen"): Nominee => ({ kind: "Cá nhân", name, born: 1980, sex: "Nam", position: "", unit: "Thôn 1", achievement: "Xuất sắc", form, level });

describe("the law in force on the paper's date (data with dates and sources)", () => {
  it("every text has its number, dates in order and a source; texts of one topic never overlap unless one amends another", () => {
    for (const t of LEGAL_TEXTS) {
      expect(t.from <= t.to).toBe(true);
      expect(t.signed <= t.from).toBe(true);
      expect(t.source).not.toBe("");
    }
    // Each day from 2018 has exactly one decree in force.
    for (const day of ["2018-01-01", "2023-12-31", "2024-01-01", "2025-06-30", "2025-07-01", "2026-12-07"]) expect(textsInForce("emulation-decree", day)).toHaveLength(1);
  });

  it("cites the decree of the document's date: 91/2017 before 2024, 98/2023 until 30/06/2025, 152/2025 from 01/07/2025", () => {
    expect(emulationBasis("2021-12-20").join(" ")).toContain("Nghị định số 91/2017/NĐ-CP ngày 31 tháng 7 năm 2017");
    expect(emulationBasis("2024-03-01").join(" ")).toContain("Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023");
    expect(emulationBasis("2025-06-30").join(" ")).toContain("98/2023/NĐ-CP");
    const now = emulationBasis("2026-12-07").join(" ");
    expect(now).toContain("Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ");
    expect(now).not.toContain("98/2023");
    expect(now).toContain("Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15 tháng 6 năm 2022");
    expect(now).toContain("06/2026/QH16");
    expect(emulationBasis("2026-09-30").join(" ")).not.toContain("06/2026/QH16");
  });

  it("cites the local government's law by number and date: 2015 as amended, 65/2025/QH15 from 01/03/2025, 72/2025/QH15 from 01/07/2025", () => {
    expect(localGovernmentBasis("2021-12-20").join(" ")).toContain("Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015");
    expect(localGovernmentBasis("2025-04-01").join(" ")).toContain("số 65/2025/QH15 ngày 19 tháng 02 năm 2025");
    expect(localGovernmentBasis("2026-12-07")).toEqual(["Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15 ngày 16 tháng 6 năm 2025;"]);
  });

  it("from 01/07/2025 there is no district: a district body is left out of Nơi nhận and named, never replaced by a guess", () => {
    const bodies = ["UBND huyện Quỳnh Phụ (b/c)", "TTĐU, HĐND, UBND xã", "Phòng Nội vụ quận 3", "UBND thị xã Sơn Tây"];
    expect(bodiesInForce(bodies, "2025-06-30").kept).toEqual(bodies);
    expect(bodiesInForce(bodies, "2025-07-01")).toEqual({ kept: ["TTĐU, HĐND, UBND xã"], gone: ["UBND huyện Quỳnh Phụ (b/c)", "Phòng Nội vụ quận 3", "UBND thị xã Sơn Tây"] });
  });

  it("a plan dated from 01/07/2025 that reports to a district is read, and the clerk is told", () => {
    const text = readFileSync(path.join(__dirname, "fixtures/plans/bien-the-an-binh-2025.txt"), "utf8");
    expect(parsePlanText(text).notices).toEqual([]);
    const district = text.replace(/UBND tỉnh Hưng Yên/gu, "UBND huyện Kim Động");
    // Before 01/07/2025 the district level existed: nothing to tell.
    expect(parsePlanText(district).plan.reporting.receiver).toBe("UBND huyện Kim Động");
    expect(parsePlanText(district).notices).toEqual([]);
    const r = parsePlanText(district.replace("ngày 02 tháng 3 năm 2025", "ngày 02 tháng 9 năm 2025"));
    expect(r.plan.planDate).toBe("2025-09-02");
    expect(r.plan.reporting.receiver).toBe("UBND huyện Kim Động");
    expect(r.notices).toHaveLength(1);
    expect(r.notices[0]).toContain("Từ 01/07/2025 không còn cấp huyện");
    expect(r.notices[0]).toContain("UBND huyện Kim Động");
  });
});

describe("the dossier as an office prepares it", () => {
  const info = reportInfo(undefined, chauSonPlan);
  const period = parsePeriod("2026-S1");
  const list = [nominee("Nguyễn Văn A", "Chủ tịch UBND xã"), nominee("Trần Thị B", "Đề nghị cấp trên", "Bằng khen"), nominee("Lê Văn C", "Chủ tịch UBND xã", "Biểu dương")];

  it("the Tờ trình comes from the proposer, asks the chairman for what he decides and apart for what goes higher", () => {
    const t = textOf(proposalDocument(list, info, period, "2026-07-10"));
    expect(t).toContain("HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG");
    expect(t).toContain("Số:     /TTr-HĐTĐKT");
    expect(t).toContain("kính đề nghị Chủ tịch Ủy ban nhân dân xã Châu Sơn xem xét, quyết định khen thưởng 2 trường hợp (2 cá nhân); đồng thời đề nghị trình cấp trên khen thưởng 1 trường hợp (1 cá nhân)");
    expect(t).toContain("TM. HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG");
    expect(t).not.toContain("NGƯỜI TRÌNH");
    expect(t).toContain("152/2025/NĐ-CP");
  });

  it("the QĐ cites the Tờ trình with its proposer and date, decides only the commune's own awards, its list says what it is attached to", () => {
    const doc = decisionDocument(list, info, period, "2026-07-10");
    const t = textOf(doc);
    expect(t).toContain("Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15 ngày 16 tháng 6 năm 2025;");
    expect(t).toContain("Xét đề nghị của Hội đồng Thi đua - Khen thưởng xã Châu Sơn tại Tờ trình số      /TTr-HĐTĐKT ngày 10/07/2026,");
    expect(t).toContain("Điều 1. Tặng Giấy khen cho 1 cá nhân; biểu dương 1 cá nhân đã có thành tích");
    expect(t).toContain("(Kèm theo Quyết định số      /QĐ-UBND ngày 10/07/2026 của Chủ tịch Ủy ban nhân dân xã Châu Sơn)");
    expect(t).not.toContain("Trần Thị B");
    const header = doc.blocks.find((b) => b.kind === "header");
    expect(header && header.kind === "header" && header.parentIsName).toBe(true);
  });

  it("names sheets without cutting a date", () => {
    expect(dossierSheetName("DS đề nghị KT", parsePeriod("2021-06-11..2021-12-31"))).toBe("DS đề nghị KT 11.06-31.12.2021");
    expect(dossierSheetName("Tờ trình KT", parsePeriod("2021-06-11..2022-01-31"))).toBe("Tờ trình KT 11.06.21-31.01.22");
    for (const p of ["2021-S1", "2021-Q3", "2021-09", "2021"]) expect(dossierSheetName("DS đề nghị KT", parsePeriod(p)).length).toBeLessThanOrEqual(31);
  });

  it("an issuer's two lines are both its name for a people's committee; a governing body's line is not", () => {
    expect(parentIsName("ỦY BAN NHÂN DÂN")).toBe(true);
    expect(parentIsName("ỦY BAN NHÂN DÂN XÃ CHÂU SƠN")).toBe(false);
    expect(parentIsName("UBND HUYỆN QUỲNH PHỤ")).toBe(false);
  });

  it("goods said as a reader expects", () => {
    expect(goodsSentence(5_000_000, 0)).toBe("Hiện vật tiếp nhận trị giá 5.000.000 đồng, chưa phân phát.");
    expect(goodsSentence(0, 0)).not.toContain("0 đồng");
  });
});

describe("nothing to issue: no paper, a clear message, exit 1, the workbook as it was", () => {
  const demo = path.join(dir, "demo.xlsx");
  beforeAll(async () => {
    expect((await captureOutput(() => run(["demo", "--out", demo]))).code).toBe(0);
  });

  it("nominations for a period without a nomination to decide", async () => {
    const before = readFileSync(demo);
    const out = path.join(dir, "kt-rong.xlsx");
    const r = await captureOutput(() => run(["nominations", demo, "--period", "2023-S1", "--out", out, "--today", "2023-07-05"]));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("Kỳ 6 tháng đầu năm 2023 không có trường hợp nào đề nghị khen thưởng");
    expect(existsSync(out)).toBe(false);
    expect(readFileSync(demo).equals(before)).toBe(true);
  });

  it("a report dated after 01/07/2025 sends nothing to the district, and says so", async () => {
    const out = path.join(dir, "bc-2026.xlsx");
    const r = await captureOutput(() => run(["report", demo, "--period", "2021-S2", "--out", out, "--today", "2026-12-07"]));
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('không còn cấp huyện (Luật Tổ chức chính quyền địa phương số 72/2025/QH15): báo cáo không gửi "UBND huyện Quỳnh Phụ (b/c)"');
    expect(await sheetText(out, "BC 6 tháng cuối năm 2021")).not.toContain("huyện");
    // Dated before: the district is where the report goes.
    const old = path.join(dir, "bc-2022.xlsx");
    expect((await captureOutput(() => run(["report", demo, "--period", "2021-S2", "--out", old, "--today", "2022-01-05"]))).code).toBe(0);
    expect(await sheetText(old, "BC 6 tháng cuối năm 2021")).toContain("UBND huyện Quỳnh Phụ (b/c)");
  });

  it("a disclosure list for a period without a receipt or a spending", async () => {
    const out = path.join(dir, "ck-rong.xlsx");
    const r = await captureOutput(() => run(["disclosure", demo, "--period", "2023-S1", "--out", out, "--today", "2023-07-05"]));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("không lập bảng công khai");
    expect(existsSync(out)).toBe(false);
  });

  it("the dossier's proposal without a signer named: made, and the clerk told where to name one", async () => {
    const out = path.join(dir, "kt.xlsx");
    const r = await captureOutput(() => run(["nominations", demo, "--period", "2021-S2", "--out", out, "--today", "2026-12-07"]));
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('"Người ký tờ trình"');
    const text = await sheetText(out, "QĐ KT 6 tháng cuối 2021");
    expect(text).toContain("152/2025/NĐ-CP");
    expect(text).not.toContain("98/2023");
  });
});

describe("papers at their real size, nothing clipped (measured with Times New Roman's widths)", () => {
  const demo = path.join(dir, "demo-size.xlsx");
  beforeAll(async () => {
    expect((await captureOutput(() => run(["demo", "--out", demo]))).code).toBe(0);
  });

  const cases: [string, number | null][] = [
    ...["2021-S1", "2021-S2", "2021", "2021-06-11..2021-12-31"].map((c) => [c, null] as [string, null]),
    // Generated data: the sample's generator drawn again.
    ...[1, 7, 2024].map((seed) => ["2021", seed] as [string, number]),
  ];
  it.each(cases)("every paper of %s (seed %s) prints at 100%%, body at 13-14 pt, tables at 12 pt, every cell's text whole", async (code, seed) => {
    let book: XlsxWorkbook;
    if (seed === null) book = await XlsxWorkbook.fromBuffer(readFileSync(demo));
    else {
      book = await XlsxWorkbook.empty();
      await applyTemplates(book, chauSonPlan, demoRows(chauSonPlan, seed));
    }
    const period = parsePeriod(code);
    const docs = [(await reportPaper(book, period, "2026-12-07")).doc, ...(await disclosurePaper(book, period, "2026-12-07")).docs, ...(await disclosurePaper(book, period, "2026-12-07", { byVillage: true })).docs, ...(await dossierPapers(book, period, "2026-12-07").then((r) => r.docs, () => []))];
    for (const [i, doc] of docs.entries()) {
      const grid = documentSheet(`P${i}`, doc);
      expect([i, printScale(grid, grid.print!)]).toEqual([i, 100]);
      const heights = new Map((grid.rowHeights ?? []).map((h) => [h.row, h.height] as const));
      for (const c of grid.cells) {
        if (typeof c.value !== "string" || c.col > 11) continue;
        const size = c.style?.size ?? 11;
        expect([c.value, size >= (c.style?.border === "thin" ? 12 : 11)]).toEqual([c.value, true]);
        const merge = grid.merges?.find((m) => m.top <= c.row && c.row <= m.bottom && m.left <= c.col && c.col <= m.right);
        const width = spanPoints(merge?.left ?? c.col, merge?.right ?? c.col);
        const bold = c.style?.bold === true;
        if (c.style?.wrap) {
          const need = wrappedLineCount(c.value, width, size, bold) * lineHeight(size);
          expect([c.value, need <= (heights.get(c.row) ?? 18) + 0.5]).toEqual([c.value, true]);
        } else expect([c.value, textWidth(c.value, size, bold) <= width]).toEqual([c.value, true]);
      }
      // Body text: every paragraph at 13 pt or more.
      for (const c of grid.cells.filter((x) => typeof x.value === "string" && (x.value).startsWith("        "))) expect(c.style?.size ?? 13).toBeGreaterThanOrEqual(13);
    }
  });
});
