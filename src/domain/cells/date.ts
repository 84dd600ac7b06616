import type { CellValue } from "../grid";
import { isoToSerial, serialToIso } from "../dates";
import { type CellRead } from "./read";
import { scalarOf } from "./text";

const pad = (n: number) => String(n).padStart(2, "0");

function isRealDate(y: number, m: number, d: number): boolean {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

const DAY_FIRST = /^(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{2}|\d{4})$/;
const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;

function fromText(text: string): CellRead<string> {
  const s = text.normalize("NFC").trim();
  const iso = ISO.exec(s);
  if (iso) return dateParts(Number(iso[1]), Number(iso[2]), Number(iso[3]), false, s);
  const m = DAY_FIRST.exec(s);
  if (!m) return { kind: "invalid", problem: "not-a-date", detail: s };
  const yy = m[4] as string;
  const year = yy.length === 2 ? 2000 + Number(yy) : Number(yy);
  return dateParts(year, Number(m[3]), Number(m[1]), yy.length === 2, s);
}

function dateParts(y: number, m: number, d: number, twoDigitYear: boolean, text: string): CellRead<string> {
  if (m > 12 && d <= 12 && isRealDate(y, d, m)) return { kind: "invalid", problem: "month-first-date", detail: text };
  // Excel's dates start on 01/01/1900: an earlier one cannot be stored as a date.
  if (!isRealDate(y, m, d) || y < 1900 || y > 9999) return { kind: "invalid", problem: "impossible-date", detail: text };
  const iso = `${y}-${pad(m)}-${pad(d)}`;
  return { kind: "value", value: iso, assumed: twoDigitYear ? "two-digit-year" : "date-from-text", canonical: isoToSerial(iso) };
}

/**
 * Reads a date: an Excel serial, or text written day first (`15/6/2021`, `15-06-2021`,
 * `2021-06-15`). A month-first date such as `06/15/2021` is an error, never swapped.
 */
export function readDate(v: CellValue): CellRead<string> {
  const s = scalarOf(v);
  if (s.kind !== "value") return s;
  if (typeof s.value === "string") return fromText(s.value);
  const iso = serialToIso(s.value);
  if (!iso) return { kind: "invalid", problem: "impossible-date", detail: String(s.value) };
  if (!Number.isInteger(s.value)) return { kind: "value", value: iso, assumed: "time-dropped" };
  return s.assumed ? { kind: "value", value: iso, assumed: s.assumed } : { kind: "value", value: iso };
}
