import JSZip from "jszip";
import { XmlPartError } from "./xml";

/** A native raw-DEFLATE decoder (Node's zlib), several times faster than the zip library's own. */
export type InflateRaw = (compressed: Uint8Array) => Uint8Array;

/** A native streaming raw-DEFLATE decoder handing over UTF-8 text as it comes. */
export type InflateRawStream = (compressed: Uint8Array, onText: (text: string) => void) => Promise<void>;

/** What JSZip 3 keeps of a loaded entry (pinned version): its compressed bytes and their method. */
interface LoadedEntryData {
  compressedContent?: unknown;
  uncompressedSize?: number;
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
  private readonly changed = new Set<string>();
  private readonly added = new Set<string>();

  private constructor(
    private readonly zip: JSZip,
    /** Part names as the zip spells them, by lower-case name (OPC part names ignore case). */
    private readonly names: Map<string, string>,
    private readonly inflateRaw?: InflateRaw,
    private readonly inflateRawStream?: InflateRawStream,
  ) {}

  static async load(data: Uint8Array | ArrayBuffer, options: { inflateRaw?: InflateRaw; inflateRawStream?: InflateRawStream } = {}): Promise<ZipPackage> {
    const zip = await JSZip.loadAsync(data, { createFolders: false });
    const names = new Map<string, string>();
    zip.forEach((name, entry) => {
      if (!entry.dir) names.set(normalize(name).toLowerCase(), name);
    });
    return new ZipPackage(zip, names, options.inflateRaw, options.inflateRawStream);
  }

  /**
   * Hands a part's text over chunk by chunk as it is inflated, without holding it whole; false
   * when that cannot be done (no streaming decoder, a part given new text, an unusual entry).
   */
  async streamText(name: string, onText: (text: string) => void): Promise<boolean> {
    const actual = this.resolve(name);
    if (!actual || !this.inflateRawStream || this.texts.has(actual)) return false;
    const entry = this.zip.file(actual);
    const data = entry ? (entry as unknown as { _data?: LoadedEntryData })._data : undefined;
    if (!data || data.compression?.magic !== DEFLATE_MAGIC || !(data.compressedContent instanceof Uint8Array)) return false;
    let first = true;
    await this.inflateRawStream(data.compressedContent, (text) => {
      onText(first ? stripBom(text) : text);
      first = false;
    });
    return true;
  }

  /** A part's bytes through the native decoder when there is one and the entry is plain DEFLATE. */
  private nativeBytes(entry: JSZip.JSZipObject): Uint8Array | undefined {
    if (!this.inflateRaw) return undefined;
    const data = (entry as unknown as { _data?: LoadedEntryData })._data;
    if (!data || data.compression?.magic !== DEFLATE_MAGIC || !(data.compressedContent instanceof Uint8Array)) return undefined;
    const out = this.inflateRaw(data.compressedContent);
    // A size that does not match means the entry is not what it says: let the zip library decide.
    return out.length === data.uncompressedSize ? out : undefined;
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
      const native = this.nativeBytes(entry);
      text = stripBom(native ? utf8(native) : await entry.async("string"));
    } catch (e) {
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
    } else if (!this.added.has(actual)) this.changed.add(actual);
    this.texts.set(actual, text);
    this.zip.file(actual, text, { createFolders: false });
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
    return this.zip.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 6 }, platform: "DOS" });
  }
}

/** A part name as OPC spells it: forward slashes (some writers use backslashes), no leading slash. */
function normalize(name: string): string {
  return name.replace(/\\/g, "/").replace(/^\/+/, "");
}

/** UTF-8 text of bytes: Node's Buffer decodes big parts faster than TextDecoder. */
function utf8(bytes: Uint8Array): string {
  const B = (globalThis as { Buffer?: { isBuffer(b: unknown): boolean } }).Buffer;
  if (B?.isBuffer(bytes)) return (bytes as unknown as { toString(enc: string): string }).toString("utf8");
  return new TextDecoder().decode(bytes);
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
