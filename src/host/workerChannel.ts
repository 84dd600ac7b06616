import { CancelledError, GridConflictError, type ReadOptions } from "../domain/workbook";
import type { WorkerError, WorkerReply } from "./workerProtocol";

type Pending = { resolve: (v: unknown) => void; reject: (e: unknown) => void; onProgress?: (done: number, total: number) => void; parts?: unknown[][] };

/** Rebuilds the errors the pane tells apart; others keep their message. */
function errorOf(e: WorkerError): Error {
  if (e.name === "CancelledError") return new CancelledError();
  if (e.name === "GridConflictError") return new GridConflictError(typeof e.sheet === "string" ? e.sheet : "", Array.isArray(e.cells) ? (e.cells as string[]) : []);
  // Others keep their name and fields: the pane tells them apart by those (src/i18n/errors.ts).
  return Object.assign(new Error(e.message), e, { name: e.name });
}

/**
 * The page's side of the page–worker protocol (workerProtocol.ts): each request numbered and
 * answered once, its progress and the parts of a long list gathered on the way, a long job
 * stopped by the pane's Stop button.
 */
export class WorkerChannel<Q extends { id: number; op: string }> {
  private next = 1;
  private readonly pending = new Map<number, Pending>();

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

  send<T>(req: DistributiveOmit<Q, "id"> & { id?: number }, transfer: Transferable[] = [], onProgress?: (done: number, total: number) => void): Promise<T> {
    const id = req.id ?? this.next++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, ...(onProgress ? { onProgress } : {}) });
      this.worker.postMessage({ ...req, id }, transfer);
    });
  }

  /** A long request the pane's Stop button ends (the worker stops between rows) and that reports its progress. */
  stoppable<T>(req: DistributiveOmit<Q, "id">, options?: ReadOptions): Promise<T> {
    if (options?.signal?.aborted) return Promise.reject(new CancelledError());
    const id = this.next++;
    options?.signal?.addEventListener("abort", () => this.worker.postMessage({ id: this.next++, op: "abort", target: id }), { once: true });
    return this.send<T>({ ...req, id }, [], options?.onProgress);
  }

  /** Ends the worker and what it holds. */
  close(): void {
    this.worker.terminate();
    for (const p of this.pending.values()) p.reject(new CancelledError());
    this.pending.clear();
  }
}

/** `Omit` over each member of a union of requests. */
export type DistributiveOmit<T, K extends keyof T> = T extends unknown ? Omit<T, K> : never;
