import { consolidate, type CommuneFigures } from "../../../src/domain/collect/consolidate";
import { isoToSerial } from "../../../src/domain/dates";
import { figuresForPeriod } from "../../../src/domain/report/figures";
import { parsePeriod } from "../../../src/domain/period";
import { camKetTable } from "../../../src/domain/sheets/specs";
import type { TableData } from "../../../src/domain/workbook";

const HEADERS = camKetTable.columns.map((c) => c.header);
const YEAR = parsePeriod("2021");

/** A commune whose pledges are the rows given (place, households, signed). */
function commune(body: string, rows: [string, number | null, number][]): CommuneFigures {
  const body_ = rows.map(([place, households, signed]) => HEADERS.map((h) => (h === "Thôn, đơn vị" ? place : h === "Ngày cập nhật" ? isoToSerial("2021-06-20") : h === "Số hộ" ? households : h === "Số hộ đã ký" ? signed : null)));
  const tables = new Map<string, TableData>([["tblCamKet", { name: "tblCamKet", sheet: "Cam kết", range: { top: 0, left: 0, bottom: body_.length, right: HEADERS.length - 1 }, headers: HEADERS, rows: body_ }]]);
  return { file: `${body}.xlsx`, key: body, body, movement: "Phòng, chống dịch", trackers: ["pledges"], figures: figuresForPeriod(tables, YEAR, []) };
}

describe("the summary's household rate", () => {
  it("counts signatures only where the households are known, as each commune's own rate does (90%, not 140%)", () => {
    const a = commune("XÃ A", [["Thôn 1", 100, 90]]);
    const b = commune("XÃ B", [["Trường học", null, 50]]);
    expect([a.figures.pledges.total.householdRate, b.figures.pledges.total.householdRate]).toEqual([0.9, null]);
    const x = consolidate([a, b], YEAR, []);
    expect(x.total.pledges?.total.householdRate).toBe(0.9);
  });
});
