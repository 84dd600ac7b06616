import { NothingToIssueError } from "./nothing";
import { bankSentence, statementRecords, STATEMENTS_TABLE, type StatementRecord } from "../bank/records";
import { findTable } from "../tables";
import { foldKey } from "../cells/text";
import { formatCount as n, formatDate } from "../format";
import { planFromTables } from "../plan/workbookPlan";
import { readOurTables } from "../rules/validate";
import { viewFor, type ViewOf } from "../rules/view";
import { dongGopTable, TABLE } from "../sheets/specs";
import type { ReadOptions, TableData, WorkbookPort } from "../workbook";
import { figuresForPeriod, type Figures } from "./figures";
import type { Period } from "../period";
import { DocWriter, type DocModel } from "./document";
import { documentsSheet } from "./documentSheet";
import { documentHeader, freeSheetName, signatureBlock } from "./reportGrid";
import { bodyName, reportInfo } from "./reportInfo";

/** One line of the disclosure list: a receipt or a spending, as the ledger has it. */
export interface DisclosureLine {
  date: string;
  who: string;
  place: string;
  money: number;
  goods: string;
  goodsValue: number;
  purpose: string;
}

/** A ledger row the list could not place, and what of it cannot be read. */
export interface LeftOutRow {
  sheet: string;
  /** The row as Excel numbers it. */
  row: number;
  what: "date" | "kind" | "form" | "amount";
}

/** What a disclosure list publishes for a period (`disclosure --json`: its totals). */
export interface Disclosure {
  period: { from: string; to: string; label: string };
  received: DisclosureLine[];
  spent: DisclosureLine[];
  /** Rows that may belong to the period but cannot be read: printed on the list itself, never dropped in silence. */
  leftOut: LeftOutRow[];
  totals: {
    receivedMoney: number;
    receivedGoodsValue: number;
    spentMoney: number;
    distributedGoodsValue: number;
    donors: number;
    cash: Figures["donations"]["cash"];
    bank: Figures["donations"]["bank"];
  };
}

const MONEY = new Set(["Tiền mặt", "Chuyển khoản"]);

/**
 * The disclosure list of Nghị định 93/2021 for a period, from the ledger: every receipt by donor
 * (name, village or address, money, goods and their value), every spending and distribution by
 * purpose and beneficiary, totals and the balances of cash and bank. Rows the report leaves out
 * (unreadable) are left out here too; the totals are the report's.
 */
export function disclosureOf(tables: ReadonlyMap<string, TableData>, period: Period): Disclosure {
  const { views } = readOurTables(tables);
  const v = viewFor(views, dongGopTable);
  const received: DisclosureLine[] = [];
  const spent: DisclosureLine[] = [];
  const leftOut: LeftOutRow[] = [];
  for (let i = 0; i < (v?.rowCount ?? 0); i++) {
    if (!v || v.blank[i]) continue;
    const left = (what: LeftOutRow["what"]) => void leftOut.push({ sheet: v.sheet, row: v.data.range.top + 2 + i, what });
    const date = v.text(i, "Ngày");
    // A row without a readable date may be of the period: told, not guessed.
    if (date === undefined) {
      left("date");
      continue;
    }
    if (date < period.from || date > period.to) continue;
    const kind = v.text(i, "Loại");
    const form = v.text(i, "Hình thức");
    if (kind !== "Thu" && kind !== "Chi") {
      left("kind");
      continue;
    }
    if (form === undefined) {
      left("form");
      continue;
    }
    const money = MONEY.has(form);
    const amount = v.num(i, money ? "Số tiền (đồng)" : "Giá trị hiện vật (đồng)");
    if (amount === undefined) {
      left("amount");
      continue;
    }
    (kind === "Thu" ? received : spent).push(lineOf(v, i, date, amount, money));
  }
  const byDate = (a: DisclosureLine, b: DisclosureLine) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0);
  received.sort(byDate);
  spent.sort(byDate);
  const d = figuresForPeriod(tables, period).donations;
  const sum = (xs: DisclosureLine[], k: "money" | "goodsValue") => xs.reduce((s, x) => s + x[k], 0);
  return {
    period: { from: period.from, to: period.to, label: period.label },
    received,
    spent,
    leftOut,
    totals: {
      receivedMoney: sum(received, "money"),
      receivedGoodsValue: sum(received, "goodsValue"),
      spentMoney: sum(spent, "money"),
      distributedGoodsValue: sum(spent, "goodsValue"),
      donors: new Set(received.map((r) => foldKey(r.who)).filter((k) => k !== "")).size,
      cash: d.cash,
      bank: d.bank,
    },
  };
}

function lineOf(v: ViewOf<typeof dongGopTable>, i: number, date: string, amount: number, money: boolean): DisclosureLine {
  return {
    date,
    who: v.text(i, "Người, đơn vị") ?? "",
    place: v.text(i, "Thôn") ?? "",
    money: money ? amount : 0,
    goods: money ? "" : [v.text(i, "Hiện vật"), v.num(i, "Số lượng") !== undefined ? `${n(v.num(i, "Số lượng") as number)} ${v.text(i, "Đơn vị tính") ?? ""}`.trim() : undefined].filter(Boolean).join(", "),
    goodsValue: money ? 0 : amount,
    purpose: (v.text(i, "Nội dung") ?? "").trim(),
  };
}

const LEFT_WORDS: Record<LeftOutRow["what"], string> = { date: "ngày", kind: "loại thu, chi", form: "hình thức", amount: "số tiền hoặc giá trị" };

/**
 * The sentence a list prints about the rows it could not place, or none: each row by its sheet and
 * row and what cannot be read. The list is posted publicly: it never leaves a receipt out unsaid.
 */
export function leftOutSentence(left: readonly LeftOutRow[]): string | undefined {
  if (left.length === 0) return undefined;
  const rows = left.map((l) => `dòng ${l.row} (${LEFT_WORDS[l.what]})`).join(", ");
  return `Chưa đưa vào danh sách này ${n(left.length)} khoản của sổ chưa đọc được số liệu (trang "${left[0]?.sheet ?? ""}": ${rows}); các khoản này sẽ được công khai bổ sung sau khi sửa.`;
}

/** The lines of one part of the list: who or what (two columns), the date, money, goods and their value, with their totals. */
function linesTable(w: DocWriter, named: readonly string[], lines: readonly (readonly [DisclosureLine, ...string[]])[], money: number, goodsValue: number): void {
  const blanks = named.slice(1).map(() => null);
  w.table({
    headers: ["STT", ...named, "Ngày", "Tiền (đồng)", "Hiện vật", "Giá trị hiện vật (đồng)"],
    rows: lines.map(([r, ...texts], i) => [i + 1, ...texts, formatDate(r.date), r.money || null, r.goods || null, r.goodsValue || null]),
    totals: [null, "Tổng cộng", ...blanks, null, money, null, goodsValue],
  });
}

/** A donor with the place they gave from, in one cell: "Hộ gia đình mẫu 11 (Thôn mẫu 4)", so a receipt takes one line. */
function donorCell(who: string, place: string): string {
  return place ? `${who} (${place})` : who;
}

/** Goods received and given out, said as a reader expects: "chưa phân phát" rather than "0 đồng"; nothing when there were none. */
export function goodsSentence(received: number, distributed: number): string {
  if (received === 0 && distributed === 0) return "Không có hiện vật tiếp nhận hay phân phát.";
  if (distributed === 0) return `Hiện vật tiếp nhận trị giá ${n(received)} đồng, chưa phân phát.`;
  return `Hiện vật tiếp nhận trị giá ${n(received)} đồng, đã phân phát trị giá ${n(distributed)} đồng.`;
}

/** The disclosure list in the layout of Nghị định 30, block by block. */
export function disclosureDocument(x: Disclosure, info: ReturnType<typeof reportInfo>, today: string, statements: readonly StatementRecord[] = []): DocModel {
  const b = new DocWriter();
  documentHeader(b, info, today, "TB-UBND", "THÔNG BÁO", `Công khai các khoản đóng góp và việc sử dụng trong phong trào “${info.movement}” ${x.period.label}`);
  b.paragraph(
    `Thực hiện Nghị định số 93/2021/NĐ-CP ngày 27/10/2021 của Chính phủ về vận động, tiếp nhận, phân phối và sử dụng các nguồn đóng góp tự nguyện, Ủy ban nhân dân ${bodyName(info.body)} công khai các khoản tiếp nhận, chi và phân phát từ ngày ${formatDate(x.period.from)} đến ngày ${formatDate(x.period.to)} như sau:`,
  );
  b.heading("I. CÁC KHOẢN TIẾP NHẬN");
  linesTable(b, ["Tập thể, cá nhân (thôn, địa chỉ)"], x.received.map((r) => [r, donorCell(r.who, r.place)]), x.totals.receivedMoney, x.totals.receivedGoodsValue);
  b.space();
  b.heading("II. CÁC KHOẢN CHI, PHÂN PHÁT");
  linesTable(b, ["Nội dung", "Người, đơn vị nhận"], x.spent.map((r) => [r, r.purpose || "(chưa ghi nội dung)", r.who]), x.totals.spentMoney, x.totals.distributedGoodsValue);
  b.space();
  b.heading("III. SỐ DƯ");
  const t = x.totals;
  b.paragraph(
    `Đến ngày ${formatDate(x.period.to)}: tiền mặt còn ${n(t.cash.closing)} đồng; tài khoản còn ${n(t.bank.closing)} đồng; tổng cộng ${n(t.cash.closing + t.bank.closing)} đồng. ` +
      goodsSentence(t.receivedGoodsValue, t.distributedGoodsValue),
  );
  const left = leftOutSentence(x.leftOut);
  if (left) b.paragraph(left);
  const bank = bankSentence(x.period, x.totals.bank, statements, "danh sách");
  if (bank) b.paragraph(bank);
  b.paragraph(`Mọi ý kiến phản ánh về nội dung công khai xin gửi về Ủy ban nhân dân ${bodyName(info.body)} trong thời hạn ${POSTING_DAYS} ngày kể từ ngày niêm yết./.`);
  b.space();
  signatureBlock(b, info, [`Niêm yết tại trụ sở Ủy ban nhân dân ${bodyName(info.body)} và nhà văn hóa các thôn`, `Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam ${bodyName(info.body)}`]);
  return b.done();
}


/** One village's posting list: what was received from the village and given there, with its totals. */
export interface VillageList {
  village: string;
  received: DisclosureLine[];
  spent: DisclosureLine[];
  totals: { receivedMoney: number; receivedGoodsValue: number; spentMoney: number; distributedGoodsValue: number };
}

/** The group of the lines whose `Thôn` names no village of `tblThon` (donors from elsewhere, a blank cell). */
export const NO_VILLAGE = "Không ghi thôn hoặc ngoài danh sách thôn";

/**
 * The disclosure list split by village (Nghị định 93/2021: posted at each thôn's meeting place as
 * well as at the commune office): each village of `tblThon` in its order, then the lines of no
 * listed village, so that the lists add up to the commune's, line by line and đồng by đồng.
 */
export function byVillage(x: Disclosure, villages: readonly string[]): VillageList[] {
  const groups = new Map<string, VillageList>();
  const empty = (village: string): VillageList => ({ village, received: [], spent: [], totals: { receivedMoney: 0, receivedGoodsValue: 0, spentMoney: 0, distributedGoodsValue: 0 } });
  for (const v of villages) if (!groups.has(foldKey(v))) groups.set(foldKey(v), empty(v));
  const other = empty(NO_VILLAGE);
  const groupOf = (place: string) => groups.get(foldKey(place)) ?? other;
  for (const r of x.received) {
    const g = groupOf(r.place);
    g.received.push(r);
    g.totals.receivedMoney += r.money;
    g.totals.receivedGoodsValue += r.goodsValue;
  }
  for (const r of x.spent) {
    const g = groupOf(r.place);
    g.spent.push(r);
    g.totals.spentMoney += r.money;
    g.totals.distributedGoodsValue += r.goodsValue;
  }
  return [...groups.values(), ...(other.received.length + other.spent.length > 0 ? [other] : [])];
}

/** What came in and went out, the parts that were none left unsaid: "tiếp nhận 62.550.000 đồng và hiện vật trị giá 2.220.000 đồng; không có khoản chi, phân phát." */
function movedSentence(t: VillageList["totals"]): string {
  const goods = (v: number) => (v > 0 ? `hiện vật trị giá ${n(v)} đồng` : "");
  const received = [t.receivedMoney > 0 ? `${n(t.receivedMoney)} đồng` : "", goods(t.receivedGoodsValue)].filter(Boolean).join(" và ");
  const inn = received ? `tiếp nhận ${received}` : "";
  const out = [t.spentMoney > 0 ? `chi ${n(t.spentMoney)} đồng` : "", t.distributedGoodsValue > 0 ? `phân phát ${goods(t.distributedGoodsValue)}` : ""].filter(Boolean).join(" và ");
  return `${inn || "không có khoản tiếp nhận"}; ${out || "không có khoản chi, phân phát"}.`;
}

/** How long a posted list stays up: at least the 15 days in which the people may send their comments. */
const POSTING_DAYS = 15;

/** One village's posting list in the layout of Nghị định 30: its receipts, its support, its totals and the commune's, the posting notice. */
export function villageDocument(v: VillageList, x: Disclosure, info: ReturnType<typeof reportInfo>, today: string): DocModel {
  const b = new DocWriter();
  const listed = v.village !== NO_VILLAGE;
  documentHeader(b, info, today, "TB-UBND", "THÔNG BÁO", `Công khai các khoản đóng góp và việc sử dụng trong phong trào “${info.movement}” ${x.period.label}${listed ? ` tại ${v.village}` : `: ${NO_VILLAGE.toLowerCase()}`}`);
  b.paragraph(
    `Thực hiện Nghị định số 93/2021/NĐ-CP ngày 27/10/2021 của Chính phủ về vận động, tiếp nhận, phân phối và sử dụng các nguồn đóng góp tự nguyện, Ủy ban nhân dân ${bodyName(info.body)} công khai ${listed ? `tại ${v.village} các khoản tiếp nhận từ ${v.village} và các khoản chi, hỗ trợ tại ${v.village}` : `${NO_VILLAGE.toLowerCase()}`} từ ngày ${formatDate(x.period.from)} đến ngày ${formatDate(x.period.to)} như sau:`,
  );
  b.heading(listed ? `I. CÁC KHOẢN TIẾP NHẬN TỪ ${v.village.toUpperCase()}` : "I. CÁC KHOẢN TIẾP NHẬN");
  if (v.received.length > 0) linesTable(b, ["Tập thể, cá nhân"], v.received.map((r) => [r, listed ? r.who : donorCell(r.who, r.place)]), v.totals.receivedMoney, v.totals.receivedGoodsValue);
  else b.paragraph(`Trong kỳ không có khoản tiếp nhận nào${listed ? ` từ ${v.village}` : ""}.`);
  b.space();
  b.heading(listed ? `II. CÁC KHOẢN CHI, HỖ TRỢ TẠI ${v.village.toUpperCase()}` : "II. CÁC KHOẢN CHI, PHÂN PHÁT");
  if (v.spent.length > 0) linesTable(b, ["Nội dung", "Người, đơn vị nhận"], v.spent.map((r) => [r, r.purpose || "(chưa ghi nội dung)", r.who]), v.totals.spentMoney, v.totals.distributedGoodsValue);
  else b.paragraph(`Trong kỳ không có khoản chi, hỗ trợ nào${listed ? ` tại ${v.village}` : ""}.`);
  b.space();
  b.heading("III. TỔNG HỢP");
  const t = x.totals;
  b.paragraph(`${listed ? v.village : "Các khoản không ghi thôn"}: ${movedSentence(v.totals)}`);
  b.paragraph(
    `Toàn ${bodyName(info.body)}: ${movedSentence(t).replace(/\.$/, ";")} ` +
      `đến ngày ${formatDate(x.period.to)} tiền mặt còn ${n(t.cash.closing)} đồng, tài khoản còn ${n(t.bank.closing)} đồng. Danh sách đầy đủ của toàn xã niêm yết tại trụ sở Ủy ban nhân dân ${bodyName(info.body)}.`,
  );
  const left = leftOutSentence(x.leftOut);
  if (left) b.paragraph(left);
  b.paragraph(
    `Thông báo này được niêm yết tại ${listed ? `nhà văn hóa (điểm sinh hoạt cộng đồng) ${v.village}` : `trụ sở Ủy ban nhân dân ${bodyName(info.body)}`} từ ngày ……/……/………… đến hết ngày ……/……/………… (ít nhất ${POSTING_DAYS} ngày). ` +
      `Mọi ý kiến phản ánh về nội dung công khai xin gửi về Ủy ban nhân dân ${bodyName(info.body)} trong thời hạn ${POSTING_DAYS} ngày kể từ ngày niêm yết./.`,
  );
  b.space();
  signatureBlock(b, info, [listed ? `Trưởng ${v.village} (để niêm yết)` : `Niêm yết tại trụ sở Ủy ban nhân dân ${bodyName(info.body)}`, `Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam ${bodyName(info.body)}`]);
  return b.done();
}

/** What the disclosure list of a period says, as blocks (for a Word file); nothing is written. */
export async function disclosurePaper(port: WorkbookPort, period: Period, today: string, options?: ReadOptions & { byVillage?: boolean }): Promise<{ docs: DocModel[]; disclosure: Disclosure; villages?: VillageList[] }> {
  const tables = await port.readTables([TABLE.thongTin, TABLE.keHoach, TABLE.dongGop, TABLE.thon, TABLE.donVi, STATEMENTS_TABLE], options);
  const { plan } = await planFromTables(tables);
  const disclosure = disclosureOf(tables, period);
  // Nothing received or spent in the period: no notice of zeros is posted (rows it cannot read are named by the error).
  if (disclosure.received.length === 0 && disclosure.spent.length === 0) throw new NothingToIssueError("disclosure", period.label, disclosure.leftOut.length);
  const info = reportInfo(findTable(tables, TABLE.thongTin), plan);
  if (!options?.byVillage) return { docs: [disclosureDocument(disclosure, info, today, statementRecords(tables))], disclosure };
  const villages = byVillage(disclosure, villageNames(findTable(tables, TABLE.thon)));
  return { docs: villages.map((v) => villageDocument(v, disclosure, info, today)), disclosure, villages };
}

/** The villages of `tblThon`, in its order. */
function villageNames(t: TableData | undefined): string[] {
  if (!t) return [];
  const c = t.headers.indexOf("Thôn");
  return t.rows.map((r) => r[c]).filter((v): v is string => typeof v === "string" && v.trim() !== "").map((v) => v.trim());
}

/**
 * Adds the disclosure sheet `Công khai <label>` for a period, or with `byVillage` the sheet
 * `CK thôn <label>`: one posting list per village, each from a new page (never over an existing sheet).
 */
export async function addDisclosure(port: WorkbookPort, period: Period, today: string, options?: ReadOptions & { byVillage?: boolean }): Promise<{ sheet: string; disclosure: Disclosure; docs: DocModel[]; villages?: VillageList[] }> {
  const paper = await disclosurePaper(port, period, today, options);
  const summary = await port.summarize();
  // "Công khai 6 tháng đầu năm 2021", "Công khai 11.06.2021-31.12.2021": the report's sheet name, its kind changed.
  const sheet = freeSheetName(period.sheetName.replace(/^BC /, options?.byVillage ? "CK thôn " : "Công khai "), summary.sheets.map((s) => s.name));
  await port.applyGrids([documentsSheet(sheet, paper.docs)]);
  return { sheet, ...paper };
}
