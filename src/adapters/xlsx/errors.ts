/** Why a workbook file could not be used. The CLI and the pane turn the code into a Vietnamese message. */
export type WorkbookFileProblem =
  | "not-found"
  | "not-a-workbook"
  | "legacy-or-encrypted"
  | "read-only"
  | "locked"
  | "unsupported-content"
  | "write-failed"
  | "would-overwrite";

export class WorkbookFileError extends Error {
  constructor(
    readonly problem: WorkbookFileProblem,
    readonly file: string,
    readonly detail: string = "",
    options?: { cause?: unknown },
  ) {
    super(`${problem}: ${file}${detail ? ` (${detail})` : ""}`, options);
    this.name = "WorkbookFileError";
  }
}
