import type { CellValue } from "../../../domain/grid";
import { cellValueOf, plainScalar, type CellContext } from "./cellXml";
import type { RawCell } from "./sheetXml";

/**
 * The read path over a sheet's rows, for big sheets: one pass with indexOf, no regular
 * expression or attribute map per cell. Reads the cells of a row whose column lies in
 * [left, right] and hands each one's value over.
 */
export function readRowCells(
  xml: string,
  from: number,
  to: number,
  prefix: string,
  left: number,
  right: number,
  ctx: CellContext,
  visit: (col: number, value: CellValue) => void,
): void {
  const open = `<${prefix}c`;
  const close = `</${prefix}c>`;
  const vOpen = `<${prefix}v>`;
  const vClose = `</${prefix}v>`;
  let pos = from;
  let lastCol = -1;
  while (pos < to) {
    const at = xml.indexOf(open, pos);
    if (at < 0 || at >= to) return;
    const after = xml.charCodeAt(at + open.length);
    // `<c ` or `<c>` or `<c/`, not `<col` or `<cfRule`.
    if (after !== 32 && after !== 62 && after !== 47 && after !== 9 && after !== 10 && after !== 13) {
      pos = at + open.length;
      continue;
    }
    const tagEnd = xml.indexOf(">", at);
    if (tagEnd < 0 || tagEnd >= to) return;
    const selfClosed = xml.charCodeAt(tagEnd - 1) === 47;
    const tag = tagAttributes(xml, at + open.length, tagEnd);
    const col = tag.col >= 0 ? tag.col : lastCol + 1;
    lastCol = col;
    let cellEnd = tagEnd + 1;
    if (!selfClosed) {
      const c = xml.indexOf(close, tagEnd);
      if (c < 0) return;
      cellEnd = c + close.length;
      if (col >= left && col <= right) {
        // Most cells are `<v>…</v>` and nothing else: read it in place.
        const vAt = tagEnd + 1 + vOpen.length;
        const vEnd = c - vClose.length;
        if (xml.startsWith(vOpen, tagEnd + 1) && xml.startsWith(vClose, vEnd) && xml.indexOf("<", vAt) === vEnd) {
          visit(col, plainScalar(tag.t, tag.s, xml.slice(vAt, vEnd), ctx));
        } else {
          const raw = rawOf(xml, tag, tagEnd, c, prefix);
          if (raw) visit(col, cellValueOf(raw, ctx, prefix));
        }
      }
    }
    pos = cellEnd;
  }
}

const NO_ATTRS: ReadonlyMap<string, string> = new Map();
interface CellTag {
  /** 0-based column from `r`, or -1 when the cell has none. */
  col: number;
  s: number;
  t: string | undefined;
}

/** Cell types, so reading one allocates nothing. */
const TYPES = ["s", "n", "b", "e", "str", "inlineStr", "d"] as const;

function typeAt(xml: string, from: number, to: number): string | undefined {
  for (const t of TYPES) if (to - from === t.length && xml.startsWith(t, from)) return t;
  return xml.slice(from, to);
}

/**
 * The r, s and t attributes of a cell's start tag, read in one pass without making strings for
 * them (whitespace around `=` and either quote allowed).
 */
function tagAttributes(xml: string, from: number, to: number): CellTag {
  const out: CellTag = { col: -1, s: 0, t: undefined };
  let i = from;
  while (i < to) {
    const eq = xml.indexOf("=", i);
    if (eq < 0 || eq >= to) break;
    let nameEnd = eq;
    while (nameEnd > i && isSpace(xml.charCodeAt(nameEnd - 1))) nameEnd--;
    let nameStart = nameEnd;
    while (nameStart > i && !isSpace(xml.charCodeAt(nameStart - 1))) nameStart--;
    let q = eq + 1;
    while (q < to && isSpace(xml.charCodeAt(q))) q++;
    const quote = xml.charCodeAt(q);
    const end = xml.indexOf(quote === 39 ? "'" : '"', q + 1);
    if (end < 0) break;
    if (nameEnd - nameStart === 1) {
      const name = xml.charCodeAt(nameStart);
      if (name === 114) out.col = columnAt(xml, q + 1, end);
      else if (name === 115) out.s = numberAt(xml, q + 1, end);
      else if (name === 116) out.t = typeAt(xml, q + 1, end);
    }
    i = end + 1;
  }
  return out;
}

/** 0-based column of the letters a reference starts with (`AB12` → 27). */
function columnAt(xml: string, from: number, to: number): number {
  let col = 0;
  for (let i = from; i < to; i++) {
    const ch = xml.charCodeAt(i);
    if (ch >= 65 && ch <= 90) col = col * 26 + (ch - 64);
    else if (ch >= 97 && ch <= 122) col = col * 26 + (ch - 96);
    else break;
  }
  return col - 1;
}

function numberAt(xml: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = xml.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return n;
    n = n * 10 + d;
  }
  return n;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/** The content of the first `<name ...>…</name>` in a cell's inner XML ("" when self-closed). */
function content(inner: string, openName: string, closeTag: string): string | undefined {
  const i = inner.indexOf(openName);
  if (i < 0) return undefined;
  const next = inner.charCodeAt(i + openName.length);
  if (next !== 62 && next !== 32 && next !== 47) return undefined;
  const gt = inner.indexOf(">", i);
  if (gt < 0) return undefined;
  if (inner.charCodeAt(gt - 1) === 47) return "";
  const end = inner.indexOf(closeTag, gt);
  return end < 0 ? undefined : inner.slice(gt + 1, end);
}

/** The parts of a cell that decide its value; undefined for an empty cell. */
function rawOf(xml: string, tag: CellTag, tagEnd: number, closeAt: number, prefix: string): RawCell | undefined {
  if (tagEnd + 1 >= closeAt) return undefined;
  // Every search stays inside the cell: a search past it would cross the whole sheet for each cell.
  const inner = xml.slice(tagEnd + 1, closeAt);
  // Most cells are `<v>…</v>` and nothing else.
  const vOpen = `<${prefix}v>`;
  const vClose = `</${prefix}v>`;
  if (inner.startsWith(vOpen) && inner.indexOf("<", vOpen.length) === inner.length - vClose.length && inner.endsWith(vClose)) {
    return { t: tag.t, s: tag.s, formula: undefined, sharedFollower: false, v: inner.slice(vOpen.length, inner.length - vClose.length), inlineXml: undefined, attrs: NO_ATTRS };
  }
  const v = content(inner, `<${prefix}v`, vClose);
  let formula: string | undefined;
  let sharedFollower = false;
  const fAt = inner.indexOf(`<${prefix}f`);
  if (fAt >= 0) {
    const fTagEnd = inner.indexOf(">", fAt);
    const tag = inner.slice(fAt, fTagEnd + 1);
    formula = tag.endsWith("/>") ? "" : inner.slice(fTagEnd + 1, inner.indexOf(`</${prefix}f>`, fTagEnd));
    sharedFollower = formula === "" && /\bt\s*=\s*["']shared["']/.test(tag);
  }
  const inlineXml = content(inner, `<${prefix}is`, `</${prefix}is>`);
  if (v === undefined && formula === undefined && inlineXml === undefined) return undefined;
  return { t: tag.t, s: tag.s, formula, sharedFollower, v, inlineXml, attrs: NO_ATTRS };
}
