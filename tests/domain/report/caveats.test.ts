import { reportCaveats } from "../../../src/domain/report/caveats";
import type { Figures } from "../../../src/domain/report/figures";

const figures = (excluded: Figures["excludedRowsBySection"]) =>
  ({
    period: { from: "2021-01-01", to: "2021-12-31", label: "năm 2021" },
    donations: { closingCash: 0 },
    excludedRows: excluded.tasks + excluded.pledges + excluded.donations + excluded.nominations,
    excludedRowsBySection: excluded,
  }) as unknown as Figures;

describe("what a report leaves out, said before it is built", () => {
  it("names the rows left out on each sheet, the first eight then an ellipsis", () => {
    const rows = Array.from({ length: 12 }, (_, k) => 10 + k);
    const [c] = reportCaveats({ figures: figures({ tasks: 1, pledges: 0, donations: 12, nominations: 0 }), errors: 0, textValues: 0, missingTables: [], summaryMissing: [], leftOut: [{ section: "tasks", sheet: "Nhiệm vụ", rows: [5] }, { section: "donations", sheet: "Đóng góp", rows }] });
    expect(c).toEqual({ code: "report-excluded", params: { count: 13, sections: "Nhiệm vụ: 1, dòng 5; Đóng góp: 12, dòng 10, 11, 12, 13, 14, 15, 16, 17…" } });
  });
});
