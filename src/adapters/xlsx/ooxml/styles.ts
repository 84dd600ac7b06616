import type { CellStyle } from "../../../domain/grid";
import { childElements, createLike, ensureChild, firstChild, parseXml, rootOf, serializeXml, type Document, type Element } from "./xml";

const STYLES_ORDER = ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs", "tableStyles", "colors", "extLst"];

/** Excel's built-in number formats that our grids use, by code. */
const BUILTIN_IDS: Record<string, number> = { General: 0, "0": 1, "0.00": 2, "#,##0": 3, "#,##0.00": 4, "0%": 9, "0.00%": 10, "@": 49 };
const BUILTIN_CODES: Record<number, string> = { 0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%", 14: "mm-dd-yy", 49: "@" };

/** Built-in formats that show a date or time (14-22, 45-47; 27-36 and 50-58 in East Asian locales). */
function builtinIsDate(id: number): boolean {
  return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58);
}

/** Whether a format code shows a date or time: a d, m, y, h or s outside quotes, escapes and brackets. */
export function isDateFormatCode(code: string): boolean {
  const section = code.split(";")[0] ?? "";
  const bare = section
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/[_*]./g, "")
    .replace(/\[(?:h+|m+|s+)\]/gi, "h")
    .replace(/\[[^\]]*\]/g, "");
  return /[dmyhs]/i.test(bare) && !/^general$/i.test(bare.trim());
}

/** The workbook's style sheet: what number format a cell shows, and new formats composed from ours. */
export class StyleSheet {
  private readonly doc: Document;
  private readonly root: Element;
  private readonly customFormats = new Map<number, string>();
  private readonly xfCache = new Map<string, number>();
  private readonly partCache = new Map<string, number>();
  private changed = false;

  constructor(
    xml: string,
    private readonly part: string,
  ) {
    this.doc = parseXml(xml, part);
    this.root = rootOf(this.doc, part);
    const numFmts = this.child("numFmts");
    for (const f of numFmts ? childElements(numFmts, "numFmt") : []) {
      this.customFormats.set(Number(f.getAttribute("numFmtId")), f.getAttribute("formatCode") ?? "");
    }
  }

  get isChanged(): boolean {
    return this.changed;
  }

  serialize(): string {
    return serializeXml(this.doc);
  }

  private child(local: string): Element | undefined {
    return firstChild(this.root, local, this.root.namespaceURI ?? undefined);
  }

  private cellXfs(): Element[] {
    const xfs = this.child("cellXfs");
    return xfs ? childElements(xfs, "xf") : [];
  }

  /** The number format code of a cell style index. */
  formatCode(xfIndex: number): string {
    const xf = this.cellXfs()[xfIndex];
    const id = Number(xf?.getAttribute("numFmtId") ?? 0);
    return this.customFormats.get(id) ?? BUILTIN_CODES[id] ?? (builtinIsDate(id) ? "d" : "General");
  }

  private dateXfs: boolean[] | undefined;

  /** Whether cells of this style show dates (their numbers are serials of the workbook's date system). */
  isDate(xfIndex: number): boolean {
    if (!this.dateXfs) {
      this.dateXfs = this.cellXfs().map((xf) => {
        const id = Number(xf.getAttribute("numFmtId") ?? 0);
        const custom = this.customFormats.get(id);
        return custom !== undefined ? isDateFormatCode(custom) : builtinIsDate(id);
      });
    }
    return this.dateXfs[xfIndex] ?? false;
  }

  /** Whether the style has a number format of its own (not General or text). */
  hasOwnFormat(xfIndex: number): boolean {
    const code = this.formatCode(xfIndex);
    return code !== "General" && code !== "@";
  }

  /** A style index: `base` with what `style` sets changed, everything else of `base` kept. */
  compose(base: number, style: CellStyle): number {
    const key = `${base}|${JSON.stringify(style)}`;
    const cached = this.xfCache.get(key);
    if (cached !== undefined) return cached;
    const xfsParent = ensureChild(this.doc, this.root, "cellXfs", STYLES_ORDER);
    const existing = this.cellXfs();
    const baseXf = existing[base] ?? existing[0];
    const xf: Element = baseXf ? (baseXf.cloneNode(true) as unknown as Element) : createLike(this.doc, this.root, "xf");
    if (!baseXf) for (const a of ["numFmtId", "fontId", "fillId", "borderId", "xfId"]) xf.setAttribute(a, "0");
    if (style.numFmt !== undefined) {
      xf.setAttribute("numFmtId", String(this.numFmtId(style.numFmt)));
      xf.setAttribute("applyNumberFormat", "1");
    }
    if (style.bold !== undefined || style.italic !== undefined || style.size !== undefined || style.font !== undefined || style.color !== undefined) {
      xf.setAttribute("fontId", String(this.font(Number(xf.getAttribute("fontId") ?? 0), style)));
      xf.setAttribute("applyFont", "1");
    }
    if (style.fill !== undefined) {
      xf.setAttribute("fillId", String(this.addPart("fills", "fill", fillXml(style.fill))));
      xf.setAttribute("applyFill", "1");
    }
    if (style.border !== undefined) {
      xf.setAttribute("borderId", String(this.addPart("borders", "border", style.border === "thin" ? THIN_BORDER : BOTTOM_RULE)));
      xf.setAttribute("applyBorder", "1");
    }
    if (style.hAlign !== undefined || style.vAlign !== undefined || style.wrap !== undefined) {
      let al = firstChild(xf, "alignment");
      if (!al) {
        al = createLike(this.doc, this.root, "alignment");
        xf.insertBefore(al, xf.firstChild);
      }
      if (style.hAlign !== undefined) al.setAttribute("horizontal", style.hAlign);
      if (style.vAlign !== undefined) al.setAttribute("vertical", style.vAlign === "middle" ? "center" : style.vAlign);
      if (style.wrap !== undefined) al.setAttribute("wrapText", style.wrap ? "1" : "0");
      xf.setAttribute("applyAlignment", "1");
    }
    if (style.locked !== undefined) {
      // CT_Xf: alignment, then protection.
      let pr = firstChild(xf, "protection");
      if (!pr) {
        pr = createLike(this.doc, this.root, "protection");
        xf.appendChild(pr);
      }
      pr.setAttribute("locked", style.locked ? "1" : "0");
      xf.setAttribute("applyProtection", "1");
    }
    xfsParent.appendChild(xf);
    setCount(xfsParent, "xf");
    this.changed = true;
    this.dateXfs = undefined;
    const index = existing.length;
    this.xfCache.set(key, index);
    return index;
  }

  /** A style index like `base` with a number format. */
  withNumFmt(base: number, numFmt: string): number {
    return this.compose(base, { numFmt });
  }

  /** A differential format (for conditional formats): fill and font colour. */
  dxf(fill: string | undefined, color?: string, border?: "thin"): number {
    const font = color ? `<font><color rgb="FF${color.toUpperCase()}"/></font>` : "";
    const fillXml = fill ? `<fill><patternFill patternType="solid"><bgColor rgb="FF${fill.toUpperCase()}"/></patternFill></fill>` : "";
    const side = (s: string) => `<${s} style="thin"><color auto="1"/></${s}>`;
    const borderXml = border ? `<border>${["left", "right", "top", "bottom"].map(side).join("")}</border>` : "";
    const xml = `<dxf>${font}${fillXml}${borderXml}</dxf>`;
    return this.addPart("dxfs", "dxf", xml);
  }

  private numFmtId(code: string): number {
    const builtin = BUILTIN_IDS[code];
    if (builtin !== undefined) return builtin;
    for (const [id, c] of this.customFormats) if (c === code) return id;
    const id = Math.max(163, ...this.customFormats.keys()) + 1;
    const parent = ensureChild(this.doc, this.root, "numFmts", STYLES_ORDER);
    const el = createLike(this.doc, this.root, "numFmt");
    el.setAttribute("numFmtId", String(id));
    el.setAttribute("formatCode", code);
    parent.appendChild(el);
    setCount(parent, "numFmt");
    this.customFormats.set(id, code);
    this.changed = true;
    return id;
  }

  private font(baseId: number, style: CellStyle): number {
    const fonts = ensureChild(this.doc, this.root, "fonts", STYLES_ORDER);
    const base = childElements(fonts, "font")[baseId];
    const font: Element = base ? (base.cloneNode(true) as unknown as Element) : createLike(this.doc, this.root, "font");
    const set = (local: string, attr?: [string, string]) => {
      for (const old of childElements(font, local)) font.removeChild(old);
      const el = createLike(this.doc, this.root, local);
      if (attr) el.setAttribute(attr[0], attr[1]);
      font.appendChild(el);
    };
    const drop = (local: string) => childElements(font, local).forEach((e) => font.removeChild(e));
    if (style.bold === true) set("b");
    else if (style.bold === false) drop("b");
    if (style.italic === true) set("i");
    else if (style.italic === false) drop("i");
    if (style.size !== undefined) set("sz", ["val", String(style.size)]);
    if (style.color !== undefined) set("color", ["rgb", `FF${style.color.toUpperCase()}`]);
    if (style.font !== undefined) {
      set("name", ["val", style.font]);
      // A theme scheme makes Excel show the theme's font whatever the name says.
      drop("scheme");
      drop("charset");
    }
    return this.appendPart("fonts", "font", font);
  }

  private addPart(parentName: string, local: string, xml: string): number {
    const key = `${parentName}|${xml}`;
    const cached = this.partCache.get(key);
    if (cached !== undefined) return cached;
    const ns = this.root.namespaceURI ?? "";
    const fragment = parseXml(`<${local} xmlns="${ns}">${xml.slice(xml.indexOf(">") + 1)}`, this.part);
    const el = this.doc.importNode(rootOf(fragment, this.part), true);
    const prefixed = this.reprefix(el);
    // The same format written by an earlier run is used again rather than added twice.
    const parent = ensureChild(this.doc, this.root, parentName, STYLES_ORDER);
    const wanted = canonical(serializeXml(prefixed as unknown as Document));
    const same = childElements(parent, local).findIndex((e) => canonical(serializeXml(e as unknown as Document)) === wanted);
    const index = same >= 0 ? same : this.appendPart(parentName, local, prefixed);
    this.partCache.set(key, index);
    return index;
  }

  /** Re-creates an element tree with the root's prefix for the main namespace. */
  private reprefix(el: Element): Element {
    if (!this.root.prefix) return el;
    const copy = createLike(this.doc, this.root, el.localName ?? "");
    for (let i = 0; i < el.attributes.length; i++) {
      const a = el.attributes.item(i);
      if (a && a.name !== "xmlns") copy.setAttribute(a.name, a.value);
    }
    for (const c of childElements(el)) copy.appendChild(this.reprefix(c));
    return copy;
  }

  private appendPart(parentName: string, local: string, el: Element): number {
    const parent = ensureChild(this.doc, this.root, parentName, STYLES_ORDER);
    const index = childElements(parent, local).length;
    parent.appendChild(el);
    setCount(parent, local);
    this.changed = true;
    return index;
  }
}

const THIN_SIDE = (side: string) => `<${side} style="thin"><color indexed="64"/></${side}>`;
const THIN_BORDER = `<border>${["left", "right", "top", "bottom"].map(THIN_SIDE).join("")}<diagonal/></border>`;
const BOTTOM_RULE = `<border><left/><right/><top/>${THIN_SIDE("bottom")}<diagonal/></border>`;

function fillXml(rgb: string): string {
  return `<fill><patternFill patternType="solid"><fgColor rgb="FF${rgb.toUpperCase()}"/><bgColor indexed="64"/></patternFill></fill>`;
}

/** An element's XML without namespace declarations, for comparing formats. */
function canonical(xml: string): string {
  return xml.replace(/\s+xmlns(:[\w.-]+)?="[^"]*"/g, "");
}

function setCount(parent: Element, local: string): void {
  parent.setAttribute("count", String(childElements(parent, local).length));
}

/** A minimal style sheet for a new workbook: Calibri 11, no fill, no border, one cell style. */
export const EMPTY_STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><color rgb="FF000000"/><name val="Calibri"/><family val="2"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles><dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/></styleSheet>`;
