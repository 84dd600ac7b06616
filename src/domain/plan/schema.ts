import * as z from "zod";
import { isRealIsoDate } from "../dates";

/** ISO calendar date `yyyy-mm-dd`, checked to be a real day. */
export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "phải có dạng yyyy-mm-dd")
  .refine(isRealIsoDate, "không phải một ngày có thật");

/** A plan section reference such as `III.3`, `II.1`, `B.2` or `2.1`: parts joined by dots. */
export const sectionRefSchema = z.string().regex(/^[\p{Lu}\d]+(?:\.[\p{L}\d]+)*$/u, "phải có dạng như III.3");

import { CADENCES, TRACKERS } from "./kinds";

export { CADENCES, TRACKERS, type Cadence, type Tracker } from "./kinds";

const nonEmpty = z.string().trim().min(1, "không được để trống");

export const planTaskSchema = z.object({
  content: nonEmpty,
  section: sectionRefSchema,
  deadline: isoDateSchema.optional(),
});

export const planUnitSchema = z.object({
  name: nonEmpty,
  group: nonEmpty,
  section: sectionRefSchema,
  tasks: z.array(planTaskSchema).min(1, "mỗi đơn vị cần ít nhất một nhiệm vụ"),
});

export const milestoneSchema = z.object({
  section: sectionRefSchema,
  /** launch: the movement is launched; pledge: the pledges are signed; deadline: any other dated step. */
  kind: z.enum(["launch", "pledge", "deadline"]),
  content: nonEmpty,
  deadline: isoDateSchema,
  /** The unit that carries the milestone's task in `Nhiệm vụ`; "" when the plan gives it to none (the clerk assigns it). */
  unit: z.string().trim(),
});

export const planDefinitionSchema = z
  .object({
    movement: nonEmpty,
    issuingBody: z.object({ parent: nonEmpty, name: nonEmpty }),
    place: nonEmpty,
    /** `10/KH-UBND`, or null when the document leaves the number blank. */
    planNumber: nonEmpty.nullable(),
    planDate: isoDateSchema,
    year: z.number().int().min(2000).max(2100),
    units: z.array(planUnitSchema).min(1, "kế hoạch cần ít nhất một đơn vị"),
    milestones: z.array(milestoneSchema),
    reporting: z.object({
      cadence: z.array(z.enum(CADENCES)).min(1),
      receiver: nonEmpty,
      via: z.string(),
      reportSymbol: nonEmpty,
    }),
    recipients: z.array(nonEmpty).min(1, "cần ít nhất một nơi nhận"),
    signatory: z.object({ authority: nonEmpty, title: nonEmpty, name: nonEmpty }),
    /** Award forms the plan itself names (`Công nhận "An toàn về Covid-19"`), beside the usual ones. */
    awardForms: z.array(nonEmpty).default([]),
    /** The trackers the plan uses; all four when not said. */
    trackers: z.array(z.enum(TRACKERS)).min(1, "cần theo dõi ít nhất một nội dung").default([...TRACKERS]),
  })
  .superRefine((plan, ctx) => {
    const names = new Set<string>();
    plan.units.forEach((u, i) => {
      if (names.has(u.name)) {
        ctx.addIssue({ code: "custom", path: ["units", i, "name"], message: `đơn vị "${u.name}" bị trùng` });
      }
      names.add(u.name);
    });
    plan.milestones.forEach((m, i) => {
      if (m.unit !== "" && !names.has(m.unit)) {
        ctx.addIssue({
          code: "custom",
          path: ["milestones", i, "unit"],
          message: `đơn vị "${m.unit}" không có trong danh sách đơn vị của kế hoạch`,
        });
      }
    });
  });

export type PlanDefinition = z.infer<typeof planDefinitionSchema>;
export type PlanUnit = z.infer<typeof planUnitSchema>;
export type PlanTask = z.infer<typeof planTaskSchema>;
export type Milestone = z.infer<typeof milestoneSchema>;
