import { formatDate } from "../domain/format";
import type { Catalog } from "./catalog";

const num = (v: unknown) => (typeof v === "number" ? v.toLocaleString("en-US") : String(v));
const dmy = (iso: unknown) => (typeof iso === "string" ? formatDate(iso) : String(iso));

export const en: Catalog = {
  "sheet-created": (p) => `Created sheet "${p.sheet}".`,
  "table-created": (p) => `Created table ${p.table} at ${p.address} on "${p.sheet}".`,
  "columns-added": (p) => `Table ${p.table} ("${p.sheet}") lacked ${p.headers}: added at the table's end (columns ${p.columns}).`,
  "rows-prefilled": (p) => `Pre-filled ${p.count} rows from the plan into ${p.table} ("${p.sheet}").`,
  "rows-sample": (p) => `Filled ${p.count} sample rows into ${p.table} ("${p.sheet}").`,
  "sheet-not-ours": (p) =>
    `Sheet "${p.sheet}" holds other content and none of our tables: left untouched. Rename it (for example to "${p.suggestion}") and run again to create a new "${p.sheet}".`,
  "table-not-ours": (p) =>
    `Table ${p.table} on "${p.sheet}" has one of our names but other columns: left as it is. Rename it (Table Design > Table Name, e.g. ${p.suggestion}) and run again to create a new ${p.table}.`,
  "table-elsewhere": (p) => `The tables of "${p.expected}" are on sheet "${p.sheet}": used there.`,
  "columns-blocked": (p) =>
    `Could not add ${p.headers} to ${p.table} ("${p.sheet}"): columns ${p.columns} right of the table hold data. Insert empty columns right of the table or move that data, then run again.`,
  "prefill-skipped": (p) =>
    `${p.table} ("${p.sheet}") is empty but the rows below it hold data, so the plan's rows were not filled in. Move that data and run again.`,
  "list-source-missing": (p) =>
    `No dropdown for "${p.header}" in ${p.table}: table ${p.source} was not found. Recreate sheet "Danh mục" and run again.`,
  "templates-up-to-date": () => "The workbook already has every template sheet, table and column: nothing changed.",
  "file-not-found": (p) => `File "${p.file}" was not found. Check the path and name.`,
  "file-not-a-workbook": (p) => `"${p.file}" is not an Excel workbook (.xlsx). Open it in Excel and save it as "Excel Workbook (*.xlsx)".`,
  "file-too-large": (p) => `"${p.file}" is ${p.detail} MB, more than the browser preview can read. Open it in Excel and use the add-in there, or use the command line (npm run cli).`,
  "file-legacy-or-encrypted": (p) =>
    `"${p.file}" is an Excel 97-2003 workbook (.xls) or is protected by a password to open. Open it in Excel, remove the password if any, and save it as "Excel Workbook (*.xlsx)".`,
  "file-read-only": (p) => `Cannot write "${p.file}": the file or folder is read-only. Clear read-only or choose another place (--out).`,
  "file-locked": (p) => `"${p.file}" is open in Excel. Close it there and run again.`,
  "file-write-failed": (p) => `Could not write "${p.file}" (${p.detail}). The original file is unchanged. Check free disk space and run again.`,
  "file-would-overwrite": (p) =>
    p.sheet ? `Not written: it would overwrite existing data on "${p.sheet}", cells ${p.detail}. The file is unchanged.` : `Not written "${p.file}": ${p.detail}. Choose another file name.`,
  "file-damaged-part": (p) =>
    `"${p.file}" is partly damaged and cannot be read (${p.detail}). The file is unchanged. Open it in Excel (it will offer to repair it), save it and run again.`,
  "file-folder-missing": (p) => `Folder "${p.file}" does not exist (or part of the path is not a folder). Create it or choose another place.`,
  "file-read-only-fs": (p) => `Cannot write "${p.file}": the drive or folder is read-only (a locked USB stick, a read-only share). The original is unchanged. Copy the file elsewhere and run again, or use --out.`,
  "file-disk-full": (p) => `Cannot write "${p.file}": the disk is full. The original is unchanged. Free some space and run again.`,
  "file-busy": (p) => `"${p.file}" is being written by another command of this tool${p.detail ? ` (${p.detail})` : ""}. Wait for it to finish and run again.`,
  "file-in-use": (p) => `"${p.file}" is held by another program. Close it and run again. The original is unchanged.`,
  "file-changed-meanwhile": (p) => `Not written: "${p.file}" changed (perhaps in Excel) while the command ran. The file stays as last saved; run the command again.`,
  "file-not-verified": (p) =>
    `Not written "${p.file}": checking the new copy found a difference outside what was to be added (${p.detail}). The original is unchanged. Please send this file to support.`,
  "grid-no-sheet": (p) => `There is no sheet "${p.sheet}" to write to. The file is unchanged.`,
  "grid-not-a-worksheet": (p) => `"${p.sheet}" is a chart or macro sheet; data cannot be written there. Rename it and run again. The file is unchanged.`,
  "grid-table-exists": (p) => `The workbook already has a table named ${p.detail}. Rename it (Table Design > Table Name) and run again. The file is unchanged.`,
  "grid-name-taken": (p) => `The workbook already has a name ${p.detail} (Formulas > Name Manager), the name of a table to create. Rename it and run again. The file is unchanged.`,
  "grid-table-overlap": (p) => `The new table on "${p.sheet}" would overlap table ${p.detail}. Move that table and run again. The file is unchanged.`,
  "cell-too-long": (p) => `Cell ${p.cell} would hold more than 32,767 characters, Excel's limit. Shorten the source text and run again. The file is unchanged.`,
  "cell-not-a-number": (p) => `Cell ${p.cell}: the number to write is not finite. Check the source data. The file is unchanged.`,
  // What a report was built over, when it is less than a plain success
  "report-with-errors": (p) => `The data still has ${num(p.count)} error(s) (Check lists each cell): the report is built on it. Fix them and build the report again before it is signed.`,
  "report-text-values": (p) => `${num(p.count)} date or number cell(s) are kept as text: the report read and counted them, "Tổng hợp"'s formulas do not, so the two may differ. Run Check and click "Fix" to store them properly.`,
  "report-plan-unreadable": (p) => `The plan in the workbook could not be read (sheet "${p.sheet}", cell ${p.cell}): ${p.message} The report is built from "Thông tin chung", without the plan's milestones.`,
  "report-no-data": (p) => `There is no data in the period ${p.label}: the report would be all zeros. Check the period.`,
  "report-excluded": (p) => `${num(p.count)} row(s) could not be read and are left out of the report (${p.sections}). Check and fix them, then build the report again.`,
  "report-negative-cash": (p) => `The cash balance on ${dmy(p.to)} is negative (${num(p.amount)} đồng): more was paid out than received. Check the receipts and payments before it is signed.`,
  "report-missing-tables": (p) => `The workbook lacks table(s) ${p.tables}: those parts of the report are empty. Add the templates to create them.`,
  "report-summary-skipped": (p) => `"Tổng hợp" was not added: the workbook lacks columns or tables its formulas need (${p.columns}). Add the templates and build the report again.`,
  // Failures, told in the pane, on the ribbon and on the command line
  "changed-nothing": () => "The workbook was not changed.",
  "changed-maybe": () => "Part of the job may have been written before the failure: look over the sheets it writes (or press Undo, Ctrl+Z) before running it again.",
  "error-cancelled": () => "Stopped as asked. The workbook is unchanged.",
  "error-no-tracking-tables": () => "The workbook has none of the tracking tables (tasks, pledges, donations, nominations), so there is nothing to report. Create the templates first (\"Templates\" in the pane, or the template command).",
  "error-unexpected": () => "Something unexpected went wrong. Save the workbook, close and reopen it, and run again; if it fails again, send the workbook to support.",
  "office-table-growth": (p) =>
    `Table ${p.table} needs more columns or rows, but this Excel lacks Table.resize (ExcelApi 1.13), so growing it would push cells ${p.cells} aside. Update Office (Microsoft 365, Excel 2021 or later), or move those cells away from the table and run again.`,
  "office-sheet-protected": (p) => `Sheet "${p.sheet}" is protected, so it cannot be written. Unprotect it (Review > Unprotect Sheet) and run again.`,
  "office-read-only": () => "The workbook is open read-only, so it cannot be written. Click \"Enable Editing\" (or open a copy you may edit) and run again.",
  "office-hidden-sheet": (p) => `Cell ${p.cell} is on sheet "${p.sheet}", which is hidden. Unhide it (right-click a sheet tab > Unhide, choose "${p.sheet}") and click the cell again.`,
  "office-workbook-switched": (p) =>
    `Excel could not add the sheet${p.sheets ? `s ${p.sheets}` : ""} because another workbook's window was in front. No cell was written. Click this workbook's window and run again; a blank sheet Excel may have added will be used.`,
  "office-access-denied": () => "Excel refused to write (the workbook or a sheet is protected, or you may only view it). Check your right to edit and run again.",
  "office-too-large": () => "Excel on the web refused a request over its 5 MB limit. Run again; if it fails again, open the workbook in Excel desktop.",
  "office-item-not-found": () => "A sheet or table the job needs was not found: it may just have been renamed or deleted. Run \"Check\" again.",
  "office-cell-edit": () => "Excel is in cell edit mode. Press Enter or Esc to leave the cell and run again.",
  "office-busy": () => "Excel is busy or lost its connection to the server. Wait a moment and run again.",
  "office-conflict": () => "Someone else is editing the same part of the workbook. Wait a moment and run again.",
  "office-old-excel": () => "This Excel lacks a feature the job needs. Update Office and run again.",
  "office-merged": () => "The range to write holds merged cells. Unmerge them and run again.",
  "office-filtered": () => "The table is filtered. Clear the filter (Data > Clear) and run again.",
  "office-error": (p) => `Excel reported an error (code ${p.code}). Run again; if it fails again, save, close and reopen the workbook.`,
  "cli-usage": () =>
    [
      "Usage: npm run cli -- <command>",
      "  demo [--out FILE]     write the sample workbook (default demo/chau-son-2021.xlsx)",
      "  template FILE [--plan PLAN.json]   add or upgrade the template sheets in FILE for the plan (default: the plan kept in the workbook)",
      "  plan import FILE [--json] [--out PLAN.json]   read a plan from its text (.txt or .docx)",
      "  plan show FILE [--json]   show the plan kept in the workbook",
      "  validate FILE [--json] [--fix [--out FILE2]]  check the data; --fix repairs formatting problems (after a backup copy)",
      "  report FILE --period P [--json] [--out FILE2] [--today DATE]   add the report sheet (P: 2021, 2021-S1, 2021-S2, 2021-Q1..Q4, 2021-06, 2021-06-11..2021-12-31)",
      "  disclosure FILE --period P [--json] [--out FILE2]   add the disclosure list of donations (Nghị định 93/2021)",
      "  nominations FILE --period P [--out FILE2]   add the commendation dossier: proposal, list, draft decision",
    ].join("\n"),
  "cli-plan-usage": () => "Usage: npm run cli -- plan import plan.docx [--json] [--out plan.json], or plan show book.xlsx [--json]",
  "cli-plan-missing-file": () => "--plan needs the plan's file (.json written by plan import).",
  "cli-plan-sample": () => "The workbook keeps no plan: the sample plan (Châu Sơn, 2021) is used. For your own, run plan import, then template --plan.",
  "cli-plan-none": (p) => `"${p.file}" keeps no plan yet (no "Kế hoạch" sheet). Run template --plan to add one.`,
  "cli-plan-unplaced": (p) => `${num(p.count)} lines could not be placed in the plan (check them and add them by hand):`,
  "plan-invalid": (p) => `The plan is not valid: field "${p.field}" ${p.reason}. Correct the plan's file and run again.`,
  "plan-file-not-a-docx": (p) => `"${p.file}" is not a readable Word document (.docx). Save it from Word as "Word Document (*.docx)", or paste its text into a .txt file.`,
  "plan-file-unsupported": (p) => `"${p.file}" is neither .docx nor .txt. Save the plan as Word (.docx) or text (.txt).`,
  "cli-unknown-command": (p) => `Unknown command "${p.command}".`,
  "cli-missing-file": (p) => `${p.command} needs a file name, for example: npm run cli -- ${p.command} book.xlsx`,
  "cli-demo-target-exists": (p) => `"${p.file}" exists and is not a sample workbook: not overwritten. Choose another name with --out.`,
  "cli-sheet-counts": (p) => `Sheet "${p.sheet}": ${p.errors} errors, ${p.warnings} warnings`,
  "cli-total-counts": (p) => `Total: ${p.errors} errors, ${p.warnings} warnings.${Number(p.fixable) > 0 ? ` ${p.fixable} can be fixed automatically: add --fix.` : ""}`,
  "cli-no-issues": () => "No errors or warnings.",
  "cli-fixed": (p) => `Fixed ${p.applied} cells${Number(p.skipped) > 0 ? ` (skipped ${p.skipped} that changed meanwhile)` : ""}; wrote ${p.file}.`,
  "cli-backup": (p) => `Saved a copy before fixing: ${p.file}`,
  "cli-out-exists": (p) => `"${p.file}" exists: not overwritten. Choose another name for --out.`,
  "cli-bad-period": (p) =>
    `Unknown period "${p.period}". Accepted (years 2000 to 2100): 2021 (the year), 2021-S1 (first half), 2021-S2 (second half), 2021-Q1 to 2021-Q4 (quarters), 2021-06 (a month), 2021-06-11..2021-12-31 (a range, year-month-day).`,
  "cli-bad-today": (p) => `"${p.today}" given to --today is not a valid date. Give a real date as year-month-day, years 2000 to 2100, for example --today 2022-01-05.`,
  "cli-report-added": (p) => `Added the report sheet "${p.sheet}" to ${p.file}.`,
  "cli-summary-added": (p) => `Added the "Tổng hợp" sheet (live formulas) to ${p.file}.`,
  "cli-see-validate": (p) => `To see and fix each cell: npm run cli -- validate ${p.file}`,
  "cli-see-template": (p) => `To add the missing tables and columns: npm run cli -- template ${p.file}`,
  "cli-technical": (p) => `Technical detail (for support): ${p.detail}`,
  "cli-written": (p) => `Wrote ${p.file}.`,
  "cli-unchanged": (p) => `${p.file} is unchanged.`,
};
