import type { CellValue, Grid } from "../domain/grid";
import type { SheetMarks } from "../domain/rules/marks";
import type { Issue } from "../domain/rules/types";
import type { Period } from "../domain/period";
import type { Preflight } from "../domain/report/addReport";
import { CancelledError, GridConflictError, type CellUpdate, type RangeRequest, type ReadOptions, type TableData, type WorkbookPort, type WorkbookSummary } from "../domain/workbook";
import type { ForwardedMethod, WorkerError, WorkerReply, WorkerRequest } from "./workerProtocol";

/** A request before it is given its id. */
type Unnumbered = WorkerRequest extends infer R ? (R extends unknown ? Omit<R, "id"> : never) : never;

type Pending = { resolve: (v: unknown) => void; reject: (e: unknown) => void; onProgress?: (done: number, total: number) => void; parts?: unknown[][] };

/** Rebuilds the errors the pane tells apart; others keep their message. */
function errorOf(e: WorkerError): Error {
  if (e.name === "CancelledError") return new CancelledError();
  if (e.name === "GridConflictError") return new GridConflictError(typeof e.sheet === "string" ? e.sheet : "", Array.isArray(e.cells) ? (e.cells as string[]) : []);
  // Others keep their name and fields: the pane tells them apart by those (src/i18n/errors.ts).
  return Object.assign(new Error(e.message), e, { name: e.name });
}

/**
 * The port of a workbook that lives in the preview's Web Worker: every call is a message, long
 * reads report progress and stop on the pane's Stop button. The page's thread stays free.
 */
export class WorkerPort implements WorkbookPort {
  private next = 1;
  private readonly pending = new Map<number, Pending>();
  /** The last cell shown with `select`: a file has no cursor, the preview pane shows this one. */
  selected: { sheet: string; cell: string } | undefined;

  constructor(private readonly worker: Worker) {
    worker.onmessage = (e: MessageEvent<WorkerReply>) => {
      const reply = e.data;
      const p = this.pending.get(reply.id);
      if (!p) return;
      if ("progress" in reply) {
        p.onProgress?.(reply.progress[0], reply.progress[1]);
        return;
      }
      if ("part" in reply) {
        (p.parts ??= []).push(reply.part);
        return;
      }
      this.pending.delete(reply.id);
      if (reply.ok) p.resolve(reply.parts ? (p.parts ?? []).flat() : reply.result);
      else p.reject(errorOf(reply.error));
    };
  }

  private send<T>(req: Unnumbered & { id?: number }, transfer: Transferable[] = [], onProgress?: (done: number, total: number) => void): Promise<T> {
    const id = req.id ?? this.next++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, ...(onProgress ? { onProgress } : {}) });
      this.worker.postMessage({ ...req, id }, transfer);
    });
  }

  private call<T>(method: ForwardedMethod, ...args: unknown[]): Promise<T> {
    return this.send<T>({ op: "call", method, args } as Unnumbered);
  }

  /** Ends the worker and what it holds (a workbook closed in the preview). */
  close(): void {
    this.worker.terminate();
    for (const p of this.pending.values()) p.reject(new CancelledError());
    this.pending.clear();
  }

  /** Opens a workbook file's bytes (handed over to the worker, not copied). */
  open(bytes: ArrayBuffer, name?: string): Promise<void> {
    return this.send({ op: "open", bytes, ...(name !== undefined ? { name } : {}) }, [bytes]);
  }

  /** The built-in sample: templates with a year of data. */
  sample(): Promise<void> {
    return this.send({ op: "sample" });
  }

  /** The workbook as an .xlsx file, proven to change nothing of the opened file but what was written. */
  download(): Promise<Uint8Array> {
    return this.send<Uint8Array>({ op: "download" });
  }

  summarize(): Promise<WorkbookSummary> {
    return this.call("summarize");
  }

  readRanges(requests: readonly RangeRequest[]): Promise<CellValue[][][]> {
    return this.call("readRanges", requests);
  }

  readTables(names: readonly string[], options?: ReadOptions): Promise<Map<string, TableData>> {
    return this.stoppable({ op: "readTables", names: [...names] }, options);
  }

  /** The check run in the worker, beside the workbook (the page's thread only draws the issues). */
  validate(today: string, options?: ReadOptions): Promise<Issue[]> {
    return this.stoppable({ op: "validate", today }, options);
  }

  /** The report's preflight (its figures and caveats) computed in the worker. */
  preflight(period: Period, today: string, options?: ReadOptions): Promise<Preflight> {
    return this.stoppable({ op: "preflight", period, today }, options);
  }

  /** A long request the pane's Stop button ends (the worker stops between rows) and that reports its progress. */
  private stoppable<T>(req: Unnumbered, options?: ReadOptions): Promise<T> {
    if (options?.signal?.aborted) return Promise.reject(new CancelledError());
    const id = this.next++;
    options?.signal?.addEventListener("abort", () => this.worker.postMessage({ id: this.next++, op: "abort", target: id } satisfies WorkerRequest), { once: true });
    return this.send<T>({ ...req, id }, [], options?.onProgress);
  }

  applyGrids(grids: readonly Grid[]): Promise<void> {
    return this.call("applyGrids", grids);
  }

  updateCells(updates: readonly CellUpdate[]): Promise<{ applied: number; skipped: CellUpdate[] }> {
    return this.call("updateCells", updates);
  }

  markIssues(marks: readonly SheetMarks[]): Promise<void> {
    return this.call("markIssues", marks);
  }

  clearMarks(): Promise<void> {
    return this.call("clearMarks");
  }

  select(sheet: string, cell: string): Promise<void> {
    this.selected = { sheet, cell };
    return Promise.resolve();
  }
}
