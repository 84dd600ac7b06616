/** Why a workbook file could not be used. The CLI and the pane turn the code into a Vietnamese message. */
export type WorkbookFileProblem =
  | "not-found"
  | "folder-missing"
  | "not-a-workbook"
  | "too-large"
  | "oversized"
  | "not-a-file"
  | "damaged-part"
  | "legacy-or-encrypted"
  | "read-only"
  | "read-only-fs"
  | "disk-full"
  | "busy"
  | "locked"
  | "in-use"
  | "changed-meanwhile"
  | "not-verified"
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

/** The problem an operating-system error stands for, naming the file it happened to. */
export function fileErrorOf(e: unknown, file: string): WorkbookFileError {
  if (e instanceof WorkbookFileError) return e;
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  const problem: WorkbookFileProblem =
    code === "EACCES" || code === "EPERM"
      ? "read-only"
      : code === "EROFS"
        ? "read-only-fs"
        : code === "ENOSPC" || code === "EDQUOT"
          ? "disk-full"
          : code === "EBUSY" || code === "ETXTBSY"
            ? "in-use"
            : code === "ENOENT" || code === "ENOTDIR"
              ? "folder-missing"
              : "write-failed";
  return new WorkbookFileError(problem, file, problem === "write-failed" ? (code ?? (e as Error | undefined)?.message ?? "") : "", { cause: e });
}
