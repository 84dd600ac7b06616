import type { BankPreview, BankWrite, StatementFile } from "../domain/bank/session";
import type { PaperTarget } from "../domain/paperMark";
import type { CellValue, Grid } from "../domain/grid";
import type { SheetMarks } from "../domain/rules/marks";
import type { Issue } from "../domain/rules/types";
import type { Period } from "../domain/period";
import type { PanePreflight } from "../domain/report/addReport";
import type { CellUpdate, RangeRequest, ReadOptions, SheetLock, TableData, WorkbookPort, WorkbookSummary } from "../domain/workbook";
import type { ForwardedMethod, WorkerRequest } from "./workerProtocol";
import { WorkerChannel, type DistributiveOmit } from "./workerChannel";

/**
 * The port of a workbook that lives in the preview's Web Worker: every call is a message, long
 * reads report progress and stop on the pane's Stop button. The page's thread stays free.
 */
export class WorkerPort implements WorkbookPort {
  private readonly channel: WorkerChannel<WorkerRequest>;
  /** The last cell shown with `select`: a file has no cursor, the preview pane shows this one. */
  selected: { sheet: string; cell: string } | undefined;

  constructor(worker: Worker) {
    this.channel = new WorkerChannel<WorkerRequest>(worker);
  }

  private send<T>(req: DistributiveOmit<WorkerRequest, "id">, transfer: Transferable[] = []): Promise<T> {
    return this.channel.send<T>(req, transfer);
  }

  private call<T>(method: ForwardedMethod, ...args: unknown[]): Promise<T> {
    return this.send<T>({ op: "call", method, args } as DistributiveOmit<WorkerRequest, "id">);
  }

  private stoppable<T>(req: DistributiveOmit<WorkerRequest, "id">, options?: ReadOptions): Promise<T> {
    return this.channel.stoppable<T>(req, options);
  }

  /** Ends the worker and what it holds (a workbook closed in the preview). */
  close(): void {
    this.channel.close();
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
  preflight(period: Period, today: string, options?: ReadOptions): Promise<PanePreflight> {
    return this.stoppable({ op: "preflight", period, today }, options);
  }

  /** Bank statements read and reconciled in the worker, beside the ledger. */
  bankRead(files: StatementFile[], options?: ReadOptions): Promise<BankPreview> {
    return this.stoppable({ op: "bankRead", files }, options);
  }

  /** The grids of the last reconciliation, with the credits chosen added (the page then writes them). */
  bankWrite(chosen: number[], target: PaperTarget, now: string, today: string): Promise<BankWrite> {
    return this.send({ op: "bankWrite", chosen, target, now, today });
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

  lockCells(locks: readonly SheetLock[]): Promise<void> {
    return this.call("lockCells", locks);
  }

  select(sheet: string, cell: string): Promise<void> {
    this.selected = { sheet, cell };
    return Promise.resolve();
  }
}
