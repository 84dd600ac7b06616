import { isoDateOf } from "../domain/dates";
import { OfficeWorkbook } from "../adapters/office/officeWorkbook";
import { officeRequirements } from "../adapters/office/requirements";
import { chauSonPlan } from "../domain/plan/chauSon";
import { addReport } from "../domain/report/addReport";
import { lastCompletedHalf } from "../domain/report/period";
import { issueMarks } from "../domain/rules/marks";
import { validateThrough } from "../domain/rules/runValidation";

const today = () => isoDateOf(new Date());

function port(): OfficeWorkbook {
  return new OfficeWorkbook((batch) => Excel.run(batch), officeRequirements());
}

/**
 * Ribbon commands run without the pane. Event handlers never open dialogs: the result is in the
 * workbook itself (highlighted cells, a new report sheet); the pane explains any failure.
 */
async function validateWorkbook(event: Office.AddinCommands.Event): Promise<void> {
  try {
    const p = port();
    await p.markIssues(issueMarks(await validateThrough(p, today())));
  } finally {
    event.completed();
  }
}

async function buildReport(event: Office.AddinCommands.Event): Promise<void> {
  try {
    await addReport(port(), chauSonPlan, lastCompletedHalf(today()), today());
  } finally {
    event.completed();
  }
}

void Office.onReady(() => {
  Office.actions.associate("validateWorkbook", (event: Office.AddinCommands.Event) => void validateWorkbook(event));
  Office.actions.associate("buildReport", (event: Office.AddinCommands.Event) => void buildReport(event));
});
