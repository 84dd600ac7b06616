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
export type RowFormula = (ref: (header: string) => string) => string;

export interface ColumnSpec {
  header: string;
  kind: ColumnKind;
  width: number;
  required?: boolean;
  list?: ListSource;
  /** A formula column: the workbook computes it, users do not type in it. */
  formula?: RowFormula;
  /** Vietnamese input hint shown by Excel when the cell is selected. */
  hint?: string;
  /** A date of something that happened: it cannot be after today. */
  pastOnly?: boolean;
}

export interface ConditionalFormatSpec {
  id: string;
  /** The column to colour, by header; without it the whole table row is coloured. */
  column?: string;
  formula: RowFormula;
  fill: string;
  color?: string;
}

export interface TableSpec {
  name: string;
  columns: readonly ColumnSpec[];
  conditionalFormats?: readonly ConditionalFormatSpec[];
  /** Rows to pre-fill into an empty table, derived from the plan. */
  prefill?: "units" | "tasks" | "info" | "donorGroups" | "awardForms";
}

export interface SheetSpec {
  name: string;
  tables: readonly TableSpec[];
  tabColor: string;
}
