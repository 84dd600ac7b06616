import fc from "fast-check";
import { isoToSerial, serialToIso } from "../../../src/domain/dates";
import type { CellValue } from "../../../src/domain/grid";
import { figuresForPeriod } from "../../../src/domain/report/figures";
import { parsePeriod } from "../../../src/domain/period";
import { AWARD_FORMS, DONOR_GROUPS, NOMINATION_STATES, NOMINEE_KINDS, TASK_STATES } from "../../../src/domain/sheets/enums";
import { tableSpec } from "../../../src/domain/sheets/specs";
import type { TableData } from "../../../src/domain/workbook";

const VILLAGES = ["Thôn mẫu 1", "Thôn mẫu 2", "Thôn mẫu 3"];
const UNITS = ["Công an xã", "Trường học"];
const day2021 = fc.integer({ min: 0, max: 364 }).map((d) => isoToSerial("2021-01-01") + d);

type Row = Record<string, CellValue>;

function table(name: string, sheet: string, rows: Row[]): TableData {
  const headers = tableSpec(name).columns.map((c) => c.header);
  return { name, sheet, headers, range: { top: 0, left: 0, bottom: rows.length, right: headers.length - 1 }, rows: rows.map((r) => headers.map((h) => r[h] ?? null)) };
}

const ledgerRow: fc.Arbitrary<Row> = fc
  .record({
    "Ngày": day2021,
    "Loại": fc.constantFrom("Thu", "Chi"),
    "Người, đơn vị": fc.constantFrom("Cá nhân mẫu 1", "Doanh nghiệp mẫu 2", "cá nhân mẫu 1", "Hộ gia đình mẫu 3"),
    "Nhóm": fc.constantFrom(...DONOR_GROUPS),
    "Hình thức": fc.constantFrom("Tiền mặt", "Chuyển khoản", "Hiện vật"),
    "Nội dung": fc.constantFrom("Mua vật tư y tế", " Mua vật tư y tế ", "Hỗ trợ khu cách ly", ""),
    amount: fc.integer({ min: 1, max: 50_000_000 }),
  })
  .map(({ amount, ...r }): Row => (r["Hình thức"] === "Hiện vật" ? { ...r, "Hiện vật": "Gạo", "Số lượng": 10, "Giá trị hiện vật (đồng)": amount } : { ...r, "Số tiền (đồng)": amount }));

const pledgeRow: fc.Arbitrary<Row> = fc.record({
  "Thôn, đơn vị": fc.constantFrom(...VILLAGES, ...UNITS),
  "Ngày cập nhật": day2021,
  "Số hộ": fc.integer({ min: 0, max: 500 }),
  "Số hộ đã ký": fc.integer({ min: 0, max: 500 }),
  "Số HS, SV đã ký": fc.integer({ min: 0, max: 900 }),
  "Số CB, CC, VC đã ký": fc.integer({ min: 0, max: 50 }),
  "Số CN, NLĐ đã ký": fc.integer({ min: 0, max: 300 }),
});

const taskRow: fc.Arbitrary<Row> = fc.record({
  "Đơn vị": fc.constantFrom(...UNITS),
  "Nội dung nhiệm vụ": fc.constant("Nhiệm vụ mẫu"),
  "Hạn hoàn thành": fc.option(day2021, { nil: null }),
  "Trạng thái": fc.constantFrom(...TASK_STATES),
  "Ngày hoàn thành": fc.option(day2021, { nil: null }),
});

const nominationRow: fc.Arbitrary<Row> = fc.record({
  "Đối tượng": fc.constantFrom(...NOMINEE_KINDS),
  "Tên tập thể, cá nhân": fc.constantFrom("A", "B", "C"),
  "Đơn vị, thôn": fc.constantFrom(...VILLAGES),
  "Hình thức khen thưởng": fc.constantFrom(...AWARD_FORMS),
  "Cấp khen": fc.constant("Chủ tịch UBND xã"),
  "Ngày đề nghị": day2021,
  "Trạng thái": fc.constantFrom(...NOMINATION_STATES),
});

interface Book {
  ledger: Row[];
  pledges: Row[];
  tasks: Row[];
  nominations: Row[];
}

const workbook: fc.Arbitrary<Book> = fc.record({
  ledger: fc.array(ledgerRow, { maxLength: 60 }),
  pledges: fc.array(pledgeRow, { maxLength: 30 }),
  tasks: fc.array(taskRow, { maxLength: 20 }),
  nominations: fc.array(nominationRow, { maxLength: 20 }),
});

function tablesOf(w: Book): Map<string, TableData> {
  return new Map<string, TableData>([
    ["tblThon", table("tblThon", "Danh mục", VILLAGES.map((v) => ({ "Thôn": v })))],
    ["tblDonVi", table("tblDonVi", "Danh mục", UNITS.map((u) => ({ "Đơn vị": u })))],
    ["tblDongGop", table("tblDongGop", "Đóng góp", w.ledger)],
    ["tblCamKet", table("tblCamKet", "Cam kết", w.pledges)],
    ["tblNhiemVu", table("tblNhiemVu", "Nhiệm vụ", w.tasks)],
    ["tblKhenThuong", table("tblKhenThuong", "Khen thưởng", w.nominations)],
  ]);
}

const serialIso = (serial: number) => serialToIso(serial) as string;

const S1 = parsePeriod("2021-S1");
const S2 = parsePeriod("2021-S2");
const YEAR = parsePeriod("2021");

describe("report figures (properties)", () => {
  it("pledges per place are each place's latest update up to the period's end, computed here a second way", () => {
    fc.assert(
      fc.property(workbook, fc.integer({ min: 0, max: 364 }), (w, cut) => {
        const to = isoToSerial("2021-01-01") + cut;
        const period = parsePeriod(`2021-01-01..${serialIso(to)}`);
        const { pledges } = figuresForPeriod(tablesOf(w), period);
        // A reference written for this test: for each place, of its rows dated up to `to`, the
        // latest date, and among those the lowest row (DOMAIN.md: ties, the lower row wins).
        const expected = new Map<string, Row>();
        w.pledges.forEach((r) => {
          const d = r["Ngày cập nhật"] as number;
          if (d > to) return;
          const place = r["Thôn, đơn vị"] as string;
          const prev = expected.get(place);
          if (!prev || d >= (prev["Ngày cập nhật"] as number)) expected.set(place, r);
        });
        for (const [place, r] of expected) {
          const got = pledges.byPlace.find((p) => p.place === place);
          expect([place, got?.households, got?.householdsSigned, got?.students]).toEqual([place, r["Số hộ"], r["Số hộ đã ký"], r["Số HS, SV đã ký"]]);
        }
        // Places without an update by then count nothing.
        for (const p of pledges.byPlace) if (!expected.has(p.place)) expect([p.place, p.households, p.householdsSigned]).toEqual([p.place, 0, 0]);
      }),
    );
  });

  it("S1 + S2 = the year for every flow; closing cash of S1 is opening cash of S2", () => {
    fc.assert(
      fc.property(workbook, (w) => {
        const t = tablesOf(w);
        const [a, b, y] = [figuresForPeriod(t, S1), figuresForPeriod(t, S2), figuresForPeriod(t, YEAR)];
        for (const k of ["receivedMoney", "receivedGoodsValue", "disbursedMoney", "disbursedGoodsValue"] as const) {
          expect(a.donations[k] + b.donations[k]).toBe(y.donations[k]);
          expect(Number.isSafeInteger(y.donations[k])).toBe(true);
        }
        expect(a.donations.closingCash).toBe(b.donations.openingCash);
        expect(b.donations.closingCash).toBe(y.donations.closingCash);
        expect(a.nominations.total + b.nominations.total).toBe(y.nominations.total);
        for (const part of ["byKind", "byForm", "byStatus"] as const) {
          for (const k of Object.keys(y.nominations[part])) expect((a.nominations[part][k] ?? 0) + (b.nominations[part][k] ?? 0)).toBe(y.nominations[part][k]);
        }
        // Month by month: the months of S1 then of S2 are those of the year, and each period's months add up to its flows.
        expect([...a.moneyByMonth, ...b.moneyByMonth]).toEqual(y.moneyByMonth);
        for (const f of [a, b, y]) {
          expect(f.moneyByMonth.reduce((n, m) => n + m.receivedMoney, 0)).toBe(f.donations.receivedMoney);
          expect(f.moneyByMonth.reduce((n, m) => n + m.disbursedMoney, 0)).toBe(f.donations.disbursedMoney);
        }
        expect(y.moneyByMonth.map((m) => m.month)).toEqual(["01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12"].map((m) => `2021-${m}`));
        y.donations.byGroup.forEach((g, i) => {
          expect(a.donations.byGroup[i]!.money + b.donations.byGroup[i]!.money).toBe(g.money);
          expect(a.donations.byGroup[i]!.count + b.donations.byGroup[i]!.count).toBe(g.count);
        });
      }),
    );
  });

  it("cash and bank, goods, spending by purpose and awards, computed here a second way from the rows", () => {
    fc.assert(
      fc.property(workbook, fc.constantFrom(S1, S2, YEAR), (w, period) => {
        const f = figuresForPeriod(tablesOf(w), period);
        const [from, to] = [isoToSerial(period.from), isoToSerial(period.to)];
        const signed = (r: Row) => (r["Loại"] === "Thu" ? 1 : -1) * ((r["Số tiền (đồng)"] as number | undefined) ?? 0);
        const account = (form: string) => {
          const rows = w.ledger.filter((r) => r["Hình thức"] === form);
          const inPeriod = rows.filter((r) => (r["Ngày"] as number) >= from && (r["Ngày"] as number) <= to);
          const opening = rows.filter((r) => (r["Ngày"] as number) < from).reduce((n, r) => n + signed(r), 0);
          const received = inPeriod.filter((r) => r["Loại"] === "Thu").reduce((n, r) => n + (r["Số tiền (đồng)"] as number), 0);
          const spent = inPeriod.filter((r) => r["Loại"] === "Chi").reduce((n, r) => n + (r["Số tiền (đồng)"] as number), 0);
          return { opening, received, spent, closing: opening + received - spent };
        };
        expect(f.donations.cash).toEqual(account("Tiền mặt"));
        expect(f.donations.bank).toEqual(account("Chuyển khoản"));
        expect(f.donations.cash.closing + f.donations.bank.closing).toBe(f.donations.closingCash);
        expect(f.donations.cash.opening + f.donations.bank.opening).toBe(f.donations.openingCash);
        const goods = w.ledger.filter((r) => r["Hình thức"] === "Hiện vật" && (r["Ngày"] as number) >= from && (r["Ngày"] as number) <= to);
        const value = (rs: Row[]) => rs.reduce((n, r) => n + (r["Giá trị hiện vật (đồng)"] as number), 0);
        expect(f.donations.goods).toEqual({ receivedValue: value(goods.filter((r) => r["Loại"] === "Thu")), distributedValue: value(goods.filter((r) => r["Loại"] === "Chi")) });
        // Spending by purpose: trimmed purposes, every đồng of money and goods spent once.
        const spentRows = w.ledger.filter((r) => r["Loại"] === "Chi" && (r["Ngày"] as number) >= from && (r["Ngày"] as number) <= to);
        const purposes = new Set(spentRows.map((r) => (r["Nội dung"] as string).trim() || "Chưa ghi nội dung"));
        expect(new Set(f.donations.byPurpose.map((p) => p.purpose))).toEqual(purposes);
        expect(f.donations.byPurpose.reduce((n, p) => n + p.money, 0)).toBe(f.donations.disbursedMoney);
        expect(f.donations.byPurpose.reduce((n, p) => n + p.goodsValue, 0)).toBe(f.donations.disbursedGoodsValue);
        const awarded = w.nominations.filter((r) => r["Trạng thái"] === "Đã khen thưởng" && (r["Ngày đề nghị"] as number) >= from && (r["Ngày đề nghị"] as number) <= to);
        expect(f.nominations.awarded.total).toBe(awarded.length);
        for (const form of AWARD_FORMS) expect(f.nominations.awarded.byForm[form] ?? 0).toBe(awarded.filter((r) => r["Hình thức khen thưởng"] === form).length);
      }),
    );
  });

  it("row order does not change the figures when no two updates of a place share a date", () => {
    fc.assert(
      fc.property(workbook, fc.integer({ min: 0, max: 100_000 }), (w, seed) => {
        const pledges = w.pledges.filter((p, i, all) => all.findIndex((q) => q["Thôn, đơn vị"] === p["Thôn, đơn vị"] && q["Ngày cập nhật"] === p["Ngày cập nhật"]) === i);
        const unique: Book = { ...w, pledges };
        const shuffle = <T,>(xs: T[]) => xs.map((x, i) => [x, (i * 7919 + seed) % 104729] as const).sort((p, q) => p[1] - q[1]).map(([x]) => x);
        const shuffled: Book = { ledger: shuffle(unique.ledger), pledges: shuffle(unique.pledges), tasks: shuffle(unique.tasks), nominations: shuffle(unique.nominations) };
        expect(figuresForPeriod(tablesOf(shuffled), YEAR)).toEqual(figuresForPeriod(tablesOf(unique), YEAR));
      }),
    );
  });

  it("a tie on the date goes to the row further down the sheet", () => {
    const p = (signed: number): Row => ({ "Thôn, đơn vị": "Thôn mẫu 1", "Ngày cập nhật": isoToSerial("2021-06-20"), "Số hộ": 100, "Số hộ đã ký": signed });
    const f = figuresForPeriod(tablesOf({ ledger: [], pledges: [p(40), p(60)], tasks: [], nominations: [] }), YEAR);
    expect(f.pledges.byPlace).toEqual([{ place: "Thôn mẫu 1", asOf: "2021-06-20", households: 100, householdsSigned: 60, students: 0, officials: 0, workers: 0 }]);
  });

  it("a period with no data gives zeros, not errors", () => {
    const f = figuresForPeriod(tablesOf({ ledger: [], pledges: [], tasks: [], nominations: [] }), S1);
    expect(f.tasks).toMatchObject({ total: 0, doneOnTime: 0, doneLate: 0, overdue: 0, open: 0 });
    expect(f.pledges.total).toEqual({ households: 0, householdsSigned: 0, students: 0, officials: 0, workers: 0, householdRate: null });
    expect(f.donations).toMatchObject({ openingCash: 0, receivedMoney: 0, closingCash: 0, donors: 0 });
    expect(f.nominations.total).toBe(0);
    expect(f.excludedRows).toBe(0);
  });
});
