import { isRealIsoDate } from "./dates";
import { formatDate } from "./format";
import type { Cadence } from "./plan/kinds";

/** A reporting period: inclusive ISO dates and its Vietnamese label. */
export interface Period {
  from: string;
  to: string;
  /** "6 tháng đầu năm 2021", "năm 2021", "từ ngày 11/06/2021 đến ngày 31/12/2021". */
  label: string;
  /** The report sheet's name: "BC 6 tháng đầu năm 2021", "BC năm 2021", "BC 11.06.2021-31.12.2021". */
  sheetName: string;
  /** Short enough for a sheet name after a paper's prefix, never cutting a date: "6 tháng cuối 2021", "11.06-31.12.2021". */
  short: string;
  /** How the command line writes it, for file names too: `2021-S2`, `2021`, `2021-Q3`, `2021-07`, `2021-06-11..2021-12-31`. */
  code: string;
}

/** A period the command line or the pane could not understand. */
export class PeriodError extends Error {
  constructor(readonly input: string) {
    super(`Không hiểu kỳ báo cáo "${input}".`);
    this.name = "PeriodError";
  }
}

const dotted = (iso: string) => formatDate(iso).replace(/\//g, ".");

/** Years a period or a report date may fall in. */
export const YEARS = { min: 2000, max: 2100 } as const;

const inYears = (y: number) => y >= YEARS.min && y <= YEARS.max;

/** A real calendar date `yyyy-mm-dd` in the years a report may carry, else undefined. */
export function parseReportDate(input: string): string | undefined {
  const s = input.trim();
  return isRealIsoDate(s) && inYears(Number(s.slice(0, 4))) ? s : undefined;
}

const ROMAN = ["I", "II", "III", "IV"] as const;
const LAST_DAY = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const pad = (n: number) => String(n).padStart(2, "0");

/** Parses `2021`, `2021-S1`, `2021-S2`, `2021-Q1`..`2021-Q4`, `2021-06` or `2021-06-11..2021-12-31` (years 2000 to 2100). */
export function parsePeriod(input: string): Period {
  const year = /^(\d{4})/.exec(input.trim());
  if (year && !inYears(Number(year[1]))) throw new PeriodError(input);
  const quarter = /^(\d{4})-Q([1-4])$/i.exec(input.trim());
  if (quarter) {
    const y = Number(quarter[1]);
    const q = Number(quarter[2]);
    const label = `quý ${ROMAN[q - 1] as string} năm ${y}`;
    return { from: `${y}-${pad(3 * q - 2)}-01`, to: `${y}-${pad(3 * q)}-${LAST_DAY(y, 3 * q)}`, label, sheetName: `BC ${label}`, short: `quý ${ROMAN[q - 1] as string} ${y}`, code: `${y}-Q${q}` };
  }
  const month = /^(\d{4})-(\d{2})$/.exec(input.trim());
  if (month) {
    const [y, m] = [Number(month[1]), Number(month[2])];
    if (m < 1 || m > 12) throw new PeriodError(input);
    const label = `tháng ${m} năm ${y}`;
    return { from: `${y}-${pad(m)}-01`, to: `${y}-${pad(m)}-${LAST_DAY(y, m)}`, label, sheetName: `BC ${label}`, short: `tháng ${m} ${y}`, code: `${y}-${pad(m)}` };
  }
  return parseHalfYearOrRange(input);
}

function parseHalfYearOrRange(input: string): Period {
  const s = input.trim();
  const half = /^(\d{4})-S([12])$/i.exec(s);
  if (half) {
    const y = half[1] as string;
    const first = half[2] === "1";
    const label = `6 tháng ${first ? "đầu" : "cuối"} năm ${y}`;
    return { from: `${y}-${first ? "01-01" : "07-01"}`, to: `${y}-${first ? "06-30" : "12-31"}`, label, sheetName: `BC ${label}`, short: `6 tháng ${first ? "đầu" : "cuối"} ${y}`, code: `${y}-S${first ? 1 : 2}` };
  }
  if (/^\d{4}$/.test(s)) return { from: `${s}-01-01`, to: `${s}-12-31`, label: `năm ${s}`, sheetName: `BC năm ${s}`, short: `năm ${s}`, code: s };
  const range = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(s);
  if (range) {
    const [from, to] = [range[1] as string, range[2] as string];
    if (parseReportDate(from) && parseReportDate(to) && from <= to) {
      return {
        from,
        to,
        label: `từ ngày ${formatDate(from)} đến ngày ${formatDate(to)}`,
        sheetName: `BC ${dotted(from)}-${dotted(to)}`,
        // Within a year: "11.06-31.12.2021"; across years, two-digit years: "11.06.21-31.01.22".
        short: from.slice(0, 4) === to.slice(0, 4) ? `${dotted(from).slice(0, 5)}-${dotted(to)}` : `${dotted(from).slice(0, 6)}${from.slice(2, 4)}-${dotted(to).slice(0, 6)}${to.slice(2, 4)}`,
        code: `${from}..${to}`,
      };
    }
  }
  throw new PeriodError(input);
}

/** The last half-year that ended before `today` (ISO): what the ribbon's report button builds. */
/**
 * The last period completed on `today` at the plan's finest cadence: a month, a quarter, a
 * half-year or a year (a half-year when the plan says none).
 */
export function lastCompletedPeriod(today: string, cadence: readonly Cadence[]): Period {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  if (cadence.includes("monthly")) return parsePeriod(month > 1 ? `${year}-${pad(month - 1)}` : `${year - 1}-12`);
  if (cadence.includes("quarterly")) {
    const q = Math.ceil(month / 3) - 1;
    return parsePeriod(q > 0 ? `${year}-Q${q}` : `${year - 1}-Q4`);
  }
  if (cadence.includes("semiannual") || cadence.length === 0) return lastCompletedHalf(today);
  return parsePeriod(String(year - 1));
}

export function lastCompletedHalf(today: string): Period {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  return parsePeriod(month >= 7 ? `${year}-S1` : `${year - 1}-S2`);
}

/**
 * The period offered first: the last half-year completed on `today`; for a plan whose year is over
 * (a 2021 campaign's workbook opened in 2026), the second half of that year, where its data is.
 */
export function defaultReportPeriod(today: string, planYear?: number): { kind: "S1" | "S2"; year: number } {
  const last = lastCompletedHalf(today);
  const year = Number(last.from.slice(0, 4));
  if (planYear !== undefined && Number.isInteger(planYear) && planYear < year && inYears(planYear)) return { kind: "S2", year: planYear };
  return { kind: last.code.endsWith("-S1") ? "S1" : "S2", year };
}

/** The period of two dates as its name reads (`6 tháng cuối năm 2021`, `quý III năm 2021`), else the range. */
export function periodOfRange(from: string, to: string): Period {
  const y = from.slice(0, 4);
  const codes = [y, `${y}-S1`, `${y}-S2`, ...[1, 2, 3, 4].map((q) => `${y}-Q${q}`), ...Array.from({ length: 12 }, (_, m) => `${y}-${pad(m + 1)}`)];
  for (const code of codes) {
    const p = parsePeriod(code);
    if (p.from === from && p.to === to) return p;
  }
  return parsePeriod(`${from}..${to}`);
}

/** The period at the plan's finest cadence that holds `date` (a half-year when the plan says none). */
export function periodAt(date: string, cadence: readonly Cadence[]): Period {
  const y = date.slice(0, 4);
  const m = Number(date.slice(5, 7));
  if (cadence.includes("monthly")) return parsePeriod(date.slice(0, 7));
  if (cadence.includes("quarterly")) return parsePeriod(`${y}-Q${Math.ceil(m / 3)}`);
  if (cadence.includes("semiannual") || cadence.length === 0) return parsePeriod(`${y}-S${m <= 6 ? 1 : 2}`);
  return parsePeriod(y);
}
