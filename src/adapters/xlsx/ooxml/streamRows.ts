import { isEmptyValue, type CellValue, type RangeBox } from "../../../domain/grid";
import { BoxCollector } from "./boxCollector";
import type { CellContext } from "./cellXml";
import { readRowCells } from "./fastCells";
import { PackageLimitError } from "./limits";
import { growBox, mergesOf } from "./sheetBody";
import { rowNumberIn } from "./sheetXml";

/** A row's XML longer than this is refused: a real row, even 16,384 cells of text, is far shorter in practice. */
const MAX_ROW_CHARS = 16 * 1024 * 1024;
/** What is kept of text that holds no row yet: enough for a tag cut by a chunk's boundary. */
const KEEP = 256;

/**
 * A sheet's rows from its XML as it is being inflated, chunk by chunk: the sheet's text is never
 * held whole (a 200,000-row ledger read in bounded memory). Rows arrive in document order; the
 * merged ranges after the rows are gathered as they pass. Time is linear in the part's size: text
 * between rows is dropped as it is scanned, and an unfinished row is searched on from where the
 * last chunk stopped, never from its start again.
 */
abstract class StreamingRows {
  private carry = "";
  /** An unfinished row in `carry`: whether it waits for its tag's end or its closing tag, and where that search goes on. */
  private pending: { resume: number; kind: "none" | "tag" | "close" } = { resume: 0, kind: "none" };
  protected prefix: string | undefined;
  private inRows = false;
  private done = false;
  private lastRow = 0;
  protected readonly merges: RangeBox[] = [];

  constructor(protected readonly part: string) {}

  /** One row's content: `text` between `from` and `to`, row `r` (0-based). */
  protected abstract row(text: string, r: number, from: number, to: number, prefix: string): void;

  /** A row element, empty or not (0-based). */
  protected sawRow(r: number): void {
    void r;
  }

  push(chunk: string): void {
    if (this.done) return this.afterRows(chunk);
    if (this.inRows && this.carry !== "") {
      // The row carried over is finished with this chunk's start, joined on its own: searching a
      // string made by joining is several times slower than searching the chunk as it came.
      const rowClose = `</${this.prefix as string}row>`;
      const k = chunk.indexOf(rowClose);
      if (k >= 0) {
        const cut = k + rowClose.length;
        const left = this.rows(this.carry + chunk.slice(0, cut));
        // Past the rows, `carry` holds what the merged ranges' reading kept (an element cut in two).
        if (this.done) return this.afterRows(chunk.slice(cut));
        this.carry = "";
        return this.pushRows(left === "" ? chunk.slice(cut) : left + chunk.slice(cut));
      }
    }
    let text = this.carry + chunk;
    if (!this.inRows) {
      const open = /<([A-Za-z_][\w.-]*:)?sheetData\b[^>]*?(\/?)>/.exec(text);
      if (!open) {
        this.carry = text.slice(Math.max(0, text.length - KEEP));
        return;
      }
      this.prefix = open[1] ?? "";
      this.inRows = true;
      this.carry = "";
      text = text.slice(open.index + open[0].length);
      if (open[2] === "/") return this.finishRows(text);
    }
    this.pushRows(text);
  }

  private pushRows(text: string): void {
    const left = this.rows(text);
    // Once the rows end, `carry` is the merged ranges' own (set by `afterRows`): not overwritten.
    if (this.done) return;
    this.carry = left;
    if (this.carry.length > MAX_ROW_CHARS) throw new PackageLimitError(this.part, `một dòng dài hơn ${MAX_ROW_CHARS / 1024 / 1024} MB`);
  }

  private finishRows(rest: string): void {
    this.done = true;
    this.carry = "";
    this.afterRows(rest);
  }

  /** Merged ranges follow the rows: gathered chunk by chunk, keeping only a possibly cut element. */
  private afterRows(chunk: string): void {
    const text = this.carry + chunk;
    const cut = text.lastIndexOf("<");
    const whole = cut >= 0 && text.indexOf(">", cut) < 0 ? text.slice(0, cut) : text;
    this.merges.push(...mergesOf(whole));
    const rest = text.slice(whole.length);
    this.carry = rest.length > KEEP ? "" : rest;
  }

  /** Reads every complete row of `text`; returns what is left (an incomplete row, or a possibly cut tag). */
  private rows(text: string): string {
    const p = this.prefix as string;
    const rowOpen = `<${p}row`;
    const rowClose = `</${p}row>`;
    const dataClose = `</${p}sheetData>`;
    let pos = 0;
    // An unfinished row carried from the last chunk starts `text`: its search goes on where it stopped.
    const { resume, kind } = this.pending;
    this.pending = { resume: 0, kind: "none" };
    // The end of the rows, found once per chunk (searched for each row it would cross the chunk each time);
    // a carried row's text was searched already up to where the last chunk stopped.
    const end = text.indexOf(dataClose, kind !== "none" ? resume : 0);
    for (;;) {
      const at = text.indexOf(rowOpen, pos);
      const carried = at === 0 && kind !== "none";
      if (end >= 0 && (at < 0 || end < at)) {
        this.finishRows(text.slice(end + dataClose.length));
        return "";
      }
      if (at < 0) return text.slice(Math.max(pos, text.length - KEEP));
      const tagEnd = text.indexOf(">", carried && kind === "tag" ? resume : at);
      if (tagEnd < 0) return this.unfinished(text, at, "tag");
      const selfClosed = text.charCodeAt(tagEnd - 1) === 47;
      const rNumber = rowNumberIn(text, at + rowOpen.length, tagEnd);
      let close = tagEnd + 1;
      if (!selfClosed) {
        const c = text.indexOf(rowClose, carried && kind === "close" ? Math.max(tagEnd, resume) : tagEnd);
        if (c < 0) return this.unfinished(text, at, "close");
        close = c;
      }
      const r = rNumber ?? this.lastRow + 1;
      this.lastRow = r;
      this.sawRow(r - 1);
      if (!selfClosed) this.row(text, r - 1, tagEnd + 1, close, p);
      pos = selfClosed ? tagEnd + 1 : close + rowClose.length;
    }
  }

  /** Keeps an unfinished row from `at`, noting what it waits for and where that search goes on. */
  private unfinished(text: string, at: number, kind: "tag" | "close"): string {
    const kept = text.slice(at);
    this.pending = { resume: Math.max(0, kept.length - KEEP), kind };
    return kept;
  }
}

/** Reads boxes of a sheet as it streams; a merged range's hidden cells read as empty, as in Excel. */
export class StreamingBoxReader extends StreamingRows {
  private readonly collectors: BoxCollector[];

  constructor(
    private readonly boxes: readonly RangeBox[],
    private readonly ctx: CellContext,
    part = "",
  ) {
    super(part);
    this.collectors = boxes.map((b) => new BoxCollector(b, part));
  }

  protected override sawRow(r: number): void {
    for (const c of this.collectors) c.sawRow(r);
  }

  /** The bounds of every non-empty cell of the sheet, seen on the way (a styled blank is empty). */
  private used: RangeBox | null = null;

  protected row(text: string, r: number, from: number, to: number, prefix: string): void {
    // One pass over the row's cells, for the boxes and for the sheet's used range alike.
    const inBoxes = this.boxes.map((b, i) => (r < b.top || r > b.bottom ? undefined : { b, c: this.collectors[i] as BoxCollector, out: (this.collectors[i] as BoxCollector).row(r) }));
    readRowCells(text, from, to, prefix, 0, 16_383, this.ctx, (col, value) => {
      if (!isEmptyValue(value)) this.used = growBox(this.used, r, col);
      for (const x of inBoxes) {
        if (!x || col < x.b.left || col > x.b.right) continue;
        x.out[col - x.b.left] = value;
        if (value !== null && col > x.c.lastCol) x.c.lastCol = col;
      }
    });
  }

  /** The boxes' values, with the merged ranges the sheet lists after its rows applied. */
  finish(): CellValue[][][] {
    return this.collectors.map((c) => c.finish(this.merges));
  }

  /** The sheet's used range, as `StreamingUsedRange` finds it: read on the same pass. */
  usedRange(): RangeBox | null {
    return this.used;
  }
}

/** The bounds of every non-empty cell of a sheet as it streams (a styled blank is empty). */
export class StreamingUsedRange extends StreamingRows {
  private box: RangeBox | null = null;

  constructor(
    private readonly ctx: CellContext,
    part = "",
  ) {
    super(part);
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
