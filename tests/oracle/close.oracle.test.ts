import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { XlsxWorkbook } from "../../src/adapters/xlsx/xlsxWorkbook";
import { run } from "../../src/cli/main";
import { validateThrough } from "../../src/domain/rules/runValidation";
import { describeWithLibreOffice, resaveWithLibreOffice } from "../helpers/libreoffice";
import { captureOutput } from "../helpers/output";

// A closed period's fingerprints hold across a save by LibreOffice that changes nothing: a commune
// that opens and saves its workbook in LibreOffice is not told of changes nobody made.

describeWithLibreOffice("a closed period saved again by LibreOffice", () => {
  it("shows no change after a save that changes nothing, and the snapshot sheet stays hidden", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "close-lo-"));
    const file = path.join(dir, "so.xlsx");
    expect((await captureOutput(() => run(["demo", "--out", file]))).code).toBe(0);
    expect((await captureOutput(() => run(["close", file, "--period", "2021-S1", "--today", "2021-07-05"]))).code).toBe(0);
    const out = mkdtempSync(path.join(tmpdir(), "close-lo-out-"));
    const saved = resaveWithLibreOffice(file, out);
    const book = await XlsxWorkbook.fromBuffer(readFileSync(saved));
    const issues = await validateThrough(book, "2022-01-05");
    expect(issues.filter((i) => i.rule.startsWith("closed-"))).toEqual([]);
    expect((await book.readTables(["tblKyDaChot"])).get("tblKyDaChot")!.rows).toHaveLength(1);
    const JSZip = (await import("jszip")).default;
    expect(await (await JSZip.loadAsync(readFileSync(saved))).file("xl/workbook.xml")!.async("string")).toMatch(/<sheet name="Chốt 2021-S1"[^>]*state="hidden"/);
    // A change made after the round trip is still found.
    const ledger = (await book.readTables(["tblDongGop"])).get("tblDongGop")!;
    const c = ledger.headers.indexOf("Người, đơn vị");
    await book.updateCells([{ sheet: ledger.sheet, row: ledger.range.top + 1, col: ledger.range.left + c, expected: ledger.rows[0]![c]!, value: "Người khác" }]);
    const edited = path.join(dir, "sua.xlsx");
    writeFileSync(edited, await book.toVerifiedBuffer());
    const after = (await validateThrough(await XlsxWorkbook.fromBuffer(readFileSync(edited)), "2022-01-05")).filter((i) => i.rule.startsWith("closed-"));
    expect(after.map((i) => [i.rule, i.params.column, i.params.after])).toEqual([["closed-changed", "Người, đơn vị", "Người khác"]]);
  }, 180_000);
});
