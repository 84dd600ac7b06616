import { FakeConditionalFormat, FakeConditionalFormatCollection, FakeDataValidation, FakeRange, FakeRangeAreas, FakeRangeFormat, FakeSpecialCells } from "./objects";
import { FakeExcel } from "./workbook";
import { FakeChart, FakeTableProxy, FakeWorksheet } from "./workbook";

/** Every member the fake implements, checked by the compiler against @types/office-js: names cannot drift. */
const RANGE: readonly (keyof Excel.Range)[] = ["isNullObject", "address", "values", "valueTypes", "formulas", "numberFormat", "rowHidden", "load", "format", "merge", "unmerge", "clear", "dataValidation", "conditionalFormats", "select", "getSpecialCellsOrNullObject"];
const WORKSHEET: readonly (keyof Excel.Worksheet)[] = ["name", "load", "getRange", "getUsedRangeOrNullObject", "tables", "freezePanes", "tabColor", "pageLayout", "activate", "protection", "visibility", "getRanges", "charts", "horizontalPageBreaks"];
const TABLE: readonly (keyof Excel.Table)[] = ["isNullObject", "name", "showTotals", "showHeaders", "style", "load", "worksheet", "getRange", "getHeaderRowRange", "resize", "columns", "rows"];
const CF: readonly (keyof Excel.ConditionalFormat)[] = ["type", "custom", "delete", "load"];
const DATA_VALIDATION: readonly (keyof Excel.DataValidation)[] = ["type", "rule", "errorAlert", "prompt", "clear", "load"];
const CF_COLLECTION: readonly (keyof Excel.ConditionalFormatCollection)[] = ["items", "add", "load"];
const RANGE_FORMAT: readonly (keyof Excel.RangeFormat)[] = ["protection", "font", "fill", "borders", "wrapText", "horizontalAlignment", "verticalAlignment", "columnWidth", "rowHeight"];
const CHART: readonly (keyof Excel.Chart)[] = ["title", "legend", "axes", "format", "setPosition"];
const RANGE_AREAS: readonly (keyof Excel.RangeAreas)[] = ["areas", "areaCount", "conditionalFormats", "isNullObject", "address", "load"];

const own = (proto: object) => Object.getOwnPropertyNames(proto).filter((n) => n !== "constructor");
/** Helpers of the fake itself, not part of the Excel API. */
const HELPERS = new Set(["addressOf", "loadNullable", "loadItem", "snapshotInto", "writeInputs", "snapshot", "table", "read", "queueLoad", "entry", "set", "others"]);

describe("the fake speaks the Excel API's names", () => {
  it.each([
    ["Range", FakeRange.prototype, RANGE],
    ["Worksheet", FakeWorksheet.prototype, WORKSHEET],
    ["Table", FakeTableProxy.prototype, TABLE],
    ["ConditionalFormat", FakeConditionalFormat.prototype, CF],
    ["ConditionalFormatCollection", FakeConditionalFormatCollection.prototype, CF_COLLECTION],
    ["DataValidation", FakeDataValidation.prototype, DATA_VALIDATION],
    ["RangeFormat", FakeRangeFormat.prototype, RANGE_FORMAT],
    ["RangeAreas", FakeRangeAreas.prototype, RANGE_AREAS],
    ["RangeAreas (special cells)", FakeSpecialCells.prototype, RANGE_AREAS],
    ["Chart", FakeChart.prototype, CHART],
  ] as const)("%s", (_name, proto, names) => {
    const members = own(proto).filter((m) => !HELPERS.has(m));
    expect(members.filter((m) => !(names as readonly string[]).includes(m))).toEqual([]);
  });
});

describe("the fake refuses what Excel refuses to load", () => {
  it.each([
    ["a misspelt range property", (ctx: Excel.RequestContext) => ctx.workbook.worksheets.getItem("S").getRange("A1").load("valuez")],
    ["a worksheet property it does not model", (ctx: Excel.RequestContext) => ctx.workbook.worksheets.getItem("S").load("position")],
    ["a table property it does not model", (ctx: Excel.RequestContext) => ctx.workbook.tables.load("items/id")],
    ["a workbook property it does not model", (ctx: Excel.RequestContext) => ctx.workbook.load("name")],
  ])("%s", async (_what, load) => {
    const fake = new FakeExcel();
    fake.seed("S", { A1: 1 });
    await expect(
      fake.run(async (ctx) => {
        load(ctx);
        await ctx.sync();
      }),
    ).rejects.toThrow(/is not part of/);
  });
});

describe("formula cells read back with their results, as Excel computes them", () => {
  it("values and value types of formulas, structured references included", async () => {
    const fake = new FakeExcel();
    fake.seed("S", { A1: "Số hộ", B1: "Đã ký", C1: "Tỷ lệ", A2: 200, B2: 150, C2: '=IF(N(tblA[[#This Row],[Số hộ]])>0,tblA[[#This Row],[Đã ký]]/tblA[[#This Row],[Số hộ]],"")', A3: 0, C3: '=IF(N(tblA[[#This Row],[Số hộ]])>0,tblA[[#This Row],[Đã ký]]/tblA[[#This Row],[Số hộ]],"")', E1: "=SUM(tblA[Số hộ])", E2: "=1/0" });
    fake.seedTable("S", "tblA", "A1:C3");
    const [values, types, sum] = await fake.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("S").getRange("C2:E3").load("values, valueTypes");
      const total = ctx.workbook.worksheets.getItem("S").getRange("E1").load("values");
      await ctx.sync();
      return [r.values, r.valueTypes, total.values];
    });
    expect(values).toEqual([[0.75, "", "#DIV/0!"], ["", "", ""]]);
    expect(types).toEqual([["Double", "Empty", "Error"], ["Empty", "Empty", "Empty"]]);
    expect(sum).toEqual([[200]]);
  });

  it("a formula its engine cannot compute fails loudly instead of reading as empty", async () => {
    const fake = new FakeExcel();
    fake.seed("S", { A1: "=NOSUCHFUNCTION(1)" });
    await expect(
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("S").getRange("A1").load("values");
        await ctx.sync();
      }),
    ).rejects.toThrow(/cannot compute/);
  });
});
