import type { Period } from "../domain/period";
import type { CellValue } from "../domain/grid";
import type { TableData, WorkbookPort } from "../domain/workbook";
import type { StatementFile } from "../domain/bank/session";
import type { PaperTarget } from "../domain/paperMark";

/** Port methods the page forwards as they are (their arguments and results clone). */
export type ForwardedMethod = "summarize" | "readRanges" | "applyGrids" | "updateCells" | "markIssues" | "clearMarks" | "lockCells";

export type WorkerRequest =
  | { id: number; op: "open"; bytes: ArrayBuffer; name?: string }
  | { id: number; op: "sample" }
  | { id: number; op: "download" }
  | { id: number; op: "abort"; target: number }
  | { id: number; op: "readTables"; names: string[] }
  | { id: number; op: "validate"; today: string }
  | { id: number; op: "missed" }
  | { id: number; op: "preflight"; period: Period; today: string }
  | { id: number; op: "call"; method: ForwardedMethod; args: Parameters<Required<WorkbookPort>[ForwardedMethod]> }
  | BankRequest;

/** An error as it crosses from the worker: its name, message and its own plain fields. */
export interface WorkerError {
  name: string;
  message: string;
  [field: string]: unknown;
}

/**
 * A long list result (the check's issues) comes in parts before its reply, each small enough to be
 * taken in by the page without freezing it; the reply then carries `parts: true` and no result.
 */
export const LIST_PART = 1_000;

export type WorkerReply =
  | { id: number; part: unknown[] }
  | { id: number; ok: true; result: unknown; parts?: true }
  | { id: number; ok: false; error: WorkerError }
  | { id: number; progress: [number, number] };

/**
 * Requests to the compute worker, which runs the pane's long jobs inside Excel: the page reads the
 * tables a job needs through Office.js and hands them over a part at a time, then the job runs
 * beside them, off the page's thread.
 */
export type ComputeJob = "validate" | "preflight" | "bank";
export type ComputeRequest =
  | { id: number; op: "abort"; target: number }
  | { id: number; op: "needs"; job: ComputeJob }
  | { id: number; op: "table"; name: string; table: Omit<TableData, "rows"> }
  | { id: number; op: "rows"; name: string; rows: CellValue[][] }
  | { id: number; op: "validate"; today: string }
  | { id: number; op: "missed" }
  | { id: number; op: "preflight"; period: Period; today: string }
  | BankRequest;

/** The bank reconciliation's two steps, in the compute worker and in the preview's. */
export type BankRequest =
  | { id: number; op: "bankRead"; files: StatementFile[] }
  | { id: number; op: "bankWrite"; chosen: number[]; target: PaperTarget; now: string; today: string };

/** Rows handed to the compute worker per message: each is copied in a few milliseconds. */
export const ROWS_PART = 5_000;
