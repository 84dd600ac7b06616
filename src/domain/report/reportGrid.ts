import { TRACKERS, type Tracker } from "../plan/kinds";
import { nameKey } from "../text";
import type { Grid } from "../grid";
import type { Figures } from "./figures";
import { readDate } from "../cells/date";
import { documentDate, formatDate } from "../format";
import type { Period } from "../period";
import { bodiesInForce } from "../law";
import { bodyName, parentIsName, type ReportInfo } from "./reportInfo";
import { directions, donationSentence, launchInPeriod, launchSentence, nominationSentence, pledgeSentence, shortcomings, taskSentence } from "./reportText";
import type { ReturnsStatus } from "../collect/status";
import { DocWriter, type DocModel } from "./document";
import { documentSheet } from "./documentSheet";
import { placeHouseholdRate } from "./measures";
import { chartSeries } from "./charts";

/** What of the plan a report covers: its trackers, and whether it has a launch to report. */
export interface ReportScope {
  trackers: readonly Tracker[];
  launch: boolean;
}

/** A workbook without a plan (made before the plan was kept in it): every part. */
export const FULL_SCOPE: ReportScope = { trackers: TRACKERS, launch: true };


/** The heading blocks of a document of Nghị định 30: issuing body, motto, number, place and date, then its kind and summary line. */
export function documentHeader(w: DocWriter, info: Pick<ReportInfo, "parentBody" | "body" | "place">, today: string, symbol: string, title: string, summary: string): DocWriter {
  return w.header({ parentBody: info.parentBody, parentIsName: parentIsName(info.parentBody), body: info.body, number: `Số:     /${symbol}`, dateLine: documentDate(info.place, today), title, summary });
}

function header(w: DocWriter, info: ReportInfo, period: Period, today: string): void {
  documentHeader(w, info, today, info.symbol, "BÁO CÁO", `Kết quả thực hiện phong trào “${info.movement}” ${period.label}`);
  // A period that begins before the plan was issued is reported from the plan's date.
  const planIso = readDate(info.planDate);
  const from = planIso.kind === "value" && planIso.value > period.from && planIso.value <= period.to ? planIso.value : period.from;
  w.paragraph(
    `Thực hiện Kế hoạch${info.planNumber ? ` số ${info.planNumber}` : ""} ngày ${info.planDate} của Ủy ban nhân dân ${bodyName(info.body)} ` +
      `về phát động phong trào “${info.movement}”, Ủy ban nhân dân ${bodyName(info.body)} báo cáo kết quả thực hiện ${period.label} ` +
      `(từ ngày ${formatDate(from)} đến ngày ${formatDate(period.to)}) như sau:`,
  );
}

function pledgeTable(w: DocWriter, f: Figures): void {
  const t = f.pledges.total;
  w.table({
    headers: ["STT", "Thôn, đơn vị", "Số hộ", "Số hộ đã ký", "Tỷ lệ hộ đã ký", "HS, SV đã ký", "CB, CC, VC đã ký", "CN, NLĐ đã ký"],
    rows: f.pledges.byPlace.map((p, i) => [i + 1, p.place, p.households, p.householdsSigned, placeHouseholdRate(p), p.students, p.officials, p.workers]),
    formats: [undefined, undefined, "count", "count", "rate", "count", "count", "count"],
    totals: [null, "Tổng cộng", t.households, t.householdsSigned, t.householdRate ?? null, t.students, t.officials, t.workers],
  });
  // The rate per village as a chart, highest first, for officials reading the sheet without the add-in.
  const places = chartSeries(f).rates;
  if (places.length > 0) w.chart({ title: "Tỷ lệ hộ gia đình đã ký cam kết theo thôn", categories: places.map((p) => p.place), values: places.map((p) => p.rate) });
}

function taskTable(w: DocWriter, f: Figures): void {
  const t = f.tasks;
  w.table({
    headers: ["STT", "Đơn vị", "Tổng số nhiệm vụ", "Hoàn thành đúng hạn", "Hoàn thành chậm", "Quá hạn chưa hoàn thành", "Đang thực hiện, thường xuyên", "Ghi chú"],
    rows: t.byUnit.map((u, i) => [i + 1, u.unit, u.total, u.doneOnTime, u.doneLate, u.overdue, u.open, null]),
    totals: [null, "Tổng cộng", t.total, t.doneOnTime, t.doneLate, t.overdue, t.open, null],
  });
}

/** Whether the period has any money or goods to show, or a balance carried over. */
function hasDonations(f: Figures): boolean {
  const d = f.donations;
  return d.byGroup.length > 0 || d.byPurpose.length > 0 || [d.cash, d.bank].some((x) => x.opening !== 0 || x.received !== 0 || x.spent !== 0 || x.closing !== 0) || d.goods.receivedValue > 0 || d.goods.distributedValue > 0;
}

function donationTables(w: DocWriter, f: Figures): void {
  const d = f.donations;
  // Cash and bank kept apart, as the accountant keeps them.
  const lines: [string, keyof Figures["donations"]["cash"]][] = [["Tồn quỹ đầu kỳ", "opening"], ["Tiếp nhận trong kỳ", "received"], ["Đã chi trong kỳ", "spent"], ["Tồn quỹ cuối kỳ", "closing"]];
  w.table({
    headers: ["STT", "Nội dung", "Tiền mặt (đồng)", "Chuyển khoản (đồng)", "Cộng (đồng)"],
    rows: lines.map(([label, key], i) => [i + 1, label, d.cash[key], d.bank[key], d.cash[key] + d.bank[key]]),
  });
  w.space();
  w.caption("Tiếp nhận theo nhóm người đóng góp:");
  w.table({
    headers: ["STT", "Nhóm", "Số lượt", "Tiền (đồng)", "Hiện vật (đồng)", "Cộng (đồng)"],
    rows: d.byGroup.map((g, i) => [i + 1, g.group, g.count, g.money, g.goodsValue, g.money + g.goodsValue]),
    totals: [null, "Tổng cộng", d.byGroup.reduce((s, g) => s + g.count, 0), d.receivedMoney, d.receivedGoodsValue, d.receivedMoney + d.receivedGoodsValue],
  });
  if (d.goods.receivedValue > 0 || d.goods.distributedValue > 0) {
    w.space();
    w.caption("Hiện vật (theo giá trị):");
    w.table({
      headers: ["STT", "Nội dung", "Giá trị (đồng)"],
      rows: [
        [1, "Hiện vật tiếp nhận trong kỳ", d.goods.receivedValue],
        [2, "Hiện vật đã phân phát trong kỳ", d.goods.distributedValue],
      ],
    });
  }
  if (d.byPurpose.length > 0) {
    w.space();
    w.caption("Chi, phân phát theo nội dung:");
    w.table({
      headers: ["STT", "Nội dung", "Tiền (đồng)", "Hiện vật (đồng)"],
      rows: d.byPurpose.map((p, i) => [i + 1, p.purpose, p.money, p.goodsValue]),
      totals: [null, "Tổng cộng", d.disbursedMoney, d.disbursedGoodsValue],
    });
  }
}

function nominationTable(w: DocWriter, f: Figures, decisions: Readonly<Record<string, readonly string[]>>): void {
  // Nominations and awards apart: what was proposed, and what was awarded, by form.
  const forms = Object.entries(f.nominations.byForm);
  // Each form's decisions by number, as the awards were made ("12/QĐ-UBND, 15/QĐ-UBND").
  w.table({
    headers: ["STT", "Hình thức khen thưởng", "Số đề nghị", "Đã khen thưởng", "Số quyết định"],
    rows: forms.map(([form, count], i) => [i + 1, form, count, f.nominations.awarded.byForm[form] ?? 0, (decisions[form] ?? []).join(", ") || null]),
    totals: [null, "Tổng cộng", f.nominations.total, f.nominations.awarded.total, null],
  });
}

/** `Nơi nhận` (then `Lưu: VT`) beside the signature: authority, title, room for signature and seal, name. */
export function signatureBlock(w: DocWriter, info: Pick<ReportInfo, "authority" | "signerTitle" | "signer">, to: readonly string[]): DocWriter {
  return w.signature({ recipients: to, authority: info.authority, signerTitle: info.signerTitle, signer: info.signer });
}

/** The report of a period in the layout of Nghị định 30/2020/NĐ-CP: what it says, block by block. */
/** What the report says beside its figures: the awards' decision numbers, the units' and villages' returns. */
export interface ReportExtras {
  decisions?: Readonly<Record<string, readonly string[]>>;
  returns?: ReturnsStatus;
  /** Whether the period's transfers were reconciled with the bank's statement (`bankSentence`). */
  bank?: string;
  /** A closed period's report made again: the figures sent and the figures now (`closedSentence`). */
  closed?: string;
}

export function reportDocument(f: Figures, info: ReportInfo, period: Period, today: string, scope: ReportScope = FULL_SCOPE, extras: ReportExtras = {}): DocModel {
  const decisions = extras.decisions ?? {};
  const w = new DocWriter();
  header(w, info, period, today);
  w.heading("I. KẾT QUẢ THỰC HIỆN");
  // Each part of section I the plan has: its heading, the sentence stating its figures, then its tables.
  const all: [boolean, string, (f: Figures) => string, ((w: DocWriter, f: Figures) => void) | undefined][] = [
    // The launch is told in the period it fell in (or while it is not done), not in every later report.
    [scope.launch && launchInPeriod(f), "Tổ chức phát động phong trào", launchSentence, undefined],
    [scope.trackers.includes("pledges"), "Ký cam kết", pledgeSentence, pledgeTable],
    [scope.trackers.includes("tasks"), "Thực hiện nhiệm vụ của các đơn vị", taskSentence, taskTable],
    [scope.trackers.includes("donations"), "Huy động, tiếp nhận và sử dụng nguồn đóng góp", (x) => (extras.bank ? `${donationSentence(x)} ${extras.bank}` : donationSentence(x)), hasDonations(f) ? donationTables : undefined],
    // No table of zeros under a sentence saying there is nothing.
    [scope.trackers.includes("nominations"), "Công tác thi đua, khen thưởng", nominationSentence, f.nominations.total > 0 ? (w, x) => nominationTable(w, x, decisions) : undefined],
  ];
  const parts = all.filter(([has]) => has);
  for (const [i, [, title, sentence, tables]] of parts.entries()) {
    w.heading(`${i + 1}. ${title}`);
    w.paragraph(sentence(f));
    if (tables) {
      tables(w, f);
      w.space();
    }
  }
  if (extras.closed) w.paragraph(extras.closed);
  w.heading("II. TỒN TẠI, HẠN CHẾ");
  for (const line of shortcomings(f, scope.trackers, extras.returns)) w.paragraph(line);
  w.clerk();
  w.heading("III. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI");
  for (const line of directions(f, scope.trackers)) w.paragraph(line);
  w.clerk();
  w.space();
  w.paragraph(`Trên đây là báo cáo kết quả thực hiện phong trào “${info.movement}” ${period.label} của Ủy ban nhân dân ${bodyName(info.body)}./.`);
  w.space();
  // From 01/07/2025 there is no district level: a district body is left out (the preflight names it).
  signatureBlock(w, info, bodiesInForce(info.reportRecipients, today).kept);
  return w.done();
}

/** The report sheet in the layout of Nghị định 30/2020/NĐ-CP: A4 portrait, Times New Roman, one page wide. */
export function reportGrid(sheet: string, f: Figures, info: ReportInfo, period: Period, today: string, scope: ReportScope = FULL_SCOPE, extras: ReportExtras = {}): Grid {
  return documentSheet(sheet, reportDocument(f, info, period, today, scope, extras));
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
