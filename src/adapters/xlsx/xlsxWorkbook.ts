import { complementOf, rangeAddress, sameValue, type CellValue, type Grid, type RangeBox } from "../../domain/grid";
import { MARK_FILL, MARK_FORMULA, type SheetMarks } from "../../domain/rules/marks";
import { nameKey } from "../../domain/text";
import {
  CancelledError,
  GridConflictError,
  TableTotalsRowError,
  type CellUpdate,
  type RangeRequest,
  type SheetLock,
  type ReadOptions,
  type SheetSummary,
  type TableData,
  type TableSummary,
  type WorkbookPort,
  type WorkbookSummary,
} from "../../domain/workbook";
import { OoxmlBook, type OpenSheet, type SheetInfo } from "./ooxml/book";
import { cellXml, valueOfSpan, type CellContext } from "./ooxml/cellXml";
import { emptyPackage } from "./ooxml/emptyPackage";
import { conflictsOf, overlappingTables, saveWritten, storedNumber, writeGrid } from "./ooxml/gridWriter";
import { emptyIntent, verifyRewrite } from "./ooxml/verify";
import { relsPartOf } from "./ooxml/opc";
import { readBox, usedRangeOf } from "./ooxml/reader";
import { rawCell, SheetFormatError } from "./ooxml/sheetXml";
import { XmlPartError } from "./ooxml/xml";
import { PackageLimitError } from "./ooxml/limits";
import { WorkbookFileError } from "./errors";
import { bodyBox } from "./ooxml/tableXml";
import { StreamingBoxReader, StreamingUsedRange } from "./ooxml/streamRows";
import { ZipPackage, type InflateRaw, type ZipCodecs } from "./ooxml/zipPackage";

export { GridConflictError };

/** A grid the adapter cannot write whatever the cells hold (a table name taken, a sheet missing). */
export class GridRefusedError extends Error {
  constructor(
    readonly sheet: string,
    readonly reason: "no-sheet" | "not-a-worksheet" | "table-exists" | "name-taken" | "table-overlap" | "not-replaceable" | "password-protected",
    readonly detail: string,
  ) {
    super(`${sheet}: ${reason} ${detail}`);
    this.name = "GridRefusedError";
  }
}

/** Whose workbook this is, for a new one: the sample marks itself with a subject. */
export interface NewWorkbookProperties {
  subject?: string;
}

const MARKERS = new Set(Object.values(MARK_FORMULA));

/**
 * The port on an .xlsx package (command line, tests, browser preview). It edits the package in
 * place: parts it does not change keep their bytes, the parts it changes keep every element it
 * does not own, and values cross the port as the core expects them (dates as 1900-system serials).
 */
export class XlsxWorkbook implements WorkbookPort {
  private readonly openSheets = new Map<string, { xml: string; sheet: OpenSheet }>();
  /** Used ranges found while a sheet was streamed for its tables, by part, until the part is written. */
  private readonly usedRanges = new Map<string, RangeBox | null>();

  /** What the writes so far meant to change, for the verification before a file is replaced. */
  private readonly intent = emptyIntent(Object.values(MARK_FORMULA));

  private constructor(
    readonly book: OoxmlBook,
    /** The file as it was read; undefined for a new workbook. */
    private readonly original?: Uint8Array,
    /** The decoder the file was read with, for reading it again to verify a write. */
    private readonly inflateRaw?: InflateRaw,
  ) {}

  /** Opens a workbook's bytes; `inflateRaw` (Node's zlib) reads big parts faster where there is one. */
  static async fromBuffer(data: ArrayBuffer | Uint8Array, options: ZipCodecs = {}): Promise<XlsxWorkbook> {
    const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
    return new XlsxWorkbook(await OoxmlBook.open(await ZipPackage.load(bytes, options)), bytes, options.inflateRaw);
  }

  /**
   * Opens the bytes of a file the user chose, refusing what is not an .xlsx workbook with the
   * problem named for the user (`WorkbookFileError`): an empty file, an Excel 97-2003 or
   * password-protected file, a file that is no zip package (a .csv renamed), a damaged part.
   */
  static async open(data: ArrayBuffer | Uint8Array, file: string, options: ZipCodecs = {}): Promise<XlsxWorkbook> {
    const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
    if (bytes.length === 0) throw new WorkbookFileError("not-a-workbook", file, "tệp rỗng");
    // An OLE compound file: an Excel 97-2003 .xls, or an .xlsx encrypted with a password to open.
    if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) throw new WorkbookFileError("legacy-or-encrypted", file);
    try {
      return await XlsxWorkbook.fromBuffer(bytes, options);
    } catch (e) {
      if (e instanceof PackageLimitError) throw new WorkbookFileError("oversized", file, e.message, { cause: e });
      if (e instanceof XmlPartError || e instanceof SheetFormatError) throw new WorkbookFileError("damaged-part", file, e.part, { cause: e });
      throw new WorkbookFileError("not-a-workbook", file, "", { cause: e });
    }
  }

  static async empty(properties: NewWorkbookProperties = {}): Promise<XlsxWorkbook> {
    const created = new Date().toISOString().replace(/\.\d+Z$/, "Z");
    const pkg = emptyPackage({ creator: "Sổ theo dõi phong trào", created, ...(properties.subject ? { subject: properties.subject } : {}) });
    return new XlsxWorkbook(await OoxmlBook.open(pkg));
  }

  get pkg(): ZipPackage {
    return this.book.pkg;
  }

  /** The document's subject (core properties), which marks the sample workbook. */
  async subject(): Promise<string | undefined> {
    const xml = await this.pkg.text("docProps/core.xml");
    const m = xml ? /<(?:[\w.-]+:)?subject>([^<]*)<\/(?:[\w.-]+:)?subject>/.exec(xml) : null;
    return m ? (m[1] as string).replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&") : undefined;
  }

  /** The workbook as an .xlsx file. A workbook needs one sheet: an empty one is refused. */
  async toBuffer(): Promise<Uint8Array> {
    if (this.book.sheets().length === 0) throw new Error("A workbook without sheets cannot be written");
    return this.pkg.toBytes();
  }

  /**
   * The workbook as an .xlsx file, proven to differ from the file it was read from only where the
   * writes meant to change it (see `verifyRewrite`). Throws `VerificationError` otherwise.
   */
  async toVerifiedBuffer(): Promise<Uint8Array> {
    const bytes = await this.toBuffer();
    if (!this.original) return bytes;
    const worksheets = new Set(this.book.sheets().flatMap((s) => (s.part ? [s.part] : [])));
    const intent = { ...this.intent, parts: new Set(this.pkg.changedParts()) };
    const known = { before: (part: string) => this.pkg.originalText(part), after: (part: string) => this.pkg.writtenText(part) };
    await verifyRewrite(this.original, bytes, intent, (part) => worksheets.has(part), this.inflateRaw, known);
    return bytes;
  }

  /** Whether anything was written since the file was read. */
  get isChanged(): boolean {
    return this.pkg.changedParts().length > 0 || this.pkg.addedParts().length > 0;
  }

  /** Puts a written sheet back into the package and records what it meant to change. */
  private commit(sheet: OpenSheet): void {
    const part = sheet.info.part as string;
    this.usedRanges.delete(part);
    saveWritten(this.book, sheet);
    // A sheet this workbook did not have is the writer's own whole: only one that was there needs its cells proven.
    if (this.pkg.addedParts().includes(part)) return;
    let cells = this.intent.cells.get(part);
    if (!cells) this.intent.cells.set(part, (cells = new Map<string, string>()));
    for (const [ref, xml] of sheet.body.written()) cells.set(ref, xml);
    let rows = this.intent.rows.get(part);
    if (!rows) this.intent.rows.set(part, (rows = new Set<number>()));
    for (const r of sheet.body.touchedRows()) rows.add(r);
  }

  private async open(info: SheetInfo): Promise<OpenSheet | undefined> {
    if (!info.part) return undefined;
    const xml = await this.pkg.text(info.part);
    const cached = this.openSheets.get(info.part);
    if (cached && cached.xml === xml) return cached.sheet;
    const sheet = await this.book.openSheet(info);
    this.openSheets.set(info.part, { xml: xml ?? "", sheet });
    return sheet;
  }

  /** A sheet opened afresh for writing (its cached reading is dropped). */
  private async openForWrite(info: SheetInfo): Promise<OpenSheet> {
    if (info.part) this.openSheets.delete(info.part);
    return this.book.openSheet(info);
  }

  private async context(): Promise<CellContext> {
    return this.book.cellContext();
  }

  private async tableSummaries(): Promise<TableSummary[]> {
    return (await this.book.tables()).map((t) => {
      const box = bodyBox(t);
      return {
        name: t.name,
        sheet: t.sheet,
        // Without a header row the table's range starts a row above its body, as in the Office adapter.
        range: t.headerRows === 0 ? { ...box, top: box.top - 1 } : box,
        // A table without a header row has no header cells to find columns by: it is not one of ours.
        headers: t.headerRows === 0 ? [] : t.headers,
      };
    });
  }

  async summarize(): Promise<WorkbookSummary> {
    const tables = await this.tableSummaries();
    const ctx = await this.context();
    const sheets: SheetSummary[] = [];
    for (const info of this.book.sheets()) {
      // A chart, dialog or macro sheet is someone else's whatever its name: it counts as used.
      const usedRange = info.part ? await this.usedRange(info, ctx) : { top: 0, left: 0, bottom: 0, right: 0 };
      sheets.push({ name: info.name, usedRange, tables: tables.filter((t) => t.sheet === info.name) });
    }
    return { sheets };
  }

  async readRanges(requests: readonly RangeRequest[]): Promise<CellValue[][][]> {
    const ctx = await this.context();
    const out: CellValue[][][] = [];
    for (const r of requests) {
      const info = this.book.sheet(r.sheet);
      out.push(readBox(info ? await this.open(info) : undefined, r.range, ctx));
    }
    return out;
  }

  async readTables(names: readonly string[], options?: ReadOptions): Promise<Map<string, TableData>> {
    const wanted = new Set(names.map(nameKey));
    const tables = (await this.tableSummaries()).filter((t) => wanted.has(nameKey(t.name)));
    const total = tables.reduce((n, t) => n + Math.max(0, t.range.bottom - t.range.top), 0);
    const ctx = await this.context();
    const out = new Map<string, TableData>();
    let done = 0;
    // One pass over each sheet for all its tables.
    for (const sheetName of [...new Set(tables.map((t) => t.sheet))]) {
      if (options?.signal?.aborted) throw new CancelledError();
      const mine = tables.filter((t) => t.sheet === sheetName);
      const bodies = mine.map((t) => ({ ...t.range, top: t.range.top + 1 }));
      const info = this.book.sheet(sheetName);
      const values = info ? await this.readBoxes(info, bodies, ctx) : bodies.map(() => []);
      mine.forEach((t, i) => {
        const rows = (bodies[i] as RangeBox).bottom >= (bodies[i] as RangeBox).top ? (values[i] ?? []) : [];
        out.set(t.name, { ...t, rows });
        done += rows.length;
      });
      options?.onProgress?.(done, total);
    }
    if (options?.signal?.aborted) throw new CancelledError();
    if (tables.length === 0) options?.onProgress?.(0, 0);
    return out;
  }

  /** A sheet's used range: streamed from the file when the sheet is as read, else from its text. */
  private async usedRange(info: SheetInfo, ctx: CellContext): Promise<RangeBox | null> {
    if (info.part && this.usedRanges.has(info.part) && !this.pkg.changedParts().includes(info.part)) return this.usedRanges.get(info.part) ?? null;
    if (info.part && !this.openSheets.has(info.part)) {
      const reader = new StreamingUsedRange(ctx, info.part);
      if (await this.pkg.streamText(info.part, (text) => reader.push(text))) return reader.finish();
    }
    const sheet = await this.open(info);
    return sheet ? usedRangeOf(sheet, ctx) : null;
  }

  /** Boxes of one sheet: streamed from the file when the sheet is as read, else from its text. */
  private async readBoxes(info: SheetInfo, boxes: readonly RangeBox[], ctx: CellContext): Promise<CellValue[][][]> {
    if (info.part && !this.openSheets.has(info.part)) {
      const reader = new StreamingBoxReader(boxes, ctx, info.part);
      if (await this.pkg.streamText(info.part, (text) => reader.push(text))) {
        const values = reader.finish();
        this.usedRanges.set(info.part, reader.usedRange());
        return values;
      }
    }
    const sheet = await this.open(info);
    return boxes.map((b) => readBox(sheet, b, ctx));
  }

  /** Checks every grid first, so a refused batch leaves the workbook untouched. */
  async applyGrids(grids: readonly Grid[]): Promise<void> {
    const ctx = await this.context();
    const tables = await this.book.tables();
    const names = new Set(tables.map((t) => nameKey(t.name)));
    // Table names share one namespace with defined names: a clash makes Excel repair the file.
    const definedNames = new Set(this.book.workbook.definedNameList().map(nameKey));
    for (const g of grids) {
      const info = this.book.sheet(g.sheet);
      if (!info && !g.createSheet) throw new GridRefusedError(g.sheet, "no-sheet", "");
      if (info && !info.part) throw new GridRefusedError(g.sheet, "not-a-worksheet", "");
      for (const t of g.tables ?? []) {
        if (names.has(nameKey(t.name))) throw new GridRefusedError(g.sheet, "table-exists", t.name);
        if (definedNames.has(nameKey(t.name))) throw new GridRefusedError(g.sheet, "name-taken", t.name);
        const overlap = overlappingTables(tables.map((x) => ({ name: x.name, sheet: x.sheet, ref: x.ref })), g.sheet, t.range);
        if (overlap.length > 0) throw new GridRefusedError(g.sheet, "table-overlap", overlap.join(", "));
      }
      // New rows of a table that shows a totals row would land on it: a user's totals row is never moved.
      for (const ch of g.tableChanges ?? []) {
        const t = tables.find((x) => nameKey(x.name) === nameKey(ch.name));
        if (t && t.totalsRows > 0 && ch.bottom !== undefined && ch.bottom > bodyBox(t).bottom) throw new TableTotalsRowError(t.name, g.sheet);
      }
      // A sheet replaced whole holds only cells: anything related to it (a table, a drawing, a note) would be
      // left dangling. The printer settings Excel keeps once a sheet is printed are the exception: unused, harmless.
      if (info?.part && g.replaceSheet) {
        const rels = (await this.pkg.text(relsPartOf(info.part))) ?? "";
        const types = [...rels.matchAll(/\bType="([^"]*)"/g)].map((m) => m[1] as string);
        if (types.some((t) => !t.endsWith("/printerSettings"))) throw new GridRefusedError(g.sheet, "not-replaceable", "");
        continue;
      }
      const sheet = info ? await this.open(info) : undefined;
      if (!sheet) continue;
      const conflicts = conflictsOf(sheet, g, ctx);
      if (conflicts.length > 0) throw new GridConflictError(g.sheet, conflicts);
    }
    const styles = await this.book.styles();
    const created = new Set(grids.filter((g) => !this.book.sheet(g.sheet) || g.replaceSheet).map((g) => g.sheet));
    for (const g of grids) {
      const there = this.book.sheet(g.sheet);
      if (there?.part && g.replaceSheet) {
        this.book.clearSheet(there);
        this.openSheets.delete(there.part);
        this.intent.replaced.set(there.part, there.index);
      }
      const info = there ?? (await this.book.addSheet(g.sheet));
      const sheet = await this.openForWrite(info);
      await writeGrid(this.book, sheet, g, styles, ctx, created.has(g.sheet));
      this.commit(sheet);
      if (g.hidden && created.has(g.sheet)) this.book.workbook.hideSheet(info.name);
      this.book.flushWorkbook();
    }
    this.book.flushStyles();
  }

  async updateCells(updates: readonly CellUpdate[]): Promise<{ applied: number; skipped: CellUpdate[] }> {
    const ctx = await this.context();
    const styles = await this.book.styles();
    const toStored = storedNumber(this.book, styles);
    const skipped: CellUpdate[] = [];
    let applied = 0;
    const bySheet = new Map<string, CellUpdate[]>();
    // Each sheet looked up once, not once per cell (a fix writes tens of thousands).
    const infos = new Map<string, SheetInfo | undefined>();
    for (const u of updates) {
      if (!infos.has(u.sheet)) infos.set(u.sheet, this.book.sheet(u.sheet));
      const info = infos.get(u.sheet);
      if (!info?.part) {
        skipped.push(u);
        continue;
      }
      const list = bySheet.get(info.name) ?? [];
      list.push(u);
      bySheet.set(info.name, list);
    }
    for (const [name, list] of bySheet) {
      const sheet = await this.openForWrite(this.book.sheet(name) as SheetInfo);
      for (const u of list) {
        const span = sheet.body.cell(u.row, u.col);
        const current = span ? valueOfSpan(span, ctx, sheet.body.prefix) : null;
        if (!sameValue(current, u.expected)) {
          skipped.push(u);
          continue;
        }
        const raw = span ? rawCell(span, sheet.body.prefix) : undefined;
        let s = raw?.s ?? sheet.body.rowStyle(u.row) ?? sheet.frame().columnStyle(u.col) ?? 0;
        if (u.numFmt && !styles.hasOwnFormat(s)) s = styles.withNumFmt(s, u.numFmt);
        const xml = cellXml({ row: u.row, col: u.col, value: u.value, s }, sheet.body.prefix, raw, toStored);
        sheet.body.edit(u.row, u.col, xml);
        applied++;
      }
      this.commit(sheet);
    }
    this.book.flushStyles();
    return { applied, skipped };
  }

  private async replaceMarks(marks: readonly SheetMarks[]): Promise<void> {
    const styles = await this.book.styles();
    for (const info of this.book.sheets()) {
      if (!info.part) continue;
      const mine = marks.filter((m) => nameKey(m.sheet) === nameKey(info.name));
      const current = await this.pkg.text(info.part);
      // Only a sheet with conditional formats can hold highlights to clear.
      if (mine.length === 0 && !(current ?? "").includes("conditionalFormatting")) continue;
      const sheet = await this.openForWrite(info);
      const frame = sheet.frame();
      if (frame.removeConditionalFormats(MARKERS) > 0) this.intent.marksRemoved = true;
      let priority = frame.maxPriority();
      for (const m of mine) {
        const look = MARK_FILL[m.severity];
        frame.addConditionalFormat(m.ranges, MARK_FORMULA[m.severity], styles.dxf(look.fill, look.color), ++priority);
      }
      if (frame.isTouched) this.commit(sheet);
    }
    this.book.flushStyles();
  }

  markIssues(marks: readonly SheetMarks[]): Promise<void> {
    return this.replaceMarks(marks);
  }

  clearMarks(): Promise<void> {
    return this.replaceMarks([]);
  }

  /**
   * Locks the given cells of each sheet, the rest left editable: the sheet protected without a
   * password, and one range anyone may edit covering every other cell (Allow Edit Ranges: no
   * cell's style is touched). Every sheet is checked before any is changed.
   */
  async lockCells(locks: readonly SheetLock[]): Promise<void> {
    const todo: { info: SheetInfo; lock: SheetLock }[] = [];
    for (const lock of locks) {
      const info = this.book.sheet(lock.sheet);
      if (!info) throw new GridRefusedError(lock.sheet, "no-sheet", "");
      if (!info.part) throw new GridRefusedError(lock.sheet, "not-a-worksheet", "");
      const sheet = await this.open(info);
      const now = sheet?.frame().protection() ?? "none";
      if (now === "password") throw new GridRefusedError(lock.sheet, "password-protected", "");
      if (lock.onlyIfProtected && now === "none") continue;
      if (lock.locked === null && now === "none") continue;
      todo.push({ info, lock });
    }
    for (const { info, lock } of todo) {
      const sheet = await this.openForWrite(info);
      sheet.frame().lockAllBut(lock.locked === null ? null : complementOf(lock.locked).map(rangeAddress).join(" "));
      this.intent.reprotected.add(info.part as string);
      this.commit(sheet);
    }
  }

  /** The last cell shown with `select`: a file has no cursor, the preview pane shows this one. */
  selected: { sheet: string; cell: string } | undefined;

  select(sheet: string, cell: string): Promise<void> {
    this.selected = { sheet, cell };
    return Promise.resolve();
  }
}
