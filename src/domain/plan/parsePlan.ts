import * as z from "zod";
import { planDefinitionSchema, type PlanDefinition } from "./schema";

/** Zod's own Vietnamese messages for type errors; the schema's custom messages take precedence. */
const vietnameseErrors = z.locales.vi().localeError;

/** One thing wrong in a plan: the dotted path of the field, its path as keys, the schema's reason. */
export interface PlanIssue {
  field: string;
  path: readonly (string | number)[];
  reason: string;
}

/** A plan definition that does not satisfy the schema. `field` is the dotted path of the first bad field. */
export class PlanDefinitionError extends Error {
  constructor(
    readonly field: string,
    readonly reason: string,
    readonly issues: readonly PlanIssue[],
  ) {
    super(`Định nghĩa kế hoạch không hợp lệ: trường "${field}" ${reason}.`);
    this.name = "PlanDefinitionError";
  }
}

function fieldPath(path: readonly PropertyKey[]): string {
  return path.length === 0 ? "(gốc)" : path.map((p) => String(p)).join(".");
}

/** Checks an untrusted value against the plan schema; refuses it with the name of the bad field. */
export function parsePlan(raw: unknown): PlanDefinition {
  const result = planDefinitionSchema.safeParse(raw, { error: vietnameseErrors });
  if (result.success) return result.data;
  const issues = result.error.issues.map((i) => ({ field: fieldPath(i.path), path: i.path.map((k) => (typeof k === "number" ? k : String(k))), reason: i.message }));
  const first = issues[0] ?? { field: "(gốc)", path: [], reason: "không hợp lệ" };
  throw new PlanDefinitionError(first.field, first.reason, issues);
}

const FIELD_NAMES: Record<string, string> = {
  movement: "Tên phong trào",
  "issuingBody.parent": "Tên cơ quan cấp trên",
  "issuingBody.name": "Tên cơ quan ban hành",
  place: "Địa danh",
  planNumber: "Số kế hoạch",
  planDate: "Ngày ban hành kế hoạch",
  year: "Năm của kế hoạch",
  units: "Danh sách đơn vị",
  milestones: "Danh sách mốc",
  "reporting.cadence": "Kỳ báo cáo",
  "reporting.receiver": "Nơi nhận báo cáo",
  "reporting.via": "Cách gửi báo cáo",
  "reporting.reportSymbol": "Ký hiệu báo cáo",
  recipients: "Nơi nhận",
  "signatory.authority": "Thẩm quyền ký",
  "signatory.title": "Chức vụ người ký",
  "signatory.name": "Họ tên người ký",
  awardForms: "Hình thức khen thưởng",
  trackers: "Nội dung theo dõi",
};

/** What is wrong, in the clerk's words: a missing value is "chưa được ghi", a wrong type never shows its English name. */
function reasonWords(reason: string): string {
  if (reason === "không được để trống" || /nhận được (null|undefined)/.test(reason)) return "chưa được ghi";
  if (/^Đầu vào không hợp lệ/.test(reason)) return "không đúng dạng";
  return reason;
}

/**
 * A plan's problem as the clerk reads it, naming the unit and the task by their place and name
 * ("Nhiệm vụ 1 của Trạm y tế xã chưa có nội dung", "Đơn vị thứ 12 chưa có tên"), never a
 * schema's path counted from 0.
 */
export function planProblemSentence(issue: PlanIssue, plan: unknown): string {
  const p = issue.path;
  const reason = reasonWords(issue.reason);
  const missing = reason === "chưa được ghi";
  const units = (plan as { units?: { name?: unknown; tasks?: { content?: unknown }[] }[] } | undefined)?.units;
  const text = (v: unknown) => (typeof v === "string" && v.trim() !== "" ? v.trim() : undefined);
  if (p[0] === "units" && typeof p[1] === "number") {
    const name = text(units?.[p[1]]?.name);
    const unit = name ?? `đơn vị thứ ${p[1] + 1}`;
    if (p.length === 2) return `${name ? `Đơn vị ${name}` : `Đơn vị thứ ${p[1] + 1}`}: ${reason}`;
    if (p[2] === "name") return missing ? `Đơn vị thứ ${p[1] + 1} chưa có tên` : `Tên đơn vị thứ ${p[1] + 1}: ${reason}`;
    if (p[2] === "group") return `Nhóm của ${unit} ${reason}`;
    if (p[2] === "section") return `Mục kế hoạch của ${unit} ${reason}`;
    if (p[2] === "tasks" && typeof p[3] === "number") {
      const task = `Nhiệm vụ ${p[3] + 1} của ${unit}`;
      if (p[4] === "content") return missing ? `${task} chưa có nội dung` : `Nội dung ${task.charAt(0).toLowerCase()}${task.slice(1)}: ${reason}`;
      if (p[4] === "deadline") return `Hạn của ${task.charAt(0).toLowerCase()}${task.slice(1)} ${reason}`;
      if (p[4] === "section") return `Mục kế hoạch của ${task.charAt(0).toLowerCase()}${task.slice(1)} ${reason}`;
      return `${task}: ${reason}`;
    }
    if (p[2] === "tasks") return `Nhiệm vụ của ${unit}: ${reason}`;
  }
  if (p[0] === "milestones" && typeof p[1] === "number") return `Mốc thứ ${p[1] + 1} của kế hoạch${p[2] === "content" ? " chưa có nội dung" : p[2] === "deadline" ? `: hạn ${reason}` : `: ${reason}`}`;
  const key = p.filter((k) => typeof k === "string").join(".");
  const name = FIELD_NAMES[key] ?? FIELD_NAMES[String(p[0])];
  return `${name ?? "Kế hoạch"} ${reason}`;
}
