// Syncs and bytes per operation through the strict Excel fake, at 1,000 and 100,000 ledger rows,
// beside a naive version of the same operation (one sync per row, or per issue).
import { OfficeWorkbook } from "../src/adapters/office/officeWorkbook";
import { columnLetter } from "../src/domain/grid";
import { issueMarks } from "../src/domain/rules/marks";
import { fixUpdates } from "../src/domain/rules/fixes";
import { VALIDATED_TABLES, validateWorkbook } from "../src/domain/rules/validate";
import type { TableData } from "../src/domain/workbook";
import { FakeExcel } from "../tests/fakes/excel/workbook";
import { benchTables } from "./data";

/** The bench tables typed into a fake workbook, one in a hundred amounts written as text. */
function seeded(rows: number): FakeExcel {
  const fake = new FakeExcel();
  const tables = benchTables(rows, 1_000);
  let left = 0;
  for (const t of tables.values()) {
    const cells: Record<string, string | number | boolean> = {};
    const offset = t.sheet === "Danh mục" ? left : 0;
    t.headers.forEach((h, c) => (cells[`${columnLetter(offset + c)}1`] = h));
    t.rows.forEach((r, i) =>
      r.forEach((v, c) => {
        if (v === null || typeof v === "object") return;
        const planted = t.name === "tblDongGop" && c === 7 && i % 100 === 0 && typeof v === "number" ? v.toLocaleString("de-DE") : v;
        cells[`${columnLetter(offset + c)}${i + 2}`] = planted;
      }),
    );
    fake.seed(t.sheet, cells);
    fake.seedTable(t.sheet, t.name, `${columnLetter(offset)}1:${columnLetter(offset + t.headers.length - 1)}${t.rows.length + 1}`);
    if (t.sheet === "Danh mục") left += t.headers.length + 1;
  }
  return fake;
}

async function measure(fake: FakeExcel, op: () => Promise<unknown>) {
  const from = fake.contexts.length;
  await op();
  const syncs = fake.contexts.slice(from).flatMap((c) => c.syncs);
  return {
    syncs: syncs.length,
    request: syncs.reduce((n, s) => n + s.requestBytes, 0),
    response: syncs.reduce((n, s) => n + s.responseBytes, 0),
    largest: Math.max(0, ...syncs.map((s) => Math.max(s.requestBytes, s.responseBytes))),
    refused: fake.contexts.slice(from).reduce((n, c) => n + c.payloadRefusals, 0),
  };
}

/** Naive reading: one range and one sync per row of the ledger. */
async function naiveRead(fake: FakeExcel, t: TableData): Promise<void> {
  await fake.run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem(t.sheet);
    for (let r = 0; r < t.rows.length; r++) {
      ws.getRange(`A${r + 2}:N${r + 2}`).load("values");
      await ctx.sync();
    }
  });
}

/** Naive marking: one conditional format and one sync per issue cell. */
async function naiveMark(fake: FakeExcel, cells: { sheet: string; cell: string }[]): Promise<void> {
  await fake.run(async (ctx) => {
    for (const c of cells) {
      const cf = ctx.workbook.worksheets.getItem(c.sheet).getRange(c.cell).conditionalFormats.add("Custom");
      cf.custom.rule.formula = "=TRUE";
      await ctx.sync();
    }
  });
}

const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;

export async function officeBench(): Promise<void> {
  console.log("Office adapter through the strict fake: syncs and bytes per operation (UTF-8 JSON with an envelope per call and object)");
  console.log("  operation      rows      syncs  request   response   largest sync (limit 5,120 KB)   naive syncs  ratio");
  for (const rows of [1_000, 100_000]) {
    const fake = seeded(rows);
    const office = new OfficeWorkbook(fake.run, fake.requirements);
    const names = VALIDATED_TABLES.map((t) => t.spec.name);
    let tables = new Map<string, TableData>();
    const read = await measure(fake, async () => (tables = await office.readTables(names)));
    const issues = validateWorkbook(tables, "2022-01-05").filter((i) => i.rule !== "table-missing");
    const mark = await measure(fake, () => office.markIssues(issueMarks(issues)));
    const fix = await measure(fake, () => office.updateCells(fixUpdates(issues)));
    const ledger = tables.get("tblDongGop")!;
    const naiveR = await measure(fake, () => naiveRead(fake, ledger));
    const naiveM = await measure(fake, () => naiveMark(fake, issues.map((i) => ({ sheet: i.sheet, cell: i.cell }))));
    const line = (op: string, m: { syncs: number; request: number; response: number; largest: number; refused: number }, naive?: number) =>
      console.log(
        `  ${op.padEnd(13)} ${rows.toLocaleString("en").padStart(7)}  ${String(m.syncs).padStart(6)}  ${kb(m.request).padStart(8)}  ${kb(m.response).padStart(9)}  ${kb(m.largest).padStart(10)}${m.refused ? ` (${m.refused} refused, read again in halves)` : ""}`.padEnd(78) +
          `${naive === undefined ? "" : String(naive).padStart(11)}  ${naive === undefined ? "" : `${(naive / m.syncs).toFixed(0)}x`}`,
      );
    line("readTables", read, naiveR.syncs);
    line(`mark (${issues.length})`, mark, naiveM.syncs);
    line("apply fixes", fix);
  }
}
