import type { FilesPort } from "../domain/files";
import { browserFiles } from "./files";
import { errorText } from "../i18n";
import { isoDateOf } from "../domain/dates";
import { formatCount } from "../domain/format";
import { Button, FluentProvider, MessageBar, MessageBarBody, Spinner, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { useRef, useState } from "react";
import { createRoot } from "react-dom/client";
import type { Locale } from "../i18n/catalog";
import { paneText } from "../i18n/pane";
import { WorkbookFileError } from "../adapters/xlsx/errors";
import { WorkerPort } from "./workerPort";
import type { PaneJobs } from "../taskpane/paneContext";
import { App } from "../taskpane/App";
import { saveFile, XLSX_TYPE } from "../taskpane/saveFile";


const today = () => isoDateOf(new Date());

/**
 * The largest file the preview opens: a browser tab holds the file, its parts and the tables read
 * from them (a 50,000-row workbook is about 3 MB). Larger ones go to Excel or the command line.
 */
export const PREVIEW_MAX_BYTES = 100 * 1024 * 1024;

/** A new worker for each workbook opened: the file is read and written off the page's thread. */
/** The pane's long jobs in the workbook's own worker, one object per workbook (the pane keeps it). */
const workerJobs = new WeakMap<WorkerPort, Partial<PaneJobs>>();
function jobsOf(port: WorkerPort): Partial<PaneJobs> {
  let jobs = workerJobs.get(port);
  if (!jobs) workerJobs.set(port, (jobs = { validate: (day, options) => port.validate(day, options), preflight: (period, day, options) => port.preflight(period, day, options), bankRead: (files, options) => port.bankRead(files, options), bankWrite: (chosen, target, now, day) => port.bankWrite(chosen, target, now, day) }));
  return jobs;
}

function newPort(): WorkerPort {
  return new WorkerPort(new Worker(new URL("./previewWorker.ts", import.meta.url)));
}

/**
 * The preview's files: a workbook opened to be read (a return, a commune's workbook) is read in a
 * worker of its own, ended when the job is done, so summing many communes never freezes the page.
 */
const previewFiles: FilesPort = {
  ...browserFiles,
  async open(bytes, name) {
    const port = newPort();
    try {
      const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer ? bytes.buffer : bytes.slice().buffer;
      await port.open(own, name);
      return port;
    } catch (e) {
      port.close();
      throw e;
    }
  },
};

/**
 * Preview outside Office: the same pane on the .xlsx adapter, running in a Web Worker. Open a
 * workbook or the built-in sample, do every job, download the result.
 */
/** The browser's own light or dark choice: the preview follows it, as the pane follows Office's theme. */
const prefersDark = () => typeof window.matchMedia === "function" && window.matchMedia("(prefers-color-scheme: dark)").matches;

function PreviewShell() {
  const [dark] = useState(prefersDark);
  // The shell speaks the pane's language, switched from the pane's menu.
  const [locale, setLocale] = useState<Locale>("vi");
  const t = paneText(locale);
  const [book, setBook] = useState<{ port: WorkerPort; name: string; id: number } | undefined>();
  const [error, setError] = useState<string | undefined>();
  /** What the shell is doing now, said at once: opening a file, making the sample, preparing a download. */
  const [doing, setDoing] = useState<string | undefined>();
  const input = useRef<HTMLInputElement>(null);

  /** The new workbook replaces the one open before, whose worker is ended. */
  const replace = (next: { port: WorkerPort; name: string }) => {
    setError(undefined);
    book?.port.close();
    setBook({ ...next, id: (book?.id ?? 0) + 1 });
  };
  const open = async (file: File) => {
    setError(undefined);
    if (file.size > PREVIEW_MAX_BYTES) {
      setError(errorText(new WorkbookFileError("too-large", file.name, formatCount(Math.ceil(file.size / 1024 / 1024))), { file: file.name }, locale));
      return;
    }
    setDoing(t("opening", { file: file.name }));
    const port = newPort();
    try {
      await port.open(await file.arrayBuffer(), file.name);
      replace({ port, name: file.name });
    } catch (e) {
      port.close();
      setError(errorText(e, { file: file.name }, locale));
    } finally {
      setDoing(undefined);
    }
  };
  const sample = async () => {
    setDoing(t("makingSample"));
    const port = newPort();
    try {
      await port.sample();
      replace({ port, name: "so-mau-chau-son-2021.xlsx" });
    } finally {
      setDoing(undefined);
    }
  };
  const download = async () => {
    if (!book) return;
    let bytes: Uint8Array;
    setDoing(t("preparingDownload", { file: book.name }));
    try {
      bytes = await book.port.download();
    } catch (e) {
      setError(`${t("downloadFailed")} ${errorText(e, { file: book.name }, locale)}`);
      return;
    } finally {
      setDoing(undefined);
    }
    saveFile(bytes, book.name, XLSX_TYPE);
  };

  return (
    <FluentProvider theme={dark ? webDarkTheme : webLightTheme} lang={locale} style={{ minHeight: "100vh" }}>
      <div style={{ padding: "8px 12px", display: "flex", gap: 8, flexWrap: "wrap", alignItems: "center" }}>
        <input ref={input} type="file" accept=".xlsx" aria-label={t("openFile")} hidden onChange={(e) => e.target.files?.[0] && void open(e.target.files[0])} />
        <Button onClick={() => input.current?.click()}>{t("openFile")}</Button>
        <Button onClick={() => void sample()}>{t("loadSample")}</Button>
        <Button appearance="primary" disabled={!book} onClick={() => void download()}>
          {t("download")}
        </Button>
      </div>
      {/* A file that could not be opened is told apart; the workbook already open stays open and named. */}
      {error && (
        <MessageBar intent="error" role="alert" layout="multiline">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      <MessageBar intent="info" role="status" layout="multiline">
        <MessageBarBody>{book ? `${t("previewMode")} (${book.name})` : t("noWorkbook")}</MessageBarBody>
      </MessageBar>
      {doing && <Spinner size="tiny" label={doing} style={{ padding: "8px 12px", justifyContent: "flex-start" }} />}
      {book && <App key={book.id} port={book.port} jobs={jobsOf(book.port)} files={previewFiles} today={today()} dark={dark} locale={locale} onLocaleChange={setLocale} />}
    </FluentProvider>
  );
}

export function startPreview(root: HTMLElement): void {
  createRoot(root).render(<PreviewShell />);
}
