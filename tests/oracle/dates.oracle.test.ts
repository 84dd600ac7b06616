import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import JSZip from "jszip";
import { XlsxWorkbook } from "../../src/adapters/xlsx/xlsxWorkbook";
import { chauSonPlan } from "../../src/domain/sample/chauSonPlan";
import { addReport } from "../../src/domain/report/addReport";
import { parsePeriod } from "../../src/domain/period";
import { applyTemplates } from "../../src/domain/template/applyTemplates";
import { BASE_ROWS } from "../fixtures/base";
import { asFlatOds, describeWithLibreOffice } from "../helpers/libreoffice";

const dir = mkdtempSync(path.join(tmpdir(), "dates-oracle-"));

/** A user's workbook of one sheet, in the 1900 or the 1904 date system. */
async function userBook(date1904: boolean): Promise<Uint8Array> {
  const seed = await XlsxWorkbook.empty();
  await seed.applyGrids([{ sheet: "Sổ riêng", createSheet: true, cells: [{ row: 0, col: 0, value: "Ghi chép" }] }]);
  const zip = await JSZip.loadAsync(await seed.toBuffer());
  if (date1904) zip.file("xl/workbook.xml", (await zip.file("xl/workbook.xml")!.async("string")).replace("<workbookPr ", '<workbookPr date1904="1" '));
  return zip.generateAsync({ type: "uint8array" });
}

const DAY = 86_400_000;
const isoPlus = (nullDate: string, days: number) => new Date(Date.parse(`${nullDate}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

/** What LibreOffice understood: its null date, each date rule's bounds as dates, and every date it shows in a column with a rule. */
function understood(fods: string) {
  const nullDate = /<table:null-date table:date-value="([\d-]+)"/.exec(fods)?.[1] ?? "1899-12-30";
  const rules = [...fods.matchAll(/table:condition="of:cell-content-is-date\(\) and cell-content-is-between\(([-\d.]+),([-\d.]+)\)"/g)].map((m) => [
    isoPlus(nullDate, Number(m[1])),
    isoPlus(nullDate, Number(m[2])),
  ]);
  const typed = [...fods.matchAll(/table:content-validation-name="(val\d+)"[^>]*office:value-type="date" office:date-value="([\d-]+)/g)].map((m) => m[2]!.slice(0, 10));
  return { nullDate, rules, typed };
}

describeWithLibreOffice("LibreOffice reads the dates and date rules the adapter writes, in both date systems", () => {
  it.each([false, true])("1904 system: %s. Date rules run from 01/01/2000 to 31/12/2100 and the dates typed in those columns pass them", async (date1904) => {
    const port = await XlsxWorkbook.fromBuffer(await userBook(date1904));
    await applyTemplates(port, chauSonPlan, BASE_ROWS);
    await addReport(port, parsePeriod("2021"), "2022-01-05");
    const file = path.join(dir, `book-${date1904 ? "1904" : "1900"}.xlsx`);
    writeFileSync(file, await port.toVerifiedBuffer());
    const seen = understood(asFlatOds(file, dir));
    expect(seen.nullDate).toBe(date1904 ? "1904-01-01" : "1899-12-30");
    // One rule per date column: two on Nhiệm vụ, one each on Cam kết, Đóng góp, Khen thưởng and Kế hoạch.
    expect(seen.rules).toHaveLength(6);
    for (const r of seen.rules) expect(r).toEqual(["2000-01-01", "2100-12-31"]);
    // The ledger's and the pledges' dates as LibreOffice shows them, each inside its column's rule.
    expect(seen.typed).toEqual(expect.arrayContaining(["2021-06-15", "2021-06-16", "2021-06-20", "2021-07-01", "2021-07-31"]));
    for (const d of seen.typed) expect(d >= "2000-01-01" && d <= "2100-12-31").toBe(true);
  });

  it("Tổng hợp's period and the plan's date read as the same days in a 1904 workbook", async () => {
    const port = await XlsxWorkbook.fromBuffer(await userBook(true));
    await applyTemplates(port, chauSonPlan, BASE_ROWS);
    await addReport(port, parsePeriod("2021"), "2022-01-05");
    const file = path.join(dir, "summary-1904.xlsx");
    writeFileSync(file, await port.toVerifiedBuffer());
    const fods = asFlatOds(file, dir);
    // Day 0 is a formula's empty result (shown blank by its format); every other date is a real one.
    const dates = [...fods.matchAll(/office:date-value="([\d-]+)/g)].map((m) => m[1]!.slice(0, 10)).filter((d) => d !== "1904-01-01");
    expect(dates).toEqual(expect.arrayContaining(["2021-01-01", "2021-12-31", "2021-06-11"]));
    expect(dates.filter((d) => d < "2000-01-01" || d > "2100-12-31")).toEqual([]);
    const read = await (await XlsxWorkbook.fromBuffer(await port.toBuffer())).readTables(["tblDongGop"]);
    expect(read.get("tblDongGop")!.rows[0]![0]).toBe(44362);
  });
});
