import * as z from "zod";
import { planDefinitionSchema, type PlanDefinition } from "./schema";

/** Zod's own Vietnamese messages for type errors; the schema's custom messages take precedence. */
const vietnameseErrors = z.locales.vi().localeError;

/** A plan definition that does not satisfy the schema. `field` is the dotted path of the first bad field. */
export class PlanDefinitionError extends Error {
  constructor(
    readonly field: string,
    readonly reason: string,
    readonly issues: readonly { field: string; reason: string }[],
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
  const issues = result.error.issues.map((i) => ({ field: fieldPath(i.path), reason: i.message }));
  const first = issues[0] ?? { field: "(gốc)", reason: "không hợp lệ" };
  throw new PlanDefinitionError(first.field, first.reason, issues);
}
