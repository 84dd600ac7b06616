/**
 * Inside Excel, the pane's long jobs (the check, the report's preflight) run here, in a Web
 * Worker: the page reads the tables through Office.js, hands them over a part at a time
 * (`computeJobs.ts`), and only draws the result. Nothing here reads or writes a workbook.
 */
import { VALIDATED_TABLES } from "../domain/rules/validate";
import { validateThrough } from "../domain/rules/runValidation";
import { panePreflight, REPORT_TABLES } from "../domain/report/addReport";
import type { TableData, WorkbookPort } from "../domain/workbook";
import type { ComputeRequest } from "./workerProtocol";
import { abort, inParts, serve, stoppable } from "./workerServe";
import { BANK_TABLES } from "../domain/bank/reconcileJob";
import { CLOSED_TABLE } from "../domain/close/closing";
import { readBankSession, type BankSession } from "../domain/bank/session";
import { browserFiles } from "./files";

let tables = new Map<string, TableData>();
/** The tables the job was given (those the workbook lacks among them, absent), and those it asked for beyond them. */
let given = new Set<string>();
const missed = new Set<string>();
/** The last statements read, kept for the grids the accountant then asks for. */
let bank: BankSession | undefined;

/** The tables handed over, as a port the core's jobs read from; it has nothing else. */
const held: WorkbookPort = {
  // A table beyond those given (a closed period's snapshot, asked for only when its rows changed) is noted: the page reads it then.
  readTables: (names) => {
    for (const n of names) if (!tables.has(n) && !given.has(n)) missed.add(n);
    return Promise.resolve(new Map([...tables].filter(([name]) => names.includes(name))));
  },
  summarize: () => Promise.reject(new Error("compute worker: no workbook")),
  readRanges: () => Promise.reject(new Error("compute worker: no workbook")),
  applyGrids: () => Promise.reject(new Error("compute worker: no workbook")),
  updateCells: () => Promise.reject(new Error("compute worker: no workbook")),
  markIssues: () => Promise.reject(new Error("compute worker: no workbook")),
  clearMarks: () => Promise.reject(new Error("compute worker: no workbook")),
  select: () => Promise.reject(new Error("compute worker: no workbook")),
};

async function handle(req: ComputeRequest): Promise<unknown> {
  switch (req.op) {
    case "abort":
      abort(req.target);
      return undefined;
    case "needs":
      // A new job starts from the tables it is given now: the workbook may have changed since the last.
      tables = new Map();
      missed.clear();
      given = new Set(req.job === "validate" ? [...VALIDATED_TABLES.map((t) => t.spec.name), CLOSED_TABLE] : req.job === "bank" ? [...BANK_TABLES] : [...REPORT_TABLES]);
      return [...given];
    case "missed": {
      // What the last job asked for beyond what it was given; each name once (handed over, or not in the workbook).
      const names = [...missed];
      for (const n of names) given.add(n);
      missed.clear();
      return names;
    }
    case "table":
      tables.set(req.name, { ...req.table, rows: [] });
      return undefined;
    case "rows": {
      const t = tables.get(req.name);
      if (!t) throw new Error(`compute worker: rows of ${req.name} before the table`);
      for (const row of req.rows) t.rows.push(row);
      return undefined;
    }
    case "validate":
      return inParts(req.id, await validateThrough(held, req.today));
    case "preflight":
      return panePreflight(held, req.period, req.today);
    case "bankRead":
      return stoppable(req.id, async (options) => {
        bank = await readBankSession(tables, req.files, (bytes, name) => browserFiles.open(bytes, name), options.onProgress);
        return bank.preview;
      });
    case "bankWrite":
      if (!bank) throw new Error("compute worker: bankWrite before bankRead");
      return bank.grids(req.chosen, req.target, req.now, req.today);
  }
}

serve(handle);
