import { promises as fs, constants as fsConstants } from "node:fs";
import * as path from "node:path";
import JSZip from "jszip";
import { WorkbookFileError } from "./errors";

/**
 * Parts of a workbook that ExcelJS does not carry through a read and write. A file holding one
 * of them is refused for writing: writing it would lose the user's charts, pivots or macros.
 */
const UNSUPPORTED_PARTS: readonly [RegExp, string][] = [
  [/^xl\/charts\//, "biểu đồ"],
  [/^xl\/pivotTables\//, "bảng tổng hợp (PivotTable)"],
  [/^xl\/pivotCache\//, "bảng tổng hợp (PivotTable)"],
  [/^xl\/vbaProject\.bin$/, "macro VBA"],
  [/^xl\/slicers\//, "slicer"],
  [/^xl\/timelines\//, "timeline"],
  [/^xl\/threadedComments\//, "chú thích hội thoại"],
  [/^xl\/externalLinks\//, "liên kết tới tệp khác"],
  [/^xl\/activeX\//, "điều khiển ActiveX"],
  [/^xl\/ctrlProps\//, "điều khiển biểu mẫu"],
];

/** Reads a workbook file; refuses a missing file or one that is not an .xlsx package. */
export async function readWorkbookFile(file: string): Promise<{ buffer: Buffer; zip: JSZip }> {
  let buffer: Buffer;
  try {
    buffer = await fs.readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new WorkbookFileError("not-found", file, "", { cause: e });
    if (code === "EACCES" || code === "EPERM") throw new WorkbookFileError("read-only", file, "", { cause: e });
    if (code === "EISDIR") throw new WorkbookFileError("not-a-workbook", file, "là một thư mục", { cause: e });
    throw e;
  }
  // An OLE compound file: an Excel 97-2003 .xls, or an .xlsx encrypted with a password to open.
  if (buffer.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))) throw new WorkbookFileError("legacy-or-encrypted", file);
  try {
    const zip = await JSZip.loadAsync(buffer);
    if (!zip.file("xl/workbook.xml")) throw new Error("no xl/workbook.xml");
    return { buffer, zip };
  } catch (e) {
    throw new WorkbookFileError("not-a-workbook", file, "", { cause: e });
  }
}

/** What the file holds that a write through ExcelJS would lose (Vietnamese names), if anything. */
export async function unsupportedContent(zip: JSZip): Promise<string[]> {
  const found = new Set<string>();
  for (const name of Object.keys(zip.files)) {
    for (const [re, label] of UNSUPPORTED_PARTS) if (re.test(name)) found.add(label);
    // Pictures survive; shapes, text boxes and connectors in a drawing do not.
    if (/^xl\/drawings\/drawing\d+\.xml$/.test(name)) {
      const xml = (await zip.file(name)?.async("string")) ?? "";
      if (/<xdr:(sp|grpSp|cxnSp)[ >]/.test(xml)) found.add("hình vẽ, hộp chữ");
    }
  }
  return [...found];
}

/** Excel's owner file `~$name.xlsx` beside a workbook means someone has it open. */
async function lockedByExcel(file: string): Promise<boolean> {
  const owner = path.join(path.dirname(file), `~$${path.basename(file)}`);
  return fs.access(owner).then(
    () => true,
    () => false,
  );
}

/** Refuses early a target that cannot be written: open in Excel, read-only file or folder. */
export async function checkWritable(file: string): Promise<void> {
  if (await lockedByExcel(file)) throw new WorkbookFileError("locked", file);
  const exists = await fs.access(file).then(
    () => true,
    () => false,
  );
  try {
    await fs.access(exists ? file : path.dirname(path.resolve(file)), fsConstants.W_OK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new WorkbookFileError("not-found", path.dirname(path.resolve(file)), "thư mục không tồn tại", { cause: e });
    throw new WorkbookFileError("read-only", file, "", { cause: e });
  }
}

/** Writes a whole file through a temporary file in the same folder, then renames: never half a file. */
export async function writeFileAtomic(file: string, data: Uint8Array): Promise<void> {
  await checkWritable(file);
  const dir = path.dirname(path.resolve(file));
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await fs.writeFile(tmp, data, { flag: "wx" });
    await fs.rename(tmp, file);
  } catch (e) {
    await fs.rm(tmp, { force: true });
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "EACCES" || code === "EPERM" || code === "EROFS") throw new WorkbookFileError("read-only", file, "", { cause: e });
    throw new WorkbookFileError("write-failed", file, String((e as Error).message), { cause: e });
  }
}
