import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { run } from "../../src/cli/main";
import { buildUserWorkbook } from "../helpers/userWorkbook";
import { snapshot, type BookSnapshot } from "../helpers/snapshot";
import { captureOutput } from "../helpers/output";

/** Every cell, merge, rule and table of `before` is in `after` exactly as it was; `after` may only add. */
function expectOnlyAdditions(before: BookSnapshot, after: BookSnapshot): void {
  expect(after.sheets.slice(0, before.sheets.length)).toEqual(before.sheets);
  const changed: string[] = [];
  for (const [address, cell] of before.cells) {
    const now = after.cells.get(address);
    if (JSON.stringify(now) !== JSON.stringify(cell)) changed.push(`${address}: ${JSON.stringify(cell)} -> ${JSON.stringify(now)}`);
  }
  expect(changed).toEqual([]);
  for (const [sheet, merges] of before.merges) expect(after.merges.get(sheet)).toEqual(merges);
  for (const [k, v] of before.validations) expect([k, after.validations.get(k)]).toEqual([k, v]);
  for (const [k, v] of before.conditionalFormats) expect([k, after.conditionalFormats.get(k)]).toEqual([k, v]);
}

describe("template on a workbook full of someone else's content", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "safety-"));
  const file = path.join(dir, "so-cua-xa.xlsx");
  let before: BookSnapshot;
  let afterFirst: BookSnapshot;
  let first: { code: number; stdout: string; stderr: string };

  beforeAll(async () => {
    await buildUserWorkbook(file);
    before = await snapshot(file);
    first = await captureOutput(() => run(["template", file]));
    afterFirst = await snapshot(file);
  });

  it("succeeds and reports the foreign sheet with what to rename", () => {
    expect(first.code).toBe(0);
    expect(first.stderr).toContain('Trang tính "Cam kết" đã có dữ liệu khác');
    expect(first.stderr).toContain('"Cam kết (cũ)"');
  });

  it("changes none of the user's cells, merges, rules or formats", () => {
    expect(before.cells.size).toBeGreaterThan(40);
    expectOnlyAdditions(before, afterFirst);
  });

  it("keeps user text that looks like a formula as text", () => {
    expect(afterFirst.cells.get("Sổ của tôi!A5")!.value).toBe("=không phải công thức");
    expect(afterFirst.cells.get("Sổ của tôi!A4")!.value).toEqual({ formula: "A2*2", result: 3000000 });
  });

  it("keeps the user's table and widens the older tblNhiemVu at its end", () => {
    expect(afterFirst.tables.get("tblCuaToi")).toEqual(before.tables.get("tblCuaToi"));
    expect(afterFirst.tables.get("tblNhiemVu")).toEqual({
      sheet: "Nhiệm vụ",
      ref: "A1:I4",
      headers: ["STT", "Đơn vị", "Nội dung nhiệm vụ", "Mục kế hoạch", "Hạn hoàn thành", "Trạng thái", "Ngày hoàn thành", "Kết quả, minh chứng", "Ghi chú"],
    });
  });

  it("does not pre-fill units into a units table the user filled, and adds the missing sheets", () => {
    expect(afterFirst.cells.get("Danh mục!D3")?.value ?? null).toBeNull();
    expect(afterFirst.sheets).toEqual(["Sổ của tôi", "Cam kết", "Nhiệm vụ", "Danh mục", "Thông tin chung", "Đóng góp", "Khen thưởng", "Kế hoạch"]);
    expect([...afterFirst.tables.keys()].sort()).toEqual(
      ["tblCuaToi", "tblDonGop", "tblDonVi", "tblHinhThucKhenThuong", "tblKeHoach", "tblKhenThuong", "tblNhiemVu", "tblNhomDongGop", "tblThon", "tblThongTin"].map((n) => n.replace("tblDonGop", "tblDongGop")).sort(),
    );
  });

  it("changes nothing the second time, not even the file's bytes", async () => {
    const bytes = readFileSync(file);
    const mtime = statSync(file).mtimeMs;
    const second = await captureOutput(() => run(["template", file]));
    expect(second.code).toBe(0);
    expect(second.stdout).toContain("không thay đổi");
    expect(readFileSync(file).equals(bytes)).toBe(true);
    expect(statSync(file).mtimeMs).toBe(mtime);
    expectOnlyAdditions(afterFirst, await snapshot(file));
  });
});
