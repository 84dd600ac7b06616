import { createContext, useContext } from "react";
import type { ReadOptions, WorkbookPort } from "../domain/workbook";
import type { PaneKey } from "../i18n/pane";
import type { Locale } from "../i18n/catalog";

/** What every section needs: the port, the words, today's date, and a way to run a job. */
export interface PaneContext {
  port: WorkbookPort;
  locale: Locale;
  t: (key: PaneKey, params?: Record<string, string | number>) => string;
  today: string;
  /** Runs a job with the pane marked busy; a failure is shown in a MessageBar, never only logged. */
  run: <T>(job: () => Promise<T>, done?: (result: T) => string | undefined, options?: { keepMessage?: boolean }) => Promise<T | undefined>;
  busy: boolean;
  /** Options for a long read: progress shown in the pane, and the pane's Stop button. */
  readOptions: () => ReadOptions;
}

export const Pane = createContext<PaneContext | undefined>(undefined);

export function usePane(): PaneContext {
  const p = useContext(Pane);
  if (!p) throw new Error("usePane outside the pane");
  return p;
}
