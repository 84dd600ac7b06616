import { validateThrough } from "../domain/rules/runValidation";
import type { FilesPort } from "../domain/files";
import type { WorkbookPort } from "../domain/workbook";
import type { BankSession } from "../domain/bank/session";
import type { PaneJobs } from "./paneContext";

/** The pane's long jobs run on the page, over the port: where no worker runs them. The report's core loads when a period is first previewed. */
export function pageJobs(port: WorkbookPort, files: FilesPort): PaneJobs {
  let bank: BankSession | undefined;
  const bankCore = () => Promise.all([import(/* webpackChunkName: "bank-core" */ "../domain/bank/session"), import(/* webpackChunkName: "bank-core" */ "../domain/bank/reconcileJob")]);
  return {
    validate: (today, options) => validateThrough(port, today, options),
    preflight: async (period, today, options) => (await import(/* webpackChunkName: "report" */ "../domain/report/addReport")).panePreflight(port, period, today, options),
    bankRead: async (statements, options) => {
      const [session, job] = await bankCore();
      bank = await session.readBankSession(await port.readTables(job.BANK_TABLES, options), statements, (bytes, name) => files.open(bytes, name));
      return bank.preview;
    },
    bankWrite: (chosen, target, now, today) => {
      if (!bank) return Promise.reject(new Error("bankWrite before bankRead"));
      return Promise.resolve(bank.grids(chosen, target, now, today));
    },
  };
}
