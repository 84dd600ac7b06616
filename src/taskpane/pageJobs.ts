import { validateThrough } from "../domain/rules/runValidation";
import type { WorkbookPort } from "../domain/workbook";
import type { PaneJobs } from "./paneContext";

/** The pane's long jobs run on the page, over the port: where no worker runs them. The report's core loads when a period is first previewed. */
export function pageJobs(port: WorkbookPort): PaneJobs {
  return {
    validate: (today, options) => validateThrough(port, today, options),
    preflight: async (period, today, options) => (await import(/* webpackChunkName: "report" */ "../domain/report/addReport")).panePreflight(port, period, today, options),
  };
}
