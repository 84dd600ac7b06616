// The report's charts, in a chunk of their own: the chart library loads only when figures are shown.
import { GroupedVerticalBarChart, type GroupedVerticalBarChartData } from "@fluentui/react-charts";
import { Bars, type BarRow } from "./Bars";
import { Body1, Caption1, makeStyles, Subtitle2, tokens } from "@fluentui/react-components";
import type { ChartSeries, MoneyBucket } from "../../domain/report/charts";
import type { Tracker } from "../../domain/plan/kinds";
import { formatCount, formatNumber, formatRate, formatTarget } from "../../domain/format";
import { useRef, type ReactNode } from "react";
import { useChartLanguage } from "./chartAria";
import { Fallback } from "../Fallback";
import { usePane, type PaneContext } from "../paneContext";

type T = PaneContext["t"];

const useStyles = makeStyles({
  charts: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalL, minWidth: 0 },
  figure: { margin: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, minWidth: 0 },
  note: { color: tokens.colorNeutralForeground2 },
  // Legends as written: the library capitalises every word ("Hoàn Thành Đúng Hạn").
  legend: { textTransform: "none" },
});

// Theme tokens (CSS variables of the FluentProvider): the bars follow the light and dark themes.
const COLORS = {
  signed: tokens.colorBrandBackground,
  onTime: tokens.colorPaletteGreenBackground3,
  late: tokens.colorPaletteMarigoldBackground3,
  overdue: tokens.colorPaletteRedBackground3,
  open: tokens.colorNeutralStrokeAccessible,
  received: tokens.colorPaletteBlueBorderActive,
  spent: tokens.colorPaletteDarkOrangeBorderActive,
};

function Figure({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  const styles = useStyles();
  const { t, locale } = usePane();
  const ref = useRef<HTMLElement>(null);
  useChartLanguage(ref, locale);
  return (
    <figure ref={ref} className={styles.figure} aria-labelledby={id}>
      <figcaption>
        <Subtitle2 as="h3" block id={id}>
          {title}
        </Subtitle2>
      </figcaption>
      {/* One chart that fails to draw says so in a sentence; the others stay. */}
      <Fallback fallback={<Body1 block>{t("chartFailed")}</Body1>}>{children}</Fallback>
    </figure>
  );
}

/** Pledge rates, highest first, each on a 100% track with the target marked. */
function RateChart({ series, t, title }: { series: ChartSeries; t: T; title: string }) {
  const styles = useStyles();
  if (series.rates.length === 0) return <Figure id="chart-rates" title={title}><Body1 block>{t("chartRatesNone")}</Body1></Figure>;
  const rows: BarRow[] = series.rates.map((r) => {
    const place = r.others ? t("chartOtherPlaces", { count: formatCount(r.others) }) : r.place;
    return {
      name: `${place} · ${formatRate(r.rate)}`,
      figure: `${formatCount(r.signed)} / ${formatCount(r.households)}`,
      said: t("chartRateOf", { place, rate: formatRate(r.rate), signed: formatCount(r.signed), households: formatCount(r.households) }),
      parts: [{ key: "signed", value: Math.min(r.signed, r.households), color: COLORS.signed }],
      whole: r.households,
      // The plan's target share of the households.
      mark: series.target,
    };
  });
  return (
    <Figure id="chart-rates" title={title}>
      <Bars rows={rows} label={title} />
      <Caption1 block className={styles.note}>{t("chartRateTarget", { target: formatTarget(series.target) })}</Caption1>
    </Figure>
  );
}

/** Each unit's tasks as one stacked bar: on time, late, overdue, open. */
function TaskChart({ series, t }: { series: ChartSeries; t: T }) {
  if (series.tasks.length === 0) return <Figure id="chart-tasks" title={t("chartTasks")}><Body1 block>{t("chartTasksNone")}</Body1></Figure>;
  const parts = [
    ["doneOnTime", "taskOnTime", COLORS.onTime],
    ["doneLate", "taskLate", COLORS.late],
    ["overdue", "taskOverdue", COLORS.overdue],
    ["open", "taskOpen", COLORS.open],
  ] as const;
  const rows: BarRow[] = series.tasks.map((u) => {
    const unit = u.others ? t("chartOtherUnits", { count: formatCount(u.others) }) : u.unit;
    const total = parts.reduce((s, [key]) => s + u[key], 0);
    const shown = parts.filter(([key]) => u[key] > 0);
    return {
      name: unit,
      figure: formatCount(total),
      said: t("chartTaskOf", { unit, total: formatCount(total), parts: shown.map(([key, label]) => `${t(label)}: ${formatCount(u[key])}`).join("; ") }),
      parts: shown.map(([key, , color]) => ({ key, value: u[key], color })),
    };
  });
  return (
    <Figure id="chart-tasks" title={t("chartTasks")}>
      <Bars rows={rows} label={t("chartTasks")} legend={parts.map(([, label, color]) => ({ title: t(label), color }))} />
    </Figure>
  );
}

function bucketLabel(b: MoneyBucket, perBucket: 1 | 3 | 12, oneYear: boolean, t: T): string {
  const [year, month] = [b.from.slice(0, 4), Number(b.from.slice(5, 7))];
  if (perBucket === 12) return year;
  if (perBucket === 3) return t("quarterShort", { quarter: Math.ceil(month / 3), year });
  return oneYear ? t("monthShort", { month, monthName: new Date(Date.UTC(2000, month - 1, 1)).toLocaleString("en", { month: "short", timeZone: "UTC" }) }) : t("monthYear", { month, year });
}

/** Money received and spent in each month (or quarter, or year) of the period. */
function MoneyChart({ series, t }: { series: ChartSeries; t: T }) {
  const styles = useStyles();
  const title = t(series.monthsPerBucket === 1 ? "chartMoney" : series.monthsPerBucket === 3 ? "chartMoneyQuarter" : "chartMoneyYear");
  if (series.money.length === 0) return <Figure id="chart-money" title={title}><Body1 block>{t("chartMoneyNone")}</Body1></Figure>;
  const oneYear = series.money.every((b) => b.from.slice(0, 4) === series.money[0]?.from.slice(0, 4));
  const data: GroupedVerticalBarChartData[] = series.money.map((b) => ({
    name: bucketLabel(b, series.monthsPerBucket, oneYear, t),
    series: [
      { key: "received", data: b.received, legend: t("moneyReceived"), color: COLORS.received, yAxisCalloutData: `${formatCount(b.received)} đồng` },
      { key: "spent", data: b.spent, legend: t("moneySpent"), color: COLORS.spent, yAxisCalloutData: `${formatCount(b.spent)} đồng` },
    ],
  }));
  return (
    <Figure id="chart-money" title={title}>
      <GroupedVerticalBarChart
        data={data}
        height={220}
        culture="vi-VN"
        barWidth="auto"
        maxBarWidth={16}
        yAxisTitle={t("millionDong")}
        // Values on the axis and in each bar's tooltip and accessible name, not over the bars (they would overlap at 320 px).
        hideLabels
        yMinValue={0}
        yMaxValue={series.moneyAxis.max}
        yAxisTickCount={series.moneyAxis.ticks}
        legendProps={{ styles: { legend: styles.legend } }}
        // Millions with Vietnamese separators: 12,5 for 12.500.000 đồng (display only; the sums are whole đồng).
        yAxisTickFormat={(v: number) => formatNumber(Math.round(v / 10_000) / 100)}
      />
    </Figure>
  );
}

/** The charts of a report's figures; each says in a sentence when it has nothing to draw. */
export default function ReportCharts({ series, t, rateTitle, trackers }: { series: ChartSeries; t: T; rateTitle: string; trackers: readonly Tracker[] }) {
  const styles = useStyles();
  // Only the charts of what the plan tracks.
  return (
    <div className={styles.charts}>
      {trackers.includes("pledges") && <RateChart series={series} t={t} title={rateTitle} />}
      {trackers.includes("tasks") && <TaskChart series={series} t={t} />}
      {trackers.includes("donations") && <MoneyChart series={series} t={t} />}
    </div>
  );
}
