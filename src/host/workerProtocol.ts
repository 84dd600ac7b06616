import type { Period } from "../domain/period";
import type { WorkbookPort } from "../domain/workbook";

/** Port methods the page forwards as they are (their arguments and results clone). */
export type ForwardedMethod = "summarize" | "readRanges" | "applyGrids" | "updateCells" | "markIssues" | "clearMarks";

export type WorkerRequest =
  | { id: number; op: "open"; bytes: ArrayBuffer; name?: string }
  | { id: number; op: "sample" }
  | { id: number; op: "download" }
  | { id: number; op: "abort"; target: number }
  | { id: number; op: "readTables"; names: string[] }
  | { id: number; op: "validate"; today: string }
  | { id: number; op: "preflight"; period: Period; today: string }
  | { id: number; op: "call"; method: ForwardedMethod; args: Parameters<WorkbookPort[ForwardedMethod]> };

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
