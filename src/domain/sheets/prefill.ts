import type { CellScalar } from "../grid";
import { isoToSerial } from "../dates";
import type { PlanDefinition } from "../plan/schema";
import { AWARD_FORMS, DONOR_GROUPS } from "./enums";
import type { TableSpec } from "./types";

export type PrefillRow = Readonly<Record<string, CellScalar>>;

/** The `tblThongTin` keys and their values from the plan (DOMAIN.md: `Thông tin chung`). */
function infoRows(plan: PlanDefinition): PrefillRow[] {
  const pairs: [string, CellScalar][] = [
    ["Cơ quan báo cáo", `${plan.issuingBody.parent} ${plan.issuingBody.name}`],
    ["Địa danh", plan.place],
    ["Tên phong trào", plan.movement],
    ["Số kế hoạch", plan.planNumber],
    ["Ngày kế hoạch", isoToSerial(plan.planDate)],
    ["Cơ quan nhận báo cáo", plan.reporting.receiver],
    ["Ký hiệu báo cáo", plan.reporting.reportSymbol],
    ["Thẩm quyền ký", plan.signatory.authority],
    ["Chức vụ người ký", plan.signatory.title],
    ["Người ký", plan.signatory.name],
    ["Nơi nhận", plan.recipients.join("\n")],
  ];
  return pairs.map(([k, v]) => ({ "Mục": k, "Giá trị": v }));
}

/** Keys of `tblThongTin` whose value is a date (formatted dd/mm/yyyy). */
export const INFO_DATE_KEYS: ReadonlySet<string> = new Set(["Ngày kế hoạch"]);

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
      return AWARD_FORMS.map((f) => ({ "Hình thức khen thưởng": f }));
    case undefined:
      return [];
  }
}
