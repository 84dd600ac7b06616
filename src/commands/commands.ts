import { isoDateOf } from "../domain/dates";
import { OfficeWorkbook } from "../adapters/office/officeWorkbook";
import { officeRequirements } from "../adapters/office/requirements";
import { officeRun } from "../adapters/office/officeRun";
import { addReport } from "../domain/report/addReport";
import { reportCaveats } from "../domain/report/caveats";
import { lastCompletedPeriod } from "../domain/period";
import { readWorkbookPlan } from "../domain/plan/workbookPlan";
import { issueMarks } from "../domain/rules/marks";
import { validateThrough } from "../domain/rules/runValidation";
import type { WorkbookPort } from "../domain/workbook";
import { errorText, t } from "../i18n";

/** What the commands need of Office: registering handlers and showing a message. */
export interface CommandHost {
  associate(id: string, handler: (event: Office.AddinCommands.Event) => void): void;
  /**
   * Shows a short message in a dialog (the handler itself may not draw anything); resolves when
   * the dialog is closed or could not open. The command's event is completed only then: in a
   * runtime that is not shared, completing it ends the runtime and its dialog (office-js #428).
   */
  tell(message: string): Promise<void>;
}

const MESSAGES = {
  validateWorkbook: "Không kiểm tra được sổ",
  buildReport: "Không lập được báo cáo",
} as const;

/** Which commands write to the workbook: a failure there may leave part of the job written. */
const WRITES: Record<keyof typeof MESSAGES, boolean> = { validateWorkbook: true, buildReport: true };

/**
 * Registers the ribbon commands. Each runs without the pane, always completes its event, and
 * tells the user in a dialog when it fails (the pane, opened from "Mở sổ theo dõi", says more).
 */
export function registerCommands(host: CommandHost, port: () => WorkbookPort, today: () => string): void {
  // A job resolves to what the user must still be told (a report over bad data), or nothing.
  const command = (id: keyof typeof MESSAGES, job: (p: WorkbookPort) => Promise<string | undefined>) =>
    host.associate(id, (event) => {
      job(port())
        .then(
          (said) => (said ? host.tell(said) : undefined),
          (e: unknown) => host.tell(`${MESSAGES[id]}. ${errorText(e, { writes: WRITES[id] })} Mở "Sổ theo dõi" (nút "Mở sổ theo dõi") để xem chi tiết.`),
        )
        // The event is completed once, when the work and its message are done, whatever happened.
        .catch(() => undefined)
        .finally(() => event.completed());
    });
  command("validateWorkbook", async (p) => {
    await p.markIssues(issueMarks(await validateThrough(p, today())));
    return undefined;
  });
  command("buildReport", async (p) => {
    // The last period completed at the cadence of the workbook's plan (a half-year without a plan).
    const { plan } = await readWorkbookPlan(p);
    const r = await addReport(p, lastCompletedPeriod(today(), plan?.reporting.cadence ?? ["semiannual"]), today());
    const caveats = reportCaveats(r);
    return caveats.length === 0 ? undefined : [`Đã thêm trang báo cáo "${r.sheet}", nhưng:`, ...caveats.map((c) => `- ${t(c.code, c.params)}`)].join("\n");
  });
}

/** The message dialog: resolves when the user closes it, or at once when it cannot open. */
function tellInDialog(message: string): Promise<void> {
  const url = new URL("message.html", window.location.href);
  url.searchParams.set("m", message);
  return new Promise((resolve) => {
    Office.context.ui.displayDialogAsync(url.toString(), { height: 30, width: 40, displayInIframe: true }, (opened) => {
      if (opened.status !== Office.AsyncResultStatus.Succeeded) return resolve();
      // Closed by the user (12006) or lost (12002, 12003): either way the message is over.
      opened.value.addEventHandler(Office.EventType.DialogEventReceived, () => resolve());
    });
  });
}

/**
 * Office's side, as Microsoft's function-command sample has it: `Office.onReady` called, and the
 * handlers registered at the top level beside it (not inside its callback).
 */
if (typeof Office !== "undefined" && Office.actions) {
  void Office.onReady();
  registerCommands(
    {
      associate: (id, handler) => Office.actions.associate(id, handler),
      tell: tellInDialog,
    },
    () => {
      const requirements = officeRequirements();
      return new OfficeWorkbook(officeRun(Excel, requirements), requirements);
    },
    () => isoDateOf(new Date()),
  );
}
