import { isoDateSchema } from "../plan/schema";
import { isoToVietnamese } from "../dates";

/** A reporting period: inclusive ISO dates and its Vietnamese label. */
export interface Period {
  from: string;
  to: string;
  /** "6 tháng đầu năm 2021", "năm 2021", "từ ngày 11/06/2021 đến ngày 31/12/2021". */
  label: string;
  /** The report sheet's name: "BC 6 tháng đầu năm 2021", "BC năm 2021", "BC 11.06.2021-31.12.2021". */
  sheetName: string;
}

/** A period the command line or the pane could not understand. */
export class PeriodError extends Error {
  constructor(readonly input: string) {
    super(`Không hiểu kỳ báo cáo "${input}".`);
    this.name = "PeriodError";
  }
}

const dotted = (iso: string) => isoToVietnamese(iso).replace(/\//g, ".");

/** Parses `2021-S1`, `2021-S2`, `2021` or `2021-06-11..2021-12-31`. */
export function parsePeriod(input: string): Period {
  const s = input.trim();
  const half = /^(\d{4})-S([12])$/i.exec(s);
  if (half) {
    const y = half[1] as string;
    const first = half[2] === "1";
    const label = `6 tháng ${first ? "đầu" : "cuối"} năm ${y}`;
    return { from: `${y}-${first ? "01-01" : "07-01"}`, to: `${y}-${first ? "06-30" : "12-31"}`, label, sheetName: `BC ${label}` };
  }
  if (/^\d{4}$/.test(s)) return { from: `${s}-01-01`, to: `${s}-12-31`, label: `năm ${s}`, sheetName: `BC năm ${s}` };
  const range = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(s);
  if (range) {
    const [from, to] = [range[1] as string, range[2] as string];
    if (isoDateSchema.safeParse(from).success && isoDateSchema.safeParse(to).success && from <= to) {
      return {
        from,
        to,
        label: `từ ngày ${isoToVietnamese(from)} đến ngày ${isoToVietnamese(to)}`,
        sheetName: `BC ${dotted(from)}-${dotted(to)}`,
      };
    }
  }
  throw new PeriodError(input);
}

/** The last half-year that ended before `today` (ISO): what the ribbon's report button builds. */
export function lastCompletedHalf(today: string): Period {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  return parsePeriod(month >= 7 ? `${year}-S1` : `${year - 1}-S2`);
}
