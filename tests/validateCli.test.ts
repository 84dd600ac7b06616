import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { XlsxWorkbook } from "../src/adapters/xlsx/xlsxWorkbook";
import { run } from "../src/cli/main";
import { validateThrough } from "../src/domain/rules/runValidation";
import { baseBook, cellOf, FIXTURE_TODAY } from "./fixtures/base";
import { captureOutput } from "./helpers/output";
import { snapshot } from "./helpers/snapshot";

const dir = mkdtempSync(path.join(tmpdir(), "validate-"));
const today = ["--today", FIXTURE_TODAY];

async function writeBook(name: string, mutate: (b: ExcelJS.Workbook) => void): Promise<string> {
  const book = await baseBook();
  mutate(book);
  const file = path.join(dir, name);
  await book.xlsx.writeFile(file);
  return file;
}

describe("validate FILE", () => {
  it("finds no error in the demo workbook", async () => {
    const demo = path.join(dir, "demo.xlsx");
    await captureOutput(() => run(["demo", "--out", demo]));
    const r = await captureOutput(() => run(["validate", demo]));
    expect(r.stdout).toContain("Không có lỗi hay cảnh báo nào.");
    expect(r.code).toBe(0);
  });

  it("prints JSON in the contract's shape, with stdout holding only the JSON, and exits 1 on errors", async () => {
    const file = await writeBook("loi.xlsx", (b) => {
      cellOf(b, "tblDongGop", 1, "Ngày").value = "06/16/2021";
      cellOf(b, "tblDongGop", 0, "Số tiền (đồng)").value = "10.000.000";
    });
    const r = await captureOutput(() => run(["validate", file, "--json", ...today]));
    expect(r.code).toBe(1);
    const issues = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(issues).toEqual([
      { sheet: "Đóng góp", cell: "H2", row: 2, column: "Số tiền (đồng)", rule: "number-as-text", severity: "warning", message: expect.stringContaining("Ô H2 (trang \"Đóng góp\", cột \"Số tiền (đồng)\")") as unknown },
      { sheet: "Đóng góp", cell: "A3", row: 3, column: "Ngày", rule: "date-month-first", severity: "error", message: expect.stringContaining("ngày/tháng/năm") as unknown },
    ]);
    for (const i of issues) expect(Object.keys(i).sort()).toEqual(["cell", "column", "message", "row", "rule", "severity", "sheet"]);
  });

  it("groups the text output by sheet with counts, and exits 0 with warnings only", async () => {
    const file = await writeBook("canh-bao.xlsx", (b) => {
      cellOf(b, "tblDongGop", 0, "Số tiền (đồng)").value = "10.000.000";
      cellOf(b, "tblCamKet", 0, "Số hộ").value = " 200 ";
    });
    const r = await captureOutput(() => run(["validate", file, ...today]));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Trang "Cam kết": 0 lỗi, 1 cảnh báo');
    expect(r.stdout).toContain('Trang "Đóng góp": 0 lỗi, 1 cảnh báo');
    expect(r.stdout).toContain("Tổng cộng: 0 lỗi, 2 cảnh báo. 2 vấn đề sửa được tự động: thêm --fix vào lệnh.");
  });

  it("exits 2 when the file cannot be read", async () => {
    const bad = path.join(dir, "khong-phai.xlsx");
    writeFileSync(bad, "văn bản");
    expect((await captureOutput(() => run(["validate", bad]))).code).toBe(2);
    const missing = await captureOutput(() => run(["validate", path.join(dir, "khong-co.xlsx")]));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("Không tìm thấy tệp");
  });
});

describe("validate FILE --fix", () => {
  const messy = (b: ExcelJS.Workbook) => {
    cellOf(b, "tblDongGop", 0, "Số tiền (đồng)").value = "10.000.000 đ";
    cellOf(b, "tblDongGop", 1, "Số tiền (đồng)").value = "500,000";
    cellOf(b, "tblDongGop", 2, "Ngày").value = "20/6/2021";
    cellOf(b, "tblDongGop", 3, "Người, đơn vị").value = "  Ban Chỉ đạo   xã ";
    cellOf(b, "tblDongGop", 1, "Hình thức").value = "tien mat";
    cellOf(b, "tblThon", 1, "Thôn").value = "Thôn mẫu 2".normalize("NFD");
    cellOf(b, "tblCamKet", 1, "Thôn, đơn vị").value = "Thôn mẫu 2".normalize("NFD");
    cellOf(b, "tblCamKet", 2, "Số hộ đã ký").value = "190";
    cellOf(b, "tblKhenThuong", 0, "Giới tính").value = "NU";
  };

  it("in place: writes a backup first, leaves a workbook that validates clean, and changes no other cell", async () => {
    const file = await writeBook("lon-xon.xlsx", messy);
    const before = await snapshot(file);
    const r = await captureOutput(() => run(["validate", file, "--fix", ...today]));
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("Đã sửa 9 ô");
    const backups = readdirSync(dir).filter((f) => f.startsWith("lon-xon.ban-sao-"));
    expect(backups).toHaveLength(1);
    expect(readFileSync(path.join(dir, backups[0]!)).length).toBeGreaterThan(0);
    expect(await validateThrough(await XlsxWorkbook.fromBuffer(readFileSync(file)), FIXTURE_TODAY)).toEqual([]);
    const after = await snapshot(file);
    const fixed = new Set(["Đóng góp!H2", "Đóng góp!H3", "Đóng góp!A4", "Đóng góp!D5", "Đóng góp!G3", "Danh mục!A3", "Cam kết!A3", "Cam kết!D4", "Khen thưởng!E2"]);
    const changed = [...before.cells.keys()].filter((k) => JSON.stringify(before.cells.get(k)) !== JSON.stringify(after.cells.get(k)));
    expect(changed.sort()).toEqual([...fixed].sort());
    expect(after.cells.get("Đóng góp!H2")!.value).toBe(10_000_000);
    expect(after.cells.get("Đóng góp!A4")!.value).toBe(44367);
    expect(after.cells.get("Danh mục!A3")!.value).toBe("Thôn mẫu 2");
  });

  it("with --out: writes the fixed copy and leaves the original as it was", async () => {
    const file = await writeBook("goc.xlsx", messy);
    const bytes = readFileSync(file);
    const out = path.join(dir, "goc-da-sua.xlsx");
    const r = await captureOutput(() => run(["validate", file, "--fix", "--out", out, ...today]));
    expect(r.code).toBe(0);
    expect(readFileSync(file).equals(bytes)).toBe(true);
    expect(existsSync(out)).toBe(true);
    expect(readdirSync(dir).filter((f) => f.startsWith("goc.ban-sao-"))).toEqual([]);
    const again = await captureOutput(() => run(["validate", file, "--fix", "--out", out, ...today]));
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("đã có: không ghi đè");
  });
});
