import { documentsDocx } from "../adapters/docx/documentDocx";
import { reportPaper } from "../domain/report/addReport";
import { disclosurePaper } from "../domain/report/disclosure";
import type { DocModel } from "../domain/report/document";
import { dossierPapers } from "../domain/report/dossier";
import type { Period } from "../domain/report/period";
import { asciiName } from "../domain/text";
import type { ReadOptions, WorkbookPort } from "../domain/workbook";

// The pane's Word files: loaded when first asked for (the docx library is not in the first bundle).

export type WordPaper = "report" | "disclosure" | "dossier";

const NAMES: Record<WordPaper, string> = { report: "Bao-cao", disclosure: "Cong-khai", dossier: "Ho-so-khen-thuong" };

/** A file name people understand, without diacritics (mail and old systems mangle them): `Bao-cao-2021-S1.docx`. */
export function wordFileName(paper: WordPaper, period: Period): string {
  return `${NAMES[paper]}-${asciiName(period.code)}.docx`;
}

/** One of the period's papers as a Word file; the workbook is only read. */
export async function wordPaper(paper: WordPaper, port: WorkbookPort, period: Period, today: string, options?: ReadOptions): Promise<{ bytes: Uint8Array; name: string }> {
  let docs: readonly DocModel[];
  if (paper === "report") docs = [(await reportPaper(port, period, today, options)).doc];
  else if (paper === "disclosure") docs = [(await disclosurePaper(port, period, today, options)).doc];
  else docs = (await dossierPapers(port, period, today, options)).docs;
  return { bytes: await documentsDocx(docs, period.label), name: wordFileName(paper, period) };
}
