import { isEmptyValue, type CellValue, type RangeBox } from "../../../domain/grid";
import type { OpenSheet } from "./book";
import type { CellContext } from "./cellXml";
import { BoxCollector } from "./boxCollector";
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
 * the range read as empty, as in Excel. A box larger than the sheet's cells is clipped to them
 * (see `BoxCollector`).
 */
export function readBox(sheet: OpenSheet | undefined, box: RangeBox, ctx: CellContext): CellValue[][] {
  const collector = new BoxCollector(box, sheet?.info.part ?? "");
  if (!sheet || box.bottom < box.top || box.right < box.left) return collector.finish([]);
  const xml = sheet.text.body;
  for (const row of sheet.body.allRows()) {
    const r = row.r - 1;
    if (r < box.top || r > box.bottom) continue;
    collector.sawRow(r);
    if (row.contentEnd === row.contentStart) continue;
    readRowCells(xml, row.contentStart, row.contentEnd, sheet.body.prefix, box.left, box.right, ctx, (col, value) => collector.set(r, col, value));
  }
  return collector.finish(mergesOf(sheet.text.tail));
}
