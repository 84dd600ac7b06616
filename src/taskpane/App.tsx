import {
  Button,
  FluentProvider,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Tab,
  TabList,
  tokens,
  webDarkTheme,
  webLightTheme,
} from "@fluentui/react-components";
import { MoreHorizontal20Regular } from "@fluentui/react-icons";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { FilesPort } from "../domain/files";
import { CancelledError, type HostNote, type WorkbookPort } from "../domain/workbook";
import { menu } from "../i18n/menus";
import { errorText, loadEnglish } from "../i18n";
import type { Locale } from "../i18n/catalog";
import { paneText, type PaneKey } from "../i18n/pane";
import { pageJobs } from "./pageJobs";
import { Pane, PaneResults, type PaneContext, type PaneJobs, type ResultSlot, type ResultState, type Section } from "./paneContext";
import { InfoSection } from "./sections/InfoSection";
import { ReportSection } from "./sections/ReportSection";
import { TemplatesSection } from "./sections/TemplatesSection";
import { ValidateSection } from "./sections/ValidateSection";

const useStyles = makeStyles({
  main: { padding: tokens.spacingHorizontalM, minHeight: "100vh", boxSizing: "border-box", display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM, overflowX: "hidden" },
  bar: { display: "flex", alignItems: "center", justifyContent: "space-between", columnGap: tokens.spacingHorizontalXS },
  tabs: { flexWrap: "wrap", flexShrink: 1, minWidth: 0 },
  hidden: { position: "absolute", width: "1px", height: "1px", overflow: "hidden", clip: "rect(0 0 0 0)", whiteSpace: "nowrap" },
});

type TabId = Section;

export interface AppProps {
  port: WorkbookPort;
  files: FilesPort;
  /** Long jobs run by the host (the preview's worker); those not given run here over the port. */
  jobs?: Partial<PaneJobs>;
  today: string;
  locale?: Locale;
  /** Told when the user switches language, so that a host around the pane can follow. */
  onLocaleChange?: (locale: Locale) => void;
  dark?: boolean;
}

/** The pane: four sections over one port. It never imports Office.js or an adapter: the ports are given. */
export function App({ port, files, jobs: given, today, locale: initial = "vi", dark = false, onLocaleChange }: AppProps) {
  const jobs = useMemo<PaneJobs>(
    () => ({ ...pageJobs(port, files), ...given }),
    [port, given, files],
  );
  const [tab, setTab] = useState<TabId>("templates");
  // A section is drawn when first opened and kept (hidden) after: its period, figures and list stay.
  const [opened, setOpened] = useState<ReadonlySet<TabId>>(new Set(["templates"]));
  const [locale, setLocale] = useState<Locale>(initial);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<ResultState["message"]>();
  const [running, setRunning] = useState<ResultSlot | undefined>();
  const [progress, setProgress] = useState<{ read: number; total: number } | undefined>();
  const [checkRequest, setCheckRequest] = useState(0);
  const [dataVersion, setDataVersion] = useState(0);
  const messages = useRef(0);
  const current = useRef<TabId>(tab);
  current.current = tab;
  const open = useCallback((section: TabId, options?: { check?: boolean }) => {
    setTab(section);
    setOpened((o) => (o.has(section) ? o : new Set([...o, section])));
    if (options?.check) setCheckRequest((n) => n + 1);
  }, []);
  // Inside Excel a user's edit of a table makes what was read out of date: the check says so, the figures go.
  useEffect(() => {
    let stop: (() => Promise<void>) | undefined;
    let gone = false;
    void port
      .watchChanges?.(() => setDataVersion((v) => v + 1))
      .then((s) => {
        if (gone) void s?.().catch(() => undefined);
        else stop = s;
      })
      .catch(() => undefined);
    return () => {
      gone = true;
      void stop?.().catch(() => undefined);
    };
  }, [port]);
  // What Excel says of the workbook as open (read-only, month-first dates): told once, at the top.
  const [notes, setNotes] = useState<readonly HostNote[]>([]);
  useEffect(() => {
    let gone = false;
    void port
      .hostNotes?.()
      .then((n) => {
        if (!gone) setNotes(n);
      })
      .catch(() => undefined);
    return () => {
      gone = true;
    };
  }, [port]);
  const controller = useRef<AbortController | undefined>(undefined);
  const t = useMemo(() => paneText(locale), [locale]);
  const readOptions = useCallback(() => {
    controller.current = new AbortController();
    return { signal: controller.current.signal, onProgress: (read: number, total: number) => setProgress({ read, total }) };
  }, []);

  const run = useCallback<PaneContext["run"]>(
    async (job, done, options) => {
      const slot = options?.slot ?? current.current;
      const say = (m: NonNullable<ReturnType<NonNullable<typeof done>>>) => setMessage({ ...(typeof m === "string" ? { intent: "success" as const, title: m } : m), slot, id: ++messages.current });
      setBusy(true);
      setRunning(slot);
      if (!options?.keepMessage) setMessage(undefined);
      try {
        const result = await job();
        const said = done?.(result);
        if (said) say(said);
        return result;
      } catch (e) {
        if (e instanceof CancelledError) say({ intent: "warning", title: t("cancelled") });
        else say({ intent: "error", title: t("failed"), body: errorText(e, { writes: options?.writes === true }, locale) });
        return undefined;
      } finally {
        setBusy(false);
        setRunning(undefined);
        setProgress(undefined);
        controller.current = undefined;
        // A failed write may have landed in part: what was read before is out of date either way.
        if (options?.changesData) setDataVersion((v) => v + 1);
      }
    },
    [t, locale],
  );

  const styles = useStyles();
  const context: PaneContext = { port, jobs, files, locale, t, today, run, busy, readOptions, show: open, checkRequest, dataVersion };
  const results: ResultState = { ...(message ? { message } : {}), ...(running ? { running } : {}), ...(progress ? { progress } : {}), cancel: () => controller.current?.abort() };
  // Three tabs fit a 320 px pane; the plan's information and the language are in the menu beside them.
  const tabs: [TabId, PaneKey][] = [["templates", "tabTemplates"], ["validate", "tabValidate"], ["report", "tabReport"]];
  const views: [TabId, PaneKey][] = [...tabs, ["info", "tabInfo"]];
  return (
    <FluentProvider theme={dark ? webDarkTheme : webLightTheme} lang={locale}>
      <Pane.Provider value={context}>
        <PaneResults.Provider value={results}>
        <main className={styles.main}>
          {/* Office already shows the add-in's name above the pane: no title, the tabs come first. */}
          <h1 className={styles.hidden}>{t("title")}</h1>
          <nav className={styles.bar}>
            <TabList size="small" selectedValue={tab === "info" ? null : tab} onTabSelect={(_, d) => open(d.value as TabId)} className={styles.tabs}>
              {tabs.map(([id, key]) => (
                <Tab key={id} value={id}>
                  {t(key)}
                </Tab>
              ))}
            </TabList>
            <Menu>
              <MenuTrigger disableButtonEnhancement>
                <Button size="small" appearance="subtle" icon={<MoreHorizontal20Regular />} aria-label={t("more")} />
              </MenuTrigger>
              <MenuPopover>
                <MenuList>
                  <MenuItem onClick={() => open("info")}>{t("tabInfo")}</MenuItem>
                  <MenuItem
                    onClick={() => {
                      const next = locale === "vi" ? "en" : "vi";
                      // English loads on demand: the first bundle carries Vietnamese only.
                      void loadEnglish().then(() => {
                        setLocale(next);
                        onLocaleChange?.(next);
                      });
                    }}
                  >
                    {t("language")}
                  </MenuItem>
                </MenuList>
              </MenuPopover>
            </Menu>
          </nav>
          {notes.map((n) => (
            <MessageBar key={n.kind} intent="warning" layout="multiline">
              <MessageBarBody>{n.kind === "read-only" ? t("noteReadOnly", { menu: menu("saveAs", locale) }) : t("noteMonthFirst", { pattern: n.pattern })}</MessageBarBody>
            </MessageBar>
          ))}
          {views.map(([id, key]) => (
            <div key={id} hidden={tab !== id} role={id === "info" ? "region" : "tabpanel"} aria-label={t(key)}>
              {opened.has(id) && id === "templates" && <TemplatesSection />}
              {opened.has(id) && id === "validate" && <ValidateSection />}
              {opened.has(id) && id === "report" && <ReportSection />}
              {opened.has(id) && id === "info" && <InfoSection />}
            </div>
          ))}
        </main>
        </PaneResults.Provider>
      </Pane.Provider>
    </FluentProvider>
  );
}
