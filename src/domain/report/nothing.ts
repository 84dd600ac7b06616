/** A period with nothing to propose or to disclose: no paper is written, the clerk is told why. */
export class NothingToIssueError extends Error {
  constructor(
    readonly paper: "dossier" | "disclosure",
    readonly period: string,
    /** Rows of the period that could not be read (they may be what is missing). */
    readonly unreadable = 0,
  ) {
    super(`Nothing to issue: ${paper} ${period}`);
    this.name = "NothingToIssueError";
  }
}

