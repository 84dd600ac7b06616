import { chauSonPlan } from "../../../src/domain/sample/chauSonPlan";
import type { Figures } from "../../../src/domain/report/figures";
import { parsePeriod } from "../../../src/domain/period";
import { freeSheetName, reportGrid } from "../../../src/domain/report/reportGrid";
import { bodyName } from "../../../src/domain/report/reportInfo";
import { reportInfo } from "../../../src/domain/report/reportInfo";
import { printedNumber } from "../../../src/domain/report/document";

const figures: Figures = {
  period: { from: "2021-01-01", to: "2021-06-30", label: "6 tháng đầu năm 2021" },
  tasks: { total: 28, doneOnTime: 8, doneLate: 2, overdue: 5, open: 13, byUnit: [{ unit: "Công an xã", total: 28, doneOnTime: 8, doneLate: 2, overdue: 5, open: 13 }], standing: 10 },
  pledges: {
    byPlace: [{ place: "Thôn mẫu 1", asOf: "2021-06-29", households: 2500, householdsSigned: 2345, students: 1234, officials: 56, workers: 789 }],
    total: { households: 2500, householdsSigned: 2345, students: 1234, officials: 56, workers: 789, householdRate: 2345 / 2500 },
  },
  donations: { openingCash: 0, receivedMoney: 12_500_000, receivedGoodsValue: 700_000, disbursedMoney: 3_000_000, disbursedGoodsValue: 0, closingCash: 9_500_000, donors: 3, byGroup: [{ group: "Cá nhân", count: 3, money: 12_500_000, goodsValue: 700_000 }], cash: { opening: 0, received: 12_500_000, spent: 3_000_000, closing: 9_500_000 }, bank: { opening: 0, received: 0, spent: 0, closing: 0 }, goods: { receivedValue: 700_000, distributedValue: 0 }, byPurpose: [{ purpose: "Mua vật tư y tế", money: 3_000_000, goodsValue: 0 }] },
  moneyByMonth: [],
  nominations: { total: 2, byKind: { "Cá nhân": 1, "Tập thể": 1, "Hộ gia đình": 0 }, byForm: { "Giấy khen": 2 }, byStatus: { "Đề xuất": 1, "Đã trình": 0, "Đã khen thưởng": 1, "Không được khen": 0 }, awarded: { total: 1, byForm: { "Giấy khen": 1 } } },
  milestones: [{ section: "II.1", kind: "launch", unit: "Công an xã", content: "Phát động", deadline: "2021-06-15", state: "Hoàn thành", completed: "2021-06-14" }],
  overdueTasks: [{ unit: "Công an xã", content: "x", deadline: "2021-06-01" }],
  excludedRows: 0,
  excludedRowsBySection: { tasks: 0, pledges: 0, donations: 0, nominations: 0 },
};

describe("the report sheet", () => {
  const grid = reportGrid("BC 6 tháng đầu năm 2021", figures, reportInfo(undefined, chauSonPlan), parsePeriod("2021-S1"), "2021-07-05", undefined, { decisions: { "Giấy khen": ["12/QĐ-UBND"] } });
  const texts = grid.cells.flatMap((c) => (typeof c.value === "string" ? [c.value.trimStart()] : []));

  it("is in Times New Roman throughout, on A4 portrait with the decree's margins, one page wide, with a print area", () => {
    for (const c of grid.cells) expect(c.style?.font).toBe("Times New Roman");
    expect(grid.print).toMatchObject({ paper: "A4", orientation: "portrait", marginsCm: { top: 2, bottom: 2, left: 3, right: 1.5 }, fitToWidth: true });
    expect(grid.print?.printArea).toMatchObject({ top: 0, left: 0, right: 11 });
  });

  it("opens each part with a sentence of its figures, written the Vietnamese way", () => {
    expect(texts).toContain("Tính đến ngày 30/06/2021, có 2.345/2.500 hộ gia đình đã ký cam kết, đạt 93,8%; 1.234 học sinh, sinh viên; 56 cán bộ, công chức, viên chức và 789 công nhân, người lao động đã ký cam kết.");
    expect(texts.some((t) => t.includes("tiếp nhận 12.500.000 đồng"))).toBe(true);
    // The plan's common milestone (here the launch) is a row of Nhiệm vụ, counted apart from the units' tasks.
    expect(texts.some((t) => t.startsWith("Các đơn vị được giao 28 việc: 27 nhiệm vụ của các đơn vị và 1 mốc chung của kế hoạch."))).toBe(true);
    expect(texts).toContain("Việc tổ chức phát động phong trào (Công an xã): hoàn thành ngày 14/06/2021 (Kế hoạch đề ra hoàn thành trước ngày 15/06/2021).");
  });

  it("indents each body paragraph's first line and leaves room for the signature and seal", () => {
    const paragraph = grid.cells.find((c) => typeof c.value === "string" && c.value.includes("hộ gia đình đã ký cam kết"));
    expect(String(paragraph?.value)).toMatch(/^ {8}Tính đến ngày/);
    const heading = grid.cells.find((c) => c.value === "I. KẾT QUẢ THỰC HIỆN");
    expect(heading).toBeDefined();
    const row = (t: string) => grid.cells.find((c) => c.value === t)!.row;
    expect(row("Đỗ Văn Tuấn") - row("CHỦ TỊCH")).toBeGreaterThanOrEqual(6);
  });

  it("has the header blocks, the number and date line, the title, the sections, Nơi nhận and the signature", () => {
    const order = ["ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "XÃ CHÂU SƠN", "Độc lập - Tự do - Hạnh phúc", "Số:     /BC-UBND", "Châu Sơn, ngày 05 tháng 7 năm 2021", "BÁO CÁO", "I. KẾT QUẢ THỰC HIỆN", "II. TỒN TẠI, HẠN CHẾ", "III. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI", "Nơi nhận:", "- UBND huyện Quỳnh Phụ (b/c);", "- Lưu: VT.", "Đỗ Văn Tuấn"];
    const at = order.map((t) => texts.indexOf(t));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    const style = (t: string) => grid.cells.find((c) => c.value === t)?.style;
    expect(style("Nơi nhận:")).toMatchObject({ bold: true, italic: true, size: 12 });
    expect(style("- Lưu: VT.")).toMatchObject({ size: 11 });
    expect(style("Châu Sơn, ngày 05 tháng 7 năm 2021")).toMatchObject({ italic: true, size: 14 });
    expect(style("Độc lập - Tự do - Hạnh phúc")).toMatchObject({ bold: true, size: 14 });
  });

  it("prints its tables' numbers as the sentences write them, on any computer: text, never a regional number format", () => {
    // A table's column spans grid columns: the cells its merge covers carry no value.
    const row = (label: string) => grid.cells.filter((c) => c.row === grid.cells.find((x) => x.value === label)!.row && c.value !== undefined).sort((a, b) => a.col - b.col).map((c) => c.value);
    expect(row("Thôn mẫu 1")).toEqual([1, "Thôn mẫu 1", "2.500", "2.345", "93,8%", "1.234", "56", "789"]);
    expect(row("Tồn quỹ cuối kỳ")).toEqual([4, "Tồn quỹ cuối kỳ", "9.500.000", "0", "9.500.000"]);
    // Awards apart from nominations, with their decisions' numbers.
    expect(row("Giấy khen")).toEqual([1, "Giấy khen", "2", "1", "12/QĐ-UBND"]);
    // On paper (the print area, A–H): the chart's figures beside it are numbers, for the chart to read.
    for (const c of grid.cells.filter((x) => x.col <= grid.print!.printArea!.right)) {
      expect(c.formula).toBeUndefined();
      expect(c.style?.numFmt).toBeUndefined();
    }
  });

  it("totals each table to the sum of its rows, as printed", () => {
    const totals = grid.cells.filter((c) => c.value === "Tổng cộng");
    expect(totals.length).toBe(5);
    for (const t of totals) {
      const at = (row: number, col: number) => grid.cells.find((c) => c.row === row && c.col === col)?.value;
      // The body rows above: from the row numbered 1 to the totals row.
      let first = t.row - 1;
      while (at(first, 0) !== 1) first--;
      let checked = 0;
      // Every grid column where the totals row has a figure (a table's column starts there).
      for (let col = 2; col <= 11; col++) {
        const printed = at(t.row, col);
        // The label ("Tổng cộng") and rates are not sums.
        if (typeof printed !== "string" || printed.endsWith("%") || printedNumber(printed) === undefined) continue;
        checked++;
        let sum = 0;
        for (let r = first; r < t.row; r++) sum += printedNumber(String(at(r, col) ?? "0")) ?? 0;
        expect([t.row, col, printedNumber(printed)]).toEqual([t.row, col, sum]);
      }
      expect([t.row, checked > 0]).toEqual([t.row, true]);
    }
  });
});

describe("names", () => {
  it("never reuses a sheet name", () => {
    expect(freeSheetName("BC năm 2021", ["Nhiệm vụ"])).toBe("BC năm 2021");
    expect(freeSheetName("BC năm 2021", ["bc năm 2021", "BC năm 2021 (2)"])).toBe("BC năm 2021 (3)");
  });
  it("writes the commune's name as running text", () => {
    expect(bodyName("XÃ CHÂU SƠN")).toBe("xã Châu Sơn");
    expect(bodyName("THỊ TRẤN AN BÀI")).toBe("thị trấn An Bài");
  });
});
