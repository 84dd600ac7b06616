import { readFileSync } from "node:fs";
import * as path from "node:path";
import { chauSonPlan } from "../../src/domain/sample/chauSonPlan";
import { demoRows } from "../../src/domain/sample/demoData";
import { SHEET_SPECS } from "../../src/domain/sheets/specs";
import { planTemplates } from "../../src/domain/template/planTemplates";

const DOMAIN = readFileSync(path.resolve(__dirname, "../fixtures/contract/DOMAIN.md"), "utf8");

/** Contract of DOMAIN.md: sheet → table → headers, in order. */
const CONTRACT: Record<string, Record<string, string[]>> = {
  "Thông tin chung": { tblThongTin: ["Mục", "Giá trị"] },
  "Danh mục": { tblThon: ["Thôn", "Ghi chú"], tblDonVi: ["Đơn vị", "Nhóm"] },
  "Nhiệm vụ": {
    tblNhiemVu: ["STT", "Đơn vị", "Nội dung nhiệm vụ", "Mục kế hoạch", "Hạn hoàn thành", "Trạng thái", "Ngày hoàn thành", "Kết quả, minh chứng", "Ghi chú"],
  },
  "Cam kết": {
    tblCamKet: ["Thôn, đơn vị", "Ngày cập nhật", "Số hộ", "Số hộ đã ký", "Số HS, SV đã ký", "Số CB, CC, VC đã ký", "Số CN, NLĐ đã ký", "Tỷ lệ hộ đã ký", "Ghi chú"],
  },
  "Đóng góp": {
    tblDongGop: ["Ngày", "Loại", "Số chứng từ", "Người, đơn vị", "Nhóm", "Thôn", "Hình thức", "Số tiền (đồng)", "Hiện vật", "Số lượng", "Đơn vị tính", "Giá trị hiện vật (đồng)", "Nội dung", "Ghi chú"],
  },
  "Khen thưởng": {
    tblKhenThuong: ["STT", "Đối tượng", "Tên tập thể, cá nhân", "Năm sinh", "Giới tính", "Chức vụ", "Đơn vị, thôn", "Tóm tắt thành tích", "Hình thức khen thưởng", "Cấp khen", "Ngày đề nghị", "Trạng thái", "Số quyết định", "Ghi chú"],
  },
  // Added beside the contract: the plan itself, which every job reads.
  "Kế hoạch": { tblKeHoach: ["Mục kế hoạch", "Đơn vị", "Nhóm", "Nội dung", "Hạn hoàn thành", "Loại"] },
};

describe("sheet specs follow DOMAIN.md", () => {
  it("has the six sheets of the contract in order, and the plan's sheet last", () => {
    expect(SHEET_SPECS.map((s) => s.name)).toEqual(Object.keys(CONTRACT));
  });

  it.each(Object.entries(CONTRACT))("%s has its tables with exactly the contract's headers first", (sheet, tables) => {
    const spec = SHEET_SPECS.find((s) => s.name === sheet)!;
    for (const [table, headers] of Object.entries(tables)) {
      const t = spec.tables.find((x) => x.name === table);
      expect(t).toBeDefined();
      expect(t!.columns.slice(0, headers.length).map((c) => c.header)).toEqual(headers);
    }
  });

  it("names every table that DOMAIN.md names", () => {
    const named = new Set([...DOMAIN.matchAll(/`(tbl\w+)`/g)].map((m) => m[1]));
    const ours = new Set(SHEET_SPECS.flatMap((s) => s.tables.map((t) => t.name)));
    for (const n of named) expect(ours).toContain(n);
  });

  it("gives each column a width that fits the longest word of its header", () => {
    for (const t of SHEET_SPECS.flatMap((s) => s.tables)) {
      for (const c of t.columns) {
        const longest = Math.max(...c.header.split(/\s+/).map((w) => w.length));
        expect({ header: c.header, fits: c.width >= longest + 2 }).toEqual({ header: c.header, fits: true });
      }
    }
  });
});

describe("what the templates write", () => {
  const { grids } = planTemplates({ sheets: [] }, [], chauSonPlan, demoRows(chauSonPlan));
  const formulas = [
    ...grids.flatMap((g) => g.cells.flatMap((c) => (c.formula ? [c.formula] : []))),
    ...grids.flatMap((g) => (g.conditionalFormats ?? []).map((c) => c.formula)),
    ...grids.flatMap((g) => (g.validations ?? []).flatMap((v) => (v.rule.kind === "list" ? [v.rule.source] : []))),
    ...grids.flatMap((g) => (g.tables ?? []).flatMap((t) => Object.values(t.calculatedColumns ?? {}))),
  ];

  it("uses only functions Excel 2010 has", () => {
    const EXCEL_2010 = new Set(["IF", "AND", "OR", "NOT", "N", "ISNUMBER", "ISBLANK", "OFFSET", "MAX", "MIN", "COUNTA", "COUNTIFS", "SUMIFS", "SUMPRODUCT", "INDEX", "MATCH", "TODAY", "ROWS"]);
    expect(formulas.length).toBeGreaterThan(0);
    const used = new Set(formulas.flatMap((f) => [...f.replace(/"[^"]*"/g, "").matchAll(/([A-Z][A-Z0-9.]*)\(/g)].map((m) => m[1]!)));
    expect([...used].filter((f) => !EXCEL_2010.has(f))).toEqual([]);
    expect(used).toContain("OFFSET");
  });

  it("keeps native validation texts within Excel's limits", () => {
    const dvs = grids.flatMap((g) => g.validations ?? []);
    expect(dvs.length).toBeGreaterThan(20);
    for (const v of dvs) {
      expect(v.promptTitle.length).toBeLessThanOrEqual(32);
      expect(v.errorTitle.length).toBeLessThanOrEqual(32);
      expect(v.prompt.length).toBeLessThanOrEqual(255);
      expect(v.error.length).toBeLessThanOrEqual(225);
      if (v.rule.kind === "list" && v.rule.source.startsWith('"')) expect(v.rule.source.length).toBeLessThanOrEqual(257);
    }
  });

  it("freezes the header row and shows dates, amounts and the rate in their formats", () => {
    for (const g of grids) expect(g.freeze).toEqual({ rows: 1, cols: 0 });
    const camKet = grids.find((g) => g.sheet === "Cam kết")!;
    const fmt = (col: number) => camKet.columns!.find((c) => c.col === col)!.style!.numFmt;
    expect(fmt(1)).toBe("dd/mm/yyyy");
    expect(fmt(7)).toBe("0.0%");
    const dongGop = grids.find((g) => g.sheet === "Đóng góp")!;
    expect(dongGop.columns!.find((c) => c.col === 7)!.style!.numFmt).toBe("#,##0");
  });

  it("colours overdue tasks and signed households above Số hộ", () => {
    const nv = grids.find((g) => g.sheet === "Nhiệm vụ")!.conditionalFormats!;
    expect(nv).toHaveLength(1);
    expect(nv[0]!.formula).toBe('AND(ISNUMBER($E2),$E2<TODAY(),$F2<>"Hoàn thành")');
    expect(nv[0]!.range).toMatchObject({ top: 1, left: 0, right: 8 });
    const ck = grids.find((g) => g.sheet === "Cam kết")!.conditionalFormats!;
    expect(ck[0]!.formula).toBe("AND(ISNUMBER($C2),ISNUMBER($D2),$D2>$C2)");
    expect(ck[0]!.range).toMatchObject({ left: 3, right: 3 });
  });

  it("writes the household rate as a structured-reference formula on every pledge row", () => {
    const ck = grids.find((g) => g.sheet === "Cam kết")!;
    const rate = ck.cells.filter((c) => c.col === 7 && c.row > 0);
    expect(rate.length).toBe(demoRows(chauSonPlan).get("tblCamKet")!.length);
    for (const c of rate) {
      expect(c.formula).toBe('IF(AND(N(tblCamKet[[#This Row],[Số hộ]])>0,ISNUMBER(tblCamKet[[#This Row],[Số hộ đã ký]])),tblCamKet[[#This Row],[Số hộ đã ký]]/tblCamKet[[#This Row],[Số hộ]],"")');
    }
    expect(ck.tables![0]!.calculatedColumns).toEqual({ "Tỷ lệ hộ đã ký": rate[0]!.formula });
  });

  it("offers dropdowns from Danh mục and from the enumerations", () => {
    const nv = grids.find((g) => g.sheet === "Nhiệm vụ")!.validations!;
    const unit = nv.find((v) => v.range.left === 1)!;
    expect(unit.rule).toEqual({ kind: "list", source: "OFFSET('Danh mục'!$D$2,0,0,MAX(1,COUNTA('Danh mục'!$D$2:$D$5001)),1)" });
    const state = nv.find((v) => v.range.left === 5)!;
    expect(state.rule).toEqual({ kind: "list", source: '"Chưa thực hiện,Đang thực hiện,Hoàn thành"' });
    expect(state.error).toMatch(/không có trong danh sách/);
  });
});
