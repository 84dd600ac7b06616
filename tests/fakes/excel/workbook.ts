import type { RangeBox } from "../../../src/domain/grid";
import { FakeContext, FakeRequirements } from "./context";
import { calculateNow, FakeRange, FakeRangeAreas } from "./objects";
import { boxOfAddress, cellKey, FakeExcelError, fillCalculated, guardSheet, loadNames, notLoaded, FakeWorkbookState, typedInput, type FakeChart as FakeChartState, type FakeSheet, type FakeTable } from "./state";

function usedBox(s: FakeSheet): RangeBox | undefined {
  let box: RangeBox | undefined;
  for (const [key, cell] of s.cells) {
    if (cell.value === "" && !cell.formula) continue;
    const [r, c] = key.split(":").map(Number) as [number, number];
    box = box ? { top: Math.min(box.top, r), bottom: Math.max(box.bottom, r), left: Math.min(box.left, c), right: Math.max(box.right, c) } : { top: r, bottom: r, left: c, right: c };
  }
  return box;
}

function headersAt(s: FakeSheet, box: RangeBox): string[] {
  const out: string[] = [];
  for (let c = box.left; c <= box.right; c++) {
    const v = s.cells.get(cellKey(box.top, c))?.value;
    out.push(v === undefined || v === "" ? `Column${c - box.left + 1}` : String(v));
  }
  return out;
}

function property(t: FakeTable, p: string): unknown {
  return p === "name" ? t.name : p === "showTotals" ? t.showTotals : p === "showHeaders" ? t.showHeaders !== false : undefined;
}

export class FakeTableProxy {
  private readonly loaded = new Map<string, unknown>();
  constructor(
    private readonly ctx: FakeContext,
    private readonly resolve: () => FakeTable | undefined,
  ) {}

  private table(): FakeTable {
    const t = this.resolve();
    if (!t) throw new FakeExcelError("ItemNotFound", "The requested table does not exist.");
    return t;
  }
  private read<T>(p: string): T {
    if (!this.loaded.has(p)) throw notLoaded(p);
    return this.loaded.get(p) as T;
  }
  get isNullObject(): boolean { return this.read("isNullObject"); }
  get name(): string { return this.read("name"); }
  set name(v: string) {
    this.ctx.write(v, () => {
      const clash = this.ctx.state.table(v);
      if (clash && clash !== this.table()) throw new FakeExcelError("InvalidArgument", `A table named "${v}" already exists.`);
      this.table().name = v;
    });
  }
  get showTotals(): boolean { return this.read("showTotals"); }
  get showHeaders(): boolean { return this.read("showHeaders"); }
  set style(v: string) { this.ctx.write(v, () => (this.table().style = v)); }

  load(props: string): this {
    const names = loadNames("Table", props, ["name", "showTotals", "showHeaders"]);
    this.ctx.load(() => {
      const t = this.resolve();
      this.loaded.set("isNullObject", !t);
      for (const p of names) this.loaded.set(p, t ? property(t, p) : undefined);
      return 40;
    });
    return this;
  }
  loadItem(props: string[]): number {
    const t = this.table();
    for (const p of props) this.loaded.set(p, property(t, p));
    return 40;
  }

  get worksheet(): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => this.table().sheet);
  }
  getRange(): FakeRange {
    return new FakeRange(this.ctx, () => this.table().sheet, () => this.table().box);
  }
  getHeaderRowRange(): FakeRange {
    return new FakeRange(this.ctx, () => this.table().sheet, () => {
      const t = this.table();
      if (t.showHeaders === false) throw new FakeExcelError("InvalidOperation", `Table ${t.name} has no header row shown.`);
      return { ...t.box, bottom: t.box.top };
    });
  }
  resize(address: string): void {
    this.ctx.requirements.use("Table.resize", "1.13");
    this.ctx.write(address, () => {
      const t = this.table();
      const box = boxOfAddress(address);
      if (box.top !== t.box.top || box.left !== t.box.left) throw new FakeExcelError("InvalidArgument", "The header row must stay in place.");
      // What resize does to a totals row is not documented: the fake refuses rather than guess.
      if (t.showTotals) throw new FakeExcelError("InvalidOperation", `Table ${t.name} has a totals row: resizing it is not modelled.`);
      const oldBottom = t.box.bottom;
      t.box = box;
      fillCalculated(t, oldBottom);
      t.headers = headersAt(t.sheet, box);
    });
  }
  /**
   * Adding a column or a row through the table inserts cells and shifts those to the right (or
   * below) within the table's rows (or columns), as Excel does by default: a note beside the
   * table moves.
   */
  get columns() {
    return {
      add: (_index: number | undefined, values: unknown[][]) =>
        this.ctx.write(values, () => {
          const t = this.table();
          const col = t.box.right + 1;
          shift(t.sheet, { top: t.box.top, bottom: t.box.bottom, left: col, right: 16_383 }, "right");
          values.forEach((row, i) => t.sheet.cells.set(cellKey(t.box.top + i, col), typedInput(row[0]) ?? { value: "" }));
          t.box = { ...t.box, right: col };
          t.headers = headersAt(t.sheet, t.box);
        }),
    };
  }
  get rows() {
    return {
      add: (_index: number | undefined, values: unknown[][]) =>
        this.ctx.write(values, () => {
          const t = this.table();
          for (const row of values) {
            // A new row goes under the body, above the totals row where one is shown.
            const r = t.showTotals ? t.box.bottom : t.box.bottom + 1;
            shift(t.sheet, { top: r, bottom: 1_048_575, left: t.box.left, right: t.box.right }, "down");
            row.forEach((v, j) => t.sheet.cells.set(cellKey(r, t.box.left + j), typedInput(v) ?? { value: "" }));
            t.box = { ...t.box, bottom: r };
          }
        }),
    };
  }
}

/** Moves the cells of a region one column right or one row down (an insert that shifts cells). */
function shift(s: FakeSheet, region: RangeBox, direction: "right" | "down"): void {
  const moved: [string, FakeSheet["cells"] extends Map<string, infer C> ? C : never][] = [];
  for (const [key, cell] of [...s.cells]) {
    const [r, c] = key.split(":").map(Number) as [number, number];
    if (r < region.top || r > region.bottom || c < region.left || c > region.right) continue;
    s.cells.delete(key);
    moved.push([direction === "right" ? cellKey(r, c + 1) : cellKey(r + 1, c), cell]);
  }
  for (const [key, cell] of moved) s.cells.set(key, cell);
}

export class FakeWorksheet {
  private readonly loaded = new Map<string, unknown>();
  constructor(
    private readonly ctx: FakeContext,
    private readonly resolve: () => FakeSheet,
  ) {}

  get name(): string {
    if (!this.loaded.has("name")) throw notLoaded("name");
    return this.loaded.get("name") as string;
  }
  get visibility(): string {
    if (!this.loaded.has("visibility")) throw notLoaded("visibility");
    return this.loaded.get("visibility") as string;
  }
  /** Hidden or shown (ExcelApi 1.1); a protected workbook structure refuses it (not modelled: the adapter hides only sheets it adds). */
  set visibility(v: string) {
    this.ctx.write(v, () => {
      if (!["Visible", "Hidden", "VeryHidden"].includes(v)) throw new FakeExcelError("InvalidArgument", `Unknown visibility ${v}.`);
      this.resolve().visibility = v as FakeSheet["visibility"];
    });
  }
  load(props: string): this {
    const names = loadNames("Worksheet", props, ["name", "visibility"]);
    this.ctx.load(() => {
      if (names.includes("name")) this.loaded.set("name", this.resolve().name);
      if (names.includes("visibility")) this.loaded.set("visibility", this.resolve().visibility ?? "Visible");
      return 30;
    });
    return this;
  }
  loadItem(): number {
    this.loaded.set("name", this.resolve().name);
    return 30;
  }
  /** Review > Protect Sheet, as the adapter reads it. */
  get protection() {
    const loaded = new Map<string, unknown>();
    const self = {
      get protected(): boolean {
        if (!loaded.has("protected")) throw notLoaded("protected");
        return loaded.get("protected") as boolean;
      },
      /** Review > Protect Sheet, without a password: from then on Excel refuses changes to the sheet. */
      protect: (_options?: Excel.WorksheetProtectionOptions, password?: string) =>
        this.ctx.write("protect", () => {
          const s = this.resolve();
          guardSheet(s);
          s.protected = true;
          if (password) s.password = password;
        }),
      /**
       * Review > Unprotect Sheet (ExcelApi 1.2; the password, 1.7). A sheet protected with a password
       * refuses to be unprotected without it; the error's code is not documented (InvalidArgument
       * here: unverified).
       */
      unprotect: (password?: string) =>
        this.ctx.write("unprotect", () => {
          const s = this.resolve();
          if (s.password && s.password !== password) throw new FakeExcelError("InvalidArgument", "The password you supplied is not correct.");
          s.protected = false;
          delete s.password;
        }),
      load: (props: string) => {
        loadNames("WorksheetProtection", props, ["protected"]);
        this.ctx.load(() => {
          loaded.set("protected", this.resolve().protected === true);
          return 20;
        });
        return self;
      },
    };
    return self;
  }
  getRange(address?: string): FakeRange {
    return new FakeRange(this.ctx, this.resolve, () => (address ? boxOfAddress(address) : { top: 0, bottom: 1_048_575, left: 0, right: 16_383 }));
  }
  /** `A1:B2, D4`: several ranges as one RangeAreas (ExcelApi 1.9). */
  /**
   * `A1:B2, D4`: several ranges as one RangeAreas (ExcelApi 1.9). Excel refuses an address of more
   * than about 500 areas or 8,200 characters with InvalidArgument (office-js issues 5198, 4263):
   * modelled at 500 areas and 8,192 characters, at the sync.
   */
  getRanges(address: string): FakeRangeAreas {
    this.ctx.requirements.use("Worksheet.getRanges", "1.9");
    const parts = address.split(",");
    if (parts.length > 500 || address.length > 8_192) {
      this.ctx.load(() => {
        throw new FakeExcelError("InvalidArgument", `getRanges: ${parts.length} areas, ${address.length} characters.`);
      });
    }
    return new FakeRangeAreas(this.ctx, this.resolve, parts.map((a) => boxOfAddress(a.trim())));
  }
  getUsedRangeOrNullObject(_valuesOnly?: boolean): { load(props: string): FakeRange } {
    const range = new FakeRange(this.ctx, this.resolve, () => usedBox(this.resolve()) ?? { top: 0, bottom: 0, left: 0, right: 0 });
    return { load: (props: string) => range.loadNullable(props, () => usedBox(this.resolve()) === undefined) };
  }
  get tables() {
    return {
      add: (address: string, _hasHeaders: boolean): FakeTableProxy => {
        let created: FakeTable | undefined;
        this.ctx.write({ address }, () => {
          const s = this.resolve();
          guardSheet(s);
          const box = boxOfAddress(address);
          const overlap = this.ctx.state.tables.some((t) => t.sheet === s && t.box.left <= box.right && box.left <= t.box.right && t.box.top <= box.bottom && box.top <= t.box.bottom);
          if (overlap) throw new FakeExcelError("InvalidOperation", "A table can't overlap another table.");
          created = { name: `Table${this.ctx.state.tables.length + 1}`, sheet: s, box, headers: headersAt(s, box), showTotals: false };
          this.ctx.state.tables.push(created);
        });
        return new FakeTableProxy(this.ctx, () => created);
      },
    };
  }
  /** Manual page breaks (ExcelApi 1.9): a break before a range's first row. */
  get horizontalPageBreaks() {
    this.ctx.requirements.use("Worksheet.horizontalPageBreaks", "1.9");
    return {
      add: (address: string) =>
        this.ctx.write(address, () => {
          const s = this.resolve();
          guardSheet(s);
          const box = boxOfAddress(address);
          const breaks = (s.pageLayout.rowBreaks as number[] | undefined) ?? [];
          if (!breaks.includes(box.top)) s.pageLayout.rowBreaks = [...breaks, box.top].sort((a, b) => a - b);
        }),
      removePageBreaks: () =>
        this.ctx.write("removePageBreaks", () => {
          const s = this.resolve();
          guardSheet(s);
          delete s.pageLayout.rowBreaks;
        }),
    };
  }
  /** Charts (ExcelApi 1.1): added over a range, their title, legend, value axis, font and place set. */
  get charts() {
    return {
      add: (type: string, source: FakeRange, seriesBy: string): FakeChart => {
        const chart: FakeChartState = { type, source: "", seriesBy, props: {} };
        this.ctx.write({ type, seriesBy }, () => {
          const s = this.resolve();
          guardSheet(s);
          if (!["BarClustered", "ColumnClustered", "Line", "Pie"].includes(type)) throw new FakeExcelError("InvalidArgument", `Unknown chart type ${type}`);
          if (seriesBy !== "Columns" && seriesBy !== "Rows" && seriesBy !== "Auto") throw new FakeExcelError("InvalidArgument", `Unknown series orientation ${seriesBy}`);
          chart.source = source.addressOf();
          (s.charts ??= []).push(chart);
        });
        return new FakeChart(this.ctx, chart);
      },
    };
  }
  get freezePanes() {
    return { freezeRows: (n: number) => this.ctx.write(n, () => (this.resolve().frozenRows = n)) };
  }
  activate(): void {
    this.ctx.write("activate", () => {
      const s = this.resolve();
      if ((s.visibility ?? "Visible") !== "Visible") throw new FakeExcelError("InvalidOperation", `The sheet "${s.name}" is hidden and cannot be activated.`);
      this.ctx.state.active = { sheet: s.name, cell: this.ctx.state.active?.cell ?? "A1" };
    });
  }
  set tabColor(v: string) {
    this.ctx.write(v, () => (this.resolve().tabColor = v));
  }
  get pageLayout() {
    this.ctx.requirements.use("Worksheet.pageLayout", "1.9");
    const set = (k: string) => (v: unknown) => this.ctx.write(v, () => (this.resolve().pageLayout[k] = v));
    return {
      set orientation(v: string) { set("orientation")(v); },
      set paperSize(v: string) { set("paperSize")(v); },
      set topMargin(v: number) { set("topMargin")(v); },
      set bottomMargin(v: number) { set("bottomMargin")(v); },
      set leftMargin(v: number) { set("leftMargin")(v); },
      set rightMargin(v: number) { set("rightMargin")(v); },
      set zoom(v: unknown) { set("zoom")(v); },
      set firstPageNumber(v: number | "") { set("firstPageNumber")(v); },
      setPrintArea: (a: string) => set("printArea")(a),
      setPrintTitleRows: (a: string) => set("printTitleRows")(a),
      // Headers and footers (ExcelApi 1.9): the state, and the centre header of the default and first pages.
      headersFooters: {
        set state(v: string) { set("headerFooterState")(v); },
        defaultForAllPages: { set centerHeader(v: string) { set("defaultCenterHeader")(v); } },
        firstPage: { set centerHeader(v: string) { set("firstCenterHeader")(v); } },
      },
    };
  }
}

/** A chart: properties set through it are recorded; what the adapter does not set is not modelled. */
export class FakeChart {
  constructor(
    private readonly ctx: FakeContext,
    private readonly chart: FakeChartState,
  ) {}
  private set(k: string, v: unknown): void {
    this.ctx.write(v, () => (this.chart.props[k] = v));
  }
  get title(): Pick<Excel.ChartTitle, "text"> {
    const set = (k: string, v: unknown) => this.set(k, v);
    return { set text(v: string) { set("title", v); } };
  }
  get legend(): Pick<Excel.ChartLegend, "visible"> {
    const set = (k: string, v: unknown) => this.set(k, v);
    return { set visible(v: boolean) { set("legendVisible", v); } };
  }
  get axes(): { valueAxis: Pick<Excel.ChartAxis, "minimum" | "maximum" | "majorUnit" | "numberFormat"> } {
    const set = (k: string, v: unknown) => this.set(k, v);
    return {
      valueAxis: {
        set minimum(v: number) { set("valueAxis.minimum", v); },
        set maximum(v: number) { set("valueAxis.maximum", v); },
        set majorUnit(v: number) { set("valueAxis.majorUnit", v); },
        set numberFormat(v: string) { set("valueAxis.numberFormat", v); },
      },
    };
  }
  get format(): { font: Pick<Excel.ChartFont, "name"> } {
    const set = (k: string, v: unknown) => this.set(k, v);
    return { font: { set name(v: string) { set("font", v); } } };
  }
  setPosition(startCell: string, endCell?: string): void {
    this.ctx.write({ startCell, endCell }, () => {
      if (!/^[A-Z]+\d+$/.test(startCell) || (endCell !== undefined && !/^[A-Z]+\d+$/.test(endCell))) throw new FakeExcelError("InvalidArgument", `Bad chart position ${startCell}:${endCell}`);
      this.chart.props.position = endCell ? `${startCell}:${endCell}` : startCell;
    });
  }
}

function collection<T extends { loadItem(props: string[]): number }>(ctx: FakeContext, items: () => T[], objectName: string, known: readonly string[]) {
  const loaded = new Map<string, unknown>();
  return {
    get items(): T[] {
      if (!loaded.has("items")) throw notLoaded("items");
      return loaded.get("items") as T[];
    },
    load(props: string) {
      const itemProps = loadNames(objectName, props, known);
      ctx.load(() => {
        const list = items();
        loaded.set("items", list);
        return list.reduce((n, i) => n + i.loadItem(itemProps), 0);
      });
      return this;
    },
  };
}

/** A strict fake of the Excel JavaScript API, over an in-memory workbook. */
export class FakeExcel {
  readonly state = new FakeWorkbookState();
  readonly requirements: FakeRequirements;
  readonly contexts: FakeContext[] = [];

  /** The user is typing in a cell: a batch fails then unless its run asked to wait (`delayForCellEdit`). */
  get editingCell(): boolean {
    return this.state.editingCell;
  }
  set editingCell(v: boolean) {
    this.state.editingCell = v;
  }

  /** Test set-up: the user brings another workbook to the front just before the n-th sync from now. */
  switchWindowBeforeSync(n: number): void {
    this.state.inactiveFromSync = this.state.syncsSoFar + n;
  }

  /** Test set-up: the user starts typing in a cell just before the n-th sync from now (of any run). */
  startEditingBeforeSync(n: number): void {
    this.state.editStartsAtSync = this.state.syncsSoFar + n;
  }
  /** The run options of every run so far. */
  readonly runOptions: Excel.RunOptions[] = [];

  constructor(private readonly options: { declared?: string; supported?: string; maxSyncsPerRun?: number } = {}) {
    this.requirements = new FakeRequirements(options.declared, options.supported);
  }

  /** `Excel.run` over this fake, with or without run options. */
  readonly run = async <T>(a: Excel.RunOptions | ((context: Excel.RequestContext) => Promise<T>), b?: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    const options = typeof a === "function" ? {} : a;
    const batch = typeof a === "function" ? a : (b as (context: Excel.RequestContext) => Promise<T>);
    // `delayForCellEdit` has no requirement set (Excel.RunOptions gives none): not guarded.
    if (options.mergeUndoGroup) this.requirements.use("RunOptions.mergeUndoGroup", "1.20");
    this.runOptions.push(options);
    const ctx = new FakeContext(this.state, this.requirements, this.options.maxSyncsPerRun, options.delayForCellEdit === true);
    this.contexts.push(ctx);
    return batch(this.requestContext(ctx) as unknown as Excel.RequestContext);
  };

  private requestContext(ctx: FakeContext) {
    const state = this.state;
    const sheetProxy = (s: FakeSheet) => new FakeWorksheet(ctx, () => s);
    const tableProxy = (t: FakeTable) => new FakeTableProxy(ctx, () => t);
    const worksheets = Object.assign(collection(ctx, () => state.sheets.map(sheetProxy), "Worksheet", ["name"]), {
      getItem: (name: string) =>
        new FakeWorksheet(ctx, () => {
          const s = state.sheet(name);
          if (!s) throw new FakeExcelError("ItemNotFound", `The requested worksheet "${name}" does not exist.`);
          return s;
        }),
      add: (name: string) => {
        let created: FakeSheet | undefined;
        ctx.write(name, () => {
          if (state.switchedAway) throw new FakeExcelError("GeneralException", "There was an internal error while processing the request.");
          if (state.structureProtected) throw new FakeExcelError("AccessDenied", "The workbook's structure is protected.");
          created = state.addSheet(name);
        });
        return new FakeWorksheet(ctx, () => {
          if (!created) throw new FakeExcelError("InvalidOperation", "Worksheet used before it was added.");
          return created;
        });
      },
    });
    const onChanged = {
      add: (handler: (args: Excel.TableChangedEventArgs) => Promise<unknown>) => {
        ctx.requirements.use("TableCollection.onChanged", "1.7");
        // Registered at the next sync, like any other call of the batch.
        ctx.load(() => {
          state.tableChangeHandlers.add(handler);
          return 20;
        });
        return {
          context: requestContext,
          remove: () =>
            ctx.load(() => {
              state.tableChangeHandlers.delete(handler);
              return 20;
            }),
        };
      },
    };
    const tables = Object.assign(collection(ctx, () => state.tables.map(tableProxy), "Table", ["name", "showTotals", "showHeaders"]), {
      onChanged,
      getItem: (name: string) => new FakeTableProxy(ctx, () => state.table(name)),
      getItemOrNullObject: (name: string) => {
        ctx.requirements.use("TableCollection.getItemOrNullObject", "1.4");
        return new FakeTableProxy(ctx, () => state.table(name));
      },
    });
    const loaded = new Map<string, unknown>();
    const protectionLoaded = new Map<string, unknown>();
    const protection = {
      get protected(): boolean {
        if (!protectionLoaded.has("protected")) throw notLoaded("protected");
        return protectionLoaded.get("protected") as boolean;
      },
      load(props: string) {
        ctx.requirements.use("Workbook.protection", "1.7");
        loadNames("WorkbookProtection", props, ["protected"]);
        ctx.load(() => {
          protectionLoaded.set("protected", state.structureProtected);
          return 20;
        });
        return protection;
      },
    };
    const appLoaded = new Map<string, unknown>();
    const application = {
      get calculationMode(): string {
        if (!appLoaded.has("calculationMode")) throw notLoaded("calculationMode");
        return appLoaded.get("calculationMode") as string;
      },
      load(props: string) {
        loadNames("Application", props, ["calculationMode"]);
        ctx.load(() => {
          appLoaded.set("calculationMode", state.calculationMode);
          return 20;
        });
        return application;
      },
      /** `Application.cultureInfo` (ExcelApi 1.11); its `datetimeFormat` is ExcelApi 1.12. */
      get cultureInfo() {
        ctx.requirements.use("Application.cultureInfo", "1.11");
        const formatLoaded = new Map<string, unknown>();
        const datetimeFormat = {
          get shortDatePattern(): string {
            if (!formatLoaded.has("shortDatePattern")) throw notLoaded("shortDatePattern");
            return formatLoaded.get("shortDatePattern") as string;
          },
          load(props: string) {
            ctx.requirements.use("CultureInfo.datetimeFormat", "1.12");
            loadNames("DatetimeFormatInfo", props, ["shortDatePattern"]);
            ctx.load(() => {
              formatLoaded.set("shortDatePattern", state.shortDatePattern);
              return 20;
            });
            return datetimeFormat;
          },
        };
        return { datetimeFormat };
      },
      /** Recalculates at the next sync, before what is loaded after it; not a change to the document (a read-only workbook calculates too). */
      calculate: (type: string) => {
        if (!["Recalculate", "Full", "FullRebuild"].includes(type)) throw new FakeExcelError("InvalidArgument", `Unknown calculation type ${type}.`);
        ctx.load(() => {
          calculateNow(state);
          return 0;
        });
      },
    };
    /** `workbook.functions.date`: Excel's DATE, as a serial of the workbook's date system (ExcelApi 1.2). */
    const functions = {
      date: (year: number, month: number, day: number) => {
        ctx.requirements.use("Workbook.functions", "1.2");
        const loadedValue = new Map<string, unknown>();
        const result = {
          get value(): number {
            if (!loadedValue.has("value")) throw notLoaded("value");
            return loadedValue.get("value") as number;
          },
          load(props: string) {
            loadNames("FunctionResult", props, ["value"]);
            ctx.load(() => {
              const serial1900 = Math.round((Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30)) / 86_400_000);
              loadedValue.set("value", state.date1904 ? serial1900 - 1462 : serial1900);
              return 20;
            });
            return result;
          },
        };
        return result;
      },
    };
    const workbook = {
      worksheets,
      tables,
      protection,
      application,
      functions,
      get readOnly(): boolean {
        if (!loaded.has("readOnly")) throw notLoaded("readOnly");
        return loaded.get("readOnly") as boolean;
      },
      load(props: string) {
        loadNames("Workbook", props, ["readOnly"]);
        ctx.load(() => {
          loaded.set("readOnly", state.readOnly);
          return 20;
        });
        return workbook;
      },
    };
    const requestContext = { workbook, sync: () => ctx.sync() };
    return requestContext;
  }

  /**
   * Test set-up: the user types values into cells, outside any batch; Excel then raises
   * `onChanged` (source "Local") for each table the cells are in, after the edit.
   */
  async userEdits(sheet: string, cells: Record<string, string | number | boolean>): Promise<void> {
    this.seed(sheet, cells);
    for (const address of Object.keys(cells)) {
      const b = boxOfAddress(address);
      const table = this.state.tables.find((t) => t.sheet.name === sheet && b.top >= t.box.top && b.top <= t.box.bottom && b.left >= t.box.left && b.left <= t.box.right);
      if (!table) continue;
      const args = { type: "TableChanged", changeType: "RangeEdited", source: "Local", tableId: table.name, worksheetId: sheet, address } as unknown as Excel.TableChangedEventArgs;
      for (const h of [...this.state.tableChangeHandlers]) await h(args);
    }
  }

  /** Syncs of every run so far, and of the last one. */
  get syncCount(): number {
    return this.contexts.reduce((n, c) => n + c.syncs.length, 0);
  }
  lastRun(): FakeContext {
    const c = this.contexts[this.contexts.length - 1];
    if (!c) throw new Error("no run yet");
    return c;
  }

  /** Test set-up: Formulas > Calculation Options; the results shown from then on are those of this moment until a calculation. */
  setCalculationMode(mode: FakeWorkbookState["calculationMode"]): void {
    calculateNow(this.state);
    this.state.calculationMode = mode;
  }

  /** Test set-up: writes values as if typed, outside any batch. */
  seed(sheet: string, cells: Record<string, string | number | boolean>): void {
    this.state.version++;
    const s = this.state.sheet(sheet) ?? this.state.addSheet(sheet);
    for (const [address, v] of Object.entries(cells)) {
      const b = boxOfAddress(address);
      s.cells.set(cellKey(b.top, b.left), typeof v === "string" && v.startsWith("=") ? { value: "", formula: v } : { value: v });
    }
  }

  /** Test set-up: a table over `address`; with `totals`, its last row is the totals row (Table Design > Total Row). */
  seedTable(sheet: string, name: string, address: string, style?: string, options: { totals?: boolean } = {}): void {
    this.state.version++;
    const s = this.state.sheet(sheet) ?? this.state.addSheet(sheet);
    const box = boxOfAddress(address);
    this.state.tables.push({ name, sheet: s, box, headers: headersAt(s, box), showTotals: options.totals === true, ...(style ? { style } : {}) });
  }

  /** Test set-up: a filter (or the user) hides these rows of the sheet (1-based, as Excel numbers them). */
  hideRows(sheet: string, rows: readonly number[]): void {
    const s = this.state.sheet(sheet);
    if (!s) throw new Error(`no sheet ${sheet}`);
    s.hiddenRows = new Set([...(s.hiddenRows ?? []), ...rows.map((r) => r - 1)]);
  }
}

