import { MEASURED, TIMES_BOLD, TIMES_REGULAR } from "./fontMetrics";

/**
 * Text measured as Times New Roman prints it (its metric twin's advance widths, per character), so
 * the papers' columns and row heights are set from what the text needs, not guessed per character.
 */
const INDEX = new Map([...MEASURED].map((c, i) => [c, i] as const));
/** A character the table lacks (a rare symbol) counts as wide as "W" less a little: never under-measured. */
const UNKNOWN = 900;

/** The width of `text` on one line, in points, at `size` points. */
export function textWidth(text: string, size: number, bold = false): number {
  const widths = bold ? TIMES_BOLD : TIMES_REGULAR;
  let em = 0;
  for (const ch of text.normalize("NFC")) {
    const i = INDEX.get(ch);
    em += i === undefined ? UNKNOWN : (widths[i] as number);
  }
  return (em * size) / 1000;
}

/** What a cell leaves around its text, in points (Excel's and LibreOffice's inner margins, both sides). */
export const CELL_PADDING = 6;

/**
 * Lines a text takes when wrapped by words in `width` points (a word longer than a line is broken,
 * as Excel and Word break it); each "\n" starts a line.
 */
export function wrappedLineCount(text: string, width: number, size: number, bold = false): number {
  const space = textWidth(" ", size, bold);
  let lines = 0;
  for (const para of text.split("\n")) {
    let used = 0;
    lines++;
    for (const word of para.split(" ")) {
      const w = textWidth(word, size, bold);
      if (used > 0 && used + space + w <= width) {
        used += space + w;
        continue;
      }
      if (used > 0) lines++;
      // A word wider than the line takes as many lines as it needs.
      if (w > width) {
        lines += Math.ceil(w / width) - 1;
        used = w % width;
      } else used = w;
    }
  }
  return lines;
}

/** The height of one line of text at `size` points, as Excel and LibreOffice lay out Times New Roman (about 1.15 em) with room to spare. */
export function lineHeight(size: number): number {
  return Math.ceil(size * 1.38);
}
