import { t } from "../../src/i18n";
import { issueKey } from "../../src/domain/rules/types";
import { isoToSerial } from "../../src/domain/dates";
import type { CellValue } from "../../src/domain/grid";
import { dongGopTable } from "../../src/domain/sheets/specs";
import { validateWorkbook } from "../../src/domain/rules/validate";
import type { TableData } from "../../src/domain/workbook";

const HEADERS = dongGopTable.columns.map((c) => c.header);

/** A donations ledger of `rows` (by header), alone in a workbook. */
function ledger(rows: Record<string, CellValue>[]): Map<string, TableData> {
  const body = rows.map((r) => HEADERS.map((h) => r[h] ?? null));
  return new Map([["tblDongGop", { name: "tblDongGop", sheet: "Đóng góp", range: { top: 0, left: 0, bottom: body.length, right: HEADERS.length - 1 }, headers: HEADERS, rows: body }]]);
}

let voucher = 0;
const row = (date: CellValue, kind: string, amount: CellValue, form = "Tiền mặt"): Record<string, CellValue> => ({
  "Ngày": typeof date === "string" && /^\d{4}-/.test(date) ? isoToSerial(date) : date,
  "Loại": kind,
  "Số chứng từ": `${kind === "Thu" ? "PT" : "PC"}-${++voucher}`,
  "Người, đơn vị": "Cá nhân mẫu",
  "Nhóm": "Cá nhân",
  "Hình thức": form,
  "Số tiền (đồng)": amount,
});

const overdrafts = (rows: Record<string, CellValue>[]) =>
  validateWorkbook(ledger(rows), "2022-01-05")
    .filter((i) => i.rule === "cash-negative")
    .map((i) => ({ cell: i.cell, balance: i.params.balance }));

describe("the cash balance, walked in date order", () => {
  it("finds the first payment that overdraws, in date order whatever the row order", () => {
    expect(overdrafts([row("2021-06-20", "Chi", 300_000), row("2021-06-01", "Thu", 200_000)])).toEqual([{ cell: "H2", balance: -100_000 }]);
  });

  it("an overdraft in June is found although a December row below it has a month-first date", () => {
    const rows = [row("2021-06-01", "Thu", 200_000), row("2021-06-20", "Chi", 300_000), row("12/25/2021", "Thu", 5_000_000)];
    expect(overdrafts(rows)).toEqual([{ cell: "H3", balance: -100_000 }]);
  });

  it("an overdraft before an unreadable amount is found; after it nothing is claimed", () => {
    expect(overdrafts([row("2021-06-01", "Thu", 200_000), row("2021-06-20", "Chi", 300_000), row("2021-07-01", "Thu", "nhiều")])).toEqual([{ cell: "H3", balance: -100_000 }]);
    // The unreadable receipt comes first: it may cover the payment, so nothing is said.
    expect(overdrafts([row("2021-06-01", "Thu", 200_000), row("2021-06-10", "Thu", "nhiều"), row("2021-06-20", "Chi", 300_000)])).toEqual([]);
  });

  it("a row whose date cannot be read stands where it was written: before it the walk goes on, after it it stops", () => {
    // Written after the June rows: June is still checked.
    expect(overdrafts([row("2021-06-01", "Thu", 100_000), row("2021-06-02", "Chi", 150_000), row("ngày mai", "Thu", 900_000)])).toEqual([{ cell: "H3", balance: -50_000 }]);
    // Written above every dated row: it may come first, so nothing is claimed.
    expect(overdrafts([row("ngày mai", "Thu", 900_000), row("2021-06-01", "Thu", 100_000), row("2021-06-02", "Chi", 150_000)])).toEqual([]);
  });

  it("past an unreadable amount the walk goes on: an overspend after it is told as uncertain, from the unreadable row", () => {
    // The issue's case: "một triệu" typed for an amount, then 34,050,000 spent three days later.
    const rows = [row("2021-06-01", "Thu", 5_000_000), row("2021-06-10", "Thu", "một triệu"), row("2021-06-13", "Chi", 39_050_000)];
    const found = validateWorkbook(ledger(rows), "2022-01-05").filter((i) => i.rule.startsWith("cash-negative"));
    expect(found.map((i) => [i.rule, i.severity, i.cell, i.params.balance, i.params.fromRow])).toEqual([["cash-negative-uncertain", "warning", "H4", -34_050_000, 3]]);
    expect(t(found[0]!.rule, found[0]!.params)).toContain("Số dư chưa chắc chắn từ dòng 3");
  });

  it("an amount kept as text that validation reads (1.000.000 đ) counts at its value", () => {
    expect(overdrafts([row("2021-06-01", "Thu", "1.000.000 đ"), row("2021-06-02", "Chi", 1_500_000)])).toEqual([{ cell: "H3", balance: -500_000 }]);
    expect(overdrafts([row("2021-06-01", "Thu", "1.000.000 đ"), row("2021-06-02", "Chi", 900_000)])).toEqual([]);
  });

  it("goods rows and money rows without an amount leave the balance as it is", () => {
    const goods = { ...row("2021-06-02", "Thu", null, "Hiện vật"), "Hiện vật": "Gạo", "Số lượng": 10 };
    expect(overdrafts([row("2021-06-01", "Thu", 100_000), goods, row("2021-06-03", "Chi", null), row("2021-06-04", "Chi", 100_000)])).toEqual([]);
  });
});

describe("headers and keys", () => {
  it("a duplicated header: the first column is read, the other reported once", () => {
    const book = ledger([row("2021-06-01", "Thu", 200_000), row("2021-06-02", "Chi", 100_000)]);
    const t = book.get("tblDongGop")!;
    t.headers = [...t.headers, "số tiền (đồng) "];
    t.range = { ...t.range, right: t.range.right + 1 };
    t.rows = t.rows.map((r) => [...r, "không phải số"]);
    const issues = validateWorkbook(book, "2022-01-05");
    expect(issues.filter((i) => i.rule !== "table-missing").map((i) => [i.rule, i.cell, i.params.first])).toEqual([["column-duplicate", `${String.fromCharCode(65 + HEADERS.length)}1`, "H1"]]);
  });

  it("every issue has its own key, missing columns of one table included", () => {
    const book = ledger([row("2021-06-01", "Thu", 200_000)]);
    const t = book.get("tblDongGop")!;
    const keep = [0, 1, 2, 3];
    t.headers = keep.map((i) => t.headers[i]!);
    t.rows = t.rows.map((r) => keep.map((i) => r[i] ?? null));
    t.range = { ...t.range, right: keep.length - 1 };
    const issues = validateWorkbook(book, "2022-01-05");
    expect(issues.filter((i) => i.rule === "column-missing").map((i) => i.params.header)).toEqual(HEADERS.slice(keep.length));
    expect(new Set(issues.map(issueKey)).size).toBe(issues.length);
  });

  it("messages print amounts the Vietnamese way", () => {
    const [issue] = validateWorkbook(ledger([row("2021-06-01", "Thu", 120_350_000), row("2021-06-02", "Chi", 1_000_000_000)]), "2022-01-05").filter((i) => i.rule === "cash-negative");
    expect(t(issue!.rule, issue!.params, "vi")).toContain("(-879.650.000 đồng)");
    expect(t(issue!.rule, issue!.params, "vi")).toContain("ngày 02/06/2021");
  });
});
