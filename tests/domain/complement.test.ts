import { complementOf, SHEET_END, type RangeBox } from "../../src/domain/grid";

// The cells a lock leaves editable: every cell of the sheet outside the locked boxes, and no other.
const inside = (boxes: readonly RangeBox[], r: number, c: number) => boxes.some((b) => r >= b.top && r <= b.bottom && c >= b.left && c <= b.right);

describe("complementOf", () => {
  it("covers exactly the cells outside the boxes, each once, for boxes scattered and overlapping", () => {
    let seed = 7;
    const rand = (n: number) => ((seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) % n);
    const boxes: RangeBox[] = [{ top: 0, bottom: 0, left: 0, right: 8 }];
    for (let k = 0; k < 60; k++) {
      const top = rand(80);
      const left = rand(12);
      boxes.push({ top, bottom: top + rand(4), left, right: left + rand(6) });
    }
    const free = complementOf(boxes);
    for (let r = 0; r < 90; r++)
      for (let c = 0; c < 20; c++) {
        const covering = free.filter((b) => r >= b.top && r <= b.bottom && c >= b.left && c <= b.right).length;
        expect([r, c, covering]).toEqual([r, c, inside(boxes, r, c) ? 0 : 1]);
      }
    expect(inside(free, SHEET_END.row, SHEET_END.col)).toBe(true);
  });

  it("keeps every other row of a long ledger apart, as many bands as there are rows", () => {
    const boxes = Array.from({ length: 20_000 }, (_, i) => ({ top: 1 + 2 * i, bottom: 1 + 2 * i, left: 0, right: 13 }));
    const free = complementOf(boxes);
    expect(inside(free, 1, 0)).toBe(false);
    expect(inside(free, 2, 0)).toBe(true);
    expect(inside(free, 39_999, 13)).toBe(false);
    expect(inside(free, 39_999, 14)).toBe(true);
    expect(inside(free, 40_001, 0)).toBe(true);
  });
});
