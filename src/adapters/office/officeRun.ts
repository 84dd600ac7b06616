import type { ExcelRun } from "./officeWorkbook";
import { DELAY_FOR_CELL_EDIT, MERGE_UNDO_GROUP, type Requirements } from "./requirements";

/** `Excel.run` as Office.js offers it: with or without run options. */
export interface ExcelRunner {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  run<T>(options: Excel.RunOptions, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
}

/**
 * The adapter's `Excel.run`: on builds that offer them, a run waits until the user leaves cell
 * edit mode instead of failing, and a whole operation is one step of Undo.
 */
export function officeRun(excel: ExcelRunner, requirements: Requirements): ExcelRun {
  const options: Excel.RunOptions = {};
  if (requirements.isSetSupported(DELAY_FOR_CELL_EDIT.name, DELAY_FOR_CELL_EDIT.version)) options.delayForCellEdit = true;
  if (requirements.isSetSupported(MERGE_UNDO_GROUP.name, MERGE_UNDO_GROUP.version)) options.mergeUndoGroup = true;
  const withOptions = Object.keys(options).length > 0;
  return (batch) => (withOptions ? excel.run(options, batch) : excel.run(batch));
}
