import { columnRuns, isEmptyValue, parseRangeAddress, rangeAddress, sameValue, type CellValue, type Grid, type RangeBox } from "../../domain/grid";
import { MARK_FILL, MARK_FORMULA, type SheetMarks } from "../../domain/rules/marks";
import { nameKey } from "../../domain/text";
import { t } from "../../i18n";
import { sheetList } from "../../i18n/errors";
import { CancelledError, GridConflictError, monthFirst, TableTotalsRowError, type CellUpdate, type HostNote, type RangeRequest, type ReadOptions, type SheetLock, type SheetSummary, type TableData, type TableSummary, type WorkbookPort, type WorkbookSummary } from "../../domain/workbook";
import { CALL_BYTES, queueTablesAndFormats, queueValues, WriteBudget } from "./officeRender";
import { BYTES_PER_CELL_READ, formulaKey, longFormula, officeCellValue, officeInput, PAYLOAD_BUDGET, rowsPerChunk } from "./officeValues";
import { CULTURE_DATES, PAGE_LAYOUT, RANGE_AREAS, TABLE_EVENTS, TABLE_RESIZE, type Requirements } from "./requirements";

/** `Excel.run` as the adapter needs it: one batch, one context. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;


/** `'Danh mục'!A1:B12` → its box. */
function boxOf(address: string): RangeBox | undefined {
  return parseRangeAddress(address.slice(address.lastIndexOf("!") + 1));
}

/**
 * Rows hidden (by a filter or by hand) lie where a block of values would be written: Excel may
 * put the values in the wrong cells (office-js issue 224). Refused before anything is written.
 */
export class HiddenRowsError extends Error {
  constructor(
    readonly sheet: string,
    readonly range: string,
  ) {
    super(t("office-hidden-rows", { sheet, range }));
    this.name = "HiddenRowsError";
  }
}

/** This Excel cannot grow a table without moving the user's cells beside or below it. */
export class TableGrowthError extends Error {
  constructor(
    readonly table: string,
    readonly cells: string,
  ) {
    super(t("office-table-growth", { table, cells }));
    this.name = "TableGrowthError";
  }
}

/** A sheet cannot be changed (protected): refused before anything is written. */
export class WorkbookLockedError extends Error {
  constructor(readonly sheet: string) {
    super(t("office-sheet-protected", { sheet }));
    this.name = "WorkbookLockedError";
  }
}

/**
 * Queues what decides whether sheets may be written (protected sheets); after the next sync, the
 * returned check throws `WorkbookLockedError` before any write. A workbook opened read-only is
 * not refused: Excel desktop lets it be changed and saved under another name (office-js issue
 * 5148); the pane says so when it opens (`hostNotes`), and a refusal Excel gives is explained.
 */
function queueWritableCheck(ctx: Excel.RequestContext, sheets: readonly Excel.Worksheet[], names: readonly string[]): (only?: ReadonlySet<string>) => ReadonlySet<string> {
  const protections = sheets.map((ws, i) => ({ name: names[i] as string, p: ws.protection.load("protected") }));
  return (only) => {
    for (const { name, p } of protections) if (p.protected && (!only || only.has(nameKey(name)))) throw new WorkbookLockedError(name);
    return new Set(protections.filter(({ p }) => p.protected).map(({ name }) => nameKey(name)));
  };
}

/** The workbook counts dates from 1904 (Excel's "Use 1904 date system"): its dates would read four years early. */
export class DateSystem1904Error extends Error {
  constructor() {
    super(t("office-date1904"));
    this.name = "DateSystem1904Error";
  }
}

/**
 * Queues the workbook's date system, read without writing: DATE(1904,1,1) is 0 in the 1904 system
 * and 1,462 in the 1900 one (Office.js has no property for it). The returned check, called after
 * the sync, refuses a 1904 workbook: the adapter reads and writes dates as 1900-system serials.
 */
function queueDateSystemCheck(ctx: Excel.RequestContext): () => void {
  const first = ctx.workbook.functions.date(1904, 1, 1).load("value");
  return () => {
    if (first.value === 0) throw new DateSystem1904Error();
  };
}

/** A cell to show lies on a hidden sheet. */
export class HiddenSheetError extends Error {
  constructor(
    readonly sheet: string,
    readonly cell: string,
  ) {
    super(t("office-hidden-sheet", { sheet, cell }));
    this.name = "HiddenSheetError";
  }
}

/** Excel would not add a sheet: another workbook's window was brought to the front meanwhile. */
export class WorkbookSwitchedError extends Error {
  constructor(readonly sheets: readonly string[]) {
    super(t("office-workbook-switched", { sheets: sheetList(sheets) }));
    this.name = "WorkbookSwitchedError";
  }
}

/** The workbook's structure is protected (Review > Protect Workbook): Excel would not add a sheet. Found before anything is written. */
export class StructureProtectedError extends Error {
  constructor(readonly sheets: readonly string[]) {
    super(t("office-structure-protected", { sheets: sheetList(sheets) }));
    this.name = "StructureProtectedError";
  }
}

/**
 * Adds the new sheets in a sync of their own, before any cell is written: Excel fails adding a
 * sheet while the user has another workbook in front (office-js issues 771 and 6365), and then
 * nothing else of the job must have landed.
 */
/**
 * Empties a sheet where it is: merges undone, contents and formats cleared (Range.clear, ExcelApi
 * 1.1: "Contents" and "Formats", not "All", which would take the notes a user left too), its
 * manual page breaks removed (ExcelApi 1.9, where page layout is written at all).
 */
function emptySheet(ws: Excel.Worksheet, requirements: Requirements): void {
  const all = ws.getRange();
  all.unmerge();
  all.clear("Contents");
  all.clear("Formats");
  if (requirements.isSetSupported(PAGE_LAYOUT.name, PAGE_LAYOUT.version)) ws.horizontalPageBreaks.removePageBreaks();
}

async function addSheets(ctx: Excel.RequestContext, names: readonly string[]): Promise<Map<string, Excel.Worksheet>> {
  const added = new Map(names.map((n) => [n, ctx.workbook.worksheets.add(n)] as const));
  if (names.length === 0) return added;
  try {
    await ctx.sync();
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    if (code === "GeneralException" || code === "InvalidSelection") throw new WorkbookSwitchedError(names);
    throw e;
  }
  return added;
}

/**
 * A table's header row and body (the port's range): without its totals row; a table whose header
 * row is hidden has none on the sheet, so its range starts a row above its body.
 */
function tableBox(t: Excel.Table, address: string): RangeBox | undefined {
  const box = boxOf(address);
  if (!box) return undefined;
  const withoutTotals = t.showTotals ? { ...box, bottom: box.bottom - 1 } : box;
  return t.showHeaders ? withoutTotals : { ...withoutTotals, top: withoutTotals.top - 1 };
}

/** Header texts of a table; none when its header row is hidden (as the .xlsx adapter reads such a table). */
function headerNames(header: Excel.Range | undefined): string[] {
  return header ? (header.values[0] ?? []).map(String) : [];
}

/**
 * Ranges in one highlight rule: each address well under what `getRanges` takes (about 500 areas
 * or 8,200 characters, office-js 5198 and 4263), counted both ways.
 */
const AREAS_PER_RULE = 400;
const ADDRESS_CHARS = 7_000;

/** Ranges grouped for `getRanges`: at most `AREAS_PER_RULE` areas and `ADDRESS_CHARS` characters each. */
function areaGroups(ranges: readonly RangeBox[]): RangeBox[][] {
  const out: RangeBox[][] = [];
  let group: RangeBox[] = [];
  let chars = 0;
  for (const r of ranges) {
    const length = rangeAddress(r).length + 2;
    if (group.length > 0 && (group.length >= AREAS_PER_RULE || chars + length > ADDRESS_CHARS)) {
      out.push(group);
      group = [];
      chars = 0;
    }
    group.push(r);
    chars += length;
  }
  if (group.length > 0) out.push(group);
  return out;
}


/** A structured reference: `tblX[…]`. */
const STRUCTURED_REFERENCE = /\btbl[A-Za-z0-9_]+\[/;

/** Cell updates per request: with a load and a write of each (four calls) it stays near 1.5 MB. */
const UPDATE_SLICE = 2_000;

/** A table's box once grown by its change: headers added at the right, rows down to `bottom`. */
function grown(box: RangeBox, ch: { addHeaders: readonly string[]; bottom?: number }): RangeBox {
  return { ...box, right: box.right + ch.addHeaders.length, bottom: Math.max(box.bottom, ch.bottom ?? box.bottom) };
}

type Loaded = { values: unknown[][]; valueTypes: string[][]; formulas?: unknown[][] };

/** Cells of a loaded range; `formulas` given when they were read apart (only where cells hold them). */
function cellsOf(r: Loaded, formulas?: { grid: unknown[][] | undefined }): CellValue[][] {
  const f = formulas ? formulas.grid : r.formulas;
  return r.values.map((row, i) => row.map((v, j) => officeCellValue(v, r.valueTypes[i]?.[j], f?.[i]?.[j])));
}

/** The formulas of a chunk laid out as its cells, from the areas that hold formulas (the rest empty). */
function formulaGrid(box: RangeBox, areas: readonly Excel.Range[]): unknown[][] {
  const grid: unknown[][] = Array.from({ length: box.bottom - box.top + 1 }, () => new Array<unknown>(box.right - box.left + 1).fill(undefined));
  for (const a of areas) {
    const at = boxOf(a.address);
    if (!at) continue;
    a.formulas.forEach((row, i) => row.forEach((f, j) => {
      const line = grid[at.top - box.top + i];
      if (line && at.left - box.left + j >= 0) line[at.left - box.left + j] = f;
    }));
  }
  return grid;
}

/**
 * Loads boxes of sheets as row chunks grouped into batches under the response budget: one sync
 * per batch, so the sync count grows with the bytes read, never with the number of boxes.
 */
async function readBoxes(ctx: Excel.RequestContext, items: readonly { ws: Excel.Worksheet; box: RangeBox }[], options?: ReadOptions, requirements?: Requirements): Promise<CellValue[][][]> {
  // Where Excel lists the cells that hold formulas (ExcelApi 1.9), formulas are read only there.
  const specialCells = requirements?.isSetSupported(RANGE_AREAS.name, RANGE_AREAS.version) === true;
  type Chunk = { item: number; ws: Excel.Worksheet; box: RangeBox; bytes: number; values?: CellValue[][] };
  const chunks: Chunk[] = [];
  items.forEach(({ ws, box }, item) => {
    const cols = box.right - box.left + 1;
    const per = rowsPerChunk(cols);
    for (let top = box.top; top <= box.bottom; top += per) {
      const bottom = Math.min(box.bottom, top + per - 1);
      chunks.push({ item, ws, box: { ...box, top, bottom }, bytes: (bottom - top + 1) * cols * BYTES_PER_CELL_READ });
    }
  });
  const total = chunks.reduce((n, c) => n + c.box.bottom - c.box.top + 1, 0);
  let read = 0;
  if (options?.signal?.aborted) throw new CancelledError();
  // Batches under the response budget; a batch Excel still finds too big (long text weighs more
  // than the estimate) is read again in halves. Between batches the pane shows progress and may
  // stop the read: nothing has been written.
  const queue = [...chunks];
  while (queue.length > 0) {
    const batch: Chunk[] = [];
    let bytes = 0;
    while (queue.length > 0 && (batch.length === 0 || bytes + (queue[0] as Chunk).bytes <= PAYLOAD_BUDGET)) {
      const c = queue.shift() as Chunk;
      batch.push(c);
      bytes += c.bytes;
    }
    // Where ExcelApi 1.9 lists the cells that hold formulas, formulas are read only there: text
    // is not sent twice (as value and as formula), which halves a text-heavy response.
    const ranges = batch.map((c) => c.ws.getRange(rangeAddress(c.box)));
    const special: (Excel.RangeAreas | undefined)[] = [];
    for (const r of ranges) {
      r.load(specialCells ? "values, valueTypes" : "values, valueTypes, formulas");
      special.push(specialCells ? r.getSpecialCellsOrNullObject("Formulas").load("areaCount") : undefined);
    }
    const areas: (Excel.RangeCollection | undefined)[] = [];
    try {
      await ctx.sync();
      for (let i = 0; i < batch.length; i++) {
        const f = special[i];
        // The areas themselves, not their address handed back to getRanges: Excel refuses an address
        // of more than about 500 areas or 8,200 characters (office-js 5198, 4263), and a sheet's
        // name may hold a comma, the address's own separator.
        areas.push(f && !f.isNullObject ? f.areas.load("items/address, items/formulas") : undefined);
      }
      if (areas.some((a) => a !== undefined)) await ctx.sync();
    } catch (e) {
      if (!isPayloadError(e) || batch.every((c) => c.box.top === c.box.bottom)) throw e;
      queue.unshift(...batch.flatMap(halves));
      continue;
    }
    batch.forEach((c, i) => {
      const r = ranges[i] as Excel.Range;
      const a = areas[i];
      c.values = specialCells ? cellsOf(r, { grid: a ? formulaGrid(c.box, a.items) : undefined }) : cellsOf(r);
    });
    read += batch.reduce((n, c) => n + c.box.bottom - c.box.top + 1, 0);
    options?.onProgress?.(read, total);
    if (options?.signal?.aborted) throw new CancelledError();
  }
  const out: CellValue[][][] = items.map(() => []);
  for (const c of chunks.flatMap(leaves)) out[c.item]?.push(...(c.values ?? []));
  return out;

  /**
   * A chunk cut in two by rows. Each half keeps the whole chunk's estimate: the rows proved
   * twice as heavy as estimated, so each half goes in a batch of its own.
   */
  function halves(c: Chunk): Chunk[] {
    if (c.box.top === c.box.bottom) return [c];
    const mid = Math.floor((c.box.top + c.box.bottom) / 2);
    const parts = [
      { ...c, box: { ...c.box, bottom: mid } },
      { ...c, box: { ...c.box, top: mid + 1 } },
    ];
    (c as Chunk & { parts?: Chunk[] }).parts = parts;
    return parts;
  }

  /** The chunks that were read, in order: a halved chunk stands for its halves. */
  function leaves(c: Chunk): Chunk[] {
    const parts = (c as Chunk & { parts?: Chunk[] }).parts;
    return parts ? parts.flatMap(leaves) : [c];
  }
}

/** Excel on the web's refusal of a request or a response over 5 MB. */
function isPayloadError(e: unknown): boolean {
  const code = (e as { code?: unknown } | undefined)?.code;
  return code === "RequestPayloadSizeLimitExceeded" || code === "ResponsePayloadSizeLimitExceeded";
}

/**
 * The port inside Excel, through Office.js. Each operation is one `Excel.run` with a fixed
 * number of `context.sync()` calls whatever the row count (reads add one per 4 MB chunk).
 */
export class OfficeWorkbook implements WorkbookPort {
  constructor(
    private readonly run: ExcelRun,
    private readonly requirements: Requirements,
  ) {}

  /** One handler on every table of the workbook (`TableCollection.onChanged`, ExcelApi 1.7); it stays after the run. */
  async watchChanges(onChange: () => void): Promise<(() => Promise<void>) | undefined> {
    if (!this.requirements.isSetSupported(TABLE_EVENTS.name, TABLE_EVENTS.version)) return undefined;
    return this.run(async (ctx) => {
      const handler = ctx.workbook.tables.onChanged.add(() => {
        onChange();
        return Promise.resolve();
      });
      await ctx.sync();
      return async () => {
        handler.remove();
        await handler.context.sync();
      };
    });
  }

  /** Read-only (Workbook.readOnly, 1.1) and the computer's short-date order (ExcelApi 1.12, where present). */
  hostNotes(): Promise<HostNote[]> {
    return this.run(async (ctx) => {
      const dates = this.requirements.isSetSupported(CULTURE_DATES.name, CULTURE_DATES.version);
      const book = ctx.workbook.load("readOnly");
      const format = dates ? ctx.workbook.application.cultureInfo.datetimeFormat.load("shortDatePattern") : undefined;
      await ctx.sync();
      const notes: HostNote[] = [];
      if (book.readOnly) notes.push({ kind: "read-only" });
      if (format && monthFirst(format.shortDatePattern)) notes.push({ kind: "month-first-dates", pattern: format.shortDatePattern });
      return notes;
    });
  }

  summarize(): Promise<WorkbookSummary> {
    return this.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets.load("items/name");
      const tables = ctx.workbook.tables.load("items/name, items/showTotals, items/showHeaders");
      await ctx.sync();
      const used = sheets.items.map((ws) => ws.getUsedRangeOrNullObject(true).load("address"));
      const info = tables.items.map((t) => ({ t, ws: t.worksheet.load("name"), range: t.getRange().load("address"), header: t.showHeaders ? t.getHeaderRowRange().load("values") : undefined }));
      await ctx.sync();
      const summaries: TableSummary[] = info.flatMap(({ t, ws, range, header }) => {
        const box = tableBox(t, range.address);
        return box ? [{ name: t.name, sheet: ws.name, range: box, headers: headerNames(header) }] : [];
      });
      const out: SheetSummary[] = sheets.items.map((ws, i) => {
        const u = used[i] as Excel.Range;
        return { name: ws.name, usedRange: u.isNullObject ? null : (boxOf(u.address) ?? null), tables: summaries.filter((s) => s.sheet === ws.name) };
      });
      return { sheets: out };
    });
  }

  readRanges(requests: readonly RangeRequest[]): Promise<CellValue[][][]> {
    return this.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets.load("items/name");
      await ctx.sync();
      const present = requests.map((r) => sheets.items.find((w) => nameKey(w.name) === nameKey(r.sheet)));
      const read = await readBoxes(ctx, requests.flatMap((r, i) => (present[i] ? [{ ws: present[i], box: r.range }] : [])), undefined, this.requirements);
      let k = 0;
      return requests.map((r, i) => (present[i] ? (read[k++] ?? []) : Array.from({ length: r.range.bottom - r.range.top + 1 }, () => Array.from({ length: r.range.right - r.range.left + 1 }, (): CellValue => null))));
    });
  }

  readTables(names: readonly string[], options?: ReadOptions): Promise<Map<string, TableData>> {
    return this.run(async (ctx) => {
      // Null-ness first: a missing table's range or sheet must not be asked for.
      const candidates = names.map((name) => ctx.workbook.tables.getItemOrNullObject(name).load("name, showTotals, showHeaders"));
      const app = ctx.workbook.application.load("calculationMode");
      const dates = queueDateSystemCheck(ctx);
      await ctx.sync();
      dates();
      // Excel not calculating on its own (Manual, or Automatic except tables: ours are tables):
      // formula results would be those of the last calculation. A recalculation of what changed,
      // before the values are read; it changes no cell's content.
      if (app.calculationMode !== "Automatic") ctx.workbook.application.calculate("Recalculate");
      const found = candidates
        .filter((t) => !t.isNullObject)
        .map((t) => ({ t, ws: t.worksheet.load("name"), range: t.getRange().load("address"), header: t.showHeaders ? t.getHeaderRowRange().load("values") : undefined }));
      await ctx.sync();
      const present = found.flatMap(({ t, ws, range, header }) => {
        const whole = tableBox(t, range.address);
        return whole ? [{ name: t.name, sheet: ws.name, whole, body: { ...whole, top: whole.top + 1 }, headers: headerNames(header) }] : [];
      });
      const withRows = present.filter((p) => p.body.bottom >= p.body.top);
      const read = await readBoxes(
        ctx,
        withRows.map((p) => ({ ws: ctx.workbook.worksheets.getItem(p.sheet), box: p.body })),
        options,
        this.requirements,
      );
      const out = new Map<string, TableData>();
      for (const p of present) {
        const i = withRows.indexOf(p);
        // Excel shows a same-row reference as `[@Col]`: given back in the form the file keeps.
        const rows = (i >= 0 ? (read[i] ?? []) : []).map((row) => row.map((v) => (v !== null && typeof v === "object" && "formula" in v ? { ...v, formula: longFormula(v.formula, p.name) } : v)));
        out.set(p.name, { name: p.name, sheet: p.sheet, range: p.whole, headers: p.headers, rows });
      }
      return out;
    });
  }

  applyGrids(grids: readonly Grid[]): Promise<void> {
    return this.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets.load("items/name");
      const tables = ctx.workbook.tables.load("items/name");
      // A protected structure refuses new sheets (WorkbookProtection, ExcelApi 1.7): said before anything is written.
      const structure = ctx.workbook.protection.load("protected");
      const dates = queueDateSystemCheck(ctx);
      await ctx.sync();
      dates();
      const existing = (name: string) => sheets.items.find((w) => nameKey(w.name) === nameKey(name));
      // A sheet replaced whole (a working paper the core proved unchanged since it wrote it) is emptied where it is, not deleted: formulas elsewhere that name it keep working.
      const replacing = new Set(grids.filter((g) => g.replaceSheet && existing(g.sheet)).map((g) => g.sheet));
      const checked = (g: Grid) => existing(g.sheet) !== undefined && !replacing.has(g.sheet);
      const toAdd = grids.filter((g) => g.createSheet && !existing(g.sheet)).map((g) => g.sheet);
      if (toAdd.length > 0 && structure.protected) throw new StructureProtectedError(toAdd);
      const taken = new Set(tables.items.map((t) => nameKey(t.name)));
      for (const g of grids) for (const t of g.tables ?? []) if (taken.has(nameKey(t.name))) throw new Error(`Table "${t.name}" already exists`);
      // What is under every cell the grids write (read as column runs, in ≤ 4 MB batches), and
      // where the tables to grow are now.
      const resize = this.requirements.isSetSupported(TABLE_RESIZE.name, TABLE_RESIZE.version);
      const changes = grids.flatMap((g) =>
        (g.tableChanges ?? []).map((ch) => ({
          g,
          ch,
          table: ctx.workbook.tables.getItem(ch.name).load("showTotals"),
          range: ctx.workbook.tables.getItem(ch.name).getRange().load("address"),
          // Without Table.resize, growing inserts cells and shifts what lies beside or below.
          used: resize ? undefined : ctx.workbook.tables.getItem(ch.name).worksheet.getUsedRangeOrNullObject(true).load("address"),
        })),
      );
      const runs = grids.flatMap((g) => {
        const ws = existing(g.sheet);
        if (!ws) {
          if (!g.createSheet) throw new Error(`Sheet "${g.sheet}" does not exist`);
          return [];
        }
        return checked(g) ? columnRuns(g.cells).map((run) => ({ g, ws, run })) : [];
      });
      // Which of our rules would go over one the sheet already has: setting a rule there fails
      // (office-js issue 2594), and the user's rule is theirs to keep, as in the .xlsx adapter.
      const ruleChecks = grids.flatMap((g) => {
        const ws = existing(g.sheet);
        return ws && checked(g) ? (g.validations ?? []).map((v) => ({ v, dv: ws.getRange(rangeAddress(v.range)).dataValidation.load("type, prompt") })) : [];
      });
      // Hidden rows among those a grid writes on a sheet that exists (one range per grid, its rows' span).
      const spans = grids.flatMap((g) => {
        const ws = existing(g.sheet);
        if (!ws || !checked(g) || g.cells.length < 2) return [];
        const span = { top: Infinity, bottom: -1, left: Infinity, right: -1 };
        for (const c of g.cells) {
          span.top = Math.min(span.top, c.row);
          span.bottom = Math.max(span.bottom, c.row);
          span.left = Math.min(span.left, c.col);
          span.right = Math.max(span.right, c.col);
        }
        if (span.bottom <= span.top) return [];
        const address = rangeAddress(span);
        return [{ g, rows: ws.getRange(address).load("rowHidden"), address }];
      });
      const targets = [...new Set(grids.map((g) => existing(g.sheet)).filter((ws): ws is Excel.Worksheet => ws !== undefined))];
      const writable = queueWritableCheck(ctx, targets, targets.map((ws) => ws.name));
      const under = await readBoxes(ctx, runs.map(({ ws, run }) => ({ ws, box: run.box })), undefined, this.requirements);
      if (runs.length === 0) await ctx.sync();
      writable();
      for (const { g, rows, address } of spans) if (rows.rowHidden !== false) throw new HiddenRowsError(g.sheet, address);
      // A totals row would be under the new rows (or beside the new columns): what Table.resize
      // does with it is not documented, and the adapter never moves a user's totals row.
      for (const { g, ch, table, range } of changes) {
        const box = boxOf(range.address) as RangeBox;
        const bodyBottom = box.bottom - 1;
        if (table.showTotals && ((ch.bottom ?? bodyBottom) > bodyBottom || ch.addHeaders.length > 0)) throw new TableTotalsRowError(ch.name, g.sheet);
      }
      const conflicts = new Map<string, string[]>();
      runs.forEach(({ g, run }, k) => {
        run.cells.forEach((c, i) => {
          const current = under[k]?.[i]?.[0] ?? null;
          if (isEmptyValue(current)) return;
          const wanted: CellValue = c.formula !== undefined ? { formula: c.formula } : (c.value ?? null);
          if (!sameValue(current, wanted, formulaKey)) conflicts.set(g.sheet, [...(conflicts.get(g.sheet) ?? []), rangeAddress({ top: c.row, bottom: c.row, left: c.col, right: c.col })]);
        });
      });
      for (const [sheet, cells] of conflicts) throw new GridConflictError(sheet, cells);
      // A user's rule of "Any value" with an input message reads as type None: it is theirs too.
      const ruled = new Set(ruleChecks.filter(({ dv }) => dv.type !== "None" || dv.prompt.showPrompt || dv.prompt.message !== "" || dv.prompt.title !== "").map(({ v }) => v));
      if (!resize) await this.refuseShiftingGrowth(ctx, changes);
      const added = await addSheets(ctx, grids.filter((g) => !existing(g.sheet)).map((g) => g.sheet));
      for (const name of replacing) emptySheet(existing(name) as Excel.Worksheet, this.requirements);
      const budget = new WriteBudget(ctx);
      for (const g of grids) {
        const ws = existing(g.sheet) ?? added.get(g.sheet);
        if (!ws) throw new Error(`Sheet "${g.sheet}" was neither found nor added`);
        const skip = new Set<string>();
        const grow = changes.filter((x) => x.g === g);
        if (!resize) for (const { ch, range } of grow) this.growWithoutResize(ctx, g, ch.name, boxOf(range.address) as RangeBox, grown(boxOf(range.address) as RangeBox, ch), skip);
        // Formulas that name a table or a column wait until the table and its columns exist:
        // Excel rejects a reference to either before that.
        const structured = g.cells.filter((c) => c.formula !== undefined && STRUCTURED_REFERENCE.test(c.formula));
        const later = new Set([...skip, ...structured.map((c) => `${c.row}:${c.col}`)]);
        await queueValues(ws, g, later, budget);
        // Values first, then the table over them: no TableRowCollection.add, which conflicts
        // with co-authors' edits in Excel on the web.
        if (resize) for (const { ch, range } of grow) ctx.workbook.tables.getItem(ch.name).resize(rangeAddress(grown(boxOf(range.address) as RangeBox, ch)));
        const validations = (g.validations ?? []).filter((v) => !ruled.has(v));
        await queueTablesAndFormats(ws, { ...g, validations }, this.requirements, budget, added.has(g.sheet) || replacing.has(g.sheet));
        await queueValues(ws, { ...g, cells: structured.filter((c) => !skip.has(`${c.row}:${c.col}`)) }, new Set(), budget);
      }
      await ctx.sync();
    });
  }

  /**
   * Before ExcelApi 1.13 a table grows only by inserting cells, which shifts what lies to its
   * right (new columns) or below it (new rows): refused when any of those cells holds something.
   */
  private async refuseShiftingGrowth(ctx: Excel.RequestContext, changes: readonly { ch: { name: string; addHeaders: readonly string[]; bottom?: number }; range: Excel.Range; used?: Excel.Range }[]): Promise<void> {
    const regions: { name: string; ws: Excel.Worksheet; box: RangeBox }[] = [];
    for (const { ch, range, used } of changes) {
      const box = boxOf(range.address) as RangeBox;
      const limit = used && !used.isNullObject ? boxOf(used.address) : undefined;
      if (!limit) continue;
      const ws = ctx.workbook.tables.getItem(ch.name).worksheet;
      const next = grown(box, ch);
      if (next.right > box.right && limit.right > box.right) regions.push({ name: ch.name, ws, box: { top: box.top, bottom: box.bottom, left: box.right + 1, right: limit.right } });
      if (next.bottom > box.bottom && limit.bottom > box.bottom) regions.push({ name: ch.name, ws, box: { top: box.bottom + 1, bottom: limit.bottom, left: box.left, right: next.right } });
    }
    if (regions.length === 0) return;
    const values = await readBoxes(ctx, regions.map(({ ws, box }) => ({ ws, box })));
    regions.forEach((r, i) => {
      if ((values[i] ?? []).some((row) => row.some((v) => !isEmptyValue(v)))) throw new TableGrowthError(r.name, rangeAddress(r.box));
    });
  }

  /** Before ExcelApi 1.13 (no co-authoring there): add the table's new columns and rows through the table itself. */
  private growWithoutResize(ctx: Excel.RequestContext, g: Grid, name: string, box: RangeBox, grown: RangeBox, skip: Set<string>): void {
    const table = ctx.workbook.tables.getItem(name);
    const at = (r: number, c: number) => g.cells.find((x) => x.row === r && x.col === c);
    const input = (r: number, c: number) => {
      const cell = at(r, c);
      skip.add(`${r}:${c}`);
      return officeInput(cell?.value, cell?.formula);
    };
    for (let col = box.right + 1; col <= grown.right; col++) {
      const values = [];
      for (let r = box.top; r <= box.bottom; r++) values.push([input(r, col)]);
      table.columns.add(undefined, values);
    }
    for (let r = box.bottom + 1; r <= grown.bottom; r++) {
      const row = [];
      for (let c = grown.left; c <= grown.right; c++) row.push(input(r, c));
      table.rows.add(undefined, [row]);
    }
  }

  updateCells(updates: readonly CellUpdate[]): Promise<{ applied: number; skipped: CellUpdate[] }> {
    return this.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets.load("items/name");
      const dates = queueDateSystemCheck(ctx);
      await ctx.sync();
      dates();
      const skipped: CellUpdate[] = [];
      let applied = 0;
      // Slices keep each request well under 5 MB, however many cells a fix-all touches.
      const slices = Array.from({ length: Math.max(1, Math.ceil(updates.length / UPDATE_SLICE)) }, (_, k) => updates.slice(k * UPDATE_SLICE, (k + 1) * UPDATE_SLICE));
      for (const slice of slices) {
        const targets = slice.map((u) => {
          const ws = sheets.items.find((w) => nameKey(w.name) === nameKey(u.sheet));
          const r = ws?.getRange(rangeAddress({ top: u.row, bottom: u.row, left: u.col, right: u.col })).load("values, valueTypes, formulas, numberFormat");
          // Unlocked cells stay editable on a protected sheet (Format Cells > Protection).
          return { u, r, lock: r?.format.protection.load("locked") };
        });
        const written = [...new Set(slice.map((u) => sheets.items.find((w) => nameKey(w.name) === nameKey(u.sheet))).filter((ws): ws is Excel.Worksheet => ws !== undefined))];
        const writable = queueWritableCheck(ctx, written, written.map((ws) => ws.name));
        await ctx.sync();
        // A protected sheet is refused only where a cell to change is locked (the number format of an unlocked cell is left as it is).
        const protectedSheets = writable(new Set(targets.filter((x) => x.lock && x.lock.locked !== false).map((x) => nameKey(x.u.sheet))));
        for (const { u, r } of targets) {
          const current = r ? (cellsOf(r)[0]?.[0] ?? null) : undefined;
          if (!r || current === undefined || !sameValue(current, u.expected ?? null, formulaKey)) {
            skipped.push(u);
            continue;
          }
          r.formulas = [[officeInput(u.value, undefined)]];
          const fmt = String(r.numberFormat[0]?.[0] ?? "General");
          if (u.numFmt && (fmt === "General" || fmt === "@") && !protectedSheets.has(nameKey(u.sheet))) r.numberFormat = [[u.numFmt]];
          applied++;
        }
        await ctx.sync();
      }
      return { applied, skipped };
    });
  }

  markIssues(marks: readonly SheetMarks[]): Promise<void> {
    return this.withMarks(marks.map((m) => m.sheet), async (ctx, sheets) => {
      // Thousands of scattered issues are thousands of rules: the request is synced before it passes the budget.
      const budget = new WriteBudget(ctx);
      const areas = this.requirements.isSetSupported(RANGE_AREAS.name, RANGE_AREAS.version);
      for (const m of marks) {
        const ws = sheets.find((w) => nameKey(w.name) === nameKey(m.sheet));
        if (!ws) continue;
        const look = MARK_FILL[m.severity];
        // Where RangeAreas exists, one rule covers a group of cells (as one sqref in a file).
        const groups = areas ? areaGroups(m.ranges) : m.ranges.map((r) => [r]);
        for (const group of groups) {
          const target = areas ? ws.getRanges(group.map(rangeAddress).join(", ")) : ws.getRange(rangeAddress(group[0] as RangeBox));
          const cf = target.conditionalFormats.add("Custom");
          cf.custom.rule.formula = `=${MARK_FORMULA[m.severity]}`;
          cf.custom.format.fill.color = `#${look.fill}`;
          cf.custom.format.font.color = `#${look.color}`;
          await budget.add(6 * CALL_BYTES + 12 * group.length);
        }
      }
    });
  }

  /** Locks the given cells of each sheet, the rest left editable (loaded when first asked: the clerk asks seldom). */
  async lockCells(locks: readonly SheetLock[]): Promise<void> {
    const { lockSheets } = await import(/* webpackChunkName: "office-lock" */ "./officeLock");
    return lockSheets(this.run, locks);
  }

  select(sheet: string, cell: string): Promise<void> {
    return this.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(sheet).load("visibility");
      await ctx.sync();
      // Excel cannot show a cell on a hidden sheet; unhiding it is the user's choice.
      if (ws.visibility !== "Visible") throw new HiddenSheetError(sheet, cell);
      ws.activate();
      ws.getRange(cell).select();
      await ctx.sync();
    });
  }

  clearMarks(): Promise<void> {
    return this.withMarks([], () => Promise.resolve());
  }

  /**
   * Removes our highlight rules from every sheet, then lets `add` queue new ones: four syncs.
   * Types are loaded first and rules only of custom formats: loading a custom rule across a
   * collection that holds colour scales or data bars fails (office-js issue 2180).
   */
  private withMarks(markedSheets: readonly string[], add: (ctx: Excel.RequestContext, sheets: Excel.Worksheet[]) => Promise<void>): Promise<void> {
    return this.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets.load("items/name");
      await ctx.sync();
      const collections = sheets.items.map((ws) => ws.getRange().conditionalFormats.load("items/type"));
      const writable = queueWritableCheck(ctx, sheets.items, sheets.items.map((ws) => ws.name));
      await ctx.sync();
      const custom = collections.flatMap((c, i) => c.items.filter((cf) => cf.type === "Custom").map((cf) => ({ sheet: sheets.items[i]?.name ?? "", cf: cf.load("custom/rule/formula") })));
      await ctx.sync();
      const ours = new Set(Object.values(MARK_FORMULA).map((f) => `=${f}`));
      const stale = custom.filter(({ cf }) => ours.has(cf.custom.rule.formula));
      // Only sheets that get or lose a highlight must be writable: a user's protected sheet elsewhere is no obstacle.
      writable(new Set([...markedSheets, ...stale.map((x) => x.sheet)].map(nameKey)));
      for (const { cf } of stale) cf.delete();
      await add(ctx, sheets.items);
      await ctx.sync();
    });
  }
}
