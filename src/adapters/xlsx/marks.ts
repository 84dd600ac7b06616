import type ExcelJS from "exceljs";
import { rangeAddress } from "../../domain/grid";
import { MARK_FILL, MARK_FORMULA, type SheetMarks } from "../../domain/rules/marks";

interface CfModel {
  ref: string;
  rules: { priority?: number; formulae?: unknown[] }[];
}

const MARKERS = new Set(Object.values(MARK_FORMULA));

function formattings(ws: ExcelJS.Worksheet): CfModel[] {
  return (ws as unknown as { conditionalFormattings: CfModel[] }).conditionalFormattings;
}

const isMark = (cf: CfModel) => cf.rules.length > 0 && cf.rules.every((r) => (r.formulae ?? []).some((f) => MARKERS.has(String(f))));

/** Removes our highlight rules from a sheet, and nothing else. */
export function clearSheetMarks(ws: ExcelJS.Worksheet): void {
  const keep = formattings(ws).filter((cf) => !isMark(cf));
  (ws as unknown as { conditionalFormattings: CfModel[] }).conditionalFormattings = keep;
}

/** Adds highlight rules after the user's own (lowest precedence numbers stay theirs). */
export function addSheetMarks(ws: ExcelJS.Worksheet, marks: readonly SheetMarks[]): void {
  let priority = Math.max(0, ...formattings(ws).flatMap((cf) => cf.rules.map((r) => r.priority ?? 0)));
  for (const m of marks) {
    const look = MARK_FILL[m.severity];
    ws.addConditionalFormatting({
      ref: m.ranges.map(rangeAddress).join(" "),
      rules: [
        {
          type: "expression",
          priority: ++priority,
          formulae: [MARK_FORMULA[m.severity]],
          style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: `FF${look.fill}` } }, font: { color: { argb: `FF${look.color}` } } },
        },
      ],
    });
  }
}
