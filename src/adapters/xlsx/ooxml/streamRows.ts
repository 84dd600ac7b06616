import { isEmptyValue, type CellValue, type RangeBox } from "../../../domain/grid";
import type { CellContext } from "./cellXml";
import { readRowCells } from "./fastCells";
import { growBox, mergesOf } from "./sheetBody";

/**
 * A sheet's rows from its XML as it is being inflated, chunk by chunk: the sheet's text is never
 * held whole (a 200,000-row ledger read in bounded memory). Rows arrive in document order; what
 * follows the rows (merged ranges) is kept for the end.
 */
abstract class StreamingRows {
  private carry = "";
  protected prefix: string | undefined;
  private inRows = false;
  private done = false;
  private lastRow = 0;
  protected tail = "";

  /** One row's content: `text` between `from` and `to`, row `r` (0-based). */
  protected abstract row(text: string, r: number, from: number, to: number, prefix: string): void;

  push(chunk: string): void {
    if (this.done) {
      this.tail += chunk;
      return;
    }
    let text = this.carry + chunk;
    if (!this.inRows) {
      const open = /<([A-Za-z_][\w.-]*:)?sheetData\b[^>]*?(\/?)>/.exec(text);
      if (!open) {
        // Keep enough to find a tag cut by the chunk boundary.
        this.carry = text.slice(Math.max(0, text.length - 256));
        return;
      }
      this.prefix = open[1] ?? "";
      this.inRows = true;
      if (open[2] === "/") {
        this.done = true;
        this.tail = text.slice(open.index + open[0].length);
        this.carry = "";
        return;
      }
      text = text.slice(open.index + open[0].length);
    }
    this.carry = this.rows(text);
  }

  /** Reads every complete row of `text`; returns what is left (an incomplete row, or after the rows). */
  private rows(text: string): string {
    const p = this.prefix as string;
    const rowOpen = `<${p}row`;
    const rowClose = `</${p}row>`;
    const dataClose = `</${p}sheetData>`;
    let pos = 0;
    // Found once: searching it again for each row would cross the whole chunk each time.
    const end = text.indexOf(dataClose);
    for (;;) {
      const at = text.indexOf(rowOpen, pos);
      if (end >= 0 && (at < 0 || end < at)) {
        this.done = true;
        this.tail = text.slice(end);
        return "";
      }
      if (at < 0) return text.slice(pos);
      const tagEnd = text.indexOf(">", at);
      if (tagEnd < 0) return text.slice(at);
      const selfClosed = text.charCodeAt(tagEnd - 1) === 47;
      const quick = text.indexOf(' r="', at);
      const rAttr = quick > 0 && quick < tagEnd ? /^ r="(\d+)"/.exec(text.slice(quick, quick + 14)) : /\sr\s*=\s*["'](\d+)["']/.exec(text.slice(at, tagEnd));
      let close = tagEnd + 1;
      if (!selfClosed) {
        const c = text.indexOf(rowClose, tagEnd);
        if (c < 0) return text.slice(at);
        close = c;
      }
      const r = rAttr ? Number(rAttr[1]) : this.lastRow + 1;
      this.lastRow = r;
      if (!selfClosed) this.row(text, r - 1, tagEnd + 1, close, p);
      pos = selfClosed ? tagEnd + 1 : close + rowClose.length;
    }
  }

  /** Whatever the last chunk left (an incomplete end), for what follows the rows. */
  protected rest(): string {
    return this.tail + this.carry;
  }
}

/** Reads boxes of a sheet as it streams; a merged range's hidden cells read as empty, as in Excel. */
export class StreamingBoxReader extends StreamingRows {
  readonly out: CellValue[][][];

  constructor(
    private readonly boxes: readonly RangeBox[],
    private readonly ctx: CellContext,
  ) {
    super();
    this.out = boxes.map((b) => Array.from({ length: Math.max(0, b.bottom - b.top + 1) }, () => new Array<CellValue>(Math.max(0, b.right - b.left + 1)).fill(null)));
  }

  protected row(text: string, r: number, from: number, to: number, prefix: string): void {
    this.boxes.forEach((b, i) => {
      if (r < b.top || r > b.bottom) return;
      const out = (this.out[i] as CellValue[][])[r - b.top] as CellValue[];
      readRowCells(text, from, to, prefix, b.left, b.right, this.ctx, (col, value) => {
        out[col - b.left] = value;
      });
    });
  }

  /** Applies the merged ranges the sheet lists after its rows; returns the boxes' values. */
  finish(): CellValue[][][] {
    const merges = mergesOf(this.rest());
    this.boxes.forEach((b, i) => {
      for (const m of merges) {
        for (let r = Math.max(m.top, b.top); r <= Math.min(m.bottom, b.bottom); r++) {
          for (let c = Math.max(m.left, b.left); c <= Math.min(m.right, b.right); c++) {
            if (r !== m.top || c !== m.left) ((this.out[i] as CellValue[][])[r - b.top] as CellValue[])[c - b.left] = null;
          }
        }
      }
    });
    return this.out;
  }
}

/** The bounds of every non-empty cell of a sheet as it streams (a styled blank is empty). */
export class StreamingUsedRange extends StreamingRows {
  private box: RangeBox | null = null;

  constructor(private readonly ctx: CellContext) {
    super();
  }

  protected row(text: string, r: number, from: number, to: number, prefix: string): void {
    readRowCells(text, from, to, prefix, 0, 16_383, this.ctx, (col, value) => {
      if (!isEmptyValue(value)) this.box = growBox(this.box, r, col);
    });
  }

  finish(): RangeBox | null {
    return this.box;
  }
}
