import { rangeAddress } from "../../domain/grid";
import type { SheetLock } from "../../domain/workbook";
import { WorkbookLockedError, type ExcelRun } from "./officeWorkbook";

/**
 * Locks the given cells of each sheet, the rest left editable (WorksheetProtection and
 * RangeFormat.protection, ExcelApi 1.2): a protected sheet is first unprotected without a password
 * (one protected with a password refuses it: said, nothing changed on that sheet), every cell
 * unlocked, the closed rows locked, the sheet protected again with columns, rows and filters usable.
 * Its own chunk, loaded when the clerk first asks (seldom).
 */
/** Ranges locked per request: about 100 bytes each, well under Excel on the web's 5 MB. */
const LOCKS_PER_SYNC = 2_000;

export function lockSheets(run: ExcelRun, locks: readonly SheetLock[]): Promise<void> {
  return run(async (ctx) => {
    const sheets = locks.map((l) => ({ l, ws: ctx.workbook.worksheets.getItem(l.sheet) }));
    const states = sheets.map(({ ws }) => ws.protection.load("protected"));
    await ctx.sync();
    // Every protection to lift lifted first, one sheet at a time: one that needs a password puts the others back and stops.
    const todo: typeof sheets = [];
    const lifted: Excel.Worksheet[] = [];
    for (const [i, { l, ws }] of sheets.entries()) {
      const was = (states[i] as Excel.WorksheetProtection).protected;
      if (!was && (l.onlyIfProtected || l.locked === null)) continue;
      todo.push({ l, ws });
      if (!was) continue;
      ws.protection.unprotect();
      try {
        await ctx.sync();
        lifted.push(ws);
      } catch {
        for (const other of lifted) other.protection.protect({ allowFormatColumns: true, allowFormatRows: true, allowAutoFilter: true });
        await ctx.sync();
        throw new WorkbookLockedError(l.sheet);
      }
    }
    for (const { l, ws } of todo) {
      if (l.locked === null) continue;
      ws.getRange().format.protection.locked = false;
      // A sync every LOCKS_PER_SYNC ranges: a ledger's scattered closed rows stay within a request's size.
      for (const [k, box] of l.locked.entries()) {
        ws.getRange(rangeAddress(box)).format.protection.locked = true;
        if ((k + 1) % LOCKS_PER_SYNC === 0) await ctx.sync();
      }
      ws.protection.protect({ allowFormatColumns: true, allowFormatRows: true, allowAutoFilter: true });
    }
    await ctx.sync();
  });
}
