import JSZip from "jszip";
import { SaxesParser, type SaxesTagNS } from "saxes";
import { LOCK_RANGE, rowNumberIn } from "./sheetXml";
import { isUtf8Of, PORTABLE_INFLATE, utf8, utf8Bytes, type InflateRaw } from "./zipPackage";

/** What a write meant to change: the verifier allows this and nothing else. */
export interface WriteIntent {
  /** Per worksheet part: the cells written, each with the exact XML meant for it. */
  cells: Map<string, Map<string, string>>;
  /** Per worksheet part: rows whose attributes (height, spans) may change. */
  rows: Map<string, Set<number>>;
  /** Parts whose structure may gain elements and change the attributes the writer owns. */
  parts: Set<string>;
  /** Whether highlights (conditional formats with our formulas) may be removed. */
  marksRemoved: boolean;
  /** The formulas that identify our highlights. */
  markFormulas: readonly string[];
  /** Worksheet parts emptied and written again whole (a working paper refreshed), with their sheet's index: their print names may go. */
  replaced: Map<string, number>;
  /** Worksheet parts whose protection was set or lifted for a closed period's rows: their protection and the range anyone may edit may go. */
  reprotected: Set<string>;
}

export function emptyIntent(markFormulas: readonly string[]): WriteIntent {
  return { cells: new Map(), rows: new Map(), parts: new Set(), marksRemoved: false, markFormulas, replaced: new Map(), reprotected: new Set() };
}

/** A write that would change something it did not mean to: the file is not replaced. */
export class VerificationError extends Error {
  constructor(
    readonly part: string,
    readonly detail: string,
  ) {
    super(`${part}: ${detail}`);
    this.name = "VerificationError";
  }
}

interface XNode {
  name: string;
  attrs: Map<string, string>;
  children: XNode[];
  text: string;
}

const qname = (uri: string, local: string) => (uri ? `{${uri}}${local}` : local);

function attrsOf(tag: SaxesTagNS): Map<string, string> {
  const m = new Map<string, string>();
  for (const a of Object.values(tag.attributes)) {
    if (a.prefix === "xmlns" || a.name === "xmlns") continue;
    m.set(qname(a.uri, a.local), a.value);
  }
  return m;
}

/** A whole part as a tree (small parts), or a sheet's frame with its rows folded into digests. */
function parse(xml: string, part: string, onRow?: (row: XNode) => void): XNode {
  const parser = new SaxesParser({ xmlns: true, position: false });
  const root: XNode = { name: "#document", attrs: new Map(), children: [], text: "" };
  const stack: XNode[] = [root];
  let depthInSheetData = -1;
  parser.on("opentag", (tag) => {
    const node: XNode = { name: qname(tag.uri, tag.local), attrs: attrsOf(tag), children: [], text: "" };
    const parent = stack[stack.length - 1] as XNode;
    // Rows are handed over and dropped: a sheet of 200,000 rows is never held whole.
    if (!(onRow && depthInSheetData >= 0 && stack.length === depthInSheetData + 1)) parent.children.push(node);
    stack.push(node);
    if (onRow && tag.local === "sheetData") depthInSheetData = stack.length - 1;
  });
  parser.on("text", (t) => {
    (stack[stack.length - 1] as XNode).text += t;
  });
  parser.on("cdata", (t) => {
    (stack[stack.length - 1] as XNode).text += t;
  });
  parser.on("closetag", () => {
    const node = stack.pop() as XNode;
    if (onRow && depthInSheetData >= 0 && stack.length === depthInSheetData + 1) onRow(node);
    if (onRow && stack.length === depthInSheetData) depthInSheetData = -1;
  });
  try {
    parser.write(xml).close();
  } catch (e) {
    throw new VerificationError(part, `XML không đọc được: ${(e as Error).message}`);
  }
  return root;
}

/** Throws unless the bytes are well-formed XML with its namespaces declared, read a megabyte at a time (nothing kept). */
function wellFormed(bytes: Uint8Array, part: string): void {
  const parser = new SaxesParser({ xmlns: true, position: false });
  const decoder = new TextDecoder("utf-8", { fatal: true });
  const STEP = 1 << 20;
  try {
    for (let at = 0; at < bytes.length; at += STEP) parser.write(decoder.decode(bytes.subarray(at, at + STEP), { stream: true }));
    parser.write(decoder.decode()).close();
  } catch (e) {
    throw new VerificationError(part, `XML không đọc được: ${(e as Error).message}`);
  }
}

/** A subtree as one canonical string: names with namespaces, attributes sorted, text trimmed of nothing. */
function canonical(n: XNode): string {
  const attrs = [...n.attrs].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => ` ${k}="${v}"`).join("");
  return `<${n.name}${attrs}>${n.children.length === 0 ? n.text : n.children.map(canonical).join("")}</${n.name}>`;
}

/** A short digest of a string (cyrb53), enough to tell two rows apart. */
function digest(s: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

const local = (name: string) => name.slice(name.lastIndexOf("}") + 1);

/** Attributes the writer owns and may change on elements that were already there. */
function mayChange(element: string, attr: string, owned: boolean): boolean {
  if (attr === "count") return true;
  if (!owned) return false;
  const a = local(attr);
  switch (local(element)) {
    case "dimension":
      return a === "ref";
    case "table":
    case "autoFilter":
      return a === "ref";
    case "calcPr":
      return a === "fullCalcOnLoad";
    default:
      return false;
  }
}

interface Context {
  part: string;
  owned: boolean;
  isMark: (n: XNode) => boolean;
  marksRemoved: boolean;
  /** An element that may go: a defined name local to a sheet replaced whole. */
  mayGo: (n: XNode) => boolean;
}

/** Every element of `a` is in `b`, in order, with its attributes (but those the writer owns) and text. */
function embeds(a: XNode, b: XNode, ctx: Context, path: string): string | undefined {
  for (const [k, v] of a.attrs) {
    if (b.attrs.get(k) === v) continue;
    if (b.attrs.has(k) && mayChange(a.name, k, ctx.owned)) continue;
    return `${path}: thuộc tính ${local(k)}="${v}" ${b.attrs.has(k) ? `thành "${b.attrs.get(k)}"` : "bị mất"}`;
  }
  if (a.children.length === 0 && b.children.length === 0 && a.text !== b.text) return `${path}: nội dung "${a.text.slice(0, 40)}" bị đổi`;
  let j = 0;
  for (const child of a.children) {
    if (local(child.name) === "cols" && local(a.name) === "worksheet") {
      const other = b.children.find((c) => c.name === child.name);
      const problem = other ? sameColumns(child, other, ctx) : "cột (cols) bị mất";
      if (problem) return `${path}/cols: ${problem}`;
      continue;
    }
    let found = -1;
    let lastProblem: string | undefined;
    for (let k = j; k < b.children.length; k++) {
      const cand = b.children[k] as XNode;
      if (cand.name !== child.name) continue;
      const problem = embeds(child, cand, ctx, `${path}/${local(child.name)}`);
      if (!problem) {
        found = k;
        break;
      }
      lastProblem ??= problem;
    }
    if (found < 0) {
      if (ctx.marksRemoved && ctx.isMark(child)) continue;
      if (ctx.mayGo(child)) continue;
      return lastProblem ?? `${path}/${local(child.name)}: phần tử bị mất`;
    }
    j = found + 1;
  }
  return undefined;
}

/** Column settings compared column by column: ranges may be split, a column's settings stay unless owned. */
function sameColumns(a: XNode, b: XNode, ctx: Context): string | undefined {
  const expand = (n: XNode) => {
    const m = new Map<number, Map<string, string>>();
    for (const c of n.children) {
      const min = Number(c.attrs.get("min"));
      const max = Number(c.attrs.get("max"));
      for (let i = min; i <= max && i - min < 16384; i++) {
        const attrs = new Map(c.attrs);
        attrs.delete("min");
        attrs.delete("max");
        m.set(i, attrs);
      }
    }
    return m;
  };
  const before = expand(a);
  const after = expand(b);
  for (const [col, attrs] of before) {
    const now = after.get(col);
    if (!now) return `cột ${col} mất thiết lập`;
    for (const [k, v] of attrs) {
      if (now.get(k) === v) continue;
      if (ctx.owned && (k === "width" || k === "customWidth" || k === "style")) continue;
      return `cột ${col}: ${k}="${v}" bị đổi`;
    }
  }
  return undefined;
}

interface SheetDigest {
  frame: XNode;
  rows: Map<number, { attrs: Map<string, string>; hash: number; cells?: Map<string, string> }>;
}

function sheetDigest(xml: string, part: string, keepCells: (r: number) => boolean): SheetDigest {
  const rows: SheetDigest["rows"] = new Map();
  let last = 0;
  const frame = parse(xml, part, (row) => {
    const r = Number(row.attrs.get("r") ?? last + 1);
    last = r;
    rows.set(r, rowEntry(row, keepCells(r)));
  });
  return { frame, rows };
}

function rowEntry(row: XNode, keepCells: boolean): { attrs: Map<string, string>; hash: number; cells?: Map<string, string> } {
  const entry: { attrs: Map<string, string>; hash: number; cells?: Map<string, string> } = { attrs: row.attrs, hash: digest(canonical(row)) };
  if (keepCells) {
    entry.cells = new Map();
    let col = 0;
    for (const c of row.children) {
      const ref = c.attrs.get("r") ?? `#${col}`;
      col++;
      entry.cells.set(ref, canonical(c));
    }
  }
  return entry;
}

/** A sheet's text cut at its rows: what comes before them, each row's own text (by its number), what follows. */
interface SheetCut {
  head: string;
  tail: string;
  rows: Map<number, string>;
  /** The namespace declarations of the root element, to read one row on its own. */
  namespaces: string;
  /** The prefix of the sheet's elements (`x:`), or "". */
  prefix: string;
}

/**
 * Cuts a sheet's text into its rows with plain searches, checking that the pieces cover the rows'
 * whole text; undefined for anything unusual (comments or CDATA among the rows, rows out of order,
 * a row number twice): such a sheet is compared the slow way, element by element.
 */
function cutRows(xml: string): SheetCut | undefined {
  const open = /<([A-Za-z_][\w.-]*:)?sheetData\b[^>]*?(\/?)>/.exec(xml);
  if (!open || open[2] === "/") return undefined;
  const p = open[1] ?? "";
  const start = open.index + open[0].length;
  const end = xml.indexOf(`</${p}sheetData>`, start);
  if (end < 0) return undefined;
  const body = xml.slice(start, end);
  if (body.includes("<!--") || body.includes("<![CDATA[")) return undefined;
  const rows = new Map<number, string>();
  const rowOpen = `<${p}row`;
  const rowClose = `</${p}row>`;
  let pos = 0;
  let last = 0;
  while (pos < body.length) {
    const at = body.indexOf(rowOpen, pos);
    // Only whitespace may stand between rows (looked at only where something stands between them).
    if (at !== pos && (at < 0 ? body.slice(pos) : body.slice(pos, at)).trim() !== "") return undefined;
    if (at < 0) break;
    const tagEnd = body.indexOf(">", at);
    if (tagEnd < 0) return undefined;
    const selfClosed = body.charCodeAt(tagEnd - 1) === 47;
    const close = selfClosed ? tagEnd + 1 : body.indexOf(rowClose, tagEnd);
    if (close < 0) return undefined;
    const stop = selfClosed ? close : close + rowClose.length;
    const r = rowNumberIn(body, at + rowOpen.length, tagEnd) ?? last + 1;
    if (r <= last || rows.has(r)) return undefined;
    rows.set(r, body.slice(at, stop));
    last = r;
    pos = stop;
  }
  const root = /<([A-Za-z_][\w.-]*:)?worksheet\b[^>]*>/.exec(xml)?.[0] ?? "";
  const namespaces = [...root.matchAll(/\sxmlns(?::[\w.-]+)?\s*=\s*("[^"]*"|'[^']*')/g)].map((m) => m[0]).join("");
  return { head: xml.slice(0, start), tail: xml.slice(end), rows, namespaces, prefix: p };
}

/** Rows' texts read together, with their sheet's namespaces: one element each, in order. */
function parseRows(texts: readonly string[], cut: SheetCut, part: string): XNode[] {
  if (texts.length === 0) return [];
  const rows = parse(`<row-root${cut.namespaces}>${texts.join("")}</row-root>`, part).children[0]?.children ?? [];
  if (rows.length !== texts.length) throw new VerificationError(part, "một dòng không đọc được");
  return rows;
}

/**
 * A sheet compared row by row without reading it whole as elements: a row untouched by the write
 * is the same text (or, written anew, the same elements), a touched row keeps every cell but those
 * meant, and the frame around the rows keeps every element. The same proof as element by element,
 * at the cost of text comparisons for the rows nobody touched (a 200,000-row ledger with a few
 * thousand fixed cells).
 */
function compareSheetsByRows(before: SheetCut, after: SheetCut, part: string, intent: WriteIntent, ctx: Context, touchedRows: ReadonlySet<number>): void {
  const frame = (cut: SheetCut) => parse(`${cut.head}${cut.tail}`, part);
  const [fa, fb] = [frame(before), frame(after)];
  const frameProblem = embeds(fa, fb, ctx, "");
  if (frameProblem) throw new VerificationError(part, frameProblem);
  const touchedBefore: [number, string][] = [];
  for (const [r, text] of before.rows) {
    const now = after.rows.get(r);
    if (now === undefined) throw new VerificationError(part, `dòng ${r} bị mất`);
    if (!touchedRows.has(r)) {
      if (now === text) continue;
      if (digest(canonical(parseRows([now], after, part)[0] as XNode)) !== digest(canonical(parseRows([text], before, part)[0] as XNode))) throw new VerificationError(part, `dòng ${r} bị đổi`);
      continue;
    }
    touchedBefore.push([r, text]);
  }
  const touchedAfter: [number, string][] = [];
  for (const [r, text] of after.rows) {
    if (!before.rows.has(r) && !touchedRows.has(r)) throw new VerificationError(part, `dòng ${r} không định ghi`);
    if (touchedRows.has(r)) touchedAfter.push([r, text]);
  }
  // A touched row whose cells are as they were but those written, each written as meant, byte for byte:
  // proven by text. Any other touched row is read element by element, all of them in one pass.
  const meant = intent.cells.get(part) ?? new Map<string, string>();
  const slow = new Set<number>();
  const afterText = new Map(touchedAfter);
  const meantByRow = new Map<number, Map<string, string>>();
  for (const [ref, xml] of meant) {
    const r = Number(/\d+$/.exec(ref)?.[0]);
    let row = meantByRow.get(r);
    if (!row) meantByRow.set(r, (row = new Map<string, string>()));
    row.set(ref, xml);
  }
  for (const [r, text] of touchedBefore) {
    const verdict = sameButWritten(text, afterText.get(r) ?? "", meantByRow.get(r) ?? new Map<string, string>(), before.prefix);
    if (verdict === "slow") slow.add(r);
    else if (verdict !== "same") throw new VerificationError(part, verdict);
  }
  for (const [r] of touchedAfter) if (!before.rows.has(r)) slow.add(r);
  const entries = (rows: [number, string][], cut: SheetCut) => {
    const mine = rows.filter(([r]) => slow.has(r));
    const nodes = parseRows(mine.map(([, text]) => text), cut, part);
    return new Map(mine.map(([r], i) => [r, rowEntry(nodes[i] as XNode, true)] as const));
  };
  const slowCells = new Map([...meant].filter(([ref]) => slow.has(Number(/\d+$/.exec(ref)?.[0]))));
  compareTouched(entries(touchedBefore, before), entries(touchedAfter, after), part, { ...intent, cells: new Map([[part, slowCells]]) }, slow, mainNamespace(fa));
}

/** A row's element and its cells by reference, cut with plain searches; undefined for anything but `<c r="…">` cells. */
function cutCells(row: string, p: string): { open: string; cells: Map<string, string> } | undefined {
  const openEnd = row.indexOf(">");
  if (openEnd < 0) return undefined;
  const open = row.slice(0, openEnd + 1);
  const cells = new Map<string, string>();
  if (row.charCodeAt(openEnd - 1) === 47) return { open, cells };
  const close = `</${p}row>`;
  const end = row.length - close.length;
  if (!row.endsWith(close)) return undefined;
  const cOpen = `<${p}c`;
  const cClose = `</${p}c>`;
  let pos = openEnd + 1;
  while (pos < end) {
    const at = row.indexOf(cOpen, pos);
    if ((at < 0 || at > end ? row.slice(pos, end) : row.slice(pos, at)).trim() !== "") return undefined;
    if (at < 0 || at >= end) break;
    const next = row.charCodeAt(at + cOpen.length);
    if (next !== 32 && next !== 62 && next !== 47) return undefined;
    const tagEnd = row.indexOf(">", at);
    if (tagEnd < 0) return undefined;
    const stop = row.charCodeAt(tagEnd - 1) === 47 ? tagEnd + 1 : row.indexOf(cClose, tagEnd) + cClose.length;
    if (stop < tagEnd) return undefined;
    const ref = /\sr="([A-Z]+\d+)"/.exec(row.slice(at, tagEnd))?.[1];
    if (!ref || cells.has(ref)) return undefined;
    cells.set(ref, row.slice(at, stop));
    pos = stop;
  }
  return { open, cells };
}

/** A row's attributes from its open tag, as plain text (`r`, `spans`, `ht`…). */
function rowAttributes(open: string): Map<string, string> {
  return new Map([...open.matchAll(/\s([\w:.-]+)\s*=\s*"([^"]*)"/g)].map((m) => [m[1] as string, m[2] as string]));
}

/**
 * Whether a touched row is as before but for the cells written, each exactly as meant ("same"),
 * what is wrong, or "slow" when only reading it element by element can tell.
 */
function sameButWritten(before: string, after: string, meantInRow: ReadonlyMap<string, string>, p: string): string {
  const meant = meantInRow;
  const [a, b] = [cutCells(before, p), cutCells(after, p)];
  if (!a || !b) return "slow";
  if (a.open !== b.open) {
    const [x, y] = [rowAttributes(a.open), rowAttributes(b.open)];
    for (const [k, v] of x) if (y.get(k) !== v && k !== "spans" && k !== "ht" && k !== "customHeight") return "slow";
  }
  for (const [ref, text] of a.cells) if (!meant.has(ref) && b.cells.get(ref) !== text) return "slow";
  for (const [ref, text] of b.cells) {
    const want = meant.get(ref);
    if (want !== undefined ? text !== want : !a.cells.has(ref)) return "slow";
  }
  for (const ref of meant.keys()) if (!b.cells.has(ref)) return "slow";
  return "same";
}

function compareSheets(before: string, after: string, part: string, intent: WriteIntent, ctx: Context): void {
  const cells = intent.cells.get(part) ?? new Map<string, string>();
  const touchedRows = new Set(intent.rows.get(part) ?? []);
  for (const ref of cells.keys()) touchedRows.add(Number(/\d+$/.exec(ref)?.[0]));
  const [ca, cb] = [cutRows(before), cutRows(after)];
  if (ca && cb) return compareSheetsByRows(ca, cb, part, intent, ctx, touchedRows);
  const a = sheetDigest(before, part, (r) => touchedRows.has(r));
  const b = sheetDigest(after, part, (r) => touchedRows.has(r));
  const frameProblem = embeds(a.frame, b.frame, ctx, "");
  if (frameProblem) throw new VerificationError(part, frameProblem);
  for (const [r, row] of a.rows) {
    const now = b.rows.get(r);
    if (!now) throw new VerificationError(part, `dòng ${r} bị mất`);
    if (!touchedRows.has(r) && now.hash !== row.hash) throw new VerificationError(part, `dòng ${r} bị đổi`);
  }
  for (const r of b.rows.keys()) if (!a.rows.has(r) && !touchedRows.has(r)) throw new VerificationError(part, `dòng ${r} không định ghi`);
  compareTouched(
    new Map([...a.rows].filter(([r]) => touchedRows.has(r))),
    new Map([...b.rows].filter(([r]) => touchedRows.has(r))),
    part,
    intent,
    touchedRows,
    mainNamespace(a.frame),
  );
}

/** The sheet's main namespace (its root element's), for reading a cell's XML as the writer meant it. */
function mainNamespace(frame: XNode): string {
  return frame.children[0]?.name.replace(/\}.*$/, "}").slice(1, -1) ?? "";
}

/** The rows a write touched: their attributes but height and spans kept, every cell kept but those meant, which hold exactly what was meant. */
function compareTouched(a: SheetDigest["rows"], b: SheetDigest["rows"], part: string, intent: WriteIntent, touchedRows: ReadonlySet<number>, mainNs: string): void {
  const cells = intent.cells.get(part) ?? new Map<string, string>();
  for (const [r, row] of a) {
    const now = b.get(r);
    if (!now) throw new VerificationError(part, `dòng ${r} bị mất`);
    for (const [k, v] of row.attrs) {
      const allowed = k === "spans" || k === "ht" || k === "customHeight";
      if (now.attrs.get(k) !== v && !allowed) throw new VerificationError(part, `dòng ${r}: ${k} bị đổi`);
    }
    for (const [ref, xml] of row.cells ?? []) {
      if (cells.has(ref)) continue;
      if (now.cells?.get(ref) !== xml) throw new VerificationError(part, `ô ${ref} bị đổi`);
    }
  }
  for (const [r, row] of b) {
    if (!touchedRows.has(r)) continue;
    for (const ref of row.cells?.keys() ?? []) {
      if (!cells.has(ref) && !a.get(r)?.cells?.has(ref)) throw new VerificationError(part, `ô ${ref} không định ghi`);
    }
  }
  // Every cell meant, read in one pass (one element each, in order), then compared with what the file holds.
  const meantXml = [...cells.values()].map((xml) => `<m>${xml.replace(/<([A-Za-z_][\w.-]*):/g, "<").replace(/<\/([A-Za-z_][\w.-]*):/g, "</")}</m>`).join("");
  const meant = parse(`<c-root xmlns="${mainNs}">${meantXml}</c-root>`, part).children[0]?.children ?? [];
  if (meant.length !== cells.size) throw new VerificationError(part, "các ô định ghi không đọc lại được");
  let k = 0;
  for (const ref of cells.keys()) {
    const r = Number(/\d+$/.exec(ref)?.[0]);
    const got = b.get(r)?.cells?.get(ref);
    const cell = meant[k++]?.children[0];
    if (!cell || got !== canonical(cell)) throw new VerificationError(part, `ô ${ref} không giữ đúng giá trị định ghi`);
  }
}

/**
 * Proves that `after` differs from `before` only as `intent` says: parts it did not touch are
 * byte for byte the same; in parts it touched every element and attribute is still there, except
 * the cells meant to be written, which hold exactly what was meant. Read with a parser (saxes)
 * other than the one that wrote.
 */
export async function verifyRewrite(before: Uint8Array, after: Uint8Array, intent: WriteIntent, isWorksheet: (part: string) => boolean, inflateRaw: InflateRaw = PORTABLE_INFLATE, known?: KnownTexts): Promise<void> {
  const [za, zb] = await Promise.all([JSZip.loadAsync(before), JSZip.loadAsync(after)]);
  // Part names as OPC spells them (some writers use backslashes in the zip).
  const norm = (n: string) => n.replace(/\\/g, "/").replace(/^\/+/, "");
  const owned = new Set([...intent.parts].map(norm));
  const cellsOf = new Map([...intent.cells].map(([k, v]) => [norm(k), v] as const));
  const rowsOf = new Map([...intent.rows].map(([k, v]) => [norm(k), v] as const));
  const normalized: WriteIntent = { ...intent, cells: cellsOf, rows: rowsOf, parts: owned };
  const marks = new Set(intent.markFormulas);
  const replacedParts = new Set([...intent.replaced.keys()].map(norm));
  const replacedSheets = new Set([...intent.replaced.values()].map(String));
  const reprotectedParts = new Set([...intent.reprotected].map(norm));
  const localToReplaced = (n: XNode) => local(n.name) === "definedName" && replacedSheets.has(n.attrs.get("localSheetId") ?? "");
  const mayGo = (n: XNode) => localToReplaced(n) || (local(n.name) === "definedNames" && replacedSheets.size > 0 && n.children.every(localToReplaced));
  const isMark = (n: XNode) =>
    local(n.name) === "conditionalFormatting" &&
    n.children.length > 0 &&
    n.children.every((r) => r.children.some((f) => local(f.name) === "formula" && marks.has(f.text.trim())));
  for (const name of Object.keys(za.files)) {
    const ea = za.file(name);
    if (!ea || ea.dir) continue;
    const eb = zb.file(name);
    if (!eb) throw new VerificationError(name, "phần bị mất");
    // The same compressed bytes with the same checksum and size are the same part: no need to inflate it.
    if (sameCompressed(ea, eb)) continue;
    const part = norm(name);
    let ta: string;
    let tb: string;
    try {
      // One part's text at a time, each buffer let go once read (a 77 MB ledger is not held four times).
      ta = known?.before(part) ?? utf8(await inflated(ea, inflateRaw));
      tb = await writtenText(eb, known?.after(part), inflateRaw, name);
    } catch (e) {
      if (e instanceof VerificationError) throw e;
      throw new VerificationError(name, `không đọc lại được phần này (${(e as Error).message})`);
    }
    if (ta === tb) continue;
    // A sheet replaced whole is the writer's own, as a new one is: it holds the text written, and is well-formed.
    if (replacedParts.has(part)) {
      wellFormed(utf8Bytes(tb), name);
      continue;
    }
    // A lock set again or lifted: the sheet's protection and the range it left editable may go (the new ones are new elements).
    const lockMayGo = (n: XNode) =>
      local(n.name) === "sheetProtection" ||
      (local(n.name) === "protectedRange" && n.attrs.get("name") === LOCK_RANGE) ||
      (local(n.name) === "protectedRanges" && n.children.every((c) => c.attrs.get("name") === LOCK_RANGE));
    const reprotected = reprotectedParts.has(part);
    const ctx: Context = { part, owned: owned.has(part), isMark, marksRemoved: intent.marksRemoved, mayGo: reprotected ? (n) => mayGo(n) || lockMayGo(n) : mayGo };
    if (!ctx.owned && !cellsOf.has(part)) throw new VerificationError(name, "phần không định sửa đã bị đổi");
    if (isWorksheet(part)) compareSheets(ta, tb, part, normalized, ctx);
    else {
      const problem = embeds(parse(ta, name), parse(tb, name), ctx, "");
      if (problem) throw new VerificationError(name, problem);
    }
  }
  // A part the write added is the writer's own: it holds the text written, byte for byte, and is
  // well-formed, read without keeping it as elements.
  for (const name of Object.keys(zb.files)) {
    const e = zb.file(name);
    if (!e || e.dir || za.file(name) || !/\.(xml|rels)$/i.test(name)) continue;
    const bytes = await inflated(e, inflateRaw);
    const held = known?.after(norm(name));
    if (held !== undefined && !isUtf8Of(bytes, held)) throw new VerificationError(name, WRITTEN_DIFFERS);
    wellFormed(bytes, name);
  }
}

/**
 * The texts the writer already holds, by part: as it read them from the file before changing them,
 * and as it wrote them. The first stands for the file's own bytes (the same decoder read them); the
 * second is proven to be what the new file holds, byte for byte, before it is compared.
 */
export interface KnownTexts {
  before(part: string): string | undefined;
  after(part: string): string | undefined;
}

const WRITTEN_DIFFERS = "nội dung trong tệp ghi ra khác nội dung định ghi";

/** A part's text in the new file: read from it, or, when the writer holds it, proven equal to it byte for byte. */
async function writtenText(entry: JSZip.JSZipObject, held: string | undefined, inflateRaw: InflateRaw, name: string): Promise<string> {
  const bytes = await inflated(entry, inflateRaw);
  if (held === undefined) return utf8(bytes);
  if (!isUtf8Of(bytes, held)) throw new VerificationError(name, WRITTEN_DIFFERS);
  return held;
}

/** An entry's bytes: a deflated one through the given decoder (Node's zlib reads a big sheet several times faster), up to its declared size. */
async function inflated(entry: JSZip.JSZipObject, inflateRaw: InflateRaw): Promise<Uint8Array> {
  const d = (entry as unknown as { _data?: Compressed })._data;
  if (d && d.compression?.magic === "\x08\x00" && d.compressedContent instanceof Uint8Array && typeof d.uncompressedSize === "number") return inflateRaw(d.compressedContent, d.uncompressedSize);
  return entry.async("uint8array");
}

interface Compressed {
  compressedContent?: unknown;
  crc32?: number;
  uncompressedSize?: number;
  compression?: { magic?: string };
}

/** Whether two loaded zip entries hold the very same compressed stream (JSZip 3's loaded data). */
function sameCompressed(a: JSZip.JSZipObject, b: JSZip.JSZipObject): boolean {
  const da = (a as unknown as { _data?: Compressed })._data;
  const db = (b as unknown as { _data?: Compressed })._data;
  if (!da || !db || !(da.compressedContent instanceof Uint8Array) || !(db.compressedContent instanceof Uint8Array)) return false;
  if (da.compression?.magic !== db.compression?.magic || da.crc32 !== db.crc32 || da.uncompressedSize !== db.uncompressedSize) return false;
  return equalBytes(da.compressedContent, db.compressedContent);
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
