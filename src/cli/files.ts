import { planTextOf } from "../adapters/docx/planText";
import { documentsDocx } from "../adapters/docx/documentDocx";
import { XlsxWorkbook } from "../adapters/xlsx/xlsxWorkbook";
import type { FilesPort } from "../domain/files";
import { NODE_ZLIB } from "./workbookFiles";

/** The files port on Node: workbooks read with the native decoder. */
export const nodeFiles: FilesPort = {
  open: (bytes, name) => XlsxWorkbook.open(bytes, name, NODE_ZLIB),
  async create(subject) {
    const book = await XlsxWorkbook.empty({ subject });
    return Object.assign(book, { toBytes: () => book.toBuffer() });
  },
  async zip(files) {
    const JSZip = (await import("jszip")).default;
    const zip = new JSZip();
    for (const f of files) zip.file(f.name, f.bytes);
    return zip.generateAsync({ type: "uint8array" });
  },
  word: documentsDocx,
  planText: planTextOf,
};
