import {
  Button,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Tab,
  TabList,
  Title3,
  webDarkTheme,
  webLightTheme,
} from "@fluentui/react-components";
import { useCallback, useMemo, useState } from "react";
import type { WorkbookPort } from "../domain/workbook";
import type { Locale } from "../i18n/catalog";
import { paneText, type PaneKey } from "../i18n/pane";
import { Pane, type PaneContext } from "./paneContext";
import { InfoSection } from "./sections/InfoSection";
import { ReportSection } from "./sections/ReportSection";
import { TemplatesSection } from "./sections/TemplatesSection";
import { ValidateSection } from "./sections/ValidateSection";

type TabId = "templates" | "validate" | "report" | "info";
type Message = { intent: "success" | "error"; title: string; body?: string };

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
  const t = useMemo(() => paneText(locale), [locale]);

  const run = useCallback<PaneContext["run"]>(
    async (job, done, options) => {
      setBusy(true);
      if (!options?.keepMessage) setMessage(undefined);
      try {
        const result = await job();
        const text = done?.(result);
        if (text) setMessage({ intent: "success", title: text });
        return result;
      } catch (e) {
        setMessage({ intent: "error", title: t("failed"), body: `${e instanceof Error ? e.message : String(e)} ${t("failedHint")}` });
        return undefined;
      } finally {
        setBusy(false);
      }
    },
    [t],
  );

  const context: PaneContext = { port, locale, t, today, run, busy };
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
                {message.body}
              </MessageBarBody>
            </MessageBar>
          )}
          {busy && <Spinner size="tiny" label={t("busy")} />}
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
