import { browserFiles } from "./files";
import { isoDateOf } from "../domain/dates";
import { createRoot } from "react-dom/client";
import { OfficeWorkbook } from "../adapters/office/officeWorkbook";
import { officeRequirements } from "../adapters/office/requirements";
import { officeRun } from "../adapters/office/officeRun";
import { App } from "../taskpane/App";
import { paneHost } from "./paneHost";
import { setOfficeLanguage } from "../i18n/menus";
import { loadEnglish } from "../i18n";
import type { PaneJobs } from "../taskpane/paneContext";

const today = () => isoDateOf(new Date());

/** Office's theme is dark when its body background is dark. */
function isDark(background: string | undefined): boolean {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(background ?? "");
  if (!m) return false;
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => parseInt(h ?? "ff", 16)) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 128;
}

/** The pane's host: inside Excel it gives the pane the Office adapter, the display language and the theme. */
async function main(): Promise<void> {
  const root = document.getElementById("root");
  // The inline script has already told users of old webviews what to do; the bundle stays out.
  if (!root || (window as { __unsupportedWebview?: boolean }).__unsupportedWebview) return;
  const host = await paneHost(typeof Office === "undefined" ? undefined : Office, typeof Office === "undefined" ? undefined : Office.HostType.Excel);
  // Outside Office: the preview on the .xlsx adapter, loaded on demand so it never weighs on the pane inside Excel.
  if (host === "browser") {
    const { startPreview } = await import(/* webpackChunkName: "preview" */ "./preview");
    startPreview(root);
    return;
  }
  if (host === "other-office") {
    root.textContent = "Bổ trợ này dành cho Excel.";
    return;
  }
  const requirements = officeRequirements();
  const port = new OfficeWorkbook(officeRun(Excel, requirements), requirements);
  const language = Office.context.displayLanguage ?? "vi-VN";
  // Excel's commands named in the words of this Office (a Vietnamese Office: "Xem lại > Bỏ bảo vệ Trang tính").
  setOfficeLanguage(Office.context.displayLanguage);
  const theme = Office.context.officeTheme as Office.OfficeTheme | undefined;
  const locale = language.toLowerCase().startsWith("vi") ? "vi" : "en";
  // An English Office gets its words before the pane is drawn (they load on demand).
  if (locale === "en") await loadEnglish().catch(() => undefined);
  createRoot(root).render(<App port={port} jobs={workerJobs(port)} files={browserFiles} today={today()} locale={locale} dark={isDark(theme?.bodyBackgroundColor)} />);
}

/**
 * The pane's long jobs in a worker of their own (computeJobs.ts, loaded on first use), or run on the
 * page where the browser cannot make one.
 */
function workerJobs(port: OfficeWorkbook): Partial<PaneJobs> | undefined {
  if (typeof Worker === "undefined") return undefined;
  let made: Promise<PaneJobs> | undefined;
  const jobs = () =>
    (made ??= import(/* webpackChunkName: "compute" */ "./computeJobs").then((m) => {
      try {
        return m.computeJobs(port, new Worker(new URL("./computeWorker.ts", import.meta.url)));
      } catch {
        return m.pageJobs(port, browserFiles);
      }
    }));
  return {
    validate: async (today, options) => (await jobs()).validate(today, options),
    preflight: async (period, today, options) => (await jobs()).preflight(period, today, options),
    bankRead: async (files, options) => (await jobs()).bankRead(files, options),
    bankWrite: async (chosen, target, now, day) => (await jobs()).bankWrite(chosen, target, now, day),
  };
}

void main();
