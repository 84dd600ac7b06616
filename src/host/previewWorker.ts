/**
 * The preview's workbook lives here, in a Web Worker: opening, reading and writing a big file
 * never freezes the page. The page talks to it through `WorkerPort` (workerPort.ts).
 */
import { XlsxWorkbook } from "../adapters/xlsx/xlsxWorkbook";
import { chauSonPlan } from "../domain/sample/chauSonPlan";
import { demoRows } from "../domain/sample/demoData";
import { applyTemplates } from "../domain/template/applyTemplates";
import { validateThrough } from "../domain/rules/runValidation";
import { reportPreflight } from "../domain/report/addReport";
import type { ReadOptions, WorkbookPort } from "../domain/workbook";
import { LIST_PART, type ForwardedMethod, type WorkerReply, type WorkerRequest } from "./workerProtocol";

interface WorkerScope {
  onmessage: ((e: { data: WorkerRequest }) => void) | null;
  postMessage(message: WorkerReply, transfer?: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;
let book: XlsxWorkbook | undefined;
const aborts = new Map<number, AbortController>();

function opened(): XlsxWorkbook {
  if (!book) throw new Error("Chưa mở sổ nào.");
  return book;
}

async function handle(req: WorkerRequest): Promise<unknown> {
  switch (req.op) {
    case "open":
      book = await XlsxWorkbook.open(req.bytes, req.name ?? "");
      return undefined;
    case "sample":
      book = await XlsxWorkbook.empty();
      await applyTemplates(book, chauSonPlan, demoRows(chauSonPlan));
      return undefined;
    case "download":
      return opened().toVerifiedBuffer();
    case "abort":
      aborts.get(req.target)?.abort();
      return undefined;
    case "readTables":
      return stoppable(req.id, (options) => opened().readTables(req.names, options));
    case "validate":
      // The check runs here, beside the workbook: the page only draws the issues it gets, a part at a time.
      return inParts(req.id, await stoppable(req.id, (options) => validateThrough(opened(), req.today, options)));
    case "preflight":
      // The report's figures and what it would be built over, read and computed here too.
      return stoppable(req.id, (options) => reportPreflight(opened(), req.period, req.today, options));
    case "call":
      return forward(opened(), req.method, req.args);
  }
}

/** Marks a list result sent in parts of `LIST_PART` before the reply (10,000 issues at once froze the page 70 ms to take in). */
const PARTED = Symbol("parted");
function inParts(id: number, list: readonly unknown[]): typeof PARTED {
  for (let i = 0; i < list.length; i += LIST_PART) scope.postMessage({ id, part: list.slice(i, i + LIST_PART) });
  return PARTED;
}

/** A long job the page can stop ("Dừng"), its progress sent as it goes. */
async function stoppable<T>(id: number, job: (options: ReadOptions) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  aborts.set(id, controller);
  try {
    return await job({ signal: controller.signal, onProgress: (done, total) => scope.postMessage({ id, progress: [done, total] }) });
  } finally {
    aborts.delete(id);
  }
}

/** One port method, by name, with the page's arguments. */
function forward(port: WorkbookPort, method: ForwardedMethod, args: readonly unknown[]): Promise<unknown> {
  switch (method) {
    case "summarize":
      return port.summarize();
    case "readRanges":
      return port.readRanges(args[0] as Parameters<WorkbookPort["readRanges"]>[0]);
    case "applyGrids":
      return port.applyGrids(args[0] as Parameters<WorkbookPort["applyGrids"]>[0]);
    case "updateCells":
      return port.updateCells(args[0] as Parameters<WorkbookPort["updateCells"]>[0]);
    case "markIssues":
      return port.markIssues(args[0] as Parameters<WorkbookPort["markIssues"]>[0]);
    case "clearMarks":
      return port.clearMarks();
  }
}

scope.onmessage = (e) => {
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

/** The fields of an error the page needs to tell the user about it: its own plain data (sheet, cells, problem, file…). */
function pick(err: Error): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(err)) {
    if (typeof v === "string" || typeof v === "number" || typeof v === "boolean" || (Array.isArray(v) && v.every((x) => typeof x === "string"))) out[k] = v;
  }
  return out;
}
