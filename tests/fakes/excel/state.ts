import { parseCellAddress, parseRangeAddress, type RangeBox } from "../../../src/domain/grid";

/** A cell as Excel holds it: its value, or a formula (whose value the fake cannot compute). */
export interface FakeCell {
  value: string | number | boolean;
  formula?: string;
  numberFormat?: string;
  quotePrefix?: boolean;
  format?: Record<string, unknown>;
}

export interface FakeTable {
  name: string;
  sheet: FakeSheet;
  box: RangeBox;
  headers: string[];
  showTotals: boolean;
  /** False when the header row is hidden: `box` then holds the body only. */
  showHeaders?: boolean;
  style?: string;
}

/** A chart as Excel keeps it: its type, source and series orientation, and the properties set on it. */
export interface FakeChart {
  type: string;
  source: string;
  seriesBy: string;
  props: Record<string, unknown>;
}

export interface FakeConditionalFormat {
  id: number;
  address: string;
  type: string;
  formula: string;
  fill?: string;
  fontColor?: string;
  /** Border styles by edge (`EdgeTop`: `Continuous`). */
  borders?: Record<string, string>;
}

export interface FakeSheet {
  name: string;
  cells: Map<string, FakeCell>;
  merges: string[];
  validations: { address: string; rule: unknown; errorAlert?: unknown; prompt?: unknown }[];
  conditionalFormats: FakeConditionalFormat[];
  frozenRows: number;
  tabColor?: string;
  columnWidths: Map<string, number>;
  /** Formats given to whole columns (`B:B`): cells typed there later take them. */
  columnFormats: Map<number, { format: Record<string, unknown>; numberFormat?: string }>;
  rowHeights: Map<string, number>;
  pageLayout: Record<string, unknown>;
  /** Charts added (`worksheet.charts.add`), with what was set on them. */
  charts?: FakeChart[];
  /** Protected (Review > Protect Sheet): Excel refuses every change to it. */
  protected?: boolean;
  /** The password the sheet was protected with, if any. */
  password?: string;
  /**
   * Rows hidden by a filter or by the user (0-based). Writing a block of values over them puts
   * the values in the wrong cells (office-js issue 224: "data seems to be misplaced"); the fake
   * fills the visible rows in turn, its model of that misplacement.
   */
  hiddenRows?: Set<number>;
  /** Hidden or very hidden: Excel cannot activate it. */
  visibility?: "Visible" | "Hidden" | "VeryHidden";
}

/**
 * A table grown from `oldBottom`: the formula of each calculated column (every body cell holding the
 * same formula) fills the new rows' empty cells ("Use calculated columns in an Excel table",
 * support.microsoft.com: a calculated column "automatically expands to include additional rows so
 * that the formula is immediately extended to those rows").
 */
export function fillCalculated(t: FakeTable, oldBottom: number): void {
  const first = t.showHeaders === false ? t.box.top : t.box.top + 1;
  const last = t.showTotals ? t.box.bottom - 1 : t.box.bottom;
  if (oldBottom < first || last <= oldBottom) return;
  for (let c = t.box.left; c <= t.box.right; c++) {
    const formulas = new Set<string | undefined>();
    for (let r = first; r <= oldBottom; r++) formulas.add(t.sheet.cells.get(cellKey(r, c))?.formula);
    const [formula] = [...formulas];
    if (formulas.size !== 1 || formula === undefined) continue;
    for (let r = oldBottom + 1; r <= last; r++) {
      const cell = t.sheet.cells.get(cellKey(r, c));
      if (!cell || (cell.value === "" && !cell.formula)) t.sheet.cells.set(cellKey(r, c), { ...(cell ?? {}), value: "", formula });
    }
  }
}

/** Excel's refusal to change a protected sheet. */
export function guardSheet(s: FakeSheet): void {
  if (s.protected) throw new FakeExcelError("AccessDenied", `The cell or chart you're trying to change is on a protected sheet ("${s.name}").`);
}

/** A cell's lock (Format Cells > Protection): every cell is locked unless unlocked, itself or by its column. */
export function cellLocked(s: FakeSheet, row: number, col: number): boolean {
  const own = s.cells.get(cellKey(row, col))?.format?.["protection.locked"];
  if (own !== undefined) return own !== false;
  return s.columnFormats.get(col)?.format["protection.locked"] !== false;
}

/**
 * Excel's refusal to change the values of locked cells on a protected sheet. Unlocked cells stay
 * editable there ("Lock or unlock specific areas of a protected worksheet", support.microsoft.com);
 * that a program's writes are let through alike is the fake's assumption.
 */
export function guardCells(s: FakeSheet, box: RangeBox): void {
  if (!s.protected) return;
  for (let r = box.top; r <= box.bottom; r++) for (let c = box.left; c <= box.right; c++) if (cellLocked(s, r, c)) guardSheet(s);
}

export class FakeWorkbookState {
  readonly sheets: FakeSheet[] = [];
  /**
   * `Workbook.readOnly`: opened read-only (locked by a colleague, or "Read-Only Recommended").
   * Excel desktop still lets the workbook be changed in memory, to be saved under another name
   * (office-js issue 5148): the fake accepts writes. Excel on the web in view mode is not modelled.
   */
  readOnly = false;
  /**
   * Another workbook's window is in front: every batch is refused with `InactiveWorkbook` ("The
   * operation failed because multiple workbooks are open and the workbook being called by this API
   * has lost focus", Excel's error codes), until this one is in front again.
   */
  inactive = false;
  inactiveFromSync: number | undefined;
  /** The user is typing in a cell (cell edit mode). */
  editingCell = false;
  /** Syncs of every run so far, and the one before which the user starts typing in a cell (test set-up). */
  syncsSoFar = 0;
  editStartsAtSync: number | undefined;
  /** `Application.cultureInfo.datetimeFormat.shortDatePattern` (ExcelApi 1.12): the computer's regional settings. */
  shortDatePattern = "dd/MM/yyyy";
  /**
   * The user brought another workbook's window to the front: Excel then fails adding a sheet to
   * this one with a general exception (office-js issues 771 and 6365).
   */
  switchedAway = false;
  /**
   * Review > Protect Workbook (structure): sheets cannot be added, deleted or renamed
   * (support.microsoft.com, "Protect a workbook"; `WorkbookProtection.protected`, ExcelApi 1.7).
   * The error code `worksheets.add` then gives is not documented: modelled as AccessDenied.
   */
  structureProtected = false;
  /**
   * Formulas → Calculation Options. In Manual (and, for changes in tables, Automatic except
   * tables) formula results stay those of the last calculation until one is asked for
   * (`Application.calculationMode`, "calculation is done when the user requests it").
   */
  calculationMode: "Automatic" | "AutomaticExceptTables" | "Manual" = "Automatic";
  /** File > Options > Advanced > "Use 1904 date system": serial 0 is 1 January 1904 (DATE(1904,1,1) gives 0, not 1,462). */
  date1904 = false;
  /** The results of the last calculation, what a formula cell shows while Excel is not calculating on its own. */
  lastResults: Map<string, unknown> | undefined;
  /** Counts changes, so that computed results are computed again only after one. */
  version = 0;
  /** The active sheet and selected cell. */
  active: { sheet: string; cell: string } | undefined;
  readonly tables: FakeTable[] = [];
  /** Handlers registered on `workbook.tables.onChanged`: they outlive the run that added them, as in Excel. */
  readonly tableChangeHandlers = new Set<(args: Excel.TableChangedEventArgs) => Promise<unknown>>();
  private cfIds = 0;

  nextCfId(): number {
    return ++this.cfIds;
  }

  sheet(name: string): FakeSheet | undefined {
    const key = name.toLocaleLowerCase("vi");
    return this.sheets.find((s) => s.name.toLocaleLowerCase("vi") === key);
  }

  addSheet(name: string): FakeSheet {
    if (this.sheet(name)) throw new FakeExcelError("ItemAlreadyExists", `A sheet named "${name}" already exists.`);
    const s: FakeSheet = { name, cells: new Map(), merges: [], validations: [], conditionalFormats: [], frozenRows: 0, columnWidths: new Map(), columnFormats: new Map(), rowHeights: new Map(), pageLayout: {} };
    this.sheets.push(s);
    return s;
  }

  table(name: string): FakeTable | undefined {
    const key = name.toLocaleLowerCase("vi");
    return this.tables.find((t) => t.name.toLocaleLowerCase("vi") === key);
  }
}

/** An error as Excel reports it: a code and a message. */
export class FakeExcelError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
    this.name = "FakeExcelError";
  }
}

export const cellKey = (row: number, col: number) => `${row}:${col}`;

/** A worksheet address without its sheet part; `A:A` and `3:3` are whole columns and rows. */
export function boxOfAddress(address: string): RangeBox {
  const local = address.slice(address.lastIndexOf("!") + 1).replace(/\$/g, "");
  const col = /^([A-Z]+):([A-Z]+)$/.exec(local);
  if (col) {
    const a = parseCellAddress(`${col[1]}1`)!;
    const b = parseCellAddress(`${col[2]}1`)!;
    return { top: 0, bottom: 1_048_575, left: a.col, right: b.col };
  }
  const row = /^(\d+):(\d+)$/.exec(local);
  if (row) return { top: Number(row[1]) - 1, bottom: Number(row[2]) - 1, left: 0, right: 16_383 };
  const box = parseRangeAddress(local);
  if (!box) throw new FakeExcelError("InvalidArgument", `Bad address "${address}".`);
  return box;
}

const MONTH = "(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|september|october|november|december)";

/**
 * What Excel (en-US) turns typed text into: numbers (signs, thousands, exponents, currency,
 * percentages, fractions, parentheses), dates and times in its many forms (`15/6/2021`,
 * `01-2021`, `Jun-2021`, `5-Jan`), TRUE/FALSE, and error literals. Undefined: it stays text.
 */
export function excelParse(text: string): string | number | boolean | undefined {
  const s = text.trim();
  if (s === "") return undefined;
  if (/^(true|false)$/i.test(s)) return /^true$/i.test(s);
  if (/^#(N\/A|REF!|VALUE!|DIV\/0!|NAME\?|NUM!|NULL!)$/i.test(s)) return s.toUpperCase();
  const plain = s.replace(/^\((.*)\)$/, "-$1").replace(/^([-+]?)\$/, "$1").replace(/,(?=\d{3}(\D|$))/g, "");
  if (/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?%?$/i.test(plain)) return plain.endsWith("%") ? Number(plain.slice(0, -1)) / 100 : Number(plain);
  if (/^\d+ \d+\/\d+$/.test(s)) return 1.5;
  if (/^\d{1,4}\s*[/.-]\s*\d{1,2}(\s*[/.-]\s*\d{1,4})?$/.test(s) || /^\d{1,2}\s*[/-]\s*\d{4}$/.test(s)) return 44_000;
  if (new RegExp(`^(\\d{1,2}[- ])?${MONTH}([- ]\\d{1,4})?$`, "i").test(s) && /\d/.test(s)) return 44_000;
  if (/^\d{1,2}:\d{2}(:\d{2})?(\s*[ap]m)?$/i.test(s)) return 0.5;
  return undefined;
}

/** What Excel stores for an input written through `formulas` or `values`, as if typed. */
export function typedInput(input: unknown): FakeCell | undefined {
  if (input === null || input === undefined || input === "") return undefined;
  if (typeof input === "number" || typeof input === "boolean") return { value: input };
  const s = typeof input === "string" ? input : JSON.stringify(input);
  if (s.startsWith("'")) return { value: s.slice(1), quotePrefix: true };
  if (s.startsWith("=")) return { value: "", formula: s };
  // Excel parses what looks like a number, percentage, date, boolean or error: the fake does
  // too, so a text that was not protected comes back changed, as it would in Excel.
  const parsed = excelParse(s);
  return { value: parsed ?? s };
}

/** Excel's error for a property read before it was loaded and synced. */
export function notLoaded(prop: string): FakeExcelError {
  return new FakeExcelError("PropertyNotLoaded", `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`);
}

/**
 * The names of a load, checked against what the fake models of that object: loading a property
 * it does not know fails, as loading a misspelt one fails in Excel, instead of reading undefined.
 */
export function loadNames(objectName: string, props: string | readonly string[], known: readonly string[]): string[] {
  const names = (typeof props === "string" ? props.split(",") : props).map((p) => p.trim().replace(/^items\//, "")).filter(Boolean);
  for (const n of names) {
    if (!known.includes(n)) throw new FakeExcelError("InvalidArgument", `The property '${n}' is not part of ${objectName} as the fake models it.`);
  }
  return names;
}
