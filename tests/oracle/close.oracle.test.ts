import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { XlsxWorkbook } from "../../src/adapters/xlsx/xlsxWorkbook";
import { run } from "../../src/cli/main";
import { parseRangeAddress } from "../../src/domain/grid";
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

  it("keeps the lock of the closed rows through its save: the sheet protected, the range anyone may edit still there", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "close-lo-lock-"));
    const file = path.join(dir, "so.xlsx");
    expect((await captureOutput(() => run(["demo", "--out", file]))).code).toBe(0);
    expect((await captureOutput(() => run(["close", file, "--period", "2021-S1", "--lock", "--today", "2021-07-05"]))).code).toBe(0);
    const JSZip = (await import("jszip")).default;
    // The ledger's sheet part, by its name (LibreOffice numbers the parts its own way).
    const ledgerXml = async (f: string) => {
      const zip = await JSZip.loadAsync(readFileSync(f));
      const wb = await zip.file("xl/workbook.xml")!.async("string");
      const id = /<sheet [^>]*name="Đóng góp"[^>]*r:id="([^"]+)"/.exec(wb)![1];
      const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
      const target = [...rels.matchAll(/<Relationship [^>]*>/g)].map((m) => m[0]).find((r) => r.includes(`Id="${id}"`))!;
      return zip.file(`xl/${/Target="([^"]+)"/.exec(target)![1]!.replace(/^\/?xl\//, "")}`)!.async("string");
    };
    // Whether a cell is in the range anyone may edit: A1:B2, a whole row span (32:1048576), or a whole column span (A:C).
    const editable = (xml: string, row: number, col: number) =>
      (/<protectedRange [^>]*sqref="([^"]+)"/.exec(xml)?.[1] ?? "").split(" ").some((a) => {
        const rows = /^(\d+):(\d+)$/.exec(a);
        if (rows) return row + 1 >= Number(rows[1]) && row + 1 <= Number(rows[2]);
        const b = parseRangeAddress(a);
        return b !== undefined && row >= b.top && row <= b.bottom && col >= b.left && col <= b.right;
      });
    const mine = await ledgerXml(file);
    expect(mine).toContain("protectedRange");
    const saved = resaveWithLibreOffice(file, mkdtempSync(path.join(tmpdir(), "close-lo-lock-out-")));
    const theirs = await ledgerXml(saved);
    expect(theirs).toMatch(/<sheetProtection [^>]*sheet="(1|true)"/);
    const cells: [number, number][] = [];
    for (let r = 0; r < 60; r++) for (const c of [0, 3, 7, 13, 14, 20, 16_383]) cells.push([r, c]);
    cells.push([1_048_575, 0], [1_048_575, 16_383]);
    expect(cells.filter(([r, c]) => editable(mine, r, c) !== editable(theirs, r, c))).toEqual([]);
    expect(cells.some(([r, c]) => !editable(mine, r, c))).toBe(true);
    expect((await validateThrough(await XlsxWorkbook.fromBuffer(readFileSync(saved)), "2022-01-05")).filter((i) => i.rule.startsWith("closed-"))).toEqual([]);
  }, 180_000);
});
