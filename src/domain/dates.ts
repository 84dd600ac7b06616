/** Excel's day 0 in the 1900 date system as used since 01/03/1900 (serial 61 onwards). */
export const EXCEL_EPOCH_UTC = Date.UTC(1899, 11, 30);
export const DAY_MS = 86_400_000;
/** The last day Excel knows: 31/12/9999. */
const LAST_SERIAL = 2_958_465;

const pad = (n: number) => String(n).padStart(2, "0");

/**
 * The Excel serial (1900 system) of an ISO date `yyyy-mm-dd`, counting Excel's fictitious
 * 29/02/1900 (serial 60) as it does: 28/02/1900 is 59, 01/03/1900 is 61.
 */
export function isoToSerial(iso: string): number {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  const serial = Math.round((Date.UTC(y, m - 1, d) - EXCEL_EPOCH_UTC) / DAY_MS);
  return serial <= 60 ? serial - 1 : serial;
}

/** The ISO date of an Excel serial (its whole days); none for serial 60 (29/02/1900, a day that never was) or outside Excel's dates. */
export function serialToIso(serial: number): string | undefined {
  if (!Number.isFinite(serial)) return undefined;
  const day = Math.floor(serial);
  if (day < 1 || day === 60 || day > LAST_SERIAL) return undefined;
  const t = new Date(EXCEL_EPOCH_UTC + (day < 60 ? day + 1 : day) * DAY_MS);
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

/** The ISO date of a moment in the local time zone, as the commune counts days (the caller reads the clock). */
export function isoDateOf(moment: Date): string {
  return `${moment.getFullYear()}-${pad(moment.getMonth() + 1)}-${pad(moment.getDate())}`;
}

/** Whether a text is an ISO calendar date `yyyy-mm-dd` of a real day. */
export function isRealIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}
