import type { CellValue } from "../../src/domain/grid";
import { chauSonPlan } from "../../src/domain/sample/chauSonPlan";
import { planTemplates, templateRequests } from "../../src/domain/template/planTemplates";
import type { WorkbookSummary } from "../../src/domain/workbook";
import { bookFromGrids, readSimulated, type SimulatedBook } from "../helpers/summary";

const EMPTY: SimulatedBook = { summary: { sheets: [] }, cells: new Map() };

/** Plans against a simulated book; cells it does not hold answer `fill` (empty by default). */
function plan(book: SimulatedBook | WorkbookSummary, fill: (sheet: string) => CellValue = () => null) {
  const b: SimulatedBook = "summary" in book ? book : { summary: book, cells: new Map() };
  const probes = templateRequests(b.summary, chauSonPlan);
  return planTemplates(b.summary, readSimulated(b, probes.map((p) => p.request), fill), chauSonPlan);
}

const templated = (): SimulatedBook => bookFromGrids(plan(EMPTY).grids);
const sheetOf = (b: SimulatedBook, name: string) => b.summary.sheets.find((s) => s.name === name)!;

/** A templated book whose tblNhiemVu stops at column G (an older template), columns H:I empty. */
function olderTasksTable(): SimulatedBook {
  const full = templated();
  sheetOf(full, "Nhiệm vụ").tables = [{ name: "tblNhiemVu", sheet: "Nhiệm vụ", range: { top: 0, left: 0, bottom: 40, right: 6 }, headers: NV_HEADERS }];
  for (const k of [...full.cells.keys()]) if (/^Nhiệm vụ!\d+:[78]$/.test(k)) full.cells.delete(k);
  return full;
}

const NV_HEADERS = ["STT", "Đơn vị", "Nội dung nhiệm vụ", "Mục kế hoạch", "Hạn hoàn thành", "Trạng thái", "Ngày hoàn thành"];

describe("planTemplates", () => {
  it("creates every sheet and table on an empty workbook, pre-filling the plan's units and tasks", () => {
    const { grids, notes } = plan(EMPTY);
    expect(grids.map((g) => [g.sheet, g.createSheet])).toEqual([
      ["Thông tin chung", true], ["Danh mục", true], ["Nhiệm vụ", true], ["Cam kết", true], ["Đóng góp", true], ["Khen thưởng", true], ["Kế hoạch", true],
    ]);
    const prefilled = Object.fromEntries(notes.filter((n) => n.code === "rows-prefilled").map((n) => [String(n.params.table), n.params.count] as const));
    expect(prefilled).toEqual({ tblThongTin: 16, tblDonVi: 11, tblNhiemVu: 28, tblNhomDongGop: 7, tblHinhThucKhenThuong: 4, tblKeHoach: 28 });
    const danhMuc = grids[1]!.tables!.map((t) => [t.name, t.range.left, t.range.right]);
    expect(danhMuc).toEqual([["tblThon", 0, 1], ["tblDonVi", 3, 4], ["tblNhomDongGop", 6, 6], ["tblHinhThucKhenThuong", 8, 8]]);
  });

  it("changes nothing on a workbook that already has the templates", () => {
    const again = plan(templated());
    expect(again.grids).toEqual([]);
    expect(again.notes).toEqual([]);
  });

  it("adds missing columns at the end of a table when the cells there are empty", () => {
    const { grids, notes } = plan(olderTasksTable());
    expect(grids).toHaveLength(1);
    expect(grids[0]!.tableChanges).toEqual([{ name: "tblNhiemVu", addHeaders: ["Kết quả, minh chứng", "Ghi chú"], calculatedColumns: {} }]);
    expect(grids[0]!.cells.filter((c) => c.row === 0).map((c) => [c.col, c.value])).toEqual([[7, "Kết quả, minh chứng"], [8, "Ghi chú"]]);
    expect(grids[0]!.cells.every((c) => c.col >= 7)).toBe(true);
    expect(notes.map((n) => n.code)).toEqual(["columns-added"]);
  });

  it("does not widen a table over user data and says what to move", () => {
    const full = olderTasksTable();
    full.cells.set("Nhiệm vụ!12:8", "ghi chú riêng");
    const { grids, notes } = plan(full);
    expect(grids).toEqual([]);
    expect(notes).toEqual([
      { code: "columns-blocked", severity: "warning", sheet: "Nhiệm vụ", params: { table: "tblNhiemVu", headers: "Kết quả, minh chứng, Ghi chú", columns: "H:I" } },
    ]);
  });

  it("leaves a sheet with our name and someone else's content alone, and reports it", () => {
    const { grids, notes } = plan({ sheets: [{ name: "Cam kết", usedRange: { top: 0, left: 0, bottom: 3, right: 2 }, tables: [] }] });
    expect(grids.map((g) => g.sheet)).not.toContain("Cam kết");
    expect(notes.filter((n) => n.severity === "warning")).toEqual([
      { code: "sheet-not-ours", severity: "warning", sheet: "Cam kết", params: { suggestion: "Cam kết (cũ)" } },
    ]);
  });

  it("leaves someone's own table that happens to have one of our names alone, and says what to rename", () => {
    const theirs = { name: "tblNhiemVu", sheet: "Việc của tôi", range: { top: 0, left: 0, bottom: 5, right: 1 }, headers: ["Việc", "Người làm"] };
    const { grids, notes } = plan({ sheets: [{ name: "Việc của tôi", usedRange: { top: 0, left: 0, bottom: 5, right: 1 }, tables: [theirs] }] });
    expect(grids.map((g) => g.sheet)).not.toContain("Việc của tôi");
    expect(grids.flatMap((g) => [...(g.tables ?? []), ...(g.tableChanges ?? [])].map((t) => t.name))).not.toContain("tblNhiemVu");
    expect(notes.filter((n) => n.severity === "warning")).toEqual([
      { code: "table-not-ours", severity: "warning", sheet: "Việc của tôi", params: { table: "tblNhiemVu", suggestion: "tblNhiemVu_cu" } },
    ]);
    // The other sheets are still built.
    expect(grids.map((g) => g.sheet)).toContain("Đóng góp");
  });

  it("adopts an older table of ours that lacks a few columns", () => {
    const older = { name: "tblNhiemVu", sheet: "Nhiệm vụ", range: { top: 0, left: 0, bottom: 3, right: 6 }, headers: NV_HEADERS };
    const { notes } = plan({ sheets: [{ name: "Nhiệm vụ", usedRange: { top: 0, left: 0, bottom: 3, right: 6 }, tables: [older] }] });
    expect(notes.map((n) => n.code)).toContain("columns-added");
    expect(notes.map((n) => n.code)).not.toContain("table-not-ours");
  });

  it("builds in an empty sheet that has our name", () => {
    const { grids } = plan({ sheets: [{ name: "nhiệm vụ", usedRange: null, tables: [] }] });
    const nv = grids.find((g) => g.sheet === "nhiệm vụ")!;
    expect(nv.createSheet).toBe(false);
    expect(nv.tables!.map((t) => t.name)).toEqual(["tblNhiemVu"]);
  });

  it("keeps using a table of ours that the user moved to another sheet", () => {
    const full = templated();
    const nv = sheetOf(full, "Nhiệm vụ");
    nv.name = "NV 2021";
    nv.tables[0]!.sheet = "NV 2021";
    for (const [k, v] of [...full.cells]) if (k.startsWith("Nhiệm vụ!")) full.cells.set(k.replace("Nhiệm vụ!", "NV 2021!"), v);
    const { grids, notes } = plan(full);
    expect(grids).toEqual([]);
    expect(notes).toEqual([{ code: "table-elsewhere", severity: "info", sheet: "NV 2021", params: { expected: "Nhiệm vụ" } }]);
  });

  it("pre-fills an empty units table only when the rows it needs are free", () => {
    const full = templated();
    const dm = sheetOf(full, "Danh mục");
    dm.tables.find((t) => t.name === "tblDonVi")!.range.bottom = 1;
    for (const k of [...full.cells.keys()]) if (/^Danh mục!([1-9]|1[0-9]):[34]$/.test(k)) full.cells.delete(k);
    const free = plan(full);
    expect(free.grids[0]!.tableChanges).toEqual([{ name: "tblDonVi", addHeaders: [], bottom: 11 }]);
    expect(free.grids[0]!.cells.filter((c) => c.col === 3).map((c) => c.value)).toEqual(chauSonPlan.units.map((u) => u.name));
    full.cells.set("Danh mục!6:4", "ghi chú của tôi");
    const taken = plan(full);
    expect(taken.grids).toEqual([]);
    expect(taken.notes.map((n) => n.code)).toEqual(["prefill-skipped"]);
  });

  it("does not pre-fill a table the user already filled", () => {
    const full = templated();
    sheetOf(full, "Danh mục").tables.find((t) => t.name === "tblDonVi")!.range.bottom = 1;
    const { grids, notes } = plan(full);
    expect(grids).toEqual([]);
    expect(notes).toEqual([]);
  });

  it("places a missing table of ours to the right of what the sheet already holds", () => {
    const full = templated();
    const dm = sheetOf(full, "Danh mục");
    dm.tables = dm.tables.filter((t) => t.name !== "tblDonVi");
    const { grids } = plan(full);
    const t = grids[0]!.tables![0]!;
    expect([t.name, t.range.left]).toEqual(["tblDonVi", 10]);
  });
});
