import type { Issue } from "../domain/rules/types";
import type { PanePreflight } from "../domain/report/addReport";
import type { BankPreview, BankWrite } from "../domain/bank/session";
import { CancelledError, type ReadOptions, type TableData, type WorkbookPort } from "../domain/workbook";
import type { PaneJobs } from "../taskpane/paneContext";
import { WorkerChannel } from "./workerChannel";
import { ROWS_PART, type ComputeJob, type ComputeRequest } from "./workerProtocol";

/**
 * The pane's long jobs inside Excel, off the page's thread: the tables a job needs are read through
 * the port (Office.js, a sync per slice), handed to the compute worker `ROWS_PART` rows at a time
 * (each a short task, so the page keeps drawing), and the job runs there. Where no worker can be
 * made, the pane keeps its own jobs.
 */
export function computeJobs(port: WorkbookPort, worker: Worker): PaneJobs {
  const channel = new WorkerChannel<ComputeRequest>(worker);
  const hand = async (tables: ReadonlyMap<string, TableData>, options: ReadOptions) => {
    for (const [name, t] of tables) {
      const { rows, ...table } = t;
      await channel.send({ op: "table", name, table });
      for (let i = 0; i < rows.length; i += ROWS_PART) {
        if (options.signal?.aborted) throw new CancelledError();
        await channel.send({ op: "rows", name, rows: rows.slice(i, i + ROWS_PART) });
      }
    }
  };
  const load = async (job: ComputeJob, options: ReadOptions) => {
    const names = await channel.send<string[]>({ op: "needs", job });
    await hand(await port.readTables(names, options), options);
  };
  /**
   * What the job asked for beyond what it was given (the snapshot of a closed period whose rows changed:
   * most checks need none), read and handed over; then the job runs once more with it.
   */
  const again = async <T,>(job: () => Promise<T>, options: ReadOptions): Promise<T> => {
    const first = await job();
    const names = await channel.send<string[]>({ op: "missed" });
    if (names.length === 0) return first;
    const more = await port.readTables(names, options);
    if (more.size === 0) return first;
    await hand(more, options);
    return job();
  };
  return {
    validate: async (today, options) => {
      await load("validate", options);
      return again(() => channel.send<Issue[]>({ op: "validate", today }), options);
    },
    preflight: async (period, today, options) => {
      await load("preflight", options);
      return again(() => channel.send<PanePreflight>({ op: "preflight", period, today }), options);
    },
    // The statements are read and matched beside the ledger; the page writes the grids it gets back.
    bankRead: async (files, options) => {
      await load("bank", options);
      return channel.send<BankPreview>({ op: "bankRead", files }, [], options.onProgress);
    },
    bankWrite: (chosen, target, now, today) => channel.send<BankWrite>({ op: "bankWrite", chosen, target, now, today }),
  };
}


/** Where no worker can be made: the pane's own jobs, the same the pane runs without a host's. */
export { pageJobs } from "../taskpane/pageJobs";
