import { nameKey } from "../../../domain/text";
import { addContentType, addRelationship, CONTENT_TYPE, flavourOf, readRelationships, resolveTarget, type Flavour, type Relationship } from "./opc";
import { readSharedStrings } from "./sharedStrings";
import { SheetBody } from "./sheetBody";
import { SheetFrame } from "./sheetFrame";
import { joinSheet, splitSheet, type SheetText } from "./sheetXml";
import { EMPTY_STYLES, StyleSheet } from "./styles";
import { readTable, type TableInfo } from "./tableXml";
import { parseXml, rootOf } from "./xml";
import { WorkbookXml } from "./workbookXml";
import type { ZipPackage } from "./zipPackage";
import type { CellContext } from "./cellXml";

export interface SheetInfo {
  name: string;
  index: number;
  /** The worksheet part, or undefined for chart, dialog and macro sheets (never written). */
  part: string | undefined;
  state: "visible" | "hidden" | "veryHidden";
}

/** A worksheet open for one operation: its rows as text, the rest as a DOM on demand. */
export interface OpenSheet {
  info: SheetInfo;
  text: SheetText;
  body: SheetBody;
  frame(): SheetFrame;
}

export class NotAWorkbookError extends Error {
  constructor(detail: string) {
    super(detail);
    this.name = "NotAWorkbookError";
  }
}

/** The workbook inside a package: where its parts are and what they say, read as needed. */
export class OoxmlBook {
  private sharedStrings: string[] | undefined;
  private styleSheet: StyleSheet | undefined;
  private tableList: (TableInfo & { sheet: string })[] | undefined;

  private constructor(
    readonly pkg: ZipPackage,
    readonly workbookPart: string,
    readonly workbook: WorkbookXml,
    private workbookRels: Relationship[],
  ) {}

  static async open(pkg: ZipPackage): Promise<OoxmlBook> {
    const rootRels = await readRelationships(pkg, "");
    const office = rootRels.find((r) => /\/officeDocument$/.test(r.type) && !r.external);
    const workbookPart = office ? resolveTarget("", office.target) : "xl/workbook.xml";
    const xml = await pkg.text(workbookPart);
    if (xml === undefined) throw new NotAWorkbookError(`no workbook part (${workbookPart})`);
    const root = rootOf(parseXml(xml, workbookPart), workbookPart);
    if (root.localName !== "workbook") throw new NotAWorkbookError(`${workbookPart} is a ${root.localName}, not a workbook`);
    const workbook = new WorkbookXml(xml, workbookPart, flavourOf(root.namespaceURI));
    return new OoxmlBook(pkg, workbookPart, workbook, await readRelationships(pkg, workbookPart));
  }

  get flavour(): Flavour {
    return this.workbook.flavour;
  }

  get date1904(): boolean {
    return this.workbook.date1904;
  }

  sheets(): SheetInfo[] {
    return this.workbook.sheets().map((s) => {
      const rel = this.workbookRels.find((r) => r.id === s.relId);
      const isWorksheet = rel !== undefined && /\/worksheet$/.test(rel.type) && !rel.external;
      return { name: s.name, index: s.index, part: isWorksheet ? resolveTarget(this.workbookPart, rel.target) : undefined, state: s.state };
    });
  }

  sheet(name: string): SheetInfo | undefined {
    const key = nameKey(name);
    return this.sheets().find((s) => nameKey(s.name) === key);
  }

  private partOfType(kind: string): string | undefined {
    const rel = this.workbookRels.find((r) => r.type === this.flavour.relType(kind) || r.type.endsWith(`/${kind}`));
    return rel ? resolveTarget(this.workbookPart, rel.target) : undefined;
  }

  async strings(): Promise<string[]> {
    if (!this.sharedStrings) {
      const part = this.partOfType("sharedStrings");
      this.sharedStrings = readSharedStrings(part ? await this.pkg.text(part) : undefined);
    }
    return this.sharedStrings;
  }

  async styles(): Promise<StyleSheet> {
    if (!this.styleSheet) {
      let part = this.partOfType("styles");
      let xml = part ? await this.pkg.text(part) : undefined;
      if (!part || xml === undefined) {
        part = "xl/styles.xml";
        xml = EMPTY_STYLES.replace(/http:\/\/schemas\.openxmlformats\.org\/spreadsheetml\/2006\/main/, this.flavour.main);
        this.pkg.setText(part, xml);
        await addContentType(this.pkg, part, CONTENT_TYPE.styles);
        await this.addWorkbookRel("styles", part);
      }
      this.styleSheet = new StyleSheet(xml, part);
    }
    return this.styleSheet;
  }

  /** Writes the style sheet back when formats were added. */
  flushStyles(): void {
    const part = this.partOfType("styles");
    if (this.styleSheet?.isChanged && part) this.pkg.setText(part, this.styleSheet.serialize());
  }

  async cellContext(): Promise<CellContext> {
    const styles = await this.styles();
    return { sharedStrings: await this.strings(), isDateStyle: (s) => styles.isDate(s), date1904: this.date1904 };
  }

  private async addWorkbookRel(kind: string, part: string): Promise<string> {
    const id = await addRelationship(this.pkg, this.workbookPart, this.flavour.relType(kind), part);
    this.workbookRels = await readRelationships(this.pkg, this.workbookPart);
    return id;
  }

  async openSheet(info: SheetInfo): Promise<OpenSheet> {
    if (!info.part) throw new Error(`"${info.name}" is not a worksheet`);
    const xml = await this.pkg.text(info.part);
    if (xml === undefined) throw new NotAWorkbookError(`missing part ${info.part}`);
    const text = splitSheet(xml, info.part);
    const body = new SheetBody(text.body, text.prefix);
    let frame: SheetFrame | undefined;
    const rel = this.flavour.rel;
    return { info, text, body, frame: () => (frame ??= new SheetFrame(text.head, text.tail, info.part as string, rel)) };
  }

  /** Puts an edited sheet back into the package. */
  saveSheet(sheet: OpenSheet, head: string, tail: string): void {
    if (!sheet.info.part) return;
    this.pkg.setText(sheet.info.part, joinSheet({ ...sheet.text, head, body: sheet.body.commitPieces(), tail }));
  }

  /** Every table of every worksheet. */
  async tables(): Promise<(TableInfo & { sheet: string })[]> {
    if (this.tableList) return this.tableList;
    const out: (TableInfo & { sheet: string })[] = [];
    for (const s of this.sheets()) {
      if (!s.part) continue;
      for (const rel of await readRelationships(this.pkg, s.part)) {
        if (!/\/table$/.test(rel.type) || rel.external) continue;
        const part = resolveTarget(s.part, rel.target);
        const xml = await this.pkg.text(part);
        const t = xml === undefined ? undefined : readTable(xml, part);
        if (t) out.push({ ...t, sheet: s.name });
      }
    }
    this.tableList = out;
    return out;
  }

  /** Forget what was read of tables (after a write changed them). */
  invalidate(): void {
    this.tableList = undefined;
  }

  /** An empty worksheet's XML. */
  private emptySheetXml(): string {
    return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${this.flavour.main}" xmlns:r="${this.flavour.rel}"><dimension ref="A1"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/><sheetData/><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;
  }

  /** Empties a worksheet where it is (its name, place and tab state kept): its cells, formats and print names go. */
  clearSheet(info: SheetInfo): void {
    if (!info.part) return;
    this.pkg.setText(info.part, this.emptySheetXml());
    this.workbook.removeLocalNames(info.index);
    this.flushWorkbook();
  }

  /** Adds an empty worksheet at the end; returns it. */
  async addSheet(name: string): Promise<SheetInfo> {
    let n = 1;
    while (this.pkg.has(`xl/worksheets/sheet${n}.xml`)) n++;
    const part = `xl/worksheets/sheet${n}.xml`;
    this.pkg.setText(part, this.emptySheetXml());
    await addContentType(this.pkg, part, CONTENT_TYPE.worksheet);
    const relId = await this.addWorkbookRel("worksheet", part);
    this.workbook.addSheet(name, relId);
    this.flushWorkbook();
    return this.sheet(name) as SheetInfo;
  }

  /** Adds a table part to a sheet; returns the part name. */
  async addTablePart(sheet: SheetInfo, xmlOf: (id: number) => string): Promise<{ part: string; relId: string }> {
    const tables = await this.tables();
    let n = 1;
    while (this.pkg.has(`xl/tables/table${n}.xml`)) n++;
    const part = `xl/tables/table${n}.xml`;
    const id = Math.max(0, ...tables.map((t) => t.id)) + 1;
    this.pkg.setText(part, xmlOf(id));
    await addContentType(this.pkg, part, CONTENT_TYPE.table);
    const relId = await addRelationship(this.pkg, sheet.part as string, this.flavour.relType("table"), part);
    this.invalidate();
    return { part, relId };
  }

  /**
   * Adds charts to a sheet this job created: a chart part for each, one drawing part anchoring
   * them, related to the sheet; returns the sheet's relationship to the drawing.
   */
  async addCharts(sheet: SheetInfo, charts: readonly string[], drawingOf: (relIds: readonly string[]) => string): Promise<string> {
    const free = (stem: string) => {
      let n = 1;
      while (this.pkg.has(`${stem}${n}.xml`)) n++;
      return `${stem}${n}.xml`;
    };
    const drawing = free("xl/drawings/drawing");
    const relIds: string[] = [];
    for (const xml of charts) {
      const part = free("xl/charts/chart");
      this.pkg.setText(part, xml);
      await addContentType(this.pkg, part, CONTENT_TYPE.chart);
      relIds.push(await addRelationship(this.pkg, drawing, this.flavour.relType("chart"), part));
    }
    this.pkg.setText(drawing, drawingOf(relIds));
    await addContentType(this.pkg, drawing, CONTENT_TYPE.drawing);
    return addRelationship(this.pkg, sheet.part as string, this.flavour.relType("drawing"), drawing);
  }

  flushWorkbook(): void {
    if (this.workbook.isTouched) this.pkg.setText(this.workbookPart, this.workbook.serialize());
  }
}

