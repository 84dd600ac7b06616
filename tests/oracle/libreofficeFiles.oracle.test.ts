import { mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { XlsxWorkbook } from "../../src/adapters/xlsx/xlsxWorkbook";
import { run } from "../../src/cli/main";
import { SHEET_SPECS } from "../../src/domain/sheets/specs";
import { describeWithLibreOffice, recalculatedSheets, resaveWithLibreOffice } from "../helpers/libreoffice";
import { captureOutput } from "../helpers/output";
import { buildUserWorkbook } from "../helpers/userWorkbook";

describeWithLibreOffice("workbooks saved by LibreOffice", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "lo-files-"));

  it("template recognises a templated workbook that LibreOffice saved, and changes nothing", async () => {
    const demo = path.join(dir, "mau.xlsx");
    expect((await captureOutput(() => run(["demo", "--out", demo]))).code).toBe(0);
    mkdirSync(path.join(dir, "lo"));
    const saved = resaveWithLibreOffice(demo, path.join(dir, "lo"));
    const bytes = readFileSync(saved);
    const r = await captureOutput(() => run(["template", saved]));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("không thay đổi");
    expect(readFileSync(saved).equals(bytes)).toBe(true);
  });

  it("template upgrades a user's workbook that LibreOffice saved, and LibreOffice opens the result", async () => {
    const own = path.join(dir, "cua-xa.xlsx");
    await buildUserWorkbook(own);
    mkdirSync(path.join(dir, "lo2"));
    const saved = resaveWithLibreOffice(own, path.join(dir, "lo2"));
    const r = await captureOutput(() => run(["template", saved]));
    expect(r.stderr).not.toContain("Lỗi không mong đợi");
    expect(r.code).toBe(0);
    const summary = await (await XlsxWorkbook.fromBuffer(readFileSync(saved))).summarize();
    const tables = summary.sheets.flatMap((s) => s.tables.map((t) => t.name));
    // Every table but tblCamKet: the user's own "Cam kết" sheet is left alone and reported.
    expect(r.stderr).toContain('Trang tính "Cam kết" đã có dữ liệu khác');
    const expected = SHEET_SPECS.flatMap((s) => s.tables.map((t) => t.name)).filter((n) => n !== "tblCamKet");
    for (const name of expected) expect(tables).toContain(name);
    expect(tables).not.toContain("tblCamKet");
    const sheets = recalculatedSheets(saved);
    expect(sheets.get("Sổ của tôi")![0]![0]).toBe("Ghi chép riêng");
    expect(sheets.get("Nhiệm vụ")![0]!.slice(0, 9)).toEqual(SHEET_SPECS[2]!.tables[0]!.columns.map((c) => c.header));
  });
});
