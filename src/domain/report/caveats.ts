import { TWO_LEVELS_FROM, twoLevelsNote } from "../law";
import { formatCount } from "../format";
import type { Figures, LeftOutRows } from "./figures";

/** Something the user must know about a report built over imperfect data: a message code and its params. */
export interface Caveat {
  code: "report-with-errors" | "report-text-values" | "report-excluded" | "report-negative-cash" | "report-missing-tables" | "report-summary-skipped" | "report-no-data" | "report-plan-unreadable" | "report-district-gone" | "report-closed-changed";
  params: Readonly<Record<string, string | number>>;
}

/** What a report was built over, as `addReport` tells it. */
export interface ReportBasis {
  figures: Figures;
  /** Errors validation finds in the tracking tables, on the report's date. */
  errors: number;
  /**
   * Dates and numbers kept as text that the report read and counted: `Tổng hợp`'s formulas, as
   * Excel computes them, do not count them, so the two can differ until they are fixed.
   */
  textValues: number;
  missingTables: readonly string[];
  summaryMissing: readonly string[];
  /** District bodies the report no longer sends to (from 01/07/2025 there is no district level): left out of `Nơi nhận`. */
  goneBodies?: readonly string[];
  /** The rows left out, by sheet and row number: named in the caveat. */
  leftOut?: readonly LeftOutRows[];
  /** Changes to the rows of closed periods since they were closed (the check names each). */
  drift?: number;
}

/** Row numbers named in a caveat, at most this many per sheet (then "…"): the check lists them all. */
const ROWS_NAMED = 8;

const SECTION_NAMES: Record<keyof Figures["excludedRowsBySection"], string> = {
  tasks: "Nhiệm vụ",
  pledges: "Cam kết",
  donations: "Đóng góp",
  nominations: "Khen thưởng",
};

/**
 * Everything that makes a report less than a plain success, in the order a reader should see it:
 * errors in the data, rows left out, a cash balance below zero, missing tables, `Tổng hợp` not added.
 * A report with none of these is the only one announced as plain success.
 */
export function reportCaveats(r: ReportBasis): Caveat[] {
  const out: Caveat[] = [];
  if (r.errors > 0) out.push({ code: "report-with-errors", params: { count: r.errors } });
  if (r.textValues > 0) out.push({ code: "report-text-values", params: { count: r.textValues } });
  if (r.figures.excludedRows > 0) {
    const sections = (Object.keys(SECTION_NAMES) as (keyof typeof SECTION_NAMES)[])
      .filter((k) => r.figures.excludedRowsBySection[k] > 0)
      .map((k) => {
        const rows = r.leftOut?.find((x) => x.section === k)?.rows ?? [];
        const named = rows.length === 0 ? "" : `, dòng ${rows.slice(0, ROWS_NAMED).join(", ")}${rows.length > ROWS_NAMED ? "…" : ""}`;
        return `${SECTION_NAMES[k]}: ${formatCount(r.figures.excludedRowsBySection[k])}${named}`;
      })
      .join("; ");
    out.push({ code: "report-excluded", params: { count: r.figures.excludedRows, sections } });
  }
  if ((r.drift ?? 0) > 0) out.push({ code: "report-closed-changed", params: { count: r.drift ?? 0 } });
  if (r.figures.donations.closingCash < 0) out.push({ code: "report-negative-cash", params: { amount: r.figures.donations.closingCash, to: r.figures.period.to } });
  if (r.missingTables.length > 0) out.push({ code: "report-missing-tables", params: { tables: r.missingTables.join(", ") } });
  if (r.goneBodies && r.goneBodies.length > 0) out.push({ code: "report-district-gone", params: { bodies: r.goneBodies.join("; "), since: TWO_LEVELS_FROM, law: twoLevelsNote() } });
  if (r.summaryMissing.length > 0) out.push({ code: "report-summary-skipped", params: { columns: r.summaryMissing.slice(0, 6).join(", ") } });
  return out;
}
