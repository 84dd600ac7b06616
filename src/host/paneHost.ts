/** Where the pane runs: inside Excel, inside another Office application, or in a plain browser. */
export type PaneHost = "excel" | "other-office" | "browser";

/**
 * Waits for Office as long as it takes when Office.js is on the page: a slow Excel on the web
 * must never get the browser preview. Only without Office.js (not loaded, offline) or when
 * Office says there is no host is the page a plain browser.
 */
export async function paneHost(office: { onReady(): Promise<{ host: unknown }> } | undefined, excel: unknown): Promise<PaneHost> {
  if (!office) return "browser";
  const info = await office.onReady();
  if (!info.host) return "browser";
  return info.host === excel ? "excel" : "other-office";
}
