import { spawn, spawnSync } from "node:child_process";
import { chmodSync, chownSync, copyFileSync, existsSync, lstatSync, mkdtempSync, readdirSync, readFileSync, realpathSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { promises as fsp } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { FileLock, observeWriteSteps, type WriteStep } from "../src/adapters/xlsx/files";
import { VerificationError } from "../src/adapters/xlsx/ooxml/verify";
import { XlsxWorkbook } from "../src/adapters/xlsx/xlsxWorkbook";
import { run } from "../src/cli/main";
import { chauSonPlan } from "../src/domain/sample/chauSonPlan";
import { applyTemplates } from "../src/domain/template/applyTemplates";
import { BASE_ROWS } from "./fixtures/base";
import { captureOutput } from "./helpers/output";

const root = mkdtempSync(path.join(tmpdir(), "write-safety-"));
const TSX = path.resolve(__dirname, "../node_modules/.bin/tsx");
const CLI = path.resolve(__dirname, "../src/cli/main.ts");
const FAULT = path.resolve(__dirname, "helpers/faultRunner.ts");
let seq = 0;

/** A folder of its own with a templated workbook holding the base rows. */
async function workbookIn(name = "so.xlsx"): Promise<{ dir: string; file: string }> {
  const dir = path.join(root, `case-${++seq}`);
  await fsp.mkdir(dir);
  const port = await XlsxWorkbook.empty();
  await applyTemplates(port, chauSonPlan, BASE_ROWS);
  const file = path.join(dir, name);
  writeFileSync(file, await port.toBuffer());
  return { dir, file };
}

/** Files a write leaves beside the workbook: temporary files, locks, backups. */
const leftovers = (dir: string) => readdirSync(dir).filter((f) => f.endsWith(".tmp") || f.includes("lock") || f.includes("ban-sao"));

const sheetsOf = async (file: string) => (await (await XlsxWorkbook.fromBuffer(readFileSync(file))).summarize()).sheets.map((s) => s.name);

describe("one writer at a time", () => {
  it("refuses while another command holds the file, and changes nothing", async () => {
    const { dir, file } = await workbookIn();
    const before = readFileSync(file);
    const lock = await FileLock.take(file);
    try {
      const r = await captureOutput(() => run(["report", file, "--period", "2021", "--today", "2022-01-05"]));
      expect(r.code).toBe(2);
      expect(r.stderr).toContain("đang được một lệnh khác của sổ theo dõi ghi");
    } finally {
      await lock.release();
    }
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(leftovers(dir)).toEqual([]);
  });

  it("takes over a lock left by a process that no longer runs", async () => {
    const { dir, file } = await workbookIn();
    const dead = spawnSync(process.execPath, ["-e", "process.pid"]).pid;
    writeFileSync(path.join(dir, `.~${path.basename(file)}.sotheodoi-lock`), JSON.stringify({ pid: dead, host: (await import("node:os")).hostname() }));
    writeFileSync(path.join(dir, `.${path.basename(file)}.${dead}.tmp`), "half a file");
    const r = await captureOutput(() => run(["report", file, "--period", "2021", "--today", "2022-01-05"]));
    expect(r.code).toBe(0);
    expect(leftovers(dir)).toEqual([]);
  });

  it("two commands started together on one file: each either lands its change or says the file was busy", async () => {
    for (let round = 0; round < 2; round++) {
      const { file } = await workbookIn();
      const start = (args: string[]) =>
        new Promise<{ code: number; stderr: string }>((resolve) => {
          const child = spawn(TSX, [CLI, ...args], { stdio: ["ignore", "ignore", "pipe"] });
          let stderr = "";
          child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
          child.on("close", (code) => resolve({ code: code ?? -1, stderr }));
        });
      const [a, b] = await Promise.all([
        start(["report", file, "--period", "2021-S1", "--today", "2022-01-05"]),
        start(["report", file, "--period", "2021-S2", "--today", "2022-01-05"]),
      ]);
      const sheets = await sheetsOf(file);
      for (const [r, sheet] of [[a, "BC 6 tháng đầu năm 2021"], [b, "BC 6 tháng cuối năm 2021"]] as const) {
        if (r.code === 0) expect(sheets).toContain(sheet);
        else expect([r.code, r.stderr]).toEqual([2, expect.stringMatching(/đang được một lệnh khác|đã bị thay đổi/)]);
      }
      expect(a.code === 0 || b.code === 0).toBe(true);
    }
  });

  it("refuses when the file changed on disk while the command ran (saved from Excel, say), keeping that change", async () => {
    const { dir, file } = await workbookIn();
    // Someone saves the workbook with a sheet of their own while the report is being built.
    const theirs = await XlsxWorkbook.fromBuffer(readFileSync(file));
    await theirs.applyGrids([{ sheet: "Ghi chép trong lúc đó", createSheet: true, cells: [{ row: 0, col: 0, value: "mới" }] }]);
    const other = await theirs.toBuffer();
    observeWriteSteps((s: WriteStep) => {
      if (s === "temp-checked") writeFileSync(file, other);
    });
    try {
      const r = await captureOutput(() => run(["report", file, "--period", "2021", "--today", "2022-01-05"]));
      expect(r.code).toBe(2);
      expect(r.stderr).toContain("đã bị thay đổi (có thể trong Excel) trong lúc lệnh đang chạy");
    } finally {
      observeWriteSteps(undefined);
    }
    expect(await sheetsOf(file)).not.toContain("BC năm 2021");
    expect(await sheetsOf(file)).toContain("Ghi chép trong lúc đó");
    expect(leftovers(dir)).toEqual([]);
  });
});

describe("what a write keeps of the file itself", () => {
  it("writes through a symlink to its target, and keeps the mode, owner and group", async () => {
    const { dir, file } = await workbookIn("that.xlsx");
    chmodSync(file, 0o640);
    if (process.getuid?.() === 0) chownSync(file, 1234, 2345);
    const link = path.join(dir, "link.xlsx");
    symlinkSync(file, link);
    const r = await captureOutput(() => run(["report", link, "--period", "2021", "--today", "2022-01-05"]));
    expect(r.code).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(realpathSync(link)).toBe(realpathSync(file));
    expect(await sheetsOf(file)).toContain("BC năm 2021");
    const st = statSync(file);
    expect(st.mode & 0o777).toBe(0o640);
    if (process.getuid?.() === 0) expect([st.uid, st.gid]).toEqual([1234, 2345]);
    expect(leftovers(dir)).toEqual([]);
  });
});

describe("a write interrupted at each of its steps", () => {
  const steps: WriteStep[] = ["locked", "temp-written", "temp-checked", "original-checked", "backup-written", "replaced"];

  it.each(steps.flatMap((s) => [[s, "SIGKILL"], [s, "SIGTERM"]] as const))("at %s by %s: the file is whole (old or new), and nothing is left once the next run is done", async (step, signal) => {
    const { dir, file } = await workbookIn();
    const before = readFileSync(file);
    // validate --fix writes a backup, so every step is reached; plant a fixable amount first.
    const port = await XlsxWorkbook.fromBuffer(before);
    const ledger = (await port.readTables(["tblDongGop"])).get("tblDongGop")!;
    await port.updateCells([{ sheet: "Đóng góp", row: 1, col: 7, expected: ledger.rows[0]![7]!, value: "10.000.000 đ" }]);
    writeFileSync(file, await port.toBuffer());
    const planted = readFileSync(file);
    const child = spawnSync(TSX, [FAULT, step, signal, "--", "validate", file, "--fix", "--today", "2022-01-05"], { encoding: "utf8", timeout: 60_000 });
    expect(child.signal ?? child.status).not.toBe(0);
    const now = readFileSync(file);
    const fixed = await (await XlsxWorkbook.fromBuffer(now)).readTables(["tblDongGop"]);
    if (step === "replaced") expect(fixed.get("tblDongGop")!.rows[0]![7]).toBe(10_000_000);
    else expect(now.equals(planted)).toBe(true);
    if (signal === "SIGTERM") expect(leftovers(dir).filter((f) => !(step === "replaced" && f.includes("ban-sao")))).toEqual([]);
    // The next run cleans what a kill left and does its work.
    const again = await captureOutput(() => run(["validate", file, "--fix", "--today", "2022-01-05"]));
    expect(again.code).toBe(0);
    expect(leftovers(dir).filter((f) => !f.includes("ban-sao"))).toEqual([]);
    // One backup, of the one write that landed: a copy made by a killed run is gone.
    expect(leftovers(dir).filter((f) => f.includes("ban-sao"))).toHaveLength(1);
    expect(before.length).toBeGreaterThan(0);
  });
});

describe("backups and operating-system errors", () => {
  it("makes the backup only for a write that lands, and names it", async () => {
    const { dir, file } = await workbookIn();
    const r = await captureOutput(() => run(["validate", file, "--fix", "--today", "2022-01-05"]));
    expect(r.stderr).toContain("Đã sửa 0 ô");
    expect(leftovers(dir)).toEqual([]);
  });

  it.each([
    ["EROFS", "open", "ổ đĩa hoặc thư mục chỉ cho phép đọc"],
    ["ENOSPC", "open", "ổ đĩa đã đầy"],
    ["EACCES", "open", "tệp hoặc thư mục chỉ cho phép đọc"],
    ["EBUSY", "rename", "đang bị một chương trình khác giữ"],
    ["EIO", "rename", "Không ghi được tệp"],
  ] as const)("%s at %s: a Vietnamese message naming the file, the original as it was, no backup or temporary file left", async (code, call, message) => {
    const { dir, file } = await workbookIn();
    const port = await XlsxWorkbook.fromBuffer(readFileSync(file));
    const ledger = (await port.readTables(["tblDongGop"])).get("tblDongGop")!;
    await port.updateCells([{ sheet: "Đóng góp", row: 1, col: 7, expected: ledger.rows[0]![7]!, value: "10.000.000 đ" }]);
    writeFileSync(file, await port.toBuffer());
    const before = readFileSync(file);
    const real = call === "open" ? fsp.open.bind(fsp) : fsp.rename.bind(fsp);
    const failing = (p: unknown) => String(p).endsWith(".tmp");
    const spy =
      call === "open"
        ? jest.spyOn(fsp, "open").mockImplementation(((p: string, ...rest: unknown[]) =>
            failing(p) ? Promise.reject(Object.assign(new Error(code), { code })) : (real as (...a: unknown[]) => Promise<unknown>)(p, ...rest)) as typeof fsp.open)
        : jest.spyOn(fsp, "rename").mockImplementation(((p: string, ...rest: unknown[]) =>
            failing(p) ? Promise.reject(Object.assign(new Error(code), { code })) : (real as (...a: unknown[]) => Promise<unknown>)(p, ...rest)) as typeof fsp.rename);
    try {
      const r = await captureOutput(() => run(["validate", file, "--fix", "--today", "2022-01-05"]));
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(message);
      expect(r.stderr).toContain(realpathSync(file));
    } finally {
      spy.mockRestore();
    }
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(leftovers(dir)).toEqual([]);
  });

  it("names a missing folder for --out", async () => {
    const { file } = await workbookIn();
    const r = await captureOutput(() => run(["report", file, "--period", "2021", "--out", path.join(root, "khong-co", "bc.xlsx")]));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("Không có thư mục");
  });
});

describe("the verification before a file is replaced", () => {
  it("refuses a package where a user's cell changed outside what was written", async () => {
    const { file } = await workbookIn();
    const port = await XlsxWorkbook.fromBuffer(readFileSync(file));
    await port.applyGrids([{ sheet: "Đóng góp", createSheet: false, cells: [{ row: 40, col: 20, value: "ghi chú mới" }] }]);
    const part = port.book.sheet("Đóng góp")!.part!;
    const xml = (await port.pkg.text(part))!;
    // A fault in the writer: it also changed an amount of the ledger.
    port.pkg.setText(part, xml.replace(/(<c r="H2"[^>]*><v>)\d+</, "$1999<"));
    await expect(port.toVerifiedBuffer()).rejects.toBeInstanceOf(VerificationError);
    await expect(port.toVerifiedBuffer()).rejects.toThrow(/ô H2 bị đổi|dòng 2/);
  });

  it("compares a big sheet row by row: an untouched row written anew with the same content passes; a row lost, a row added, a neighbour of a written cell changed are refused", async () => {
    const { file } = await workbookIn();
    const fresh = async () => {
      const port = await XlsxWorkbook.fromBuffer(readFileSync(file));
      const t = (await port.readTables(["tblDongGop"])).get("tblDongGop")!;
      const amount = t.headers.indexOf("Số tiền (đồng)");
      const i = t.rows.findIndex((r) => typeof r[amount] === "number");
      // One cell fixed, as validate --fix does: its row is the only one touched.
      await port.updateCells([{ sheet: t.sheet, row: t.range.top + 1 + i, col: t.range.left + amount, expected: t.rows[i]![amount]!, value: 123_456 }]);
      const part = port.book.sheet(t.sheet)!.part!;
      return { port, part, xml: (await port.pkg.text(part))!, row: t.range.top + 2 + i };
    };
    // An untouched row written anew: its attributes in another order, the same elements.
    const same = await fresh();
    const rewritten = same.xml.replace(/<row r="1" ht="([^"]+)"/, '<row ht="$1" r="1"');
    expect(rewritten).not.toBe(same.xml);
    same.port.pkg.setText(same.part, rewritten);
    await expect(same.port.toVerifiedBuffer()).resolves.toBeInstanceOf(Uint8Array);
    // A row lost.
    const lost = await fresh();
    lost.port.pkg.setText(lost.part, lost.xml.replace(new RegExp(`<row r="${lost.row + 1}"[^>]*>[\\s\\S]*?</row>`), ""));
    await expect(lost.port.toVerifiedBuffer()).rejects.toThrow(`dòng ${lost.row + 1} bị mất`);
    // A row added that nothing wrote.
    const added = await fresh();
    added.port.pkg.setText(added.part, added.xml.replace("</sheetData>", '<row r="9000"><c r="A9000"><v>1</v></c></row></sheetData>'));
    await expect(added.port.toVerifiedBuffer()).rejects.toThrow("dòng 9000 không định ghi");
    // In the touched row, another cell changed beside the one written.
    const beside = await fresh();
    beside.port.pkg.setText(beside.part, beside.xml.replace(new RegExp(`(<c r="A${beside.row}"[^>]*><v>)\\d+<`), "$11<"));
    await expect(beside.port.toVerifiedBuffer()).rejects.toThrow(`ô A${beside.row} bị đổi`);
  });

  it("refuses a package where a part lost an element or an attribute", async () => {
    const { file } = await workbookIn();
    const port = await XlsxWorkbook.fromBuffer(readFileSync(file));
    await port.applyGrids([{ sheet: "Đóng góp", createSheet: false, cells: [{ row: 40, col: 20, value: "x" }] }]);
    const wb = (await port.pkg.text("xl/workbook.xml"))!;
    port.pkg.setText("xl/workbook.xml", wb.replace(/<bookViews>[\s\S]*<\/bookViews>/, ""));
    await expect(port.toVerifiedBuffer()).rejects.toThrow(/bookViews/);
  });

  it("refuses a new sheet that is not well-formed XML, or not UTF-8, and passes it as written", async () => {
    const { file } = await workbookIn();
    const added = async () => {
      const port = await XlsxWorkbook.fromBuffer(readFileSync(file));
      await port.applyGrids([{ sheet: "Ghi chú", createSheet: true, cells: [{ row: 0, col: 0, value: "Thôn Đông" }], merges: [{ top: 0, bottom: 0, left: 0, right: 2 }] }]);
      const part = port.book.sheet("Ghi chú")!.part!;
      return { port, part, xml: (await port.pkg.text(part))! };
    };
    const asWritten = await added();
    await expect(asWritten.port.toVerifiedBuffer()).resolves.toBeInstanceOf(Uint8Array);
    const broken = await added();
    broken.port.pkg.setText(broken.part, broken.xml.replace("</sheetData>", "<row></sheetData>"));
    await expect(broken.port.toVerifiedBuffer()).rejects.toThrow(new RegExp(`${broken.part}: XML không đọc được`));
    const prefix = await added();
    prefix.port.pkg.setText(prefix.part, prefix.xml.replace("</sheetData>", "<q:row/></sheetData>"));
    await expect(prefix.port.toVerifiedBuffer()).rejects.toThrow(/XML không đọc được/);
  });

  it("refuses a package where a part nobody meant to change was changed", async () => {
    const { file } = await workbookIn();
    const port = await XlsxWorkbook.fromBuffer(readFileSync(file));
    const core = (await port.pkg.text("docProps/core.xml"))!;
    port.pkg.setText("docProps/core.xml", core.replace("Sổ theo dõi phong trào", "Ai đó"));
    await expect(port.toVerifiedBuffer()).rejects.toThrow(/docProps\/core.xml/);
  });
});

describe("the command line's output and inputs", () => {
  it("prints --json output of any length whole through a pipe", async () => {
    const { file } = await workbookIn();
    const port = await XlsxWorkbook.fromBuffer(readFileSync(file));
    const rows = Array.from({ length: 600 }, (_, i) => ({ Ngày: `3${i % 9}/13/2021`, Loại: "Thu", "Hình thức": "Tiền mặt", "Số tiền (đồng)": 1000 }));
    const fresh = await XlsxWorkbook.empty();
    await applyTemplates(fresh, chauSonPlan, new Map([["tblDongGop", rows]]));
    writeFileSync(file, await fresh.toBuffer());
    // The earlier file's tables were read before it was replaced: the 600 new rows are new to it.
    expect((await port.readTables(["tblDongGop"])).get("tblDongGop")?.rows.length ?? 0).toBeLessThan(600);
    const shell = spawnSync("sh", ["-c", `"${TSX}" "${CLI}" validate "${file}" --json | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const a=JSON.parse(s);console.log(s.length+" "+a.length)})'`], {
      encoding: "utf8",
      timeout: 60_000,
    });
    const [bytes, count] = shell.stdout.trim().split(" ").map(Number);
    expect(bytes).toBeGreaterThan(65_536 * 2);
    expect(count).toBeGreaterThanOrEqual(600);
  });

  it("refuses to report on a workbook without tracking tables, and changes nothing", async () => {
    const dir = path.join(root, `case-${++seq}`);
    await fsp.mkdir(dir);
    const port = await XlsxWorkbook.empty();
    await port.applyGrids([{ sheet: "Sổ riêng", createSheet: true, cells: [{ row: 0, col: 0, value: "ghi chép" }] }]);
    const file = path.join(dir, "rieng.xlsx");
    writeFileSync(file, await port.toBuffer());
    const before = readFileSync(file);
    const r = await captureOutput(() => run(["report", file, "--period", "2021"]));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("Sổ chưa có bảng theo dõi nào");
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it("builds what it can when some tables are missing, and never a formula to a missing table", async () => {
    const dir = path.join(root, `case-${++seq}`);
    await fsp.mkdir(dir);
    const file = path.join(dir, "thieu.xlsx");
    const { file: full } = await workbookIn();
    copyFileSync(full, file);
    const JSZip = (await import("jszip")).default;
    const zip = await JSZip.loadAsync(readFileSync(file));
    // Rename tblKhenThuong: the workbook then lacks it.
    for (const name of Object.keys(zip.files).filter((n) => n.startsWith("xl/tables/"))) {
      const xml = await zip.file(name)!.async("string");
      if (xml.includes('name="tblKhenThuong"')) zip.file(name, xml.replace(/tblKhenThuong/g, "tblKhenThuongCu"));
    }
    writeFileSync(file, await zip.generateAsync({ type: "uint8array" }));
    const r = await captureOutput(() => run(["report", file, "--period", "2021", "--today", "2022-01-05"]));
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("Sổ thiếu bảng tblKhenThuong");
    expect(r.stderr).toContain('Chưa thêm trang "Tổng hợp"');
    expect(await sheetsOf(file)).not.toContain("Tổng hợp");
  });

  it("cuts report text past Excel's 32,767 characters with an ellipsis", async () => {
    const dir = path.join(root, `case-${++seq}`);
    await fsp.mkdir(dir);
    // Each name fits in a cell; the sentence listing the units with overdue tasks does not.
    const unit = (k: string) => `Đơn vị ${k} ${"tên rất dài ".repeat(2000)}`;
    const deadline = 44256; // 01/03/2021
    const tasks = ["A", "B"].map((k, i) => ({ STT: i + 1, "Đơn vị": unit(k), "Nội dung nhiệm vụ": "Việc", "Hạn hoàn thành": deadline, "Trạng thái": "Chưa thực hiện" }));
    const port = await XlsxWorkbook.empty();
    await applyTemplates(port, chauSonPlan, new Map([["tblNhiemVu", tasks]]));
    const file = path.join(dir, "dai.xlsx");
    writeFileSync(file, await port.toBuffer());
    const r = await captureOutput(() => run(["report", file, "--period", "2021", "--today", "2022-01-05"]));
    expect(r.code).toBe(0);
    const book = await XlsxWorkbook.fromBuffer(readFileSync(file));
    const [cells] = await book.readRanges([{ sheet: "BC năm 2021", range: { top: 0, left: 0, bottom: 200, right: 7 } }]);
    const texts = cells!.flat().filter((v): v is string => typeof v === "string");
    expect(Math.max(...texts.map((t) => t.length))).toBeLessThanOrEqual(32_767);
    expect(texts.some((t) => t.length === 32_767 && t.endsWith("…"))).toBe(true);
    expect(existsSync(file)).toBe(true);
  });
});
