import { INFO } from "./infoKeys";
import type { CellScalar } from "../grid";
import { isoToSerial } from "../dates";
import type { Cadence, Milestone, PlanDefinition, Tracker } from "../plan/schema";
import { AWARD_FORMS, DONOR_GROUPS, PLAN_ROW_KINDS } from "./enums";
import type { TableSpec } from "./types";

export type PrefillRow = Readonly<Record<string, CellScalar>>;

/** The award forms a plan's workbook lists: the usual ones, with the plan's own after "Giấy khen". */
export function awardFormsOf(plan: Pick<PlanDefinition, "awardForms">): string[] {
  const own = plan.awardForms.filter((f) => !(AWARD_FORMS as readonly string[]).includes(f));
  return [AWARD_FORMS[0], ...own, ...AWARD_FORMS.slice(1)];
}

/** The tracking sheets of each tracker, as `Nội dung theo dõi` names them. */
export const TRACKER_SHEETS: Record<Tracker, string> = { tasks: "Nhiệm vụ", pledges: "Cam kết", donations: "Đóng góp", nominations: "Khen thưởng" };

/** How `Kỳ báo cáo` says a cadence. */
export const CADENCE_WORDS: Record<Cadence, string> = { monthly: "hằng tháng", quarterly: "hằng quý", semiannual: "6 tháng", annual: "1 năm" };

/** The `tblThongTin` keys and their values from the plan (DOMAIN.md: `Thông tin chung`, and the plan's reporting and trackers). */
function infoRows(plan: PlanDefinition): PrefillRow[] {
  const pairs: [string, CellScalar][] = [
    [INFO.body, `${plan.issuingBody.parent} ${plan.issuingBody.name}`],
    [INFO.place, plan.place],
    [INFO.movement, plan.movement],
    [INFO.planNumber, plan.planNumber],
    [INFO.planDate, isoToSerial(plan.planDate)],
    [INFO.receiver, plan.reporting.receiver],
    [INFO.reportSymbol, plan.reporting.reportSymbol],
    [INFO.authority, plan.signatory.authority],
    [INFO.signerTitle, plan.signatory.title],
    [INFO.signer, plan.signatory.name],
    [INFO.recipients, plan.recipients.join("\n")],
    // The report's own recipients, editable: the body reported to first.
    [INFO.reportRecipients, [`${plan.reporting.receiver} (b/c)`, ...plan.recipients].join("\n")],
    [INFO.cadence, plan.reporting.cadence.map((c) => CADENCE_WORDS[c]).join(", ")],
    [INFO.via, plan.reporting.via || null],
    [INFO.trackers, plan.trackers.map((t) => TRACKER_SHEETS[t]).join(", ")],
    [INFO.awardForms, plan.awardForms.join("\n") || null],
  ];
  return pairs.map(([k, v]) => ({ "Mục": k, "Giá trị": v }));
}

const MILESTONE_WORDS: Record<Milestone["kind"], (typeof PLAN_ROW_KINDS)[number]> = { launch: "Phát động", pledge: "Ký cam kết", deadline: "Mốc thời hạn" };

/** The plan's rows for `Kế hoạch`: the milestones first, then each unit's tasks in the plan's order. */
export function planRows(plan: PlanDefinition): PrefillRow[] {
  const group = new Map(plan.units.map((u) => [u.name, u.group]));
  return [
    ...plan.milestones.map((m) => ({ "Mục kế hoạch": m.section, "Đơn vị": m.unit, "Nhóm": group.get(m.unit) ?? null, "Nội dung": m.content, "Hạn hoàn thành": isoToSerial(m.deadline), "Loại": MILESTONE_WORDS[m.kind] })),
    ...plan.units.flatMap((u) =>
      u.tasks.map((t) => ({ "Mục kế hoạch": t.section, "Đơn vị": u.name, "Nhóm": u.group, "Nội dung": t.content, "Hạn hoàn thành": t.deadline ? isoToSerial(t.deadline) : null, "Loại": "Nhiệm vụ" })),
    ),
  ];
}

/** Keys of `tblThongTin` whose value is a date (formatted dd/mm/yyyy). */
export const INFO_DATE_KEYS: ReadonlySet<string> = new Set([INFO.planDate]);

/** Unit tasks of `Nhiệm vụ`: the milestones first (II.1, II.2), then section III in the plan's order. */
export function taskRows(plan: PlanDefinition): PrefillRow[] {
  const tasks = [
    ...plan.milestones.map((m) => ({ unit: m.unit, content: m.content, section: m.section, deadline: m.deadline })),
    ...plan.units.flatMap((u) =>
      u.tasks.map((t) => ({ unit: u.name, content: t.content, section: t.section, deadline: t.deadline })),
    ),
  ];
  return tasks.map((t, i) => ({
    "STT": i + 1,
    "Đơn vị": t.unit,
    "Nội dung nhiệm vụ": t.content,
    "Mục kế hoạch": t.section,
    "Hạn hoàn thành": t.deadline ? isoToSerial(t.deadline) : null,
    "Trạng thái": "Chưa thực hiện",
  }));
}

/** Rows to pre-fill into an empty table of this spec (none for tables users fill themselves). */
export function prefillRows(spec: TableSpec, plan: PlanDefinition): PrefillRow[] {
  switch (spec.prefill) {
    case "info":
      return infoRows(plan);
    case "units":
      return plan.units.map((u) => ({ "Đơn vị": u.name, "Nhóm": u.group }));
    case "tasks":
      return taskRows(plan);
    case "donorGroups":
      return DONOR_GROUPS.map((g) => ({ "Nhóm người đóng góp": g }));
    case "awardForms":
      return awardFormsOf(plan).map((f) => ({ "Hình thức khen thưởng": f }));
    case "plan":
      return planRows(plan);
    case undefined:
      return [];
  }
}
