import { promises as fs } from "node:fs";
import { StringDecoder } from "node:string_decoder";
import * as zlib from "node:zlib";
import { once } from "node:events";
import { createDeflateRaw, createInflateRaw, inflateRawSync } from "node:zlib";
import { WorkbookFileError } from "../adapters/xlsx/errors";
import { FileLock, readWorkbookFile, replaceFile, type ReplaceOptions, type WorkbookOnDisk } from "../adapters/xlsx/files";
import { VerificationError } from "../adapters/xlsx/ooxml/verify";
import { XlsxWorkbook, type NewWorkbookProperties } from "../adapters/xlsx/xlsxWorkbook";
import { t } from "../i18n";
import { textPieces, type DeflateRaw, type InflateRaw, type InflateRawStream, type ZipCodecs } from "../adapters/xlsx/ooxml/zipPackage";

/** zlib's CRC-32 (Node 20.15 and later); without it parts are compressed by JSZip. */
const crc32 = (zlib as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;

/**
 * Node's zlib for writing parts anew, at JSZip's own level (6), with the CRC-32 and size the zip
 * records: the text encoded and compressed a megabyte at a time (a 77 MB sheet is never held as bytes).
 */
const deflateRaw: DeflateRaw | undefined = crc32
  ? async (text) => {
      const z = createDeflateRaw({ level: 6 });
      const out: Buffer[] = [];
      z.on("data", (chunk: Buffer) => out.push(chunk));
      const ended = new Promise<void>((resolve, reject) => {
        z.on("end", resolve);
        z.on("error", reject);
      });
      let crc = 0;
      let size = 0;
      for (const piece of textPieces(text)) {
        const bytes = Buffer.from(piece, "utf8");
        crc = crc32(bytes, crc);
        size += bytes.length;
        if (!z.write(bytes)) await once(z, "drain");
      }
      z.end();
      await ended;
      return { compressed: Buffer.concat(out), crc32: crc, size };
    }
  : undefined;

/**
 * Node's zlib for reading big parts: whole, or streamed in 1 MB pieces so a big sheet is never
 * held whole; either stops with a `RangeError` once a part inflates past the size it declared.
 * And for compressing the parts written.
 */
export const NODE_ZLIB: ZipCodecs & { inflateRaw: InflateRaw; inflateRawStream: InflateRawStream } = {
  ...(deflateRaw ? { deflateRaw } : {}),
  inflateRaw: (b, maxBytes) => inflateRawSync(b, { maxOutputLength: Math.max(1, maxBytes) }),
  inflateRawStream: (compressed, onText, maxBytes) =>
    new Promise<void>((resolve, reject) => {
      const decoder = new StringDecoder("utf8");
      const z = createInflateRaw({ chunkSize: 1 << 20 });
      let seen = 0;
      z.on("data", (chunk: Buffer) => {
        seen += chunk.length;
        if (seen > maxBytes) {
          z.destroy();
          reject(new RangeError("inflated past its declared size"));
          return;
        }
        onText(decoder.write(chunk));
      });
      z.on("end", () => {
        const rest = decoder.end();
        if (rest) onText(rest);
        resolve();
      });
      z.on("error", reject);
      z.end(compressed);
    }),
};

export interface OpenedWorkbook {
  port: XlsxWorkbook;
  existed: boolean;
  /** The file as read, when it existed. */
  disk?: WorkbookOnDisk;
}

/** Opens a workbook file, or an empty workbook when `createIfMissing` and the file does not exist. */
export async function openWorkbook(file: string, createIfMissing: boolean, properties?: NewWorkbookProperties): Promise<OpenedWorkbook> {
  const exists = await fs.stat(file).then(
    () => true,
    () => false,
  );
  if (!exists && createIfMissing) return { port: await XlsxWorkbook.empty(properties), existed: false };
  const disk = await readWorkbookFile(file);
  return { port: await XlsxWorkbook.open(disk.bytes, file, NODE_ZLIB), existed: true, disk };
}

/** Runs a job holding the lock of the file it writes; the lock is released whatever happens. */
export async function withLock<T>(file: string, job: (lock: FileLock) => Promise<T>): Promise<T> {
  const lock = await FileLock.take(file);
  if (lock.recovered) process.stderr.write(`${t("cli-lock-recovered", { file })}\n`);
  try {
    return await job(lock);
  } finally {
    await lock.release();
  }
}

/**
 * Writes the workbook to the locked file: the new package is first proven to change nothing but
 * what the job meant (against the file it was read from), then replaces the file safely.
 */
export async function saveWorkbook(opened: OpenedWorkbook, lock: FileLock, options: Omit<ReplaceOptions, "original"> & { sameFile: boolean }): Promise<void> {
  let data: Uint8Array;
  try {
    data = await opened.port.toVerifiedBuffer();
  } catch (e) {
    if (e instanceof VerificationError) throw new WorkbookFileError("not-verified", lock.target, `${e.part}: ${e.detail}`, { cause: e });
    throw e;
  }
  const { sameFile, ...rest } = options;
  await replaceFile(lock, data, { ...rest, ...(sameFile && opened.disk ? { original: opened.disk } : {}) });
}
