import { Body1, Button, Caption1, Field, Input, Radio, RadioGroup } from "@fluentui/react-components";
import { useState } from "react";
import { chauSonPlan } from "../../domain/plan/chauSon";
import { addReport, ensureSummarySheet, reportFigures } from "../../domain/report/addReport";
import type { Figures } from "../../domain/report/figures";
import { formatCount, formatRate } from "../../domain/format";
import { reportCaveats } from "../../domain/report/caveats";
import { parsePeriod } from "../../domain/report/period";
import { t as message } from "../../i18n";
import { usePane } from "../paneContext";

type Kind = "S1" | "S2" | "year" | "custom";

/** The pledge rate per village as small horizontal bars (plain SVG, read by screen readers through its title). */
function RateChart({ figures, title }: { figures: Figures; title: string }) {
  const places = figures.pledges.byPlace.filter((p) => p.households > 0);
  return (
    <svg role="img" aria-label={title} width="100%" height={places.length * 18 + 4} viewBox={`0 0 300 ${places.length * 18 + 4}`}>
      <title>{title}</title>
      {places.map((p, i) => {
        const rate = p.householdsSigned / p.households;
        return (
          <g key={p.place} transform={`translate(0 ${i * 18 + 2})`}>
            <text x="0" y="12" fontSize="11">{p.place}</text>
            <rect x="110" y="2" width={Math.max(1, rate * 140)} height="12" fill="#0f6cbd" />
            <text x="255" y="12" fontSize="11">{formatRate(rate)}</text>
          </g>
        );
      })}
    </svg>
  );
}

/** Chooses a period, previews its headline figures, builds the report sheet. */
export function ReportSection() {
  const { port, t, run, busy, today, readOptions, locale } = usePane();
  const [kind, setKind] = useState<Kind>("S1");
  const [year, setYear] = useState(today.slice(0, 4) === "2021" ? "2021" : "2021");
  const [from, setFrom] = useState("2021-06-11");
  const [to, setTo] = useState("2021-12-31");
  const [figures, setFigures] = useState<Figures | undefined>();

  const period = () => parsePeriod(kind === "S1" ? `${year}-S1` : kind === "S2" ? `${year}-S2` : kind === "year" ? year : `${from}..${to}`);
  const preview = () =>
    run(
      () => reportFigures(port, period(), readOptions()),
      (f) => {
        setFigures(f);
        return undefined;
      },
    );
  // A report over errors, rows left out or a negative balance is said to be so, never a plain success.
  const build = () =>
    run(
      () => addReport(port, chauSonPlan, period(), today, readOptions()),
      (r) => {
        const caveats = reportCaveats(r);
        const title = t("reportDone", { sheet: r.sheet });
        return caveats.length === 0 ? title : { intent: "warning", title, body: caveats.map((c) => message(c.code, c.params, locale)) };
      },
      { writes: true },
    );

  return (
    <section aria-labelledby="report-title">
      <Field label={t("period")} id="report-title">
        <RadioGroup value={kind} onChange={(_, d) => setKind(d.value as Kind)}>
          <Radio value="S1" label={t("periodS1")} />
          <Radio value="S2" label={t("periodS2")} />
          <Radio value="year" label={t("periodYear")} />
          <Radio value="custom" label={t("periodCustom")} />
        </RadioGroup>
      </Field>
      {kind === "custom" ? (
        <>
          <Field label={t("from")}>
            <Input type="date" value={from} onChange={(_, d) => setFrom(d.value)} />
          </Field>
          <Field label={t("to")}>
            <Input type="date" value={to} onChange={(_, d) => setTo(d.value)} />
          </Field>
        </>
      ) : (
        <Field label={t("year")}>
          <Input value={year} onChange={(_, d) => setYear(d.value.replace(/\D/g, "").slice(0, 4))} />
        </Field>
      )}
      <Button disabled={busy} onClick={() => void preview()}>{t("preview")}</Button>{" "}
      <Button appearance="primary" disabled={busy} onClick={() => void build()}>{t("buildReport")}</Button>{" "}
      <Button disabled={busy} onClick={() => void run(() => ensureSummarySheet(port, chauSonPlan), (r) => t(r === "added" ? "summaryAdded" : r === "present" ? "summaryLive" : "summaryTablesMissing"), { writes: true })}>
        {t("summarySheet")}
      </Button>
      {figures && (
        <div role="region" aria-label={t("preview")}>
          <Body1 as="p">
            {t("households")}: {formatCount(figures.pledges.total.householdsSigned)}/{formatCount(figures.pledges.total.households)}
            {figures.pledges.total.householdRate === null ? "" : ` (${formatRate(figures.pledges.total.householdRate)})`}
          </Body1>
          <Body1 as="p">
            {t("tasksDone")}: {formatCount(figures.tasks.doneOnTime + figures.tasks.doneLate)}/{formatCount(figures.tasks.total)}; {t("overdue")}: {formatCount(figures.tasks.overdue)}
          </Body1>
          <Body1 as="p">{t("closingCash")}: {formatCount(figures.donations.closingCash)} đồng</Body1>
          <Body1 as="p">{t("nominations")}: {formatCount(figures.nominations.total)}</Body1>
          <Caption1>{t("rateByPlace")}</Caption1>
          <RateChart figures={figures} title={t("rateByPlace")} />
        </div>
      )}
    </section>
  );
}
