import { householdRateFormula, totalHouseholdRateFormula } from "../sheets/specs";
import { TRACKERS, type Tracker } from "../plan/kinds";
import { nameKey } from "../text";
import type { Grid } from "../grid";
import type { Figures } from "./figures";
import { readDate } from "../cells/date";
import { documentDate, formatDate } from "../format";
import type { Period } from "./period";
import type { ReportInfo } from "./reportInfo";
import { directions, donationSentence, launchSentence, nominationSentence, pledgeSentence, shortcomings, taskSentence } from "./reportText";
import { REPORT_WIDTHS, SheetBuilder, sumFormula } from "./sheetBuilder";

const LAST_COL = REPORT_WIDTHS.length - 1;
const COUNT = "#,##0";
const RATE = "0.0%";

/** What of the plan a report covers: its trackers, and whether it has a launch to report. */
export interface ReportScope {
  trackers: readonly Tracker[];
  launch: boolean;
}

/** A workbook without a plan (made before the plan was kept in it): every part. */
export const FULL_SCOPE: ReportScope = { trackers: TRACKERS, launch: true };

/** "XÃ CHÂU SƠN" as running text: "xã Châu Sơn". */
export function bodyName(body: string): string {
  const [kind, ...name] = body.toLocaleLowerCase("vi").split(/\s+/);
  const title = name.map((w) => w.charAt(0).toLocaleUpperCase("vi") + w.slice(1));
  const twoWordKind = kind === "thị" && name[0] === "trấn";
  return twoWordKind ? `thị trấn ${title.slice(1).join(" ")}` : [kind ?? "", ...title].join(" ");
}

/** The heading blocks of a document of Nghị định 30: issuing body, motto, number, place and date, then its kind and summary line. */
export function documentHeader(b: SheetBuilder, info: ReportInfo, today: string, symbol: string, kind: string, summary: string): void {
  b.text(0, 2, info.parentBody, { bold: true, hAlign: "center" });
  b.text(3, LAST_COL, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", { bold: true, hAlign: "center" });
  b.row++;
  b.text(0, 2, info.body, { bold: true, hAlign: "center" });
  b.text(3, LAST_COL, "Độc lập - Tự do - Hạnh phúc", { bold: true, size: 14, hAlign: "center" });
  b.row++;
  // The rules: under the issuing body, about half its block (column B); under the motto, its length (E–G).
  b.rule(1, 1);
  b.rule(4, 6);
  b.row++;
  b.text(0, 2, `Số:     /${symbol}`, { hAlign: "center" });
  b.text(3, LAST_COL, documentDate(info.place, today), { italic: true, size: 14, hAlign: "center" });
  b.row += 2;
  b.text(0, LAST_COL, kind, { bold: true, size: 14, hAlign: "center" });
  b.row++;
  b.text(0, LAST_COL, summary, { bold: true, size: 14, hAlign: "center" });
  b.row++;
  // Under the summary line, a short rule at the page's centre (D–E).
  b.rule(3, 4);
  b.row++;
}

function header(b: SheetBuilder, info: ReportInfo, period: Period, today: string): void {
  documentHeader(b, info, today, info.symbol, "BÁO CÁO", `Kết quả thực hiện phong trào “${info.movement}” ${period.label}`);
  // A period that begins before the plan was issued is reported from the plan's date.
  const planIso = readDate(info.planDate);
  const from = planIso.kind === "value" && planIso.value > period.from && planIso.value <= period.to ? planIso.value : period.from;
  b.paragraph(
    `Thực hiện Kế hoạch${info.planNumber ? ` số ${info.planNumber}` : ""} ngày ${info.planDate} của Ủy ban nhân dân ${bodyName(info.body)} ` +
      `về phát động phong trào “${info.movement}”, Ủy ban nhân dân ${bodyName(info.body)} báo cáo kết quả thực hiện ${period.label} ` +
      `(từ ngày ${formatDate(from)} đến ngày ${formatDate(period.to)}) như sau:`,
  );
}

function pledgeTable(b: SheetBuilder, f: Figures): void {
  const rows = f.pledges.byPlace.map((p, i) => [i + 1, p.place, p.households, p.householdsSigned, null, p.students, p.officials, p.workers]);
  const t = f.pledges.total;
  const rate = (r: number) => householdRateFormula(`C${r + 1}`, `D${r + 1}`);
  b.table({
    headers: ["STT", "Thôn, đơn vị", "Số hộ", "Số hộ đã ký", "Tỷ lệ hộ đã ký", "HS, SV đã ký", "CB, CC, VC đã ký", "CN, NLĐ đã ký"],
    rows,
    formats: [undefined, undefined, COUNT, COUNT, RATE, COUNT, COUNT, COUNT],
    rowFormulas: [undefined, undefined, undefined, undefined, (r, i) => {
      const p = f.pledges.byPlace[i];
      return { formula: rate(r), result: p && p.households > 0 ? p.householdsSigned / p.households : "" };
    }],
    totals: [
      undefined,
      "Tổng cộng",
      (a, z) => ({ formula: sumFormula(2, a, z), result: t.households }),
      (a, z) => ({ formula: sumFormula(3, a, z), result: t.householdsSigned }),
      (a, z) => ({ formula: z < a ? '""' : totalHouseholdRateFormula(`C${a + 1}:C${z + 1}`, `D${a + 1}:D${z + 1}`), result: t.householdRate ?? "" }),
      (a, z) => ({ formula: sumFormula(5, a, z), result: t.students }),
      (a, z) => ({ formula: sumFormula(6, a, z), result: t.officials }),
      (a, z) => ({ formula: sumFormula(7, a, z), result: t.workers }),
    ],
  });
}

function taskTable(b: SheetBuilder, f: Figures): void {
  const t = f.tasks;
  b.table({
    headers: ["STT", "Đơn vị", "Tổng số nhiệm vụ", "Hoàn thành đúng hạn", "Hoàn thành chậm", "Quá hạn chưa hoàn thành", "Đang thực hiện, thường xuyên", "Ghi chú"],
    rows: t.byUnit.map((u, i) => [i + 1, u.unit, u.total, u.doneOnTime, u.doneLate, u.overdue, u.open, null]),
    formats: [undefined, undefined, COUNT, COUNT, COUNT, COUNT, COUNT, undefined],
    totals: [
      undefined,
      "Tổng cộng",
      (a, z) => ({ formula: sumFormula(2, a, z), result: t.total }),
      (a, z) => ({ formula: sumFormula(3, a, z), result: t.doneOnTime }),
      (a, z) => ({ formula: sumFormula(4, a, z), result: t.doneLate }),
      (a, z) => ({ formula: sumFormula(5, a, z), result: t.overdue }),
      (a, z) => ({ formula: sumFormula(6, a, z), result: t.open }),
      undefined,
    ],
  });
}

function donationTables(b: SheetBuilder, f: Figures): void {
  const d = f.donations;
  // Cash and bank kept apart, as the accountant keeps them; each column's closing is a formula.
  const lines: [string, keyof Figures["donations"]["cash"]][] = [["Tồn quỹ đầu kỳ", "opening"], ["Tiếp nhận trong kỳ", "received"], ["Đã chi trong kỳ", "spent"], ["Tồn quỹ cuối kỳ", "closing"]];
  b.table({
    headers: ["STT", "Nội dung", "Tiền mặt (đồng)", "Chuyển khoản (đồng)", "Cộng (đồng)"],
    rows: lines.map(([label, key], i) => [i + 1, label, key === "closing" ? null : d.cash[key], key === "closing" ? null : d.bank[key], null]),
    formats: [undefined, undefined, COUNT, COUNT, COUNT],
    rowFormulas: [
      undefined,
      undefined,
      (r, i) => (i === 3 ? { formula: `C${r - 2}+C${r - 1}-C${r}`, result: d.cash.closing } : undefined),
      (r, i) => (i === 3 ? { formula: `D${r - 2}+D${r - 1}-D${r}`, result: d.bank.closing } : undefined),
      (r, i) => {
        const key = lines[i]?.[1] ?? "opening";
        return { formula: `C${r + 1}+D${r + 1}`, result: d.cash[key] + d.bank[key] };
      },
    ],
  });
  b.blank();
  b.caption("Tiếp nhận theo nhóm người đóng góp:");
  b.table({
    headers: ["STT", "Nhóm", "Số lượt", "Tiền (đồng)", "Hiện vật (đồng)", "Cộng (đồng)"],
    rows: d.byGroup.map((g, i) => [i + 1, g.group, g.count, g.money, g.goodsValue, null]),
    formats: [undefined, undefined, COUNT, COUNT, COUNT, COUNT],
    rowFormulas: [undefined, undefined, undefined, undefined, undefined, (r, i) => {
      const g = d.byGroup[i];
      return { formula: `D${r + 1}+E${r + 1}`, result: g ? g.money + g.goodsValue : null };
    }],
    totals: [
      undefined,
      "Tổng cộng",
      (a, z) => ({ formula: sumFormula(2, a, z), result: d.byGroup.reduce((s, g) => s + g.count, 0) }),
      (a, z) => ({ formula: sumFormula(3, a, z), result: d.receivedMoney }),
      (a, z) => ({ formula: sumFormula(4, a, z), result: d.receivedGoodsValue }),
      (a, z) => ({ formula: sumFormula(5, a, z), result: d.receivedMoney + d.receivedGoodsValue }),
    ],
  });
  if (d.goods.receivedValue > 0 || d.goods.distributedValue > 0) {
    b.blank();
    b.caption("Hiện vật (theo giá trị):");
    b.table({
      headers: ["STT", "Nội dung", "Giá trị (đồng)"],
      rows: [
        [1, "Hiện vật tiếp nhận trong kỳ", d.goods.receivedValue],
        [2, "Hiện vật đã phân phát trong kỳ", d.goods.distributedValue],
      ],
      formats: [undefined, undefined, COUNT],
    });
  }
  if (d.byPurpose.length > 0) {
    b.blank();
    b.caption("Chi, phân phát theo nội dung:");
    b.table({
      headers: ["STT", "Nội dung", "Tiền (đồng)", "Hiện vật (đồng)"],
      rows: d.byPurpose.map((p, i) => [i + 1, p.purpose, p.money, p.goodsValue]),
      formats: [undefined, undefined, COUNT, COUNT],
      totals: [
        undefined,
        "Tổng cộng",
        (a, z) => ({ formula: sumFormula(2, a, z), result: d.disbursedMoney }),
        (a, z) => ({ formula: sumFormula(3, a, z), result: d.disbursedGoodsValue }),
      ],
    });
  }
}

function nominationTable(b: SheetBuilder, f: Figures): void {
  // Nominations and awards apart: what was proposed, and what was awarded, by form.
  const forms = Object.entries(f.nominations.byForm);
  b.table({
    headers: ["STT", "Hình thức khen thưởng", "Số đề nghị", "Đã khen thưởng"],
    rows: forms.map(([form, count], i) => [i + 1, form, count, f.nominations.awarded.byForm[form] ?? 0]),
    formats: [undefined, undefined, COUNT, COUNT],
    totals: [
      undefined,
      "Tổng cộng",
      (a, z) => ({ formula: sumFormula(2, a, z), result: f.nominations.total }),
      (a, z) => ({ formula: sumFormula(3, a, z), result: f.nominations.awarded.total }),
    ],
  });
}

function closing(b: SheetBuilder, info: ReportInfo, period: Period): void {
  b.paragraph(`Trên đây là báo cáo kết quả thực hiện phong trào “${info.movement}” ${period.label} của Ủy ban nhân dân ${bodyName(info.body)}./.`);
  b.blank();
  signatureBlock(b, info, info.reportRecipients);
}

/** `Nơi nhận` (then `Lưu: VT`) beside the signature: authority, title, room for signature and seal, name. */
export function signatureBlock(b: SheetBuilder, info: ReportInfo, to: readonly string[]): void {
  const top = b.row;
  const recipients = to.map((r) => `- ${r};`);
  b.text(0, 3, "Nơi nhận:", { bold: true, italic: true, size: 12 });
  [...recipients, "- Lưu: VT."].forEach((r, i) => b.text(0, 3, r, { size: 11 }, top + 1 + i));
  b.text(4, LAST_COL, info.authority, { bold: true, hAlign: "center" }, top);
  b.text(4, LAST_COL, info.signerTitle, { bold: true, hAlign: "center" }, top + 1);
  // Room for the signature and the seal: five rows (about 32 mm) between the title and the name.
  const nameRow = Math.max(top + 7, top + recipients.length + 2);
  b.text(4, LAST_COL, info.signer, { bold: true, hAlign: "center" }, nameRow);
  b.row = nameRow + 1;
}

/** The report sheet in the layout of Nghị định 30/2020/NĐ-CP: A4 portrait, Times New Roman, one page wide. */
export function reportGrid(sheet: string, f: Figures, info: ReportInfo, period: Period, today: string, scope: ReportScope = FULL_SCOPE): Grid {
  const b = new SheetBuilder();
  header(b, info, period, today);
  b.heading("I. KẾT QUẢ THỰC HIỆN");
  // Each part of section I the plan has: its heading, the sentence stating its figures, then its tables.
  const all: [boolean, string, (f: Figures) => string, ((b: SheetBuilder, f: Figures) => void) | undefined][] = [
    [scope.launch, "Tổ chức phát động phong trào", launchSentence, undefined],
    [scope.trackers.includes("pledges"), "Ký cam kết", pledgeSentence, pledgeTable],
    [scope.trackers.includes("tasks"), "Thực hiện nhiệm vụ của các đơn vị", taskSentence, taskTable],
    [scope.trackers.includes("donations"), "Huy động, tiếp nhận và sử dụng nguồn đóng góp", donationSentence, donationTables],
    [scope.trackers.includes("nominations"), "Công tác thi đua, khen thưởng", nominationSentence, nominationTable],
  ];
  const parts = all.filter(([has]) => has);
  for (const [i, [, title, sentence, tables]] of parts.entries()) {
    b.heading(`${i + 1}. ${title}`);
    b.paragraph(sentence(f));
    if (tables) {
      tables(b, f);
      b.blank();
    }
  }
  b.heading("II. TỒN TẠI, HẠN CHẾ");
  for (const line of shortcomings(f, scope.trackers)) b.paragraph(line);
  b.paragraph("………………………………………………………………………………………………………………");
  b.heading("III. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI");
  for (const line of directions(f, scope.trackers)) b.paragraph(line);
  b.paragraph("………………………………………………………………………………………………………………");
  b.blank();
  closing(b, info, period);
  const last = b.row - 1;
  return documentGrid(sheet, b, last);
}

/** A document sheet as Nghị định 30 prints it: A4 portrait, its margins, one page wide, its print area. */
export function documentGrid(sheet: string, b: SheetBuilder, last: number): Grid {
  return {
    sheet,
    createSheet: true,
    cells: b.cells,
    merges: b.merges,
    rowHeights: b.heights,
    columns: REPORT_WIDTHS.map((width, col) => ({ col, width })),
    print: {
      paper: "A4",
      orientation: "portrait",
      marginsCm: { top: 2, bottom: 2, left: 3, right: 1.5 },
      fitToWidth: true,
      printArea: { top: 0, left: 0, bottom: last, right: LAST_COL },
      pageNumbers: true,
    },
  };
}

/** A sheet name not yet taken: the period's name, else with " (2)", " (3)"… (a report is never overwritten). */
export function freeSheetName(base: string, taken: readonly string[]): string {
  const used = new Set(taken.map(nameKey));
  if (!used.has(nameKey(base))) return base;
  for (let k = 2; ; k++) {
    const name = `${base} (${k})`;
    if (!used.has(nameKey(name))) return name;
  }
}
