import { isoToSerial } from "../dates";
import { foldKey } from "../cells/text";
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

/** The share of a donor's name words that the remark carries (0 to 1): "CT tu 0123 NGUYEN VAN AN" carries "Nguyễn Văn An". */
export function nameShare(remark: string, who: string): number {
  const name = words(who).filter((w) => !NOISE.has(w) && !/^\d+$/.test(w));
  if (name.length === 0) return 0;
  const have = new Set(words(remark));
  return name.filter((w) => have.has(w)).length / name.length;
}

/** Whether the remark (or the line's reference) carries the ledger's voucher number. */
export function carriesVoucher(line: StatementLine, voucher: string): boolean {
  const v = foldKey(voucher).replace(/\s+/g, "");
  if (v.length < 3) return false;
  return foldKey(line.reference).replace(/\s+/g, "") === v || foldKey(line.remark).replace(/\s+/g, "").includes(v);
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
    const key = l.reference === "" ? "" : `${foldKey(l.reference)}|${l.amount}|${l.date}`;
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
    if (!REVERSAL.test(foldKey(back.remark)) || reversed.has(back)) continue;
    const orig = (byAmount.get(-back.amount) ?? []).find((o) => !reversed.has(o) && o !== back && Math.abs(day(o.date) - day(back.date)) <= DATE_WINDOW_DAYS * 10 && o.date <= back.date);
    if (!orig) continue;
    reversed.add(orig);
    reversed.add(back);
  }
  // The ledger by amount and day: a line looks at the seven days around its own, not at every row of its amount.
  const ledgerByAmount = new Map<number, LedgerBankRow[]>();
  const ledgerByDay = new Map<string, LedgerBankRow[]>();
  const ledgerByDate = new Map<string, LedgerBankRow[]>();
  for (const r of ledger) {
    push(ledgerByAmount, r.amount, r);
    push(ledgerByDate, r.date, r);
    push(ledgerByDay, `${r.amount}|${day(r.date)}`, r);
  }
  const taken = new Set<LedgerBankRow>();
  const open: StatementLine[] = [];
  for (const l of candidates) {
    if (reversed.has(l)) out.reversed.push(l);
    else open.push(l);
  }
  // Two passes: the lines that carry a voucher number or a name claim their rows first.
  const options = (l: StatementLine) => {
    const found: LedgerBankRow[] = [];
    const d = day(l.date);
    for (let k = d - DATE_WINDOW_DAYS; k <= d + DATE_WINDOW_DAYS; k++) for (const r of ledgerByDay.get(`${l.amount}|${k}`) ?? []) if (!taken.has(r)) found.push(r);
    return found;
  };
  const rest: StatementLine[] = [];
  for (const l of open) {
    const best = options(l)
      .map((r) => ({ r, by: carriesVoucher(l, r.voucher) ? ("reference" as const) : nameShare(l.remark, r.who) >= 0.6 ? ("name" as const) : undefined }))
      .filter((x): x is { r: LedgerBankRow; by: "reference" | "name" } => x.by !== undefined)
      .sort((a, b) => (a.by === b.by ? Math.abs(day(a.r.date) - day(l.date)) - Math.abs(day(b.r.date) - day(l.date)) : a.by === "reference" ? -1 : 1))[0];
    if (best) {
      taken.add(best.r);
      out.matched.push({ line: l, ledger: best.r, by: best.by });
    } else rest.push(l);
  }
  for (const l of rest) {
    const near = options(l).sort((a, b) => Math.abs(day(a.date) - day(l.date)) - Math.abs(day(b.date) - day(l.date)) || a.row - b.row)[0];
    if (near) {
      taken.add(near);
      out.matched.push({ line: l, ledger: near, by: "amount" });
    } else if (FEE.test(foldKey(l.remark)) && !(ledgerByAmount.get(l.amount) ?? []).length) out.fees.push(l);
    else out.statementOnly.push({ line: l, ...hintFor(l, ledgerByAmount, ledgerByDate, taken) });
  }
  out.ledgerOnly = ledger.filter((r) => !taken.has(r));
  out.matched.sort((a, b) => a.line.line - b.line.line);
  return out;
}

/** A near miss told: the same amount on another day, or the same day with another amount and the donor's name. */
function hintFor(l: StatementLine, byAmount: ReadonlyMap<number, readonly LedgerBankRow[]>, byDate: ReadonlyMap<string, readonly LedgerBankRow[]>, taken: ReadonlySet<LedgerBankRow>): { hint?: string } {
  let best: LedgerBankRow | undefined;
  // The nearest free row of the same amount (within the first thousand of that amount: a hint, not a search).
  for (const r of (byAmount.get(l.amount) ?? []).slice(0, 1_000)) if (!taken.has(r) && (!best || Math.abs(day(r.date) - day(l.date)) < Math.abs(day(best.date) - day(l.date)))) best = r;
  if (best) return { hint: `cùng số tiền với dòng ${best.row} của sổ, cách ${Math.abs(day(best.date) - day(l.date))} ngày` };
  const sameDay = (byDate.get(l.date) ?? []).find((r) => !taken.has(r) && Math.sign(r.amount) === Math.sign(l.amount) && nameShare(l.remark, r.who) >= 0.6);
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
