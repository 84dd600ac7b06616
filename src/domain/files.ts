import type { DocModel } from "./report/document";
import type { WorkbookPort } from "./workbook";

/** A workbook made from nothing (a form, a summary), to be saved as a file. */
export interface NewWorkbook extends WorkbookPort {
  toBytes(): Promise<Uint8Array>;
}

/** A workbook file opened for reading; `close` ends what holds it (a worker in the browser), if anything does. */
export interface OpenedWorkbook extends WorkbookPort {
  close?(): void;
}

/**
 * The port to files, beside the workbook's: what jobs need to read and make files, whoever runs
 * them (the command line on Node, the pane in a browser). Every method refuses what is not what it
 * says (a file that is no workbook, a zip bomb) with an error the catalogs explain.
 */
export interface FilesPort {
  /** A workbook file's bytes, opened (a return, a commune's workbook). */
  open(bytes: Uint8Array, name: string): Promise<OpenedWorkbook>;
  /** A new, empty workbook. */
  create(subject: string): Promise<NewWorkbook>;
  /** Files packed into one .zip. */
  zip(files: readonly { name: string; bytes: Uint8Array }[]): Promise<Uint8Array>;
  /** Papers as one Word file (each a section). */
  word(docs: readonly DocModel[], title: string): Promise<Uint8Array>;
  /** The text of a plan's file (.docx or .txt). */
  planText(bytes: Uint8Array, name: string): Promise<string>;
}
