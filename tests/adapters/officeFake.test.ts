import { OfficeWorkbook } from "../../src/adapters/office/officeWorkbook";
import { needsQuote, officeInput, rowsPerChunk } from "../../src/adapters/office/officeValues";
import { chauSonPlan } from "../../src/domain/sample/chauSonPlan";
import { issueMarks } from "../../src/domain/rules/marks";
import { validateThrough } from "../../src/domain/rules/runValidation";
import { VALIDATED_TABLES } from "../../src/domain/rules/validate";
import { applyTemplates } from "../../src/domain/template/applyTemplates";
import { CancelledError, GridConflictError } from "../../src/domain/workbook";
import { FakeExcel } from "../fakes/excel/workbook";
import { benchTables } from "../../bench/data";
import { modelOfFake } from "../contract/model";

/** A workbook with the templates and `rows` ledger rows, in the fake. */
async function ledgerBook(rows: number): Promise<{ fake: FakeExcel; office: OfficeWorkbook }> {
  const fake = new FakeExcel();
  const office = new OfficeWorkbook(fake.run, fake.requirements);
  const data = benchTables(rows, 50);
  const sample = new Map([...data].map(([name, t]) => [name, t.rows.map((r) => Object.fromEntries(t.headers.map((h, i) => [h, (r[i] ?? null) as string | number | null])))] as const));
  sample.delete("tblDonVi");
  sample.delete("tblNhomDongGop");
  sample.delete("tblHinhThucKhenThuong");
  await applyTemplates(office, chauSonPlan, sample);
  return { fake, office };
}

const syncsOf = async (fake: FakeExcel, op: () => Promise<unknown>) => {
  const before = fake.syncCount;
  await op();
  return fake.syncCount - before;
};

describe("the strict Excel fake", () => {
  it("throws when a property is read before it was loaded and synced (a planted read-before-load)", async () => {
    const fake = new FakeExcel();
    fake.seed("S", { A1: 5 });
    await expect(
      fake.run(async (ctx) => {
        const r = ctx.workbook.worksheets.getItem("S").getRange("A1");
        r.load("values");
        return Promise.resolve(r.values);
      }),
    ).rejects.toThrow(/PropertyNotLoaded/);
    await expect(fake.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("S").getRange("A1").load("values");
      await ctx.sync();
      return r.values;
    })).resolves.toEqual([[5]]);
  });

  it("applies queued writes only at sync", async () => {
    const fake = new FakeExcel();
    fake.seed("S", {});
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("S").getRange("A1").formulas = [["x"]];
      expect(fake.state.sheet("S")!.cells.size).toBe(0);
      await ctx.sync();
      expect(fake.state.sheet("S")!.cells.get("0:0")?.value).toBe("x");
    });
  });

  it("counts a sync per row in a naive loop (a planted sync in a loop), and one for the batch", async () => {
    const fake = new FakeExcel();
    fake.seed("S", {});
    const naive = await syncsOf(fake, () =>
      fake.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem("S");
        for (let r = 1; r <= 200; r++) {
          ws.getRange(`A${r}`).formulas = [[r]];
          await ctx.sync();
        }
      }),
    );
    const batched = await syncsOf(fake, () =>
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("S").getRange("B1:B200").formulas = Array.from({ length: 200 }, (_, r) => [r]);
        await ctx.sync();
      }),
    );
    expect([naive, batched]).toEqual([200, 1]);
  });

  it("refuses a run with more syncs than its budget: the planted loop fails, the adapter's operations pass", async () => {
    const strict = new FakeExcel({ maxSyncsPerRun: 10 });
    strict.seed("S", {});
    await expect(
      strict.run(async (ctx) => {
        for (let r = 1; r <= 50; r++) {
          ctx.workbook.worksheets.getItem("S").getRange(`A${r}`).formulas = [[r]];
          await ctx.sync();
        }
      }),
    ).rejects.toThrow(/TooManySyncs/);
    const office = new OfficeWorkbook(strict.run, strict.requirements);
    await applyTemplates(office, chauSonPlan);
    // A whole validation in the fixed number of syncs: templates pre-filled from the plan, no error.
    const issues = await validateThrough(office, "2022-01-05");
    expect(issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(strict.syncCount).toBeLessThan(60);
  });

  it("refuses an ExcelApi 1.13 call made without asking isSetSupported (a planted unguarded call)", async () => {
    const fake = new FakeExcel();
    fake.seed("S", { A1: "h" });
    fake.seedTable("S", "t", "A1:A2");
    await expect(fake.run(async (ctx) => Promise.resolve(ctx.workbook.tables.getItem("t").resize("A1:B2")))).rejects.toThrow(/ApiNotGuarded.*1\.13/);
    fake.requirements.isSetSupported("ExcelApi", "1.13");
    await expect(fake.run(async (ctx) => {
      ctx.workbook.tables.getItem("t").resize("A1:B2");
      await ctx.sync();
    })).resolves.toBeUndefined();
  });

  it("refuses a request over 5 MB", async () => {
    const fake = new FakeExcel();
    fake.seed("S", {});
    await expect(
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("S").getRange("A1:A60000").formulas = Array.from({ length: 60_000 }, () => ["x".repeat(100)]);
        await ctx.sync();
      }),
    ).rejects.toThrow(/RequestPayloadSizeLimitExceeded/);
  });

  it("turns unprotected text into numbers as Excel does, so the adapter's quoting is tested", async () => {
    const fake = new FakeExcel();
    fake.seed("S", {});
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("S").getRange("A1:D1").formulas = [["001", officeInput("001", undefined), officeInput("=không phải", undefined), officeInput("15/06/2021", undefined)]];
      await ctx.sync();
    });
    expect(modelOfFake(fake.state).sheets[0]!.cells).toEqual({ A1: 1, B1: "001", C1: "=không phải", D1: "15/06/2021" });
    expect(["Thôn 1", "Công an xã", "PT-001"].map(needsQuote)).toEqual([false, false, false]);
  });
});

describe("the Office adapter's syncs do not grow with the rows", () => {
  it("same syncs at 1,000 and 20,000 ledger rows, apart from read chunks", async () => {
    const small = await ledgerBook(1_000);
    const large = await ledgerBook(20_000);
    const names = VALIDATED_TABLES.map((t) => t.spec.name);
    const count = async (b: { fake: FakeExcel; office: OfficeWorkbook }) => ({
      summarize: await syncsOf(b.fake, () => b.office.summarize()),
      template: await syncsOf(b.fake, () => applyTemplates(b.office, chauSonPlan)),
      readTables: await syncsOf(b.fake, () => b.office.readTables(names)),
      validate: await syncsOf(b.fake, () => validateThrough(b.office, "2022-01-05")),
      mark: await syncsOf(b.fake, async () => b.office.markIssues(issueMarks(await validateThrough(b.office, "2022-01-05")))),
    });
    const a = await count(small);
    const b = await count(large);
    // Reads take one more sync where cells hold formulas (tblCamKet's rate): formulas are read only there.
    expect(a).toEqual({ summarize: 2, template: 4, readTables: 4, validate: 4, mark: 8 });
    // Operations that read no table body: the same syncs at any size.
    expect([b.summarize, b.template]).toEqual([a.summarize, a.template]);
    // Reads of the 20,000-row ledger (14 columns) add one sync per 4 MB chunk, and no more.
    const chunks = Math.ceil(20_000 / rowsPerChunk(14));
    for (const op of ["readTables", "validate", "mark"] as const) {
      expect(b[op] - a[op]).toBeGreaterThan(0);
      expect(b[op] - a[op]).toBeLessThanOrEqual(chunks);
    }
    for (const c of large.fake.contexts) for (const s of c.syncs) expect(s.responseBytes).toBeLessThan(5 * 1024 * 1024);
  }, 120_000);
});

describe("long reads", () => {
  it("report progress between chunks and stop when asked, before reading the rest", async () => {
    const { fake, office } = await ledgerBook(20_000);
    const names = VALIDATED_TABLES.map((t) => t.spec.name);
    const seen: [number, number][] = [];
    await office.readTables(names, { onProgress: (read, total) => seen.push([read, total]) });
    expect(seen.length).toBeGreaterThan(2);
    expect(seen[seen.length - 1]![0]).toBe(seen[seen.length - 1]![1]);
    expect(seen.every(([read], i) => i === 0 || read > seen[i - 1]![0])).toBe(true);
    const controller = new AbortController();
    const before = fake.syncCount;
    const stopped = office.readTables(names, { signal: controller.signal, onProgress: () => controller.abort() });
    await expect(stopped).rejects.toBeInstanceOf(CancelledError);
    expect(fake.syncCount - before).toBeLessThan(seen.length + 2);
  }, 120_000);
});

describe("the Office adapter never writes over user data", () => {
  it("refuses a grid that would change a non-empty cell, before writing anything", async () => {
    const fake = new FakeExcel();
    fake.seed("Sổ", { A1: "của tôi", A3: 7 });
    const office = new OfficeWorkbook(fake.run, fake.requirements);
    const grid = { sheet: "Sổ", createSheet: false, cells: [{ row: 1, col: 0, value: "mới" }, { row: 0, col: 0, value: "đè" }] };
    await expect(office.applyGrids([grid])).rejects.toBeInstanceOf(GridConflictError);
    expect(modelOfFake(fake.state).sheets[0]!.cells).toEqual({ A1: "của tôi", A3: 7 });
    await office.applyGrids([{ ...grid, cells: [{ row: 1, col: 0, value: "mới" }, { row: 2, col: 0, value: 7 }] }]);
    expect(modelOfFake(fake.state).sheets[0]!.cells).toEqual({ A1: "của tôi", A2: "mới", A3: 7 });
  });
});
