import { readDate } from "../../../src/domain/cells/date";
import { isoToSerial as isoDateToSerial, serialToIso as serialToIsoDate } from "../../../src/domain/dates";
import { AllowedList, readListValue } from "../../../src/domain/cells/list";
import { readNumber } from "../../../src/domain/cells/number";
import { canonicalText, foldKey, readText } from "../../../src/domain/cells/text";
import type { CellValue } from "../../../src/domain/grid";

describe("readDate", () => {
  it.each<[CellValue, string, string | undefined]>([
    [44362, "2021-06-15", undefined],
    ["15/6/2021", "2021-06-15", "date-from-text"],
    ["15/06/2021", "2021-06-15", "date-from-text"],
    ["15-6-2021", "2021-06-15", "date-from-text"],
    ["2021-06-15", "2021-06-15", "date-from-text"],
    [" 15.06.2021 ", "2021-06-15", "date-from-text"],
    ["15/6/21", "2021-06-15", "two-digit-year"],
    [44362.75, "2021-06-15", "time-dropped"],
    [{ formula: "DATE(2021,6,15)", result: 44362 }, "2021-06-15", "formula-result"],
    [61, "1900-03-01", undefined],
    [59, "1900-02-28", undefined],
    [1, "1900-01-01", undefined],
  ])("%j is %s", (input, iso, assumed) => {
    const r = readDate(input);
    expect(r).toMatchObject({ kind: "value", value: iso });
    expect(r.kind === "value" ? r.assumed : "x").toBe(assumed);
  });

  it.each<[CellValue, string]>([
    ["06/15/2021", "month-first-date"],
    ["31/02/2021", "impossible-date"],
    ["15/13/2021", "impossible-date"],
    ["ngày 15 tháng 6", "not-a-date"],
    [60, "impossible-date"],
    [0, "impossible-date"],
    [-3, "impossible-date"],
    [Number.NaN, "impossible-date"],
    [{ error: "#REF!" }, "error-value"],
    [{ formula: "A1" }, "formula-no-result"],
    [true, "boolean"],
  ])("%j is refused as %s", (input, problem) => {
    expect(readDate(input)).toMatchObject({ kind: "invalid", problem });
  });

  it("reads empty and blank text as empty", () => {
    expect(readDate(null)).toEqual({ kind: "empty" });
    expect(readDate("   ")).toEqual({ kind: "empty" });
  });

  it("turns text dates into the serial Excel stores, as the fix", () => {
    expect(readDate("15/6/2021")).toMatchObject({ canonical: 44362 });
    expect(isoDateToSerial("1900-02-28")).toBe(59);
    expect(serialToIsoDate(isoDateToSerial("2099-12-31"))).toBe("2099-12-31");
  });
});

describe("readNumber", () => {
  it.each<[CellValue, number]>([
    ["1.000.000", 1_000_000],
    ["1,000,000", 1_000_000],
    ["1 000 000", 1_000_000],
    ["1\u00a0000\u00a0000", 1_000_000],
    ["1.000.000 đ", 1_000_000],
    ["1.000.000đ", 1_000_000],
    ["1.000.000 đồng", 1_000_000],
    ["  250  ", 250],
    ["1,5", 1.5],
    ["-500", -500],
  ])("%j is %d, read from text", (input, n) => {
    expect(readNumber(input)).toEqual({ kind: "value", value: n, assumed: "number-from-text", canonical: n });
  });

  it.each<[CellValue, string]>([
    ["1.000,000", "not-a-number"],
    ["12.34.5", "not-a-number"],
    ["ba triệu", "not-a-number"],
    ["200 hộ", "not-a-number"],
    [{ error: "#VALUE!" }, "error-value"],
  ])("%j is refused as %s", (input, problem) => {
    expect(readNumber(input)).toMatchObject({ kind: "invalid", problem });
  });

  it("keeps numbers as they are", () => {
    expect(readNumber(1e16)).toEqual({ kind: "value", value: 1e16 });
    expect(readNumber(-2)).toEqual({ kind: "value", value: -2 });
  });
});

describe("text", () => {
  it("normalises NFD, stray and double spaces, and says so", () => {
    const nfd = "  Thôn   mẫu 1 ".normalize("NFD");
    expect(readText(nfd)).toEqual({ kind: "value", value: "Thôn mẫu 1", assumed: "text-normalised", canonical: "Thôn mẫu 1" });
    expect(readText("Thôn mẫu 1")).toEqual({ kind: "value", value: "Thôn mẫu 1" });
    expect(canonicalText("dòng 1 \n  dòng 2")).toBe("dòng 1\ndòng 2");
  });

  it("refuses text over Excel's cell limit", () => {
    expect(readText("x".repeat(32_768))).toMatchObject({ kind: "invalid", problem: "too-long" });
  });

  it("folds case and diacritics, đ included", () => {
    expect(foldKey("THÔN  Đông")).toBe(foldKey("thon dong"));
  });
});

describe("list values", () => {
  const list = new AllowedList(["Thu", "Chi", "Tiền mặt", "Chuyển khoản"]);
  it("matches spelling variants to exactly one entry, as a fix", () => {
    expect(readListValue("tien mat", list)).toEqual({ kind: "value", value: "Tiền mặt", assumed: "list-variant", canonical: "Tiền mặt" });
    expect(readListValue("Thu", list)).toEqual({ kind: "value", value: "Thu" });
  });
  it("does not guess between two entries that fold alike", () => {
    const ambiguous = new AllowedList(["Thôn Đông", "Thôn Dong"]);
    expect(readListValue("thon dong", ambiguous)).toEqual({ kind: "not-in-list", text: "thon dong" });
  });
});
