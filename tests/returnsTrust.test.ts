// The merge as a trust boundary: returns crafted as a hostile sender would (their XML edited, their
// zip rewritten by hand), merged into a copy of the commune's workbook; an independent reader
// (ExcelJS) then shows that nothing outside the issued form's scope changed, and every refusal is
// named with the return's file and cell.
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import fc from "fast-check";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { XlsxWorkbook } from "../src/adapters/xlsx/xlsxWorkbook";
import { run } from "../src/cli/main";
import { isoToSerial } from "../src/domain/dates";
import { cellAddress, parseRangeAddress } from "../src/domain/grid";
import type { TableData } from "../src/domain/workbook";
import { cellMap, changedCells, editSheets, setCells, sheetPart, tablePart, writeZip, zipEntries } from "./helpers/craft";
import { captureOutput } from "./helpers/output";

const dir = mkdtempSync(path.join(tmpdir(), "tra-ve-"));
const demo = path.join(dir, "demo.xlsx");
const issuedBook = path.join(dir, "xa-da-phat.xlsx");
const formsDir = path.join(dir, "phieu");
const TODAY = "2022-01-03";
const UNIT = "Phieu-bao-cao-Tram-y-te-xa-2021-S2.xlsx";
const VILLAGE = "Phieu-bao-cao-Thon-mau-1-2021-S2.xlsx";
/** Sheets the merge keeps for itself: its log, its receipts, what each form brought. */
const RECORD_SHEETS = new Set(["Nhật ký cập nhật", "Phiếu đã nhận", "Dữ liệu phiếu"]);

async function tableOf(file: string, name: string): Promise<TableData> {
  return (await (await XlsxWorkbook.fromBuffer(readFileSync(file))).readTables([name])).get(name)!;
}

let n = 0;
/** A fresh copy of the commune's workbook (forms issued) and of the forms, for one test. */
function fresh(): { commune: string; form: (name: string) => string } {
  const d = path.join(dir, `lan-${++n}`);
  mkdirSync(d);
  const commune = path.join(d, "xa.xlsx");
  copyFileSync(issuedBook, commune);
  return {
    commune,
    form: (name) => {
      const f = path.join(d, name);
      if (!existsSync(f)) copyFileSync(path.join(formsDir, name), f);
      return f;
    },
  };
}

/** A table's box and headers in a return, read from the table part itself. */
async function tableIn(file: string, name: string): Promise<{ top: number; left: number; bottom: number; right: number; col: (h: string) => number; sheet: string }> {
  const entries = await zipEntries(file);
  const xml = entries.get(tablePart(entries, name))!.toString("utf8");
  const box = parseRangeAddress(/ ref="([^"]+)"/.exec(xml)![1]!)!;
  const headers = [...xml.matchAll(/<tableColumn [^>]*name="([^"]*)"/g)].map((m) => m[1]!);
  const t = await tableOf(file, name);
  return { ...box, col: (h) => box.left + headers.indexOf(h), sheet: t.sheet };
}

/** Merges returns into a workbook; the cells that changed outside the merge's own record sheets. */
async function mergeAndDiff(commune: string, files: string[], extra: string[] = []): Promise<{ code: number; stdout: string; stderr: string; changed: string[]; json?: MergeJson }> {
  const before = await cellMap(commune);
  const r = await captureOutput(() => run(["merge", commune, ...files, "--today", TODAY, ...extra]));
  const after = await cellMap(commune);
  const changed = changedCells(before, after).filter((k) => !RECORD_SHEETS.has(k.slice(0, k.lastIndexOf("!"))));
  return { ...r, changed, ...(extra.includes("--json") ? { json: JSON.parse(r.stdout) as MergeJson } : {}) };
}

interface MergeJson {
  applied: number;
  appended: number;
  refused: { file: string; reason: string; code: string }[];
  conflicts: unknown[];
  invalid: { file: string; code: string; message: string; params: Record<string, string | number> }[];
  notices: { file: string; code: string; message: string }[];
  receipts: { who: string; due: string; received: string }[];
  merged: { file: string; who: string }[];
}

beforeAll(async () => {
  expect((await captureOutput(() => run(["demo", "--out", demo]))).code).toBe(0);
  copyFileSync(demo, issuedBook);
  expect((await captureOutput(() => run(["collect", issuedBook, "--period", "2021-S2", "--out", formsDir, "--today", TODAY]))).code).toBe(0);
}, 60_000);

describe("a unit's return changes only its own tasks' fill-in cells", () => {
  it("rows for another unit's tasks (in the table and typed below it) are refused by name; the unit's own cell is taken; nothing else changes", async () => {
    const { commune, form } = fresh();
    const unit = form(UNIT);
    const t = await tableIn(unit, "tblNhiemVu");
    const tasks = await tableOf(commune, "tblNhiemVu");
    const col = (h: string) => tasks.headers.indexOf(h);
    const police = tasks.rows.filter((r) => r[col("Đơn vị")] === "Công an xã");
    const forge = (row: number, task: (typeof police)[number]) => ({
      [cellAddress(row, t.col("Đơn vị"))]: "Công an xã",
      [cellAddress(row, t.col("Nội dung nhiệm vụ"))]: task[col("Nội dung nhiệm vụ")] as string,
      [cellAddress(row, t.col("Mục kế hoạch"))]: task[col("Mục kế hoạch")] as string,
      [cellAddress(row, t.col("Trạng thái"))]: "Hoàn thành",
      [cellAddress(row, t.col("Ngày hoàn thành"))]: isoToSerial("2021-12-01"),
      [cellAddress(row, t.col("Kết quả, minh chứng"))]: "giả mạo",
    });
    const own = t.top + 2;
    await editSheets(unit, {
      [t.sheet]: (xml) => setCells(xml, { ...forge(t.top + 1, police[0]!), ...forge(t.bottom + 1, police[1]!), [cellAddress(own, t.col("Kết quả, minh chứng"))]: "Có biên bản" }),
    });
    const r = await mergeAndDiff(commune, [unit], ["--json"]);
    expect(r.code).toBe(0);
    // The one cell changed is the Trạm y tế's own task's evidence.
    expect(r.changed).toHaveLength(1);
    const [sheet, cell] = r.changed[0]!.split("!");
    expect(sheet).toBe("Nhiệm vụ");
    const after = await tableOf(commune, "tblNhiemVu");
    const i = (parseRangeAddress(cell!)!.top) - after.range.top - 1;
    expect([after.rows[i]![col("Đơn vị")], after.rows[i]![col("Kết quả, minh chứng")]]).toEqual(["Trạm y tế xã", "Có biên bản"]);
    // Both forged rows are named with the return's own cells.
    const out = r.json!.invalid.filter((x) => x.code === "merge-out-of-scope");
    expect(out.map((x) => x.params.cell).sort()).toEqual([cellAddress(t.top + 1, t.col("Nội dung nhiệm vụ")), cellAddress(t.bottom + 1, t.col("Nội dung nhiệm vụ"))].sort());
    for (const x of out) expect(x.message).toContain(`${UNIT}, trang "Nhiệm vụ", ô ${x.params.cell}`);
    expect(r.json!.notices.map((x) => x.code)).toContain("merge-rows-below");
  });
});

describe("a village's return brings only its own rows", () => {
  it("receipts and spending credited to other villages or made-up ones are refused by name; its own receipt is appended under its name", async () => {
    const { commune, form } = fresh();
    const village = form(VILLAGE);
    const g = await tableIn(village, "tblDongGop");
    const k = await tableIn(village, "tblCamKet");
    const row = (r: number, v: Record<string, string | number>) => Object.fromEntries(Object.entries(v).map(([h, x]) => [cellAddress(r, g.col(h)), x]));
    const base = { "Ngày": isoToSerial("2021-12-10"), "Hình thức": "Tiền mặt", "Nhóm": "Cá nhân" };
    await editSheets(village, {
      [g.sheet]: (xml) =>
        setCells(xml, {
          ...row(g.top + 1, { ...base, "Loại": "Thu", "Người, đơn vị": "Nguyễn Văn A", "Thôn": "Thôn mẫu 2", "Số tiền (đồng)": 5_000_000, "Số chứng từ": "PT01" }),
          ...row(g.top + 2, { ...base, "Loại": "Chi", "Người, đơn vị": "Chi hỗ trợ", "Số tiền (đồng)": 900_000_000, "Số chứng từ": "PC01" }),
          ...row(g.top + 3, { ...base, "Loại": "Thu", "Người, đơn vị": "Trần Thị B", "Thôn": "Thôn Không Có", "Số tiền (đồng)": 1_000_000, "Số chứng từ": "PT02" }),
          ...row(g.top + 4, { ...base, "Loại": "Thu", "Người, đơn vị": "Lê Văn C", "Số tiền (đồng)": 300_000, "Số chứng từ": "PT03" }),
        }),
      [k.sheet]: (xml) => setCells(xml, { [cellAddress(k.top + 1, k.col("Thôn, đơn vị"))]: "Thôn mẫu 2", [cellAddress(k.top + 1, k.col("Ngày cập nhật"))]: isoToSerial("2021-12-28") }),
    });
    const ledgerBefore = await tableOf(commune, "tblDongGop");
    const pledgesBefore = await tableOf(commune, "tblCamKet");
    const r = await mergeAndDiff(commune, [village], ["--json"]);
    expect(r.code).toBe(0);
    const ledger = await tableOf(commune, "tblDongGop");
    expect(ledger.rows).toHaveLength(ledgerBefore.rows.length + 1);
    const added = Object.fromEntries(ledger.headers.map((h, j) => [h, ledger.rows.at(-1)![j]]));
    expect([added["Người, đơn vị"], added["Thôn"], added["Số tiền (đồng)"], added["Loại"]]).toEqual(["Lê Văn C", "Thôn mẫu 1", 300_000, "Thu"]);
    expect((await tableOf(commune, "tblCamKet")).rows).toEqual(pledgesBefore.rows);
    // The only cells changed are the new ledger row's.
    const newRow = ledger.range.top + ledger.rows.length;
    expect(r.changed.every((c) => c.startsWith("Đóng góp!") && parseRangeAddress(c.split("!")[1]!)!.top === newRow)).toBe(true);
    const codes = r.json!.invalid.map((x) => `${x.code} ${x.params.cell}`).sort();
    expect(codes).toEqual(
      [
        `merge-other-village ${cellAddress(g.top + 1, g.col("Thôn"))}`,
        `merge-village-spending ${cellAddress(g.top + 2, g.col("Loại"))}`,
        `merge-other-village ${cellAddress(g.top + 3, g.col("Thôn"))}`,
        `merge-other-village ${cellAddress(k.top + 1, k.col("Thôn, đơn vị"))}`,
      ].sort(),
    );
    for (const x of r.json!.invalid) expect(x.message).toContain(`${VILLAGE}, trang "${x.code === "merge-other-village" && x.params.cell === cellAddress(k.top + 1, k.col("Thôn, đơn vị")) ? k.sheet : g.sheet}", ô ${x.params.cell}`);
  });

  it("rows typed just below the ledger table are read as its rows, never dropped in silence", async () => {
    const { commune, form } = fresh();
    const village = form(VILLAGE);
    const g = await tableIn(village, "tblDongGop");
    const below = g.bottom + 2;
    await editSheets(village, {
      [g.sheet]: (xml) =>
        setCells(xml, {
          [cellAddress(below, g.col("Ngày"))]: isoToSerial("2021-11-20"),
          [cellAddress(below, g.col("Loại"))]: "Thu",
          [cellAddress(below, g.col("Người, đơn vị"))]: "Phạm Văn D",
          [cellAddress(below, g.col("Hình thức"))]: "Tiền mặt",
          [cellAddress(below, g.col("Số tiền (đồng)"))]: 450_000,
        }),
    });
    const r = await mergeAndDiff(commune, [village], ["--json"]);
    expect(r.code).toBe(0);
    expect(r.json!.appended).toBe(1);
    const ledger = await tableOf(commune, "tblDongGop");
    expect(ledger.rows.at(-1)![ledger.headers.indexOf("Người, đơn vị")]).toBe("Phạm Văn D");
    expect(r.json!.notices.find((x) => x.code === "merge-rows-below")?.message).toContain(`${VILLAGE}, trang "${g.sheet}": 1 dòng ghi ngay dưới bảng`);
  });
});

describe("the workbook's record is the authority, never what the return says about itself", () => {
  it("a form re-labelled as another unit, kind, period and due date is merged as issued; each difference is told; a late return stays late", async () => {
    const { commune, form } = fresh();
    const unit = form(UNIT);
    const id = await tableIn(unit, "tblPhieu");
    const t = await tableIn(unit, "tblNhiemVu");
    // Rows of the identity table, by their item.
    const items = (await tableOf(unit, "tblPhieu")).rows.map((x) => x[0]);
    const rowOf = (item: string) => id.top + 1 + items.indexOf(item);
    await editSheets(unit, {
      [id.sheet]: (x) =>
        setCells(x, {
          [cellAddress(rowOf("Phiếu của"), id.left + 1)]: "Công an xã",
          [cellAddress(rowOf("Loại phiếu"), id.left + 1)]: "Thôn",
          [cellAddress(rowOf("Từ ngày"), id.left + 1)]: "01/01/2021",
          [cellAddress(rowOf("Hạn gửi lại"), id.left + 1)]: "31/12/2022",
        }),
      [t.sheet]: (x) => setCells(x, { [cellAddress(t.top + 1, t.col("Kết quả, minh chứng"))]: "Đã làm" }),
    });
    const before = await cellMap(commune);
    const r = await captureOutput(() => run(["merge", commune, unit, "--json", "--today", "2022-01-10"]));
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as MergeJson;
    expect(j.merged.map((m) => m.who)).toEqual(["Trạm y tế xã"]);
    expect(j.receipts).toEqual([expect.objectContaining({ who: "Trạm y tế xã", due: "05/01/2022", received: "10/01/2022" })]);
    expect(j.notices.filter((x) => x.code === "merge-stated-differs").map((x) => x.message)).toEqual(
      expect.arrayContaining([
        `${UNIT}: phiếu tự ghi "Phiếu của" là "Công an xã", còn sổ đã phát ghi "Trạm y tế xã". Gộp theo sổ.`,
        `${UNIT}: phiếu tự ghi "Loại phiếu" là "Thôn", còn sổ đã phát ghi "Đơn vị". Gộp theo sổ.`,
        `${UNIT}: phiếu tự ghi "Từ ngày" là "01/01/2021", còn sổ đã phát ghi "01/07/2021". Gộp theo sổ.`,
        `${UNIT}: phiếu tự ghi "Hạn gửi lại" là "31/12/2022", còn sổ đã phát ghi "05/01/2022". Gộp theo sổ.`,
      ]),
    );
    // Only the Trạm y tế's own cell changed; the police's tasks did not.
    const changed = changedCells(before, await cellMap(commune)).filter((k) => !RECORD_SHEETS.has(k.split("!")[0]!));
    expect(changed).toHaveLength(1);
    const receipts = await tableOf(commune, "tblPhieuDaNhan");
    expect(receipts.rows.map((x) => [x[0], x[4], x[5]])).toEqual([["Trạm y tế xã", isoToSerial("2022-01-05"), isoToSerial("2022-01-10")]]);
  });

  it("a form id the workbook never issued, a form without an id, and another workbook's form are refused by name, with the cell", async () => {
    const { commune, form } = fresh();
    const made = form(UNIT);
    const noId = path.join(path.dirname(made), "khong-ma.xlsx");
    copyFileSync(made, noId);
    const id = await tableIn(made, "tblPhieu");
    await editSheets(made, { [id.sheet]: (x) => setCells(x, { [cellAddress(id.top + 1, id.left + 1)]: "PH-AAAAAA-BBBBBB-CCCCCC-DDDDDD" }) });
    await editSheets(noId, { [id.sheet]: (x) => setCells(x, { [cellAddress(id.top + 1, id.left + 1)]: null }) });
    const r = await mergeAndDiff(commune, [made, noId], ["--json"]);
    expect(r.code).toBe(1);
    expect(r.changed).toEqual([]);
    const reasons = r.json!.refused.map((x) => x.reason);
    expect(reasons).toContain(`${UNIT}: mã phiếu "PH-AAAAAA-BBBBBB-CCCCCC-DDDDDD" (trang "Phiếu", ô ${cellAddress(id.top + 1, id.left + 1)}) không có trong danh sách phiếu sổ này đã phát (trang "Phiếu đã phát"). Không gộp; chỉ gộp phiếu do chính sổ này tạo. Nếu mã bị sửa nhầm, hãy xin lại tệp gốc hoặc tạo phiếu mới.`);
    expect(reasons.some((x) => x.startsWith(`khong-ma.xlsx: trang "Phiếu" không có mã phiếu (ô ${cellAddress(id.top + 1, id.left + 1)})`))).toBe(true);
  });
});

describe("receipts keep their identity", () => {
  it("two receipts alike but for their voucher numbers are both kept; a corrected resend updates its own row, never adds it again", async () => {
    const { commune, form } = fresh();
    const village = form(VILLAGE);
    const g = await tableIn(village, "tblDongGop");
    const receipt = (r: number, voucher: string | null, amount: number) => ({
      [cellAddress(r, g.col("Ngày"))]: isoToSerial("2021-12-05"),
      [cellAddress(r, g.col("Loại"))]: "Thu",
      [cellAddress(r, g.col("Người, đơn vị"))]: "Hoàng Văn E",
      [cellAddress(r, g.col("Hình thức"))]: "Tiền mặt",
      [cellAddress(r, g.col("Số tiền (đồng)"))]: amount,
      [cellAddress(r, g.col("Số chứng từ"))]: voucher,
    });
    await editSheets(village, { [g.sheet]: (x) => setCells(x, { ...receipt(g.top + 1, "PT10", 200_000), ...receipt(g.top + 2, "PT11", 200_000), ...receipt(g.top + 3, null, 100_000), ...receipt(g.top + 4, null, 100_000) }) });
    const before = (await tableOf(commune, "tblDongGop")).rows.length;
    const first = await mergeAndDiff(commune, [village], ["--json"]);
    expect(first.json!.appended).toBe(4);
    const amounts = async () => {
      const t = await tableOf(commune, "tblDongGop");
      return t.rows.slice(before).map((x) => [x[t.headers.indexOf("Số chứng từ")], x[t.headers.indexOf("Số tiền (đồng)")]]);
    };
    expect(await amounts()).toEqual([["PT10", 200_000], ["PT11", 200_000], [null, 100_000], [null, 100_000]]);
    // The village corrects PT11 to 250.000 and sends the same form again.
    await editSheets(village, { [g.sheet]: (x) => setCells(x, { [cellAddress(g.top + 2, g.col("Số tiền (đồng)"))]: 250_000 }) });
    const again = await mergeAndDiff(commune, [village], ["--json"]);
    expect([again.code, again.json!.appended, again.json!.applied]).toEqual([0, 0, 1]);
    expect(await amounts()).toEqual([["PT10", 200_000], ["PT11", 250_000], [null, 100_000], [null, 100_000]]);
    // Sent a third time unchanged: nothing.
    const third = await mergeAndDiff(commune, [village], ["--json"]);
    expect([third.json!.appended, third.json!.applied, third.changed]).toEqual([0, 0, []]);
  });

  it("a resend whose earlier row the clerk has since corrected is listed for the clerk, not applied", async () => {
    const { commune, form } = fresh();
    const village = form(VILLAGE);
    const g = await tableIn(village, "tblDongGop");
    const cells = { [cellAddress(g.top + 1, g.col("Ngày"))]: isoToSerial("2021-12-06"), [cellAddress(g.top + 1, g.col("Loại"))]: "Thu", [cellAddress(g.top + 1, g.col("Người, đơn vị"))]: "Vũ Thị F", [cellAddress(g.top + 1, g.col("Hình thức"))]: "Tiền mặt", [cellAddress(g.top + 1, g.col("Số tiền (đồng)"))]: 500_000, [cellAddress(g.top + 1, g.col("Số chứng từ"))]: "PT20" };
    await editSheets(village, { [g.sheet]: (x) => setCells(x, cells) });
    expect((await mergeAndDiff(commune, [village], ["--json"])).json!.appended).toBe(1);
    // The clerk corrects the amount in the workbook; the village resends with another amount.
    const port = await XlsxWorkbook.fromBuffer(readFileSync(commune));
    const t = (await port.readTables(["tblDongGop"])).get("tblDongGop")!;
    const last = t.rows.length - 1;
    await port.updateCells([{ sheet: t.sheet, row: t.range.top + 1 + last, col: t.range.left + t.headers.indexOf("Số tiền (đồng)"), expected: 500_000, value: 550_000 }]);
    writeFileSync(commune, await port.toBuffer());
    await editSheets(village, { [g.sheet]: (x) => setCells(x, { [cellAddress(g.top + 1, g.col("Số tiền (đồng)"))]: 600_000 }) });
    const r = await mergeAndDiff(commune, [village], ["--json"]);
    expect(r.changed).toEqual([]);
    expect(r.json!.invalid.map((x) => x.code)).toEqual(["merge-row-changed"]);
    expect(r.json!.invalid[0]!.message).toContain(`${VILLAGE}, trang "${g.sheet}", ô ${cellAddress(g.top + 1, g.col("Ngày"))}`);
  });
});

describe("values are checked by the workbook's own rules before anything is applied", () => {
  it("an amount past Excel's 15 digits, past 2^53, a date serial 1 (1900), a group and a village not in the lists: each refused with the return's cell", async () => {
    const { commune, form } = fresh();
    const village = form(VILLAGE);
    const g = await tableIn(village, "tblDongGop");
    const receipt = (r: number, over: Record<string, string | number>) =>
      Object.fromEntries(Object.entries({ "Ngày": isoToSerial("2021-12-07"), "Loại": "Thu", "Người, đơn vị": `Người ${r}`, "Hình thức": "Tiền mặt", "Số tiền (đồng)": 100_000, ...over }).map(([h, v]) => [cellAddress(r, g.col(h)), v]));
    await editSheets(village, {
      [g.sheet]: (x) =>
        setCells(x, {
          ...receipt(g.top + 1, { "Số tiền (đồng)": 1e308 }),
          ...receipt(g.top + 2, { "Số tiền (đồng)": "9007199254740993" }),
          ...receipt(g.top + 3, { "Ngày": 1 }),
          ...receipt(g.top + 4, { "Nhóm": "Nhóm lạ" }),
        }),
    });
    // 2^53 + 1 written as the number a sender's tool would store.
    const entries = await zipEntries(village);
    const part = sheetPart(entries, g.sheet);
    entries.set(part, Buffer.from(entries.get(part)!.toString("utf8").replace(/<c r="([A-Z]+\d+)" t="inlineStr"><is><t xml:space="preserve">9007199254740993<\/t><\/is><\/c>/, '<c r="$1"><v>9007199254740993</v></c>'), "utf8"));
    writeZip(village, entries);
    const r = await mergeAndDiff(commune, [village], ["--json"]);
    expect(r.changed).toEqual([]);
    expect(r.json!.appended).toBe(0);
    const found = r.json!.invalid.map((x) => [x.params.rule, x.params.cell]);
    expect(found).toEqual(
      expect.arrayContaining([
        ["amount-too-large", cellAddress(g.top + 1, g.col("Số tiền (đồng)"))],
        ["amount-too-large", cellAddress(g.top + 2, g.col("Số tiền (đồng)"))],
        ["list-value", cellAddress(g.top + 4, g.col("Nhóm"))],
      ]),
    );
    expect(found.some(([rule, cell]) => (rule === "date-implausible" || rule === "merge-date-before-plan") && cell === cellAddress(g.top + 3, g.col("Ngày")))).toBe(true);
    for (const x of r.json!.invalid) expect(x.message.startsWith(`${VILLAGE}: Ô ${x.params.cell} (trang "${g.sheet}"`)).toBe(true);
  });
});

describe("batches: each return its own verdict", () => {
  it("a 40,000-character cell and an unreadable period on the form do not stop the other returns; messages name the return's file and cell", async () => {
    const { commune, form } = fresh();
    const a = form(UNIT);
    const b = form("Phieu-bao-cao-Cong-an-xa-2021-S2.xlsx");
    const c = form(VILLAGE);
    const t = await tableIn(a, "tblNhiemVu");
    await editSheets(a, { [t.sheet]: (x) => setCells(x, { [cellAddress(t.top + 1, t.col("Kết quả, minh chứng"))]: "x".repeat(40_000) }) });
    const tb = await tableIn(b, "tblNhiemVu");
    const id = await tableIn(b, "tblPhieu");
    const items = (await tableOf(b, "tblPhieu")).rows.map((x) => x[0]);
    await editSheets(b, { [id.sheet]: (x) => setCells(x, { [cellAddress(id.top + 1 + items.indexOf("Từ ngày"), id.left + 1)]: "ngày nào đó" }), [tb.sheet]: (x) => setCells(x, { [cellAddress(tb.top + 1, tb.col("Kết quả, minh chứng"))]: "Xong" }) });
    const g = await tableIn(c, "tblDongGop");
    await editSheets(c, { [g.sheet]: (x) => setCells(x, { [cellAddress(g.top + 1, g.col("Ngày"))]: isoToSerial("2021-12-08"), [cellAddress(g.top + 1, g.col("Loại"))]: "Thu", [cellAddress(g.top + 1, g.col("Người, đơn vị"))]: "Đỗ Thị G", [cellAddress(g.top + 1, g.col("Hình thức"))]: "Tiền mặt", [cellAddress(g.top + 1, g.col("Số tiền (đồng)"))]: 50_000 }) });
    const r = await mergeAndDiff(commune, [a, b, c], ["--json"]);
    expect(r.code).toBe(0);
    expect(r.json!.merged.map((m) => m.file).sort()).toEqual([path.basename(a), path.basename(b), path.basename(c)].sort());
    expect([r.json!.applied, r.json!.appended]).toEqual([1, 1]);
    const long = r.json!.invalid.find((x) => x.file === path.basename(a))!;
    expect(long.message).toContain(`${UNIT}: Ô ${cellAddress(t.top + 1, t.col("Kết quả, minh chứng"))} (trang "Nhiệm vụ", cột "Kết quả, minh chứng") dài quá 32.767 ký tự`);
  });

  it("a return the merge cannot take apart is refused on its own, with nothing of it kept; the next is merged", async () => {
    const { commune, form } = fresh();
    const unit = form(UNIT);
    const t = await tableIn(unit, "tblNhiemVu");
    await editSheets(unit, { [t.sheet]: (x) => setCells(x, { [cellAddress(t.top + 1, t.col("Kết quả, minh chứng"))]: "Sau tệp hỏng" }) });
    const { mergeReturns, readReturnedFile } = await import("../src/domain/collect/collect");
    const good = await readReturnedFile(await XlsxWorkbook.fromBuffer(readFileSync(unit)), UNIT);
    // The same form, read by something that breaks after its identity was taken: half merged, then thrown.
    let looks = 0;
    class Breaking extends Map<string, TableData> {
      override [Symbol.iterator](): MapIterator<[string, TableData]> {
        if (++looks > 1) throw new TypeError("hỏng");
        return super[Symbol.iterator]();
      }
    }
    const broken = { file: "hong.xlsx", tables: new Breaking(good.tables) };
    const r = await mergeReturns(await XlsxWorkbook.fromBuffer(readFileSync(commune)), [broken, good], TODAY, "03/01/2022 08:00:00 (GMT+07:00)", { dryRun: true });
    expect(r.plan.refused).toEqual([{ file: "hong.xlsx", code: "merge-failed", params: { reason: "TypeError" } }]);
    // Nothing of the broken file stays: the same form, sent in good shape, is merged as the first and only return.
    expect(r.plan.merged.map((m) => m.file)).toEqual([UNIT]);
    expect(r.plan.receipts.map((x) => x.file)).toEqual([UNIT]);
    expect(r.plan.updates.map((u) => u.value)).toEqual(["Sau tệp hỏng"]);
  });
});

describe("hostile files are refused in bounded time and memory, everywhere a file is read", () => {
  it("a return whose table claims A1:XFD1048576 is read as the cells it has", async () => {
    const { commune, form } = fresh();
    const unit = form(UNIT);
    const t = await tableIn(unit, "tblNhiemVu");
    await editSheets(unit, { [t.sheet]: (x) => setCells(x, { [cellAddress(t.top + 1, t.col("Kết quả, minh chứng"))]: "Rộng" }) }, (entries) => {
      const part = tablePart(entries, "tblNhiemVu");
      entries.set(part, Buffer.from(entries.get(part)!.toString("utf8").replace(/ ref="[^"]+"/g, ' ref="A1:XFD1048576"'), "utf8"));
    });
    expect(statSync(unit).size).toBeLessThan(40_000);
    const r = await mergeAndDiff(commune, [unit], ["--json"]);
    expect(r.code).toBeLessThanOrEqual(1);
    // Whatever the claim, only the Trạm y tế's cells could change, and only the one typed.
    expect(r.changed.length).toBeLessThanOrEqual(1);
    // Inside consolidate too: the commune's own ledger claiming the whole sheet.
    const big = path.join(path.dirname(commune), "rong.xlsx");
    copyFileSync(commune, big);
    const entries = await zipEntries(big);
    const part = tablePart(entries, "tblDongGop");
    entries.set(part, Buffer.from(entries.get(part)!.toString("utf8").replace(/ ref="[^"]+"/g, ' ref="A1:XFD1048576"'), "utf8"));
    writeZip(big, entries);
    const c = await captureOutput(() => run(["consolidate", big, "--period", "2021-S2", "--json"]));
    expect(c.code).toBe(0);
    expect(JSON.parse(c.stdout)).toMatchObject({ communes: [expect.objectContaining({ file: "rong.xlsx" })] });
  }, 60_000);

  it("a zip bomb (a sheet of whitespace inflating about 1,000 times) and a part lying about its size are refused by name", async () => {
    const { commune, form } = fresh();
    const bomb = form(UNIT);
    const liar = path.join(path.dirname(bomb), "noi-doi.xlsx");
    const entries = await zipEntries(bomb);
    const t = await tableIn(bomb, "tblNhiemVu");
    const part = sheetPart(entries, t.sheet);
    const xml = entries.get(part)!.toString("utf8");
    const at = xml.indexOf("</sheetData>");
    const padded = Buffer.concat([Buffer.from(xml.slice(0, at)), Buffer.alloc(64 * 1024 * 1024, 32), Buffer.from(xml.slice(at))]);
    writeZip(bomb, new Map([...entries, [part, padded]]));
    // The same sheet, declaring the size it had before the whitespace.
    writeZip(liar, new Map([...entries, [part, padded]]), new Map([[part, Buffer.byteLength(xml)]]));
    expect(statSync(bomb).size).toBeLessThan(400_000);
    const r = await mergeAndDiff(commune, [bomb, liar], ["--json"]);
    expect(r.code).toBe(1);
    expect(r.changed).toEqual([]);
    const reasons = r.json!.refused.map((x) => x.reason);
    expect(reasons.find((x) => x.startsWith(`${UNIT}: không đọc được, không gộp. Không mở tệp`))).toMatch(/gấp \d+ lần/);
    expect(reasons.find((x) => x.startsWith("noi-doi.xlsx:"))).toMatch(/nhiều hơn .* đã khai/);
  }, 60_000);

  it("a plan's .docx that is a zip bomb is refused before the Word reader sees it; a plan given as a FIFO too", async () => {
    const docx = path.join(dir, "ke-hoach-bom.docx");
    writeZip(docx, new Map([["[Content_Types].xml", Buffer.from("<Types/>")], ["word/document.xml", Buffer.alloc(64 * 1024 * 1024, 32)]]));
    const r = await captureOutput(() => run(["plan", "import", docx]));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^Không mở tệp ".*ke-hoach-bom\.docx": word\/document\.xml: nén .* mà giải nén ra 64 MB \(gấp \d+ lần\)/);
    const fifo = path.join(dir, "ke-hoach.txt");
    execFileSync("mkfifo", [fifo]);
    const f = await captureOutput(() => run(["plan", "import", fifo]));
    expect(f.code).toBe(2);
    expect(f.stderr).toContain("không phải một tệp thông thường (ống dẫn (FIFO))");
  });

  it("a FIFO, /dev/zero and a folder given as returns are refused at once", async () => {
    const { commune } = fresh();
    const fifo = path.join(path.dirname(commune), "ong.xlsx");
    execFileSync("mkfifo", [fifo]);
    const folder = path.join(path.dirname(commune), "thu-muc.xlsx");
    mkdirSync(folder);
    const r = await mergeAndDiff(commune, [fifo, "/dev/zero", folder], ["--json"]);
    expect(r.code).toBe(1);
    expect(r.changed).toEqual([]);
    expect(r.json!.refused.map((x) => x.reason)).toEqual([
      expect.stringContaining("không phải một tệp thông thường (ống dẫn (FIFO))"),
      expect.stringContaining("không phải một tệp thông thường (thiết bị)"),
      expect.stringContaining("không phải một tệp thông thường (là một thư mục)"),
    ]);
  });
});

describe("files: nothing is overwritten that was not asked for", () => {
  it("plan import --out refuses an existing file (the commune's workbook stays as it was)", async () => {
    const { commune } = fresh();
    const before = readFileSync(commune);
    const r = await captureOutput(() => run(["plan", "import", path.join(__dirname, "fixtures/plans/bien-the-an-binh-2025.txt"), "--out", commune]));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`Không ghi "${commune}": tệp đã có`);
    expect(readFileSync(commune).equals(before)).toBe(true);
  });

  it("a read-only workbook is refused by merge and validate --fix, not replaced", async () => {
    const { commune, form } = fresh();
    const unit = form(UNIT);
    const t = await tableIn(unit, "tblNhiemVu");
    await editSheets(unit, { [t.sheet]: (x) => setCells(x, { [cellAddress(t.top + 1, t.col("Kết quả, minh chứng"))]: "Chỉ đọc" }) });
    // A number typed as text: something for validate --fix to write.
    const port = await XlsxWorkbook.fromBuffer(readFileSync(commune));
    const ledger = (await port.readTables(["tblDongGop"])).get("tblDongGop")!;
    const amount = ledger.headers.indexOf("Số tiền (đồng)");
    const i = ledger.rows.findIndex((x) => typeof x[amount] === "number");
    await port.updateCells([{ sheet: ledger.sheet, row: ledger.range.top + 1 + i, col: ledger.range.left + amount, expected: ledger.rows[i]![amount]!, value: `${ledger.rows[i]![amount] as number} đ` }]);
    writeFileSync(commune, await port.toBuffer());
    chmodSync(commune, 0o444);
    const before = readFileSync(commune);
    const m = await captureOutput(() => run(["merge", commune, unit, "--today", TODAY]));
    expect(m.code).toBe(2);
    expect(m.stderr).toContain("chỉ cho phép đọc");
    const v = await captureOutput(() => run(["validate", commune, "--fix", "--today", TODAY]));
    expect(v.code).toBe(2);
    expect(v.stderr).toContain("chỉ cho phép đọc");
    expect(readFileSync(commune).equals(before)).toBe(true);
    expect(statSync(commune).mode & 0o777).toBe(0o444);
    expect(readdirSync(path.dirname(commune)).filter((f) => f.includes("ban-sao"))).toEqual([]);
  });

  it("a lock left empty by a full disk is recognised, removed with a message, and the merge goes on", async () => {
    const { commune, form } = fresh();
    const unit = form(UNIT);
    const lock = path.join(path.dirname(commune), `.~${path.basename(commune)}.sotheodoi-lock`);
    writeFileSync(lock, "");
    const old = new Date(Date.now() - 60_000);
    utimesSync(lock, old, old);
    const r = await captureOutput(() => run(["merge", commune, unit, "--today", TODAY]));
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("bị bỏ dở (rỗng hoặc hỏng");
    expect(existsSync(lock)).toBe(false);
  });
});

describe("collect names every form apart", () => {
  it("villages whose names fold alike and a very long name get distinct, short file names; every form is written and counted", async () => {
    const book = path.join(dir, "ten-thon.xlsx");
    copyFileSync(demo, book);
    const port = await XlsxWorkbook.fromBuffer(readFileSync(book));
    const t = (await port.readTables(["tblThon"])).get("tblThon")!;
    const names = ["Thôn Đông", "Thôn Đồng", `Thôn ${"Rất Dài ".repeat(40).trim()}`];
    await port.applyGrids([{ sheet: t.sheet, createSheet: false, cells: names.map((v, k) => ({ row: t.range.bottom + 1 + k, col: t.range.left + t.headers.indexOf("Thôn"), value: v })), tableChanges: [{ name: t.name, addHeaders: [], bottom: t.range.bottom + names.length }] }]);
    writeFileSync(book, await port.toBuffer());
    const out = path.join(dir, "ten-thon");
    const r = await captureOutput(() => run(["collect", book, "--period", "2021-S2", "--out", out, "--today", TODAY]));
    expect(r.code).toBe(0);
    const files = readdirSync(out);
    expect(files).toEqual(expect.arrayContaining(["Phieu-bao-cao-Thon-Dong-2021-S2.xlsx", "Phieu-bao-cao-Thon-Dong-2-2021-S2.xlsx"]));
    expect(files.every((f) => Buffer.byteLength(f) < 100)).toBe(true);
    const issued = await tableOf(book, "tblPhieuDaPhat");
    expect(files).toHaveLength(issued.rows.length);
    expect(r.stdout).toContain(`Đã tạo ${files.length} phiếu`);
    expect(issued.rows.map((x) => x[1])).toEqual(expect.arrayContaining(names));
  });
});

describe("returns edited at random never change what their form was not given", () => {
  const SHEETS = ["Nhiệm vụ", "Phiếu", "Cam kết", "Đóng góp", "Danh mục"];
  const VALUES: (string | number | null)[] = ["Công an xã", "Trạm y tế xã", "Thôn mẫu 1", "Thôn mẫu 2", "Thôn Lạ", "Hoàn thành", "Đang thực hiện", "Thu", "Chi", "Tiền mặt", "Cá nhân", "=1+1", "=HYPERLINK(\"http://x\")", "x".repeat(33_000), 1e308, -5, 2.5, 44_550, 44_560, 1, 5_000_000, null, ""];

  /** The cells a return may change: a unit's tasks' fill-in cells; a village's new rows (under its own name). */
  async function allowed(commune: string, kind: "unit" | "village", owner: string): Promise<(cell: string) => boolean> {
    const tasks = await tableOf(commune, "tblNhiemVu");
    const ledger = await tableOf(commune, "tblDongGop");
    const pledges = await tableOf(commune, "tblCamKet");
    return (key) => {
      const [sheet, ref] = key.split("!") as [string, string];
      const at = parseRangeAddress(ref)!;
      if (kind === "unit") {
        if (sheet !== tasks.sheet) return false;
        const i = at.top - tasks.range.top - 1;
        const header = tasks.headers[at.left - tasks.range.left];
        return tasks.rows[i]?.[tasks.headers.indexOf("Đơn vị")] === owner && ["Trạng thái", "Ngày hoàn thành", "Kết quả, minh chứng", "Ghi chú"].includes(header ?? "");
      }
      if (sheet === ledger.sheet) return at.top > ledger.range.bottom;
      if (sheet === pledges.sheet) return at.top > pledges.range.bottom;
      return false;
    };
  }

  /** Mostly values the workbook's rules accept, so that forged rows get as far as they can; now and then any value. */
  const mostly = <T,>(good: readonly T[]) => fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...good) }, { weight: 1, arbitrary: fc.constantFrom(...VALUES) });

  it("whatever cells of whatever sheets are changed", async () => {
    const mutation = fc.record({ sheet: fc.constantFrom(...SHEETS), row: fc.integer({ min: 0, max: 40 }), col: fc.integer({ min: 0, max: 15 }), value: fc.constantFrom(...VALUES) });
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(UNIT, VILLAGE), fc.array(mutation, { minLength: 1, maxLength: 14 }), async (name, edits) => {
        const { commune, form } = fresh();
        const file = form(name);
        const entries = await zipEntries(file);
        const present = new Set(SHEETS.filter((s) => { try { sheetPart(entries, s); return true; } catch { return false; } }));
        const bySheet = new Map<string, Record<string, string | number | null>>();
        for (const e of edits.filter((x) => present.has(x.sheet))) bySheet.set(e.sheet, { ...(bySheet.get(e.sheet) ?? {}), [cellAddress(e.row, e.col)]: e.value });
        await editSheets(file, Object.fromEntries([...bySheet].map(([sheet, cells]) => [sheet, (xml: string) => setCells(xml, cells)])));
        const ok = await allowed(commune, name === UNIT ? "unit" : "village", name === UNIT ? "Trạm y tế xã" : "Thôn mẫu 1");
        const r = await mergeAndDiff(commune, [file], ["--json"]);
        expect(r.code === 0 || r.code === 1).toBe(true);
        expect(r.stderr).not.toContain("lỗi không lường trước");
        expect(r.changed.filter((c) => !ok(c))).toEqual([]);
        // Whatever was appended is the village's own, as text or numbers, never a formula typed by the sender.
        const after = await cellMap(commune);
        for (const c of r.changed) expect(after.get(c) ?? "").not.toMatch(/"formula"/);
      }),
      { numRuns: 14, seed: 20211231 },
    );
  }, 240_000);

  it("whatever task of whatever unit a unit's rows are rewritten to, with whatever values", async () => {
    const tasks = await tableOf(issuedBook, "tblNhiemVu");
    const h = (x: string) => tasks.headers.indexOf(x);
    const forge = fc.record({
      offset: fc.integer({ min: 1, max: 8 }),
      task: fc.integer({ min: 0, max: tasks.rows.length - 1 }),
      state: mostly(["Hoàn thành", "Đang thực hiện", "Chưa thực hiện"]),
      day: mostly([44_550, null]),
      evidence: mostly(["Đã làm", "=1+1", null]),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(forge, { minLength: 1, maxLength: 6 }), async (forged) => {
        const { commune, form } = fresh();
        const file = form(UNIT);
        const t = await tableIn(file, "tblNhiemVu");
        const cells: Record<string, string | number | null> = {};
        for (const f of forged) {
          const row = t.top + f.offset;
          const task = tasks.rows[f.task]!;
          Object.assign(cells, {
            [cellAddress(row, t.col("Đơn vị"))]: task[h("Đơn vị")] as string,
            [cellAddress(row, t.col("Nội dung nhiệm vụ"))]: task[h("Nội dung nhiệm vụ")] as string,
            [cellAddress(row, t.col("Mục kế hoạch"))]: (task[h("Mục kế hoạch")] as string | null) ?? null,
            [cellAddress(row, t.col("Trạng thái"))]: f.state,
            [cellAddress(row, t.col("Ngày hoàn thành"))]: f.day,
            [cellAddress(row, t.col("Kết quả, minh chứng"))]: f.evidence,
          });
        }
        await editSheets(file, { [t.sheet]: (xml) => setCells(xml, cells) });
        const ok = await allowed(commune, "unit", "Trạm y tế xã");
        const r = await mergeAndDiff(commune, [file], ["--json"]);
        expect(r.changed.filter((c) => !ok(c))).toEqual([]);
      }),
      { numRuns: 12, seed: 20210611 },
    );
  }, 240_000);

  it("whatever village, kind and amounts a village's receipts are rewritten to: only its own receipts are added", async () => {
    const receipt = fc.record({
      offset: fc.integer({ min: 1, max: 6 }),
      village: mostly(["Thôn mẫu 1", "Thôn mẫu 2", "Thôn Lạ", null]),
      kind: mostly(["Thu", "Chi"]),
      amount: mostly([100_000, 5_000_000]),
      voucher: mostly(["PT1", "PT2", null]),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(receipt, { minLength: 1, maxLength: 6 }), async (rows) => {
        const { commune, form } = fresh();
        const file = form(VILLAGE);
        const g = await tableIn(file, "tblDongGop");
        const cells: Record<string, string | number | null> = {};
        for (const x of rows) {
          const row = g.top + x.offset;
          Object.assign(cells, {
            [cellAddress(row, g.col("Ngày"))]: 44_540,
            [cellAddress(row, g.col("Loại"))]: x.kind,
            [cellAddress(row, g.col("Người, đơn vị"))]: "Người góp",
            [cellAddress(row, g.col("Hình thức"))]: "Tiền mặt",
            [cellAddress(row, g.col("Thôn"))]: x.village,
            [cellAddress(row, g.col("Số tiền (đồng)"))]: x.amount,
            [cellAddress(row, g.col("Số chứng từ"))]: x.voucher,
          });
        }
        await editSheets(file, { [g.sheet]: (xml) => setCells(xml, cells) });
        const before = await tableOf(commune, "tblDongGop");
        const ok = await allowed(commune, "village", "Thôn mẫu 1");
        const r = await mergeAndDiff(commune, [file], ["--json"]);
        expect(r.changed.filter((c) => !ok(c))).toEqual([]);
        const after = await tableOf(commune, "tblDongGop");
        for (const row of after.rows.slice(before.rows.length)) expect([row[after.headers.indexOf("Thôn")], row[after.headers.indexOf("Loại")]]).toEqual(["Thôn mẫu 1", "Thu"]);
      }),
      { numRuns: 10, seed: 20210615 },
    );
  }, 240_000);
});
