import { Body1, Button, Caption1, Card, Field, Input, makeStyles, Menu, MenuButton, MenuItem, MenuList, MenuPopover, MenuTrigger, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Radio, RadioGroup, Spinner, Subtitle2, tokens } from "@fluentui/react-components";
import { lazy, startTransition, Suspense, useEffect, useRef, useState } from "react";
import type { DateChoice } from "../DateField";
import { Fallback } from "../Fallback";
import { formatCount, formatRate } from "../../domain/format";
import { reportCaveats, type Caveat } from "../../domain/report/caveats";
import { readWorkbookPlan } from "../../domain/plan/workbookPlan";
import { TRACKERS, type Tracker } from "../../domain/plan/kinds";
import type { FiguresView } from "../../domain/report/charts";
import { defaultReportPeriod, parsePeriod, PeriodError, YEARS, type Period } from "../../domain/period";
import { t as message } from "../../i18n";
import { usePane, type PaneMessage } from "../paneContext";
import { PaneResult, Revealed } from "../PaneResult";
import { DOCX_TYPE, saveFile } from "../saveFile";
import type { WordPaper } from "../../domain/report/word";

type Kind = "S1" | "S2" | "year" | "quarter" | "month" | "custom";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  // The quarter or month beside the year, each box as wide as its own cell and its message under it (they overlapped).
  periodParts: { display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(7rem, 12rem))", gap: tokens.spacingHorizontalS, alignItems: "start" },
  fill: { width: "100%", minWidth: 0 },
  dates: { display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(9rem, 12rem))", gap: tokens.spacingHorizontalS },
  cards: { display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(8.5rem, 1fr))", gap: tokens.spacingHorizontalS },
  card: { padding: tokens.spacingHorizontalM },
  value: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, lineHeight: tokens.lineHeightBase500 },
});

// The calendar loads when a period by dates is chosen; the chart library when figures are first shown.
const DateField = lazy(() => import(/* webpackChunkName: "datepicker" */ "../DateField").then((m) => ({ default: m.DateField })));
const ReportCharts = lazy(() => import(/* webpackChunkName: "charts" */ "../charts/ReportCharts"));
const CollectPanel = lazy(() => import(/* webpackChunkName: "collect" */ "./CollectPanel"));
const BankPanel = lazy(() => import(/* webpackChunkName: "bank" */ "./BankPanel"));
const ClosePanel = lazy(() => import(/* webpackChunkName: "close" */ "./ClosePanel"));
/** The report's core (figures, sheets, sentences), loaded when a period is first previewed or built. */
const reportCore = () => import(/* webpackChunkName: "report" */ "../../domain/report/addReport");

/**
 * Chooses a period (checked as it is typed), shows its headline figures headed by the period, and
 * builds the report sheet after a preflight: errors, rows left out, a negative balance or an empty
 * period are said first, with "Vẫn lập" to go on.
 */
export function ReportSection() {
  const { port, jobs, files, t, run, busy, today, readOptions, locale, show, dataVersion } = usePane();
  const styles = useStyles();
  // The last half-year completed today until the plan is read; then the last one of the plan's year when that year is over.
  const [kind, setKind] = useState<Kind>(() => defaultReportPeriod(today).kind);
  const [part, setPart] = useState("1");
  /** The plan's trackers: the charts of the others are not drawn (all four in a workbook without a plan). */
  const [trackers, setTrackers] = useState<readonly Tracker[]>(TRACKERS);
  /** Whether the clerk chose a period already: the plan's reading then leaves it alone. */
  const chosen = useRef(false);
  useEffect(() => {
    void readWorkbookPlan(port).then(
      (r) => {
        setTrackers(r.plan?.trackers ?? TRACKERS);
        if (chosen.current || !r.plan) return;
        const d = defaultReportPeriod(today, r.plan.year);
        setKind(d.kind);
        setYear(String(d.year));
      },
      () => undefined,
    );
  }, [port]);
  const [year, setYear] = useState(() => String(defaultReportPeriod(today).year));
  const [from, setFrom] = useState<DateChoice>({ invalid: false });
  const [to, setTo] = useState<DateChoice>({ invalid: false });
  const [figures, setFigures] = useState<FiguresView | undefined>();
  /** A paper waiting on the preflight's caveats: what they say, and the paper to make when the clerk goes on. */
  const [pending, setPending] = useState<{ caveats: Caveat[]; go: () => Promise<void> } | undefined>();
  /** The period whose report was just made: the clerk is asked whether to close it (once sent). */
  const [ask, setAsk] = useState<Period | undefined>();

  // Changing the period clears what was shown for the previous one.
  const changed = <T,>(set: (v: T) => void) => (v: T) => {
    chosen.current = true;
    set(v);
    setFigures(undefined);
    setPending(undefined);
    setAsk(undefined);
  };
  // So does a change of the workbook's rows (a fix, a merge): the figures were read before it.
  const [seenVersion, setSeenVersion] = useState(dataVersion);
  if (seenVersion !== dataVersion) {
    setSeenVersion(dataVersion);
    setFigures(undefined);
    setPending(undefined);
  }

  const yearError = kind !== "custom" && !(/^\d{4}$/.test(year) && Number(year) >= YEARS.min && Number(year) <= YEARS.max) ? t("yearInvalid", { min: YEARS.min, max: YEARS.max }) : undefined;
  const partMax = kind === "quarter" ? 4 : 12;
  const partError = (kind === "quarter" || kind === "month") && !(/^\d{1,2}$/.test(part) && Number(part) >= 1 && Number(part) <= partMax) ? t(kind === "quarter" ? "quarterInvalid" : "monthInvalid") : undefined;
  const fromIso = from.iso;
  const toIso = to.iso;
  // A date typed wrong stays in its box, and is named in the error beside it.
  const dateError = (d: DateChoice) => (d.typed ? t("dateInvalidTyped", { typed: d.typed }) : t("dateInvalid"));
  const fromError = kind === "custom" && from.invalid ? dateError(from) : undefined;
  const toError = kind === "custom" && to.invalid ? dateError(to) : kind === "custom" && fromIso && toIso && fromIso > toIso ? t("dateOrder") : undefined;

  /** The period asked for, or none while the inputs cannot make one. */
  const period = (): Period | undefined => {
    try {
      if (kind === "custom") return fromIso && toIso && fromIso <= toIso ? parsePeriod(`${fromIso}..${toIso}`) : undefined;
      if (yearError || partError) return undefined;
      if (kind === "quarter") return parsePeriod(`${year}-Q${part}`);
      if (kind === "month") return parsePeriod(`${year}-${part.padStart(2, "0")}`);
      return parsePeriod(kind === "S1" ? `${year}-S1` : kind === "S2" ? `${year}-S2` : year);
    } catch (e) {
      if (e instanceof PeriodError) return undefined;
      throw e;
    }
  };
  const ready = period() !== undefined;

  const build = (p: Period) =>
    void run(
      async () => {
        const core = await reportCore();
        const r = await core.addReport(port, p, today, readOptions());
        return { ...r, view: core.figuresView(r.figures) };
      },
      (r) => {
        setPending(undefined);
        setFigures(r.view);
        setAsk(p);
        const caveats = reportCaveats(r);
        const title = t("reportDone", { sheet: r.sheet });
        return caveats.length === 0 ? title : { intent: "warning", title, body: caveats.map((c) => message(c.code, c.params, locale)) };
      },
      { writes: true },
    );
  /**
   * Every paper (the report, the disclosure list, the dossier, each in Word too) first gets the same
   * preflight: what it would be built over. A clean period goes straight on; otherwise the caveats
   * are shown, with "Vẫn lập" to go on.
   */
  const preflight = async (go: (p: Period) => void | Promise<void>) => {
    const p = period();
    if (!p) return;
    const checked = await run(() => jobs.preflight(p, today, readOptions()), (r) => {
      setFigures(r.view);
      return undefined;
    });
    if (!checked) return;
    if (checked.caveats.length === 0) await go(p);
    else setPending({ caveats: checked.caveats, go: async () => void (await go(p)) });
  };
  /** Adds one of the period's papers (the disclosure list, the dossier; loaded when first asked for) as new sheets. */
  const paper = <R,>(job: (p: Period) => Promise<R>, said: (r: R) => string | PaneMessage) =>
    preflight(async (p) => {
      setPending(undefined);
      await run(() => job(p), said, { writes: true });
    });
  /** One of the period's papers as a Word file, downloaded; the workbook is only read. */
  const word = (which: WordPaper) =>
    preflight(async (p) => {
      setPending(undefined);
      await run(
        async () => (await import(/* webpackChunkName: "word" */ "../../domain/report/word")).wordPaper(which, port, files, p, today, readOptions()),
        (r) => {
          saveFile(r.bytes, r.name, DOCX_TYPE);
          return t("wordDone", { file: r.name });
        },
      );
    });
  /** Counts the previews: each brings the figures into view (a report built brings its result instead). */
  const [shown, setShown] = useState(0);
  const preview = async () => {
    const p = period();
    if (!p) return;
    await run(() => jobs.preflight(p, today, readOptions()), (r) => {
      // Drawn as a transition: React yields to the page while the cards and charts are made.
      startTransition(() => {
        setFigures(r.view);
        setShown((n) => n + 1);
      });
      return undefined;
    });
  };

  return (
    <section aria-labelledby="report-period" className={styles.section}>
      <Field label={t("period")} id="report-period">
        <RadioGroup value={kind} onChange={(_, d) => changed(setKind)(d.value as Kind)}>
          <Radio value="S1" label={t("periodS1")} />
          <Radio value="S2" label={t("periodS2")} />
          <Radio value="quarter" label={t("periodQuarter")} />
          <Radio value="month" label={t("periodMonth")} />
          <Radio value="year" label={t("periodYear")} />
          <Radio value="custom" label={t("periodCustom")} />
        </RadioGroup>
      </Field>
      {kind === "custom" ? (
        <div className={styles.dates}>
          <Suspense fallback={<Spinner size="tiny" />}>
            <DateField label={t("from")} value={from} onChange={changed(setFrom)} error={fromError} hint={t("dateHint")} placeholder={t("datePlaceholder")} calendarLabel={t("pickOnCalendar", { field: t("from") })} locale={locale} today={today} />
            <DateField label={t("to")} value={to} onChange={changed(setTo)} error={toError} hint={t("dateHint")} placeholder={t("datePlaceholder")} calendarLabel={t("pickOnCalendar", { field: t("to") })} locale={locale} today={today} />
          </Suspense>
        </div>
      ) : (
        <div className={styles.periodParts}>
          {(kind === "quarter" || kind === "month") && (
            <Field label={t(kind === "quarter" ? "quarter" : "month")} validationMessage={partError}>
              <Input className={styles.fill} value={part} inputMode="numeric" onChange={(_, d) => changed(setPart)(d.value.replace(/\D/g, "").slice(0, 2))} />
            </Field>
          )}
          <Field label={t("year")} validationMessage={yearError}>
            <Input className={styles.fill} value={year} inputMode="numeric" onChange={(_, d) => changed(setYear)(d.value.replace(/\D/g, "").slice(0, 4))} />
          </Field>
        </div>
      )}
      <div className={styles.row}>
        <Button appearance="primary" disabled={busy || !ready} onClick={() => void preflight(build)}>
          {t("buildReport")}
        </Button>
        <Button disabled={busy || !ready} onClick={() => void preview()}>
          {t("preview")}
        </Button>
        <Button disabled={busy} onClick={() => void run(async () => (await reportCore()).ensureSummarySheet(port, today), (r) => t(r === "added" ? "summaryAdded" : r === "present" ? "summaryLive" : "summaryTablesMissing"), { writes: true })}>
          {t("summarySheet")}
        </Button>
      </div>
      {/* The period's other paperwork, for the plan's trackers: the disclosure list, the commendation dossier; each also in Word. */}
      <div className={styles.row}>
        {trackers.includes("donations") &&
          ([false, true] as const).map((byVillage) => (
            <Button key={String(byVillage)} disabled={busy || !ready} onClick={() => void paper(async (p) => {
                  const papers = await import(/* webpackChunkName: "papers" */ "../../domain/report/disclosure");
                  const r = await papers.addDisclosure(port, p, today, { ...readOptions(), byVillage });
                  return { sheet: r.sheet, villages: r.villages?.length ?? 0, left: papers.leftOutSentence(r.disclosure.leftOut) };
                }, (r) => {
                  const done = byVillage ? t("villagesDone", { sheet: r.sheet, count: formatCount(r.villages) }) : t("disclosureDone", { sheet: r.sheet });
                  return r.left ? { intent: "warning", title: done, body: [r.left] } : done;
                })}>
              {t(byVillage ? "villages" : "disclosure")}
            </Button>
          ))}
        {trackers.includes("nominations") && (
          <Button disabled={busy || !ready} onClick={() => void paper(async (p) => (await import(/* webpackChunkName: "papers" */ "../../domain/report/dossier")).addDossier(port, p, today, readOptions()), (r) => (r.unsigned ? { intent: "warning", title: t("dossierDone", { sheets: r.sheets.join(", "), count: formatCount(r.nominees) }), body: [message("dossier-unsigned", {}, locale)] } : t("dossierDone", { sheets: r.sheets.join(", "), count: formatCount(r.nominees) })))}>
            {t("dossier")}
          </Button>
        )}
        <Menu>
          <MenuTrigger disableButtonEnhancement>
            <MenuButton disabled={busy || !ready}>{t("word")}</MenuButton>
          </MenuTrigger>
          <MenuPopover>
            <MenuList>
              <MenuItem onClick={() => void word("report")}>{t("wordReport")}</MenuItem>
              {trackers.includes("donations") && <MenuItem onClick={() => void word("disclosure")}>{t("wordDisclosure")}</MenuItem>}
              {trackers.includes("donations") && <MenuItem onClick={() => void word("villages")}>{t("wordVillages")}</MenuItem>}
              {trackers.includes("nominations") && <MenuItem onClick={() => void word("dossier")}>{t("wordDossier")}</MenuItem>}
            </MenuList>
          </MenuPopover>
        </Menu>
      </div>
      <PaneResult slot="report" />
      {/* Asked once the report is made, where its result shows: closing keeps the figures sent provable. */}
      {ask && !pending && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t("closeAskTitle", { period: ask.label })}</MessageBarTitle>
            {t("closeAskBody")}
          </MessageBarBody>
          <MessageBarActions>
            <Button
              size="small"
              disabled={busy}
              onClick={() => {
                setAsk(undefined);
                void run(async () => (await import(/* webpackChunkName: "close" */ "../../domain/close/closeJob")).closePeriod(port, ask, { today }), (r) => t("closeDone", { period: ask.label, rows: formatCount(r.rows), sheet: r.sheet }), { writes: true });
              }}
            >
              {t("closePeriod")}
            </Button>
            <Button size="small" appearance="subtle" onClick={() => setAsk(undefined)}>
              {t("closeLater")}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {pending && (
        <Revealed show={pending} alert>
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{t("preflightTitle")}</MessageBarTitle>
              <ul style={{ margin: 0, paddingInlineStart: tokens.spacingHorizontalL }}>
                {pending.caveats.map((c) => (
                  <li key={c.code}>{message(c.code, c.params, locale)}</li>
                ))}
              </ul>
            </MessageBarBody>
            <MessageBarActions>
              {pending.caveats.some((c) => c.code === "report-with-errors" || c.code === "report-excluded" || c.code === "report-text-values" || c.code === "report-closed-changed") && (
                <Button size="small" appearance="primary" onClick={() => show("validate", { check: true })}>
                  {t("checkFirst")}
                </Button>
              )}
              <Button size="small" disabled={busy} onClick={() => void pending.go()}>
                {t("buildAnyway")}
              </Button>
              <Button size="small" appearance="subtle" onClick={() => setPending(undefined)}>
                {t("cancelBuild")}
              </Button>
            </MessageBarActions>
          </MessageBar>
        </Revealed>
      )}
      {figures && (
        <Revealed show={shown > 0 ? shown : undefined}>
        <section aria-labelledby="report-figures" className={styles.section}>
          <Subtitle2 as="h2" block id="report-figures">{t("figuresOf", { period: figures.period.label })}</Subtitle2>
          <div className={styles.cards}>
            {[
              { tracker: "pledges" as Tracker, label: t("households"), value: figures.pledges.householdRate === null ? "—" : formatRate(figures.pledges.householdRate), note: `${formatCount(figures.pledges.householdsSigned)}/${formatCount(figures.pledges.households)}` },
              { tracker: "tasks" as Tracker, label: t("tasksDone"), value: `${formatCount(figures.tasks.doneOnTime + figures.tasks.doneLate)}/${formatCount(figures.tasks.total)}`, note: `${t("overdue")}: ${formatCount(figures.tasks.overdue)}` },
              { tracker: "donations" as Tracker, label: t("closingCash"), value: formatCount(figures.closingCash), note: "đồng" },
              { tracker: "nominations" as Tracker, label: t("nominations"), value: formatCount(figures.nominations) },
            ]
              .filter((c) => trackers.includes(c.tracker))
              .map((c) => (
                <Card key={c.label} className={styles.card}>
                  <Caption1>{c.label}</Caption1>
                  <Body1 block className={styles.value}>
                    {c.value}
                  </Body1>
                  {c.note && <Caption1>{c.note}</Caption1>}
                </Card>
              ))}
          </div>
          <Fallback fallback={<Body1 block>{t("chartsFailed")}</Body1>}>
            <Suspense fallback={<Spinner size="tiny" label={t("chartsLoading")} />}>
              <ReportCharts series={figures.series} t={t} rateTitle={t("rateByPlace")} trackers={trackers} />
            </Suspense>
          </Fallback>
        </section>
        </Revealed>
      )}
      {/* Closing the period once its report is sent: its rows recorded, every later change named by the check. */}
      <Fallback fallback={<Body1 block>{t("closeFailed")}</Body1>}>
        <Suspense fallback={<Spinner size="tiny" />}>
          <ClosePanel period={period()} />
        </Suspense>
      </Fallback>
      {/* The units' and villages' own reports for the period: forms to send, returns to merge. */}
      <Fallback fallback={<Body1 block>{t("collectFailed")}</Body1>}>
        <Suspense fallback={<Spinner size="tiny" />}>
          <CollectPanel period={period()} />
        </Suspense>
      </Fallback>
      {/* The receiving account's statements reconciled with the ledger's transfers. */}
      {trackers.includes("donations") && (
        <Fallback fallback={<Body1 block>{t("bankFailed")}</Body1>}>
          <Suspense fallback={<Spinner size="tiny" />}>
            <BankPanel />
          </Suspense>
        </Fallback>
      )}
    </section>
  );
}
