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

/** The share of a donor's name words that a remark carries (0 to 1): "CT tu 0123 NGUYEN VAN AN" carries "Nguyễn Văn An". */
function shareOf(have: ReadonlySet<string>, name: readonly string[]): number {
  if (name.length === 0) return 0;
  let n = 0;
  for (const w of name) if (have.has(w)) n++;
  return n / name.length;
}


/** A date's serial, each date worked out once (a half-year's statement has some 180 dates and 200,000 lines). */
const days = new Map<string, number>();
function day(iso: string): number {
  let d = days.get(iso);
  if (d === undefined) {
    if (days.size > 100_000) days.clear();
    days.set(iso, (d = isoToSerial(iso)));
  }
  return d;
}

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
  // Each remark folded once (the returns, the vouchers and names, the fees all read it).
  const foldedRemark = new Map<StatementLine, string>();
  const remarkOf = (l: StatementLine) => {
    let f = foldedRemark.get(l);
    if (f === undefined) foldedRemark.set(l, (f = foldText(l.remark)));
    return f;
  };
  // A transfer the bank sent back: a line and, within the window, its opposite that says so.
  const reversed = new Set<StatementLine>();
  const byAmount = new Map<number, StatementLine[]>();
  for (const l of candidates) push(byAmount, l.amount, l);
  for (const back of candidates) {
    if (!REVERSAL.test(remarkOf(back)) || reversed.has(back)) continue;
    const orig = (byAmount.get(-back.amount) ?? []).find((o) => !reversed.has(o) && o !== back && Math.abs(day(o.date) - day(back.date)) <= DATE_WINDOW_DAYS * 10 && o.date <= back.date);
    if (!orig) continue;
    reversed.add(orig);
    reversed.add(back);
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
  // One array per distinct name, so that a line weighs each name in its window once, not each row.
  const nameOf = new Map<string, string[]>();
  const names = ledger.map((r) => {
    let n = nameOf.get(r.who);
    if (!n) nameOf.set(r.who, (n = nameWords(r.who)));
    return n;
  });
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
    const folded = remarkOf(l);
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
      const carries = new Map<string[], boolean>();
      each(l.amount, d, (i) => {
        const gap = Math.abs((serials[i] as number) - d);
        const name = names[i] as string[];
        let yes = carries.get(name);
        if (yes === undefined) carries.set(name, (yes = shareOf(have, name) >= 0.6));
        if (yes && better(i, gap, best, bestGap)) {
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
  // For the hints: the rows of each amount and of each day, by index.
  const rowsOfAmount = new Map<number, number[]>();
  const rowsOfDay = new Map<number, number[]>();
  ledger.forEach((r, i) => {
    push(rowsOfAmount, r.amount, i);
    push(rowsOfDay, serials[i] as number, i);
  });
  /** A near miss told: the same amount on another day, or the same day with another amount and the donor's name. */
  const hintFor = (l: StatementLine, d: number): { hint?: string } => {
    let best = -1;
    // The nearest free row of the same amount (within the first thousand of that amount: a hint, not a search).
    const same = rowsOfAmount.get(l.amount) ?? [];
    for (let k = 0; k < Math.min(same.length, 1_000); k++) {
      const i = same[k] as number;
      if (!taken[i] && (best < 0 || Math.abs((serials[i] as number) - d) < Math.abs((serials[best] as number) - d))) best = i;
    }
    if (best >= 0) return { hint: `cùng số tiền với dòng ${(ledger[best] as LedgerBankRow).row} của sổ, cách ${Math.abs((serials[best] as number) - d)} ngày` };
    const have = new Set(words(l.remark));
    const sameDay = (rowsOfDay.get(d) ?? []).find((i) => !taken[i] && Math.sign((ledger[i] as LedgerBankRow).amount) === Math.sign(l.amount) && shareOf(have, names[i] as string[]) >= 0.6);
    if (sameDay !== undefined) return { hint: `cùng ngày, cùng người với dòng ${(ledger[sameDay] as LedgerBankRow).row} của sổ nhưng khác số tiền` };
    return {};
  };
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
    } else if (FEE.test(remarkOf(l)) && !rowsOfAmount.has(l.amount)) out.fees.push(l);
    else out.statementOnly.push({ line: l, ...hintFor(l, d) });
  }
  out.ledgerOnly = ledger.filter((_, i) => !taken[i]);
  out.matched.sort((a, b) => a.line.line - b.line.line);
  return out;
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
