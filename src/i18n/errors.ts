import { formatDate } from "../domain/format";
import type { Params } from "./catalog";

/**
 * What the user is told about a failure: a message code of the catalogs with its parameters, and
 * whether the workbook may have been changed before it failed. Never the exception's own text:
 * that may be English, internal, or a library's (JSZip's "Can't find end of central directory").
 */
export interface ExplainedError {
  code: string;
  params: Params;
  /** "nothing": refused before any write. "maybe": part of a job that writes may have landed. */
  changed: "nothing" | "maybe";
}

/** Where the failure happened: the file (command line, preview) and whether the job writes. */
export interface ErrorContext {
  file?: string;
  writes?: boolean;
}

type Fields = Record<string, unknown>;

const text = (v: unknown): string => (typeof v === "string" ? v : typeof v === "number" ? String(v) : "");
const list = (v: unknown): string => (Array.isArray(v) ? v.slice(0, 5).map(text).join(", ") : text(v));
/** Sheet names, each in quotes as the messages name a sheet ("Đóng góp"), the first five and "…". */
export const sheetList = (v: unknown): string => (Array.isArray(v) ? `${v.slice(0, 5).map((x) => `"${text(x)}"`).join(", ")}${v.length > 5 ? ", …" : ""}` : `"${text(v)}"`);

/**
 * Errors are told apart by name and fields, not by class: those of the preview cross a worker
 * boundary as plain data, and the pane must not load the .xlsx adapter to recognise its errors.
 */
export function explainError(e: unknown, context: ErrorContext = {}): ExplainedError {
  const f = (typeof e === "object" && e !== null ? e : {}) as Fields;
  const name = text(f.name);
  const file = context.file ?? text(f.file);
  const nothing = (code: string, params: Params = {}): ExplainedError => ({ code, params, changed: "nothing" });
  switch (name) {
    case "CancelledError":
      return nothing("error-cancelled");
    case "WorkbookFileError":
      // The file the error is about (a --out target, a return), else the command's.
      return nothing(`file-${text(f.problem)}`, { file: text(f.file) || file, detail: text(f.detail) });
    case "GridConflictError":
      return nothing("file-would-overwrite", { file: "", sheet: text(f.sheet), detail: list(f.cells) });
    case "TableTotalsRowError":
      return nothing("grid-totals-row", { table: text(f.table), sheet: text(f.sheet) });
    case "HiddenRowsError":
      return nothing("office-hidden-rows", { sheet: text(f.sheet), range: text(f.range) });
    case "GridRefusedError":
      return nothing(`grid-${text(f.reason)}`, { sheet: text(f.sheet), detail: text(f.detail) });
    case "CellWriteError":
      return nothing(`cell-${text(f.reason)}`, { cell: text(f.cell) });
    case "PackageLimitError":
      return nothing("file-oversized", { file, detail: text(f.message) });
    case "XmlPartError":
    case "SheetFormatError":
    case "NotAWorkbookError":
      return nothing("file-damaged-part", { file, detail: text(f.part) || text(f.detail) });
    case "PlanDefinitionError":
      return nothing("plan-invalid", { field: text(f.field), reason: text(f.reason) });
    case "PlanFileError":
      return nothing(`plan-file-${text(f.problem)}`, { file });
    case "NoBodyError":
      return nothing("error-no-body", { file });
    case "NothingToIssueError":
      return nothing(`error-nothing-${text(f.paper)}`, { period: text(f.period), count: Number(f.unreadable) || 0 });
    case "StatementFormatError":
      return nothing(`bank-${text(f.problem)}`, { file: text(f.file), detail: text(f.detail) });
    case "CloseError":
      return nothing(`close-${text(f.problem)}`, { period: text(f.period), closedOn: text(f.closedOn) ? formatDate(text(f.closedOn)) : "" });
    case "NothingToRemindError":
      return nothing(`error-nothing-remind-${text(f.reason)}`, { period: text(f.period), due: formatDate(text(f.due)) });
    case "NoTrackingTablesError":
      return nothing("error-no-tracking-tables");
    case "PeriodError":
      return nothing("cli-bad-period", { period: text(f.input) });
    case "TableGrowthError":
      return nothing("office-table-growth", { table: text(f.table), cells: text(f.cells) });
    case "WorkbookLockedError":
      return nothing("office-sheet-protected", { sheet: text(f.sheet) });
    case "HiddenSheetError":
      return nothing("office-hidden-sheet", { sheet: text(f.sheet), cell: text(f.cell) });
    case "WorkbookSwitchedError":
      return nothing("office-workbook-switched", { sheets: sheetList(f.sheets) });
    case "DateSystem1904Error":
      return nothing("office-date1904");
    case "StructureProtectedError":
      return nothing("office-structure-protected", { sheets: sheetList(f.sheets) });
    default:
      break;
  }
  // JSZip's refusals of a file that is no zip at all.
  if (/central directory|zip file|end of data|Corrupted zip|is this a zip/i.test(text(f.message))) return nothing("file-not-a-workbook", { file });
  const changed = context.writes ? "maybe" : "nothing";
  // Excel's own errors (OfficeExtension.Error, "RichApi.Error"): a code from Excel.ErrorCodes.
  const code = text(f.code);
  if (OFFICE_CODES[code] || name === "RichApi.Error" || name === "OfficeExtension.Error" || name === "FakeExcelError") {
    return { code: OFFICE_CODES[code] ?? "office-error", params: { code: code || name }, changed };
  }
  return { code: "error-unexpected", params: { kind: name || typeof e }, changed };
}

/** Excel's error codes the catalogs explain; others are told by their code. */
const OFFICE_CODES: Readonly<Record<string, string>> = {
  AccessDenied: "office-access-denied",
  RequestPayloadSizeLimitExceeded: "office-too-large",
  ResponsePayloadSizeLimitExceeded: "office-too-large",
  ItemNotFound: "office-item-not-found",
  InvalidOperationInCellEditMode: "office-cell-edit",
  EditModeChangedDuringBatch: "office-cell-edit",
  ActivityLimitReached: "office-busy",
  ServiceNotAvailable: "office-busy",
  Timeout: "office-busy",
  Conflict: "office-conflict",
  InsertDeleteConflict: "office-conflict",
  // Excel's refusal of any call while another workbook is in front: what was written before it
  // stays, so the change note says so (the sheets-first refusal, WorkbookSwitchedError, wrote nothing).
  InactiveWorkbook: "office-inactive-workbook",
  ApiNotFound: "office-old-excel",
  MergedRangeConflict: "office-merged",
  FilteredRangeConflict: "office-filtered",
};

/** The sentence that says what became of the workbook, where the message itself does not. */
export function changeNote(x: ExplainedError): string | undefined {
  if (/^(file|grid|cell|cli|plan)-/.test(x.code) || x.code === "error-cancelled" || x.code === "office-workbook-switched" || x.code === "office-structure-protected" || x.code === "office-date1904" || x.code === "office-hidden-rows") return undefined;
  return x.changed === "nothing" ? "changed-nothing" : "changed-maybe";
}
