/** Numbers the Vietnamese way: `2.345`, `12.500.000`. */
export function formatCount(n: number): string {
  const sign = n < 0 ? "-" : "";
  return sign + String(Math.abs(Math.round(n))).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
}

/**
 * Any number the Vietnamese way: thousands grouped by `.`, decimals after `,` (`1.234.567,5`),
 * for messages that print what a cell holds.
 */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (Number.isInteger(n)) return formatCount(n);
  const [whole, frac] = Math.abs(n).toString().split(".") as [string, string | undefined];
  const sign = n < 0 ? "-" : "";
  return `${sign}${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ".")}${frac !== undefined ? `,${frac}` : ""}`;
}

/** A rate as a percentage with one decimal and a comma: `93,8%`. */
/** A target share as the papers say it: a whole percentage without decimals ("100%"), any other as a rate. */
export function formatTarget(rate: number): string {
  const percent = Math.round(rate * 1000) / 10;
  return Number.isInteger(percent) ? `${percent}%` : formatRate(rate);
}

export function formatRate(rate: number): string {
  return `${(Math.round(rate * 1000) / 10).toFixed(1).replace(".", ",")}%`;
}

/**
 * A number format that groups thousands with dots on any computer (a live cell stays a number):
 * Excel's "," in `#,##0` prints the computer's own separator (`909,050,000` under English
 * settings), so the dots here are literal, by size. Exact from 0 to 999.999.999; past a billion
 * the first group is not split ("1234.567.890"), below zero not grouped: formats allow two sizes.
 */
export const COUNT_FORMAT = '[>=1000000]#"."###"."##0;[>=1000]#"."##0;0';

/**
 * `formatRate` as a formula over a rate's expression (a number from 0 to 1, or ""): the text
 * "93,8%" on any computer, "" when blank; Excel's `0.0%` would print the computer's decimal sign.
 * The expression is repeated, never a volatile or version-bound function (no LET: Excel 2010).
 */
export function rateTextFormula(rate: string): string {
  const tenths = `ROUND((${rate})*1000,0)`;
  return `IF(ISNUMBER(${rate}),INT(${tenths}/10)&","&MOD(${tenths},10)&"%","")`;
}

/** `dd/mm/yyyy` of an ISO date; anything else as it is. */
export function formatDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/**
 * The date line of an administrative document (Nghị định 30/2020): days below 10 and the months
 * January and February are written with a leading zero.
 */
export function documentDate(place: string, iso: string): string {
  return `${place}, ${longDate(iso)}`;
}

/** "ngày 05 tháng 02 năm 2025", as Nghị định 30 writes dates in words: a day below 10 and the months 1 and 2 with a leading 0. */
export function longDate(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  const day = d < 10 ? `0${d}` : String(d);
  const month = m <= 2 ? `0${m}` : String(m);
  return `ngày ${day} tháng ${month} năm ${y}`;
}

/** A moment as the log writes it: local date and time with the offset from UTC, `06/12/2026 21:54:38 (GMT+07:00)`. */
export function formatMoment(moment: Date): string {
  const p = (n: number) => String(n).padStart(2, "0");
  const offset = -moment.getTimezoneOffset();
  const sign = offset < 0 ? "-" : "+";
  const abs = Math.abs(offset);
  return `${p(moment.getDate())}/${p(moment.getMonth() + 1)}/${moment.getFullYear()} ${p(moment.getHours())}:${p(moment.getMinutes())}:${p(moment.getSeconds())} (GMT${sign}${p(Math.floor(abs / 60))}:${p(abs % 60)})`;
}
