import type { FilesPort } from "../files";
import { reportPaper } from "./addReport";
import { disclosurePaper } from "./disclosure";
import type { DocModel } from "./document";
import { dossierPapers } from "./dossier";
import type { Period } from "../period";
import { asciiName } from "../text";
import type { ReadOptions, WorkbookPort } from "../workbook";

// A period's papers as Word files, the workbook only read: the Word writer is the files port's.

export type WordPaper = "report" | "disclosure" | "villages" | "dossier";

const NAMES: Record<WordPaper, string> = { report: "Bao-cao", disclosure: "Cong-khai", villages: "Cong-khai-theo-thon", dossier: "Ho-so-khen-thuong" };

/** A file name people understand, without diacritics (mail and old systems mangle them): `Bao-cao-2021-S1.docx`. */
export function wordFileName(paper: WordPaper, period: Period): string {
  return `${NAMES[paper]}-${asciiName(period.code)}.docx`;
}

/** One of the period's papers as a Word file; the workbook is only read. */
export async function wordPaper(paper: WordPaper, port: WorkbookPort, files: FilesPort, period: Period, today: string, options?: ReadOptions): Promise<{ bytes: Uint8Array; name: string }> {
  let docs: readonly DocModel[];
  if (paper === "report") docs = [(await reportPaper(port, period, today, options)).doc];
  else if (paper === "disclosure" || paper === "villages") docs = (await disclosurePaper(port, period, today, { ...options, byVillage: paper === "villages" })).docs;
  else docs = (await dossierPapers(port, period, today, options)).docs;
  return { bytes: await files.word(docs, period.label), name: wordFileName(paper, period) };
}
