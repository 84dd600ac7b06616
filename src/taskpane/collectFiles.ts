import JSZip from "jszip";
import { XlsxWorkbook } from "../adapters/xlsx/xlsxWorkbook";
import { buildForm, readCommune, readReturnedFile } from "../domain/collect/collect";
import { errorText, type Locale } from "../i18n";
import { consolidate, consolidationGrid, type CommuneFigures, type Consolidation } from "../domain/collect/consolidate";
import type { Period } from "../domain/report/period";
import { asciiName, type Form } from "../domain/collect/forms";
import type { ReturnedFile } from "../domain/collect/merge";

// The pane's files for collection, loaded on first use (the .xlsx adapter and the zip writer are
// not in the pane's first bundle): the forms as one .zip to send, the returns read back.

/** Every form drawn into a workbook of its own, all in one .zip named after the period. */
export async function formsZip(forms: readonly Form[], period: Period): Promise<{ bytes: Uint8Array; name: string }> {
  const zip = new JSZip();
  for (const form of forms) {
    const port = await XlsxWorkbook.empty({ subject: `Phiếu báo cáo ${period.label}: ${form.identity.name}` });
    await buildForm(port, form);
    zip.file(form.fileName, await port.toBuffer());
  }
  return { bytes: await zip.generateAsync({ type: "uint8array" }), name: `Phieu-bao-cao-${asciiName(period.code)}.zip` };
}

/** Returned files as the merge reads them; a file that cannot be read is said by name and why, not fatal. */
export async function readReturns(files: readonly { name: string; bytes: Uint8Array }[], locale: Locale): Promise<{ returns: ReturnedFile[]; unreadable: { file: string; reason: string }[] }> {
  const returns: ReturnedFile[] = [];
  const unreadable: { file: string; reason: string }[] = [];
  for (const f of files) {
    try {
      returns.push(await readReturnedFile(await XlsxWorkbook.open(f.bytes, f.name), f.name));
    } catch (e) {
      unreadable.push({ file: f.name, reason: errorText(e, { file: f.name }, locale) });
    }
  }
  return { returns, unreadable };
}

/** Communes' workbooks summed for a period, the summary as a new workbook to download; unreadable files listed. */
export async function consolidateFiles(files: readonly { name: string; bytes: Uint8Array }[], period: Period): Promise<{ bytes: Uint8Array; name: string; summary: Consolidation }> {
  const communes: CommuneFigures[] = [];
  const unreadable: { file: string; reason: string }[] = [];
  for (const f of files) {
    try {
      communes.push(await readCommune(await XlsxWorkbook.open(f.bytes, f.name), f.name, period));
    } catch (e) {
      unreadable.push({ file: f.name, reason: errorText(e, { file: f.name }) });
    }
  }
  const summary = consolidate(communes, period, unreadable);
  const port = await XlsxWorkbook.empty({ subject: `Tổng hợp các xã ${period.label}` });
  await port.applyGrids([consolidationGrid(summary)]);
  return { bytes: await port.toBuffer(), name: `Tong-hop-cac-xa-${asciiName(period.code)}.xlsx`, summary };
}
