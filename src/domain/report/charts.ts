import { placeHouseholdRate } from "./measures";
import type { Figures, MonthMoney } from "./figures";

/** The pledge target of the plan: every household signs. */
export const PLEDGE_TARGET = 1;

/** Bars a chart of the pane draws at most: past it, the last bar stands for the rest (the report sheet lists them all). */
export const CHART_BARS = 12;

export interface RateBar {
  /** The place; empty for the bar of the places past `CHART_BARS`, whose number is `others`. */
  place: string;
  others?: number;
  signed: number;
  households: number;
  /** signed / households, at most 1. */
  rate: number;
}

export interface UnitTasks {
  /** The unit; empty for the bar of the units past `CHART_BARS`, whose number is `others`. */
  unit: string;
  others?: number;
  doneOnTime: number;
  doneLate: number;
  overdue: number;
  open: number;
}

export interface MoneyBucket {
  /** First month of the bucket, `yyyy-mm`. */
  from: string;
  /** Last month of the bucket, `yyyy-mm`. */
  to: string;
  received: number;
  spent: number;
}

/** What the pane's charts draw; an empty list is said in a sentence instead of an empty frame. */
export interface ChartSeries {
  rates: RateBar[];
  target: number;
  tasks: UnitTasks[];
  /** Money by month, or by quarter or year when the period has more than twelve months. */
  money: MoneyBucket[];
  /** Months per bucket of `money`: 1, 3 or 12. */
  monthsPerBucket: 1 | 3 | 12;
  /** The money axis: from 0 to `max` đồng in `ticks` equal round steps. */
  moneyAxis: { max: number; ticks: number };
}

/**
 * An axis from 0 over `top` in at most five equal steps of 1, 2, 2.5 or 5 times a power of ten
 * (214.950.000 gives steps of 50.000.000 up to 250.000.000), so tick labels are round numbers.
 */
export function niceAxis(top: number): { max: number; ticks: number } {
  if (!(top > 0)) return { max: 1, ticks: 1 };
  for (let power = 10 ** Math.floor(Math.log10(top / 5)); ; power *= 10) {
    for (const m of [1, 2, 2.5, 5]) {
      const step = m * power;
      const ticks = Math.ceil(top / step);
      if (ticks <= 5) return { max: ticks * step, ticks };
    }
  }
}

/**
 * Groups months into buckets of 1, 3 or 12 months, aligned on calendar quarters and years: by
 * month up to 12 months, by quarter up to 33 months (at most 12 quarters, however the period
 * starts), by year beyond.
 */
export function moneyBuckets(months: readonly MonthMoney[]): { buckets: MoneyBucket[]; monthsPerBucket: 1 | 3 | 12 } {
  const monthsPerBucket = months.length <= 12 ? 1 : months.length <= 33 ? 3 : 12;
  const buckets = new Map<string, MoneyBucket>();
  for (const m of months) {
    const [y, mo] = [m.month.slice(0, 4), Number(m.month.slice(5, 7))];
    const first = monthsPerBucket === 1 ? mo : monthsPerBucket === 3 ? mo - ((mo - 1) % 3) : 1;
    const key = `${y}-${String(first).padStart(2, "0")}`;
    const b = buckets.get(key) ?? { from: m.month, to: m.month, received: 0, spent: 0 };
    b.to = m.month;
    b.received += m.receivedMoney;
    b.spent += m.disbursedMoney;
    buckets.set(key, b);
  }
  return { buckets: [...buckets.values()], monthsPerBucket };
}

/**
 * The charts' series from a report's figures: pledge rates highest first (places without
 * households left out), units with at least one task in the plan's order, and money when any
 * was received or spent in the period.
 */
export function chartSeries(figures: Figures): ChartSeries {
  const rates = figures.pledges.byPlace
    .flatMap((p) => {
      const rate = placeHouseholdRate(p);
      return rate === null ? [] : [{ place: p.place, signed: p.householdsSigned, households: p.households, rate: Math.min(1, rate) }];
    })
    .sort((a, b) => b.rate - a.rate || a.place.localeCompare(b.place, "vi"));
  const tasks = figures.tasks.byUnit.filter((u) => u.total > 0).map(({ unit, doneOnTime, doneLate, overdue, open }) => ({ unit, doneOnTime, doneLate, overdue, open }));
  return { rates, target: PLEDGE_TARGET, tasks, ...moneySeries(figures) };
}

/**
 * The series as the pane draws them, at most `CHART_BARS` bars a chart (a workbook of thousands of
 * units drew one bar each); the report sheet's own chart keeps every village.
 */
export function cappedSeries(series: ChartSeries): ChartSeries {
  return { ...series, rates: capRates(series.rates), tasks: capTasks(series.tasks) };
}

/** Rates past `CHART_BARS`: the first ones, then one bar for the rest (their signatures over their households). */
function capRates(rates: RateBar[]): RateBar[] {
  if (rates.length <= CHART_BARS) return rates;
  const rest = rates.slice(CHART_BARS - 1);
  const signed = rest.reduce((n, r) => n + r.signed, 0);
  const households = rest.reduce((n, r) => n + r.households, 0);
  return [...rates.slice(0, CHART_BARS - 1), { place: "", others: rest.length, signed, households, rate: Math.min(1, placeHouseholdRate({ households, householdsSigned: signed }) ?? 0) }];
}

/** Units past `CHART_BARS`: the first ones, then one bar of the rest's tasks by state. */
function capTasks(tasks: UnitTasks[]): UnitTasks[] {
  if (tasks.length <= CHART_BARS) return tasks;
  const rest = tasks.slice(CHART_BARS - 1);
  const sum = (k: "doneOnTime" | "doneLate" | "overdue" | "open") => rest.reduce((n, u) => n + u[k], 0);
  return [...tasks.slice(0, CHART_BARS - 1), { unit: "", others: rest.length, doneOnTime: sum("doneOnTime"), doneLate: sum("doneLate"), overdue: sum("overdue"), open: sum("open") }];
}

function moneySeries(figures: Figures): Pick<ChartSeries, "money" | "monthsPerBucket" | "moneyAxis"> {
  const months = figures.moneyByMonth;
  const { buckets, monthsPerBucket } = moneyBuckets(months);
  const money = buckets.some((b) => b.received !== 0 || b.spent !== 0) ? buckets : [];
  const moneyAxis = niceAxis(Math.max(0, ...money.flatMap((b) => [b.received, b.spent])));
  return { money, monthsPerBucket, moneyAxis };
}

/**
 * What the pane shows of a report's figures: the headline cards and the charts as drawn (at most
 * `CHART_BARS` bars each). Made where the figures are computed, so the page never takes in the
 * per-unit and per-village lists of a big workbook (2.9 MB for 10,000 units and villages).
 */
export interface FiguresView {
  period: Figures["period"];
  pledges: Pick<Figures["pledges"]["total"], "householdRate" | "householdsSigned" | "households">;
  tasks: Pick<Figures["tasks"], "total" | "doneOnTime" | "doneLate" | "overdue">;
  closingCash: number;
  nominations: number;
  series: ChartSeries;
}

export function figuresView(f: Figures): FiguresView {
  const { householdRate, householdsSigned, households } = f.pledges.total;
  const { total, doneOnTime, doneLate, overdue } = f.tasks;
  return {
    period: f.period,
    pledges: { householdRate, householdsSigned, households },
    tasks: { total, doneOnTime, doneLate, overdue },
    closingCash: f.donations.closingCash,
    nominations: f.nominations.total,
    series: cappedSeries(chartSeries(f)),
  };
}
