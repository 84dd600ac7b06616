import type { CellScalar } from "./grid";
/** Key for comparing names the way Excel does (sheet, table and header names are case-insensitive), NFC and spaces folded. */
export function nameKey(s: string): string {
  return s.normalize("NFC").trim().replace(/\s+/g, " ").toLocaleLowerCase("vi");
}

/** Letters and digits only, words joined by "-": a file name any mail or system keeps ("Trạm y tế xã" → "Tram-y-te-xa"). */
export function asciiName(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .replace(/[^A-Za-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

/**
 * A 64-bit FNV-1a digest of a text, as 16 hex digits (two 32-bit passes with different seeds):
 * short, stable across runs and platforms, enough to tell apart a workbook's keys and rows. Not a
 * secret: what must not be guessed is drawn at random (`formId`).
 */
export function hash64(text: string): string {
  const fnv = (seed: number) => {
    let h = seed >>> 0;
    for (let i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    return h.toString(16).padStart(8, "0");
  };
  return `${fnv(0x811c9dc5)}${fnv(0x12345678)}`;
}

/**
 * A 53-bit digest (cyrb53) as 14 hex digits, fed a part at a time in one pass: for what is too big to
 * build as one text first (a closed period's every cell), where `hash64` takes a text already made.
 */
export class Digest {
  private h1 = 0xdeadbeef;
  private h2 = 0x41c6ce57;
  add(text: string): this {
    // The state in locals while the text is fed (the same hash, without a field written per character).
    let h1 = this.h1;
    let h2 = this.h2;
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ ch, 2654435761);
      h2 = Math.imul(h2 ^ ch, 1597334677);
    }
    this.h1 = h1;
    this.h2 = h2;
    return this;
  }
  private ch(code: number): void {
    this.h1 = Math.imul(this.h1 ^ code, 2654435761);
    this.h2 = Math.imul(this.h2 ^ code, 1597334677);
  }
  /** A cell: its type and its content, then a separator, fed without building a text for it. */
  cell(v: CellScalar): void {
    if (v !== null && v !== "") {
      if (typeof v === "string") {
        this.ch(115);
        this.add(v);
      } else if (typeof v === "number") {
        // A whole number by its two 32-bit halves (no text made for it); any other by its text.
        if (Number.isSafeInteger(v)) {
          this.ch(105);
          this.ch(v % 4294967296 | 0);
          this.ch(Math.floor(v / 4294967296) | 0);
        } else {
          this.ch(110);
          this.add(String(v));
        }
      } else {
        this.ch(98);
        this.ch(v ? 49 : 48);
      }
    }
    this.ch(0x1f);
  }
  /** A row's start: a separator and its number. */
  row(n: number): void {
    this.ch(0x1e);
    this.ch(n);
  }
  done(): string {
    let h1 = this.h1;
    let h2 = this.h2;
    h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
    h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
    return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, "0");
  }
}

export const digest = (text: string): string => new Digest().add(text).done();

/** A column's index among a table's headers, found as Excel compares names; -1 when absent. */
export function headerIndex(headers: readonly string[], header: string): number {
  const key = nameKey(header);
  return headers.findIndex((h) => nameKey(h) === key);
}
