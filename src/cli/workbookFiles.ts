import { promises as fs } from "node:fs";
import { WorkbookFileError } from "../adapters/xlsx/errors";
import { readWorkbookFile, unsupportedContent, writeFileAtomic } from "../adapters/xlsx/files";
import { XlsxWorkbook } from "../adapters/xlsx/xlsxWorkbook";

export interface OpenedWorkbook {
  port: XlsxWorkbook;
  /** What a rewrite through ExcelJS would lose; empty when the file can be written safely. */
  unsupported: string[];
  existed: boolean;
}

/** Opens a workbook file, or an empty workbook when `createIfMissing` and the file does not exist. */
export async function openWorkbook(file: string, createIfMissing: boolean): Promise<OpenedWorkbook> {
  const exists = await fs.stat(file).then(
    () => true,
    () => false,
  );
  if (!exists && createIfMissing) return { port: XlsxWorkbook.empty(), unsupported: [], existed: false };
  const { buffer, zip } = await readWorkbookFile(file);
  const unsupported = await unsupportedContent(zip);
  try {
    return { port: await XlsxWorkbook.fromBuffer(buffer), unsupported, existed: true };
  } catch (e) {
    throw new WorkbookFileError("not-a-workbook", file, (e as Error).message, { cause: e });
  }
}

/** Writes the workbook atomically, refusing when the rewrite would lose content of the original. */
export async function saveWorkbook(opened: OpenedWorkbook, file: string): Promise<void> {
  if (opened.unsupported.length > 0) {
    throw new WorkbookFileError("unsupported-content", file, opened.unsupported.join(", "));
  }
  await writeFileAtomic(file, await opened.port.toBuffer());
}
