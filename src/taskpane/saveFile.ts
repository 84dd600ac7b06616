/**
 * Hands bytes to the browser as a download named `name`: Excel on the web and the desktop's
 * WebView2 save it where the user chooses (or in Downloads).
 */
export function saveFile(bytes: Uint8Array, name: string, type: string): void {
  const blob = new Blob([bytes as Uint8Array<ArrayBuffer>], { type });
  const a = document.createElement("a");
  a.href = URL.createObjectURL(blob);
  a.download = name;
  a.click();
  // Revoked after the click has been handled, not before the browser reads it.
  setTimeout(() => URL.revokeObjectURL(a.href), 0);
}

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
export const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** A file's bytes, as the user chose it (FileReader: every browser the pane runs in, and the test DOM). */
export function bytesOf(file: File): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(new Error(`cannot read ${file.name}`));
    reader.readAsArrayBuffer(file);
  });
}
