import { stat, writeFile } from "node:fs/promises";
import { planTextOf } from "../adapters/docx/planText";
import { fileErrorOf, WorkbookFileError } from "../adapters/xlsx/errors";
import { readRegularFile } from "../adapters/xlsx/files";

/** A plan's file is a few pages: anything far larger is not one. */
const MAX_PLAN_BYTES = 64 * 1024 * 1024;
import { formatDate } from "../domain/format";
import { parsePlanText, type PlanDraft } from "../domain/plan/parseText";
import { parsePlan, PlanDefinitionError } from "../domain/plan/parsePlan";
import type { PlanDefinition } from "../domain/plan/schema";
import { readWorkbookPlan } from "../domain/plan/workbookPlan";
import { CADENCE_WORDS, TRACKER_SHEETS } from "../domain/sheets/prefill";
import { t } from "../i18n";
import { openWorkbook } from "./workbookFiles";

const EXIT = { ok: 0, failed: 1, file: 2, usage: 64 } as const;

/** The plan's fields as a person reads them, one a line. */
function describe(plan: PlanDraft | PlanDefinition): string[] {
  const none = "(chưa rõ)";
  const lines = [
    `Phong trào: ${plan.movement ?? none}`,
    `Cơ quan ban hành: ${[plan.issuingBody.parent, plan.issuingBody.name].filter(Boolean).join(" ") || none}`,
    `Số kế hoạch: ${plan.planNumber ?? "(để trống)"}; ngày ${plan.planDate ? formatDate(plan.planDate) : none}; địa danh ${plan.place ?? none}`,
    (() => {
      // Tasks and the plan's common milestones counted apart, as the report counts them.
      const tasks = plan.units.reduce((n, u) => n + u.tasks.length, 0);
      return `Đơn vị được giao: ${plan.units.length}; nhiệm vụ của các đơn vị: ${tasks}; mốc chung: ${plan.milestones.length} (trang Nhiệm vụ: ${tasks + plan.milestones.length} việc)`;
    })(),
    ...plan.units.map((u) => `  ${u.section} ${u.name} (${u.group}): ${u.tasks.length} nhiệm vụ`),
    `Các mốc: ${plan.milestones.length}`,
    ...plan.milestones.map((m) => `  ${m.section} ${m.kind === "launch" ? "Phát động" : m.kind === "pledge" ? "Ký cam kết" : "Mốc thời hạn"}, hạn ${formatDate(m.deadline)} (${m.unit || "chưa giao đơn vị: giao ở trang Kế hoạch"}): ${m.content}`),
    `Báo cáo: ${plan.reporting.cadence.map((c) => CADENCE_WORDS[c]).join(", ") || none}; gửi ${plan.reporting.receiver ?? none}`,
    `Nơi nhận: ${plan.recipients.join("; ") || none}`,
    `Người ký: ${[plan.signatory.authority, plan.signatory.title, plan.signatory.name].map((x) => x ?? none).join(" / ")}`,
    `Nội dung theo dõi: ${plan.trackers.map((x) => TRACKER_SHEETS[x]).join(", ")}`,
  ];
  return lines;
}

/** `plan import FILE [--json] [--out PLAN.json]`: reads a plan's .txt or .docx; lists what it could not place. */
export async function planImport(file: string, options: { json: boolean; out?: string }): Promise<number> {
  // Refused before anything is read: --out names a new file, never one that exists (the commune's workbook).
  if (options.out && (await stat(options.out).then(() => true, () => false))) throw new WorkbookFileError("would-overwrite", options.out, "tệp đã có");
  const { bytes } = await readRegularFile(file, MAX_PLAN_BYTES);
  const result = parsePlanText(await planTextOf(bytes, file));
  const json = `${JSON.stringify({ ...result.plan, unplaced: result.unplaced, notices: result.notices }, null, 2)}\n`;
  for (const n of result.notices) process.stderr.write(`LƯU Ý: ${n}\n`);
  if (options.out) {
    await writeFile(options.out, json, { encoding: "utf8", flag: "wx" }).catch((e: unknown) => {
      throw (e as NodeJS.ErrnoException).code === "EEXIST" ? new WorkbookFileError("would-overwrite", options.out ?? "", "tệp đã có") : fileErrorOf(e, options.out ?? "");
    });
    process.stderr.write(`${t("cli-written", { file: options.out })}\n`);
  }
  if (options.json) process.stdout.write(json);
  else if (!options.out) {
    process.stdout.write(`${describe(result.plan).join("\n")}\n`);
    if (result.unplaced.length > 0) process.stdout.write(`${t("cli-plan-unplaced", { count: result.unplaced.length })}\n${result.unplaced.map((l) => `  ? ${l}`).join("\n")}\n`);
  }
  return EXIT.ok;
}

/** `plan show FILE [--json]`: the plan as the workbook holds it. */
export async function planShow(file: string, options: { json: boolean }): Promise<number> {
  const opened = await openWorkbook(file, false);
  const { plan, problems } = await readWorkbookPlan(opened.port);
  if (!plan) {
    if (problems.length === 0) process.stderr.write(`${t("cli-plan-none", { file })}\n`);
    for (const p of problems) process.stderr.write(`Trang "${p.sheet}", ô ${p.cell}: ${p.message}\n`);
    return EXIT.failed;
  }
  process.stdout.write(options.json ? `${JSON.stringify(plan, null, 2)}\n` : `${describe(plan).join("\n")}\n`);
  return EXIT.ok;
}

/** A plan from `--plan PLAN.json` (as `plan import` writes it; `unplaced` is ignored), checked field by field. */
export async function planFromJsonFile(file: string): Promise<PlanDefinition> {
  const text = (await readRegularFile(file, MAX_PLAN_BYTES)).bytes.toString("utf8");
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new PlanDefinitionError("(gốc)", "không phải JSON", []);
  }
  return parsePlan(raw);
}
