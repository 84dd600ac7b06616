import { OfficeWorkbook } from "../../src/adapters/office/officeWorkbook";
import { chauSonPlan } from "../../src/domain/sample/chauSonPlan";
import { issueMarks } from "../../src/domain/rules/marks";
import { validateThrough } from "../../src/domain/rules/runValidation";
import { applyTemplates } from "../../src/domain/template/applyTemplates";
import { BASE_ROWS } from "../fixtures/base";
import { FakeExcel } from "../fakes/excel/workbook";

/** Excel as Microsoft documents it, where the adapter must follow (each with its source in docs/office-behaviour.md). */

async function templated(fake = new FakeExcel()): Promise<{ fake: FakeExcel; office: OfficeWorkbook }> {
  const office = new OfficeWorkbook(fake.run, fake.requirements);
  await applyTemplates(office, chauSonPlan, BASE_ROWS);
  return { fake, office };
}

describe("conditional formats of other types beside ours (office-js issue 2180)", () => {
  it("the fake refuses to load custom rules across a collection that holds a colour scale", async () => {
    const fake = new FakeExcel();
    fake.seed("S", { A1: 1 });
    fake.state.sheet("S")!.conditionalFormats.push({ id: 99, address: "A1:A9", type: "ColorScale", formula: "" });
    await expect(
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("S").getRange().conditionalFormats.load("items/type, items/custom/rule/formula");
        await ctx.sync();
      }),
    ).rejects.toThrow(/not permitted for the current object/);
  });

  it("marking and clearing work on a sheet with the user's colour scale and data bar, which stay", async () => {
    const { fake, office } = await templated();
    const before = (await validateThrough(office, "2022-01-05")).map((i) => `${i.cell}:${i.rule}`);
    const ledger = fake.state.sheet("Đóng góp")!;
    ledger.conditionalFormats.push({ id: 90, address: "H2:H9", type: "ColorScale", formula: "" }, { id: 91, address: "L2:L9", type: "DataBar", formula: "" });
    const issues = [{ rule: "required", severity: "error", sheet: "Đóng góp", table: "tblDongGop", row: 2, column: "Ngày", cell: "A3", col: 0, params: {} }] as const;
    await office.markIssues(issueMarks(issues));
    expect(ledger.conditionalFormats.map((c) => c.type)).toEqual(expect.arrayContaining(["ColorScale", "DataBar", "Custom"]));
    await office.clearMarks();
    expect(ledger.conditionalFormats.filter((c) => c.formula.includes("sổ theo dõi"))).toEqual([]);
    expect(ledger.conditionalFormats.map((c) => c.id)).toEqual(expect.arrayContaining([90, 91]));
    // Checking again finds what it found before marking, the user's formats still there.
    expect((await validateThrough(office, "2022-01-05")).map((i) => `${i.cell}:${i.rule}`)).toEqual(before);
    expect(ledger.conditionalFormats.filter((c) => c.type !== "Custom").map((c) => c.id)).toEqual([90, 91]);
  });
});

describe("formulas with structured references (tables and columns must exist first)", () => {
  it("the fake rejects a formula to a table or a column that does not exist", async () => {
    const fake = new FakeExcel();
    fake.seed("S", { A1: "Số", A2: 1 });
    fake.seedTable("S", "tblA", "A1:A2");
    const write = (f: string) =>
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("S").getRange("C1").formulas = [[f]];
        await ctx.sync();
      });
    await expect(write("=SUM(tblB[Số])")).rejects.toThrow(/table that does not exist: tblB/);
    await expect(write("=tblA[[#This Row],[Tiền]]")).rejects.toThrow(/does not have: Tiền/);
    await expect(write("=SUM(tblA[Số])+tblA[[#This Row],[Số]]")).resolves.toBeUndefined();
  });

  it("templates with calculated columns, a widened table and Tổng hợp are written in an order Excel accepts", async () => {
    const { fake, office } = await templated();
    expect(fake.state.table("tblCamKet")!.headers).toContain("Tỷ lệ hộ đã ký");
    const { addReport } = await import("../../src/domain/report/addReport");
    const { parsePeriod } = await import("../../src/domain/period");
    const added = await addReport(office, parsePeriod("2021"), "2022-01-05");
    expect(added.summaryAdded).toBe(true);
  });
});

describe("data validation over a range that already has a rule (office-js issue 2594)", () => {
  const grid = {
    sheet: "S",
    createSheet: false,
    cells: [],
    validations: [{ range: { top: 1, left: 1, bottom: 9, right: 1 }, rule: { kind: "whole" as const, min: 0 }, promptTitle: "Số", prompt: "Nhập số", errorTitle: "Sai", error: "Cần số" }],
  };

  it("the fake refuses a rule over cells that have another", async () => {
    const fake = new FakeExcel();
    fake.seed("S", { A1: 1 });
    fake.state.sheet("S")!.validations.push({ address: "B5:B30", rule: { list: { source: "Có,Không" } } });
    await expect(
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("S").getRange("B2:B10").dataValidation.rule = { wholeNumber: { operator: "GreaterThanOrEqualTo", formula1: 0 } };
        await ctx.sync();
      }),
    ).rejects.toThrow(/InvalidArgument/);
  });

  it("the adapter keeps the user's rule there (as the .xlsx adapter does) and puts ours where there is none", async () => {
    const fake = new FakeExcel();
    fake.seed("S", { A1: 1 });
    fake.state.sheet("S")!.validations.push({ address: "B5:B30", rule: { list: { source: "Có,Không" } } });
    const office = new OfficeWorkbook(fake.run, fake.requirements);
    await office.applyGrids([grid, { ...grid, validations: [{ ...grid.validations[0]!, range: { top: 1, left: 3, bottom: 9, right: 3 } }] }]);
    expect(fake.state.sheet("S")!.validations.map((v) => v.address)).toEqual(["B5:B30", "D2:D10"]);
  });

  it("a user's rule of \"Any value\" with only an input message (read as type None) is theirs too: its prompt is kept", async () => {
    const fake = new FakeExcel();
    fake.seed("S", { A1: 1 });
    const theirs = { showPrompt: true, title: "Ghi chú", message: "Ghi số hộ của thôn" };
    fake.state.sheet("S")!.validations.push({ address: "B2:B10", rule: undefined, prompt: theirs });
    const office = new OfficeWorkbook(fake.run, fake.requirements);
    await office.applyGrids([grid]);
    expect(fake.state.sheet("S")!.validations).toEqual([{ address: "B2:B10", rule: undefined, prompt: theirs }]);
  });

  it("the fake reads a range only partly ruled as MixedCriteria, and one ruled in two ways as Inconsistent", async () => {
    const fake = new FakeExcel();
    fake.seed("S", { A1: 1 });
    fake.state.sheet("S")!.validations.push({ address: "B5:B30", rule: { list: { source: "Có,Không" } } }, { address: "C1:C4", rule: { wholeNumber: {} } }, { address: "C5:C9", rule: { list: { source: "A" } } });
    const types = await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("S");
      const partly = ws.getRange("B2:B10").dataValidation.load("type");
      const mixed = ws.getRange("C1:C9").dataValidation.load("type");
      const none = ws.getRange("E1:E9").dataValidation.load("type");
      await ctx.sync();
      return [partly.type, mixed.type, none.type];
    });
    expect(types).toEqual(["MixedCriteria", "Inconsistent", "None"]);
  });
});

describe("column widths (format.columnWidth is in points)", () => {
  // A file's width already counts the cell's padding (ECMA-376 §18.3.1.13): Excel shows width 30 at
  // trunc(30 × 7 + 0.5) = 210 pixels of Calibri 11, 157.5 points; the add-in gives it the same.
  it("a column the grid gives width 30 is 157.5 points wide, as Excel shows a file's width 30 (Calibri 11's 7-pixel digit)", async () => {
    const fake = new FakeExcel();
    fake.seed("S", { A1: 1 });
    const office = new OfficeWorkbook(fake.run, fake.requirements);
    await office.applyGrids([{ sheet: "S", createSheet: false, cells: [], columns: [{ col: 2, width: 30 }, { col: 3, width: 10 }] }]);
    expect(fake.state.sheet("S")!.columnWidths.get("2")).toBe(157.5);
    expect(fake.state.sheet("S")!.columnWidths.get("3")).toBe(52.5);
  });
});

describe("text that Excel would turn into something else", () => {
  const risky = ["01-2021", "Jun-2021", "5-Jan", "1e5", "$100", "#N/A", "1 1/2", "(500)", "12:30", "50%", "TRUE", "001", "-5", "=abc", "+84 912", "@tên", "15/06/2021"];

  it("the fake parses them as Excel (en-US) does", async () => {
    const fake = new FakeExcel();
    fake.seed("S", {});
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("S").getRange(`A1:A${risky.length}`).formulas = risky.filter((r) => !r.startsWith("=")).concat(["x"]).map((r) => [r]);
      await ctx.sync();
    });
    const cells = [...fake.state.sheet("S")!.cells.values()].map((c) => c.value);
    expect(cells.filter((v) => typeof v !== "string" || v.startsWith("#")).length).toBeGreaterThanOrEqual(12);
  });

  it("the adapter writes each as text and reads each back as the same text, never as a formula", async () => {
    const fake = new FakeExcel();
    fake.seed("S", { Z1: 1 });
    const office = new OfficeWorkbook(fake.run, fake.requirements);
    await office.applyGrids([{ sheet: "S", createSheet: false, cells: risky.map((value, i) => ({ row: i, col: 0, value })) }]);
    const [read] = await office.readRanges([{ sheet: "S", range: { top: 0, left: 0, bottom: risky.length - 1, right: 0 } }]);
    expect(read!.map((r) => r[0])).toEqual(risky);
  });
});

describe("a user typing in a cell, and Undo", () => {
  it("the fake fails a run while a cell is being edited; the adapter's runs wait for the edit, and are one undo step", async () => {
    const { officeRun } = await import("../../src/adapters/office/officeRun");
    const fake = new FakeExcel({ supported: "1.20" });
    fake.seed("S", { A1: 1 });
    fake.editingCell = true;
    await expect(new OfficeWorkbook(fake.run, fake.requirements).summarize()).rejects.toThrow(/editing a cell/);
    const office = new OfficeWorkbook(officeRun(fake, fake.requirements), fake.requirements);
    expect((await office.summarize()).sheets.map((s) => s.name)).toEqual(["S"]);
    expect(fake.runOptions[fake.runOptions.length - 1]).toEqual({ delayForCellEdit: true, mergeUndoGroup: true });
  });

  it("on builds without mergeUndoGroup the runs only wait for a cell edit, and no option is used unasked", async () => {
    const { officeRun } = await import("../../src/adapters/office/officeRun");
    const old = new FakeExcel({ supported: "1.8" });
    old.seed("S", { A1: 1 });
    await new OfficeWorkbook(officeRun(old, old.requirements), old.requirements).summarize();
    expect(old.runOptions).toEqual([{ delayForCellEdit: true }]);
  });

  it("a cell edit that starts between two syncs of a run fails the run without delayForCellEdit, and is waited for with it", async () => {
    const { officeRun } = await import("../../src/adapters/office/officeRun");
    const { errorText } = await import("../../src/i18n");
    const fake = new FakeExcel({ supported: "1.20" });
    fake.seed("S", { A1: 1 });
    fake.startEditingBeforeSync(2);
    const plain = await new OfficeWorkbook(fake.run, fake.requirements).summarize().catch((e: unknown) => e);
    expect((plain as { code?: string }).code).toBe("InvalidOperationInCellEditMode");
    expect(errorText(plain, {}, "vi")).toMatch(/ô/);
    fake.editingCell = false;
    fake.startEditingBeforeSync(2);
    const office = new OfficeWorkbook(officeRun(fake, fake.requirements), fake.requirements);
    expect((await office.summarize()).sheets.map((s) => s.name)).toEqual(["S"]);
  });
});

describe("growing a table on an Excel without Table.resize (below ExcelApi 1.13)", () => {
  /** An older tasks table (A1:G2) with a note to its right in its header row. */
  function olderTasks(supported: string): FakeExcel {
    const fake = new FakeExcel({ supported });
    const headers = ["STT", "Đơn vị", "Nội dung nhiệm vụ", "Mục kế hoạch", "Hạn hoàn thành", "Trạng thái", "Ngày hoàn thành"];
    const cells: Record<string, string | number> = { K1: "Ghi chú bên cạnh bảng", A2: 1, B2: "Công an xã", C2: "Tuần tra", F2: "Hoàn thành" };
    headers.forEach((h, i) => (cells[`${String.fromCharCode(65 + i)}1`] = h));
    fake.seed("Nhiệm vụ", cells);
    fake.seedTable("Nhiệm vụ", "tblNhiemVu", "A1:G2");
    return fake;
  }

  it("the fake's columns.add shifts the cells to the right of the table, as Excel does", async () => {
    const fake = olderTasks("1.8");
    await fake.run(async (ctx) => {
      ctx.workbook.tables.getItem("tblNhiemVu").columns.add(undefined, [["Mới"], [""]]);
      await ctx.sync();
    });
    expect(fake.state.sheet("Nhiệm vụ")!.cells.get("0:11")?.value).toBe("Ghi chú bên cạnh bảng");
  });

  it("the adapter never moves a user's cell: it refuses with what to do, and changes nothing", async () => {
    const fake = olderTasks("1.8");
    const office = new OfficeWorkbook(fake.run, fake.requirements);
    const before = JSON.stringify([...fake.state.sheet("Nhiệm vụ")!.cells]);
    await expect(applyTemplates(office, chauSonPlan)).rejects.toThrow(/Table\.resize|ExcelApi 1\.13/);
    expect(JSON.stringify([...fake.state.sheet("Nhiệm vụ")!.cells])).toBe(before);
    // With Table.resize the same upgrade goes through and the note stays in K1.
    const modern = olderTasks("1.13");
    await applyTemplates(new OfficeWorkbook(modern.run, modern.requirements), chauSonPlan);
    expect(modern.state.sheet("Nhiệm vụ")!.cells.get("0:10")?.value).toBe("Ghi chú bên cạnh bảng");
    expect(modern.state.table("tblNhiemVu")!.headers).toContain("Ghi chú");
  });
});

describe("a protected sheet", () => {
  it("the fake refuses changes to a protected sheet, and takes them in a read-only workbook (Excel desktop, office-js issue 5148)", async () => {
    const fake = new FakeExcel();
    fake.seed("S", { A1: 1 });
    fake.state.sheet("S")!.protected = true;
    const write = () =>
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("S").getRange("B1").formulas = [["x"]];
        await ctx.sync();
      });
    await expect(write()).rejects.toThrow(/protected sheet/);
    fake.state.sheet("S")!.protected = false;
    fake.state.readOnly = true;
    await expect(write()).resolves.toBeUndefined();
    expect(fake.state.sheet("S")!.cells.get("0:1")?.value).toBe("x");
  });

  it("the adapter checks first and refuses in Vietnamese with what to do, changing nothing, before any write", async () => {
    const { fake, office } = await templated();
    fake.state.sheet("Đóng góp")!.protected = true;
    const ledger = (await office.readTables(["tblDongGop"])).get("tblDongGop")!;
    const fix = [{ sheet: "Đóng góp", row: 1, col: 7, expected: ledger.rows[0]![7]!, value: "x" }];
    await expect(office.updateCells(fix)).rejects.toThrow(/Trang "Đóng góp" đang được bảo vệ.*Review > Unprotect Sheet/);
    const issues = [{ rule: "required", severity: "error", sheet: "Đóng góp", table: "tblDongGop", row: 2, column: "Ngày", cell: "A3", col: 0, params: {} }] as const;
    await expect(office.markIssues(issueMarks(issues))).rejects.toThrow(/đang được bảo vệ/);
  });
});

describe("a user's protected sheet elsewhere", () => {
  it("is no obstacle to highlighting other sheets", async () => {
    const { fake, office } = await templated();
    fake.seed("Riêng", { A1: "khóa" });
    fake.state.sheet("Riêng")!.protected = true;
    const issues = [{ rule: "required", severity: "error", sheet: "Đóng góp", table: "tblDongGop", row: 2, column: "Ngày", cell: "A3", col: 0, params: {} }] as const;
    await office.markIssues(issueMarks(issues));
    await office.clearMarks();
    expect(fake.state.sheet("Riêng")!.cells.get("0:0")?.value).toBe("khóa");
  });
});

describe("request and response sizes (5 MB each way in Excel on the web), Vietnamese text counted as UTF-8", () => {
  const long = "Ủng hộ quỹ phòng, chống dịch Covid-19 của thôn, đợt tiếp nhận thứ hai trong tháng sáu năm hai nghìn không trăm hai mốt. ".repeat(6);
  const rows = Array.from({ length: 20_000 }, (_, i) => ({ Ngày: 44362 + (i % 100), Loại: "Thu", "Số chứng từ": `PT-${i}`, "Người, đơn vị": `Ông Nguyễn Văn Một Hai Ba số ${i}`, "Hình thức": "Tiền mặt", "Số tiền (đồng)": i % 7 === 0 ? "1.000.000" : 1000, "Nội dung": long, "Ghi chú": long }));

  /** Templates, validation, every fix and the highlights over the long ledger; the bytes of every sync. */
  async function workThrough(fake: FakeExcel): Promise<{ largest: number; refused: number; read: number }> {
    const office = new OfficeWorkbook(fake.run, fake.requirements);
    await applyTemplates(office, chauSonPlan, new Map([["tblDongGop", rows]]));
    const from = fake.contexts.length;
    const issues = await validateThrough(office, "2022-01-05");
    const read = fake.contexts.slice(from).flatMap((c) => c.syncs).reduce((n, s) => n + s.responseBytes, 0);
    const { fixUpdates } = await import("../../src/domain/rules/fixes");
    const fixes = fixUpdates(issues);
    expect(fixes.length).toBeGreaterThan(2_000);
    await office.updateCells(fixes);
    await office.markIssues(issueMarks(await validateThrough(office, "2022-01-05")));
    const syncs = fake.contexts.flatMap((c) => c.syncs);
    return { largest: Math.max(...syncs.map((s) => Math.max(s.requestBytes, s.responseBytes))), refused: fake.contexts.reduce((n, c) => n + c.payloadRefusals, 0), read };
  }

  it("reads and fixes a 20,000-row ledger of long Vietnamese text, every request and response under 5 MB", async () => {
    // ExcelApi 1.8: formulas are loaded with the values, long text weighs more than the estimate,
    // Excel refuses some reads, which are read again in halves.
    const old = await workThrough(new FakeExcel({ supported: "1.8" }));
    expect(old.largest).toBeLessThanOrEqual(5 * 1024 * 1024);
    expect(old.refused).toBeGreaterThan(0);
    // ExcelApi 1.9: formulas read only where cells hold them; the text is sent once.
    const modern = await workThrough(new FakeExcel());
    expect(modern.largest).toBeLessThanOrEqual(5 * 1024 * 1024);
    expect(modern.read).toBeLessThan(old.read * 0.6);
  }, 300_000);
});

describe("a cell on a hidden sheet", () => {
  it("the fake cannot activate a hidden sheet; the adapter says in Vietnamese how to show it", async () => {
    const fake = new FakeExcel();
    fake.seed("Ẩn", { A1: 1 });
    fake.state.sheet("Ẩn")!.visibility = "Hidden";
    await expect(fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Ẩn").activate();
      await ctx.sync();
    })).rejects.toThrow(/hidden/);
    const office = new OfficeWorkbook(fake.run, fake.requirements);
    await expect(office.select("Ẩn", "A1")).rejects.toThrow(/Ô A1 nằm ở trang "Ẩn" đang bị ẩn.*Unhide/);
    fake.state.sheet("Ẩn")!.visibility = "Visible";
    await office.select("Ẩn", "A1");
    expect(fake.state.active).toEqual({ sheet: "Ẩn", cell: "A1" });
  });
});

describe("highlights of many scattered cells (RangeAreas, ExcelApi 1.9)", () => {
  const scattered = Array.from({ length: 300 }, (_, i) => ({ rule: "required", severity: i % 3 ? "warning" : "error", sheet: "Đóng góp", table: "tblDongGop", row: 1 + 2 * i, column: "Ngày", cell: `A${2 + 2 * i}`, col: 0, params: {} }) as const);

  it("one rule per group of cells where RangeAreas exists, and the highlights still clear", async () => {
    const { fake, office } = await templated();
    const before = fake.state.sheet("Đóng góp")!.conditionalFormats.length;
    await office.markIssues(issueMarks(scattered));
    const ours = fake.state.sheet("Đóng góp")!.conditionalFormats.filter((c) => c.formula.includes("sổ theo dõi"));
    expect(ours).toHaveLength(2);
    expect(ours.map((c) => c.address.split(" ").length).sort((a, b) => a - b)).toEqual([100, 200]);
    await office.clearMarks();
    expect(fake.state.sheet("Đóng góp")!.conditionalFormats).toHaveLength(before);
  });

  it("one rule per range on older Excel, as before", async () => {
    const { fake, office } = await templated(new FakeExcel({ supported: "1.8" }));
    await office.markIssues(issueMarks(scattered));
    expect(fake.state.sheet("Đóng góp")!.conditionalFormats.filter((c) => c.formula.includes("sổ theo dõi"))).toHaveLength(300);
  });
});

describe("a table whose header row is hidden", () => {
  it("the fake has no header row range for it; the adapter reads it as the .xlsx adapter does: no headers, the body as rows", async () => {
    const fake = new FakeExcel();
    fake.seed("S", { A1: "Thôn 1", B1: 5, A2: "Thôn 2", B2: 7 });
    fake.seedTable("S", "tblThon", "A1:B2");
    fake.state.table("tblThon")!.showHeaders = false;
    const office = new OfficeWorkbook(fake.run, fake.requirements);
    const t = (await office.readTables(["tblThon"])).get("tblThon")!;
    expect([t.headers, t.range, t.rows]).toEqual([[], { top: -1, left: 0, bottom: 1, right: 1 }, [["Thôn 1", 5], ["Thôn 2", 7]]]);
    expect((await office.summarize()).sheets[0]!.tables[0]!.headers).toEqual([]);
  });
});

describe("values written as rectangles (null leaves a cell as it is)", () => {
  it("the fake leaves a cell alone for null; 20,000 ledger rows are a few dozen calls, not 20,000", async () => {
    const fake = new FakeExcel();
    fake.seed("S", { A1: "giữ", B1: "cũ" });
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("S").getRange("A1:C1").formulas = [[null, "", "mới"]];
      await ctx.sync();
    });
    expect([...fake.state.sheet("S")!.cells].map(([k, c]) => [k, c.value])).toEqual([["0:0", "giữ"], ["0:1", ""], ["0:2", "mới"]]);
    const big = new FakeExcel();
    const office = new OfficeWorkbook(big.run, big.requirements);
    const rows = Array.from({ length: 20_000 }, (_, i) => ({ Ngày: 44362, Loại: "Thu", "Số chứng từ": `PT-${i}`, "Hình thức": "Tiền mặt", "Số tiền (đồng)": 1000 }));
    await applyTemplates(office, chauSonPlan, new Map([["tblDongGop", rows]]));
    const operations = big.contexts.flatMap((c) => c.syncs).reduce((n, s) => n + s.operations, 0);
    expect(operations).toBeLessThan(2_000);
  }, 120_000);
});

describe("fit to one page wide (office-js issue 1860: zoom's fit-to-pages applies only once Page Layout view was opened)", () => {
  it("the report prints at a scale that makes its columns one A4 page wide, in every view", async () => {
    const { fake, office } = await templated();
    const { addReport } = await import("../../src/domain/report/addReport");
    const { parsePeriod } = await import("../../src/domain/period");
    const { printScale } = await import("../../src/domain/print");
    await addReport(office, parsePeriod("2021"), "2022-01-05");
    const zoom = fake.state.sheet("BC năm 2021")!.pageLayout.zoom as { scale?: number; horizontalFitToPages?: number };
    expect(zoom.horizontalFitToPages).toBeUndefined();
    // The paper's grid fits A4's text width: it prints at 100%, its text at the size it was set.
    expect(zoom.scale).toBe(100);
    // 8 columns of width 116 in all at 3 cm and 1.5 cm margins, as LibreOffice lays them out (the
    // wider reading): 116 x 5.58 = 647 pt into 468 pt.
    const grid = { sheet: "x", createSheet: true, cells: [], columns: [6, 30, 13, 13, 13, 15, 13, 13].map((width, col) => ({ col, width })) };
    expect(printScale(grid, { paper: "A4", orientation: "portrait", marginsCm: { top: 2, bottom: 2, left: 3, right: 1.5 }, fitToWidth: true, printArea: { top: 0, left: 0, bottom: 9, right: 7 } })).toBe(72);
  });
});

describe("same-row references as Excel shows them: `[@Col]`, not `tblX[[#This Row],[Col]]`", () => {
  /** A table tblA (A1:B3) whose second column computes from the first, as Excel holds it. */
  function computed(): FakeExcel {
    const fake = new FakeExcel();
    fake.seed("S", { A1: "Số hộ", B1: "Gấp đôi", A2: 10, A3: 20, B2: "=tblA[[#This Row],[Số hộ]]*2", B3: "=tblA[[#This Row],[Số hộ]]*2", D2: "=tblA[[#This Row],[Số hộ]]" });
    fake.seedTable("S", "tblA", "A1:B3");
    return fake;
  }

  it("the fake reads a same-row reference back in its short form inside the table, and as written outside it", async () => {
    const fake = computed();
    const shown = await fake.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("S").getRange("B2:D2").load("formulas");
      await ctx.sync();
      return r.formulas;
    });
    expect(shown).toEqual([["=[@[Số hộ]]*2", "", "=tblA[[#This Row],[Số hộ]]"]]);
  });

  it("a table read through Excel gives its formulas in the form the file keeps, as the .xlsx adapter does", async () => {
    const fake = computed();
    const tables = await new OfficeWorkbook(fake.run, fake.requirements).readTables(["tblA"]);
    // With their results, as Excel computes them.
    expect(tables.get("tblA")!.rows.map((r) => r[1])).toEqual([
      { formula: "tblA[[#This Row],[Số hộ]]*2", result: 20 },
      { formula: "tblA[[#This Row],[Số hộ]]*2", result: 40 },
    ]);
  });

  it("writing the same formula over a cell that shows it short is no conflict; a different one is", async () => {
    const { GridConflictError } = await import("../../src/domain/workbook");
    const fake = computed();
    const office = new OfficeWorkbook(fake.run, fake.requirements);
    await office.applyGrids([{ sheet: "S", createSheet: false, cells: [{ row: 1, col: 1, formula: "tblA[[#This Row],[Số hộ]]*2" }] }]);
    await expect(office.applyGrids([{ sheet: "S", createSheet: false, cells: [{ row: 2, col: 1, formula: "tblA[[#This Row],[Số hộ]]*3" }] }])).rejects.toBeInstanceOf(GridConflictError);
  });
});

describe("a workbook switched while a run adds sheets (office-js issues 771, 6365)", () => {
  it("the sheets are added first, alone: Excel's refusal is told in Vietnamese and no cell has been written", async () => {
    const { WorkbookSwitchedError } = await import("../../src/adapters/office/officeWorkbook");
    const fake = new FakeExcel();
    fake.seed("Sổ của tôi", { A1: "giữ" });
    fake.state.switchedAway = true;
    const office = new OfficeWorkbook(fake.run, fake.requirements);
    const err = await applyTemplates(office, chauSonPlan, BASE_ROWS).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(WorkbookSwitchedError);
    expect((err as Error).message).toMatch(/cửa sổ/);
    expect(fake.state.sheets.map((s) => s.name)).toEqual(["Sổ của tôi"]);
    expect(fake.state.tables).toEqual([]);
    // Back on this workbook, the same action completes.
    fake.state.switchedAway = false;
    await applyTemplates(office, chauSonPlan, BASE_ROWS);
    expect(fake.state.tables.length).toBeGreaterThan(5);
  });
});

describe("Excel not calculating on its own (Formulas > Calculation Options > Manual)", () => {
  it.each(["Manual", "AutomaticExceptTables"] as const)("%s: formula results are recalculated before they are read, never taken stale", async (mode) => {
    const fake = new FakeExcel();
    const office = new OfficeWorkbook(fake.run, fake.requirements);
    await applyTemplates(office, chauSonPlan, BASE_ROWS);
    const pledges = (await office.readTables(["tblCamKet"])).get("tblCamKet")!;
    const col = (h: string) => pledges.headers.indexOf(h);
    const i = pledges.rows.findIndex((r) => typeof r[col("Số hộ")] === "number" && typeof r[col("Số hộ đã ký")] === "number" && (r[col("Số hộ đã ký")] as number) > 0);
    const result = (t: typeof pledges) => (t.rows[i]![col("Tỷ lệ hộ đã ký")] as { result?: unknown }).result;
    const before = result(pledges);
    fake.setCalculationMode(mode);
    // The clerk doubles the households: the rate halves once Excel calculates.
    const households = pledges.rows[i]![col("Số hộ")] as number;
    await office.updateCells([{ sheet: pledges.sheet, row: pledges.range.top + 1 + i, col: pledges.range.left + col("Số hộ"), expected: households, value: households * 2 }]);
    const after = (await office.readTables(["tblCamKet"])).get("tblCamKet")!;
    expect(typeof before).toBe("number");
    expect(result(after)).toBeCloseTo((before as number) / 2, 10);
    // Still not calculating on its own: the mode is the user's.
    expect(fake.state.calculationMode).toBe(mode);
  });
});

describe("formulas read where Excel lists them (getSpecialCells), whatever their number and the sheet's name", () => {
  const seeded = (sheet: string, rows: number) => {
    const fake = new FakeExcel();
    const cells: Record<string, string | number> = { A1: "Số", B1: "Gấp đôi" };
    // Every other row a formula: as many formula areas as half the rows.
    for (let r = 2; r <= rows + 1; r++) {
      cells[`A${r}`] = r;
      cells[`B${r}`] = r % 2 === 0 ? `=A${r}*2` : r * 2;
    }
    fake.seed(sheet, cells);
    fake.seedTable(sheet, "tblGapDoi", `A1:B${rows + 1}`);
    return fake;
  };

  it("1,200 rows with 600 formula areas (over what getRanges takes in one address) read whole", async () => {
    const fake = seeded("Số liệu", 1_200);
    const office = new OfficeWorkbook(fake.run, fake.requirements);
    const t = (await office.readTables(["tblGapDoi"])).get("tblGapDoi")!;
    expect(t.rows).toHaveLength(1_200);
    expect(t.rows[0]![1]).toEqual({ formula: "A2*2", result: 4 });
    expect(t.rows[1]![1]).toBe(6);
    expect(t.rows.filter((r) => typeof r[1] === "object")).toHaveLength(600);
  });

  it("a sheet whose name holds a comma (the multi-area address's own separator)", async () => {
    const fake = seeded("Thu, chi", 4);
    const office = new OfficeWorkbook(fake.run, fake.requirements);
    const t = (await office.readTables(["tblGapDoi"])).get("tblGapDoi")!;
    expect(t.rows.map((r) => r[1])).toEqual([{ formula: "A2*2", result: 4 }, 6, { formula: "A4*2", result: 8 }, 10]);
  });

  it("highlights of 3,000 long addresses far down and right go in groups getRanges accepts", async () => {
    const fake = seeded("Số liệu", 4);
    const office = new OfficeWorkbook(fake.run, fake.requirements);
    // "XFB1000001:XFD1000002": 400 of them make an address of 9,198 characters.
    const ranges = Array.from({ length: 3_000 }, (_, k) => ({ top: 1_000_000 + 3 * k, bottom: 1_000_001 + 3 * k, left: 16_381, right: 16_383 }));
    await office.markIssues([{ sheet: "Số liệu", severity: "error", ranges }]);
    // Every range marked once.
    const marked = fake.state.sheet("Số liệu")!.conditionalFormats.flatMap((r) => r.address.split(/[ ,]+/));
    expect(marked).toHaveLength(3_000);
  });
});

describe("a workbook that counts dates from 1904 (Excel's \"Use 1904 date system\")", () => {
  it("is found without writing, and refused in Vietnamese before any read or write: its dates would be four years off", async () => {
    const { DateSystem1904Error } = await import("../../src/adapters/office/officeWorkbook");
    const { errorText } = await import("../../src/i18n");
    const fake = new FakeExcel();
    const office = new OfficeWorkbook(fake.run, fake.requirements);
    await applyTemplates(office, chauSonPlan, BASE_ROWS);
    fake.state.date1904 = true;
    const version = fake.state.version;
    const refused = (p: Promise<unknown>) => p.then(() => undefined, (e: unknown) => e);
    const read = await refused(office.readTables(["tblDongGop"]));
    expect(read).toBeInstanceOf(DateSystem1904Error);
    expect(errorText(read, {})).toMatch(/^Sổ này đếm ngày theo hệ 1904.*sổ giữ nguyên\. Hãy dùng bản xem thử trong trình duyệt hoặc dòng lệnh/);
    expect(await refused(office.updateCells([{ sheet: "Đóng góp", row: 1, col: 0, expected: null, value: 44_000 }]))).toBeInstanceOf(DateSystem1904Error);
    expect(fake.state.version).toBe(version);
    // Templates on a new 1904 workbook: nothing added.
    const blank = new FakeExcel();
    blank.seed("Sổ của tôi", { A1: "giữ" });
    blank.state.date1904 = true;
    expect(await refused(applyTemplates(new OfficeWorkbook(blank.run, blank.requirements), chauSonPlan, BASE_ROWS))).toBeInstanceOf(DateSystem1904Error);
    expect(blank.state.sheets.map((x) => x.name)).toEqual(["Sổ của tôi"]);
    // The 1900 system (the default of current Excel) reads as before.
    fake.state.date1904 = false;
    expect((await office.readTables(["tblDongGop"])).get("tblDongGop")!.rows.length).toBeGreaterThan(0);
  });
});

describe("a workbook whose structure is protected (Review > Protect Workbook)", () => {
  it("adding sheets is refused before anything is written, with what to do in Vietnamese; a write to existing sheets still goes", async () => {
    const { StructureProtectedError } = await import("../../src/adapters/office/officeWorkbook");
    const { errorText } = await import("../../src/i18n");
    const fake = new FakeExcel();
    fake.seed("Sổ của tôi", { A1: "giữ" });
    fake.state.structureProtected = true;
    const office = new OfficeWorkbook(fake.run, fake.requirements);
    const version = fake.state.version;
    const err = await applyTemplates(office, chauSonPlan, BASE_ROWS).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(StructureProtectedError);
    expect(errorText(err, { writes: true })).toMatch(/^Cấu trúc sổ đang được bảo vệ nên không thêm được trang "[^"]+".*Chưa có ô nào được ghi\. Hãy bỏ bảo vệ cấu trúc sổ \(.*Xem lại > Bảo vệ Sổ làm việc/);
    expect(fake.state.version).toBe(version);
    expect(fake.state.sheets.map((s) => s.name)).toEqual(["Sổ của tôi"]);
    // Cells of a sheet that exists are not the structure's: written as before.
    expect((await office.updateCells([{ sheet: "Sổ của tôi", row: 0, col: 0, expected: "giữ", value: "đổi" }])).applied).toBe(1);
    fake.state.structureProtected = false;
    await applyTemplates(office, chauSonPlan, BASE_ROWS);
    expect(fake.state.tables.length).toBeGreaterThan(5);
  });
});

describe("what the renderer sends, counted and grouped", () => {
  it("sizes are UTF-8 JSON bytes: ASCII, Vietnamese, and characters outside the basic plane", async () => {
    const { jsonBytes } = await import("../../src/adapters/office/officeRender");
    for (const v of ["abc", "Nguyễn Văn Ánh", "Đ", "€", "𝒜 🙂", ["Thôn mẫu 1", 42, null], { a: "ữ" }, "", "\u007f\u0080\u07ff\u0800\uffff"]) {
      expect([v, jsonBytes(v)]).toEqual([v, Buffer.byteLength(JSON.stringify(v), "utf8")]);
    }
  });

  it("rows of one height are one call, whatever order they come in, and the grid given is left as it was", async () => {
    const fake = new FakeExcel();
    fake.seed("S", { A1: 1 });
    const office = new OfficeWorkbook(fake.run, fake.requirements);
    const rowHeights = Array.from({ length: 120 }, (_, i) => ({ row: 119 - i, height: i < 60 ? 30 : 45 }));
    const given = JSON.stringify(rowHeights);
    await office.applyGrids([{ sheet: "S", createSheet: false, cells: [], rowHeights }]);
    expect(JSON.stringify(rowHeights)).toBe(given);
    const s = fake.state.sheet("S")!;
    expect([s.rowHeights.get("0"), s.rowHeights.get("59"), s.rowHeights.get("60"), s.rowHeights.get("119")]).toEqual([45, 45, 30, 30]);
    // Two runs of one height each: two calls, not 120.
    const operations = fake.lastRun().syncs.reduce((n, x) => n + x.operations, 0);
    expect(operations).toBeLessThan(12);
  });

  it("on a user's sheet, a grid column's format reaches the cells the grid writes, not the whole column", async () => {
    const fake = new FakeExcel();
    fake.seed("S", { A1: "x", B9: "ghi chú của người dùng" });
    const office = new OfficeWorkbook(fake.run, fake.requirements);
    await office.applyGrids([{ sheet: "S", createSheet: false, cells: [{ row: 1, col: 1, value: "mới", style: { bold: true } }], columns: [{ col: 1, style: { wrap: true, numFmt: "@" } }] }]);
    const s = fake.state.sheet("S")!;
    expect(s.cells.get("1:1")?.format).toMatchObject({ "font.bold": true, wrapText: true });
    expect(s.cells.get("1:1")?.numberFormat).toBe("@");
    expect(s.columnFormats.size).toBe(0);
    expect(s.cells.get("8:1")?.format).toBeUndefined();
  });
});

describe("a form's sheet protected inside Excel, as in the file", () => {
  it("protects a sheet the job made after writing it, the cells to fill unlocked; a user's sheet is never protected", async () => {
    const fake = new FakeExcel();
    fake.seed("Của tôi", { A1: "ghi chú" });
    const office = new OfficeWorkbook(fake.run, fake.requirements);
    await office.applyGrids([
      { sheet: "Phiếu", createSheet: true, protect: true, cells: [{ row: 0, col: 0, value: "Mục" }, { row: 1, col: 1, value: null, style: { locked: false } }] },
      { sheet: "Của tôi", createSheet: false, protect: true, cells: [{ row: 2, col: 0, value: "thêm" }] },
    ]);
    expect(fake.state.sheet("Phiếu")!.protected).toBe(true);
    expect(fake.state.sheet("Phiếu")!.cells.get("1:1")?.format?.["protection.locked"]).toBe(false);
    expect(fake.state.sheet("Của tôi")!.protected).toBeFalsy();
  });
});
