import fc from "fast-check";
import { readDate } from "../../../src/domain/cells/date";
import { AllowedList, readListValue } from "../../../src/domain/cells/list";
import { readNumber } from "../../../src/domain/cells/number";
import { readText } from "../../../src/domain/cells/text";
import type { CellValue } from "../../../src/domain/grid";
import { anyCell } from "../../helpers/arbitraries";

const list = new AllowedList(["Tiền mặt", "Chuyển khoản", "Hiện vật", "Cơ quan, đơn vị"]);
const readers = [readDate, readNumber, readText, (v: CellValue) => readListValue(v, list)];

describe("cell reading (properties)", () => {
  it("never throws, whatever the cell holds", () => {
    fc.assert(
      fc.property(anyCell, (v) => {
        for (const read of readers) read(v);
      }),
      { numRuns: 3000 },
    );
  });

  it("reads a canonical value back to itself, with nothing left to fix", () => {
    fc.assert(
      fc.property(anyCell, (v) => {
        for (const read of readers) {
          const r = read(v);
          if (r.kind !== "value" || r.canonical === undefined) continue;
          const again = read(r.canonical);
          expect(again).toMatchObject({ kind: "value", value: r.value });
          expect(again.kind === "value" ? again.canonical : "x").toBeUndefined();
        }
      }),
      { numRuns: 3000 },
    );
  });
});
