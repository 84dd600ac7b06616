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

/** A column's index among a table's headers, found as Excel compares names; -1 when absent. */
export function headerIndex(headers: readonly string[], header: string): number {
  const key = nameKey(header);
  return headers.findIndex((h) => nameKey(h) === key);
}
