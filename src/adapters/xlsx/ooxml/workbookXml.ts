import { childElements, createLike, ensureChild, firstChild, parseXml, rootOf, serializeXml, type Document, type Element } from "./xml";
import type { Flavour } from "./opc";

const WORKBOOK_ORDER = [
  "fileVersion", "fileSharing", "workbookPr", "workbookProtection", "bookViews", "sheets", "functionGroups", "externalReferences",
  "definedNames", "calcPr", "oleSize", "customWorkbookViews", "pivotCaches", "smartTagPr", "smartTagTypes", "webPublishing",
  "fileRecoveryPr", "webPublishObjects", "extLst",
];

export interface SheetEntry {
  name: string;
  sheetId: number;
  relId: string;
  state: "visible" | "hidden" | "veryHidden";
  /** Position in `<sheets>`, which `localSheetId` of defined names refers to. */
  index: number;
}

/** The workbook part: its sheets, date system, defined names and calculation settings. */
export class WorkbookXml {
  private readonly doc: Document;
  private readonly root: Element;
  private touched = false;

  constructor(
    xml: string,
    private readonly part: string,
    readonly flavour: Flavour,
  ) {
    this.doc = parseXml(xml, part);
    this.root = rootOf(this.doc, part);
  }

  get isTouched(): boolean {
    return this.touched;
  }

  serialize(): string {
    return serializeXml(this.doc);
  }

  private find(local: string): Element | undefined {
    return firstChild(this.root, local, this.root.namespaceURI ?? undefined);
  }

  /** Whether the workbook counts days from 1904 (Excel for Mac's old default). */
  get date1904(): boolean {
    const v = this.find("workbookPr")?.getAttribute("date1904");
    return v === "1" || v === "true";
  }

  sheets(): SheetEntry[] {
    const sheets = this.find("sheets");
    return (sheets ? childElements(sheets, "sheet") : []).map((s, index) => {
      const state = s.getAttribute("state");
      return {
        name: s.getAttribute("name") ?? "",
        sheetId: Number(s.getAttribute("sheetId") ?? 0),
        relId: s.getAttributeNS(this.flavour.rel, "id") ?? "",
        state: state === "hidden" || state === "veryHidden" ? state : "visible",
        index,
      };
    });
  }

  addSheet(name: string, relId: string): void {
    const sheets = ensureChild(this.doc, this.root, "sheets", WORKBOOK_ORDER, "workbookPr");
    const el = createLike(this.doc, this.root, "sheet");
    el.setAttribute("name", name);
    el.setAttribute("sheetId", String(Math.max(0, ...this.sheets().map((s) => s.sheetId)) + 1));
    const prefix = this.root.lookupPrefix(this.flavour.rel);
    if (!prefix) this.root.setAttribute("xmlns:r", this.flavour.rel);
    el.setAttributeNS(this.flavour.rel, `${prefix ?? "r"}:id`, relId);
    sheets.appendChild(el);
    this.touched = true;
  }

  /** Hides a sheet (`state="hidden"`): not shown among the tabs, not printed. */
  hideSheet(name: string): void {
    const sheets = this.find("sheets");
    for (const el of sheets ? childElements(sheets, "sheet") : []) {
      if (el.getAttribute("name") !== name) continue;
      el.setAttribute("state", "hidden");
      this.touched = true;
    }
  }

  /** Names of the workbook's defined names (a table may not take one of them). */
  definedNameList(): string[] {
    const names = this.find("definedNames");
    return (names ? childElements(names, "definedName") : []).map((d) => d.getAttribute("name") ?? "");
  }

  private findName(name: string, localSheetId?: number): Element | undefined {
    const names = this.find("definedNames");
    return (names ? childElements(names, "definedName") : []).find(
      (d) => d.getAttribute("name")?.toLowerCase() === name.toLowerCase() && (localSheetId === undefined ? !d.hasAttribute("localSheetId") : d.getAttribute("localSheetId") === String(localSheetId)),
    );
  }

  /** Removes the defined names local to a sheet (its print area and titles), when it is emptied. */
  removeLocalNames(localSheetId: number): void {
    const names = this.find("definedNames");
    for (const el of names ? childElements(names, "definedName") : []) {
      if (el.getAttribute("localSheetId") !== String(localSheetId)) continue;
      names?.removeChild(el);
      this.touched = true;
    }
    if (names && childElements(names, "definedName").length === 0) names.parentNode?.removeChild(names);
  }

  /** Sets a sheet-level defined name (print area, print titles). */
  setDefinedName(name: string, localSheetId: number, text: string): void {
    const names = ensureChild(this.doc, this.root, "definedNames", WORKBOOK_ORDER, "workbookPr");
    let el = this.findName(name, localSheetId);
    if (!el) {
      el = createLike(this.doc, this.root, "definedName");
      el.setAttribute("name", name);
      el.setAttribute("localSheetId", String(localSheetId));
      // Excel keeps defined names sorted; it accepts any order, but keep theirs where they are.
      names.appendChild(el);
    }
    while (el.firstChild) el.removeChild(el.firstChild);
    el.appendChild(this.doc.createTextNode(text));
    this.touched = true;
  }

  /** Asks Excel to recalculate every formula on opening (formulas written without results). */
  requestFullCalculation(): void {
    const calc = ensureChild(this.doc, this.root, "calcPr", WORKBOOK_ORDER, "workbookPr");
    if (calc.getAttribute("fullCalcOnLoad") === "1") return;
    calc.setAttribute("fullCalcOnLoad", "1");
    this.touched = true;
  }
}
