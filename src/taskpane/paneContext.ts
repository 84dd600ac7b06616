import { createContext, useContext } from "react";
import type { FilesPort } from "../domain/files";
import type { Issue } from "../domain/rules/types";
import type { Period } from "../domain/period";
import type { PanePreflight } from "../domain/report/addReport";
import type { BankPreview, BankWrite, StatementFile } from "../domain/bank/session";
import type { PaperTarget } from "../domain/paperMark";
import type { ReadOptions, WorkbookPort } from "../domain/workbook";
import type { PaneKey } from "../i18n/pane";
import type { Locale } from "../i18n/catalog";

/** A message of the pane: a title, and a body of one text or several lines. */
export interface PaneMessage {
  intent: "success" | "warning" | "error";
  title: string;
  body?: string | string[];
}

/** Where in the pane a job's result is shown: beside the buttons that started it. */
export type ResultSlot = "templates" | "validate" | "report" | "collect" | "bank" | "close" | "info";

/** A section of the pane. */
export type Section = "templates" | "validate" | "report" | "info";

/**
 * The long jobs the host runs where it is best: the preview runs them in its worker, beside the
 * workbook (the page's thread only draws the result); inside Excel they run here, reading the
 * workbook in slices.
 */
export interface PaneJobs {
  validate: (today: string, options: ReadOptions) => Promise<Issue[]>;
  preflight: (period: Period, today: string, options: ReadOptions) => Promise<PanePreflight>;
  /** Reads bank statements and reconciles them with the ledger; the session is kept for `bankWrite`. */
  bankRead: (files: StatementFile[], options: ReadOptions) => Promise<BankPreview>;
  /** The grids of the last reconciliation read, with the credits chosen (by id) added: the page writes them. */
  bankWrite: (chosen: number[], target: PaperTarget, now: string, today: string) => Promise<BankWrite>;
}

/** What every section needs: the port, the words, today's date, and a way to run a job. */
export interface PaneContext {
  port: WorkbookPort;
  jobs: PaneJobs;
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
  run: <T>(job: () => Promise<T>, done?: (result: T) => string | PaneMessage | undefined, options?: RunOptions) => Promise<T | undefined>;
  busy: boolean;
  /** Opens another section of the pane; `check` also runs the check there (the report's preflight sends the clerk to Kiểm tra). */
  show: (section: Section, options?: { check?: boolean }) => void;
  /** Goes up by one each time the pane asks Kiểm tra to run its check (from another section). */
  checkRequest: number;
  /**
   * Goes up by one each time a job may have changed the workbook's tracked rows (a fix, a merge,
   * templates applied): what was read before (the check's list, the figures) is out of date.
   */
  dataVersion: number;
  /** Options for a long read: progress shown in the pane, and the pane's Stop button. */
  readOptions: () => ReadOptions;
}

/** How a job is run: where its result shows, whether it writes, whether it may change the tracked rows. */
export interface RunOptions {
  keepMessage?: boolean;
  writes?: boolean;
  /** The tracked rows may change (a fix, a merge, templates): what the sections read before is dropped. */
  changesData?: boolean;
  /** Where the result shows; the section the job was started from when not said. */
  slot?: ResultSlot;
}

/** What a result slot shows: the last message, the job running and its progress. */
export interface ResultState {
  message?: PaneMessage & { slot: ResultSlot; id: number };
  running?: ResultSlot;
  progress?: { read: number; total: number };
  cancel: () => void;
}

export const PaneResults = createContext<ResultState | undefined>(undefined);

export const Pane = createContext<PaneContext | undefined>(undefined);

export function usePane(): PaneContext {
  const p = useContext(Pane);
  if (!p) throw new Error("usePane outside the pane");
  return p;
}
