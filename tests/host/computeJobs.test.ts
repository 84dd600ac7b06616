import { OfficeWorkbook } from "../../src/adapters/office/officeWorkbook";
import { computeJobs } from "../../src/host/computeJobs";
import { ROWS_PART } from "../../src/host/workerProtocol";
import { parsePeriod } from "../../src/domain/period";
import { panePreflight } from "../../src/domain/report/addReport";
import { validateThrough } from "../../src/domain/rules/runValidation";
import { chauSonPlan } from "../../src/domain/sample/chauSonPlan";
import { demoRows } from "../../src/domain/sample/demoData";
import { applyTemplates } from "../../src/domain/template/applyTemplates";
import { CancelledError } from "../../src/domain/workbook";
import { FakeExcel } from "../fakes/excel/workbook";

const TODAY = "2022-01-15";

/**
 * The compute worker run in this process: its module answers on a stand-in `self`, and the page's
 * messages reach it structured-cloned, a task later, as a real worker's would.
 */
async function inProcessWorker(): Promise<{ worker: Worker; sent: { op: string; rows?: unknown[] }[] }> {
  const sent: { op: string; rows?: unknown[] }[] = [];
  const page: { onmessage: ((e: { data: unknown }) => void) | null } = { onmessage: null };
  const scope: { onmessage: ((e: { data: unknown }) => void) | null; postMessage: (m: unknown) => void } = {
    onmessage: null,
    postMessage: (m) => setTimeout(() => page.onmessage?.({ data: structuredClone(m) })),
  };
  (globalThis as unknown as { self: unknown }).self = scope;
  jest.resetModules();
  await import("../../src/host/computeWorker");
  const worker = Object.assign(page, {
    postMessage: (m: { op: string; rows?: unknown[] }) => {
      sent.push(m);
      setTimeout(() => scope.onmessage?.({ data: structuredClone(m) }));
    },
    terminate: () => undefined,
  }) as unknown as Worker;
  return { worker, sent };
}

async function sampleInExcel(extraLedgerRows = 0) {
  const fake = new FakeExcel();
  const port = new OfficeWorkbook(fake.run, fake.requirements);
  const rows = demoRows(chauSonPlan);
  const ledger = rows.get("tblDongGop") ?? [];
  rows.set("tblDongGop", [...ledger, ...Array.from({ length: extraLedgerRows }, (_, i) => ledger[i % ledger.length]!)]);
  await applyTemplates(port, chauSonPlan, rows);
  return port;
}

describe("the pane's long jobs inside Excel, in a worker of their own", () => {
  afterEach(() => {
    delete (globalThis as unknown as { self?: unknown }).self;
  });

  it("gives the same issues and the same preflight as the jobs run on the page, the rows handed over in parts", async () => {
    const port = await sampleInExcel(ROWS_PART + 100);
    // An amount typed as text, far down the ledger: an issue to find in the second part.
    const ledger = (await port.readTables(["tblDongGop"])).get("tblDongGop")!;
    const row = ledger.rows.length - 3;
    await port.updateCells([{ sheet: ledger.sheet, row: ledger.range.top + 1 + row, col: ledger.range.left + 7, expected: ledger.rows[row]![7]!, value: "1.000.000" }]);
    const { worker, sent } = await inProcessWorker();
    const jobs = computeJobs(port, worker);
    const issues = await jobs.validate(TODAY, {});
    expect(issues.map((i) => i.cell)).toContain(`H${ledger.range.top + 2 + row}`);
    expect(issues).toEqual(await validateThrough(port, TODAY));
    // The ledger's rows went over in two parts, none bigger than ROWS_PART.
    const parts = sent.filter((m) => m.op === "rows");
    expect(Math.max(...parts.map((m) => m.rows!.length))).toBeLessThanOrEqual(ROWS_PART);
    expect(parts.length).toBeGreaterThan(demoRows(chauSonPlan).size);
    const period = parsePeriod("2021-S2");
    expect(await jobs.preflight(period, TODAY, {})).toEqual(await panePreflight(port, period, TODAY));
  });

  it("reads and matches bank statements in the worker: the same preview and the same grids as on the page", async () => {
    const port = await sampleInExcel();
    const { ledgerBankRows } = await import("../../src/domain/bank/reconcileJob");
    const { pageJobs } = await import("../../src/taskpane/pageJobs");
    const { nodeFiles } = await import("../../src/cli/files");
    const ledger = ledgerBankRows(await port.readTables(["tblDongGop"])).slice(0, 8);
    const csv = ["Ngày giao dịch,Số tham chiếu,Ghi có,Ghi nợ,Nội dung", ...ledger.map((r, i) => `${r.date},FT${i},${Math.max(r.amount, 0)},${Math.max(-r.amount, 0)},${r.voucher}`), "2021-03-02,FT98,777000,,CT tu 0123 NGUYEN VAN BA ung ho"].join("\n");
    const files = [{ name: "sao-ke.csv", bytes: new TextEncoder().encode(csv) }];
    const { worker } = await inProcessWorker();
    const inWorker = computeJobs(port, worker);
    const onPage = pageJobs(port, nodeFiles);
    const preview = await inWorker.bankRead(files, {});
    expect(preview).toEqual(await onPage.bankRead(files, {}));
    expect(preview.result!.counts.matched).toBe(8);
    const extra = preview.result!.candidates.find((c) => c.reference === "FT98")!;
    expect(extra.donor).toBe("NGUYEN VAN BA");
    const names = { names: (await port.summarize()).sheets.map((x) => x.name) };
    const written = await inWorker.bankWrite([extra.id], names, "2022-01-15 08:00", TODAY);
    expect(written).toEqual(await onPage.bankWrite([extra.id], names, "2022-01-15 08:00", TODAY));
    expect([written.added, written.sheet, written.left.statementOnly]).toEqual([1, "Đối chiếu sao kê", 0]);
  });

  it("with a period closed, hands over its snapshot only when its rows changed, and then names the change as the page does", async () => {
    const port = await sampleInExcel();
    const { closePeriod } = await import("../../src/domain/close/closeJob");
    await closePeriod(port, parsePeriod("2021-S1"), { today: "2021-07-05" });
    const { worker, sent } = await inProcessWorker();
    const jobs = computeJobs(port, worker);
    const handed = () => sent.filter((m) => m.op === "table").map((m) => (m as unknown as { name: string }).name);
    // Unchanged: the check ends on the period's one fingerprint; the snapshot stays in Excel.
    expect((await jobs.validate(TODAY, {})).filter((i) => i.rule.startsWith("closed-"))).toEqual([]);
    expect(handed().filter((n) => n.startsWith("tblChot_"))).toEqual([]);
    // An amount of June retyped: the snapshot is read then, and the change named as on the page.
    const ledger = (await port.readTables(["tblDongGop"])).get("tblDongGop")!;
    const c = ledger.headers.indexOf("Số tiền (đồng)");
    const i = ledger.rows.findIndex((r) => typeof r[c] === "number" && (r[ledger.headers.indexOf("Ngày")] as number) <= 44377);
    await port.updateCells([{ sheet: ledger.sheet, row: ledger.range.top + 1 + i, col: ledger.range.left + c, expected: ledger.rows[i]![c]!, value: 9_999_000 }]);
    sent.length = 0;
    const issues = await jobs.validate(TODAY, {});
    expect(handed().filter((n) => n.startsWith("tblChot_"))).toEqual(["tblChot_2021_S1"]);
    expect(issues.filter((x) => x.rule === "closed-changed").map((x) => x.params.after)).toEqual(["9.999.000"]);
    expect(issues).toEqual(await validateThrough(port, TODAY));
    const period = parsePeriod("2021-S1");
    expect(await jobs.preflight(period, TODAY, {})).toEqual(await panePreflight(port, period, TODAY));
  });

  it("stops between parts when the pane's Stop is pressed", async () => {
    const port = await sampleInExcel(3 * ROWS_PART);
    const { worker } = await inProcessWorker();
    const controller = new AbortController();
    const jobs = computeJobs(port, worker);
    const job = jobs.validate(TODAY, { signal: controller.signal, onProgress: () => controller.abort() });
    await expect(job).rejects.toBeInstanceOf(CancelledError);
  });
});
