import { registerCommands } from "../src/commands/commands";
import type { WorkbookPort } from "../src/domain/workbook";
import { OfficeWorkbook } from "../src/adapters/office/officeWorkbook";
import { FakeExcel } from "./fakes/excel/workbook";

function host() {
  const handlers = new Map<string, (e: Office.AddinCommands.Event) => void>();
  const told: string[] = [];
  return {
    handlers,
    told,
    associate: (id: string, h: (e: Office.AddinCommands.Event) => void) => handlers.set(id, h),
    tell: (m: string) => {
      told.push(m);
      return Promise.resolve();
    },
  };
}

const run = (h: (e: Office.AddinCommands.Event) => void) =>
  new Promise<void>((resolve) => h({ completed: () => resolve(), source: { id: "x" } }));

describe("ribbon commands", () => {
  it("register both handlers, complete their event, and tell the user in Vietnamese when they fail", async () => {
    const h = host();
    const fake = new FakeExcel();
    const busy = Object.assign(new Error("RichApi.Error: This operation is not allowed while the user is editing a cell."), { name: "RichApi.Error", code: "InvalidOperationInCellEditMode" });
    const broken = { ...new OfficeWorkbook(fake.run, fake.requirements), readTables: () => Promise.reject(busy) } as unknown as WorkbookPort;
    registerCommands(h, () => broken, () => "2022-01-05");
    expect([...h.handlers.keys()]).toEqual(["validateWorkbook", "buildReport"]);
    await run(h.handlers.get("validateWorkbook")!);
    expect(h.told).toHaveLength(1);
    expect(h.told[0]).toContain("Không kiểm tra được sổ. Excel đang ở chế độ sửa ô. Hãy bấm Enter hoặc Esc");
    expect(h.told[0]).not.toMatch(/RichApi|not allowed/);
  });

  it("a report built over bad data is told, not passed over in silence", async () => {
    const h = host();
    const fake = new FakeExcel();
    const office = new OfficeWorkbook(fake.run, fake.requirements);
    const { applyTemplates } = await import("../src/domain/template/applyTemplates");
    const { chauSonPlan } = await import("../src/domain/sample/chauSonPlan");
    const { isoToSerial } = await import("../src/domain/dates");
    // A payment of 5.000.000 with nothing received: the cash balance goes below zero.
    await applyTemplates(office, chauSonPlan, new Map([["tblDongGop", [{ Ngày: isoToSerial("2021-07-01"), Loại: "Chi", "Số chứng từ": "PC-1", "Người, đơn vị": "Thôn mẫu 1", Nhóm: "Cá nhân", "Hình thức": "Tiền mặt", "Số tiền (đồng)": 5_000_000 }]]]));
    registerCommands(h, () => office, () => "2022-01-05");
    await run(h.handlers.get("buildReport")!);
    expect(h.told).toHaveLength(1);
    expect(h.told[0]).toContain("Đã thêm trang báo cáo");
    expect(h.told[0]).toContain("(-5.000.000 đồng)");
    expect(h.told[0]).toContain("lỗi");
  });

  it("complete their event only when the message's dialog is closed (completing ends a runtime that is not shared, and its dialog)", async () => {
    const h = host();
    let close: () => void = () => undefined;
    const shown = new Promise<void>((resolve) => (close = resolve));
    const fake = new FakeExcel();
    const busy = Object.assign(new Error("busy"), { name: "RichApi.Error", code: "InvalidOperationInCellEditMode" });
    const broken = { ...new OfficeWorkbook(fake.run, fake.requirements), readTables: () => Promise.reject(busy) } as unknown as WorkbookPort;
    registerCommands({ ...h, tell: (m) => (h.told.push(m), shown) }, () => broken, () => "2022-01-05");
    let completed = 0;
    h.handlers.get("validateWorkbook")!({ completed: () => void completed++, source: { id: "x" } });
    await new Promise((r) => setTimeout(r, 50));
    expect(h.told).toHaveLength(1);
    expect(completed).toBe(0);
    close();
    await new Promise((r) => setTimeout(r, 0));
    expect(completed).toBe(1);
  });

  it("complete their event even when the dialog cannot be shown", async () => {
    const h = host();
    const fake = new FakeExcel();
    const broken = { ...new OfficeWorkbook(fake.run, fake.requirements), readTables: () => Promise.reject(new Error("x")) } as unknown as WorkbookPort;
    registerCommands({ ...h, tell: () => Promise.reject(new Error("no dialog")) }, () => broken, () => "2022-01-05");
    await run(h.handlers.get("validateWorkbook")!);
  });

  it("do their work and say nothing when they succeed", async () => {
    const h = host();
    const fake = new FakeExcel();
    fake.seed("S", { A1: 1 });
    registerCommands(h, () => new OfficeWorkbook(fake.run, fake.requirements), () => "2022-01-05");
    await run(h.handlers.get("validateWorkbook")!);
    expect(h.told).toEqual([]);
  });
});
