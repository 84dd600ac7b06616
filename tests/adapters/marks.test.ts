import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { XlsxWorkbook } from "../../src/adapters/xlsx/xlsxWorkbook";
import { issueMarks, MARK_FORMULA } from "../../src/domain/rules/marks";
import { validateThrough } from "../../src/domain/rules/runValidation";
import { baseBook, cellOf, FIXTURE_TODAY } from "../fixtures/base";
import { snapshot } from "../helpers/snapshot";

const dir = mkdtempSync(path.join(tmpdir(), "marks-"));

describe("marking issue cells", () => {
  it("highlights through conditional formats only, and clearing restores every cell and rule as it was", async () => {
    const book = await baseBook();
    cellOf(book, "tblDongGop", 1, "Ngày").value = "06/16/2021";
    const bold = cellOf(book, "tblDongGop", 0, "Số tiền (đồng)");
    bold.value = "10.000.000";
    bold.font = { bold: true, color: { argb: "FF0000FF" } };
    bold.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFF00" } };
    const original = path.join(dir, "goc.xlsx");
    await book.xlsx.writeFile(original);

    const port = await XlsxWorkbook.fromBuffer(await (await XlsxWorkbook.fromBuffer(await book.xlsx.writeBuffer())).toBuffer());
    const issues = await validateThrough(port, FIXTURE_TODAY);
    expect(issues.map((i) => i.cell)).toEqual(["H2", "A3"]);
    await port.markIssues(issueMarks(issues));
    const marked = path.join(dir, "danh-dau.xlsx");
    writeFileSync(marked, await port.toBuffer());
    const m = await snapshot(marked);
    expect(m.conditionalFormats.get("Đóng góp!A3")).toContain(MARK_FORMULA.error.replace(/"/g, '\\"'));
    expect(m.conditionalFormats.get("Đóng góp!H2")).toContain(MARK_FORMULA.warning.replace(/"/g, '\\"'));

    const again = await XlsxWorkbook.fromBuffer((await import("node:fs")).readFileSync(marked));
    await again.clearMarks();
    const cleared = path.join(dir, "da-xoa.xlsx");
    writeFileSync(cleared, await again.toBuffer());
    const before = await snapshot(original);
    const after = await snapshot(cleared);
    expect(after.cells).toEqual(before.cells);
    expect(after.conditionalFormats).toEqual(before.conditionalFormats);
    expect(after.cells.get("Đóng góp!H2")).toMatchObject({ bold: true, fill: { fgColor: { argb: "FFFFFF00" } } });
  });

  it("groups a column of issues into one range, and an error wins over a warning on the same cell", () => {
    const issue = (cell: string, severity: "error" | "warning") =>
      ({ rule: "required", severity, sheet: "S", table: "t", row: 1, column: "", cell, col: 0, params: {} }) as const;
    expect(issueMarks([issue("B2", "error"), issue("B3", "error"), issue("B4", "error"), issue("B3", "warning"), issue("D2", "warning")])).toEqual([
      { sheet: "S", severity: "error", ranges: [{ top: 1, bottom: 3, left: 1, right: 1 }] },
      { sheet: "S", severity: "warning", ranges: [{ top: 1, bottom: 1, left: 3, right: 3 }] },
    ]);
  });
});
