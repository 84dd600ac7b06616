// Plain constants of the plan (no zod here: the pane's first bundle uses them).

/** The trackers a plan may use: its tasks, pledges, donations and nominations. */
export const TRACKERS = ["tasks", "pledges", "donations", "nominations"] as const;
export type Tracker = (typeof TRACKERS)[number];

/** How often the plan asks for reports. */
export const CADENCES = ["monthly", "quarterly", "semiannual", "annual"] as const;
export type Cadence = (typeof CADENCES)[number];
