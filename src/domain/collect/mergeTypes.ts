import type { CellScalar, CellValue } from "../grid";
import type { CellUpdate, TableData } from "../workbook";
import type { IssuedForm, ScopeLine } from "./issued";
import type { Receipt, ReturnKind } from "./receipts";

/** A returned file, as read: its name, its tables (rows typed just below a table read as its rows), and how many such rows. */
export interface ReturnedFile {
  file: string;
  tables: ReadonlyMap<string, TableData>;
  /** Rows found below each table (by table name), read as the table's last rows. */
  below?: ReadonlyMap<string, number>;
  /** Rows past those read below a table (a sheet used far further down): counted, named, not read. */
  beyond?: ReadonlyMap<string, number>;
}

/** A cell of the commune workbook to update from a return, and what to record once it is written. */
export interface MergeUpdate extends CellUpdate {
  file: string;
  who: string;
  table: string;
  column: string;
  task: string;
  /** The scope line recording what the form brought, written only if the update is. */
  line?: ScopeLine;
}

/** A cell changed both in the workbook and in the return since the form was sent: the workbook's value is kept. */
export interface MergeConflict {
  file: string;
  who: string;
  sheet: string;
  cell: string;
  task: string;
  table: string;
  column: string;
  sent: CellScalar;
  /** The workbook's value now, and the value the return brings. */
  current: CellScalar;
  returned: CellScalar;
}

/** A row to append to a table of the commune workbook, from a return. */
export interface MergeAppend {
  file: string;
  who: string;
  table: string;
  row: Record<string, CellScalar>;
  line: ScopeLine;
  /** Where the row is in the return (its first cell), for a message that points at it. */
  at?: { cell: string; sheet: string };
}

/** A file not merged, a value or row not taken, or something compared and found different (a message key and its parameters). */
export interface MergeNote {
  file: string;
  code: string;
  params: Record<string, string | number>;
}

/** One return merged: whose (as the commune workbook issued the form), which form, when sent and due. */
export interface MergedReturn {
  file: string;
  who: string;
  kind: ReturnKind;
  form: string;
  sentAt: string;
  due: string;
}

export interface MergePlan {
  /** The period merged: the one asked for, else the first return's (as issued). */
  period?: { from: string; to: string; label: string };
  merged: MergedReturn[];
  /** Returns received for the first time (a unit's or village's first return of the period). */
  receipts: Receipt[];
  updates: MergeUpdate[];
  appends: MergeAppend[];
  conflicts: MergeConflict[];
  /** Files refused whole: not a return, not issued by this workbook, another period's. */
  refused: MergeNote[];
  /** Values and rows not taken (outside the form, breaking the workbook's rules, changed meanwhile), with the return's cell. */
  invalid: MergeNote[];
  /** What a return says about itself and differs from the record, and rows read from below a table: told, nothing refused. */
  notices: MergeNote[];
  /** What the returns brought that is already in the workbook: recorded so that a corrected resend starts from it. */
  lines: ScopeLine[];
}

/** What every part of the merge of one return is given. */
export interface MergeContext {
  plan: MergePlan;
  commune: ReadonlyMap<string, TableData>;
  r: ReturnedFile;
  form: IssuedForm;
  today: string;
  /** The first day a returned date may be (1 January of the plan's year). */
  firstDay: string;
  /** The commune's cells as they stand after the updates planned so far (`row:col`). */
  current: Map<string, CellValue>;
}
