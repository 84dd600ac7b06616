import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { WorkbookFileError } from "../src/adapters/xlsx/errors";
import { FileLock, replaceFile } from "../src/adapters/xlsx/files";
import { run } from "../src/cli/main";
import { captureOutput } from "./helpers/output";

const dir = mkdtempSync(path.join(tmpdir(), "cli-"));

describe("command line", () => {
  it("demo writes a sample workbook and may replace its own output", async () => {
    const out = path.join(dir, "demo", "mau.xlsx");
    const first = await captureOutput(() => run(["demo", "--out", out]));
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(`Đã ghi ${out}`);
    const firstBytes = readFileSync(out);
    const again = await captureOutput(() => run(["demo", "--out", out]));
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(`Đã ghi ${out}`);
    // Replaced by a new sample, read back whole: the same tables as the first time.
    const { XlsxWorkbook } = await import("../src/adapters/xlsx/xlsxWorkbook");
    const tables = async (b: Uint8Array) => (await XlsxWorkbook.fromBuffer(b)).readTables(["tblDongGop", "tblCamKet", "tblNhiemVu", "tblKhenThuong"]);
    const [before, after] = [await tables(firstBytes), await tables(readFileSync(out))];
    expect(after.get("tblDongGop")!.rows.length).toBeGreaterThan(100);
    expect(after).toEqual(before);
  });

  it("demo is deterministic", async () => {
    const a = path.join(dir, "a.xlsx");
    const b = path.join(dir, "b.xlsx");
    await captureOutput(() => run(["demo", "--out", a]));
    await captureOutput(() => run(["demo", "--out", b]));
    const { XlsxWorkbook } = await import("../src/adapters/xlsx/xlsxWorkbook");
    const read = async (f: string) => (await XlsxWorkbook.fromBuffer(readFileSync(f))).readTables(["tblDongGop", "tblCamKet", "tblNhiemVu", "tblKhenThuong"]);
    expect(await read(a)).toEqual(await read(b));
  });

  it("demo never overwrites a user's workbook", async () => {
    const file = path.join(dir, "cua-toi.xlsx");
    await captureOutput(() => run(["template", file]));
    const bytes = readFileSync(file);
    const r = await captureOutput(() => run(["demo", "--out", file]));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("không phải sổ mẫu: không ghi đè");
    expect(readFileSync(file).equals(bytes)).toBe(true);
  });

  it("template creates a missing file", async () => {
    const file = path.join(dir, "moi.xlsx");
    const r = await captureOutput(() => run(["template", file]));
    expect(r.code).toBe(0);
    expect(existsSync(file)).toBe(true);
    expect(r.stdout).toContain('Đã tạo trang tính "Nhiệm vụ"');
  });

  it("says in Vietnamese when a file is not a workbook, and leaves it alone", async () => {
    const file = path.join(dir, "ghi-chu.xlsx");
    writeFileSync(file, "đây là văn bản, không phải sổ tính");
    const r = await captureOutput(() => run(["template", file]));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`Tệp "${file}" không phải sổ tính Excel (.xlsx)`);
    expect(readFileSync(file, "utf8")).toBe("đây là văn bản, không phải sổ tính");
  });

  it("recognises an old .xls or a password-protected workbook and says what to do", async () => {
    const file = path.join(dir, "cu.xlsx");
    writeFileSync(file, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]));
    const r = await captureOutput(() => run(["template", file]));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("là sổ Excel 97-2003 (.xls) hoặc có đặt mật khẩu mở tệp");
  });

  it("refuses a workbook that is open in Excel", async () => {
    const locked = path.join(dir, "khoa.xlsx");
    writeFileSync(path.join(dir, "~$khoa.xlsx"), "owner");
    const l = await captureOutput(() => run(["template", locked]));
    expect(l.code).toBe(2);
    expect(l.stderr).toContain("đang được mở trong Excel");
    expect(existsSync(locked)).toBe(false);
  });

  it("names a missing folder", async () => {
    const r = await captureOutput(() => run(["template", path.join(dir, "khong-co", "so.xlsx")]));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("Không có thư mục");
  });

  it("prints usage for an unknown command", async () => {
    const r = await captureOutput(() => run(["lam-gi"]));
    expect(r.code).toBe(64);
    expect(r.stderr).toContain('Không có lệnh "lam-gi"');
    expect(r.stderr).toContain("template TỆP");
  });

  it("writes atomically: a failed write leaves the target as it was and no temporary file", async () => {
    const target = path.join(dir, "la-thu-muc");
    mkdirSync(target);
    writeFileSync(path.join(target, "ben-trong.txt"), "giữ nguyên");
    const lock = await FileLock.take(target);
    await expect(replaceFile(lock, new Uint8Array([1, 2, 3]))).rejects.toBeInstanceOf(WorkbookFileError);
    await lock.release();
    expect(readFileSync(path.join(target, "ben-trong.txt"), "utf8")).toBe("giữ nguyên");
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp") || f.endsWith("-lock"))).toEqual([]);
  });
});

describe("content the adapter does not know", () => {
  it("is carried through byte for byte: a workbook with a chart is upgraded and its chart part is unchanged", async () => {
    const JSZip = (await import("jszip")).default;
    const ExcelJS = (await import("exceljs")).default;
    const book = new ExcelJS.Workbook();
    book.addWorksheet("Biểu đồ").getCell("A1").value = 5;
    const zip = await JSZip.loadAsync(await book.xlsx.writeBuffer());
    const chart = '<?xml version="1.0"?><c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:date1904 val="0"/></c:chartSpace>';
    zip.file("xl/charts/chart1.xml", chart);
    const file = path.join(dir, "co-bieu-do.xlsx");
    writeFileSync(file, await zip.generateAsync({ type: "nodebuffer" }));
    const r = await captureOutput(() => run(["template", file]));
    expect(r.code).toBe(0);
    const after = await JSZip.loadAsync(readFileSync(file));
    expect(await after.file("xl/charts/chart1.xml")!.async("string")).toBe(chart);
    expect(Object.keys(after.files).filter((f) => f.startsWith("xl/tables/")).length).toBeGreaterThan(3);
  });
});

describe("a read-only target", () => {
  it("is refused before anything is written, with a message saying what to do", async () => {
    const fsModule = await import("node:fs");
    const ExcelJS = (await import("exceljs")).default;
    const file = path.join(dir, "chi-doc.xlsx");
    const book = new ExcelJS.Workbook();
    book.addWorksheet("Sổ cũ").getCell("A1").value = "dữ liệu cũ";
    await book.xlsx.writeFile(file);
    const bytes = readFileSync(file);
    // Root ignores file modes here, so the permission answer is simulated at the file system call.
    const realOpen = fsModule.promises.open.bind(fsModule.promises);
    const access = jest.spyOn(fsModule.promises, "open").mockImplementation((p, flags, mode) => {
      if (String(p).endsWith(".tmp")) return Promise.reject(Object.assign(new Error("EACCES"), { code: "EACCES" }));
      return realOpen(p, flags, mode);
    });
    try {
      const r = await captureOutput(() => run(["template", file]));
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`Không ghi được vào "${file}": tệp hoặc thư mục chỉ cho phép đọc`);
    } finally {
      access.mockRestore();
    }
    expect(readFileSync(file).equals(bytes)).toBe(true);
  });
});

describe("a damaged workbook", () => {
  async function damaged(part: string, xml: string, name: string): Promise<string> {
    const JSZip = (await import("jszip")).default;
    const ExcelJS = (await import("exceljs")).default;
    const book = new ExcelJS.Workbook();
    book.addWorksheet("Sổ").getCell("A1").value = "dữ liệu";
    const zip = await JSZip.loadAsync(await book.xlsx.writeBuffer());
    zip.file(part, xml);
    const file = path.join(dir, name);
    writeFileSync(file, await zip.generateAsync({ type: "nodebuffer" }));
    return file;
  }

  it("whose workbook part cannot be read is named, and left as it was", async () => {
    const file = await damaged("xl/workbook.xml", "<workbook><sheets><sheet name='Sổ'", "hong-workbook.xlsx");
    const bytes = readFileSync(file);
    const r = await captureOutput(() => run(["template", file]));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("xl/workbook.xml");
    expect(r.stderr).toMatch(/bị hỏng một phần|không phải sổ tính/);
    expect(readFileSync(file).equals(bytes)).toBe(true);
  });

  it("keeps a damaged sheet it does not write to exactly as it was", async () => {
    const broken = "<worksheet xmlns='http://schemas.openxmlformats.org/spreadsheetml/2006/main'><sheetData><row r='1'><c r='A1'><v>1</v></row></sheetData></worksheet>";
    const file = await damaged("xl/worksheets/sheet1.xml", broken, "hong-trang.xlsx");
    const r = await captureOutput(() => run(["template", file]));
    expect(r.code).toBe(0);
    const JSZip = (await import("jszip")).default;
    expect(await (await JSZip.loadAsync(readFileSync(file))).file("xl/worksheets/sheet1.xml")!.async("string")).toBe(broken);
  });
});
