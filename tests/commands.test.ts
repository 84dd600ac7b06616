import { registerCommands } from "../src/commands/commands";
import type { WorkbookPort } from "../src/domain/workbook";
import { OfficeWorkbook } from "../src/adapters/office/officeWorkbook";
import { FakeExcel } from "./fakes/excel/workbook";

function host() {
  const handlers = new Map<string, (e: Office.AddinCommands.Event) => void>();
  const told: string[] = [];
  return { handlers, told, associate: (id: string, h: (e: Office.AddinCommands.Event) => void) => handlers.set(id, h), tell: (m: string) => told.push(m) };
}

const run = (h: (e: Office.AddinCommands.Event) => void) =>
  new Promise<void>((resolve) => h({ completed: () => resolve(), source: { id: "x" } }));

describe("ribbon commands", () => {
  it("register both handlers, complete their event, and tell the user in Vietnamese when they fail", async () => {
    const h = host();
    const fake = new FakeExcel();
    const broken = { ...new OfficeWorkbook(fake.run, fake.requirements), readTables: () => Promise.reject(new Error("Excel bận")) } as unknown as WorkbookPort;
    registerCommands(h, () => broken, () => "2022-01-05");
    expect([...h.handlers.keys()]).toEqual(["validateWorkbook", "buildReport"]);
    await run(h.handlers.get("validateWorkbook")!);
    expect(h.told).toEqual([expect.stringContaining("Không kiểm tra được sổ: Excel bận. Sổ của bạn không bị thay đổi.")]);
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
