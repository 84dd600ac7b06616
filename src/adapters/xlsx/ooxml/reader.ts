import { isEmptyValue, type CellValue, type RangeBox } from "../../../domain/grid";
import type { OpenSheet } from "./book";
import type { CellContext } from "./cellXml";
import { readRowCells } from "./fastCells";
import { growBox, mergesOf } from "./sheetBody";


const LAST_COLUMN = 16_383;

/** Bounds of every non-empty cell (a styled blank is empty), or null. */
export function usedRangeOf(sheet: OpenSheet, ctx: CellContext): RangeBox | null {
  let box: RangeBox | null = null;
  const xml = sheet.text.body;
  for (const row of sheet.body.allRows()) {
    if (row.contentEnd === row.contentStart) continue;
    const r = row.r - 1;
    readRowCells(xml, row.contentStart, row.contentEnd, sheet.body.prefix, 0, LAST_COLUMN, ctx, (col, value) => {
      if (!isEmptyValue(value)) box = growBox(box, r, col);
    });
  }
  return box;
}

/**
 * Values of a box, row by row. A merged range's value is its top-left cell's; the other cells of
 * the range read as empty, as in Excel.
 */
export function readBox(sheet: OpenSheet | undefined, box: RangeBox, ctx: CellContext): CellValue[][] {
  const height = box.bottom - box.top + 1;
  const width = box.right - box.left + 1;
  const rows: CellValue[][] = Array.from({ length: Math.max(0, height) }, () => new Array<CellValue>(Math.max(0, width)).fill(null));
  if (!sheet || height <= 0 || width <= 0) return rows;
  const merged = mergesOf(sheet.text.tail).filter((m) => m.top <= box.bottom && m.bottom >= box.top && m.left <= box.right && m.right >= box.left);
  const hidden = (r: number, c: number) => merged.some((m) => r >= m.top && r <= m.bottom && c >= m.left && c <= m.right && (r !== m.top || c !== m.left));
  const xml = sheet.text.body;
  for (const row of sheet.body.allRows()) {
    const r = row.r - 1;
    if (r < box.top || r > box.bottom || row.contentEnd === row.contentStart) continue;
    const out = rows[r - box.top] as CellValue[];
    readRowCells(xml, row.contentStart, row.contentEnd, sheet.body.prefix, box.left, box.right, ctx, (col, value) => {
      if (merged.length > 0 && hidden(r, col)) return;
      out[col - box.left] = value;
    });
  }
  return rows;
}
