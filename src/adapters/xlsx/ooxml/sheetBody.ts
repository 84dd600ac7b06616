import { columnLetter, parseCellAddress, parseRangeAddress, rangeAddress, type RangeBox } from "../../../domain/grid";
import { scanCells, scanRows, type CellSpan, type RowSpan } from "./sheetXml";

/** A cell's new XML. */
type CellEdit = string;

const NO_CELLS: ReadonlyMap<number, CellSpan> = new Map();

/**
 * The rows of a sheet, indexed for reading and edited as text: a row nobody writes keeps its
 * exact bytes; a written row has its cells replaced or inserted in column order.
 */
export class SheetBody {
  private rows: RowSpan[] | undefined;
  private byNumber: Map<number, RowSpan> | undefined;
  private readonly cellCache = new Map<number, Map<number, CellSpan>>();
  private readonly edits = new Map<number, Map<number, CellEdit>>();
  private readonly heights = new Map<number, number>();

  constructor(
    private text: string,
    readonly prefix: string,
  ) {}

  private index(): Map<number, RowSpan> {
    if (!this.byNumber) {
      this.rows = scanRows(this.text, this.prefix);
      this.byNumber = new Map(this.rows.map((r) => [r.r, r] as const));
    }
    return this.byNumber;
  }

  allRows(): RowSpan[] {
    this.index();
    return this.rows as RowSpan[];
  }

  row(r: number): RowSpan | undefined {
    return this.index().get(r);
  }

  /** The cells of a row (1-based row number), by 0-based column. */
  cells(r: number): ReadonlyMap<number, CellSpan> {
    let m = this.cellCache.get(r);
    if (!m) {
      const span = this.row(r);
      // A row the sheet does not have holds nothing: nothing kept for it (a new sheet's 100,000 rows).
      if (!span) return NO_CELLS;
      m = new Map();
      for (const c of scanCells(this.text.slice(span.contentStart, span.contentEnd), this.prefix)) m.set(c.col, c);
      this.cellCache.set(r, m);
    }
    return m;
  }

  /** The cells of a row without keeping them (for reads over many rows). */
  scan(span: RowSpan): CellSpan[] {
    return span.contentEnd === span.contentStart ? [] : scanCells(this.text.slice(span.contentStart, span.contentEnd), this.prefix);
  }

  cell(row0: number, col0: number): CellSpan | undefined {
    return this.cells(row0 + 1).get(col0);
  }

  /** The style a new cell in this row takes from the row (`customFormat`), if any. */
  rowStyle(row0: number): number | undefined {
    const span = this.row(row0 + 1);
    if (!span || !/\scustomFormat\s*=\s*["'](1|true)["']/.test(span.startTag)) return undefined;
    const s = /\ss\s*=\s*["'](\d+)["']/.exec(span.startTag);
    return s ? Number(s[1]) : undefined;
  }

  /** Replaces (or inserts) a cell with this XML. */
  edit(row0: number, col0: number, xml: string): void {
    let m = this.edits.get(row0 + 1);
    if (!m) this.edits.set(row0 + 1, (m = new Map<number, CellEdit>()));
    m.set(col0, xml);
  }

  /** Every cell written, by reference, with its XML: what the write means to change. */
  *written(): Generator<[string, string]> {
    for (const [r, cols] of this.edits) for (const [c, xml] of cols) yield [`${columnLetter(c)}${r}`, xml];
  }

  /** Rows whose start tag may change (height set, cells added). */
  touchedRows(): number[] {
    return [...new Set([...this.edits.keys(), ...this.heights.keys()])];
  }

  setHeight(row0: number, points: number): void {
    this.heights.set(row0 + 1, points);
  }

  get isEdited(): boolean {
    return this.edits.size > 0 || this.heights.size > 0;
  }

  /** Bounds of the cells written, for the sheet's `<dimension>`. */
  editedBox(): RangeBox | undefined {
    let box: RangeBox | null = null;
    for (const [r, cols] of this.edits) for (const c of cols.keys()) box = growBox(box, r - 1, c);
    return box ?? undefined;
  }

  /** The body with every edit applied. */
  commit(): string {
    return this.commitPieces().join("");
  }

  /** The body with every edit applied, in pieces (the rows between edits as slices of the text read). */
  commitPieces(): string[] {
    if (!this.isEdited) return [this.text];
    const touched = [...new Set([...this.edits.keys(), ...this.heights.keys()])].sort((a, b) => a - b);
    const rows = this.allRows();
    const pieces: string[] = [];
    let pos = 0;
    for (const r of touched) {
      const existing = this.row(r);
      if (existing) {
        pieces.push(this.text.slice(pos, existing.start), this.rowXml(r, existing));
        pos = existing.end;
      } else {
        // A new row goes before the first row numbered after it.
        const next = rows.find((x) => x.r > r && x.start >= pos);
        const at = next ? next.start : this.text.length;
        pieces.push(this.text.slice(pos, at), this.rowXml(r, undefined));
        pos = at;
      }
    }
    pieces.push(this.text.slice(pos));
    return pieces;
  }

  private rowXml(r: number, span: RowSpan | undefined): string {
    const p = this.prefix;
    const edits = this.edits.get(r) ?? new Map<number, CellEdit>();
    const content = span ? this.text.slice(span.contentStart, span.contentEnd) : "";
    const cells = span ? scanCells(content, p) : [];
    const out: string[] = [];
    let pos = 0;
    const pending = [...edits.keys()].sort((a, b) => a - b);
    let k = 0;
    for (const c of cells) {
      while (k < pending.length && (pending[k] as number) < c.col) {
        out.push(content.slice(pos, c.start), (edits.get(pending[k] as number) as CellEdit));
        pos = c.start;
        k++;
      }
      if (k < pending.length && pending[k] === c.col) {
        out.push(content.slice(pos, c.start), (edits.get(c.col) as CellEdit));
        pos = c.end;
        k++;
      }
    }
    // Cells after the last one go before anything else the row holds after its cells (extLst).
    const tailAt = cells.length > 0 ? (cells[cells.length - 1] as CellSpan).end : firstNonCell(content);
    out.push(content.slice(pos, Math.max(pos, tailAt)));
    for (; k < pending.length; k++) out.push((edits.get(pending[k] as number) as CellEdit));
    out.push(content.slice(Math.max(pos, tailAt)));
    const cols = [...cells.map((c) => c.col), ...pending];
    const startTag = rowStartTag(span?.startTag ?? `<${p}row r="${r}">`, r, this.heights.get(r), cols);
    return `${startTag}${out.join("")}</${p}row>`;
  }
}

function firstNonCell(content: string): number {
  const i = content.search(/<[A-Za-z_][\w.-]*:?extLst\b|<extLst\b/);
  return i < 0 ? content.length : i;
}

/** The row's start tag with its height and spans brought up to date; always an open tag. */
function rowStartTag(tag: string, r: number, height: number | undefined, cols: number[]): string {
  let t = tag.replace(/\s*\/>$/, ">");
  if (!/\sr\s*=/.test(t)) t = t.replace(/^(<[^\s>]+)/, `$1 r="${r}"`);
  if (height !== undefined) {
    t = setAttr(t, "ht", String(height));
    t = setAttr(t, "customHeight", "1");
  }
  const spans = /\sspans\s*=\s*["'](\d+):(\d+)["']/.exec(t);
  if (spans && cols.length > 0) {
    const lo = Math.min(Number(spans[1]), ...cols.map((c) => c + 1));
    const hi = Math.max(Number(spans[2]), ...cols.map((c) => c + 1));
    t = setAttr(t, "spans", `${lo}:${hi}`);
  }
  return t;
}

function setAttr(tag: string, name: string, value: string): string {
  const re = new RegExp(`(\\s${name}\\s*=\\s*)["'][^"']*["']`);
  if (re.test(tag)) return tag.replace(re, `$1"${value}"`);
  return tag.replace(/\s*>$/, ` ${name}="${value}">`);
}

/** A box grown to hold a cell (a new box for the first one). */
export function growBox(box: RangeBox | null, r: number, c: number): RangeBox {
  if (!box) return { top: r, bottom: r, left: c, right: c };
  if (r < box.top) box.top = r;
  if (r > box.bottom) box.bottom = r;
  if (c < box.left) box.left = c;
  if (c > box.right) box.right = c;
  return box;
}

/** Merged ranges listed in a sheet's tail (`<mergeCell ref>`). */
export function mergesOf(tail: string): RangeBox[] {
  const out: RangeBox[] = [];
  const re = /<(?:[A-Za-z_][\w.-]*:)?mergeCell\b[^>]*?\sref\s*=\s*["']([^"']+)["']/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(tail)) !== null) {
    const box = parseRangeAddress(m[1] as string);
    if (box) out.push(box);
  }
  return out;
}

/** `<dimension ref>` widened to cover a box. */
export function widenDimension(head: string, box: RangeBox | undefined): string {
  if (!box) return head;
  const re = /(<(?:[A-Za-z_][\w.-]*:)?dimension\b[^>]*?\sref\s*=\s*)["']([^"']*)["']/;
  const m = re.exec(head);
  if (!m) return head;
  const [a, b] = (m[2] as string).split(":");
  const tl = a ? parseCellAddress(a) : undefined;
  const br = b ? parseCellAddress(b) : tl;
  const cur = tl && br ? { top: tl.row, left: tl.col, bottom: br.row, right: br.col } : box;
  const isA1Only = (m[2] as string) === "A1" || (m[2] as string) === "";
  const next = isA1Only
    ? box
    : { top: Math.min(cur.top, box.top), left: Math.min(cur.left, box.left), bottom: Math.max(cur.bottom, box.bottom), right: Math.max(cur.right, box.right) };
  const ref = rangeAddress(next);
  return head.replace(re, `$1"${ref}"`);
}

