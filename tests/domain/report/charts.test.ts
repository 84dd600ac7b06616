import { CHART_BARS, cappedSeries, chartSeries, figuresView, moneyBuckets, niceAxis } from "../../../src/domain/report/charts";
import { monthsOf, type Figures, type MonthMoney } from "../../../src/domain/report/figures";

const month = (m: string, receivedMoney = 0, disbursedMoney = 0): MonthMoney => ({ month: m, receivedMoney, disbursedMoney });

function figures(over: { byPlace?: Figures["pledges"]["byPlace"]; byUnit?: Figures["tasks"]["byUnit"]; byMonth?: MonthMoney[] }): Figures {
  const zero = { total: 0, doneOnTime: 0, doneLate: 0, overdue: 0, open: 0 };
  return {
    period: { from: "2021-01-01", to: "2021-12-31", label: "năm 2021" },
    tasks: { ...zero, byUnit: over.byUnit ?? [], standing: 0 },
    pledges: { byPlace: over.byPlace ?? [], total: { households: 0, householdsSigned: 0, students: 0, officials: 0, workers: 0, householdRate: null } },
    donations: { openingCash: 0, receivedMoney: 0, receivedGoodsValue: 0, disbursedMoney: 0, disbursedGoodsValue: 0, closingCash: 0, donors: 0, byGroup: [], cash: account(), bank: account(), goods: { receivedValue: 0, distributedValue: 0 }, byPurpose: [] },
    moneyByMonth: over.byMonth ?? [],
    nominations: { total: 0, byKind: {}, byForm: {}, byStatus: {}, awarded: { total: 0, byForm: {} } },
    milestones: [],
    overdueTasks: [],
    excludedRows: 0,
    excludedRowsBySection: { tasks: 0, pledges: 0, donations: 0, nominations: 0 },
  };
}

function account() {
  return { opening: 0, received: 0, spent: 0, closing: 0 };
}

const place = (name: string, households: number, signed: number) => ({ place: name, asOf: "2021-06-30", households, householdsSigned: signed, students: 0, officials: 0, workers: 0 });

describe("the pane's chart series", () => {
  it("orders pledge rates highest first, ties by name, caps a rate at 100% and leaves out places without households", () => {
    const s = chartSeries(figures({ byPlace: [place("Thôn B", 100, 50), place("Thôn A", 200, 100), place("Trạm y tế", 0, 0), place("Thôn C", 10, 12), place("Thôn Đ", 100, 90)] }));
    expect(s.rates.map((r) => [r.place, r.rate])).toEqual([["Thôn C", 1], ["Thôn Đ", 0.9], ["Thôn A", 0.5], ["Thôn B", 0.5]]);
    expect(s.rates[0]).toMatchObject({ signed: 12, households: 10 });
    expect(s.target).toBe(1);
  });

  it("keeps units with tasks in the plan's order, with their four counts", () => {
    const u = (unit: string, doneOnTime: number, doneLate: number, overdue: number, open: number) => ({ unit, total: doneOnTime + doneLate + overdue + open, doneOnTime, doneLate, overdue, open });
    const s = chartSeries(figures({ byUnit: [u("Công an xã", 1, 2, 3, 4), u("Trường học", 0, 0, 0, 0), u("Trạm y tế xã", 0, 0, 0, 1)] }));
    expect(s.tasks).toEqual([
      { unit: "Công an xã", doneOnTime: 1, doneLate: 2, overdue: 3, open: 4 },
      { unit: "Trạm y tế xã", doneOnTime: 0, doneLate: 0, overdue: 0, open: 1 },
    ]);
  });

  it("caps the pane's charts at twelve bars, the twelfth standing for the rest with their sums; the report sheet's series keeps them all", () => {
    const places = Array.from({ length: 2_000 }, (_, k) => place(`Thôn ${k + 1}`, 100, k % 100));
    const u = (unit: string, k: number) => ({ unit, total: 4, doneOnTime: 1, doneLate: k % 2, overdue: 1 - (k % 2), open: 2 });
    const whole = chartSeries(figures({ byPlace: places, byUnit: Array.from({ length: 3_000 }, (_, k) => u(`Đơn vị ${k + 1}`, k)) }));
    expect(whole.rates).toHaveLength(2_000);
    const s = cappedSeries(whole);
    expect(s.rates).toHaveLength(CHART_BARS);
    const rest = whole.rates.slice(CHART_BARS - 1);
    expect(s.rates[CHART_BARS - 1]).toEqual({ place: "", others: rest.length, signed: rest.reduce((n, r) => n + r.signed, 0), households: rest.length * 100, rate: rest.reduce((n, r) => n + r.signed, 0) / (rest.length * 100) });
    expect(s.rates.slice(0, CHART_BARS - 1)).toEqual(whole.rates.slice(0, CHART_BARS - 1));
    expect(s.tasks).toHaveLength(CHART_BARS);
    expect(s.tasks[CHART_BARS - 1]).toMatchObject({ unit: "", others: 3_000 - (CHART_BARS - 1), doneOnTime: 3_000 - (CHART_BARS - 1), open: 2 * (3_000 - (CHART_BARS - 1)) });
    const last = s.tasks[CHART_BARS - 1]!;
    expect(last.doneLate + last.overdue).toBe(3_000 - (CHART_BARS - 1));
    // Twelve or fewer: drawn as they are.
    const few = chartSeries(figures({ byPlace: places.slice(0, CHART_BARS) }));
    expect(cappedSeries(few).rates).toEqual(few.rates);
  });

  it("gives the pane its cards and its capped charts only, never the per-unit and per-village lists", () => {
    const places = Array.from({ length: 500 }, (_, k) => place(`Thôn ${k + 1}`, 100, k % 100));
    const units = Array.from({ length: 500 }, (_, k) => ({ unit: `Đơn vị ${k + 1}`, total: 2, doneOnTime: 1, doneLate: 0, overdue: 1, open: 0 }));
    const f = figures({ byPlace: places, byUnit: units });
    f.pledges.total = { ...f.pledges.total, households: 50_000, householdsSigned: 24_750, householdRate: 0.495 };
    f.tasks = { ...f.tasks, total: 1_000, doneOnTime: 500, overdue: 500 };
    f.donations.closingCash = 12_345_000;
    f.nominations.total = 7;
    const view = figuresView(f);
    expect(view).toEqual({
      period: f.period,
      pledges: { householdRate: 0.495, householdsSigned: 24_750, households: 50_000 },
      tasks: { total: 1_000, doneOnTime: 500, doneLate: 0, overdue: 500 },
      closingCash: 12_345_000,
      nominations: 7,
      series: cappedSeries(chartSeries(f)),
    });
    expect(JSON.stringify(view).length).toBeLessThan(JSON.stringify(f).length / 20);
  });

  it("draws money by month, and says nothing moved rather than drawing twelve empty months", () => {
    const months = monthsOf("2021-01-01", "2021-06-30").map((m) => month(m));
    expect(chartSeries(figures({ byMonth: months })).money).toEqual([]);
    months[5] = month("2021-06", 5_000_000, 1_000_000);
    const s = chartSeries(figures({ byMonth: months }));
    expect(s.monthsPerBucket).toBe(1);
    expect(s.money).toHaveLength(6);
    expect(s.money[5]).toEqual({ from: "2021-06", to: "2021-06", received: 5_000_000, spent: 1_000_000 });
  });

  it("groups a long period by calendar quarter, then by year, keeping every đồng", () => {
    const long = (from: string, to: string) => monthsOf(from, to).map((m, i) => month(m, 1_000 * (i + 1), i));
    const q = moneyBuckets(long("2021-02-01", "2023-10-31"));
    expect(q.monthsPerBucket).toBe(3);
    expect(q.buckets.length).toBeLessThanOrEqual(12);
    expect(q.buckets[0]).toMatchObject({ from: "2021-02", to: "2021-03" });
    expect(q.buckets[1]).toMatchObject({ from: "2021-04", to: "2021-06" });
    const y = moneyBuckets(long("2021-06-01", "2025-01-31"));
    expect(y.monthsPerBucket).toBe(12);
    expect(y.buckets.map((b) => [b.from, b.to])).toEqual([["2021-06", "2021-12"], ["2022-01", "2022-12"], ["2023-01", "2023-12"], ["2024-01", "2024-12"], ["2025-01", "2025-01"]]);
    for (const [from, to] of [["2021-02-01", "2023-10-31"], ["2021-06-01", "2025-01-31"]] as const) {
      const ms = long(from, to);
      const b = moneyBuckets(ms).buckets;
      expect(b.reduce((n, x) => n + x.received, 0)).toBe(ms.reduce((n, x) => n + x.receivedMoney, 0));
      expect(b.reduce((n, x) => n + x.spent, 0)).toBe(ms.reduce((n, x) => n + x.disbursedMoney, 0));
    }
  });

  it("lists every month of a period, across years", () => {
    expect(monthsOf("2021-11-15", "2022-02-01")).toEqual(["2021-11", "2021-12", "2022-01", "2022-02"]);
    expect(monthsOf("2021-06-11", "2021-06-30")).toEqual(["2021-06"]);
  });

  it("puts the money axis on round steps just above the largest bar", () => {
    expect(niceAxis(214_950_000)).toEqual({ max: 250_000_000, ticks: 5 });
    expect(niceAxis(100_000_000)).toEqual({ max: 100_000_000, ticks: 5 });
    expect(niceAxis(101)).toEqual({ max: 125, ticks: 5 });
    expect(niceAxis(7)).toEqual({ max: 8, ticks: 4 });
    expect(niceAxis(0)).toEqual({ max: 1, ticks: 1 });
    for (const top of [1, 3, 9, 11, 99, 1_234_567, 909_050_000, 9_999_999_999]) {
      const a = niceAxis(top);
      expect(a.max).toBeGreaterThanOrEqual(top);
      expect(a.ticks).toBeLessThanOrEqual(5);
      expect(a.max).toBeLessThan(top * 2.5);
    }
  });
});
