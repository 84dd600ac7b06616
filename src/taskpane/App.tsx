import {
  Button,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Spinner,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  makeStyles,
  Tab,
  TabList,
  tokens,
  webDarkTheme,
  webLightTheme,
} from "@fluentui/react-components";
import { MoreHorizontal20Regular } from "@fluentui/react-icons";
import { useCallback, useMemo, useRef, useState } from "react";
import { formatCount } from "../domain/format";
import type { FilesPort } from "../domain/files";
import { CancelledError, type WorkbookPort } from "../domain/workbook";
import { errorText } from "../i18n";
import type { Locale } from "../i18n/catalog";
import { paneText, type PaneKey } from "../i18n/pane";
import { Pane, type PaneContext, type PaneMessage } from "./paneContext";
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

type TabId = "templates" | "validate" | "report" | "info";
type Message = PaneMessage;

export interface AppProps {
  port: WorkbookPort;
  files: FilesPort;
  today: string;
  locale?: Locale;
  /** Told when the user switches language, so that a host around the pane can follow. */
  onLocaleChange?: (locale: Locale) => void;
  dark?: boolean;
}

/** The pane: four sections over one port. It never imports Office.js or an adapter: the ports are given. */
export function App({ port, files, today, locale: initial = "vi", dark = false, onLocaleChange }: AppProps) {
  const [tab, setTab] = useState<TabId>("templates");
  const [locale, setLocale] = useState<Locale>(initial);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message | undefined>();
  const [progress, setProgress] = useState<{ read: number; total: number } | undefined>();
  const controller = useRef<AbortController | undefined>(undefined);
  const t = useMemo(() => paneText(locale), [locale]);
  const readOptions = useCallback(() => {
    controller.current = new AbortController();
    return { signal: controller.current.signal, onProgress: (read: number, total: number) => setProgress({ read, total }) };
  }, []);

  const run = useCallback<PaneContext["run"]>(
    async (job, done, options) => {
      setBusy(true);
      if (!options?.keepMessage) setMessage(undefined);
      try {
        const result = await job();
        const said = done?.(result);
        if (typeof said === "string") setMessage({ intent: "success", title: said });
        else if (said) setMessage(said);
        return result;
      } catch (e) {
        if (e instanceof CancelledError) setMessage({ intent: "warning", title: t("cancelled") });
        else setMessage({ intent: "error", title: t("failed"), body: errorText(e, { writes: options?.writes === true }, locale) });
        return undefined;
      } finally {
        setBusy(false);
        setProgress(undefined);
        controller.current = undefined;
      }
    },
    [t, locale],
  );

  const styles = useStyles();
  const context: PaneContext = { port, files, locale, t, today, run, busy, readOptions, show: setTab };
  // Three tabs fit a 320 px pane; the plan's information and the language are in the menu beside them.
  const tabs: [TabId, PaneKey][] = [["templates", "tabTemplates"], ["validate", "tabValidate"], ["report", "tabReport"]];
  const views: [TabId, PaneKey][] = [...tabs, ["info", "tabInfo"]];
  return (
    <FluentProvider theme={dark ? webDarkTheme : webLightTheme} lang={locale}>
      <Pane.Provider value={context}>
        <main className={styles.main}>
          {/* Office already shows the add-in's name above the pane: no title, the tabs come first. */}
          <h1 className={styles.hidden}>{t("title")}</h1>
          <nav className={styles.bar}>
            <TabList size="small" selectedValue={tab === "info" ? null : tab} onTabSelect={(_, d) => setTab(d.value as TabId)} className={styles.tabs}>
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
                  <MenuItem onClick={() => setTab("info")}>{t("tabInfo")}</MenuItem>
                  <MenuItem
                    onClick={() => {
                      const next = locale === "vi" ? "en" : "vi";
                      setLocale(next);
                      onLocaleChange?.(next);
                    }}
                  >
                    {t("language")}
                  </MenuItem>
                </MenuList>
              </MenuPopover>
            </Menu>
          </nav>
          {message && (
            <MessageBar intent={message.intent} role={message.intent === "error" ? "alert" : "status"}>
              <MessageBarBody>
                <MessageBarTitle>{message.title}</MessageBarTitle>
                {Array.isArray(message.body) ? (
                  <ul style={{ margin: 0, paddingLeft: 16 }}>
                    {message.body.map((line) => (
                      <li key={line}>{line}</li>
                    ))}
                  </ul>
                ) : (
                  message.body
                )}
              </MessageBarBody>
            </MessageBar>
          )}
          {busy && !progress && <Spinner size="tiny" label={t("busy")} />}
          {busy && progress && (
            <div role="status" aria-live="polite">
              <ProgressBar value={progress.total > 0 ? progress.read / progress.total : 0} aria-label={t("busy")} />
              {t("progressRows", { read: formatCount(progress.read), total: formatCount(progress.total) })}{" "}
              <Button size="small" onClick={() => controller.current?.abort()}>
                {t("cancel")}
              </Button>
            </div>
          )}
          <div role={tab === "info" ? "region" : "tabpanel"} aria-label={t(views.find(([id]) => id === tab)![1])}>
            {tab === "templates" && <TemplatesSection />}
            {tab === "validate" && <ValidateSection />}
            {tab === "report" && <ReportSection />}
            {tab === "info" && <InfoSection />}
          </div>
        </main>
      </Pane.Provider>
    </FluentProvider>
  );
}
