import JSZip from "jszip";
import { SaxesParser, type SaxesTagNS } from "saxes";

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
}

export function emptyIntent(markFormulas: readonly string[]): WriteIntent {
  return { cells: new Map(), rows: new Map(), parts: new Set(), marksRemoved: false, markFormulas };
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
    const entry: { attrs: Map<string, string>; hash: number; cells?: Map<string, string> } = { attrs: row.attrs, hash: digest(canonical(row)) };
    if (keepCells(r)) {
      entry.cells = new Map();
      let col = 0;
      for (const c of row.children) {
        const ref = c.attrs.get("r") ?? `#${col}`;
        col++;
        entry.cells.set(ref, canonical(c));
      }
    }
    rows.set(r, entry);
  });
  return { frame, rows };
}

function compareSheets(before: string, after: string, part: string, intent: WriteIntent, ctx: Context): void {
  const cells = intent.cells.get(part) ?? new Map<string, string>();
  const touchedRows = new Set(intent.rows.get(part) ?? []);
  for (const ref of cells.keys()) touchedRows.add(Number(/\d+$/.exec(ref)?.[0]));
  const a = sheetDigest(before, part, (r) => touchedRows.has(r));
  const b = sheetDigest(after, part, (r) => touchedRows.has(r));
  const frameProblem = embeds(a.frame, b.frame, ctx, "");
  if (frameProblem) throw new VerificationError(part, frameProblem);
  for (const [r, row] of a.rows) {
    const now = b.rows.get(r);
    if (!now) throw new VerificationError(part, `dòng ${r} bị mất`);
    if (!touchedRows.has(r)) {
      if (now.hash !== row.hash) throw new VerificationError(part, `dòng ${r} bị đổi`);
      continue;
    }
    for (const [k, v] of row.attrs) {
      const allowed = k === "spans" || k === "ht" || k === "customHeight";
      if (now.attrs.get(k) !== v && !allowed) throw new VerificationError(part, `dòng ${r}: ${k} bị đổi`);
    }
    for (const [ref, xml] of row.cells ?? []) {
      if (cells.has(ref)) continue;
      if (now.cells?.get(ref) !== xml) throw new VerificationError(part, `ô ${ref} bị đổi`);
    }
  }
  for (const [r, row] of b.rows) {
    if (!a.rows.has(r) && !touchedRows.has(r)) throw new VerificationError(part, `dòng ${r} không định ghi`);
    for (const ref of row.cells?.keys() ?? []) {
      if (!cells.has(ref) && !a.rows.get(r)?.cells?.has(ref)) throw new VerificationError(part, `ô ${ref} không định ghi`);
    }
  }
  const mainNs = a.frame.children[0]?.name.replace(/\}.*$/, "}").slice(1, -1) ?? "";
  for (const [ref, xml] of cells) {
    const r = Number(/\d+$/.exec(ref)?.[0]);
    const got = b.rows.get(r)?.cells?.get(ref);
    const wrapped = parse(`<c-root xmlns="${mainNs}">${xml.replace(/<([A-Za-z_][\w.-]*):/g, "<").replace(/<\/([A-Za-z_][\w.-]*):/g, "</")}</c-root>`, part);
    const meant = wrapped.children[0]?.children[0];
    if (!meant || got !== canonical(meant)) throw new VerificationError(part, `ô ${ref} không giữ đúng giá trị định ghi`);
  }
}

/**
 * Proves that `after` differs from `before` only as `intent` says: parts it did not touch are
 * byte for byte the same; in parts it touched every element and attribute is still there, except
 * the cells meant to be written, which hold exactly what was meant. Read with a parser (saxes)
 * other than the one that wrote.
 */
export async function verifyRewrite(before: Uint8Array, after: Uint8Array, intent: WriteIntent, isWorksheet: (part: string) => boolean): Promise<void> {
  const [za, zb] = await Promise.all([JSZip.loadAsync(before), JSZip.loadAsync(after)]);
  // Part names as OPC spells them (some writers use backslashes in the zip).
  const norm = (n: string) => n.replace(/\\/g, "/").replace(/^\/+/, "");
  const owned = new Set([...intent.parts].map(norm));
  const cellsOf = new Map([...intent.cells].map(([k, v]) => [norm(k), v] as const));
  const rowsOf = new Map([...intent.rows].map(([k, v]) => [norm(k), v] as const));
  const normalized: WriteIntent = { ...intent, cells: cellsOf, rows: rowsOf, parts: owned };
  const marks = new Set(intent.markFormulas);
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
    let ba: Uint8Array;
    let bb: Uint8Array;
    try {
      [ba, bb] = await Promise.all([ea.async("uint8array"), eb.async("uint8array")]);
    } catch (e) {
      throw new VerificationError(name, `không đọc lại được phần này (${(e as Error).message})`);
    }
    if (equalBytes(ba, bb)) continue;
    const part = norm(name);
    const ctx: Context = { part, owned: owned.has(part), isMark, marksRemoved: intent.marksRemoved };
    if (!ctx.owned && !cellsOf.has(part)) throw new VerificationError(name, "phần không định sửa đã bị đổi");
    const [ta, tb] = [new TextDecoder().decode(ba), new TextDecoder().decode(bb)];
    if (isWorksheet(part)) compareSheets(ta, tb, part, normalized, ctx);
    else {
      const problem = embeds(parse(ta, name), parse(tb, name), ctx, "");
      if (problem) throw new VerificationError(name, problem);
    }
  }
  for (const name of Object.keys(zb.files)) {
    const e = zb.file(name);
    if (!e || e.dir || za.file(name) || !/\.(xml|rels)$/i.test(name)) continue;
    parse(await e.async("string"), name);
  }
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
