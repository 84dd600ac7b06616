import { inflateSync } from "fflate";
import JSZip from "jszip";
import { checkDeclared, checkTotal, checkWhole, PackageLimitError, sizeMismatch } from "./limits";
import { XmlPartError } from "./xml";

/**
 * A raw-DEFLATE decoder that never gives more than `maxBytes`: it throws a `RangeError` when the
 * data inflates past it (a part larger than its zip entry declares).
 */
export type InflateRaw = (compressed: Uint8Array, maxBytes: number) => Uint8Array;

/** A streaming raw-DEFLATE decoder handing over UTF-8 text as it comes; rejects with a `RangeError` past `maxBytes`. */
export type InflateRawStream = (compressed: Uint8Array, onText: (text: string) => void, maxBytes: number) => Promise<void>;

/**
 * The decoder where no native one is given (the browser, the preview's worker): fflate, into a
 * buffer one byte larger than declared, so that a part inflating past its declared size is caught
 * without ever holding more.
 */
export const PORTABLE_INFLATE: InflateRaw = (compressed, maxBytes) => {
  const out = inflateSync(compressed, { out: new Uint8Array(maxBytes + 1) });
  if (out.length > maxBytes) throw new RangeError("inflated past its declared size");
  return out;
};

/**
 * A native raw-DEFLATE encoder (Node's zlib) with the CRC-32 a zip entry records: a part written
 * anew is compressed by it instead of JSZip's JavaScript encoder (a 77 MB ledger in a fraction of
 * the time, the bytes outside the JavaScript heap).
 */
export type DeflateRaw = (text: string) => Promise<{ compressed: Uint8Array; crc32: number; size: number }>;

/** The decoders (and the encoder) a package is read and written with where native ones exist. */
export interface ZipCodecs {
  inflateRaw?: InflateRaw;
  inflateRawStream?: InflateRawStream;
  deflateRaw?: DeflateRaw;
}

/** What JSZip 3 keeps of a loaded entry (pinned version): its compressed bytes and their method. */
interface LoadedEntryData {
  compressedContent?: unknown;
  compressedSize?: number;
  uncompressedSize?: number;
  crc32?: number;
  compression?: { magic?: string };
}


const DEFLATE_MAGIC = "\x08\x00";

/**
 * An .xlsx file as a package of parts. Parts are read on demand; a part that is never set keeps
 * its original bytes (and, in the zip, its original compressed data). Only parts given new text
 * are written anew, so whatever the writer does not understand goes through untouched.
 */
export class ZipPackage {
  private readonly texts = new Map<string, string>();
  private readonly originals = new Map<string, string>();
  /** Parts whose new text JSZip already holds as bytes. */
  private readonly encoded = new Set<string>();
  private readonly changed = new Set<string>();
  private readonly added = new Set<string>();

  private constructor(
    private readonly zip: JSZip,
    /** Part names as the zip spells them, by lower-case name (OPC part names ignore case). */
    private readonly names: Map<string, string>,
    private readonly inflateRaw: InflateRaw = PORTABLE_INFLATE,
    private readonly inflateRawStream?: InflateRawStream,
    private readonly deflateRaw?: DeflateRaw,
  ) {}

  /**
   * Reads the zip's directory (nothing is inflated yet) and refuses a package whose declared sizes
   * pass `PACKAGE_LIMITS`; each part is then inflated only up to the size it declares.
   */
  static async load(data: Uint8Array | ArrayBuffer, options: ZipCodecs = {}): Promise<ZipPackage> {
    const zip = await JSZip.loadAsync(data, { createFolders: false });
    const names = new Map<string, string>();
    let total = 0;
    zip.forEach((name, entry) => {
      if (entry.dir) return;
      names.set(normalize(name).toLowerCase(), name);
      const d = loadedData(entry);
      if (!d) return;
      checkDeclared(name, d.compressedSize ?? 0, d.uncompressedSize ?? 0);
      total += d.uncompressedSize ?? 0;
    });
    checkTotal(total, names.size);
    return new ZipPackage(zip, names, options.inflateRaw ?? PORTABLE_INFLATE, options.inflateRawStream, options.deflateRaw);
  }

  /**
   * Hands a part's text over chunk by chunk as it is inflated, without holding it whole; false
   * when that cannot be done (no streaming decoder, a part given new text, an unusual entry).
   */
  async streamText(name: string, onText: (text: string) => void): Promise<boolean> {
    const actual = this.resolve(name);
    if (!actual || !this.inflateRawStream || this.texts.has(actual)) return false;
    const entry = this.zip.file(actual);
    const data = entry ? loadedData(entry) : undefined;
    if (!data || data.compression?.magic !== DEFLATE_MAGIC || !(data.compressedContent instanceof Uint8Array)) return false;
    let first = true;
    const declared = data.uncompressedSize ?? 0;
    try {
      await this.inflateRawStream(
        data.compressedContent,
        (text) => {
          onText(first ? stripBom(text) : text);
          first = false;
        },
        declared,
      );
    } catch (e) {
      if (e instanceof RangeError) throw sizeMismatch(actual, declared);
      throw e;
    }
    return true;
  }

  /**
   * A part's bytes, inflated by the decoder up to the size the entry declares (never more); undefined
   * for an entry that is not compressed (its bytes are bounded by the file's own size).
   */
  private inflated(actual: string, entry: JSZip.JSZipObject): Uint8Array | undefined {
    const data = loadedData(entry);
    if (!data || data.compression?.magic !== DEFLATE_MAGIC || !(data.compressedContent instanceof Uint8Array)) return undefined;
    const declared = data.uncompressedSize ?? 0;
    checkWhole(actual, declared);
    let out: Uint8Array;
    try {
      out = this.inflateRaw(data.compressedContent, declared);
    } catch (e) {
      if (e instanceof RangeError) throw sizeMismatch(actual, declared);
      throw e;
    }
    if (out.length !== declared) throw new PackageLimitError(actual, `giải nén ra ${out.length} byte, khác ${declared} byte đã khai`);
    return out;
  }

  /**
   * Inflates every part once, each bounded by the size it declares, and drops the result: proves a
   * package safe to hand to another reader (mammoth reads a plan's .docx with its own zip library).
   */
  verifyAll(): void {
    for (const actual of this.names.values()) {
      const entry = this.zip.file(actual);
      if (entry) this.inflated(actual, entry);
    }
  }

  static create(): ZipPackage {
    return new ZipPackage(new JSZip(), new Map());
  }

  has(name: string): boolean {
    return this.names.has(normalize(name).toLowerCase());
  }

  /** The part's name as the package spells it, or undefined. */
  resolve(name: string): string | undefined {
    return this.names.get(normalize(name).toLowerCase());
  }

  /** A part's text (UTF-8), as last set or as the file holds it; undefined when absent. */
  async text(name: string): Promise<string | undefined> {
    const actual = this.resolve(name);
    if (!actual) return undefined;
    const cached = this.texts.get(actual);
    if (cached !== undefined) return cached;
    const entry = this.zip.file(actual);
    if (!entry) return undefined;
    let text: string;
    try {
      const bytes = this.inflated(actual, entry);
      text = stripBom(bytes ? utf8(bytes) : await entry.async("string"));
    } catch (e) {
      if (e instanceof PackageLimitError) throw e;
      throw new XmlPartError(actual, `dữ liệu nén bị hỏng (${(e as Error).message})`);
    }
    this.texts.set(actual, text);
    return text;
  }

  /** Replaces (or adds) a part's text. */
  setText(name: string, text: string): void {
    const clean = normalize(name);
    let actual = this.resolve(clean);
    if (!actual) {
      actual = clean;
      this.names.set(clean.toLowerCase(), clean);
      this.added.add(clean);
    } else if (!this.added.has(actual)) {
      this.changed.add(actual);
      // The text as the file held it, when it was read: what a verification compares the new text with.
      const read = this.texts.get(actual);
      if (read !== undefined && !this.originals.has(actual)) this.originals.set(actual, read);
    }
    this.texts.set(actual, text);
    this.encoded.delete(actual);
    this.zip.file(actual, text, { createFolders: false });
  }

  /** A changed part's text as read from the file before it was first set (undefined if it was set unread). */
  originalText(name: string): string | undefined {
    const actual = this.resolve(name);
    return actual ? this.originals.get(actual) : undefined;
  }

  /** A part's text as last set; undefined for a part not set since the file was read. */
  writtenText(name: string): string | undefined {
    const actual = this.resolve(name);
    return actual && (this.changed.has(actual) || this.added.has(actual)) ? this.texts.get(actual) : undefined;
  }

  /** Parts given new text that existed in the file. */
  changedParts(): string[] {
    return [...this.changed];
  }

  addedParts(): string[] {
    return [...this.added];
  }

  /** The package as a zip file. Unchanged entries keep their compressed bytes. */
  async toBytes(): Promise<Uint8Array> {
    await this.encodeWritten();
    return this.zip.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 6 }, platform: "DOS" });
  }

  /**
   * Hands JSZip each part given new text as bytes, never as text: JSZip encodes text 16 KB at a time
   * and turns a character outside the Basic Multilingual Plane (an emoji in a remark) that straddles
   * two pieces into two U+FFFD. With a native encoder the bytes go compressed, as an entry JSZip
   * loaded (it copies those into the zip as they are); that needs a package read from a file, whose
   * deflated entries show JSZip's own prototype and method. Otherwise JSZip compresses the bytes.
   */
  private async encodeWritten(): Promise<void> {
    let model: LoadedEntryData | undefined;
    if (this.deflateRaw) {
      this.zip.forEach((_name, entry) => {
        const d = loadedData(entry);
        if (!model && typeof d === "object" && d.compression?.magic === DEFLATE_MAGIC && d.compressedContent instanceof Uint8Array) model = d;
      });
    }
    for (const name of [...this.changed, ...this.added]) {
      const text = this.texts.get(name);
      if (text === undefined || this.encoded.has(name) || !this.zip.file(name)) continue;
      if (model && this.deflateRaw) {
        const { compressed, crc32, size } = await this.deflateRaw(text);
        // JSZip tells its compressed entries by their prototype (`instanceof CompressedObject`).
        const data: LoadedEntryData = Object.assign(Object.create(Object.getPrototypeOf(model) as object) as LoadedEntryData, { compressedSize: compressed.length, uncompressedSize: size, crc32, compression: model.compression, compressedContent: compressed });
        Object.assign(this.zip.file(name) as JSZip.JSZipObject, { _data: data, _dataBinary: true });
      } else this.zip.file(name, utf8Bytes(text), { binary: true, createFolders: false });
      this.encoded.add(name);
    }
  }
}

/** What JSZip keeps of an entry it loaded from a file; undefined for one added since. */
function loadedData(entry: JSZip.JSZipObject): LoadedEntryData | undefined {
  return (entry as unknown as { _data?: LoadedEntryData })._data;
}

/** A part name as OPC spells it: forward slashes (some writers use backslashes), no leading slash. */
function normalize(name: string): string {
  return name.replace(/\\/g, "/").replace(/^\/+/, "");
}

/** UTF-8 text of bytes: Node's Buffer decodes big parts faster than TextDecoder. */
export function utf8(bytes: Uint8Array): string {
  const B = (globalThis as { Buffer?: { isBuffer(b: unknown): boolean } }).Buffer;
  if (B?.isBuffer(bytes)) return (bytes as unknown as { toString(enc: string): string }).toString("utf8");
  return new TextDecoder().decode(bytes);
}

/**
 * A text in pieces of about `size` characters, never cut between the two halves of a character
 * outside the Basic Multilingual Plane (each piece encodes to UTF-8 on its own).
 */
export function* textPieces(text: string, size = 1 << 20): Generator<string> {
  for (let at = 0; at < text.length; ) {
    let end = Math.min(text.length, at + size);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end++;
    yield text.slice(at, end);
    at = end;
  }
}

/** Whether bytes are the UTF-8 encoding of a text, compared a piece at a time. */
export function isUtf8Of(bytes: Uint8Array, text: string): boolean {
  let pos = 0;
  for (const piece of textPieces(text)) {
    const encoded = utf8Bytes(piece);
    if (pos + encoded.length > bytes.length) return false;
    for (let i = 0; i < encoded.length; i++) if (bytes[pos + i] !== encoded[i]) return false;
    pos += encoded.length;
  }
  return pos === bytes.length;
}

/** The UTF-8 bytes of a text: Node's Buffer where there is one. */
export function utf8Bytes(text: string): Uint8Array {
  const B = (globalThis as { Buffer?: { from(s: string, enc: string): Uint8Array } }).Buffer;
  return B ? B.from(text, "utf8") : new TextEncoder().encode(text);
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
