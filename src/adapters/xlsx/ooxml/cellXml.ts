import { DAY_MS, EXCEL_EPOCH_UTC } from "../../../domain/dates";
import { cellAddress, type CellScalar, type CellValue } from "../../../domain/grid";
import { rawCell, stringItemText, type CellSpan, type RawCell } from "./sheetXml";
import { decodeEntities, decodeExcelEscapes, encodeExcelText, escapeAttr, escapeText } from "./xml";

/** Days between the 1900 and the 1904 date systems' serials of the same day. */
export const DAYS_1904 = 1462;

/** How to turn stored cells into the port's values: shared strings, date styles, date system. */
export interface CellContext {
  sharedStrings: readonly string[];
  isDateStyle: (s: number) => boolean;
  date1904: boolean;
}

function decodeText(s: string): string {
  return decodeExcelEscapes(decodeEntities(s));
}

/** An ISO 8601 date (a `t="d"` cell) as a 1900-system serial. */
function isoCellToSerial(text: string): number | undefined {
  const t = Date.parse(/[zZ]|[+-]\d\d:\d\d$/.test(text) || text.length <= 10 ? text : `${text}Z`);
  if (!Number.isFinite(t)) return undefined;
  return (t - EXCEL_EPOCH_UTC) / DAY_MS;
}

function scalarOf(raw: RawCell, ctx: CellContext, prefix: string): CellScalar | { error: string } {
  if (raw.t === "inlineStr") return raw.inlineXml !== undefined ? decodeText(stringItemText(raw.inlineXml, prefix)) : raw.v !== undefined ? decodeText(raw.v) : null;
  return plainScalar(raw.t, raw.s, raw.v, ctx);
}

/** The value of a cell that holds only `<v>` (most cells), from its type, style and value text. */
export function plainScalar(t: string | undefined, s: number, v: string | undefined, ctx: CellContext): CellScalar | { error: string } {
  switch (t) {
    case "s": {
      if (v === undefined) return null;
      return ctx.sharedStrings[Number(v)] ?? null;
    }
    case "inlineStr":
      return v === undefined ? null : decodeText(v);
    case "str":
      return v === undefined ? null : decodeText(v);
    case "b":
      return v === undefined ? null : v.trim() === "1" || v.trim() === "true";
    case "e":
      return v === undefined ? null : { error: decodeText(v) };
    case "d":
      return v === undefined ? null : (isoCellToSerial(v.trim()) ?? decodeText(v));
    default: {
      if (v === undefined || v.trim() === "") return null;
      const n = Number(v);
      if (!Number.isFinite(n)) return decodeText(v);
      return ctx.date1904 && ctx.isDateStyle(s) ? n + DAYS_1904 : n;
    }
  }
}

/** A stored cell as the port's value (dates as 1900-system serials whatever the workbook's system). */
export function cellValueOf(raw: RawCell, ctx: CellContext, prefix: string): CellValue {
  const scalar = scalarOf(raw, ctx, prefix);
  if (raw.formula !== undefined) {
    const formula = decodeText(raw.formula);
    return scalar === null ? { formula } : { formula, result: scalar };
  }
  return scalar;
}

export function valueOfSpan(span: CellSpan, ctx: CellContext, prefix: string): CellValue {
  if (span.inner === "") return null;
  return cellValueOf(rawCell(span, prefix), ctx, prefix);
}

/** What to store in one cell: a value or a formula (with its cached result), and a style index. */
export interface CellWrite {
  row: number;
  col: number;
  value?: CellScalar;
  formula?: string;
  result?: CellScalar;
  /** Style index; undefined keeps the cell's own. */
  s?: number;
}

/** Excel's own limit for the text of one cell. */
const MAX_CELL_CHARS = 32_767;

export class CellWriteError extends Error {
  constructor(
    readonly cell: string,
    readonly reason: "too-long" | "not-a-number",
  ) {
    super(`${cell}: ${reason}`);
    this.name = "CellWriteError";
  }
}

function numberText(n: number, cell: string): string {
  if (!Number.isFinite(n)) throw new CellWriteError(cell, "not-a-number");
  return String(n);
}

function textContent(s: string, cell: string): string {
  if (s.length > MAX_CELL_CHARS) throw new CellWriteError(cell, "too-long");
  return escapeText(encodeExcelText(s));
}

/**
 * The XML of a cell. Text is an inline string (never a formula, whatever it starts with); the
 * other attributes of the cell as it was (phonetic flag, extensions) are kept.
 */
export function cellXml(w: CellWrite, prefix: string, old: RawCell | undefined, toStored: (n: number, s: number) => number): string {
  const ref = cellAddress(w.row, w.col);
  const s = w.s ?? old?.s ?? 0;
  const attrs: string[] = [`r="${ref}"`];
  if (s !== 0) attrs.push(`s="${s}"`);
  for (const [k, v] of old?.attrs ?? []) {
    // Value metadata (dynamic arrays, rich values) describes the old value; type and style are ours.
    if (k === "r" || k === "s" || k === "t" || k === "cm" || k === "vm") continue;
    attrs.push(`${k}="${escapeAttr(v)}"`);
  }
  const p = prefix;
  const open = (t?: string) => `<${p}c ${t ? `${attrs.join(" ")} t="${t}"` : attrs.join(" ")}>`;
  const number = (n: number) => numberText(toStored(n, s), ref);
  if (w.formula !== undefined) {
    const f = `<${p}f>${textContent(w.formula, ref)}</${p}f>`;
    const r = w.result;
    if (r === undefined || r === null) return `${open()}${f}</${p}c>`;
    if (typeof r === "number") return `${open()}${f}<${p}v>${number(r)}</${p}v></${p}c>`;
    if (typeof r === "boolean") return `${open("b")}${f}<${p}v>${r ? 1 : 0}</${p}v></${p}c>`;
    return `${open("str")}${f}<${p}v>${textContent(r, ref)}</${p}v></${p}c>`;
  }
  const v = w.value;
  if (v === undefined || v === null || v === "") return `<${p}c ${attrs.join(" ")}/>`;
  if (typeof v === "number") return `${open()}<${p}v>${number(v)}</${p}v></${p}c>`;
  if (typeof v === "boolean") return `${open("b")}<${p}v>${v ? 1 : 0}</${p}v></${p}c>`;
  const space = /^\s|\s$|\n/.test(v) ? ` xml:space="preserve"` : "";
  return `${open("inlineStr")}<${p}is><${p}t${space}>${textContent(v, ref)}</${p}t></${p}is></${p}c>`;
}

/** The same cell with only its style index changed. */
export function restyledCellXml(span: CellSpan, s: number, prefix: string): string {
  let tag = span.startTag;
  if (/\ss\s*=\s*["']\d*["']/.test(tag)) tag = tag.replace(/(\ss\s*=\s*)["']\d*["']/, `$1"${s}"`);
  else tag = tag.replace(new RegExp(`^<${prefix.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}c`), (m) => `${m} s="${s}"`);
  if (span.inner === "") return tag;
  return `${tag}${span.inner}</${prefix}c>`;
}
