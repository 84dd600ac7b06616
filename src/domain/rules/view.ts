import { cellAddress, isEmptyValue, type CellValue } from "../grid";
import type { ColumnSpec, HeaderOf, TableSpec } from "../sheets/types";
import { nameKey } from "../text";
import type { TableData } from "../workbook";
import { RULES, type Fix, type Issue, type RuleId } from "./types";

export type Parsed = string | number | undefined;

/** Code-unit order: ISO dates sort as dates, and far faster than a locale collation. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * One of our tables as validation sees it: columns found by header wherever the user moved
 * them, and each cell's value once read (undefined for empty or unreadable).
 */
export class TableView<H extends string = string> {
  private readonly index = new Map<string, number>();
  /** Header lookups by the exact text rules use, so the name folding runs once per header. */
  private readonly byHeader = new Map<H, number | undefined>();
  readonly parsed = new Map<string, Parsed[]>();
  readonly blank: boolean[];

  constructor(
    readonly data: TableData,
    readonly spec: TableSpec,
  ) {
    data.headers.forEach((h, i) => {
      const k = nameKey(h);
      if (!this.index.has(k)) this.index.set(k, i);
    });
    const dataCols = spec.columns.filter((c) => !c.formula).map((c) => this.colOf(c.header as H)).filter((i): i is number => i !== undefined);
    this.blank = data.rows.map((row) => dataCols.every((i) => isEmptyValue(row[i])));
  }

  get name(): string {
    return this.data.name;
  }

  get sheet(): string {
    return this.data.sheet;
  }

  get rowCount(): number {
    return this.data.rows.length;
  }

  colOf(header: H): number | undefined {
    if (this.byHeader.has(header)) return this.byHeader.get(header);
    const c = this.index.get(nameKey(header));
    this.byHeader.set(header, c);
    return c;
  }

  has(header: H): boolean {
    return this.colOf(header) !== undefined;
  }

  raw(i: number, header: H): CellValue {
    const c = this.colOf(header);
    return c === undefined ? null : (this.data.rows[i]?.[c] ?? null);
  }

  value(i: number, header: H): Parsed {
    return this.parsed.get(header)?.[i];
  }

  text(i: number, header: H): string | undefined {
    const v = this.value(i, header);
    return typeof v === "string" ? v : undefined;
  }

  num(i: number, header: H): number | undefined {
    const v = this.value(i, header);
    return typeof v === "number" ? v : undefined;
  }

  /** Empty cell (as opposed to one that holds something unreadable). */
  isEmpty(i: number, header: H): boolean {
    return isEmptyValue(this.raw(i, header));
  }

  column(header: H): ColumnSpec | undefined {
    return this.spec.columns.find((c) => c.header === header);
  }
}

/** The view of one of our tables, its headers known to the type checker: `ViewOf<typeof nhiemVuTable>`. */
export type ViewOf<T> = TableView<HeaderOf<T>>;

/** The view of a table read from `spec`, typed by its headers (the one place a view gets its type). */
export function viewFor<T extends TableSpec>(views: ReadonlyMap<string, TableView>, spec: T): ViewOf<T> | undefined {
  const v = views.get(spec.name);
  return v && v.spec === spec ? (v as unknown as ViewOf<T>) : undefined;
}

/** Collects issues with their cell addresses. */
export class IssueSink {
  readonly issues: Issue[] = [];

  at<H extends string>(view: TableView<H>, i: number, header: H, rule: RuleId, params: Record<string, string | number> = {}, fix?: Fix): void {
    const c = view.colOf(header) ?? 0;
    const row = view.data.range.top + 1 + i;
    const col = view.data.range.left + c;
    const cell = cellAddress(row, col);
    this.issues.push({
      rule,
      severity: RULES[rule].severity,
      sheet: view.sheet,
      table: view.name,
      row,
      column: header,
      cell,
      col,
      params: { ...params, cell, sheet: view.sheet, column: header },
      ...(fix ? { fix } : {}),
    });
  }

  /** An issue about a whole table or a missing column: placed on the header row. */
  atTable(sheet: string, table: string, row: number, col: number, rule: RuleId, params: Record<string, string | number>): void {
    const cell = cellAddress(row, col);
    this.issues.push({ rule, severity: RULES[rule].severity, sheet, table, row, column: "", cell, col, params: { ...params, cell, sheet, table } });
  }
}
