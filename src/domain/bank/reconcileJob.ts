import { foldText } from "../cells/text";
import { isoToSerial, serialToIso } from "../dates";
import { cellAddress } from "../grid";
import { findTable } from "../tables";
import { appendRecords } from "../collect/records";
import { LOG, LOG_TABLE } from "../collect/merge";
import { formatCount as n, formatDate } from "../format";
import { parsePeriod } from "../period";
import { figuresForPeriod } from "../report/figures";
import { DocWriter, type DocModel } from "../report/document";
import { documentSheet } from "../report/documentSheet";
import { freeSheetName } from "../report/reportGrid";
import { readOurTables } from "../rules/validate";
import { viewFor, type TableView } from "../rules/view";
import { dongGopTable, TABLE } from "../sheets/specs";
import type { TableData, WorkbookPort } from "../workbook";
import type { Grid } from "../grid";
import { DATE_WINDOW_DAYS, reconcile, type LedgerBankRow, type Reconciliation } from "./match";
import { mappingText, type Statement, type StatementLine } from "./statement";
import { RECONCILIATION_SHEET, recordGrid, statementRecords, STATEMENTS_TABLE, type StatementRecord } from "./records";
import { gridMark, paperTarget, type PaperTarget } from "../paperMark";
import { nameKey } from "../text";

/** The matched pairs the sheet lists (the rest are counted). */
const MATCHED_LISTED = 2_000;
/** The lines of each list to look into that the sheet shows (all of them in --json): a sheet is read, not searched. */
const LISTED = 5_000;

/** The ledger's bank rows: `Hình thức` "Chuyển khoản", a readable date and amount; receipts positive, spendings negative. */
export function ledgerBankRows(tables: ReadonlyMap<string, TableData>, read?: ReadonlyMap<string, TableView>): LedgerBankRow[] {
  const views = read ?? readOurTables(tables).views;
  const v = viewFor(views, dongGopTable);
  const out: LedgerBankRow[] = [];
  for (let i = 0; i < (v?.rowCount ?? 0); i++) {
    if (!v || v.blank[i] || v.text(i, "Hình thức") !== "Chuyển khoản") continue;
    const date = v.text(i, "Ngày");
    const kind = v.text(i, "Loại");
    const amount = v.num(i, "Số tiền (đồng)");
    if (date === undefined || (kind !== "Thu" && kind !== "Chi") || amount === undefined || !Number.isInteger(amount)) continue;
    out.push({ row: v.data.range.top + 2 + i, date, amount: kind === "Thu" ? amount : -amount, voucher: v.text(i, "Số chứng từ") ?? "", who: v.text(i, "Người, đơn vị") ?? "" });
  }
  return out;
}

/** What a reconciliation found, with the balances side by side (`bank --json`). */
export interface BankReport {
  statements: { file: string; account?: string; lines: number; from: string; to: string }[];
  from: string;
  to: string;
  result: Reconciliation;
  balances: { statement: number | undefined; ledger: number; difference: number | undefined };
  totals: { credits: number; debits: number };
}

/** The first and last day of lines (ISO dates compare as text); "" for none. */
function daysOf(lines: readonly StatementLine[]): { from: string; to: string } {
  let from = "";
  let to = "";
  for (const l of lines) {
    if (from === "" || l.date < from) from = l.date;
    if (l.date > to) to = l.date;
  }
  return { from, to };
}

/** Reconciles statements (of one account) with the ledger's bank rows of the days they cover. */
export function bankReport(statements: readonly Statement[], tables: ReadonlyMap<string, TableData>): BankReport {
  const lines: StatementLine[] = statements.flatMap((s) => s.lines);
  const { from, to } = daysOf(lines);
  // Rows a few days either side of the statement may be its first or last lines' (a transfer booked the next day);
  // unmatched, only those of the statement's own days are said to be missing from it.
  const edge = (iso: string, days: number) => serialToIso(isoToSerial(iso) + days) ?? iso;
  // The tables read once, for the ledger's rows and for its balance alike (a 200,000-row ledger is not read twice).
  const views = readOurTables(tables).views;
  const ledger = from ? ledgerBankRows(tables, views).filter((r) => r.date >= edge(from, -DATE_WINDOW_DAYS) && r.date <= edge(to, DATE_WINDOW_DAYS)) : [];
  const all = reconcile(lines, ledger);
  const result = { ...all, ledgerOnly: all.ledgerOnly.filter((r) => r.date >= from && r.date <= to) };
  const last = [...statements].sort((a, b) => ((a.lines.at(-1)?.date ?? "") < (b.lines.at(-1)?.date ?? "") ? -1 : 1)).at(-1);
  const statementClosing = last?.closing;
  const ledgerClosing = from ? figuresForPeriod(tables, parsePeriod(`${from}..${to}`), [], views).donations.bank.closing : 0;
  return {
    statements: statements.map((s) => ({ file: s.file, ...(s.account ? { account: s.account } : {}), lines: s.lines.length, ...daysOf(s.lines) })),
    from,
    to,
    result,
    balances: { statement: statementClosing, ledger: ledgerClosing, difference: statementClosing === undefined ? undefined : statementClosing - ledgerClosing },
    totals: { credits: lines.filter((l) => l.amount > 0).reduce((s, l) => s + l.amount, 0), debits: lines.filter((l) => l.amount < 0).reduce((s, l) => s - l.amount, 0) },
  };
}

const sum = (xs: readonly { amount: number }[]) => xs.reduce((s, x) => s + x.amount, 0);
const signed = (v: number) => (v < 0 ? `-${n(-v)}` : n(v));

/** The reconciliation as a working paper: the statements, the counts and sums, the balances, each list. */
export function bankDocument(r: BankReport): DocModel {
  const b = new DocWriter();
  const x = r.result;
  b.paragraph(`ĐỐI CHIẾU SAO KÊ NGÂN HÀNG VỚI SỔ ĐÓNG GÓP`, { center: true, bold: true });
  b.paragraph(`Từ ngày ${formatDate(r.from)} đến ngày ${formatDate(r.to)}; sao kê: ${r.statements.map((s) => `${s.file}${s.account ? ` (tài khoản ${s.account})` : ""}, ${n(s.lines)} dòng`).join("; ")}.`);
  b.table({
    headers: ["STT", "Kết quả", "Số dòng", "Số tiền (đồng)"],
    rows: [
      [1, "Khớp với sổ", x.matched.length, sum(x.matched.map((m) => m.line))],
      [2, "Có trong sao kê, chưa có trong sổ", x.statementOnly.length, sum(x.statementOnly.map((m) => m.line))],
      [3, "Có trong sổ, không có trong sao kê", x.ledgerOnly.length, sum(x.ledgerOnly)],
      [4, "Dòng lặp lại trong sao kê (trùng số tham chiếu)", x.duplicates.length, sum(x.duplicates.map((d) => d.line))],
      [5, "Phí, lãi của ngân hàng", x.fees.length, sum(x.fees)],
      [6, "Chuyển tiền bị hoàn lại (cặp dòng bù nhau)", x.reversed.length, sum(x.reversed)],
    ],
  });
  const bal = r.balances;
  const parts: [string, number][] = [
    ["các dòng chưa có trong sổ", sum(x.statementOnly.map((m) => m.line))],
    ["phí và lãi", sum(x.fees)],
    ["dòng lặp lại", sum(x.duplicates.map((d) => d.line))],
    ["chuyển tiền bị hoàn", sum(x.reversed)],
    ["trừ các khoản trong sổ không có trong sao kê", -sum(x.ledgerOnly)],
  ];
  const explained = parts.reduce((a, [, v]) => a + v, 0);
  b.paragraph(
    bal.statement === undefined
      ? `Sao kê không ghi số dư cuối kỳ; số dư tài khoản theo sổ đến ngày ${formatDate(r.to)}: ${signed(bal.ledger)} đồng.`
      : `Số dư cuối theo sao kê: ${signed(bal.statement)} đồng; theo sổ (các khoản chuyển khoản) đến ngày ${formatDate(r.to)}: ${signed(bal.ledger)} đồng; chênh lệch ${signed(bal.difference ?? 0)} đồng, gồm: ` +
          `${parts.filter(([, v]) => v !== 0).map(([what, v]) => `${what} ${signed(v)} đồng`).join("; ") || "không khoản nào"}; ` +
          `còn lại ${signed((bal.difference ?? 0) - explained)} đồng${(bal.difference ?? 0) - explained !== 0 ? " (số dư đầu kỳ của sổ và của sao kê khác nhau, hoặc khoản ngoài các ngày của sao kê)" : ""}.`,
  );
  const lineRows = (ls: readonly StatementLine[], extra: (l: StatementLine) => string = () => "") => ls.slice(0, LISTED).map((l, i) => [i + 1, formatDate(l.date), l.reference, l.amount, l.remark, extra(l)]);
  const more = (count: number) => {
    if (count > LISTED) b.paragraph(`Và ${n(count - LISTED)} dòng khác (danh sách đủ: lệnh bank … --json).`);
  };
  if (x.statementOnly.length > 0) {
    b.space();
    b.heading("CÓ TRONG SAO KÊ, CHƯA CÓ TRONG SỔ");
    const hints = new Map(x.statementOnly.map((s) => [s.line, s.hint ?? ""]));
    b.table({ headers: ["STT", "Ngày", "Số tham chiếu", "Số tiền (đồng)", "Nội dung", "Gần khớp"], rows: lineRows(x.statementOnly.map((s) => s.line), (l) => hints.get(l) ?? "") });
    more(x.statementOnly.length);
  }
  if (x.ledgerOnly.length > 0) {
    b.space();
    b.heading("CÓ TRONG SỔ, KHÔNG CÓ TRONG SAO KÊ");
    b.table({ headers: ["STT", "Dòng của sổ", "Ngày", "Số chứng từ", "Người, đơn vị", "Số tiền (đồng)"], rows: x.ledgerOnly.slice(0, LISTED).map((l, i) => [i + 1, l.row, formatDate(l.date), l.voucher, l.who, l.amount]), formats: [undefined, "plain"] });
    more(x.ledgerOnly.length);
  }
  const firstOf = new Map(x.duplicates.map((d) => [d.line, d.first] as const));
  if (x.duplicates.length > 0) {
    b.space();
    b.heading("DÒNG LẶP LẠI TRONG SAO KÊ");
    b.table({ headers: ["STT", "Ngày", "Số tham chiếu", "Số tiền (đồng)", "Nội dung", "Trùng với dòng"], rows: lineRows(x.duplicates.map((d) => d.line), (l) => String(firstOf.get(l) ?? "")) });
    more(x.duplicates.length);
  }
  if (x.fees.length + x.reversed.length > 0) {
    b.space();
    b.heading("PHÍ, LÃI VÀ CHUYỂN TIỀN BỊ HOÀN");
    b.table({ headers: ["STT", "Ngày", "Số tham chiếu", "Số tiền (đồng)", "Nội dung", ""], rows: lineRows([...x.fees, ...x.reversed]) });
    more(x.fees.length + x.reversed.length);
  }
  if (x.matched.length > 0) {
    b.space();
    b.heading("CÁC DÒNG KHỚP");
    const by = { reference: "số chứng từ", name: "tên người", amount: "số tiền, ngày" } as const;
    // What needs a look comes first and whole; the matched pairs are listed up to a few thousand (all of them in --json).
    const shown = x.matched.slice(0, MATCHED_LISTED);
    b.table({ headers: ["STT", "Ngày", "Số tiền (đồng)", "Dòng của sổ", "Số chứng từ", "Khớp theo"], rows: shown.map((m, i) => [i + 1, formatDate(m.line.date), m.line.amount, m.ledger.row, m.ledger.voucher, by[m.by]]), formats: [undefined, undefined, undefined, "plain"] });
    if (x.matched.length > shown.length) b.paragraph(`Và ${n(x.matched.length - shown.length)} dòng khớp khác (danh sách đủ: lệnh bank … --json).`);
  }
  return b.done();
}

/** The tables a reconciliation reads: the ledger and what its rows refer to, the log, the record of statements. */
export const BANK_TABLES: readonly string[] = [TABLE.thongTin, TABLE.dongGop, TABLE.thon, TABLE.donVi, TABLE.nhomDongGop, LOG_TABLE, STATEMENTS_TABLE];

/** Each statement's record: its account, days, columns, and what of its own lines stayed unmatched. */
function recordsOf(statements: readonly Statement[], x: Reconciliation, today: string, sheet: string, mark: string): StatementRecord[] {
  return statements.map((s): StatementRecord => {
    const own = new Set(s.lines);
    const days = daysOf(s.lines);
    return {
      at: today,
      account: s.account ?? "",
      file: s.file,
      from: days.from,
      to: days.to,
      mapping: mappingText(s.mapping),
      matched: x.matched.filter((m) => own.has(m.line)).length,
      statementOnly: x.statementOnly.filter((m) => own.has(m.line)).length,
      ledgerOnly: statements.length === 1 ? x.ledgerOnly.length : x.ledgerOnly.filter((r) => r.date >= days.from && r.date <= days.to).length,
      sheet,
      mark,
    };
  });
}

/**
 * What a reconciliation writes: the statement's credits the ledger lacks that `choose` keeps, added
 * as ledger rows (nothing existing is changed; near misses are never offered) and each logged in
 * `Nhật ký cập nhật`; the sheet `Đối chiếu sao kê` of the reconciliation as it stands after them,
 * refreshed in place while it is as it was last written (its mark), else kept and the new one
 * written beside it (`kept`); each statement recorded in `Sao kê đã đối chiếu`.
 */
export function bankGrids(tables: ReadonlyMap<string, TableData>, statements: readonly Statement[], report: BankReport, choose: (line: StatementLine) => boolean, target: PaperTarget, now: string, today: string): { grids: Grid[]; sheet: string; added: number; report: BankReport; kept?: string } {
  const ledger = findTable(tables, TABLE.dongGop);
  const adds = ledger ? receiptsToAdd(report).filter((a) => choose(a.line)) : [];
  const grids: Grid[] = [];
  let after = report;
  if (ledger && adds.length > 0) {
    const fileOf = new Map(statements.flatMap((s) => s.lines.map((l) => [l, s.file] as const)));
    const first = ledger.range.bottom + 1;
    const log = adds.map((a, k) => [now, fileOf.get(a.line) ?? "", "Sao kê ngân hàng", ledger.sheet, `${cellAddress(first + k, ledger.range.left)}:${cellAddress(first + k, ledger.range.right)}`, null, `Dòng mới từ sao kê (dòng ${a.line.line}): ${formatDate(a.line.date)}; ${a.line.reference}; ${n(a.line.amount)} đồng; ${a.line.remark}`]);
    grids.push(
      appendRecords(ledger, { sheet: ledger.sheet, table: ledger.name, headers: ADDED_HEADERS, widths: [], dates: ["Ngày"] }, adds.map((a) => a.row)),
      appendRecords(findTable(tables, LOG_TABLE), LOG, log),
    );
    after = withAdded(report, adds.map((a, k) => ({ line: a.line, row: { row: first + k + 1, date: a.line.date, amount: a.line.amount, voucher: a.line.reference, who: String(a.row[3] ?? "") } })));
  }
  const exists = target.names.some((name) => nameKey(name) === nameKey(RECONCILIATION_SHEET));
  const last = statementRecords(tables).filter((r) => nameKey(r.sheet) === nameKey(RECONCILIATION_SHEET) && r.mark !== "").at(-1);
  const refresh = exists && last !== undefined && target.current === last.mark;
  const sheet = !exists || refresh ? RECONCILIATION_SHEET : freeSheetName(RECONCILIATION_SHEET, target.names);
  const paper = documentSheet(sheet, bankDocument(after));
  grids.push(refresh ? { ...paper, replaceSheet: true } : paper, recordGrid(tables, recordsOf(statements, after.result, today, sheet, gridMark(paper))));
  return { grids, sheet, added: adds.length, report: after, ...(exists && !refresh ? { kept: RECONCILIATION_SHEET } : {}) };
}

/** The reconciliation once the given lines were added to the ledger as the given rows: each now matched by its reference. */
function withAdded(r: BankReport, added: readonly { line: StatementLine; row: LedgerBankRow }[]): BankReport {
  const lines = new Set(added.map((a) => a.line));
  const sumAdded = added.reduce((s, a) => s + a.line.amount, 0);
  const ledger = r.balances.ledger + sumAdded;
  return {
    ...r,
    result: { ...r.result, matched: [...r.result.matched, ...added.map((a) => ({ line: a.line, ledger: a.row, by: "reference" as const }))], statementOnly: r.result.statementOnly.filter((s) => !lines.has(s.line)) },
    balances: { statement: r.balances.statement, ledger, difference: r.balances.statement === undefined ? undefined : r.balances.statement - ledger },
  };
}

/**
 * `bank`: reconciles the statements with the ledger and writes what `bankGrids` makes; with
 * `apply`, every credit the ledger lacks (near misses aside) is added first.
 */
export async function runBank(port: WorkbookPort, statements: readonly Statement[], apply: boolean, now: string, today: string): Promise<{ added: number; sheet: string; report: BankReport; kept?: string }> {
  const tables = await port.readTables(BANK_TABLES);
  const done = bankGrids(tables, statements, bankReport(statements, tables), () => apply, await paperTarget(port, RECONCILIATION_SHEET), now, today);
  await port.applyGrids(done.grids);
  return done;
}

/** `bank --json`: what the contract names, plus the categories it leaves to the tool. */
export function bankJson(r: BankReport): unknown {
  const x = r.result;
  const line = (l: StatementLine) => ({ date: l.date, reference: l.reference, amount: l.amount, remark: l.remark, line: l.line });
  return {
    statements: r.statements,
    matched: x.matched.map((m) => ({ statement: m.line.line, row: m.ledger.row, by: m.by })),
    statementOnly: x.statementOnly.map((s) => ({ ...line(s.line), ...(s.hint ? { hint: s.hint } : {}) })),
    ledgerOnly: x.ledgerOnly.map((l) => ({ row: l.row, voucher: l.voucher, amount: l.amount, date: l.date, who: l.who })),
    duplicates: x.duplicates.map((d) => ({ ...line(d.line), first: d.first })),
    fees: x.fees.map(line),
    reversed: x.reversed.map(line),
    balances: r.balances,
    totals: r.totals,
  };
}

/** Words of a transfer's remark that are no one's name: bank prefixes, the verbs of giving, the campaign's words. */
const REMARK_NOISE = /^(ct|tu|toi|den|chuyen|khoan|tien|ung|ho|nd|noi|dung|tk|ck|ib|ft|qr|mbvcb|vcb|bidv|agribank|vietinbank|techcombank|tcb|mb|acb|gd|ma|so|ngay|quy|phong|chong|dich|covid|xa|thon|cho|va|cua|gui|nop|trich|yeu|chuyen tien|payment|transfer|from|to)$/;

/**
 * The sender a transfer's remark names, as well as it can be read: the first run of two to six words
 * without digits that are not a bank's or a transfer's words ("CT tu 0123456789 NGUYEN VAN AN ung ho"
 * → "NGUYEN VAN AN"); the remark's start when none is found. The clerk checks it.
 */
export function donorFromRemark(remark: string): string {
  const tokens = remark.split(/[\s.,:;/_-]+/).filter(Boolean);
  let run: string[] = [];
  const runs: string[][] = [];
  for (const t of tokens) {
    const folded = foldText(t);
    if (/\d/.test(t) || REMARK_NOISE.test(folded) || !/^[\p{L}]+$/u.test(t)) {
      if (run.length > 0) runs.push(run);
      run = [];
    } else run.push(t);
  }
  if (run.length > 0) runs.push(run);
  const name = runs.find((r) => r.length >= 2 && r.length <= 6);
  return name ? name.join(" ") : remark.slice(0, 60).trim();
}

/**
 * The ledger rows `--apply` adds for the statement's credits the ledger lacks: bank form, the
 * reference as voucher, `Thôn` left empty. A credit that nearly matches a ledger row (the same
 * amount some days off) is left for the accountant: adding it could count one gift twice.
 */
export function receiptsToAdd(r: BankReport): { line: StatementLine; row: (string | number | null)[] }[] {
  return r.result.statementOnly
    .filter((s) => s.line.amount > 0 && s.hint === undefined)
    .map(({ line }) => ({ line, row: [isoToSerial(line.date), "Thu", line.reference || null, donorFromRemark(line.remark), "Chuyển khoản", line.amount, line.remark || null] }));
}

export const ADDED_HEADERS = ["Ngày", "Loại", "Số chứng từ", "Người, đơn vị", "Hình thức", "Số tiền (đồng)", "Nội dung"] as const;
