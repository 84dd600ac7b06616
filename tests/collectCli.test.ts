import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import JSZip from "jszip";
import { XlsxWorkbook } from "../src/adapters/xlsx/xlsxWorkbook";
import { run } from "../src/cli/main";
import { isoToSerial } from "../src/domain/dates";
import type { CellValue } from "../src/domain/grid";
import type { TableData } from "../src/domain/workbook";
import { captureOutput } from "./helpers/output";
import { readWithExcelJs } from "./helpers/exceljsRead";

const dir = mkdtempSync(path.join(tmpdir(), "collect-"));
const demo = path.join(dir, "demo.xlsx");
const TODAY = "2022-01-03";

async function tableOf(file: string, name: string): Promise<TableData> {
  return (await (await XlsxWorkbook.fromBuffer(readFileSync(file))).readTables([name])).get(name)!;
}

/** Sets cells of a table's row (by header) in a workbook file, as a unit's clerk would type them. */
async function fill(file: string, table: string, pick: (row: Record<string, CellValue>) => boolean, values: Record<string, CellValue>): Promise<number> {
  const port = await XlsxWorkbook.fromBuffer(readFileSync(file));
  const t = (await port.readTables([table])).get(table)!;
  const rec = (r: readonly CellValue[]) => Object.fromEntries(t.headers.map((h, i) => [h, r[i] ?? null]));
  const i = t.rows.findIndex((r) => pick(rec(r)));
  expect(i).toBeGreaterThanOrEqual(0);
  const { skipped } = await port.updateCells(Object.entries(values).map(([h, value]) => ({ sheet: t.sheet, row: t.range.top + 1 + i, col: t.range.left + t.headers.indexOf(h), expected: t.rows[i]![t.headers.indexOf(h)] ?? null, value: value as string | number | null })));
  expect(skipped).toEqual([]);
  writeFileSync(file, await port.toBuffer());
  return i;
}

beforeAll(async () => {
  expect((await captureOutput(() => run(["demo", "--out", demo]))).code).toBe(0);
});

describe("collect FILE --period P --out DIR", () => {
  const out = path.join(dir, "phieu");
  let files: string[];
  const book = path.join(dir, "phat.xlsx");
  beforeAll(async () => {
    copyFileSync(demo, book);
    const r = await captureOutput(() => run(["collect", book, "--period", "2021-S2", "--out", out, "--today", TODAY]));
    expect(r.code).toBe(0);
    files = readdirSync(out).sort();
  });

  it("records in the commune workbook every form it issued (id, owner, period, due, file) and what each may change; nothing else in the workbook changes", async () => {
    const issued = await tableOf(book, "tblPhieuDaPhat");
    expect(issued.sheet).toBe("Phiếu đã phát");
    expect(issued.headers).toEqual(["Mã phiếu", "Phiếu của", "Loại phiếu", "Từ ngày", "Đến ngày", "Ngày gửi", "Hạn gửi lại", "Tệp"]);
    expect(issued.rows.map((r) => r[7]).sort()).toEqual(files);
    const ids = issued.rows.map((r) => r[0] as string);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^PH-[0-9A-HJKMNP-TV-Z]{6}-[0-9A-HJKMNP-TV-Z]{6}-[0-9A-HJKMNP-TV-Z]{6}-[0-9A-HJKMNP-TV-Z]{6}$/);
    expect(issued.rows.find((r) => r[1] === "Trạm y tế xã")!.slice(2, 7)).toEqual(["Đơn vị", isoToSerial("2021-07-01"), isoToSerial("2021-12-31"), isoToSerial(TODAY), isoToSerial("2022-01-05")]);
    // The unit's form may change its own tasks' four fill-in cells, as sent.
    const scope = await tableOf(book, "tblDuLieuPhieu");
    const tyte = issued.rows.find((r) => r[1] === "Trạm y tế xã")![0];
    const tasks = (await tableOf(book, "tblNhiemVu")).rows.filter((r) => r[1] === "Trạm y tế xã");
    expect(scope.rows.filter((r) => r[0] === tyte)).toHaveLength(tasks.length * 4);
    // Every table of the workbook but these two reads as before.
    const names = ["tblThongTin", "tblKeHoach", "tblThon", "tblDonVi", "tblNhiemVu", "tblCamKet", "tblDongGop", "tblKhenThuong"];
    const [was, now] = await Promise.all([demo, book].map(async (f) => (await XlsxWorkbook.fromBuffer(readFileSync(f))).readTables(names)));
    for (const n of names) expect([n, now!.get(n)]).toEqual([n, was!.get(n)]);
  });

  it("writes one workbook per unit with tasks and per village, named so people and mail systems understand them", async () => {
    const units = (await tableOf(demo, "tblNhiemVu")).rows.map((r) => r[1]);
    const withTasks = new Set(units);
    const villages = (await tableOf(demo, "tblThon")).rows.length;
    expect(files).toHaveLength(withTasks.size + villages);
    expect(files).toContain("Phieu-bao-cao-Tram-y-te-xa-2021-S2.xlsx");
    expect(files).toContain("Phieu-bao-cao-Thon-mau-1-2021-S2.xlsx");
    for (const f of files) expect(f).toMatch(/^Phieu-bao-cao-[A-Za-z0-9-]+-2021-S2\.xlsx$/);
  });

  it("gives a unit its own tasks only, with the workbook's dropdowns, and an identity sheet saying whose, which period, what was sent", async () => {
    const form = path.join(out, "Phieu-bao-cao-Tram-y-te-xa-2021-S2.xlsx");
    const tasks = await tableOf(form, "tblNhiemVu");
    const commune = (await tableOf(demo, "tblNhiemVu")).rows.filter((r) => r[1] === "Trạm y tế xã");
    expect(tasks.rows.map((r) => r[2])).toEqual(commune.map((r) => r[2]));
    expect(new Set(tasks.rows.map((r) => r[1]))).toEqual(new Set(["Trạm y tế xã"]));
    const id = await tableOf(form, "tblPhieu");
    const value = (k: string) => id.rows.find((r) => r[0] === k)?.[1];
    expect([value("Phiếu của"), value("Loại phiếu"), value("Từ ngày"), value("Đến ngày"), value("Hạn gửi lại")]).toEqual(["Trạm y tế xã", "Đơn vị", "01/07/2021", "31/12/2021", "05/01/2022"]);
    // Its id is the one the commune workbook recorded for it; what was sent stays in the commune workbook.
    const issued = await tableOf(book, "tblPhieuDaPhat");
    expect(value("Mã phiếu")).toBe(issued.rows.find((r) => r[7] === "Phieu-bao-cao-Tram-y-te-xa-2021-S2.xlsx")![0]);
    expect(id.rows.map((r) => r[0])).not.toContain("Dữ liệu đã gửi");
    // The status column keeps its dropdown (the contract's list) and the date its rule.
    const zip = await JSZip.loadAsync(readFileSync(form));
    const sheets = await Promise.all(Object.keys(zip.files).filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f)).map((f) => zip.file(f)!.async("string")));
    const nhiemVu = sheets.find((x) => x.includes("<dataValidation") && x.includes("Hoàn thành"))!;
    expect(nhiemVu).toMatch(/<dataValidation [^>]*type="list"[\s\S]*?<formula1>"Chưa thực hiện,Đang thực hiện,Hoàn thành"<\/formula1>/);
    expect(nhiemVu).toMatch(/<dataValidation [^>]*type="date"/);
    // Every sheet protected; in Nhiệm vụ only the columns the unit fills in are open.
    const excel = await readWithExcelJs(readFileSync(form));
    for (const ws of excel.worksheets) expect([ws.name, (ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet]).toEqual([ws.name, true]);
    const ws = excel.getWorksheet("Nhiệm vụ")!;
    const header = ws.getRow(tasks.range.top + 1).values as unknown[];
    const col = (h: string) => header.indexOf(h);
    const row = ws.getRow(tasks.range.top + 2);
    for (const h of ["Trạng thái", "Ngày hoàn thành", "Kết quả, minh chứng", "Ghi chú"]) expect([h, row.getCell(col(h)).protection?.locked]).toEqual([h, false]);
    for (const h of ["Đơn vị", "Nội dung nhiệm vụ", "Hạn hoàn thành"]) expect([h, row.getCell(col(h)).protection?.locked]).not.toEqual([h, false]);
  });

  it("without --period, collects the last period completed at the plan's cadence as the data stands, never from the clock alone (the 2021 plan in 2026: still 2021-S2)", async () => {
    for (const today of [TODAY, "2026-12-06"]) {
      const copy = path.join(dir, `mac-dinh-${today}.xlsx`);
      copyFileSync(demo, copy);
      const dflt = path.join(dir, `mac-dinh-${today}`);
      const r = await captureOutput(() => run(["collect", copy, "--out", dflt, "--today", today]));
      expect(r.code).toBe(0);
      expect(r.stderr).toContain("Kỳ báo cáo: 6 tháng cuối năm 2021");
      expect(readdirSync(dflt).sort()).toEqual(files);
    }
    // Before the half-year is over, the one before it.
    const early = path.join(dir, "mac-dinh-som.xlsx");
    copyFileSync(demo, early);
    const r = await captureOutput(() => run(["collect", early, "--out", path.join(dir, "mac-dinh-som"), "--today", "2021-12-20"]));
    expect(r.code).toBe(0);
    expect(readdirSync(path.join(dir, "mac-dinh-som")).every((f) => f.endsWith("-2021-S1.xlsx"))).toBe(true);
  });

  it("refuses a due date before the period's end", async () => {
    const copy = path.join(dir, "han-som.xlsx");
    copyFileSync(demo, copy);
    const before = readFileSync(copy);
    const r = await captureOutput(() => run(["collect", copy, "--period", "2021-S2", "--due", "2021-12-01", "--out", path.join(dir, "han-som"), "--today", TODAY]));
    expect(r.code).toBe(64);
    expect(r.stderr).toContain("Hạn gửi lại 01/12/2021 trước ngày cuối của kỳ 6 tháng cuối năm 2021 (31/12/2021)");
    expect(existsSync(path.join(dir, "han-som"))).toBe(false);
    expect(readFileSync(copy).equals(before)).toBe(true);
  });

  it("never writes over a form already there: makes and records nothing, says which files are in the way, exits 1", async () => {
    const again = path.join(dir, "lan-hai");
    const target = path.join(again, "Phieu-bao-cao-Cong-an-xa-2021-S2.xlsx");
    const { mkdirSync } = await import("node:fs");
    mkdirSync(again);
    writeFileSync(target, "the clerk's copy");
    const before = readFileSync(book);
    const r = await captureOutput(() => run(["collect", book, "--period", "2021-S2", "--out", again, "--today", TODAY]));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("Phieu-bao-cao-Cong-an-xa-2021-S2.xlsx");
    expect(r.stderr).toContain("Chưa tạo phiếu nào");
    expect(readFileSync(target, "utf8")).toBe("the clerk's copy");
    expect(readdirSync(again)).toEqual(["Phieu-bao-cao-Cong-an-xa-2021-S2.xlsx"]);
    expect(readFileSync(book).equals(before)).toBe(true);
  });
});

describe("merge FILE RETURNED…", () => {
  const out = path.join(dir, "vong");
  const commune = path.join(dir, "xa.xlsx");
  const direct = path.join(dir, "truc-tiep.xlsx");
  const unitForm = path.join(out, "Phieu-bao-cao-Tram-y-te-xa-2021-S2.xlsx");
  const villageForm = path.join(out, "Phieu-bao-cao-Thon-mau-1-2021-S2.xlsx");
  let task: string;

  beforeAll(async () => {
    copyFileSync(demo, commune);
    copyFileSync(demo, direct);
    expect((await captureOutput(() => run(["collect", commune, "--period", "2021-S2", "--out", out, "--today", TODAY]))).code).toBe(0);
    // The unit reports a task done, with its date and evidence; the village adds a dated row.
    const tasks = await tableOf(unitForm, "tblNhiemVu");
    const open = tasks.rows.find((r) => r[tasks.headers.indexOf("Trạng thái")] !== "Hoàn thành")!;
    task = open[tasks.headers.indexOf("Nội dung nhiệm vụ")] as string;
    const done = { "Trạng thái": "Hoàn thành", "Ngày hoàn thành": isoToSerial("2021-12-20"), "Kết quả, minh chứng": "Đã xong, có biên bản" };
    await fill(unitForm, "tblNhiemVu", (r) => r["Nội dung nhiệm vụ"] === task, done);
    // Filling the commune workbook directly: what the merge must come to.
    await fill(direct, "tblNhiemVu", (r) => r["Nội dung nhiệm vụ"] === task && r["Đơn vị"] === "Trạm y tế xã", done);
  });

  it("round trip: the unit's return, merged, equals filling the commune's workbook directly; every change logged", async () => {
    const r = await captureOutput(() => run(["merge", commune, unitForm, "--today", TODAY]));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("3 ô cập nhật");
    const merged = await tableOf(commune, "tblNhiemVu");
    const expected = await tableOf(direct, "tblNhiemVu");
    expect(merged.rows).toEqual(expected.rows);
    const log = await tableOf(commune, "tblNhatKy");
    expect(log.headers).toEqual(["Thời điểm", "Tệp", "Phiếu của", "Trang", "Ô", "Giá trị cũ", "Giá trị mới"]);
    expect(log.rows).toHaveLength(3);
    expect(log.rows.map((x) => [x[1], x[2], x[3], x[6]])).toEqual(
      expect.arrayContaining([["Phieu-bao-cao-Tram-y-te-xa-2021-S2.xlsx", "Trạm y tế xã", "Nhiệm vụ", "Đã xong, có biên bản"]]),
    );
  });

  it("merging the same file twice changes nothing: the workbook comes out byte for byte", async () => {
    const before = readFileSync(commune);
    const r = await captureOutput(() => run(["merge", commune, unitForm, "--today", TODAY]));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Không có gì mới");
    expect(readFileSync(commune).equals(before)).toBe(true);
  });

  it("appends a village's new pledge row once, with its rate formula, and logs it", async () => {
    const port = await XlsxWorkbook.fromBuffer(readFileSync(villageForm));
    const t = (await port.readTables(["tblCamKet"])).get("tblCamKet")!;
    const row = t.range.top + 1;
    const col = (h: string) => t.range.left + t.headers.indexOf(h);
    const at = (h: string) => t.rows[0]![t.headers.indexOf(h)] ?? null;
    // The village updates its row in place: a new date, more households signed.
    const { skipped } = await port.updateCells([
      { sheet: t.sheet, row, col: col("Ngày cập nhật"), expected: at("Ngày cập nhật"), value: isoToSerial("2021-12-28") },
      { sheet: t.sheet, row, col: col("Số hộ đã ký"), expected: at("Số hộ đã ký"), value: at("Số hộ") as number },
    ]);
    expect(skipped).toEqual([]);
    writeFileSync(villageForm, await port.toBuffer());
    const before = await tableOf(commune, "tblCamKet");
    const r = await captureOutput(() => run(["merge", commune, villageForm, "--today", TODAY]));
    expect(r.code).toBe(0);
    const after = await tableOf(commune, "tblCamKet");
    expect(after.rows).toHaveLength(before.rows.length + 1);
    const added = after.rows.at(-1)!;
    const h = (x: string) => added[after.headers.indexOf(x)];
    expect([h("Thôn, đơn vị"), h("Ngày cập nhật"), h("Số hộ đã ký")]).toEqual(["Thôn mẫu 1", isoToSerial("2021-12-28"), at("Số hộ")]);
    expect(h("Tỷ lệ hộ đã ký")).toMatchObject({ formula: expect.stringContaining("tblCamKet[[#This Row],[Số hộ đã ký]]") as unknown });
    expect((await tableOf(commune, "tblNhatKy")).rows.at(-1)![6]).toMatch(/^Dòng mới: Thôn mẫu 1/);
    // Again: the row is there, nothing is added.
    const again = readFileSync(commune);
    expect((await captureOutput(() => run(["merge", commune, villageForm, "--today", TODAY]))).code).toBe(0);
    expect(readFileSync(commune).equals(again)).toBe(true);
  });

  it("a cell changed on both sides is a conflict: listed with both values, the workbook's kept", async () => {
    const other = path.join(out, "Phieu-bao-cao-Cong-an-xa-2021-S2.xlsx");
    const tasks = await tableOf(other, "tblNhiemVu");
    const content = tasks.rows[0]![tasks.headers.indexOf("Nội dung nhiệm vụ")] as string;
    await fill(other, "tblNhiemVu", (r) => r["Nội dung nhiệm vụ"] === content, { "Kết quả, minh chứng": "Theo phiếu của Công an" });
    // Meanwhile the commune's clerk wrote something else in the same cell.
    await fill(commune, "tblNhiemVu", (r) => r["Nội dung nhiệm vụ"] === content && r["Đơn vị"] === "Công an xã", { "Kết quả, minh chứng": "Theo sổ của xã" });
    const r = await captureOutput(() => run(["merge", commune, other, "--json", "--today", TODAY]));
    expect(r.code).toBe(0);
    const out2 = JSON.parse(r.stdout) as { applied: number; appended: number; refused: unknown[]; conflicts: { file: string; sheet: string; cell: string; sent: unknown; current: string; returned: string }[] };
    // DOMAIN.md's keys: applied, conflicts [{file, sheet, cell, sent, returned, current}], refused, appended.
    expect([out2.applied, out2.appended, out2.refused]).toEqual([0, 0, []]);
    const original = await tableOf(demo, "tblNhiemVu");
    const sent = original.rows.find((x) => x[original.headers.indexOf("Nội dung nhiệm vụ")] === content && x[original.headers.indexOf("Đơn vị")] === "Công an xã")![original.headers.indexOf("Kết quả, minh chứng")] ?? null;
    expect(out2.conflicts).toEqual([expect.objectContaining({ file: "Phieu-bao-cao-Cong-an-xa-2021-S2.xlsx", sheet: "Nhiệm vụ", sent, current: "Theo sổ của xã", returned: "Theo phiếu của Công an" })]);
    expect(r.stderr).toContain(`ô ${out2.conflicts[0]!.cell}`);
    const kept = await tableOf(commune, "tblNhiemVu");
    expect(kept.rows.some((x) => x[kept.headers.indexOf("Kết quả, minh chứng")] === "Theo sổ của xã")).toBe(true);
    expect(kept.rows.some((x) => x[kept.headers.indexOf("Kết quả, minh chứng")] === "Theo phiếu của Công an")).toBe(false);
  });

  it("records each unit's first return of the period, on time or late; the report says who has not sent and who sent late", async () => {
    // Received so far (the tests above): Trạm y tế xã and Công an xã on 03/01/2022, Thôn mẫu 1 too; due 05/01/2022.
    const receipts = await tableOf(commune, "tblPhieuDaNhan");
    expect(receipts.rows.map((r) => r[0])).toEqual(["Trạm y tế xã", "Thôn mẫu 1", "Công an xã"]);
    // A late return: the school's, merged on 10/01/2022.
    const school = path.join(out, "Phieu-bao-cao-Truong-hoc-2021-S2.xlsx");
    expect((await captureOutput(() => run(["merge", commune, school, "--today", "2022-01-10"]))).code).toBe(0);
    expect((await tableOf(commune, "tblPhieuDaNhan")).rows).toHaveLength(4);
    const expected = readdirSync(out).length;
    const r = await captureOutput(() => run(["report", commune, "--period", "2021-S2", "--docx", path.join(dir, "bc.docx"), "--today", "2022-01-12"]));
    expect(r.code).toBe(0);
    const JSZipMod = (await import("jszip")).default;
    const body = await (await JSZipMod.loadAsync(readFileSync(path.join(dir, "bc.docx")))).file("word/document.xml")!.async("string");
    const text = [...body.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("\n");
    expect(text).toContain(`- Còn ${expected - 4}/${expected} đơn vị, thôn chưa gửi báo cáo:`);
    expect(text).toContain("- Có 1 đơn vị, thôn gửi báo cáo chậm so với thời hạn: Trường học (hạn 05/01/2022, nhận ngày 10/01/2022).");
  });

  it("refuses a file that is not a return, another workbook's return and another period's, naming each; checks values before taking them", async () => {
    // Another period: forms of the first half-year, merged as the second.
    const s1 = path.join(dir, "s1");
    expect((await captureOutput(() => run(["collect", commune, "--period", "2021-S1", "--out", s1, "--today", TODAY]))).code).toBe(0);
    const early = path.join(s1, "Phieu-bao-cao-Truong-hoc-2021-S1.xlsx");
    // Another workbook: a return made from a workbook of another plan (its key differs).
    const foreignBook = path.join(dir, "khac.xlsx");
    const planFile = path.join(dir, "an-binh.json");
    expect((await captureOutput(() => run(["plan", "import", path.join(__dirname, "fixtures/plans/bien-the-an-binh-2025.txt"), "--out", planFile]))).code).toBe(0);
    expect((await captureOutput(() => run(["template", foreignBook, "--plan", planFile]))).code).toBe(0);
    const foreignForms = path.join(dir, "khac");
    expect((await captureOutput(() => run(["collect", foreignBook, "--period", "2021-S2", "--out", foreignForms, "--today", TODAY]))).code).toBe(0);
    const foreign = path.join(foreignForms, readdirSync(foreignForms)[0]!);
    // A wrong status typed in a return of this workbook.
    const school = path.join(out, "Phieu-bao-cao-Truong-hoc-2021-S2.xlsx");
    const tasks = await tableOf(school, "tblNhiemVu");
    const content = tasks.rows[0]![tasks.headers.indexOf("Nội dung nhiệm vụ")] as string;
    await fill(school, "tblNhiemVu", (r) => r["Nội dung nhiệm vụ"] === content, { "Trạng thái": "Xong rồi" });
    const before = readFileSync(commune);
    const r = await captureOutput(() => run(["merge", commune, school, early, foreign, foreignBook, path.join(dir, "khong-co.xlsx"), "--period", "2021-S2", "--dry-run", "--today", TODAY]));
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("Phieu-bao-cao-Truong-hoc-2021-S1.xlsx: là phiếu của kỳ khác (6 tháng đầu năm 2021, theo sổ đã phát)");
    expect(r.stderr).toContain(`${path.basename(foreign)}: là phiếu của sổ khác`);
    expect(r.stderr).toContain("khac.xlsx: không phải phiếu báo cáo");
    expect(r.stderr).toContain("khong-co.xlsx: không đọc được");
    expect(r.stderr).toMatch(/Phieu-bao-cao-Truong-hoc-2021-S2\.xlsx: Ô [A-Z]+\d+ \(trang "Nhiệm vụ", cột "Trạng thái"\): "Xong rồi" không có trong danh sách/);
    expect(r.stdout).toContain("Chạy thử");
    expect(readFileSync(commune).equals(before)).toBe(true);
    expect(existsSync(path.join(dir, "khong-co.xlsx"))).toBe(false);
    // As JSON: each refused file with its reason in words.
    const j = await captureOutput(() => run(["merge", commune, early, foreign, path.join(dir, "khong-co.xlsx"), "--period", "2021-S2", "--dry-run", "--json", "--today", TODAY]));
    const refused = (JSON.parse(j.stdout) as { refused: { file: string; reason: string }[] }).refused;
    expect(refused.map((x) => x.file).sort()).toEqual([path.basename(foreign), "Phieu-bao-cao-Truong-hoc-2021-S1.xlsx", "khong-co.xlsx"].sort());
    for (const x of refused) expect(x.reason).toContain(x.file);
  });
});
