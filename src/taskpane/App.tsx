import {
  Button,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Spinner,
  Tab,
  TabList,
  Title3,
  webDarkTheme,
  webLightTheme,
} from "@fluentui/react-components";
import { useCallback, useMemo, useRef, useState } from "react";
import { formatCount } from "../domain/format";
import { CancelledError, type WorkbookPort } from "../domain/workbook";
import { errorText } from "../i18n";
import type { Locale } from "../i18n/catalog";
import { paneText, type PaneKey } from "../i18n/pane";
import { Pane, type PaneContext, type PaneMessage } from "./paneContext";
import { InfoSection } from "./sections/InfoSection";
import { ReportSection } from "./sections/ReportSection";
import { TemplatesSection } from "./sections/TemplatesSection";
import { ValidateSection } from "./sections/ValidateSection";

type TabId = "templates" | "validate" | "report" | "info";
type Message = PaneMessage;

export interface AppProps {
  port: WorkbookPort;
  today: string;
  locale?: Locale;
  dark?: boolean;
}

/** The pane: four sections over one port. It never imports Office.js: the port is given. */
export function App({ port, today, locale: initial = "vi", dark = false }: AppProps) {
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

  const context: PaneContext = { port, locale, t, today, run, busy, readOptions };
  const tabs: [TabId, PaneKey][] = [["templates", "tabTemplates"], ["validate", "tabValidate"], ["report", "tabReport"], ["info", "tabInfo"]];
  return (
    <FluentProvider theme={dark ? webDarkTheme : webLightTheme} lang={locale}>
      <Pane.Provider value={context}>
        <main style={{ padding: 12, minHeight: "100vh" }}>
          <header style={{ display: "flex", justifyContent: "space-between", alignItems: "center" }}>
            <Title3 as="h1">{t("title")}</Title3>
            <Button size="small" appearance="subtle" onClick={() => setLocale(locale === "vi" ? "en" : "vi")}>
              {t("language")}
            </Button>
          </header>
          <TabList selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as TabId)}>
            {tabs.map(([id, key]) => (
              <Tab key={id} value={id}>
                {t(key)}
              </Tab>
            ))}
          </TabList>
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
          <div role="tabpanel" aria-label={t(tabs.find(([id]) => id === tab)![1])}>
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
