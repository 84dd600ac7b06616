import { createContext, useContext } from "react";
import type { FilesPort } from "../domain/files";
import type { ReadOptions, WorkbookPort } from "../domain/workbook";
import type { PaneKey } from "../i18n/pane";
import type { Locale } from "../i18n/catalog";

/** A message of the pane: a title, and a body of one text or several lines. */
export interface PaneMessage {
  intent: "success" | "warning" | "error";
  title: string;
  body?: string | string[];
}

/** What every section needs: the port, the words, today's date, and a way to run a job. */
export interface PaneContext {
  port: WorkbookPort;
  /** Files the pane opens and makes (returns, forms, summaries, Word): given by the host, as the port is. */
  files: FilesPort;
  locale: Locale;
  t: (key: PaneKey, params?: Record<string, string | number>) => string;
  today: string;
  /**
   * Runs a job with the pane marked busy; a failure is shown in a MessageBar in the pane's words
   * (never the exception's text), saying whether the workbook may have been changed: a job that
   * `writes` may have landed in part.
   */
  run: <T>(job: () => Promise<T>, done?: (result: T) => string | PaneMessage | undefined, options?: { keepMessage?: boolean; writes?: boolean }) => Promise<T | undefined>;
  busy: boolean;
  /** Opens another section of the pane (the report's preflight sends the user to Kiểm tra). */
  show: (section: "templates" | "validate" | "report" | "info") => void;
  /** Options for a long read: progress shown in the pane, and the pane's Stop button. */
  readOptions: () => ReadOptions;
}

export const Pane = createContext<PaneContext | undefined>(undefined);

export function usePane(): PaneContext {
  const p = useContext(Pane);
  if (!p) throw new Error("usePane outside the pane");
  return p;
}
