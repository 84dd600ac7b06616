import type { ExcelRun } from "./officeWorkbook";
import { MERGE_UNDO_GROUP, type Requirements } from "./requirements";

/** `Excel.run` as Office.js offers it: with or without run options. */
export interface ExcelRunner {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  run<T>(options: Excel.RunOptions, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
}

/**
 * The adapter's `Excel.run`: a run waits until the user leaves cell edit mode instead of failing
 * (`delayForCellEdit`, which Excel.RunOptions gives no requirement set: always asked), and on
 * builds that offer it a whole operation is one step of Undo (ExcelApi 1.20).
 */
export function officeRun(excel: ExcelRunner, requirements: Requirements): ExcelRun {
  const options: Excel.RunOptions = { delayForCellEdit: true };
  if (requirements.isSetSupported(MERGE_UNDO_GROUP.name, MERGE_UNDO_GROUP.version)) options.mergeUndoGroup = true;
  return (batch) => excel.run(options, batch);
}
