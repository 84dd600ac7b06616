import { isoToSerial } from "../dates";
import { foldKey, foldText } from "../cells/text";
import type { StatementLine } from "./statement";

// Statement lines matched to the ledger's bank rows, one to one: the amount exact and in the same
// direction, the date within a few days; among several, the one whose voucher number or donor's
// name the bank's remark carries, then the nearest date. Every statement line ends in exactly one
// category, so the categories add up to the statement's own totals.

/** A bank row of the ledger (`tblDongGop`, `Hình thức` "Chuyển khoản"): money in positive, out negative. */
export interface LedgerBankRow {
  /** The row as Excel numbers it. */
  row: number;
  date: string;
  amount: number;
  voucher: string;
  who: string;
}

export type LineCategory = "matched" | "statementOnly" | "duplicate" | "fee" | "reversed";

export interface Reconciliation {
  matched: { line: StatementLine; ledger: LedgerBankRow; by: "reference" | "name" | "amount" }[];
  /** Lines of the statement the ledger lacks: receipts to add, spendings to look into. */
  statementOnly: { line: StatementLine; hint?: string }[];
  /** Bank rows of the ledger no line of the statement stands for. */
  ledgerOnly: LedgerBankRow[];
  /** Lines whose reference an earlier line already had (the bank's export repeated them). */
  duplicates: { line: StatementLine; first: number }[];
  /** The bank's own lines: fees, charges and interest. */
  fees: StatementLine[];
  /** Transfers and their return by the bank: pairs that cancel out. */
  reversed: StatementLine[];
}

/** How far apart a statement line's date and its ledger row's may be. */
export const DATE_WINDOW_DAYS = 3;

const FEE = /\b(phi|fee|charge|lai|interest|thue vat|vat|sms banking|phi quan ly|duy tri tai khoan)\b/;
const REVERSAL = /\b(hoan tra|hoan tien|tra lai|reversal|reversed|refund|hoan giao dich)\b/;
/** Bank prefixes and words a remark carries that are no one's name. */
const NOISE = new Set(["ct", "tu", "den", "chuyen", "tien", "ung", "ho", "mbvcb", "vcb", "bidv", "ib", "ft", "tk", "nd", "ck", "qr", "so", "ma", "gd", "ngay", "quy", "xa", "thon", "covid", "phong", "chong", "dich"]);

const words = (s: string) => foldKey(s).replace(/[^a-z0-9]+/g, " ").trim().split(" ").filter((w) => w.length > 1);

/** A donor's name as the words a remark must carry (no noise, no numbers). */
const nameWords = (who: string) => words(who).filter((w) => !NOISE.has(w) && !/^\d+$/.test(w));
/** Text as compared with a voucher number: folded, without spaces. */
const compact = (s: string) => foldText(s).replace(/\s+/g, "");

/** The share of a donor's name words that the remark carries (0 to 1): "CT tu 0123 NGUYEN VAN AN" carries "Nguyễn Văn An". */
export function nameShare(remark: string, who: string): number {
  return shareOf(new Set(words(remark)), nameWords(who));
}

function shareOf(have: ReadonlySet<string>, name: readonly string[]): number {
  if (name.length === 0) return 0;
  let n = 0;
  for (const w of name) if (have.has(w)) n++;
  return n / name.length;
}


const day = (iso: string) => isoToSerial(iso);

/** Reconciles the lines of one or more statements of an account with the ledger's bank rows. */
export function reconcile(lines: readonly StatementLine[], ledger: readonly LedgerBankRow[]): Reconciliation {
  const out: Reconciliation = { matched: [], statementOnly: [], ledgerOnly: [], duplicates: [], fees: [], reversed: [] };
  const sorted = [...lines].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.line - b.line));
  // The bank's export repeating a line: the same reference, amount and date a second time.
  const seen = new Map<string, number>();
  const candidates: StatementLine[] = [];
  for (const l of sorted) {
    const key = l.reference === "" ? "" : `${foldText(l.reference)}|${l.amount}|${l.date}`;
    const first = key === "" ? undefined : seen.get(key);
    if (first !== undefined) out.duplicates.push({ line: l, first });
    else {
      if (key !== "") seen.set(key, l.line);
      candidates.push(l);
    }
  }
  // A transfer the bank sent back: a line and, within the window, its opposite that says so.
  const reversed = new Set<StatementLine>();
  const byAmount = new Map<number, StatementLine[]>();
  for (const l of candidates) push(byAmount, l.amount, l);
  for (const back of candidates) {
    if (!REVERSAL.test(foldText(back.remark)) || reversed.has(back)) continue;
    const orig = (byAmount.get(-back.amount) ?? []).find((o) => !reversed.has(o) && o !== back && Math.abs(day(o.date) - day(back.date)) <= DATE_WINDOW_DAYS * 10 && o.date <= back.date);
    if (!orig) continue;
    reversed.add(orig);
    reversed.add(back);
  }
  // The ledger by amount and day: a line looks at the seven days around its own, not at every row of its amount.
  const ledgerByAmount = new Map<number, LedgerBankRow[]>();
  const ledgerByDate = new Map<string, LedgerBankRow[]>();
  for (const r of ledger) {
    push(ledgerByAmount, r.amount, r);
    push(ledgerByDate, r.date, r);
  }
  const open: StatementLine[] = [];
  for (const l of candidates) {
    if (reversed.has(l)) out.reversed.push(l);
    else open.push(l);
  }
  // The ledger by index: its days, vouchers and names computed once, the rows taken marked in an array
  // (a 200,000-line statement meets some thirty rows a line: no map lookup per meeting).
  const serials = ledger.map((r) => day(r.date));
  const vouchers = ledger.map((r) => compact(r.voucher));
  const names = ledger.map((r) => nameWords(r.who));
  const taken = new Uint8Array(ledger.length);
  const byVoucher = new Map<string, number[]>();
  vouchers.forEach((v, i) => {
    if (v.length >= 3) push(byVoucher, v, i);
  });
  const byAmountDay = new Map<number, Map<number, number[]>>();
  ledger.forEach((r, i) => {
    let days = byAmountDay.get(r.amount);
    if (!days) byAmountDay.set(r.amount, (days = new Map<number, number[]>()));
    push(days, serials[i] as number, i);
  });
  /** The free rows of a line's amount within the window of its day. */
  const each = (amount: number, d: number, visit: (i: number) => void) => {
    const days = byAmountDay.get(amount);
    if (!days) return;
    for (let k = d - DATE_WINDOW_DAYS; k <= d + DATE_WINDOW_DAYS; k++) for (const i of days.get(k) ?? []) if (!taken[i]) visit(i);
  };
  const better = (i: number, gap: number, best: number, bestGap: number) => best < 0 || gap < bestGap || (gap === bestGap && (ledger[i] as LedgerBankRow).row < (ledger[best] as LedgerBankRow).row);
  // Two passes: the lines that carry a voucher number or a name claim their rows first.
  const rest: { l: StatementLine; d: number }[] = [];
  for (const l of open) {
    const d = day(l.date);
    const folded = foldText(l.remark);
    // A voucher number is found among the remark's pieces (and the line's reference), not searched for in it.
    const pieces = folded.split(/[\s.,;:/|()]+/);
    pieces.push(compact(l.reference));
    let best = -1;
    let bestGap = Infinity;
    let by: "reference" | "name" = "reference";
    for (const p of pieces) {
      if (p.length < 3) continue;
      for (const i of byVoucher.get(p) ?? []) {
        const r = ledger[i] as LedgerBankRow;
        const gap = Math.abs((serials[i] as number) - d);
        if (taken[i] || r.amount !== l.amount || gap > DATE_WINDOW_DAYS) continue;
        if (better(i, gap, best, bestGap)) {
          best = i;
          bestGap = gap;
        }
      }
    }
    if (best < 0) {
      by = "name";
      const have = new Set(folded.replace(/[^a-z0-9]+/g, " ").split(" ").filter((w) => w.length > 1));
      each(l.amount, d, (i) => {
        const gap = Math.abs((serials[i] as number) - d);
        if (shareOf(have, names[i] as string[]) >= 0.6 && better(i, gap, best, bestGap)) {
          best = i;
          bestGap = gap;
        }
      });
    }
    if (best >= 0) {
      taken[best] = 1;
      out.matched.push({ line: l, ledger: ledger[best] as LedgerBankRow, by });
    } else rest.push({ l, d });
  }
  const ledgerIndex = new Map(ledger.map((r, i) => [r, i] as const));
  const isTaken = (r: LedgerBankRow) => taken[ledgerIndex.get(r) ?? -1] === 1;
  for (const { l, d } of rest) {
    let near = -1;
    let nearGap = Infinity;
    each(l.amount, d, (i) => {
      const gap = Math.abs((serials[i] as number) - d);
      if (better(i, gap, near, nearGap)) {
        near = i;
        nearGap = gap;
      }
    });
    if (near >= 0) {
      taken[near] = 1;
      out.matched.push({ line: l, ledger: ledger[near] as LedgerBankRow, by: "amount" });
    } else if (FEE.test(foldText(l.remark)) && !(ledgerByAmount.get(l.amount) ?? []).length) out.fees.push(l);
    else out.statementOnly.push({ line: l, ...hintFor(l, ledgerByAmount, ledgerByDate, isTaken) });
  }
  out.ledgerOnly = ledger.filter((_, i) => !taken[i]);
  out.matched.sort((a, b) => a.line.line - b.line.line);
  return out;
}

/** A near miss told: the same amount on another day, or the same day with another amount and the donor's name. */
function hintFor(l: StatementLine, byAmount: ReadonlyMap<number, readonly LedgerBankRow[]>, byDate: ReadonlyMap<string, readonly LedgerBankRow[]>, taken: (r: LedgerBankRow) => boolean): { hint?: string } {
  let best: LedgerBankRow | undefined;
  // The nearest free row of the same amount (within the first thousand of that amount: a hint, not a search).
  for (const r of (byAmount.get(l.amount) ?? []).slice(0, 1_000)) if (!taken(r) && (!best || Math.abs(day(r.date) - day(l.date)) < Math.abs(day(best.date) - day(l.date)))) best = r;
  if (best) return { hint: `cùng số tiền với dòng ${best.row} của sổ, cách ${Math.abs(day(best.date) - day(l.date))} ngày` };
  const sameDay = (byDate.get(l.date) ?? []).find((r) => !taken(r) && Math.sign(r.amount) === Math.sign(l.amount) && nameShare(l.remark, r.who) >= 0.6);
  if (sameDay) return { hint: `cùng ngày, cùng người với dòng ${sameDay.row} của sổ nhưng khác số tiền` };
  return {};
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

/** The category each statement line ended in. */
export function categoryOf(r: Reconciliation): Map<StatementLine, LineCategory> {
  const m = new Map<StatementLine, LineCategory>();
  for (const x of r.matched) m.set(x.line, "matched");
  for (const x of r.statementOnly) m.set(x.line, "statementOnly");
  for (const x of r.duplicates) m.set(x.line, "duplicate");
  for (const x of r.fees) m.set(x, "fee");
  for (const x of r.reversed) m.set(x, "reversed");
  return m;
}
