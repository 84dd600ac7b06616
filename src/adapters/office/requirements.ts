/** What the adapter asks before using a member above the declared set. */
export interface Requirements {
  isSetSupported(name: string, version: string): boolean;
}

/** Office's own answer, read when the adapter is created inside Office. */
export function officeRequirements(): Requirements {
  return { isSetSupported: (name, version) => Office.context.requirements.isSetSupported(name, version) };
}

/** Page layout (print setup) is ExcelApi 1.9. */
export const PAGE_LAYOUT = { name: "ExcelApi", version: "1.9" } as const;
/** `Table.resize` is ExcelApi 1.13. */
export const TABLE_RESIZE = { name: "ExcelApi", version: "1.13" } as const;
/** One undo for the whole of one user action, however many syncs it takes. */
export const MERGE_UNDO_GROUP = { name: "ExcelApi", version: "1.20" } as const;
/** `TableCollection.onChanged`: a table's data changed. */
export const TABLE_EVENTS = { name: "ExcelApi", version: "1.7" } as const;
/** `Worksheet.getRanges` and `RangeAreas` are ExcelApi 1.9. */
export const RANGE_AREAS = { name: "ExcelApi", version: "1.9" } as const;
/** `Application.cultureInfo.datetimeFormat` (the computer's date order) is ExcelApi 1.12. */
export const CULTURE_DATES = { name: "ExcelApi", version: "1.12" } as const;
