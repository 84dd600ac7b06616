import { rangeAddress } from "../../../src/domain/grid";
import { summaryGrid, summarySizes } from "../../../src/domain/report/summaryGrid";
import { TRACKERS } from "../../../src/domain/plan/kinds";
import type { TableData } from "../../../src/domain/workbook";

import { columnWidthPoints } from "../../../src/domain/print";
import { CELL_PADDING, textWidth } from "../../../src/domain/textMeasure";

const catalogue = (name: string, n: number): [string, TableData] => [
  name,
  { name, sheet: "Danh mục", headers: ["Tên"], range: { top: 0, left: 0, bottom: n, right: 0 }, rows: [...Array.from({ length: n }, (_, i) => [`Mục ${i + 1}`]), [null]] },
];

describe("Tổng hợp's lists", () => {
  it("widens the names' column to the longest name, measured, so none is cut on paper", () => {
    const long = "Mặt trận Tổ quốc Việt Nam xã và các tổ chức thành viên, các đoàn thể chính trị - xã hội";
    const units: [string, TableData] = ["tblDonVi", { name: "tblDonVi", sheet: "Danh mục", headers: ["Đơn vị"], range: { top: 0, left: 0, bottom: 2, right: 0 }, rows: [["Công an xã"], [long]] }];
    const sizes = summarySizes(new Map([units]));
    const width = summaryGrid({ year: 2021, trackers: TRACKERS, sizes }).columns!.find((c) => c.col === 0)!.width;
    expect(columnWidthPoints(width ?? 0) - CELL_PADDING).toBeGreaterThanOrEqual(textWidth(long, 12));
    expect(summaryGrid({ year: 2021, trackers: TRACKERS, sizes: { units: 1 } }).columns!.find((c) => c.col === 0)!.width).toBe(48);
  });

  it("keeps the catalogues' present length and five rows more, each row boxed only while in use", () => {
    const sizes = summarySizes(new Map([catalogue("tblDonVi", 11), catalogue("tblThon", 8), catalogue("tblNhomDongGop", 7), catalogue("tblHinhThucKhenThuong", 0)]));
    expect(sizes).toMatchObject({ units: 11, villages: 8, groups: 7, forms: 0 });
    const grid = summaryGrid({ year: 2021, trackers: TRACKERS, sizes });
    const boxes = grid.conditionalFormats!.map((cf) => [rangeAddress(cf.range), cf.formula, cf.style]);
    // Units (tasks), villages then units (pledges), groups, forms: 16, 13 + 16, 12 and 5 rows.
    expect(boxes.map(([range]) => range)).toEqual([expect.stringMatching(/^A\d+:F\d+$/), expect.stringMatching(/^A\d+:H\d+$/), expect.stringMatching(/^A\d+:D\d+$/), expect.stringMatching(/^A\d+:B\d+$/)]);
    const rows = grid.conditionalFormats!.map((cf) => cf.range.bottom - cf.range.top + 1);
    expect(rows).toEqual([16, 13 + 16, 12, 5]);
    for (const cf of grid.conditionalFormats!) {
      expect(cf.formula).toBe(`$A${cf.range.top + 1}<>""`);
      expect(cf.style).toEqual({ border: "thin" });
      // The list's own cells carry no border of their own: an empty row prints as nothing.
      for (const c of grid.cells.filter((x) => x.row >= cf.range.top && x.row <= cf.range.bottom && x.col <= cf.range.right)) expect(c.style?.border).toBeUndefined();
    }
  });

  it("says in red when a catalogue outgrows its rows, and keeps every row when the length is not known", () => {
    const grid = summaryGrid({ year: 2021, trackers: ["tasks"], sizes: { units: 2 } });
    const warning = grid.cells.find((c) => c.formula?.startsWith("IF(COUNTA(tblDonVi[Đơn vị])>7,"));
    expect(warning?.formula).toContain("Thiếu dòng cho");
    expect(warning?.style?.color).toBe("C00000");
    const all = summaryGrid({ year: 2021, trackers: ["tasks"] });
    expect(all.conditionalFormats![0]!.range.bottom - all.conditionalFormats![0]!.range.top + 1).toBe(30);
  });
});
