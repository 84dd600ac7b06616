import { isoDateOf } from "../domain/dates";
import { Button, FluentProvider, MessageBar, MessageBarBody, webLightTheme } from "@fluentui/react-components";
import { useRef, useState } from "react";
import { createRoot } from "react-dom/client";
import { XlsxWorkbook } from "../adapters/xlsx/xlsxWorkbook";
import { chauSonPlan } from "../domain/plan/chauSon";
import { demoRows } from "../domain/sample/demoData";
import { applyTemplates } from "../domain/template/applyTemplates";
import { paneText } from "../i18n/pane";
import { App } from "../taskpane/App";

const t = paneText("vi");

const today = () => isoDateOf(new Date());

/**
 * Preview outside Office: the same pane on the .xlsx adapter in the browser. Open a workbook or
 * the built-in sample, do every job, download the result.
 */
function PreviewShell() {
  const [book, setBook] = useState<{ port: XlsxWorkbook; name: string } | undefined>();
  const [error, setError] = useState<string | undefined>();
  const input = useRef<HTMLInputElement>(null);

  const open = async (file: File) => {
    setError(undefined);
    try {
      setBook({ port: await XlsxWorkbook.fromBuffer(await file.arrayBuffer()), name: file.name });
    } catch (e) {
      setError(`Không đọc được "${file.name}": ${e instanceof Error ? e.message : String(e)}. Hãy chọn một tệp Excel (.xlsx).`);
    }
  };
  const sample = async () => {
    const port = await XlsxWorkbook.empty();
    await applyTemplates(port, chauSonPlan, demoRows(chauSonPlan));
    setBook({ port, name: "so-mau-chau-son-2021.xlsx" });
  };
  const download = async () => {
    if (!book) return;
    const blob = new Blob([(await book.port.toBuffer()) as Uint8Array<ArrayBuffer>], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });
    const a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = book.name;
    a.click();
    URL.revokeObjectURL(a.href);
  };

  return (
    <FluentProvider theme={webLightTheme} lang="vi">
      <div style={{ padding: "8px 12px", display: "flex", gap: 8, flexWrap: "wrap", alignItems: "center" }}>
        <input ref={input} type="file" accept=".xlsx" aria-label={t("openFile")} hidden onChange={(e) => e.target.files?.[0] && void open(e.target.files[0])} />
        <Button onClick={() => input.current?.click()}>{t("openFile")}</Button>
        <Button onClick={() => void sample()}>{t("loadSample")}</Button>
        <Button appearance="primary" disabled={!book} onClick={() => void download()}>
          {t("download")}
        </Button>
      </div>
      <MessageBar intent={error ? "error" : "info"} role={error ? "alert" : "status"}>
        <MessageBarBody>{error ?? (book ? `${t("previewMode")} (${book.name})` : t("noWorkbook"))}</MessageBarBody>
      </MessageBar>
      {book && <App key={book.name + String(Date.now())} port={book.port} today={today()} />}
    </FluentProvider>
  );
}

export function startPreview(root: HTMLElement): void {
  createRoot(root).render(<PreviewShell />);
}
