/**
 * The worker side of the page–worker protocol (workerProtocol.ts), shared by the preview's worker
 * and the compute worker: each request answered once, long lists in parts, errors as plain data.
 */
import type { ReadOptions } from "../domain/workbook";
import { LIST_PART, type WorkerReply } from "./workerProtocol";

interface WorkerScope<Q> {
  onmessage: ((e: { data: Q }) => void) | null;
  postMessage(message: WorkerReply, transfer?: Transferable[]): void;
}

const scope = self as unknown as WorkerScope<{ id: number }>;
const aborts = new Map<number, AbortController>();

/** Marks a list result sent in parts of `LIST_PART` before the reply (10,000 issues at once froze the page 70 ms to take in). */
const PARTED = Symbol("parted");
export function inParts(id: number, list: readonly unknown[]): typeof PARTED {
  for (let i = 0; i < list.length; i += LIST_PART) scope.postMessage({ id, part: list.slice(i, i + LIST_PART) });
  return PARTED;
}

/** A long job the page can stop ("Dừng"), its progress sent as it goes. */
export async function stoppable<T>(id: number, job: (options: ReadOptions) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  aborts.set(id, controller);
  try {
    return await job({ signal: controller.signal, onProgress: (done, total) => scope.postMessage({ id, progress: [done, total] }) });
  } finally {
    aborts.delete(id);
  }
}

/** Stops the job of request `target`, if it is still running. */
export function abort(target: number): void {
  aborts.get(target)?.abort();
}

/** Answers each request with what `handle` gives (bytes handed over, not copied), or with its error's plain data. */
export function serve<Q extends { id: number }>(handle: (req: Q) => Promise<unknown>): void {
  (scope as unknown as WorkerScope<Q>).onmessage = (e) => {
    const req = e.data;
    handle(req).then(
      (result) =>
        result === PARTED
          ? scope.postMessage({ id: req.id, ok: true, result: null, parts: true })
          : scope.postMessage({ id: req.id, ok: true, result }, result instanceof Uint8Array ? [result.buffer as ArrayBuffer] : []),
      (err: unknown) => {
        const error = err instanceof Error ? { name: err.name, message: err.message, ...pick(err) } : { name: "Error", message: String(err) };
        scope.postMessage({ id: req.id, ok: false, error });
      },
    );
  };
}

/** The fields of an error the page needs to tell the user about it: its own plain data (sheet, cells, problem, file…). */
function pick(err: Error): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(err)) {
    if (typeof v === "string" || typeof v === "number" || typeof v === "boolean" || (Array.isArray(v) && v.every((x) => typeof x === "string"))) out[k] = v;
  }
  return out;
}
