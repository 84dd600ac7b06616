import { cellAddress, parseRangeAddress, rangeAddress, type RangeBox } from "../../../domain/grid";
import { LOCK_RANGE } from "./sheetXml";
import { childElements, createLike, ensureChild, firstChild, insertInOrder, parseXml, rootOf, serializeXml, type Document, type Element } from "./xml";

/** CT_Worksheet's sequence of children. */
const WORKSHEET_ORDER = [
  "sheetPr", "dimension", "sheetViews", "sheetFormatPr", "cols", "sheetData", "sheetCalcPr", "sheetProtection", "protectedRanges",
  "scenarios", "autoFilter", "sortState", "dataConsolidate", "customSheetViews", "mergeCells", "phoneticPr", "conditionalFormatting",
  "dataValidations", "hyperlinks", "printOptions", "pageMargins", "pageSetup", "headerFooter", "rowBreaks", "colBreaks",
  "customProperties", "cellWatches", "ignoredErrors", "smartTags", "drawing", "legacyDrawing", "legacyDrawingHF", "drawingHF",
  "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst",
];
const SHEET_PR_ORDER = ["tabColor", "outlinePr", "pageSetUpPr"];

export interface ColumnFormat {
  col: number;
  width?: number;
  style?: number;
}

/**
 * Everything of a worksheet but its rows, as a DOM: columns, merges, rules, views, print setup,
 * table parts. Unknown elements and extensions stay where they are.
 */
export class SheetFrame {
  readonly doc: Document;
  readonly root: Element;
  private touched = false;

  constructor(
    head: string,
    tail: string,
    private readonly part: string,
    private readonly relNs: string,
  ) {
    this.doc = parseXml(head + tail, part);
    this.root = rootOf(this.doc, part);
  }

  get isTouched(): boolean {
    return this.touched;
  }

  /** Head and tail again, split around the (empty) `<sheetData>`. */
  serialize(): { head: string; tail: string } {
    const xml = this.text();
    const m = /<([A-Za-z_][\w.-]*:)?sheetData\b[^>]*?(\/?)>(<\/\1sheetData>)?/.exec(xml);
    if (!m) throw new Error(`${this.part}: sheetData lost`);
    const p = m[1] ?? "";
    const openTag = m[2] === "/" ? `<${p}sheetData>` : m[0].replace(`</${p}sheetData>`, "");
    return { head: xml.slice(0, m.index) + openTag, tail: `</${p}sheetData>` + xml.slice(m.index + m[0].length) };
  }

  private el(local: string): Element {
    return createLike(this.doc, this.root, local);
  }

  private ensure(local: string): Element {
    return ensureChild(this.doc, this.root, local, WORKSHEET_ORDER, "oleObjects");
  }

  private find(local: string): Element | undefined {
    return firstChild(this.root, local, this.root.namespaceURI ?? undefined);
  }

  /** The style a new cell in a column takes from `<col style>`, if any. */
  columnStyle(col: number): number | undefined {
    const cols = this.find("cols");
    for (const c of cols ? childElements(cols, "col") : []) {
      const min = Number(c.getAttribute("min")) - 1;
      const max = Number(c.getAttribute("max")) - 1;
      if (col >= min && col <= max && c.hasAttribute("style")) return Number(c.getAttribute("style"));
    }
    return undefined;
  }

  /** Sets widths and styles of single columns, splitting `<col>` ranges that span several. */
  setColumns(formats: readonly ColumnFormat[]): void {
    if (formats.length === 0) return;
    const cols = this.ensure("cols");
    for (const f of formats) {
      const target = this.isolateColumn(cols, f.col);
      if (f.width !== undefined) {
        target.setAttribute("width", String(f.width));
        target.setAttribute("customWidth", "1");
      }
      if (f.style !== undefined) target.setAttribute("style", String(f.style));
    }
    this.touched = true;
  }

  private isolateColumn(cols: Element, col: number): Element {
    const n = col + 1;
    for (const c of childElements(cols, "col")) {
      const min = Number(c.getAttribute("min"));
      const max = Number(c.getAttribute("max"));
      if (n < min || n > max) continue;
      if (min === max) return c;
      const pieces: Element[] = [];
      for (const [lo, hi] of [[min, n - 1], [n, n], [n + 1, max]] as const) {
        if (lo > hi) continue;
        const copy = c.cloneNode(true) as Element;
        copy.setAttribute("min", String(lo));
        copy.setAttribute("max", String(hi));
        cols.insertBefore(copy, c);
        pieces.push(copy);
      }
      cols.removeChild(c);
      return pieces.find((p) => p.getAttribute("min") === String(n)) as Element;
    }
    const created = this.el("col");
    created.setAttribute("min", String(n));
    created.setAttribute("max", String(n));
    created.setAttribute("width", "9.140625");
    const after = childElements(cols, "col").find((c) => Number(c.getAttribute("min")) > n);
    if (after) cols.insertBefore(created, after);
    else cols.appendChild(created);
    return created;
  }

  merges(): RangeBox[] {
    const mc = this.find("mergeCells");
    const refs = [...(mc ? childElements(mc, "mergeCell").map((m) => m.getAttribute("ref") ?? "") : []), ...this.addedMerges];
    return refs.flatMap((ref) => {
      const b = parseRangeAddress(ref);
      return b ? [b] : [];
    });
  }

  /**
   * Merges added since the sheet was read, by reference, kept as text until the frame is written:
   * a paper of 100,000 merged ranges would take about a kilobyte of DOM each.
   */
  private readonly addedMerges: string[] = [];

  addMerges(boxes: readonly RangeBox[]): void {
    if (boxes.length === 0) return;
    const have = new Set(this.merges().map(rangeAddress));
    const mc = this.ensure("mergeCells");
    for (const b of boxes) {
      const ref = rangeAddress(b);
      if (have.has(ref)) continue;
      have.add(ref);
      this.addedMerges.push(ref);
    }
    mc.setAttribute("count", String(childElements(mc, "mergeCell").length + this.addedMerges.length));
    this.touched = true;
  }

  /** The document as text, with the merges added since it was read written into `<mergeCells>` after those it had. */
  private text(): string {
    const xml = serializeXml(this.doc);
    if (this.addedMerges.length === 0) return xml;
    const m = /<([A-Za-z_][\w.-]*:)?mergeCells\b[^>]*?(\/?)>/.exec(xml);
    if (!m) throw new Error(`${this.part}: mergeCells lost`);
    const p = m[1] ?? "";
    const added = this.addedMerges.map((ref) => `<${p}mergeCell ref="${ref}"/>`).join("");
    if (m[2] === "/") return `${xml.slice(0, m.index)}${m[0].replace(/\s*\/>$/, ">")}${added}</${p}mergeCells>${xml.slice(m.index + m[0].length)}`;
    const close = xml.indexOf(`</${p}mergeCells>`, m.index);
    return `${xml.slice(0, close)}${added}${xml.slice(close)}`;
  }

  /** The highest conditional-format priority on the sheet, extensions included. */
  maxPriority(): number {
    const xml = serializeXml(this.doc);
    let max = 0;
    for (const m of xml.matchAll(/\spriority\s*=\s*["'](\d+)["']/g)) max = Math.max(max, Number(m[1]));
    return max;
  }

  addConditionalFormat(box: RangeBox | readonly RangeBox[], formula: string, dxfId: number, priority: number): void {
    const cf = this.el("conditionalFormatting");
    cf.setAttribute("sqref", (Array.isArray(box) ? box : [box]).map(rangeAddress).join(" "));
    const rule = this.el("cfRule");
    rule.setAttribute("type", "expression");
    rule.setAttribute("dxfId", String(dxfId));
    rule.setAttribute("priority", String(priority));
    const f = this.el("formula");
    f.appendChild(this.doc.createTextNode(formula));
    rule.appendChild(f);
    cf.appendChild(rule);
    insertInOrder(this.root, cf, WORKSHEET_ORDER, "oleObjects");
    this.touched = true;
  }

  /** Removes conditional formats whose every rule's formula is one of `formulas`; returns how many. */
  removeConditionalFormats(formulas: ReadonlySet<string>): number {
    let removed = 0;
    for (const cf of childElements(this.root, "conditionalFormatting", this.root.namespaceURI ?? undefined)) {
      const rules = childElements(cf, "cfRule");
      const ours = rules.length > 0 && rules.every((r) => childElements(r, "formula").some((f) => formulas.has((f.textContent ?? "").trim())));
      if (!ours) continue;
      this.root.removeChild(cf);
      removed++;
    }
    if (removed > 0) this.touched = true;
    return removed;
  }

  /** Ranges covered by the sheet's data validations, its own and those in extensions (x14). */
  validationRanges(): RangeBox[] {
    const xml = serializeXml(this.doc);
    const out: RangeBox[] = [];
    for (const m of xml.matchAll(/<(?:[\w.-]+:)?dataValidation\b[^>]*?\ssqref\s*=\s*["']([^"']+)["']/g)) {
      for (const a of (m[1] as string).split(/\s+/)) {
        const b = parseRangeAddress(a);
        if (b) out.push(b);
      }
    }
    for (const m of xml.matchAll(/<(?:[\w.-]+:)?sqref>([^<]+)<\/(?:[\w.-]+:)?sqref>/g)) {
      for (const a of (m[1] as string).split(/\s+/)) {
        const b = parseRangeAddress(a);
        if (b) out.push(b);
      }
    }
    return out;
  }

  addValidation(attrs: Record<string, string>, box: RangeBox, formula1: string, formula2?: string): void {
    const dvs = this.ensure("dataValidations");
    const dv = this.el("dataValidation");
    for (const [k, v] of Object.entries(attrs)) dv.setAttribute(k, v);
    dv.setAttribute("sqref", rangeAddress(box));
    for (const [name, text] of [["formula1", formula1], ["formula2", formula2]] as const) {
      if (text === undefined) continue;
      const f = this.el(name);
      f.appendChild(this.doc.createTextNode(text));
      dv.appendChild(f);
    }
    dvs.appendChild(dv);
    dvs.setAttribute("count", String(childElements(dvs, "dataValidation").length));
    this.touched = true;
  }

  freezeRows(rows: number, cols: number): void {
    const views = this.ensure("sheetViews");
    let view = childElements(views, "sheetView")[0];
    if (!view) {
      view = this.el("sheetView");
      views.appendChild(view);
    }
    if (!view.hasAttribute("workbookViewId")) view.setAttribute("workbookViewId", "0");
    for (const old of [...childElements(view, "pane"), ...childElements(view, "selection")]) view.removeChild(old);
    const pane = this.el("pane");
    const activePane = rows > 0 && cols > 0 ? "bottomRight" : rows > 0 ? "bottomLeft" : "topRight";
    if (cols > 0) pane.setAttribute("xSplit", String(cols));
    if (rows > 0) pane.setAttribute("ySplit", String(rows));
    pane.setAttribute("topLeftCell", cellAddress(rows, cols));
    pane.setAttribute("activePane", activePane);
    pane.setAttribute("state", "frozen");
    const sel = this.el("selection");
    sel.setAttribute("pane", activePane);
    sel.setAttribute("activeCell", cellAddress(rows, cols));
    sel.setAttribute("sqref", cellAddress(rows, cols));
    view.insertBefore(sel, view.firstChild);
    view.insertBefore(pane, sel);
    this.touched = true;
  }

  private sheetPrChild(local: string): Element {
    const pr = this.ensure("sheetPr");
    return ensureChild(this.doc, pr, local, SHEET_PR_ORDER);
  }

  setTabColor(rgb: string): void {
    const tab = this.sheetPrChild("tabColor");
    for (const a of ["theme", "indexed", "tint", "auto"]) tab.removeAttribute(a);
    tab.setAttribute("rgb", `FF${rgb.toUpperCase()}`);
    this.touched = true;
  }

  /** A4, orientation, margins (inches), fit to one page wide. */
  setPageSetup(orientation: string, marginsInch: Record<"top" | "bottom" | "left" | "right", number>, fitToWidth: boolean): void {
    const margins = this.ensure("pageMargins");
    const current = (k: string, d: number) => margins.getAttribute(k) ?? String(d);
    for (const [k, v] of Object.entries(marginsInch)) margins.setAttribute(k, String(v));
    margins.setAttribute("header", current("header", 0.3));
    margins.setAttribute("footer", current("footer", 0.3));
    const setup = this.ensure("pageSetup");
    setup.setAttribute("paperSize", "9");
    setup.setAttribute("orientation", orientation);
    if (fitToWidth) {
      setup.setAttribute("fitToWidth", "1");
      setup.setAttribute("fitToHeight", "0");
      this.sheetPrChild("pageSetUpPr").setAttribute("fitToPage", "1");
    }
    this.touched = true;
  }

  /** The page number centred in the header of every page but the first (`differentFirst`, an empty first header). */
  setPageNumbersFromSecond(): void {
    const hf = this.ensure("headerFooter");
    for (const c of [...childElements(hf, "oddHeader"), ...childElements(hf, "firstHeader")]) hf.removeChild(c);
    hf.setAttribute("differentFirst", "1");
    const odd = this.el("oddHeader");
    odd.appendChild(this.doc.createTextNode('&C&"Times New Roman,Regular"&13&P'));
    // An empty centre section, not an empty element: LibreOffice takes an empty first header for "same as the others".
    const first = this.el("firstHeader");
    first.appendChild(this.doc.createTextNode("&C"));
    // Each document counts its pages from 1, whatever sheets come before it.
    const setup = this.ensure("pageSetup");
    setup.setAttribute("useFirstPageNumber", "1");
    setup.setAttribute("firstPageNumber", "1");
    // Children in the schema's order: oddHeader, oddFooter, evenHeader, evenFooter, firstHeader, firstFooter.
    hf.insertBefore(odd, childElements(hf, "oddFooter")[0] ?? childElements(hf, "evenHeader")[0] ?? childElements(hf, "evenFooter")[0] ?? childElements(hf, "firstFooter")[0] ?? null);
    hf.insertBefore(first, childElements(hf, "firstFooter")[0] ?? null);
    this.touched = true;
  }

  /** Protects the sheet without a password: cells stay as their styles say (locked unless unlocked); columns and rows may be resized. */
  protect(): void {
    const p = this.ensure("sheetProtection");
    for (const [k, v] of [["sheet", "1"], ["objects", "1"], ["scenarios", "1"], ["formatColumns", "0"], ["formatRows", "0"]] as const) p.setAttribute(k, v);
    this.touched = true;
  }

  /** The sheet's protection as the file has it: none, without a password, or with one. */
  protection(): "none" | "open" | "password" {
    const p = this.find("sheetProtection");
    if (!p || !["1", "true"].includes(p.getAttribute("sheet") ?? "0")) return "none";
    return p.hasAttribute("password") || p.hasAttribute("hashValue") ? "password" : "open";
  }

  /**
   * Protects the sheet without a password, every cell in `editable` left editable (one range that
   * anyone may edit, Review > Allow Edit Ranges, named `LOCK_RANGE`); the user's own such ranges
   * stay. `null` lifts the protection and removes the range.
   */
  lockAllBut(editable: string | null): void {
    const ours = (el: Element) => el.getAttribute("name") === LOCK_RANGE;
    const ranges = this.find("protectedRanges");
    for (const r of ranges ? childElements(ranges, "protectedRange").filter(ours) : []) ranges?.removeChild(r);
    if (editable === null) {
      const p = this.find("sheetProtection");
      if (p) this.root.removeChild(p);
      if (ranges && childElements(ranges, "protectedRange").length === 0) this.root.removeChild(ranges);
      this.touched = true;
      return;
    }
    const p = this.ensure("sheetProtection");
    // Columns and rows may be resized and the filters used; sorting, inserting and deleting rows stay refused.
    for (const [k, v] of [["sheet", "1"], ["objects", "1"], ["scenarios", "1"], ["formatColumns", "0"], ["formatRows", "0"], ["autoFilter", "0"]] as const) p.setAttribute(k, v);
    const list = this.ensure("protectedRanges");
    const range = this.el("protectedRange");
    range.setAttribute("name", LOCK_RANGE);
    range.setAttribute("sqref", editable);
    list.appendChild(range);
    this.touched = true;
  }

  /** Manual page breaks before the given rows (0-based: the first row of each new page). */
  setRowBreaks(rows: readonly number[]): void {
    const breaks = this.ensure("rowBreaks");
    for (const r of rows) {
      const brk = this.el("brk");
      // `id` is the row after which the page ends (1-based): the new page's first row, 0-based.
      brk.setAttribute("id", String(r));
      brk.setAttribute("max", "16383");
      brk.setAttribute("man", "1");
      breaks.appendChild(brk);
    }
    const n = String(childElements(breaks, "brk").length);
    breaks.setAttribute("count", n);
    breaks.setAttribute("manualBreakCount", n);
    this.touched = true;
  }

  /** Sets an element's `r:id`, with the prefix the sheet already gives the relationships namespace (declaring `r` when it has none). */
  private setRelId(el: Element, relId: string): void {
    const prefix = this.root.lookupPrefix(this.relNs);
    if (prefix) el.setAttributeNS(this.relNs, `${prefix}:id`, relId);
    else {
      this.root.setAttribute("xmlns:r", this.relNs);
      el.setAttributeNS(this.relNs, "r:id", relId);
    }
  }

  /** Points the sheet at its drawing part (the charts on it). */
  setDrawing(relId: string): void {
    this.setRelId(this.ensure("drawing"), relId);
    this.touched = true;
  }

  addTablePart(relId: string): void {
    const tp = this.ensure("tableParts");
    const el = this.el("tablePart");
    this.setRelId(el, relId);
    tp.appendChild(el);
    tp.setAttribute("count", String(childElements(tp, "tablePart").length));
    this.touched = true;
  }
}

