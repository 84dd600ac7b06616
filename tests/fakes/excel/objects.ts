import { rangeAddress, type RangeBox } from "../../../src/domain/grid";
import { jsonBytes, OBJECT_BYTES, type FakeContext } from "./context";
import { evaluate, resultOf, type FormulaResult } from "./formulas";
import { boxOfAddress, cellKey, cellLocked, FakeExcelError, fillCalculated, guardCells, guardSheet, loadNames, notLoaded, typedInput, type FakeCell, type FakeConditionalFormat as CfState, type FakeSheet, type FakeWorkbookState } from "./state";

/** Reading a property before it was loaded and synced throws, as in Excel. */
class Loadable {
  protected readonly loaded = new Map<string, unknown>();
  constructor(protected readonly ctx: FakeContext) {}

  protected read<T>(prop: string): T {
    if (!this.loaded.has(prop)) {
      throw notLoaded(prop);
    }
    return this.loaded.get(prop) as T;
  }

  /** Queues a load of the named properties; `snapshot` gives their values at sync time. */
  protected queueLoad(props: string, snapshot: (prop: string) => unknown): this {
    const names = props.split(",").map((p) => p.trim()).filter(Boolean);
    this.ctx.load(() => {
      let bytes = 0;
      for (const p of names) {
        const v = snapshot(p);
        this.loaded.set(p, v);
        bytes += jsonBytes(v);
      }
      return bytes + OBJECT_BYTES;
    });
    return this;
  }
}

/**
 * Excel rejects a formula that refers to a table or a table column that does not exist (yet):
 * `tblX[Col]`, `tblX[[#This Row],[Col]]` (column names unescaped from `'`).
 */
function checkStructuredReferences(state: FakeContext["state"], formula: string): void {
  const re = /\b(tbl[A-Za-z0-9_]+)\[((?:[^[\]']|'.|\[(?:[^[\]']|'.)*\])*)\]/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(formula)) !== null) {
    const table = state.table(m[1] as string);
    if (!table) throw new FakeExcelError("InvalidArgument", `The formula refers to a table that does not exist: ${m[1]}.`);
    const inner = m[2] as string;
    const parts = inner.startsWith("[") ? [...inner.matchAll(/\[((?:[^[\]']|'.)*)\]/g)].map((x) => x[1] as string) : [inner];
    for (const part of parts) {
      if (part.startsWith("#") || part === "") continue;
      const column = part.replace(/'(.)/g, "$1");
      if (!table.headers.some((h) => h.toLocaleLowerCase("vi") === column.toLocaleLowerCase("vi"))) {
        throw new FakeExcelError("InvalidArgument", `The formula refers to a column that table ${table.name} does not have: ${column}.`);
      }
    }
  }
}

/**
 * A formula as Excel shows it back: inside table tblX, `tblX[[#This Row],[Col]]` reads `[@Col]`
 * (`[@[Số hộ]]` when the name holds a space or a special character). The file keeps the long form.
 */
export function shownFormula(state: FakeContext["state"], sheet: FakeSheet, row: number, col: number, formula: string): string {
  const t = state.tables.find((x) => x.sheet === sheet && row >= x.box.top + (x.showHeaders === false ? 0 : 1) && row <= x.box.bottom && col >= x.box.left && col <= x.box.right);
  if (!t) return formula;
  const re = new RegExp(`\\b${t.name}\\[\\[#This Row\\],\\[((?:[^[\\]']|'.)*)\\]\\]`, "gi");
  return formula.replace(re, (_, column: string) => (/^[\p{L}\p{N}_]+$/u.test(column) ? `[@${column}]` : `[@[${column}]]`));
}

/** What the fake can load of each object: anything else fails to load. */
const RANGE_PROPS = ["isNullObject", "address", "values", "valueTypes", "formulas", "numberFormat", "rowHidden"];
const CF_PROPS = ["type", "custom/rule/formula"];

/** `B:B` or `B:D`: every row of some columns. */
const isWholeColumns = (b: RangeBox) => b.top === 0 && b.bottom >= 1_048_575;

/** A cell that comes into being in column `col`: it takes the column's format, as a typed cell does in Excel. */
function newCell(s: FakeSheet, col: number): FakeCell {
  const cf = s.columnFormats.get(col);
  return cf ? { value: "", format: { ...cf.format }, ...(cf.numberFormat !== undefined ? { numberFormat: cf.numberFormat } : {}) } : { value: "" };
}

/** Excel's refusal to read a property the object does not have (a custom rule of a colour scale). */
const notPermitted = () => new FakeExcelError("InvalidOperation", "This operation is not permitted for the current object.");

const grid = <T>(box: RangeBox, f: (r: number, c: number) => T): T[][] =>
  Array.from({ length: box.bottom - box.top + 1 }, (_, i) => Array.from({ length: box.right - box.left + 1 }, (_, j) => f(box.top + i, box.left + j)));

/** Results of the workbook's formulas, computed once per version of the workbook. */
const computed = new WeakMap<FakeWorkbookState, { version: number; results: Map<string, FormulaResult | undefined> }>();
function results(state: FakeWorkbookState): Map<string, FormulaResult | undefined> {
  // Not calculating on its own: the results of the last calculation, however the cells changed since.
  if (state.calculationMode !== "Automatic" && state.lastResults) return state.lastResults as Map<string, FormulaResult | undefined>;
  let c = computed.get(state);
  if (!c || c.version !== state.version) computed.set(state, (c = { version: state.version, results: evaluate(state) }));
  state.lastResults = c.results;
  return c.results;
}

/** A calculation asked for (`Application.calculate`): the results are those of the cells as they are now. */
export function calculateNow(state: FakeWorkbookState): void {
  state.lastResults = evaluate(state);
}

/** What `values` holds for a formula cell: its result, as Excel computes it (an error as its text). */
function formulaValue(state: FakeWorkbookState, sheet: FakeSheet, row: number, col: number): string | number | boolean {
  const r = resultOf(results(state), sheet, row, col);
  return typeof r === "object" ? r.error : r;
}

function resultType(state: FakeWorkbookState, sheet: FakeSheet, row: number, col: number): string {
  const r = resultOf(results(state), sheet, row, col);
  return typeof r === "object" ? "Error" : typeof r === "number" ? "Double" : typeof r === "boolean" ? "Boolean" : r === "" ? "Empty" : "String";
}

function valueType(c: FakeCell | undefined): string {
  if (!c) return "Empty";
  // Text written with an apostrophe is text, whatever it looks like.
  if (c.quotePrefix) return "String";
  if (typeof c.value === "string" && /^#(REF!|N\/A|VALUE!|DIV\/0!|NAME\?|NUM!|NULL!)$/.test(c.value)) return "Error";
  return typeof c.value === "number" ? "Double" : typeof c.value === "boolean" ? "Boolean" : c.value === "" ? "Empty" : "String";
}

export class FakeRange extends Loadable {
  constructor(
    ctx: FakeContext,
    private readonly sheet: () => FakeSheet,
    private readonly box: () => RangeBox,
  ) {
    super(ctx);
  }

  get isNullObject(): boolean {
    return this.read("isNullObject");
  }
  get address(): string {
    return this.read("address");
  }
  /** The fake's own: the sheet and address this range stands for, when a call takes it (a chart's source). */
  addressOf(): string {
    return `${this.sheet().name}!${rangeAddress(this.box())}`;
  }
  get values(): unknown[][] {
    return this.read("values");
  }
  get valueTypes(): string[][] {
    return this.read("valueTypes");
  }
  get formulas(): unknown[][] {
    return this.read("formulas");
  }
  set formulas(input: unknown[][]) {
    this.ctx.write(input, () => this.writeInputs(input));
  }
  set values(input: unknown[][]) {
    this.ctx.write(input, () => this.writeInputs(input));
  }
  get rowHidden(): boolean | null {
    return this.read("rowHidden");
  }
  get numberFormat(): unknown[][] {
    return this.read("numberFormat");
  }
  set numberFormat(input: unknown[][]) {
    this.ctx.write(input, () => {
      const b = this.box();
      const s = this.sheet();
      guardSheet(s);
      // One value for a range of any size applies to every cell of it (office-js-docs-pr issue 5400).
      const single = input.length === 1 && input[0]?.length === 1;
      if (!single && (input.length !== b.bottom - b.top + 1 || input.some((row) => row.length !== b.right - b.left + 1))) {
        throw new FakeExcelError("InvalidArgument", `The number of rows or columns in the input array doesn't match the size of the range ${rangeAddress(b)}.`);
      }
      const at = (r: number, c: number) => String(single ? input[0]?.[0] : input[r - b.top]?.[c - b.left]);
      if (isWholeColumns(b)) {
        for (let c = b.left; c <= b.right; c++) {
          const cf = s.columnFormats.get(c) ?? { format: {} };
          cf.numberFormat = at(b.top, c);
          s.columnFormats.set(c, cf);
        }
        for (const [key, cell] of s.cells) {
          const [r, c] = key.split(":").map(Number) as [number, number];
          if (c >= b.left && c <= b.right) cell.numberFormat = at(r, c);
        }
        return;
      }
      grid(b, (r, c) => {
        const key = cellKey(r, c);
        const cell = s.cells.get(key) ?? newCell(s, c);
        cell.numberFormat = at(r, c);
        s.cells.set(key, cell);
      });
    });
  }

  private writeInputs(input: unknown[][]): void {
    const b = this.box();
    const s = this.sheet();
    guardCells(s, b);
    if (input.length !== b.bottom - b.top + 1 || input.some((row) => row.length !== b.right - b.left + 1)) {
      throw new FakeExcelError("InvalidArgument", `The number of rows or columns in the input array doesn't match the size of the range ${rangeAddress(b)}.`);
    }
    for (const row of input) for (const v of row) if (typeof v === "string" && v.startsWith("=")) checkStructuredReferences(this.ctx.state, v);
    // Over hidden rows a block lands in the wrong cells (office-js issue 224): the fake puts the
    // input's rows into the visible rows in turn, from the top.
    const hidden = s.hiddenRows ?? new Set<number>();
    const visible: number[] = [];
    if (b.bottom > b.top && [...hidden].some((r) => r >= b.top && r <= b.bottom)) for (let r = b.top; visible.length < input.length; r++) if (!hidden.has(r)) visible.push(r);
    const rowOf = (r: number) => (visible.length > 0 ? (visible[r - b.top] as number) : r);
    grid(b, (r0, c) => {
      const r = rowOf(r0);
      const key = cellKey(r, c);
      const given = input[r0 - b.top]?.[c - b.left];
      // null in an input array leaves the cell as it is (Range.values and Range.formulas).
      if (given === null) return;
      const typed = typedInput(given);
      const old = s.cells.get(key);
      if (typed) s.cells.set(key, { ...(old ?? newCell(s, c)), ...typed, ...(typed.formula ? {} : { formula: undefined }) });
      else if (old) s.cells.set(key, { ...old, value: "", formula: undefined });
    });
    // Values written into the row right under a table (no totals row there) join it: Excel
    // expands the table (office-js issues 3013 and 3191, where add-ins grow tables this way).
    for (const t of this.ctx.state.tables) {
      if (t.sheet !== s || t.showTotals || b.top !== t.box.bottom + 1 || b.left > t.box.right || b.right < t.box.left) continue;
      if (!input.some((row) => row.some((v) => v !== null && v !== ""))) continue;
      const oldBottom = t.box.bottom;
      t.box = { ...t.box, bottom: b.bottom };
      fillCalculated(t, oldBottom);
    }
    // Writing into a table's header row renames its columns, as in Excel.
    for (const t of this.ctx.state.tables) {
      if (t.sheet !== s || b.top > t.box.top || b.bottom < t.box.top || b.right < t.box.left || b.left > t.box.right) continue;
      t.headers = t.headers.map((h, i) => {
        const v = s.cells.get(cellKey(t.box.top, t.box.left + i))?.value;
        return v === undefined || v === "" ? h : String(v);
      });
    }
  }

  load(props: string): this {
    return this.queueLoad(loadNames("Range", props, RANGE_PROPS).join(","), (p) => this.snapshot(p));
  }

  private snapshot(p: string): unknown {
    if (p === "isNullObject") return false;
    const s = this.sheet();
    const b = this.box();
    const cell = (r: number, c: number) => s.cells.get(cellKey(r, c));
    // An unbounded range (whole columns or rows) reads null for its cells' properties ("Read or write
    // to an unbounded range using the Excel JavaScript API", learn.microsoft.com).
    if ((isWholeColumns(b) || (b.left === 0 && b.right === 16_383)) && ["values", "valueTypes", "formulas", "numberFormat"].includes(p)) return null;
    switch (p) {
      case "address":
        return `'${s.name}'!${rangeAddress(b)}`;
      case "values":
        return grid(b, (r, c) => (cell(r, c)?.formula ? formulaValue(this.ctx.state, s, r, c) : (cell(r, c)?.value ?? "")));
      case "valueTypes":
        return grid(b, (r, c) => (cell(r, c)?.formula ? resultType(this.ctx.state, s, r, c) : valueType(cell(r, c))));
      case "formulas":
        return grid(b, (r, c) => {
          const x = cell(r, c);
          return x?.formula ? shownFormula(this.ctx.state, s, r, c, x.formula) : (x?.value ?? "");
        });
      case "numberFormat":
        return grid(b, (r, c) => cell(r, c)?.numberFormat ?? "General");
      case "rowHidden": {
        // True when every row is hidden, false when none, null when some are (Range.rowHidden).
        const hidden = s.hiddenRows ?? new Set<number>();
        let n = 0;
        for (const r of hidden) if (r >= b.top && r <= b.bottom) n++;
        return n === 0 ? false : n === b.bottom - b.top + 1 ? true : null;
      }
      default:
        throw new FakeExcelError("InvalidArgument", `The fake does not load Range.${p}.`);
    }
  }

  /** For getUsedRangeOrNullObject: a range whose null-ness is known only after sync. */
  loadNullable(props: string, empty: () => boolean): this {
    return this.queueLoad(["isNullObject", ...props.split(",")].join(","), (p) => (p.trim() === "isNullObject" ? empty() : empty() ? undefined : this.snapshot(p.trim())));
  }

  get format(): FakeRangeFormat {
    return new FakeRangeFormat(this.ctx, this.sheet, this.box);
  }

  select(): void {
    this.ctx.write("select", () => (this.ctx.state.active = { sheet: this.sheet().name, cell: rangeAddress(this.box()) }));
  }

  merge(across = false): void {
    this.ctx.write({ across }, () => this.sheet().merges.push(rangeAddress(this.box())));
  }

  /** Undoes the merged areas the range touches (ExcelApi 1.2). */
  unmerge(): void {
    this.ctx.write("unmerge", () => {
      const s = this.sheet();
      guardSheet(s);
      const b = this.box();
      s.merges = s.merges.filter((m) => {
        const x = boxOfAddress(m);
        return x.bottom < b.top || x.top > b.bottom || x.right < b.left || x.left > b.right;
      });
    });
  }

  /**
   * Range.clear (ExcelApi 1.1): "Contents" takes values and formulas, leaving formats; "Formats"
   * takes the cells' formats and number formats (and, as Excel's Clear Formats does, the
   * conditional formats within the range), leaving values. Other kinds are not modelled: refused.
   */
  clear(applyTo = "All"): void {
    this.ctx.write({ applyTo }, () => {
      if (applyTo !== "Contents" && applyTo !== "Formats") throw new FakeExcelError("InvalidArgument", `The fake does not model clear("${applyTo}").`);
      const s = this.sheet();
      guardSheet(s);
      const b = this.box();
      for (const [key, cell] of [...s.cells]) {
        const [r, c] = key.split(":").map(Number) as [number, number];
        if (r < b.top || r > b.bottom || c < b.left || c > b.right) continue;
        const next: FakeCell = applyTo === "Contents" ? { ...cell, value: "", formula: undefined } : { value: cell.value, ...(cell.formula !== undefined ? { formula: cell.formula } : {}) };
        if (next.value === "" && next.formula === undefined && next.format === undefined && next.numberFormat === undefined) s.cells.delete(key);
        else s.cells.set(key, next);
      }
      if (applyTo === "Formats") {
        if (isWholeColumns(b)) for (let c = b.left; c <= Math.min(b.right, 16_383); c++) s.columnFormats.delete(c);
        s.conditionalFormats = s.conditionalFormats.filter((f) => {
          const x = boxOfAddress(f.address);
          return x.bottom < b.top || x.top > b.bottom || x.right < b.left || x.left > b.right;
        });
      }
    });
  }

  get dataValidation(): FakeDataValidation {
    this.ctx.requirements.use("Range.dataValidation", "1.8");
    return new FakeDataValidation(this.ctx, this.sheet, this.box);
  }

  get conditionalFormats(): FakeConditionalFormatCollection {
    this.ctx.requirements.use("Range.conditionalFormats", "1.6");
    return new FakeConditionalFormatCollection(this.ctx, this.sheet, () => rangeAddress(this.box()));
  }

  /** The cells of this range that hold formulas (ExcelApi 1.9), as Excel lists them: column runs. */
  getSpecialCellsOrNullObject(cellType: string): FakeSpecialCells {
    this.ctx.requirements.use("Range.getSpecialCellsOrNullObject", "1.9");
    if (cellType !== "Formulas") throw new FakeExcelError("InvalidArgument", `The fake models only Formulas, not ${cellType}.`);
    return new FakeSpecialCells(this.ctx, this.sheet, () => {
      const s = this.sheet();
      const b = this.box();
      const cells: { row: number; col: number }[] = [];
      for (const [key, cell] of s.cells) {
        if (!cell.formula) continue;
        const [r, c] = key.split(":").map(Number) as [number, number];
        if (r >= b.top && r <= b.bottom && c >= b.left && c <= b.right) cells.push({ row: r, col: c });
      }
      cells.sort((x, y) => x.col - y.col || x.row - y.row);
      const runs: RangeBox[] = [];
      for (const c of cells) {
        const last = runs[runs.length - 1];
        if (last && last.left === c.col && last.bottom + 1 === c.row) last.bottom = c.row;
        else runs.push({ top: c.row, bottom: c.row, left: c.col, right: c.col });
      }
      return runs;
    });
  }

}

export class FakeRangeFormat {
  constructor(
    private readonly ctx: FakeContext,
    private readonly sheet: () => FakeSheet,
    private readonly box: () => RangeBox,
  ) {}

  private set(path: string, v: unknown): void {
    this.ctx.write({ [path]: v }, () => {
      const b = this.box();
      const s = this.sheet();
      guardSheet(s);
      if (path === "columnWidth") for (let c = b.left; c <= b.right; c++) s.columnWidths.set(String(c), Number(v));
      else if (path === "rowHeight") for (let r = b.top; r <= Math.min(b.bottom, b.top + 1000); r++) s.rowHeights.set(String(r), Number(v));
      else if (isWholeColumns(b)) {
        // A whole column: Excel formats the column and every cell already in it.
        for (let c = b.left; c <= b.right; c++) {
          const cf = s.columnFormats.get(c) ?? { format: {} };
          cf.format = { ...cf.format, [path]: v };
          s.columnFormats.set(c, cf);
        }
        for (const [key, cell] of s.cells) {
          const c = Number(key.split(":")[1]);
          if (c >= b.left && c <= b.right) cell.format = { ...cell.format, [path]: v };
        }
      } else {
        grid(b, (r, c) => {
          const key = cellKey(r, c);
          const cell = s.cells.get(key) ?? newCell(s, c);
          cell.format = { ...cell.format, [path]: v };
          s.cells.set(key, cell);
        });
      }
    });
  }

  /** Locked or not when the sheet is protected (ExcelApi 1.2); `locked` loaded is null when the cells differ. */
  get protection() {
    const set = (p: string, v: unknown) => this.set(p, v);
    const loaded = new Map<string, unknown>();
    const protection = {
      set locked(v: boolean) { set("protection.locked", v); },
      get locked(): boolean {
        if (!loaded.has("locked")) throw notLoaded("locked");
        return loaded.get("locked") as boolean;
      },
      load: (props: string) => {
        loadNames("FormatProtection", props, ["locked"]);
        this.ctx.load(() => {
          const b = this.box();
          const s = this.sheet();
          const seen = new Set<boolean>();
          for (let r = b.top; r <= Math.min(b.bottom, b.top + 10_000); r++) for (let c = b.left; c <= b.right; c++) seen.add(cellLocked(s, r, c));
          loaded.set("locked", seen.size === 1 ? [...seen][0] : null);
          return 20;
        });
        return protection;
      },
    };
    return protection;
  }

  get font() {
    const set = (p: string, v: unknown) => this.set(p, v);
    return {
      set bold(v: boolean) { set("font.bold", v); },
      set italic(v: boolean) { set("font.italic", v); },
      set size(v: number) { set("font.size", v); },
      set name(v: string) { set("font.name", v); },
      set color(v: string) { set("font.color", v); },
    };
  }
  get fill() {
    const set = (p: string, v: unknown) => this.set(p, v);
    return { set color(v: string) { set("fill.color", v); } };
  }
  get borders() {
    const set = (p: string, v: unknown) => this.set(p, v);
    return { getItem: (edge: string) => ({ set style(v: string) { set(`border.${edge}`, v); } }) };
  }
  set wrapText(v: boolean) { this.set("wrapText", v); }
  set horizontalAlignment(v: string) { this.set("horizontalAlignment", v); }
  set verticalAlignment(v: string) { this.set("verticalAlignment", v); }
  set columnWidth(v: number) { this.set("columnWidth", v); }
  set rowHeight(v: number) { this.set("rowHeight", v); }
}

const intersects = (a: RangeBox, b: RangeBox) => a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;

/**
 * Data validation as Excel holds it: a rule per range. Setting a rule over a range that already
 * has (part of) another one fails (office-js issue 2594; Microsoft's samples clear first).
 */
export class FakeDataValidation extends Loadable {
  constructor(
    ctx: FakeContext,
    private readonly sheet: () => FakeSheet,
    private readonly box: () => RangeBox,
  ) {
    super(ctx);
  }

  private entry(): FakeSheet["validations"][number] {
    const s = this.sheet();
    const address = rangeAddress(this.box());
    let e = s.validations.find((v) => v.address === address);
    if (!e) s.validations.push((e = { address, rule: undefined }));
    return e;
  }
  private others(): FakeSheet["validations"] {
    const address = rangeAddress(this.box());
    return this.sheet().validations.filter((v) => v.address !== address && intersects(boxOfAddress(v.address), this.box()));
  }
  get type(): string {
    return this.read("type");
  }
  /** The input message ("Input Message" tab): what a user's rule of "Any value" with a prompt holds. */
  get prompt(): { showPrompt: boolean; title: string; message: string } {
    return this.read<{ showPrompt: boolean; title: string; message: string }>("prompt");
  }
  set rule(v: unknown) {
    this.ctx.write(v, () => {
      guardSheet(this.sheet());
      if (this.others().length > 0) throw new FakeExcelError("InvalidArgument", "The argument is invalid or missing or has an incorrect format.");
      this.entry().rule = v;
    });
  }
  /** Set in part, the rest stays as it was; a new rule's alert is shown ("The default is `true`"), style Stop. */
  set errorAlert(v: unknown) {
    this.ctx.write(v, () => {
      const e = this.entry();
      e.errorAlert = { showAlert: true, style: "Stop", title: "", message: "", ...((e.errorAlert ?? {})), ...(v as object) };
    });
  }
  set prompt(v: unknown) {
    this.ctx.write(v, () => {
      const e = this.entry();
      e.prompt = { ...((e.prompt ?? {})), ...(v as object) };
    });
  }
  clear(): void {
    this.ctx.write("clear", () => {
      const s = this.sheet();
      s.validations = s.validations.filter((v) => !intersects(boxOfAddress(v.address), this.box()));
    });
  }
  load(props: string): this {
    return this.queueLoad(props, (p) => {
      const s = this.sheet();
      const over = s.validations.filter((v) => intersects(boxOfAddress(v.address), this.box()));
      const whole = over.length === 1 && over[0]!.address === rangeAddress(this.box());
      if (p === "prompt") {
        const given = (whole ? over[0]!.prompt : undefined) as { showPrompt?: boolean; title?: string; message?: string } | undefined;
        return { showPrompt: given?.showPrompt ?? false, title: given?.title ?? "", message: given?.message ?? "" };
      }
      if (p !== "type") throw new FakeExcelError("InvalidArgument", `The fake does not load DataValidation.${p}.`);
      if (over.length === 0) return "None";
      // DataValidationType: "MixedCriteria" when only some of the cells have a rule, "Inconsistent"
      // when they all do but not the same one. A rule of "Any value" (only a prompt) is "None".
      const covered = (() => {
        const b = this.box();
        for (let r = b.top; r <= b.bottom; r++) for (let c = b.left; c <= b.right; c++) if (!over.some((v) => { const x = boxOfAddress(v.address); return r >= x.top && r <= x.bottom && c >= x.left && c <= x.right; })) return false;
        return true;
      })();
      if (whole) return ruleType(over[0]!.rule);
      return covered ? "Inconsistent" : "MixedCriteria";
    });
  }
}

function ruleType(rule: unknown): string {
  const r = (rule ?? {}) as Record<string, unknown>;
  return r.list ? "List" : r.wholeNumber ? "WholeNumber" : r.date ? "Date" : r.custom ? "Custom" : "None";
}

export class FakeConditionalFormat extends Loadable {
  constructor(
    ctx: FakeContext,
    private readonly sheet: () => FakeSheet,
    private readonly cf: () => CfState,
  ) {
    super(ctx);
  }
  get type(): string {
    return this.read("type");
  }
  get custom() {
    const read = () => this.read<string>("custom/rule/formula");
    const write = (v: string, apply: (cf: CfState) => void) => this.ctx.write(v, () => apply(this.cf()));
    return {
      rule: {
        get formula(): string { return read(); },
        set formula(v: string) { write(v, (cf) => (cf.formula = v)); },
      },
      format: {
        fill: { set color(v: string) { write(v, (cf) => (cf.fill = v)); } },
        font: { set color(v: string) { write(v, (cf) => (cf.fontColor = v)); } },
        borders: {
          getItem: (edge: "EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight") => {
            if (!["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"].includes(edge)) throw new FakeExcelError("InvalidArgument", `A conditional format has no border ${String(edge)}`);
            return { set style(v: string) { write(v, (cf) => (cf.borders = { ...cf.borders, [edge]: v })); } };
          },
        },
      },
    };
  }
  /** Loads properties of this one format; a custom rule of a format of another type fails, as in Excel. */
  load(props: string): this {
    const names = loadNames("ConditionalFormat", props, CF_PROPS);
    this.ctx.load(() => {
      if (names.some((p) => p.startsWith("custom")) && this.cf().type !== "Custom") throw notPermitted();
      return this.snapshotInto(names);
    });
    return this;
  }

  delete(): void {
    this.ctx.write({ delete: true }, () => {
      const s = this.sheet();
      guardSheet(s);
      s.conditionalFormats = s.conditionalFormats.filter((c) => c !== this.cf());
    });
  }
  snapshotInto(props: string[]): number {
    let bytes = 0;
    for (const p of props) {
      const v = p === "type" ? this.cf().type : p === "custom/rule/formula" ? this.cf().formula : undefined;
      this.loaded.set(p, v);
      bytes += jsonBytes(v);
    }
    return bytes;
  }
}

export class FakeConditionalFormatCollection extends Loadable {
  constructor(
    ctx: FakeContext,
    private readonly sheet: () => FakeSheet,
    /** The cells the formats it adds apply to: one range, or the areas of a RangeAreas (space-separated, as a file keeps them). */
    private readonly address: () => string,
  ) {
    super(ctx);
  }
  get items(): FakeConditionalFormat[] {
    return this.read("items");
  }
  add(type: string): FakeConditionalFormat {
    let created: CfState | undefined;
    const proxy = new FakeConditionalFormat(this.ctx, this.sheet, () => {
      if (!created) throw new FakeExcelError("InvalidOperation", "Conditional format used before it was added.");
      return created;
    });
    this.ctx.write({ type }, () => {
      guardSheet(this.sheet());
      created = { id: this.ctx.state.nextCfId(), address: this.address(), type, formula: "" };
      this.sheet().conditionalFormats.push(created);
    });
    return proxy;
  }
  load(props: string): this {
    const itemProps = loadNames("ConditionalFormat", props, CF_PROPS);
    this.ctx.load(() => {
      // Excel refuses to load a custom rule across a collection holding colour scales, data bars
      // or cell-value rules (office-js issue 2180).
      if (itemProps.some((p) => p.startsWith("custom")) && this.sheet().conditionalFormats.some((cf) => cf.type !== "Custom")) throw notPermitted();
      const items = this.sheet().conditionalFormats.map((cf) => new FakeConditionalFormat(this.ctx, this.sheet, () => cf));
      this.loaded.set("items", items);
      return items.reduce((n, i) => n + i.snapshotInto(itemProps), 0);
    });
    return this;
  }
}


/** Several ranges of one sheet as one object (ExcelApi 1.9): its areas, and conditional formats. */
export class FakeRangeAreas {
  constructor(
    private readonly ctx: FakeContext,
    private readonly sheet: () => FakeSheet,
    private readonly boxes: readonly RangeBox[],
  ) {}

  /** Each area as a range, loaded together. */
  get areas() {
    const ranges = this.boxes.map((b) => new FakeRange(this.ctx, this.sheet, () => b));
    let loaded = false;
    const collection = {
      get items(): FakeRange[] {
        if (!loaded) throw notLoaded("items");
        return ranges;
      },
      load: (props: string) => {
        const itemProps = props.split(",").map((p) => p.trim().replace(/^items\//, "")).join(",");
        for (const r of ranges) r.load(itemProps);
        this.ctx.load(() => {
          loaded = true;
          return 0;
        });
        return collection;
      },
    };
    return collection;
  }

  get conditionalFormats(): FakeConditionalFormatCollection {
    this.ctx.requirements.use("RangeAreas.conditionalFormats", "1.9");
    return new FakeConditionalFormatCollection(this.ctx, this.sheet, () => this.boxes.map(rangeAddress).join(" "));
  }
}

/**
 * What getSpecialCellsOrNullObject gives: a RangeAreas (its address as Excel writes a multi-area
 * address, `'Sheet'!H2:H9,'Sheet'!J5`, its area count, its areas), or a null object.
 */
export class FakeSpecialCells extends Loadable {
  constructor(
    ctx: FakeContext,
    private readonly sheet: () => FakeSheet,
    private readonly compute: () => RangeBox[],
  ) {
    super(ctx);
  }
  get isNullObject(): boolean {
    return this.read("isNullObject");
  }
  get address(): string {
    return this.read("address");
  }
  get areaCount(): number {
    return this.read("areaCount");
  }
  /** The areas, each a range (RangeAreas.areas, ExcelApi 1.9). */
  get areas() {
    return new FakeRangeAreas(this.ctx, this.sheet, this.compute()).areas;
  }
  load(props: string): this {
    return this.queueLoad(["isNullObject", ...loadNames("RangeAreas", props, ["address", "areaCount", "isNullObject"])].join(","), (p) => {
      const runs = this.compute();
      const name = this.sheet().name.replace(/'/g, "''");
      if (p.trim() === "isNullObject") return runs.length === 0;
      if (runs.length === 0) return undefined;
      return p.trim() === "areaCount" ? runs.length : runs.map((r) => `'${name}'!${rangeAddress(r)}`).join(",");
    });
  }
}
