import { DOMParser, XMLSerializer, type Document, type Element, type Node } from "@xmldom/xmldom";

export type { Document, Element };

/** A part whose XML cannot be parsed: the workbook is damaged, or not one we can edit safely. */
export class XmlPartError extends Error {
  constructor(
    readonly part: string,
    message: string,
  ) {
    super(`${part}: ${message}`);
    this.name = "XmlPartError";
  }
}

/** Parses a part's XML, keeping every element, attribute, namespace and comment. */
export function parseXml(text: string, part: string): Document {
  let first: XmlPartError | undefined;
  try {
    return new DOMParser({
      onError: (level, message) => {
        if (level === "warning") return;
        first ??= new XmlPartError(part, message.split("\n")[0] ?? message);
        throw first;
      },
    }).parseFromString(text, "text/xml");
  } catch (e) {
    // The parser wraps what onError throws: give the first problem as it was reported.
    throw first ?? new XmlPartError(part, (e as Error).message);
  }
}

export function serializeXml(doc: Document): string {
  return new XMLSerializer().serializeToString(doc);
}

export function rootOf(doc: Document, part: string): Element {
  const root = doc.documentElement;
  if (!root) throw new XmlPartError(part, "no root element");
  return root;
}

function isElement(n: Node | null): n is Element {
  return n !== null && n.nodeType === 1;
}

/** Child elements of `parent` with a local name (in `ns` when given). */
export function childElements(parent: Element, local?: string, ns?: string): Element[] {
  const out: Element[] = [];
  for (let n = parent.firstChild; n; n = n.nextSibling) {
    if (!isElement(n)) continue;
    if (local !== undefined && n.localName !== local) continue;
    if (ns !== undefined && n.namespaceURI !== ns) continue;
    out.push(n);
  }
  return out;
}

export function firstChild(parent: Element, local: string, ns?: string): Element | undefined {
  return childElements(parent, local, ns)[0];
}

/** A new element in the namespace of `like` (usually the root), with the prefix it uses there. */
export function createLike(doc: Document, like: Element, local: string, ns: string = like.namespaceURI ?? ""): Element {
  const prefix = ns === like.namespaceURI ? like.prefix : like.lookupPrefix(ns);
  return doc.createElementNS(ns, prefix ? `${prefix}:${local}` : local);
}

/**
 * Inserts `child` into `parent` where the schema's sequence puts it: before the first existing
 * child that comes later in `order`. Unknown children (extensions) are passed over; `mc:AlternateContent`
 * stands where `alternateAt` says.
 */
export function insertInOrder(parent: Element, child: Element, order: readonly string[], alternateAt?: string): void {
  const rank = (e: Element) => {
    const name = e.localName === "AlternateContent" && alternateAt ? alternateAt : e.localName;
    return name ? order.indexOf(name) : -1;
  };
  const mine = rank(child);
  for (const existing of childElements(parent)) {
    const r = rank(existing);
    if (r > mine) {
      parent.insertBefore(child, existing);
      return;
    }
  }
  parent.appendChild(child);
}

/** The child with a local name, created in schema order when missing. */
export function ensureChild(doc: Document, parent: Element, local: string, order: readonly string[], alternateAt?: string): Element {
  const found = firstChild(parent, local, parent.namespaceURI ?? undefined);
  if (found) return found;
  const el = createLike(doc, parent, local);
  insertInOrder(parent, el, order, alternateAt);
  return el;
}

/** Escapes text for element content. */
export function escapeText(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Escapes text for a double-quoted attribute value. */
export function escapeAttr(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/\n/g, "&#10;").replace(/\r/g, "&#13;").replace(/\t/g, "&#9;");
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** Decodes XML entities and character references. */
export function decodeEntities(s: string): string {
  if (s.indexOf("&") < 0) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-zA-Z]+);/g, (m, body: string) => {
    if (body[0] === "#") {
      const code = body[1] === "x" || body[1] === "X" ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : m;
    }
    return ENTITIES[body] ?? m;
  });
}

/** Excel escapes characters XML cannot carry as `_xHHHH_` in cell text. */
export function decodeExcelEscapes(s: string): string {
  if (s.indexOf("_x") < 0) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Text as Excel stores it: characters XML 1.0 forbids, and literal `_xHHHH_`, escaped. */
export function encodeExcelText(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/_x[0-9A-Fa-f]{4}_/g, (m) => `_x005F_${m.slice(1)}`).replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`);
}

/** Attributes of a start tag's text (`<c r="A1" s="3">`), values decoded. */
export function parseAttributes(tag: string): Map<string, string> {
  const attrs = new Map<string, string>();
  const re = /([^\s=/<>]+)\s*=\s*("([^"]*)"|'([^']*)')/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(tag)) !== null) attrs.set(m[1] as string, decodeEntities(m[3] ?? m[4] ?? ""));
  return attrs;
}
