import type { CellValue } from "../grid";
import { EMPTY, MAX_CELL_TEXT, type CellRead } from "./read";

/** Spacing that canonical text never has: at either end, doubled, or any blank but a plain space or line break. */
const UNTIDY = /^[\s\u00a0]|[\s\u00a0]$|[\s\u00a0]{2}|[^\S \n]/;

/**
 * Remembers results for repeated strings (a ledger repeats its kinds, forms, groups and
 * villages thousands of times); forgets everything past a bound so memory stays flat.
 */
function memo(fn: (s: string) => string, bound = 50_000): (s: string) => string {
  let cache = new Map<string, string>();
  return (s) => {
    let v = cache.get(s);
    if (v === undefined) {
      if (cache.size >= bound) cache = new Map();
      v = fn(s);
      cache.set(s, v);
    }
    return v;
  };
}

/** NFC, no leading or trailing spaces, single spaces inside (line breaks kept). */
export const canonicalText = memo((s: string): string => {
  const nfc = s.normalize("NFC");
  if (!UNTIDY.test(nfc)) return nfc;
  return nfc
    .split("\n")
    .map((line) => line.replace(/[\s\u00a0]+/g, " ").trim())
    .join("\n")
    .trim();
});

const NON_ASCII = /[^\t\n\r\x20-\x7e]/;

/**
 * `foldKey` without its memory: for text met once each (a statement's 200,000 remarks), where a
 * cache only churns.
 */
export const foldText = (s: string): string =>
  // Text without accents (a bank's remark, a voucher number) needs no decomposition: the same key, sooner.
  NON_ASCII.test(s)
    ? s
        .normalize("NFD")
        .replace(/[\u0300-\u036f]/g, "")
        .replace(/[đĐ]/g, "d")
        .toLowerCase()
        .replace(/[\s\u00a0]+/g, " ")
        .trim()
    : s.toLowerCase().replace(/\s+/g, " ").trim();

/** A key that ignores case, diacritics (đ too) and spacing: `THÔN 1`, `thon  1` → `thon 1`. */
export const foldKey = memo(foldText);

/**
 * The scalar a cell shows: a formula gives its cached result. Errors, a formula without a
 * result and booleans are reported, not guessed.
 */
export function scalarOf(v: CellValue): CellRead<string | number> {
  if (v === null || v === undefined) return EMPTY;
  if (typeof v === "object") {
    if ("error" in v) return { kind: "invalid", problem: "error-value", detail: v.error };
    if (v.result === undefined || v.result === null) return { kind: "invalid", problem: "formula-no-result", detail: v.formula };
    const inner = scalarOf(v.result);
    return inner.kind === "value" ? { kind: "value", value: inner.value, assumed: "formula-result" } : inner;
  }
  if (typeof v === "boolean") return { kind: "invalid", problem: "boolean", detail: v ? "TRUE" : "FALSE" };
  if (typeof v === "string" && v.trim() === "") return EMPTY;
  return { kind: "value", value: v };
}

/** Reads a text cell: numbers become their text; NFD, stray and double spaces get a canonical fix. */
export function readText(v: CellValue): CellRead<string> {
  const s = scalarOf(v);
  if (s.kind !== "value") return s;
  if (typeof s.value === "number") return { kind: "value", value: String(s.value) };
  if (s.value.length > MAX_CELL_TEXT) return { kind: "invalid", problem: "too-long", detail: String(s.value.length) };
  const canon = canonicalText(s.value);
  if (canon === s.value || s.assumed === "formula-result") return { kind: "value", value: canon, ...(s.assumed ? { assumed: s.assumed } : {}) };
  return { kind: "value", value: canon, assumed: "text-normalised", canonical: canon };
}
