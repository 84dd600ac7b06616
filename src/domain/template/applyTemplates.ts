import type { PlanDefinition } from "../plan/schema";
import type { WorkbookPort } from "../workbook";
import { planTemplates, templateRequests, type RowsOverride, type TemplatePlan } from "./planTemplates";

/**
 * Applies or upgrades the templates through a port: summary, then the few ranges that decide
 * safety, then one batch of grids. Writes nothing when the workbook is already up to date.
 */
export async function applyTemplates(port: WorkbookPort, plan: PlanDefinition, rowsOverride?: RowsOverride): Promise<TemplatePlan> {
  const summary = await port.summarize();
  const probes = templateRequests(summary, plan);
  const values = await port.readRanges(probes.map((p) => p.request));
  const result = planTemplates(summary, values, plan, rowsOverride);
  if (result.grids.length > 0) await port.applyGrids(result.grids);
  return result;
}

/** What applying the templates would do, without doing it: the pane shows this first. */
export async function previewTemplates(port: WorkbookPort, plan: PlanDefinition): Promise<TemplatePlan> {
  const summary = await port.summarize();
  const probes = templateRequests(summary, plan);
  const values = await port.readRanges(probes.map((p) => p.request));
  return planTemplates(summary, values, plan);
}
