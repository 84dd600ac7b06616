import type { CellValue } from "../grid";
import { type CellRead } from "./read";
import { scalarOf } from "./text";

/**
 * The largest whole number Excel keeps exactly: it stores 15 significant digits, so 16-digit
 * amounts (and anything past 2^53, which JavaScript already rounds) come back changed.
 */
export const MAX_EXACT_WHOLE = 999_999_999_999_999;

/** Currency words that may follow an amount typed as text. */
const CURRENCY = /\s*(đồng|đ|vnđ|vnd|d)\.?$/i;

/** Digits grouped by threes with one separator kind: `1.000.000`, `1,000,000`, `1 000 000`. */
const GROUPED = /^([+-]?)(\d{1,3})((?:[.,\u00a0 ]\d{3})+)$/;
const PLAIN = /^([+-]?)(\d+)$/;
const DECIMAL = /^([+-]?)(\d+)[.,](\d+)$/;

function fromText(text: string): CellRead<number> {
  const s = text.normalize("NFC").trim().replace(CURRENCY, "").trim();
  const plain = PLAIN.exec(s);
  if (plain) return textNumber(Number(s));
  const grouped = GROUPED.exec(s);
  if (grouped) {
    const seps = new Set((grouped[3] as string).match(/[.,\u00a0 ]/g));
    if (seps.size === 1) return textNumber(Number(`${grouped[1]}${grouped[2]}${(grouped[3] as string).replace(/[.,\u00a0 ]/g, "")}`));
  }
  const dec = DECIMAL.exec(s);
  if (dec) return textNumber(Number(`${dec[1]}${dec[2]}.${dec[3]}`));
  return { kind: "invalid", problem: "not-a-number", detail: text.trim() };
}

function textNumber(n: number): CellRead<number> {
  return Number.isFinite(n) ? { kind: "value", value: n, assumed: "number-from-text", canonical: n } : { kind: "invalid", problem: "not-a-number" };
}

/**
 * Reads a number: a number, or text such as `1.000.000 đ`. Grouping by threes is read as
 * thousands; `1,5` is read as a decimal (rules then say a count must be whole). Whether the
 * number may be negative or fractional is for the rules to say.
 */
export function readNumber(v: CellValue): CellRead<number> {
  const s = scalarOf(v);
  if (s.kind !== "value") return s;
  if (typeof s.value === "string") return fromText(s.value);
  return s.assumed ? { kind: "value", value: s.value, assumed: s.assumed } : { kind: "value", value: s.value };
}
