import { isoToSerial as d } from "../../../src/domain/dates";
import type { CellValue } from "../../../src/domain/grid";
import { awardDecisions, figuresForPeriod } from "../../../src/domain/report/figures";
import { lastCompletedPeriod, parsePeriod, PeriodError } from "../../../src/domain/period";
import { documentDate, formatCount, formatRate } from "../../../src/domain/format";
import { tableSpec } from "../../../src/domain/sheets/specs";
import type { TableData } from "../../../src/domain/workbook";

function table(name: string, rows: Record<string, CellValue>[]): TableData {
  const headers = tableSpec(name).columns.map((c) => c.header);
  return { name, sheet: "S", headers, range: { top: 0, left: 0, bottom: rows.length, right: headers.length - 1 }, rows: rows.map((r) => headers.map((h) => r[h] ?? null)) };
}

describe("task figures as of the end of the period", () => {
  const task = (state: string, deadline?: string, done?: string) => ({
    "Đơn vị": "Công an xã",
    "Trạng thái": state,
    "Nội dung nhiệm vụ": "x",
    "Hạn hoàn thành": deadline ? d(deadline) : null,
    "Ngày hoàn thành": done ? d(done) : null,
  });
  const tables = new Map([
    ["tblDonVi", table("tblDonVi", [{ "Đơn vị": "Công an xã" }, { "Đơn vị": "Trường học" }])],
    [
      "tblNhiemVu",
      table("tblNhiemVu", [
        task("Hoàn thành", "2021-06-15", "2021-06-14"), // on time
        task("Hoàn thành", "2021-06-15", "2021-06-20"), // late
        task("Hoàn thành", undefined, "2021-06-20"), // no deadline: on time
        task("Hoàn thành", "2021-06-15"), // no date: on time
        task("Hoàn thành", "2021-06-15", "2021-07-10"), // done after the period: overdue as of 30/06
        task("Đang thực hiện", "2021-06-30"), // deadline = to: open
        task("Chưa thực hiện"), // no deadline: open
        { ...task("Đang thực hiện"), "Hạn hoàn thành": "không rõ" }, // unreadable: excluded
      ]),
    ],
  ]);

  it("counts each state by the contract's definitions, and counts the excluded row", () => {
    const f = figuresForPeriod(tables, parsePeriod("2021-S1"));
    expect(f.tasks).toEqual({
      total: 7,
      doneOnTime: 3,
      doneLate: 1,
      overdue: 1,
      open: 2,
      standing: 1,
      byUnit: [
        { unit: "Công an xã", total: 7, doneOnTime: 3, doneLate: 1, overdue: 1, open: 2 },
        { unit: "Trường học", total: 0, doneOnTime: 0, doneLate: 0, overdue: 0, open: 0 },
      ],
    });
    expect(f.excludedRows).toBe(1);
    expect(f.excludedRowsBySection.tasks).toBe(1);
  });
});

describe("periods", () => {
  it.each([
    ["2021-S1", "2021-01-01", "2021-06-30", "6 tháng đầu năm 2021", "BC 6 tháng đầu năm 2021", "6 tháng đầu 2021"],
    ["2021-S2", "2021-07-01", "2021-12-31", "6 tháng cuối năm 2021", "BC 6 tháng cuối năm 2021", "6 tháng cuối 2021"],
    ["2021", "2021-01-01", "2021-12-31", "năm 2021", "BC năm 2021", "năm 2021"],
    ["2021-06-11..2021-12-31", "2021-06-11", "2021-12-31", "từ ngày 11/06/2021 đến ngày 31/12/2021", "BC 11.06.2021-31.12.2021", "11.06-31.12.2021"],
    ["2021-06-11..2022-01-31", "2021-06-11", "2022-01-31", "từ ngày 11/06/2021 đến ngày 31/01/2022", "BC 11.06.2021-31.01.2022", "11.06.21-31.01.22"],
  ])("%s", (input, from, to, label, sheetName, short) => {
    expect(parsePeriod(input)).toEqual({ from, to, label, sheetName, short, code: input });
  });

  it.each(["2021-S3", "S1", "2021-12-31..2021-01-01", "2021-02-30..2021-03-01", "năm 2021"])("refuses %s", (input) => {
    expect(() => parsePeriod(input)).toThrow(PeriodError);
  });
});

describe("Vietnamese formats", () => {
  it("writes numbers, rates and the document date as Vietnamese documents do", () => {
    expect(formatCount(2345)).toBe("2.345");
    expect(formatCount(12_500_000)).toBe("12.500.000");
    expect(formatRate(0.9381)).toBe("93,8%");
    expect(formatRate(1)).toBe("100,0%");
    expect(documentDate("Châu Sơn", "2022-01-05")).toBe("Châu Sơn, ngày 05 tháng 01 năm 2022");
    expect(documentDate("Châu Sơn", "2021-12-15")).toBe("Châu Sơn, ngày 15 tháng 12 năm 2021");
    expect(documentDate("Châu Sơn", "2021-07-09")).toBe("Châu Sơn, ngày 09 tháng 7 năm 2021");
  });
});

describe("the last period completed at the plan's cadence (the ribbon's report)", () => {
  it.each([
    ["2022-01-05", ["semiannual", "annual"], "6 tháng cuối năm 2021"],
    ["2021-07-05", ["semiannual", "annual"], "6 tháng đầu năm 2021"],
    ["2025-10-02", ["quarterly", "annual"], "quý III năm 2025"],
    ["2025-02-10", ["quarterly"], "quý IV năm 2024"],
    ["2025-01-03", ["monthly"], "tháng 12 năm 2024"],
    ["2025-06-03", ["monthly", "annual"], "tháng 5 năm 2025"],
    ["2025-06-03", ["annual"], "năm 2024"],
    ["2025-06-03", [], "6 tháng cuối năm 2024"],
  ] as const)("on %s with %j: %s", (today, cadence, label) => {
    expect(lastCompletedPeriod(today, cadence).label).toBe(label);
  });
});

describe("awards apart from nominations", () => {
  it("lists each form's decision numbers once, in the table's order, for awards in the period only", () => {
    const row = (form: string, state: string, date: string, decision?: string) => ({ "Ngày đề nghị": d(date), "Đối tượng": "Cá nhân", "Tên tập thể, cá nhân": "A", "Hình thức khen thưởng": form, "Cấp khen": "Chủ tịch UBND xã", "Trạng thái": state, "Số quyết định": decision ?? null });
    const tables = new Map([
      [
        "tblKhenThuong",
        table("tblKhenThuong", [
          row("Giấy khen", "Đã khen thưởng", "2021-03-01", "12/QĐ-UBND"),
          row("Giấy khen", "Đã khen thưởng", "2021-03-02", " 12/QĐ-UBND "),
          row("Giấy khen", "Đã khen thưởng", "2021-04-01", "15/QĐ-UBND"),
          row("Biểu dương", "Đã khen thưởng", "2021-05-01"),
          row("Biểu dương", "Đề xuất", "2021-05-02", "99/QĐ-UBND"),
          row("Giấy khen", "Đã khen thưởng", "2021-08-01", "30/QĐ-UBND"),
        ]),
      ],
    ]);
    const f = figuresForPeriod(tables, parsePeriod("2021-S1"));
    expect(f.nominations.awarded.total).toBe(4);
    expect(awardDecisions(tables, parsePeriod("2021-S1"))).toEqual({ "Giấy khen": ["12/QĐ-UBND", "15/QĐ-UBND"] });
  });
});
