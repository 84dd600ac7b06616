import { parseCellAddress } from "../../../domain/grid";
import { parseAttributes } from "./xml";

/**
 * A worksheet part's text cut around `<sheetData>`: the rows are scanned and edited as text, one
 * row at a time, so a sheet of 200,000 rows is never held as a DOM and a row nobody writes keeps
 * its exact bytes. The rest (head and tail) is small and is edited as a DOM.
 */
export interface SheetText {
  /** Everything before the rows, including the `<sheetData>` start tag (or up to a self-closed one). */
  head: string;
  body: string;
  /** `</sheetData>` and everything after it. */
  tail: string;
  /** The main namespace's prefix with its colon (`x:`), or "". */
  prefix: string;
  /** The sheet had `<sheetData/>`: rows can only be added by opening it. */
  selfClosed: boolean;
}

export class SheetFormatError extends Error {
  constructor(readonly part: string) {
    super(`${part}: no <sheetData> element`);
    this.name = "SheetFormatError";
  }
}

export function splitSheet(xml: string, part: string): SheetText {
  const open = /<([A-Za-z_][\w.-]*:)?sheetData\b[^>]*?(\/?)>/.exec(xml);
  if (!open) throw new SheetFormatError(part);
  const prefix = open[1] ?? "";
  const start = open.index;
  const openEnd = start + open[0].length;
  if (open[2] === "/") {
    return { head: xml.slice(0, start) + `<${prefix}sheetData>`, body: "", tail: `</${prefix}sheetData>` + xml.slice(openEnd), prefix, selfClosed: true };
  }
  const close = xml.indexOf(`</${prefix}sheetData>`, openEnd);
  if (close < 0) throw new SheetFormatError(part);
  return { head: xml.slice(0, openEnd), body: xml.slice(openEnd, close), tail: xml.slice(close), prefix, selfClosed: false };
}

/** The sheet's text again, its body given whole or in pieces, joined once into one flat string (a 77 MB sheet is not copied twice). */
export function joinSheet(s: Omit<SheetText, "body"> & { body: string | readonly string[] }): string {
  const body = typeof s.body === "string" ? [s.body] : s.body;
  if (s.selfClosed && body.every((b) => b === "")) {
    // Keep the original self-closed form when no row was added.
    const openTag = `<${s.prefix}sheetData>`;
    return `${s.head.slice(0, -openTag.length)}<${s.prefix}sheetData/>${s.tail.slice(`</${s.prefix}sheetData>`.length)}`;
  }
  return [s.head, ...body, s.tail].join("");
}

/** One `<row>` of the body: where it lies and its number (1-based, as Excel counts). */
export interface RowSpan {
  r: number;
  start: number;
  /** Just after the start tag. */
  contentStart: number;
  /** Start of `</row>`, or `contentStart` for a self-closed row. */
  contentEnd: number;
  end: number;
  startTag: string;
}

/** The rows of a sheet body in document order. Rows without `r` follow the previous one. */
export function scanRows(body: string, prefix: string): RowSpan[] {
  const rows: RowSpan[] = [];
  const re = new RegExp(`<${escapeRe(prefix)}row\\b[^>]*?(/?)>`, "g");
  const closeTag = `</${prefix}row>`;
  let last = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(body)) !== null) {
    const startTag = m[0];
    const rAttr = /\sr\s*=\s*["'](\d+)["']/.exec(startTag);
    const r = rAttr ? Number(rAttr[1]) : last + 1;
    last = r;
    const contentStart = m.index + startTag.length;
    if (m[1] === "/") {
      rows.push({ r, start: m.index, contentStart, contentEnd: contentStart, end: contentStart, startTag });
      continue;
    }
    const close = body.indexOf(closeTag, contentStart);
    if (close < 0) break;
    rows.push({ r, start: m.index, contentStart, contentEnd: close, end: close + closeTag.length, startTag });
    re.lastIndex = close + closeTag.length;
  }
  return rows;
}

/** One `<c>` of a row's content, with its raw parts. */
export interface CellSpan {
  /** 0-based column. */
  col: number;
  start: number;
  end: number;
  startTag: string;
  /** Inner XML ("" for a self-closed cell). */
  inner: string;
}

const cellRegexes = new Map<string, RegExp>();

function cellRegex(prefix: string): RegExp {
  let re = cellRegexes.get(prefix);
  if (!re) {
    const p = escapeRe(prefix);
    re = new RegExp(`<${p}c(?=[\\s>/])[^>]*?(/?)>`, "g");
    cellRegexes.set(prefix, re);
  }
  return re;
}

/** The cells of a row's content, in order. Cells without `r` follow the previous one. */
export function scanCells(content: string, prefix: string): CellSpan[] {
  const cells: CellSpan[] = [];
  const re = cellRegex(prefix);
  re.lastIndex = 0;
  const closeTag = `</${prefix}c>`;
  let last = -1;
  let m: RegExpExecArray | null;
  while ((m = re.exec(content)) !== null) {
    const startTag = m[0];
    const ref = /\sr\s*=\s*["']([A-Za-z]{1,3}\d+)["']/.exec(startTag);
    const col = ref ? (parseCellAddress(ref[1] as string)?.col ?? last + 1) : last + 1;
    last = col;
    const innerStart = m.index + startTag.length;
    if (m[1] === "/") {
      cells.push({ col, start: m.index, end: innerStart, startTag, inner: "" });
      continue;
    }
    const close = content.indexOf(closeTag, innerStart);
    if (close < 0) break;
    cells.push({ col, start: m.index, end: close + closeTag.length, startTag, inner: content.slice(innerStart, close) });
    re.lastIndex = close + closeTag.length;
  }
  return cells;
}

/** A cell's parts as stored: type, style, formula, value text, inline text XML. */
export interface RawCell {
  t: string | undefined;
  s: number;
  formula: string | undefined;
  /** The formula is a shared formula's follower (its text lives in another cell). */
  sharedFollower: boolean;
  v: string | undefined;
  inlineXml: string | undefined;
  attrs: ReadonlyMap<string, string>;
}

interface CellRegexes {
  f: RegExp;
  v: RegExp;
  is: RegExp;
}

const cellPartRegexes = new Map<string, CellRegexes>();

function partRegexes(prefix: string): CellRegexes {
  let r = cellPartRegexes.get(prefix);
  if (!r) {
    const p = escapeRe(prefix);
    r = {
      f: new RegExp(`<${p}f\\b([^>]*?)(?:/>|>([\\s\\S]*?)</${p}f>)`),
      v: new RegExp(`<${p}v(?:\\s[^>]*)?>([\\s\\S]*?)</${p}v>`),
      is: new RegExp(`<${p}is(?:\\s[^>]*)?>([\\s\\S]*?)</${p}is>`),
    };
    cellPartRegexes.set(prefix, r);
  }
  return r;
}

export function rawCell(span: CellSpan, prefix: string): RawCell {
  const attrs = parseAttributes(span.startTag);
  const inner = span.inner;
  let formula: string | undefined;
  let sharedFollower = false;
  let v: string | undefined;
  let inlineXml: string | undefined;
  if (inner !== "") {
    const re = partRegexes(prefix);
    const f = re.f.exec(inner);
    if (f) {
      formula = f[2] ?? "";
      sharedFollower = formula === "" && /\bt\s*=\s*["']shared["']/.test(f[1] ?? "");
    }
    const vm = re.v.exec(inner);
    if (vm) v = vm[1];
    const is = re.is.exec(inner);
    if (is) inlineXml = is[1];
  }
  return { t: attrs.get("t"), s: Number(attrs.get("s") ?? 0) || 0, formula, sharedFollower, v, inlineXml, attrs };
}

/** Text of a rich or plain string item (`<si>` or `<is>` content): runs joined, phonetic runs left out. */
export function stringItemText(xml: string, prefix: string): string {
  // The common case, a plain `<t>text</t>`, without a regular expression.
  const open = `<${prefix}t>`;
  const close = `</${prefix}t>`;
  if (xml.startsWith(open) && xml.endsWith(close) && xml.indexOf("<", open.length) === xml.length - close.length) return xml.slice(open.length, xml.length - close.length);
  const re = textRegexes(prefix);
  const withoutPhonetic = xml.indexOf("rPh") >= 0 ? xml.replace(re.phonetic, "") : xml;
  let out = "";
  re.t.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.t.exec(withoutPhonetic)) !== null) out += m[1] ?? "";
  return out;
}

const textRegexCache = new Map<string, { t: RegExp; phonetic: RegExp }>();

function textRegexes(prefix: string): { t: RegExp; phonetic: RegExp } {
  let r = textRegexCache.get(prefix);
  if (!r) {
    const p = escapeRe(prefix);
    r = { t: new RegExp(`<${p}t(?:\\s[^>]*)?(?:/>|>([\\s\\S]*?)</${p}t>)`, "g"), phonetic: new RegExp(`<${p}rPh\\b[\\s\\S]*?</${p}rPh>`, "g") };
    textRegexCache.set(prefix, r);
  }
  return r;
}

export function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * The `r` attribute of a row's start tag between `from` and `to`: Excel writes it first (` r="12"`),
 * read without a regular expression; any other spelling through one.
 */
export function rowNumberIn(text: string, from: number, to: number): number | undefined {
  if (text.startsWith(' r="', from)) {
    let n = 0;
    let i = from + 4;
    for (; i < to; i++) {
      const c = text.charCodeAt(i);
      if (c < 48 || c > 57) break;
      n = n * 10 + (c - 48);
    }
    if (i > from + 4 && text.charCodeAt(i) === 34) return n;
  }
  const m = /\sr\s*=\s*["'](\d+)["']/.exec(text.slice(from, to));
  return m ? Number(m[1]) : undefined;
}

/** The range anyone may edit on a sheet whose closed rows are locked (Review > Allow Edit Ranges): the rest of the sheet. */
export const LOCK_RANGE = "Cac_dong_chua_chot";
