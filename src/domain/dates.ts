/** Excel's day 0 in the 1900 date system as used since 01/03/1900 (serial 61 onwards). */
const EXCEL_EPOCH_UTC = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/** Excel serial of an ISO date `yyyy-mm-dd` (dates after 28/02/1900). */
export function isoToSerial(iso: string): number {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return Math.round((Date.UTC(y, m - 1, d) - EXCEL_EPOCH_UTC) / DAY_MS);
}

/** ISO date of a whole Excel serial. */
export function serialToIso(serial: number): string {
  const t = new Date(EXCEL_EPOCH_UTC + Math.floor(serial) * DAY_MS);
  const p = (n: number) => String(n).padStart(2, "0");
  return `${t.getUTCFullYear()}-${p(t.getUTCMonth() + 1)}-${p(t.getUTCDate())}`;
}

/** `dd/mm/yyyy` of an ISO date, the way Vietnamese documents write it. */
export function isoToVietnamese(iso: string): string {
  const [y, m, d] = iso.split("-");
  return `${d}/${m}/${y}`;
}

/** The ISO date of a moment in the local time zone, as the commune counts days (the caller reads the clock). */
export function isoDateOf(moment: Date): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${moment.getFullYear()}-${p(moment.getMonth() + 1)}-${p(moment.getDate())}`;
}
