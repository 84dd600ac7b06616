import JSZip from "jszip";
import { XlsxWorkbook } from "../adapters/xlsx/xlsxWorkbook";
import { buildForm } from "../domain/collect/collect";
import { asciiName, FORM_TABLE, type Form } from "../domain/collect/forms";
import type { ReturnedFile } from "../domain/collect/merge";
import { TABLE } from "../domain/sheets/specs";

// The pane's files for collection, loaded on first use (the .xlsx adapter and the zip writer are
// not in the pane's first bundle): the forms as one .zip to send, the returns read back.

/** Every form drawn into a workbook of its own, all in one .zip named after the period. */
export async function formsZip(forms: readonly Form[], label: string): Promise<{ bytes: Uint8Array; name: string }> {
  const zip = new JSZip();
  for (const form of forms) {
    const port = await XlsxWorkbook.empty({ subject: `Phiếu báo cáo ${label}: ${form.identity.name}` });
    await buildForm(port, form);
    zip.file(form.fileName, await port.toBuffer());
  }
  return { bytes: await zip.generateAsync({ type: "uint8array" }), name: `Phieu-bao-cao-${asciiName(label)}.zip` };
}

/** Returned files as the merge reads them; a file that cannot be read is said by name, not fatal. */
export async function readReturns(files: readonly { name: string; bytes: Uint8Array }[]): Promise<{ returns: ReturnedFile[]; unreadable: string[] }> {
  const returns: ReturnedFile[] = [];
  const unreadable: string[] = [];
  for (const f of files) {
    try {
      const port = await XlsxWorkbook.fromBuffer(f.bytes);
      returns.push({ file: f.name, tables: await port.readTables([FORM_TABLE, TABLE.nhiemVu, TABLE.camKet, TABLE.dongGop]) });
    } catch {
      unreadable.push(f.name);
    }
  }
  return { returns, unreadable };
}
