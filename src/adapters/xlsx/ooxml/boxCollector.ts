import type { CellValue, RangeBox } from "../../../domain/grid";
import { PackageLimitError } from "./limits";

/**
 * Cells read into a box: at most this many are ever made (16 million, about 128 MB of slots; a
 * million-row ledger of 14 columns fits). A box a table or a request claims is larger than this
 * only in a damaged or hostile file (a table over A1:XFD1048576 in a 20 KB file).
 */
export const CELL_BUDGET = 16_000_000;

/** Rows that are this wide or narrower are kept dense as they are read; wider ones grow as cells come. */
const DENSE_WIDTH = 1024;

/**
 * The values of one box, gathered as rows are read. A box within the budget comes out exactly as
 * claimed (every row and column, empty cells as null). A larger one is clipped to the cells the
 * sheet really has (its last row and its last non-empty column in the box); refused when even that
 * is beyond the budget. Memory while reading grows with the cells present, not with the claim.
 */
export class BoxCollector {
  private readonly rows = new Map<number, CellValue[]>();
  private lastRow = -1;
  /** The last column holding a value (set by `set`, or by whoever writes into `row` directly). */
  lastCol = -1;
  private readonly width: number;
  private readonly height: number;

  constructor(
    readonly box: RangeBox,
    private readonly where: string,
  ) {
    this.width = Math.max(0, box.right - box.left + 1);
    this.height = Math.max(0, box.bottom - box.top + 1);
  }

  /** A row element at `r` (0-based) was seen, whatever it holds. */
  sawRow(r: number): void {
    if (r >= this.box.top && r <= this.box.bottom && r > this.lastRow) this.lastRow = r;
  }

  /** The values of row `r` (0-based), indexed from the box's left column: made on first use. */
  row(r: number): CellValue[] {
    const i = r - this.box.top;
    let row = this.rows.get(i);
    if (!row) {
      row = this.width <= DENSE_WIDTH ? new Array<CellValue>(this.width).fill(null) : [];
      this.rows.set(i, row);
    }
    return row;
  }

  set(r: number, col: number, value: CellValue): void {
    this.row(r)[col - this.box.left] = value;
    if (value !== null && col > this.lastCol) this.lastCol = col;
  }

  /** The box's rows, each `width` wide; a cell a merged range hides reads as empty, as in Excel. */
  finish(merges: readonly RangeBox[]): CellValue[][] {
    let height = this.height;
    let width = this.width;
    if (height * width > CELL_BUDGET) {
      height = Math.min(height, this.lastRow - this.box.top + 1);
      width = Math.min(width, this.lastCol - this.box.left + 1);
      if (height * width > CELL_BUDGET) throw new PackageLimitError(this.where, `vùng ${height} dòng × ${width} cột có dữ liệu, quá ${CELL_BUDGET.toLocaleString("vi")} ô`);
    }
    height = Math.max(0, height);
    width = Math.max(0, width);
    const out: CellValue[][] = new Array<CellValue[]>(height);
    for (let i = 0; i < height; i++) {
      const row = this.rows.get(i);
      if (!row) out[i] = new Array<CellValue>(width).fill(null);
      else {
        if (row.length > width) row.length = width;
        for (let j = 0; j < width; j++) if (row[j] === undefined) row[j] = null;
        out[i] = row;
      }
    }
    hideMerged(out, this.box, merges, this.where);
    return out;
  }
}

/** Empties the cells a merged range hides (all but its top-left), with the work bounded by the budget. */
function hideMerged(out: CellValue[][], box: RangeBox, merges: readonly RangeBox[], where: string): void {
  const height = out.length;
  const width = out[0]?.length ?? 0;
  let work = 0;
  for (const m of merges) {
    const top = Math.max(m.top, box.top);
    const bottom = Math.min(m.bottom, box.top + height - 1);
    const left = Math.max(m.left, box.left);
    const right = Math.min(m.right, box.left + width - 1);
    if (top > bottom || left > right) continue;
    work += (bottom - top + 1) * (right - left + 1);
    if (work > CELL_BUDGET) throw new PackageLimitError(where, "các vùng gộp ô chồng lên nhau quá nhiều");
    for (let r = top; r <= bottom; r++) {
      const row = out[r - box.top] as CellValue[];
      for (let c = left; c <= right; c++) if (r !== m.top || c !== m.left) row[c - box.left] = null;
    }
  }
}
