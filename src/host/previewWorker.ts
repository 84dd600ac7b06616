/**
 * The preview's workbook lives here, in a Web Worker: opening, reading and writing a big file
 * never freezes the page. The page talks to it through `WorkerPort` (workerPort.ts).
 */
import { XlsxWorkbook } from "../adapters/xlsx/xlsxWorkbook";
import { chauSonPlan } from "../domain/sample/chauSonPlan";
import { demoRows } from "../domain/sample/demoData";
import { applyTemplates } from "../domain/template/applyTemplates";
import { validateThrough } from "../domain/rules/runValidation";
import { panePreflight } from "../domain/report/addReport";
import type { WorkbookPort } from "../domain/workbook";
import { BANK_TABLES } from "../domain/bank/reconcileJob";
import { readBankSession, type BankSession } from "../domain/bank/session";
import type { ForwardedMethod, WorkerRequest } from "./workerProtocol";
import { abort, inParts, serve, stoppable } from "./workerServe";

let book: XlsxWorkbook | undefined;
/** The last statements read, kept for the grids the accountant then asks for. */
let bank: BankSession | undefined;

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
      abort(req.target);
      return undefined;
    case "readTables":
      return stoppable(req.id, (options) => opened().readTables(req.names, options));
    case "validate":
      // The check runs here, beside the workbook: the page only draws the issues it gets, a part at a time.
      return inParts(req.id, await stoppable(req.id, (options) => validateThrough(opened(), req.today, options)));
    case "preflight":
      // The report's figures and what it would be built over, read and computed here too.
      return stoppable(req.id, (options) => panePreflight(opened(), req.period, req.today, options));
    case "bankRead":
      return stoppable(req.id, async (options) => {
        bank = await readBankSession(await opened().readTables(BANK_TABLES, options), req.files, (bytes, name) => XlsxWorkbook.open(bytes, name));
        return bank.preview;
      });
    case "bankWrite":
      if (!bank) throw new Error("bankWrite before bankRead");
      return bank.grids(req.chosen, req.target, req.now, req.today);
    case "call":
      return forward(opened(), req.method, req.args);
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
    case "lockCells":
      return port.lockCells ? port.lockCells(args[0] as Parameters<NonNullable<WorkbookPort["lockCells"]>>[0]) : Promise.resolve();
  }
}

serve(handle);
