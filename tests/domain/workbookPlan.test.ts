import type { CellValue } from "../../src/domain/grid";
import { chauSonPlan } from "../../src/domain/sample/chauSonPlan";
import type { PlanDefinition } from "../../src/domain/plan/schema";
import { planFromTables } from "../../src/domain/plan/workbookPlan";
import { prefillRows } from "../../src/domain/sheets/prefill";
import { keHoachTable, thongTinTable } from "../../src/domain/sheets/specs";
import type { TableSpec } from "../../src/domain/sheets/types";
import type { TableData } from "../../src/domain/workbook";

/** The tables as the templates write them for a plan (values as Excel keeps them: dates as serials). */
function tablesOf(plan: PlanDefinition, edit?: (name: string, rows: CellValue[][]) => void): Map<string, TableData> {
  const table = (spec: TableSpec): TableData => {
    const headers = spec.columns.map((c) => c.header);
    const rows = prefillRows(spec, plan).map((r) => headers.map((h) => (r[h] ?? null) as CellValue));
    edit?.(spec.name, rows);
    return { name: spec.name, sheet: "S", headers, range: { top: 0, left: 0, bottom: rows.length, right: headers.length - 1 }, rows };
  };
  return new Map([thongTinTable, keHoachTable].map((s) => [s.name, table(s)]));
}

const otherPlan: PlanDefinition = {
  ...chauSonPlan,
  movement: "Chung tay xây dựng nông thôn mới",
  issuingBody: { parent: "ỦY BAN NHÂN DÂN", name: "XÃ AN BÌNH" },
  place: "An Bình",
  planNumber: null,
  planDate: "2025-03-02",
  year: 2025,
  units: [
    { name: "Công an xã", group: "Lực lượng vũ trang", section: "B.1", tasks: [{ content: "Bảo đảm an ninh trật tự", section: "B.1", deadline: "2025-09-30" }] },
    { name: "Hội Nông dân xã", group: "Mặt trận, đoàn thể", section: "B.2", tasks: [{ content: "Vận động hội viên hiến đất làm đường", section: "B.2" }] },
  ],
  milestones: [{ section: "A.1", kind: "deadline", content: "Hoàn thành rà soát tiêu chí", deadline: "2025-06-30", unit: "Công an xã" }],
  reporting: { cadence: ["quarterly", "annual"], receiver: "UBND tỉnh Hưng Yên", via: "", reportSymbol: "BC-UBND" },
  recipients: ["Thường trực Đảng ủy xã", "Các ban, ngành, đoàn thể xã"],
  signatory: { authority: "KT. CHỦ TỊCH", title: "PHÓ CHỦ TỊCH", name: "Nguyễn Văn An" },
  awardForms: [],
  trackers: ["tasks", "nominations"],
};

describe("the plan kept in the workbook", () => {
  it.each([
    ["the sample plan", chauSonPlan],
    ["another commune's plan, without a number, pledges or donations", otherPlan],
  ])("reads back %s exactly as it was written", async (_, plan) => {
    expect(await planFromTables(tablesOf(plan))).toEqual({ plan, problems: [] });
  });

  it("has no plan in a workbook made before the plan was kept there", async () => {
    const tables = tablesOf(chauSonPlan);
    tables.delete("tblKeHoach");
    expect(await planFromTables(tables)).toEqual({ plan: undefined, problems: [] });
  });

  it("names the cell to correct when the clerk's plan cannot be read", async () => {
    const broken = tablesOf(otherPlan, (name, rows) => {
      if (name === "tblKeHoach") rows[0]![4] = "30/13/2025";
    });
    const r = await planFromTables(broken);
    expect(r.plan).toBeUndefined();
    expect(r.problems).toEqual([{ sheet: "Kế hoạch", cell: "E2", message: expect.stringContaining("Hạn hoàn thành không đọc được") as string }]);
    const noSigner = tablesOf(otherPlan, (name, rows) => {
      if (name === "tblThongTin") rows.find((r) => r[0] === "Người ký")![1] = "  ";
    });
    expect((await planFromTables(noSigner)).problems[0]).toEqual({ sheet: "Thông tin chung", cell: "B11", message: expect.stringContaining('Mục "Người ký"') as string });
  });
});
