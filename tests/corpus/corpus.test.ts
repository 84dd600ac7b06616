import { execFileSync } from "node:child_process";
import JSZip from "jszip";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { XlsxWorkbook } from "../../src/adapters/xlsx/xlsxWorkbook";
import { run } from "../../src/cli/main";
import { chauSonPlan } from "../../src/domain/sample/chauSonPlan";
import { addReport } from "../../src/domain/report/addReport";
import { parsePeriod } from "../../src/domain/period";
import { issueMarks } from "../../src/domain/rules/marks";
import { fixThrough, validateThrough } from "../../src/domain/rules/runValidation";
import { applyTemplates } from "../../src/domain/template/applyTemplates";
import { BASE_ROWS } from "../fixtures/base";
import { captureOutput } from "../helpers/output";
import { buildCorpus, draftFromZip, sheetPart, type CorpusBook } from "./corpus";

const dir = mkdtempSync(path.join(tmpdir(), "corpus-"));
const COMPARE = path.join(__dirname, "compare.py");
const TODAY = "2022-01-05";

/** The independent comparison (Python's zipfile and ElementTree): the problems it prints. */
function lost(before: Uint8Array, after: Uint8Array, allowedCells: Record<string, string[]> = {}): string[] {
  const a = path.join(dir, `cmp-a-${process.hrtime.bigint()}.xlsx`);
  const b = path.join(dir, `cmp-b-${process.hrtime.bigint()}.xlsx`);
  const j = path.join(dir, `cmp-${process.hrtime.bigint()}.json`);
  writeFileSync(a, before);
  writeFileSync(b, after);
  writeFileSync(j, JSON.stringify({ cells: allowedCells }));
  try {
    execFileSync("python3", [COMPARE, a, b, j], { encoding: "utf8", stdio: "pipe" });
    return [];
  } catch (e) {
    const out = (e as { stdout?: string }).stdout ?? String(e);
    return out.split("\n").filter(Boolean);
  }
}

let corpus: CorpusBook[] = [];
let ledgerPart = "";

beforeAll(async () => {
  const base = await XlsxWorkbook.empty();
  await applyTemplates(base, chauSonPlan, BASE_ROWS);
  const templated = await base.toBuffer();
  ledgerPart = sheetPart(await draftFromZip(templated), "Đóng góp");
  corpus = await buildCorpus(templated);
});

describe("the corpus", () => {
  it("holds at least 60 workbooks, each opening in the adapter", async () => {
    expect(corpus.length).toBeGreaterThanOrEqual(60);
    for (const book of corpus) {
      const summary = await (await XlsxWorkbook.fromBuffer(book.bytes)).summarize();
      expect([book.name, summary.sheets.length > 0]).toEqual([book.name, true]);
    }
  });

  it("the comparison can fail: a lost note, a changed cell and a dropped attribute are each caught", async () => {
    const notes = corpus.find((b) => b.name === "user-notes")!;
    const edited = async (edit: (zip: JSZip) => Promise<void> | void) => {
      const zip = await JSZip.loadAsync(notes.bytes);
      await edit(zip);
      return zip.generateAsync({ type: "uint8array" });
    };
    const replace = (part: string, from: string, to: string) => async (zip: JSZip) => {
      zip.file(part, (await zip.file(part)!.async("string")).replace(from, to));
    };
    expect(lost(notes.bytes, await edited((z) => void z.remove("xl/comments1.xml")))).toEqual(["xl/comments1.xml: part lost"]);
    const changed = await edited(replace("xl/worksheets/sheet1.xml", "<v>1500000</v>", "<v>1500001</v>"));
    expect(lost(notes.bytes, changed).join("\n")).toContain("xl/worksheets/sheet1.xml: lost or changed");
    expect(lost(notes.bytes, changed, { "xl/worksheets/sheet1.xml": ["B2"] })).toEqual([]);
    const attr = await edited(replace("xl/workbook.xml", ' windowWidth="29040"', ""));
    expect(lost(notes.bytes, attr).join("\n")).toContain("windowWidth");
  });
});

describe.each(["user", "templated"] as const)("every %s workbook of the corpus, through every write", (kind) => {
  const books = () => corpus.filter((b) => b.kind === kind);

  it("template (command line): nothing lost, no refusal", async () => {
    for (const book of books()) {
      const file = path.join(dir, `${book.name}-template.xlsx`);
      writeFileSync(file, book.bytes);
      const r = await captureOutput(() => run(["template", file]));
      expect([book.name, r.code, r.stderr.includes("Không ghi") ? r.stderr : ""]).toEqual([book.name, 0, ""]);
      expect([book.name, lost(book.bytes, readFileSync(file))]).toEqual([book.name, []]);
    }
  });

  it("report (command line), after the templates: nothing lost", async () => {
    for (const book of books()) {
      const file = path.join(dir, `${book.name}-report.xlsx`);
      writeFileSync(file, book.bytes);
      await captureOutput(() => run(["template", file]));
      const before = readFileSync(file);
      const r = await captureOutput(() => run(["report", file, "--period", "2021", "--today", TODAY]));
      expect([book.name, r.code, r.stderr.includes("Đã thêm trang báo cáo")]).toEqual([book.name, 0, true]);
      expect([book.name, lost(before, readFileSync(file))]).toEqual([book.name, []]);
    }
  });

  it("validate --fix (command line): only the fixed cells change, and they hold the canonical value", async () => {
    for (const book of books()) {
      const file = path.join(dir, `${book.name}-fix.xlsx`);
      writeFileSync(file, book.bytes);
      if (kind === "user") await captureOutput(() => run(["template", file]));
      const before = readFileSync(file);
      const issues = await validateThrough(await XlsxWorkbook.fromBuffer(before), TODAY);
      const fixable = issues.filter((i) => i.fix && i.sheet === "Đóng góp").map((i) => i.cell);
      if (kind === "templated") expect([book.name, [...fixable].sort()]).toEqual([book.name, [...book.planted].sort()]);
      const r = await captureOutput(() => run(["validate", file, "--fix", "--today", TODAY]));
      expect([book.name, r.stderr]).toEqual([book.name, expect.stringContaining(`Đã sửa ${fixable.length} ô`)]);
      if (fixable.length === 0) {
        expect(readFileSync(file).equals(before)).toBe(true);
        continue;
      }
      expect([book.name, lost(before, readFileSync(file), { [ledgerPart]: fixable })]).toEqual([book.name, []]);
      const after = await validateThrough(await XlsxWorkbook.fromBuffer(readFileSync(file)), TODAY);
      expect(after.filter((i) => i.fix)).toEqual([]);
    }
  });

  it("the preview's session and download (templates, fixes, highlights, a report): nothing lost", async () => {
    for (const book of books()) {
      const port = await XlsxWorkbook.fromBuffer(book.bytes);
      await applyTemplates(port, chauSonPlan);
      const fixed = await fixThrough(port, TODAY);
      await port.markIssues(issueMarks(fixed.remaining));
      await addReport(port, parsePeriod("2021-S2"), TODAY);
      const download = await port.toVerifiedBuffer();
      const planted = { [ledgerPart]: book.planted };
      expect([book.name, lost(book.bytes, download, planted)]).toEqual([book.name, []]);
    }
  });
});
