import type { FilesPort } from "../domain/files";

/**
 * The files port in the browser (the pane in Excel, the preview): each library loads when first
 * used, so none weighs on the pane's first bundle.
 */
export const browserFiles: FilesPort = {
  async open(bytes, name) {
    const { XlsxWorkbook } = await import(/* webpackChunkName: "collect-files" */ "../adapters/xlsx/xlsxWorkbook");
    return XlsxWorkbook.open(bytes, name);
  },
  async create(subject) {
    const { XlsxWorkbook } = await import(/* webpackChunkName: "collect-files" */ "../adapters/xlsx/xlsxWorkbook");
    const book = await XlsxWorkbook.empty({ subject });
    return Object.assign(book, { toBytes: () => book.toBuffer() });
  },
  async zip(files) {
    const JSZip = (await import(/* webpackChunkName: "collect-files" */ "jszip")).default;
    const zip = new JSZip();
    for (const f of files) zip.file(f.name, f.bytes);
    return zip.generateAsync({ type: "uint8array" });
  },
  async word(docs, title) {
    const { documentsDocx } = await import(/* webpackChunkName: "word" */ "../adapters/docx/documentDocx");
    return documentsDocx(docs, title);
  },
  async planText(bytes, name) {
    const { planTextOf } = await import(/* webpackChunkName: "docx" */ "../adapters/docx/planText");
    return planTextOf(bytes, name);
  },
};
