import { OfficeWorkbook, WorkbookLockedError } from "../../src/adapters/office/officeWorkbook";
import { closePeriod, lockClosedRows, reopenPeriod } from "../../src/domain/close/closeJob";
import { isoToSerial } from "../../src/domain/dates";
import { parsePeriod } from "../../src/domain/period";
import { chauSonPlan } from "../../src/domain/sample/chauSonPlan";
import { applyTemplates } from "../../src/domain/template/applyTemplates";
import { BASE_ROWS } from "../fixtures/base";
import { FakeExcel } from "../fakes/excel/workbook";
import { cellLocked } from "../fakes/excel/state";

/**
 * The closed rows locked inside Excel (on the strict fake): the sheet protected without a password,
 * the header and the closed period's rows locked, every other cell editable; the lock kept in step
 * when a period is reopened, lifted on request; a sheet protected with a password left as it is.
 */

async function closedBook(): Promise<{ fake: FakeExcel; office: OfficeWorkbook }> {
  const fake = new FakeExcel();
  const office = new OfficeWorkbook(fake.run, fake.requirements);
  await applyTemplates(office, chauSonPlan, BASE_ROWS);
  await closePeriod(office, parsePeriod("2021-S1"), { today: "2021-07-05", lock: { now: "05/07/2021 08:00" } });
  return { fake, office };
}

const ledgerOf = async (office: OfficeWorkbook) => (await office.readTables(["tblDongGop"])).get("tblDongGop")!;

describe("the closed rows locked inside Excel", () => {
  it("locks the header and the closed rows in the table's columns, leaves the rest editable, and the add-in's writes respect it", async () => {
    const { fake, office } = await closedBook();
    const ledger = await ledgerOf(office);
    const sheet = fake.state.sheet(ledger.sheet)!;
    expect(sheet.protected).toBe(true);
    expect(sheet.password).toBeUndefined();
    const dateCol = ledger.headers.indexOf("Ngày");
    const amountCol = ledger.headers.indexOf("Số tiền (đồng)");
    const closed = ledger.rows.findIndex((r) => typeof r[dateCol] === "number" && r[dateCol] <= isoToSerial("2021-06-30"));
    const open = ledger.rows.findIndex((r) => typeof r[dateCol] === "number" && r[dateCol] > isoToSerial("2021-06-30"));
    expect([closed, open].every((i) => i >= 0)).toBe(true);
    const { top, left, right } = ledger.range;
    for (let c = left; c <= right; c++) {
      expect(cellLocked(sheet, top, c)).toBe(true);
      expect(cellLocked(sheet, top + 1 + closed, c)).toBe(true);
      expect(cellLocked(sheet, top + 1 + open, c)).toBe(false);
    }
    expect(cellLocked(sheet, top + 1 + closed, right + 2)).toBe(false);
    expect(cellLocked(sheet, ledger.range.bottom + 5, left)).toBe(false);
    // An open row's cell is written; a closed row's is refused before anything is written.
    const at = (i: number) => ({ sheet: ledger.sheet, row: top + 1 + i, col: left + amountCol, expected: ledger.rows[i]![amountCol] ?? null });
    expect((await office.updateCells([{ ...at(open), value: 123_000 }])).applied).toBe(1);
    await expect(office.updateCells([{ ...at(closed), value: 456_000 }])).rejects.toBeInstanceOf(WorkbookLockedError);
    expect((await ledgerOf(office)).rows[closed]![amountCol]).toBe(ledger.rows[closed]![amountCol]);
    // Reopened: its rows editable again, and with no period closed the protection is lifted.
    await reopenPeriod(office, parsePeriod("2021-S1"), { today: "2021-07-20", now: "20/07/2021 08:00", reason: "Sửa phiếu thu" });
    expect(sheet.protected).toBe(false);
    // Locked again after closing; then unlocked on request.
    await closePeriod(office, parsePeriod("2021-S1"), { today: "2021-07-21" });
    expect(sheet.protected).toBe(false);
    expect((await lockClosedRows(office, "lock", { now: "21/07/2021 08:00" })).rows).toBeGreaterThan(0);
    expect(sheet.protected).toBe(true);
    await lockClosedRows(office, "unlock", { now: "21/07/2021 08:00" });
    expect(sheet.protected).toBe(false);
  });

  it("a sheet protected with a password: refused, and every sheet left as it was", async () => {
    const { fake, office } = await closedBook();
    await lockClosedRows(office, "unlock", { now: "21/07/2021 08:00" });
    const pledges = fake.state.sheet((await office.readTables(["tblCamKet"])).get("tblCamKet")!.sheet)!;
    const ledger = fake.state.sheet((await ledgerOf(office)).sheet)!;
    pledges.protected = true;
    pledges.password = "mật khẩu";
    ledger.protected = true;
    await expect(lockClosedRows(office, "lock", { now: "21/07/2021 08:00" })).rejects.toBeInstanceOf(WorkbookLockedError);
    expect([ledger.protected, pledges.protected, pledges.password]).toEqual([true, true, "mật khẩu"]);
  });
});
