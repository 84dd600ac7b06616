import { OfficeWorkbook } from "../../src/adapters/office/officeWorkbook";
import { XlsxWorkbook } from "../../src/adapters/xlsx/xlsxWorkbook";
import { rangeAddress, type Grid } from "../../src/domain/grid";
import { chauSonPlan } from "../../src/domain/sample/chauSonPlan";
import { applyTemplates } from "../../src/domain/template/applyTemplates";
import { monthFirst, TableTotalsRowError, type WorkbookPort } from "../../src/domain/workbook";
import { errorText } from "../../src/i18n";
import { BASE_ROWS } from "../fixtures/base";
import { FakeExcel } from "../fakes/excel/workbook";

/**
 * Excel's edges the adapter meets in a commune's workbook: a table with a totals row, a filtered
 * ledger, a file opened read-only, a computer that writes dates month first. Each modelled in the
 * strict fake with its source (docs/office-behaviour.md), then what the adapter does there.
 */

async function templated(fake = new FakeExcel()): Promise<{ fake: FakeExcel; office: OfficeWorkbook }> {
  const office = new OfficeWorkbook(fake.run, fake.requirements);
  await applyTemplates(office, chauSonPlan, BASE_ROWS);
  return { fake, office };
}

/** One new ledger row right under the body, as a merge of a return writes it. */
async function appendRow(port: WorkbookPort): Promise<Grid> {
  const ledger = (await port.readTables(["tblDongGop"])).get("tblDongGop")!;
  const row = ledger.range.bottom + 1;
  return {
    sheet: ledger.sheet,
    createSheet: false,
    cells: [
      { row, col: 0, value: 44_400 },
      { row, col: 3, value: "Ông Lê Văn Mới" },
      { row, col: 7, value: 200_000 },
    ],
    tableChanges: [{ name: "tblDongGop", addHeaders: [], bottom: row }],
  };
}

const snapshot = (fake: FakeExcel, sheet: string) => JSON.stringify([...fake.state.sheet(sheet)!.cells].sort(), (_, v: unknown) => (v instanceof Map ? [...v] : v));

describe("a table that shows a totals row", () => {
  /** tblDongGop given a totals row under its body: a label and SUBTOTAL of the amounts. */
  async function withTotals(): Promise<{ fake: FakeExcel; office: OfficeWorkbook; totalsRow: number }> {
    const { fake, office } = await templated();
    const t = fake.state.table("tblDongGop")!;
    const totalsRow = t.box.bottom + 1;
    fake.seed("Đóng góp", { [`A${totalsRow + 1}`]: "Cộng", [`H${totalsRow + 1}`]: "=SUBTOTAL(109,tblDongGop[Số tiền (đồng)])" });
    t.box = { ...t.box, bottom: totalsRow };
    t.showTotals = true;
    return { fake, office, totalsRow };
  }

  it("the fake: Table.getRange holds the totals row, rows.add inserts above it, resize is refused as unmodelled", async () => {
    const { fake, totalsRow } = await withTotals();
    await fake.run(async (ctx) => {
      ctx.workbook.tables.getItem("tblDongGop").rows.add(undefined, [["x"]]);
      await ctx.sync();
    });
    expect(fake.state.sheet("Đóng góp")!.cells.get(`${totalsRow + 1}:0`)?.value).toBe("Cộng");
    expect(fake.state.sheet("Đóng góp")!.cells.get(`${totalsRow}:0`)?.value).toBe("x");
    await expect(
      fake.run(async (ctx) => {
        ctx.workbook.tables.getItem("tblDongGop").resize("A1:N30");
        await ctx.sync();
      }),
    ).rejects.toThrow(/totals row/);
  });

  it("is read without its totals row, and new rows are refused before any write, in Vietnamese with the way out", async () => {
    const { fake, office, totalsRow } = await withTotals();
    const ledger = (await office.readTables(["tblDongGop"])).get("tblDongGop")!;
    expect(ledger.range.bottom).toBe(totalsRow - 1);
    const grid = await appendRow(office);
    const before = snapshot(fake, "Đóng góp");
    const refusal = await office.applyGrids([grid]).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(TableTotalsRowError);
    expect(snapshot(fake, "Đóng góp")).toBe(before);
    expect(fake.state.table("tblDongGop")!.box.bottom).toBe(totalsRow);
    expect(errorText(refusal, { writes: true }, "vi")).toMatch(/Bảng tblDongGop \(trang "Đóng góp"\) có hàng tổng.*chưa ghi gì.*Hàng Tổng/);
  });

  it("the .xlsx adapter refuses the same rows the same way, the file unchanged", async () => {
    const book = await XlsxWorkbook.empty();
    await applyTemplates(book, chauSonPlan, BASE_ROWS);
    const JSZip = (await import("jszip")).default;
    const zip = await JSZip.loadAsync(await book.toBuffer());
    const part = (await Promise.all(Object.keys(zip.files).filter((f) => f.startsWith("xl/tables/")).map(async (f) => [f, await zip.file(f)!.async("string")] as const))).find(([, x]) => x.includes('name="tblDongGop"'))!;
    const ref = /ref="A1:N(\d+)"/.exec(part[1])!;
    zip.file(part[0], part[1].replace(ref[0], `ref="A1:N${Number(ref[1]) + 1}" totalsRowCount="1"`));
    const bytes = await zip.generateAsync({ type: "uint8array" });
    const withTotalsBook = await XlsxWorkbook.fromBuffer(bytes);
    const before = await withTotalsBook.toBuffer();
    await expect(withTotalsBook.applyGrids([await appendRow(withTotalsBook)])).rejects.toBeInstanceOf(TableTotalsRowError);
    expect(Buffer.from(await withTotalsBook.toBuffer()).equals(Buffer.from(before))).toBe(true);
  });
});

describe("values written right under a table (office-js issues 3013, 3191)", () => {
  it("the fake grows the table over them, as Excel does", async () => {
    const fake = new FakeExcel();
    fake.seed("S", { A1: "Tên", A2: "một" });
    fake.seedTable("S", "tblA", "A1:A2");
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("S").getRange("A3:A4").values = [["hai"], ["ba"]];
      await ctx.sync();
    });
    expect(rangeAddress(fake.state.table("tblA")!.box)).toBe("A1:A4");
  });

  it("the adapter's new rows end inside the table exactly once, however Excel grew it first", async () => {
    const { fake, office } = await templated();
    const grid = await appendRow(office);
    await office.applyGrids([grid]);
    const after = (await office.readTables(["tblDongGop"])).get("tblDongGop")!;
    expect(after.range.bottom).toBe(grid.tableChanges![0]!.bottom);
    expect(after.rows[after.rows.length - 1]![3]).toBe("Ông Lê Văn Mới");
    expect(fake.state.table("tblDongGop")!.box.bottom).toBe(grid.tableChanges![0]!.bottom);
  });
});

describe("rows hidden by a filter (office-js issue 224)", () => {
  it("the fake puts a block written over hidden rows into the wrong cells, as Excel may", async () => {
    const fake = new FakeExcel();
    fake.seed("S", { A1: "a", A2: "b", A3: "c", A4: "d" });
    fake.hideRows("S", [2]);
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("S").getRange("B1:B3").values = [["1"], ["2"], ["3"]];
      await ctx.sync();
    });
    const b = (r: number) => fake.state.sheet("S")!.cells.get(`${r}:1`)?.value;
    expect([b(0), b(1), b(2), b(3)]).toEqual([1, undefined, 2, 3]);
  });

  it("the adapter refuses a block over hidden rows before writing anything, naming the range and the way out", async () => {
    const { fake, office } = await templated();
    fake.hideRows("Đóng góp", [3, 4]);
    const before = snapshot(fake, "Đóng góp");
    const grid: Grid = { sheet: "Đóng góp", createSheet: false, cells: [2, 3, 4, 5].map((row) => ({ row, col: 16, value: `ghi chú ${row}` })) };
    const refusal = await office.applyGrids([grid]).catch((e: unknown) => e);
    expect((refusal as Error).name).toBe("HiddenRowsError");
    expect(snapshot(fake, "Đóng góp")).toBe(before);
    expect(errorText(refusal, { writes: true }, "vi")).toMatch(/Trang "Đóng góp" có dòng đang bị lọc hoặc ẩn trong vùng Q3:Q6.*chưa ghi gì.*Bỏ ẩn Hàng/);
  });

  it("rows appended under a filtered ledger are written: no hidden row lies where they go", async () => {
    const { fake, office } = await templated();
    fake.hideRows("Đóng góp", [3]);
    const grid = await appendRow(office);
    await office.applyGrids([grid]);
    const after = (await office.readTables(["tblDongGop"])).get("tblDongGop")!;
    expect(after.rows[after.rows.length - 1]![3]).toBe("Ông Lê Văn Mới");
  });
});

describe("a workbook opened read-only (office-js issue 5148)", () => {
  it("is written in memory, not refused, and the pane is told to save it under another name", async () => {
    const { fake, office } = await templated();
    fake.state.readOnly = true;
    const { addReport } = await import("../../src/domain/report/addReport");
    const { parsePeriod } = await import("../../src/domain/period");
    await addReport(office, parsePeriod("2021"), "2022-01-05");
    expect(fake.state.sheets.map((s) => s.name)).toContain("BC năm 2021");
    expect(await office.hostNotes()).toEqual([{ kind: "read-only" }]);
  });
});

describe("the computer's date order (Application.cultureInfo, ExcelApi 1.12)", () => {
  it("reads month-first patterns as such", () => {
    expect(["M/d/yyyy", "MM/dd/yy", "yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy", "dd.MM.yyyy"].map(monthFirst)).toEqual([true, true, true, false, false, false]);
  });

  it("a month-first computer is a note for the pane; a Vietnamese one is none; an Excel without 1.12 is not asked", async () => {
    const fake = new FakeExcel();
    fake.seed("S", { A1: 1 });
    const office = new OfficeWorkbook(fake.run, fake.requirements);
    expect(await office.hostNotes()).toEqual([]);
    fake.state.shortDatePattern = "M/d/yyyy";
    expect(await office.hostNotes()).toEqual([{ kind: "month-first-dates", pattern: "M/d/yyyy" }]);
    const old = new FakeExcel({ supported: "1.11" });
    old.seed("S", { A1: 1 });
    old.state.shortDatePattern = "M/d/yyyy";
    expect(await new OfficeWorkbook(old.run, old.requirements).hostNotes()).toEqual([]);
  });
});

describe("a protected sheet with cells left unlocked for entry (Format Cells > Protection)", () => {
  it("the fake lets the unlocked cells change and refuses the locked ones", async () => {
    const fake = new FakeExcel();
    fake.seed("S", { A1: 1, B1: 2 });
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("S").getRange("B:B").format.protection.locked = false;
      await ctx.sync();
    });
    fake.state.sheet("S")!.protected = true;
    const write = (address: string) =>
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("S").getRange(address).values = [[9]];
        await ctx.sync();
      });
    await expect(write("B1")).resolves.toBeUndefined();
    await expect(write("A1")).rejects.toThrow(/protected sheet/);
  });

  it("a fix changes an unlocked cell of a protected ledger, and is refused, nothing written, where a cell is locked", async () => {
    const { fake, office } = await templated();
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Đóng góp").getRange("H:H").format.protection.locked = false;
      await ctx.sync();
    });
    fake.state.sheet("Đóng góp")!.protected = true;
    const ledger = (await office.readTables(["tblDongGop"])).get("tblDongGop")!;
    const amount = { sheet: "Đóng góp", row: 1, col: 7, expected: ledger.rows[0]![7]!, value: 123_000 };
    expect(await office.updateCells([amount])).toEqual({ applied: 1, skipped: [] });
    expect(fake.state.sheet("Đóng góp")!.cells.get("1:7")?.value).toBe(123_000);
    const name = { sheet: "Đóng góp", row: 1, col: 3, expected: ledger.rows[0]![3]!, value: "Tên khác" };
    await expect(office.updateCells([{ ...amount, expected: 123_000, value: 5 }, name])).rejects.toThrow(/Trang "Đóng góp" đang được bảo vệ/);
    expect(fake.state.sheet("Đóng góp")!.cells.get("1:7")?.value).toBe(123_000);
  });
});

describe("calculated columns, unbounded reads, another workbook in front: the fake as Excel documents them", () => {
  it("a table grown by resize fills its calculated column's formula into the new rows", async () => {
    const { fake } = await templated();
    const tasks = fake.state.table("tblCamKet")!;
    const header = tasks.headers.indexOf("Tỷ lệ hộ đã ký");
    expect(header).toBeGreaterThanOrEqual(0);
    const col = tasks.box.left + header;
    const formula = fake.state.sheet(tasks.sheet.name)!.cells.get(`${tasks.box.bottom}:${col}`)?.formula;
    expect(formula).toMatch(/tblCamKet\[\[#This Row\]/);
    const bottom = tasks.box.bottom;
    await fake.run(async (ctx) => {
      ctx.workbook.tables.getItem("tblCamKet").resize(`${rangeAddress({ ...tasks.box, bottom: bottom + 2 })}`);
      await ctx.sync();
    });
    expect([1, 2].map((k) => tasks.sheet.cells.get(`${bottom + k}:${col}`)?.formula)).toEqual([formula, formula]);
  });

  it("reading the cells of whole columns gives null, as Excel's unbounded ranges do", async () => {
    const fake = new FakeExcel();
    fake.seed("S", { A1: 1 });
    const read = await fake.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("S").getRange("A:B").load("values, address");
      await ctx.sync();
      return [r.values, r.address];
    });
    expect(read).toEqual([null, "'S'!A1:B1048576"]);
  });

  it("a window switch in the middle of a report refuses the rest with InactiveWorkbook, and the clerk is told part may be written", async () => {
    const { fake, office } = await templated();
    const { addReport } = await import("../../src/domain/report/addReport");
    const { parsePeriod } = await import("../../src/domain/period");
    fake.switchWindowBeforeSync(4);
    const refusal = await addReport(office, parsePeriod("2021"), "2022-01-05").catch((e: unknown) => e);
    expect((refusal as { code?: string }).code).toBe("InactiveWorkbook");
    expect(errorText(refusal, { writes: true }, "vi")).toMatch(/có thể đã được ghi|một phần/);
    fake.state.inactive = false;
    await addReport(office, parsePeriod("2021"), "2022-01-05");
    expect(fake.state.sheets.map((s) => s.name)).toContain("BC năm 2021");
  });
});
