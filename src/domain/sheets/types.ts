/** What a column holds; decides its number format, its native validation and how it is read. */
export type ColumnKind = "text" | "longtext" | "date" | "whole" | "amount" | "rate" | "year" | "index";

/** Where a list column takes its allowed values from. */
export type ListSource =
  | { kind: "enum"; values: readonly string[] }
  | { kind: "table"; table: string; header: string };

/**
 * Builds a row formula from references to other columns in the same row. Cell formulas get
 * structured references (`tblCamKet[[#This Row],[Số hộ]]`, which follow moved columns);
 * conditional formats, where Excel forbids those, get A1 references (`$C2`).
 */
export type RowFormula<H extends string = string> = (ref: (header: H) => string) => string;

export interface ColumnSpec<H extends string = string> {
  header: H;
  kind: ColumnKind;
  width: number;
  required?: boolean;
  list?: ListSource;
  /** A formula column: the workbook computes it, users do not type in it. */
  formula?: RowFormula<H>;
  /** Vietnamese input hint shown by Excel when the cell is selected. */
  hint?: string;
  /** A date of something that happened: it cannot be after today. */
  pastOnly?: boolean;
}

export interface ConditionalFormatSpec<H extends string = string> {
  id: string;
  /** The column to colour, by header; without it the whole table row is coloured. */
  column?: H;
  formula: RowFormula<H>;
  fill: string;
  color?: string;
}

export interface TableSpec<H extends string = string> {
  name: string;
  columns: readonly ColumnSpec<H>[];
  conditionalFormats?: readonly ConditionalFormatSpec<H>[];
  /** Rows to pre-fill into an empty table, derived from the plan. */
  prefill?: "units" | "tasks" | "info" | "donorGroups" | "awardForms" | "plan";
}

export interface SheetSpec {
  name: string;
  tables: readonly TableSpec[];
  tabColor: string;
}

/** The headers of a table spec, as the type checker knows them: a misspelt header does not compile. */
export type HeaderOf<T> = T extends TableSpec<infer H> ? H : never;

/** A table spec whose headers are kept as literal types (`HeaderOf`). */
export function defineTable<const H extends string>(spec: TableSpec<H>): TableSpec<H> {
  return spec;
}
