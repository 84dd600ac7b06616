import type { dongGopTable } from "../sheets/specs";
import { compareText, type IssueSink, type ViewOf } from "./view";

type Ledger = ViewOf<typeof dongGopTable>;

const GOODS = ["Hiện vật", "Số lượng", "Giá trị hiện vật (đồng)"] as const;
const MONEY_FORMS = new Set(["Tiền mặt", "Chuyển khoản"]);

function moneyRow(v: Ledger, i: number, sink: IssueSink): void {
  const amount = v.num(i, "Số tiền (đồng)");
  if (v.has("Số tiền (đồng)") && v.isEmpty(i, "Số tiền (đồng)")) sink.at(v, i, "Số tiền (đồng)", "money-amount-missing");
  else if (amount === 0) sink.at(v, i, "Số tiền (đồng)", "money-amount-not-positive", { value: amount });
  const goods = GOODS.find((h) => v.has(h) && !v.isEmpty(i, h));
  if (goods) sink.at(v, i, goods, "money-row-has-goods", { form: v.text(i, "Hình thức") ?? "" });
}

function goodsRow(v: Ledger, i: number, sink: IssueSink): void {
  for (const h of ["Hiện vật", "Số lượng"] as const) if (v.has(h) && v.isEmpty(i, h)) sink.at(v, i, h, "goods-missing");
  if (v.num(i, "Số lượng") === 0) sink.at(v, i, "Số lượng", "goods-quantity-not-positive", { value: 0 });
  if (v.has("Số tiền (đồng)") && !v.isEmpty(i, "Số tiền (đồng)")) sink.at(v, i, "Số tiền (đồng)", "goods-row-has-money");
}

/** Voucher numbers are unique within `Loại`; a missing one is a warning. */
function vouchers(v: Ledger, sink: IssueSink): void {
  if (!v.has("Số chứng từ")) return;
  const seen = new Map<string, number>();
  for (let i = 0; i < v.rowCount; i++) {
    if (v.blank[i]) continue;
    const voucher = v.text(i, "Số chứng từ");
    if (voucher === undefined) {
      if (v.isEmpty(i, "Số chứng từ")) sink.at(v, i, "Số chứng từ", "voucher-missing");
      continue;
    }
    // Voucher numbers differ by case at most ("pt-01", "PT-01"); no diacritics to fold.
    const key = `${v.text(i, "Loại") ?? ""}\u0000${voucher.toUpperCase()}`;
    const first = seen.get(key);
    if (first === undefined) seen.set(key, i);
    else sink.at(v, i, "Số chứng từ", "voucher-duplicate", { voucher, kind: v.text(i, "Loại") ?? "", firstRow: v.data.range.top + 2 + first });
  }
}

/** Where a row stands in the ledger's time: its date, then its row (ties keep the row order). */
type Place = readonly [date: string, row: number];
const before = (a: Place, b: Place) => compareText(a[0], b[0]) < 0 || (a[0] === b[0] && a[1] < b[1]);

/**
 * The money balance, taken in date order (ties in row order), never goes below zero: flag the
 * first `Chi` that makes it so. A money row that cannot be read (its date, kind, form or amount)
 * makes the balance uncertain from where it stands: the walk goes on without it, and a balance
 * below zero past that point is told as uncertain, naming the row it is uncertain from (the
 * unread amount may or may not cover it). A row whose date cannot be read is taken to stand
 * where it was written, after the dated row above it (ledgers are kept in order); above every
 * dated row, it stands before all. The unreadable cells are their own issues; nothing is guessed.
 */
function cashBalance(v: Ledger, sink: IssueSink): void {
  const rows: number[] = [];
  // The first unreadable money row in the ledger's time, and its row.
  let stop: { place: Place; row: number } | undefined;
  let lastDate: string | undefined;
  const block = (at: Place | undefined, row: number) => {
    const place = at ?? (["", -1] as const);
    if (!stop || before(place, stop.place)) stop = { place, row };
  };
  for (let i = 0; i < v.rowCount; i++) {
    if (v.blank[i]) continue;
    const date = v.text(i, "Ngày");
    const kind = v.text(i, "Loại");
    const form = v.text(i, "Hình thức");
    if (form !== undefined && !MONEY_FORMS.has(form)) {
      if (date !== undefined) lastDate = date;
      continue;
    }
    const amountEmpty = v.num(i, "Số tiền (đồng)") === undefined && v.isEmpty(i, "Số tiền (đồng)");
    if (form !== undefined && amountEmpty) {
      if (date !== undefined) lastDate = date;
      continue;
    }
    const readable = date !== undefined && (kind === "Thu" || kind === "Chi") && form !== undefined && v.num(i, "Số tiền (đồng)") !== undefined;
    if (readable) {
      rows.push(i);
      lastDate = date;
    } else block(date !== undefined ? [date, i] : lastDate !== undefined ? [lastDate, i] : undefined, i);
  }
  rows.sort((a, b) => compareText(v.text(a, "Ngày") as string, v.text(b, "Ngày") as string) || a - b);
  let balance = 0;
  for (const i of rows) {
    const amount = v.num(i, "Số tiền (đồng)") as number;
    balance += v.text(i, "Loại") === "Thu" ? amount : -amount;
    if (balance >= 0) continue;
    const date = v.text(i, "Ngày") as string;
    if (stop && !before([date, i], stop.place)) sink.at(v, i, "Số tiền (đồng)", "cash-negative-uncertain", { balance, date, fromRow: v.data.range.top + 2 + stop.row });
    else sink.at(v, i, "Số tiền (đồng)", "cash-negative", { balance, date });
    return;
  }
}

/** The donations ledger: money rows, goods rows, vouchers, the cash balance. */
export function ledgerRules(v: Ledger, sink: IssueSink): void {
  for (let i = 0; i < v.rowCount; i++) {
    if (v.blank[i]) continue;
    const form = v.text(i, "Hình thức");
    if (form !== undefined && MONEY_FORMS.has(form)) moneyRow(v, i, sink);
    else if (form === "Hiện vật") goodsRow(v, i, sink);
  }
  vouchers(v, sink);
  cashBalance(v, sink);
}
