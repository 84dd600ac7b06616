import { promises as fs } from "node:fs";
import { WorkbookFileError } from "../adapters/xlsx/errors";
import { readWorkbookFile, writeFileAtomic } from "../adapters/xlsx/files";
import { XlsxWorkbook } from "../adapters/xlsx/xlsxWorkbook";

export interface OpenedWorkbook {
  port: XlsxWorkbook;
  existed: boolean;
}

/** Opens a workbook file, or an empty workbook when `createIfMissing` and the file does not exist. */
export async function openWorkbook(file: string, createIfMissing: boolean): Promise<OpenedWorkbook> {
  const exists = await fs.stat(file).then(
    () => true,
    () => false,
  );
  if (!exists && createIfMissing) return { port: await XlsxWorkbook.empty(), existed: false };
  const { buffer } = await readWorkbookFile(file);
  try {
    return { port: await XlsxWorkbook.fromBuffer(buffer), existed: true };
  } catch (e) {
    throw new WorkbookFileError("not-a-workbook", file, (e as Error).message, { cause: e });
  }
}

/** Writes the workbook atomically. */
export async function saveWorkbook(opened: OpenedWorkbook, file: string): Promise<void> {
  await writeFileAtomic(file, await opened.port.toBuffer());
}
