import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import fc from "fast-check";
import { XlsxWorkbook } from "../src/adapters/xlsx/xlsxWorkbook";
import { run } from "../src/cli/main";
import { serialToIso } from "../src/domain/dates";
import { categoryOf, reconcile, type LedgerBankRow } from "../src/domain/bank/match";
import { donorFromRemark, ledgerBankRows } from "../src/domain/bank/reconcileJob";
import { readStatement } from "../src/domain/bank/statement";
import { captureOutput } from "./helpers/output";

// Statements made here in the layouts banks export (no real person's data), reconciled with the
// sample ledger's bank rows.

const dir = mkdtempSync(path.join(tmpdir(), "bank-"));
const demo = path.join(dir, "demo.xlsx");
let ledger: LedgerBankRow[];

beforeAll(async () => {
  expect((await captureOutput(() => run(["demo", "--out", demo]))).code).toBe(0);
  ledger = ledgerBankRows(await (await XlsxWorkbook.fromBuffer(readFileSync(demo))).readTables(["tblDongGop"]));
  expect(ledger.length).toBeGreaterThan(20);
});

const vnDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
const shift = (iso: string, days: number) => serialToIso(Math.round((Date.parse(iso) - Date.UTC(1899, 11, 30)) / 86_400_000) + days)!;
const dots = (n: number) => Math.abs(n).toLocaleString("de-DE");
const fold = (s: string) => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[đĐ]/g, "D").toUpperCase();

interface Line { date: string; ref: string; amount: number; remark: string }

/** The statement of the ledger's first 20 bank rows, with what a real one also holds. */
function scenario(): { lines: Line[]; left: LedgerBankRow; extra: Line; near: Line; dup: Line; fee: Line; rev: Line[] } {
  const rows = ledger.slice(0, 20);
  const left = rows[3]!;
  const lines: Line[] = rows.filter((r) => r !== left).map((r, i) => ({
    // Some carry the voucher, some the name only (accents folded, as banks print), some neither.
    date: shift(r.date, i % 3 === 0 ? 1 : 0),
    ref: `FT21${String(100000 + i)}`,
    amount: r.amount,
    remark: i % 3 === 0 ? `MBVCB.${1000 + i}.${r.voucher}.ung ho quy` : i % 3 === 1 ? `CT tu 0123456789 ${fold(r.who)} chuyen tien ung ho` : "IBFT ung ho phong chong dich",
  }));
  const extra: Line = { date: rows[5]!.date, ref: "FT21999001", amount: 2_345_000, remark: "CT tu 0987654321 TRAN THI MAU chuyen tien ung ho" };
  const near: Line = { date: shift(left.date, 10), ref: "FT21999002", amount: left.amount, remark: "ung ho" };
  const dup: Line = { ...lines[2]! };
  const fee: Line = { date: rows[6]!.date, ref: "FEE0001", amount: -11_000, remark: "Phi quan ly tai khoan thang 6" };
  const rev: Line[] = [
    { date: rows[7]!.date, ref: "FT21999003", amount: -3_000_000, remark: "Chuyen tien nham" },
    { date: shift(rows[7]!.date, 1), ref: "FT21999004", amount: 3_000_000, remark: "Hoan tra giao dich FT21999003" },
  ];
  return { lines: [...lines, extra, near, dup, fee, ...rev], left, extra, near, dup, fee, rev };
}

/** Vietcombank-like: title rows with the account, Ghi nợ / Ghi có, totals and the closing balance below. */
async function vcbXlsx(lines: readonly Line[], file: string, account = "0123 456 789"): Promise<void> {
  const book = await XlsxWorkbook.empty();
  const cells: { row: number; col: number; value: string | number }[] = [];
  const put = (row: number, col: number, value: string | number) => cells.push({ row, col, value });
  put(0, 0, "NGÂN HÀNG TMCP NGOẠI THƯƠNG VIỆT NAM");
  put(1, 0, "SAO KÊ TÀI KHOẢN");
  put(2, 0, `Số tài khoản: ${account}`);
  put(3, 0, "Số dư đầu kỳ:");
  put(3, 2, 0);
  const headers = ["STT", "Ngày giao dịch", "Số tham chiếu", "Nội dung", "Ghi nợ", "Ghi có", "Số dư"];
  headers.forEach((h, c) => put(5, c, h));
  let balance = 0;
  lines.forEach((l, i) => {
    balance += l.amount;
    put(6 + i, 0, i + 1);
    put(6 + i, 1, `${vnDate(l.date)} 10:2${i % 10}:00`);
    put(6 + i, 2, l.ref);
    put(6 + i, 3, l.remark);
    if (l.amount < 0) put(6 + i, 4, -l.amount);
    else put(6 + i, 5, l.amount);
    put(6 + i, 6, balance);
  });
  const end = 6 + lines.length;
  put(end, 0, "Tổng cộng");
  put(end + 1, 0, "Số dư cuối kỳ:");
  put(end + 1, 2, balance);
  await book.applyGrids([{ sheet: "Sao kê", createSheet: true, cells }]);
  writeFileSync(file, await book.toBuffer());
}

/** BIDV-like CSV: one signed amount as text with dot thousands, semicolons, a BOM. */
function bidvCsv(lines: readonly Line[], file: string): void {
  const rows = ["\ufeffSố TK: 12010000999999;;;", "Ngày GD;Số CT;Mô tả;Số tiền;Số dư", ...lines.map((l) => `${vnDate(l.date)};${l.ref};"${l.remark.replace(/"/g, '""')}";${l.amount < 0 ? "-" : "+"}${dots(l.amount)};`)];
  writeFileSync(file, rows.join("\r\n"), "utf8");
}

describe("bank FILE STATEMENT… (sao kê)", () => {
  it("reads a Vietcombank-like statement and a BIDV-like CSV alike: the same lines, amounts signed, the totals row left out", async () => {
    const { lines } = scenario();
    const x = path.join(dir, "vcb.xlsx");
    const c = path.join(dir, "bidv.csv");
    await vcbXlsx(lines, x);
    bidvCsv(lines, c);
    const fromX = readStatement("vcb.xlsx", (await (await XlsxWorkbook.fromBuffer(readFileSync(x))).readRanges([{ sheet: "Sao kê", range: { top: 0, left: 0, bottom: 200, right: 7 } }]))[0]!);
    const { parseCsv, csvText } = await import("../src/domain/bank/csv");
    const fromC = readStatement("bidv.csv", parseCsv(csvText(readFileSync(c))!));
    const shape = (s: typeof fromX) => s.lines.map((l) => [l.date, l.reference, l.amount, l.remark]);
    expect(shape(fromX)).toEqual(lines.map((l) => [l.date, l.ref, l.amount, l.remark]));
    expect(shape(fromC)).toEqual(shape(fromX));
    expect([fromX.account, fromX.opening, fromX.closing, fromX.unreadable]).toEqual(["0123456789", 0, lines.reduce((s, l) => s + l.amount, 0), []]);
    expect(fromC.account).toBe("12010000999999");
  });

  it("matches one to one, and names what is only on one side, repeated, a fee or a returned transfer", async () => {
    const s = scenario();
    const file = path.join(dir, "xa.xlsx");
    writeFileSync(file, readFileSync(demo));
    const st = path.join(dir, "sao-ke.xlsx");
    await vcbXlsx(s.lines, st);
    const r = await captureOutput(() => run(["bank", file, st, "--account", "0123456789", "--json"]));
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as { matched: { statement: number; row: number; by: string }[]; statementOnly: { amount: number; reference: string; hint?: string }[]; ledgerOnly: { row: number }[]; duplicates: { reference: string }[]; fees: { reference: string }[]; reversed: { reference: string }[]; balances: { statement: number; ledger: number } };
    // Every ledger row of the statement's days but the one left out is matched, each once.
    expect(j.matched).toHaveLength(19);
    expect(new Set(j.matched.map((m) => m.row)).size).toBe(19);
    expect(j.matched.map((m) => m.by)).toEqual(expect.arrayContaining(["reference", "name", "amount"]));
    expect(j.statementOnly.map((x) => x.reference).sort()).toEqual(["FT21999001", "FT21999002"]);
    expect(j.statementOnly.find((x) => x.reference === "FT21999002")?.hint).toMatch(new RegExp(`cùng số tiền với dòng ${s.left.row} của sổ, cách 10 ngày`));
    expect(j.ledgerOnly.map((x) => x.row)).toContain(s.left.row);
    expect(j.duplicates.map((d) => d.reference)).toEqual([s.dup.ref]);
    expect(j.fees.map((d) => d.reference)).toEqual(["FEE0001"]);
    expect(j.reversed.map((d) => d.reference).sort()).toEqual(["FT21999003", "FT21999004"]);
    expect(j.balances.statement).toBe(s.lines.reduce((a, l) => a + l.amount, 0));
    const book = await XlsxWorkbook.fromBuffer(readFileSync(file));
    expect((await book.summarize()).sheets.map((x) => x.name)).toContain("Đối chiếu sao kê");
    // A statement of another account is refused by name, nothing written.
    const before = readFileSync(file);
    const other = await captureOutput(() => run(["bank", file, st, "--account", "999888777"]));
    expect([other.code, other.stderr.includes("là của tài khoản 0123456789, không phải tài khoản 999888777")]).toEqual([1, true]);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it("--apply adds the statement's credits the ledger lacks, with their reference and the sender read from the remark, logged; nothing existing changes", async () => {
    const s = scenario();
    const file = path.join(dir, "xa-apply.xlsx");
    writeFileSync(file, readFileSync(demo));
    const st = path.join(dir, "sao-ke-2.xlsx");
    await vcbXlsx(s.lines, st);
    const before = (await (await XlsxWorkbook.fromBuffer(readFileSync(file))).readTables(["tblDongGop"])).get("tblDongGop")!;
    const r = await captureOutput(() => run(["bank", file, st, "--apply", "--json"]));
    expect(r.code).toBe(0);
    const after = await (await XlsxWorkbook.fromBuffer(readFileSync(file))).readTables(["tblDongGop", "tblNhatKy"]);
    const ledgerAfter = after.get("tblDongGop")!;
    expect(ledgerAfter.rows.slice(0, before.rows.length)).toEqual(before.rows);
    const added = ledgerAfter.rows.slice(before.rows.length);
    const col = (h: string) => ledgerAfter.headers.indexOf(h);
    // The credit the ledger lacks is added; the one that nearly matches a ledger row (same amount, ten days off) is left for the accountant.
    expect(added.map((x) => [x[col("Số chứng từ")], x[col("Người, đơn vị")], x[col("Hình thức")], x[col("Số tiền (đồng)")], x[col("Thôn")] ?? null])).toEqual([["FT21999001", "TRAN THI MAU", "Chuyển khoản", 2_345_000, null]]);
    expect(after.get("tblNhatKy")!.rows.filter((x) => typeof x[6] === "string" && x[6].startsWith("Dòng mới từ sao kê"))).toHaveLength(1);
    // Reconciled again after adding: of the statement's credits only the near miss is still outside the ledger.
    const j = JSON.parse(r.stdout) as { statementOnly: { amount: number; reference: string; hint?: string }[] };
    expect(j.statementOnly.filter((x) => x.amount > 0).map((x) => [x.reference, x.hint !== undefined])).toEqual([["FT21999002", true]]);
  });

  it("records each statement reconciled; the disclosure list then says with which statement and to which day", async () => {
    const s = scenario();
    const file = path.join(dir, "xa-ghi.xlsx");
    writeFileSync(file, readFileSync(demo));
    const st = path.join(dir, "sao-ke-3.xlsx");
    await vcbXlsx(s.lines, st);
    expect((await captureOutput(() => run(["bank", file, st, "--today", "2021-08-01"]))).code).toBe(0);
    const rec = (await (await XlsxWorkbook.fromBuffer(readFileSync(file))).readTables(["tblSaoKe"])).get("tblSaoKe")!;
    expect(rec.rows).toHaveLength(1);
    expect(rec.rows[0]!.slice(1, 3)).toEqual(["0123456789", "sao-ke-3.xlsx"]);
    const { disclosurePaper } = await import("../src/domain/report/disclosure");
    const { parsePeriod } = await import("../src/domain/period");
    const paper = await disclosurePaper(await XlsxWorkbook.fromBuffer(readFileSync(file)), parsePeriod("2021"), "2022-01-05");
    const text = JSON.stringify(paper.docs[0]!.blocks);
    expect(text).toContain("Các khoản chuyển khoản trong danh sách đã được đối chiếu với sao kê của ngân hàng (tài khoản 0123456789), tệp sao-ke-3.xlsx, đến ngày");
    expect(text).toContain("chưa đến hết kỳ, ngày 31/12/2021");
    // Without a reconciliation, the list says so.
    const plain = await disclosurePaper(await XlsxWorkbook.fromBuffer(readFileSync(demo)), parsePeriod("2021"), "2022-01-05");
    expect(JSON.stringify(plain.docs[0]!.blocks)).toContain("chưa được đối chiếu với sao kê của ngân hàng");
    // The report of the period says the same, in its part on donations.
    const { reportPaper } = await import("../src/domain/report/addReport");
    const report = JSON.stringify((await reportPaper(await XlsxWorkbook.fromBuffer(readFileSync(file)), parsePeriod("2021"), "2022-01-05")).doc.blocks);
    expect(report).toContain("Các khoản chuyển khoản trong kỳ đã được đối chiếu với sao kê của ngân hàng (tài khoản 0123456789), tệp sao-ke-3.xlsx, đến ngày");
    expect(JSON.stringify((await reportPaper(await XlsxWorkbook.fromBuffer(readFileSync(demo)), parsePeriod("2021"), "2022-01-05")).doc.blocks)).toContain("Các khoản chuyển khoản trong kỳ chưa được đối chiếu");
  });

  it("refreshes the sheet 'Đối chiếu sao kê' in place while nobody changed it; once changed by hand, keeps it and writes beside it", async () => {
    const s = scenario();
    const file = path.join(dir, "xa-lam-moi.xlsx");
    writeFileSync(file, readFileSync(demo));
    const st = path.join(dir, "sao-ke-lam-moi.xlsx");
    await vcbXlsx(s.lines, st);
    const sheetsOf = async () => (await (await XlsxWorkbook.fromBuffer(readFileSync(file))).summarize()).sheets.map((x) => x.name);
    const marks = async () => (await (await XlsxWorkbook.fromBuffer(readFileSync(file))).readTables(["tblSaoKe"])).get("tblSaoKe")!.rows.map((r) => r.slice(-2));
    expect((await captureOutput(() => run(["bank", file, st, "--today", "2021-08-01"]))).code).toBe(0);
    const first = await sheetsOf();
    // Again, after adding the missing credit: the same sheet, now saying the line is matched; no second sheet.
    const again = await captureOutput(() => run(["bank", file, st, "--apply", "--today", "2021-08-02"]));
    expect(again.code).toBe(0);
    expect(await sheetsOf()).toEqual([...first, "Nhật ký cập nhật"]);
    const book = await XlsxWorkbook.fromBuffer(readFileSync(file));
    const { cellsMark } = await import("../src/domain/paperMark");
    const used = (await book.summarize()).sheets.find((x) => x.name === "Đối chiếu sao kê")!.usedRange!;
    const [cells] = await book.readRanges([{ sheet: "Đối chiếu sao kê", range: { top: 0, left: 0, bottom: used.bottom, right: used.right } }]);
    // The sheet holds what the second reconciliation wrote, and only that: its mark is the one recorded.
    const recorded = await marks();
    expect(recorded).toHaveLength(2);
    expect(recorded[1]![0]).toBe("Đối chiếu sao kê");
    expect(cellsMark(cells!)).toBe(recorded[1]![1]);
    expect(JSON.stringify(cells)).toContain("Có trong sao kê, chưa có trong sổ");
    // One print area and one set of title rows for the sheet, not the first one's left over.
    const JSZip = (await import("jszip")).default;
    const wb = await (await JSZip.loadAsync(readFileSync(file))).file("xl/workbook.xml")!.async("string");
    const index = first.indexOf("Đối chiếu sao kê");
    expect(wb.split(`<definedName name="_xlnm.Print_Area" localSheetId="${index}">`).length - 1).toBe(1);
    // A note typed on the sheet by the accountant: the next run keeps the sheet and writes beside it.
    await book.updateCells([{ sheet: "Đối chiếu sao kê", row: used.bottom + 2, col: 0, expected: null, value: "Đã rà soát, chị Hoa" }]);
    writeFileSync(file, await book.toVerifiedBuffer());
    const third = await captureOutput(() => run(["bank", file, st, "--today", "2021-08-03"]));
    expect(third.code).toBe(0);
    expect(third.stderr).toContain('Trang "Đối chiếu sao kê" đã được sửa tay sau lần đối chiếu trước: giữ nguyên, kết quả mới ghi ở trang "Đối chiếu sao kê (2)".');
    expect(await sheetsOf()).toEqual([...first, "Nhật ký cập nhật", "Đối chiếu sao kê (2)"]);
    const kept = await XlsxWorkbook.fromBuffer(readFileSync(file));
    const [after] = await kept.readRanges([{ sheet: "Đối chiếu sao kê", range: { top: 0, left: 0, bottom: used.bottom + 2, right: used.right } }]);
    expect(after!.slice(0, used.bottom + 1)).toEqual(cells);
    expect(after![used.bottom + 2]![0]).toBe("Đã rà soát, chị Hoa");
  });

  it("remembers the columns read from an account's statement for the next one whose headers say nothing", async () => {
    const s = scenario();
    const file = path.join(dir, "xa-nho.xlsx");
    writeFileSync(file, readFileSync(demo));
    // A bank whose headers are codes: the first statement needs --map, the next is read by the record.
    const odd = async (name: string, lines: readonly Line[]) => {
      const book = await XlsxWorkbook.empty();
      const cells: { row: number; col: number; value: string | number }[] = [{ row: 0, col: 0, value: "Tài khoản: 5555 6666 77" }, ...["C01", "C02", "C03", "C04", "C05"].map((h, c) => ({ row: 1, col: c, value: h }))];
      lines.forEach((l, i) => cells.push({ row: 2 + i, col: 0, value: vnDate(l.date) }, { row: 2 + i, col: 1, value: l.ref }, { row: 2 + i, col: 2, value: l.remark }, { row: 2 + i, col: 3, value: l.amount }));
      await book.applyGrids([{ sheet: "S", createSheet: true, cells }]);
      writeFileSync(path.join(dir, name), await book.toBuffer());
      return path.join(dir, name);
    };
    const first = await odd("thang-6.xlsx", s.lines.slice(0, 8));
    const refused = await captureOutput(() => run(["bank", file, first]));
    expect([refused.code, refused.stderr.includes("Hãy chỉ rõ bằng --map")]).toEqual([1, true]);
    expect((await captureOutput(() => run(["bank", file, first, "--map", "date=A,reference=B,remark=C,amount=D"]))).code).toBe(0);
    const second = await odd("thang-7.xlsx", s.lines.slice(8, 16));
    const r = await captureOutput(() => run(["bank", file, second, "--json"]));
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("dùng các cột đã ghi nhớ cho tài khoản 5555666677 (date=A,reference=B,remark=C,amount=D)");
    expect((JSON.parse(r.stdout) as { matched: unknown[] }).matched.length).toBeGreaterThan(0);
  });

  it("reads the sender from a remark as banks write it", () => {
    expect(donorFromRemark("CT tu 0123456789 NGUYEN VAN AN chuyen tien ung ho")).toBe("NGUYEN VAN AN");
    expect(donorFromRemark("MBVCB.1234567.012345.LE THI HOA chuyen tien")).toBe("LE THI HOA");
    expect(donorFromRemark("Cong ty TNHH Minh Phat ung ho quy")).toBe("Cong ty TNHH Minh Phat");
  });

  it("every statement line ends in exactly one category, and the categories add up to the statement's totals (property)", () => {
    const day = fc.integer({ min: 0, max: 60 }).map((d) => shift("2021-07-01", d));
    const amount = fc.integer({ min: 1, max: 50 }).map((k) => k * 50_000);
    const line = fc.record({ date: day, amount: fc.tuple(amount, fc.boolean()).map(([a, out]) => (out ? -a : a)), ref: fc.constantFrom("", "FT1", "FT2", "FT3", "REF9"), remark: fc.constantFrom("ung ho", "Phi dich vu", "Hoan tra giao dich", "CT tu 0123 NGUYEN VAN AN", "") });
    const row = fc.record({ date: day, amount, voucher: fc.constantFrom("", "PT-1", "FT2"), who: fc.constantFrom("Nguyễn Văn An", "Hộ bà Lê", "") });
    fc.assert(
      fc.property(fc.array(line, { maxLength: 60 }), fc.array(row, { maxLength: 60 }), (ls, rs) => {
        const lines = ls.map((l, i) => ({ line: i + 2, date: l.date, reference: l.ref, amount: l.amount, remark: l.remark }));
        const ledgerRows = rs.map((r, i) => ({ ...r, row: i + 2 }));
        const res = reconcile(lines, ledgerRows);
        const cats = categoryOf(res);
        expect(cats.size).toBe(lines.length);
        const counted = res.matched.length + res.statementOnly.length + res.duplicates.length + res.fees.length + res.reversed.length;
        expect(counted).toBe(lines.length);
        const total = lines.reduce((s, l) => s + l.amount, 0);
        const byCat = [...cats].reduce((s, [l]) => s + l.amount, 0);
        expect(byCat).toBe(total);
        // One to one: no ledger row twice, and the matched and the ledger-only rows are all the rows.
        const used = res.matched.map((m) => m.ledger);
        expect(new Set(used).size).toBe(used.length);
        expect(used.length + res.ledgerOnly.length).toBe(ledgerRows.length);
      }),
      { numRuns: 200 },
    );
  });
});
