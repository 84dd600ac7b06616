import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { XlsxWorkbook } from "../../src/adapters/xlsx/xlsxWorkbook";
import { chauSonPlan } from "../../src/domain/sample/chauSonPlan";
import { demoRows } from "../../src/domain/sample/demoData";
import { applyTemplates } from "../../src/domain/template/applyTemplates";
import { planTemplates } from "../../src/domain/template/planTemplates";
import { csvNumber, describeWithLibreOffice, recalculatedSheets } from "../helpers/libreoffice";

const dir = mkdtempSync(path.join(tmpdir(), "oracle-"));

async function writeDemo(file: string): Promise<void> {
  const book = await XlsxWorkbook.empty();
  await applyTemplates(book, chauSonPlan, demoRows(chauSonPlan));
  writeFileSync(file, await book.toBuffer());
}

describeWithLibreOffice("LibreOffice recalculates what the templates write", () => {
  const demo = path.join(dir, "demo.xlsx");
  let sheets: Map<string, string[][]>;
  beforeAll(async () => {
    await writeDemo(demo);
    sheets = recalculatedSheets(demo);
  });

  it("opens the demo and converts every sheet", () => {
    expect([...sheets.keys()].sort()).toEqual(["Cam kết", "Danh mục", "Khen thưởng", "Kế hoạch", "Nhiệm vụ", "Thông tin chung", "Đóng góp"].sort());
  });

  it("computes Tỷ lệ hộ đã ký as Số hộ đã ký / Số hộ on every row", () => {
    const [header, ...rows] = sheets.get("Cam kết")!;
    const col = (h: string) => header!.indexOf(h);
    const pledges = demoRows(chauSonPlan).get("tblCamKet")!;
    expect(rows).toHaveLength(pledges.length);
    let withRate = 0;
    rows.forEach((r, i) => {
      const p = pledges[i]!;
      expect(r[col("Thôn, đơn vị")]).toBe(p["Thôn, đơn vị"]);
      const households = p["Số hộ"];
      const signed = p["Số hộ đã ký"];
      const rate = r[col("Tỷ lệ hộ đã ký")]!;
      if (typeof households === "number" && households > 0 && typeof signed === "number") {
        expect(csvNumber(rate)).toBeCloseTo(signed / households, 10);
        withRate++;
      } else {
        expect(rate).toBe("");
      }
    });
    expect(withRate).toBeGreaterThan(50);
  });

  it("evaluates every dropdown source to exactly its list in Danh mục", async () => {
    const { grids } = planTemplates({ sheets: [] }, [], chauSonPlan, demoRows(chauSonPlan));
    const sources = [...new Set(grids.flatMap((g) => (g.validations ?? []).flatMap((v) => (v.rule.kind === "list" && !v.rule.source.startsWith('"') ? [v.rule.source] : []))))];
    expect(sources.length).toBe(4);
    const probe = path.join(dir, "probe.xlsx");
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(demo);
    const ws = book.addWorksheet("Kiểm tra");
    sources.forEach((src, i) => {
      ws.getCell(1, i + 1).value = { formula: `ROWS(${src})` };
      for (let k = 1; k <= 12; k++) ws.getCell(k + 1, i + 1).value = { formula: `IF(${k}<=ROWS(${src}),INDEX(${src},${k}),"")` };
    });
    await book.xlsx.writeFile(probe);
    const out = recalculatedSheets(probe);
    const check = out.get("Kiểm tra")!;
    const danhMuc = out.get("Danh mục")!;
    sources.forEach((src, i) => {
      const col = Number(/\$([A-Z])\$2/.exec(src)![1]!.charCodeAt(0) - 65);
      const expected = danhMuc.slice(1).map((r) => r[col] ?? "").filter((v) => v !== "");
      expect(Number(check[0]![i])).toBe(expected.length);
      expect(check.slice(1, 1 + expected.length).map((r) => r[i])).toEqual(expected);
    });
  });
});
