import { FakeConditionalFormat, FakeConditionalFormatCollection, FakeDataValidation, FakeRange } from "./objects";
import { FakeTableProxy, FakeWorksheet } from "./workbook";

/** Every member the fake implements, checked by the compiler against @types/office-js: names cannot drift. */
const RANGE: readonly (keyof Excel.Range)[] = ["isNullObject", "address", "values", "valueTypes", "formulas", "numberFormat", "load", "format", "merge", "dataValidation", "conditionalFormats", "select", "getSpecialCellsOrNullObject"];
const WORKSHEET: readonly (keyof Excel.Worksheet)[] = ["name", "load", "getRange", "getUsedRangeOrNullObject", "tables", "freezePanes", "tabColor", "pageLayout", "activate", "protection", "visibility", "getRanges"];
const TABLE: readonly (keyof Excel.Table)[] = ["isNullObject", "name", "showTotals", "showHeaders", "style", "load", "worksheet", "getRange", "getHeaderRowRange", "resize", "columns", "rows"];
const CF: readonly (keyof Excel.ConditionalFormat)[] = ["type", "custom", "delete", "load"];
const DATA_VALIDATION: readonly (keyof Excel.DataValidation)[] = ["type", "rule", "errorAlert", "prompt", "clear", "load"];
const CF_COLLECTION: readonly (keyof Excel.ConditionalFormatCollection)[] = ["items", "add", "load"];

const own = (proto: object) => Object.getOwnPropertyNames(proto).filter((n) => n !== "constructor");
/** Helpers of the fake itself, not part of the Excel API. */
const HELPERS = new Set(["loadNullable", "loadItem", "snapshotInto", "writeInputs", "snapshot", "table", "read", "queueLoad", "entry", "set", "others"]);

describe("the fake speaks the Excel API's names", () => {
  it.each([
    ["Range", FakeRange.prototype, RANGE],
    ["Worksheet", FakeWorksheet.prototype, WORKSHEET],
    ["Table", FakeTableProxy.prototype, TABLE],
    ["ConditionalFormat", FakeConditionalFormat.prototype, CF],
    ["ConditionalFormatCollection", FakeConditionalFormatCollection.prototype, CF_COLLECTION],
    ["DataValidation", FakeDataValidation.prototype, DATA_VALIDATION],
  ] as const)("%s", (_name, proto, names) => {
    const members = own(proto).filter((m) => !HELPERS.has(m));
    expect(members.filter((m) => !(names as readonly string[]).includes(m))).toEqual([]);
  });
});
