// One truth: the same concept read the same way by every output (issue: figures wrong in one
// output and right in another without a word).
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { XlsxWorkbook } from "../src/adapters/xlsx/xlsxWorkbook";
import { run } from "../src/cli/main";
import { tablePart, writeZip, zipEntries } from "./helpers/craft";
import { captureOutput } from "./helpers/output";

const dir = mkdtempSync(path.join(tmpdir(), "mot-su-that-"));
const demo = path.join(dir, "demo.xlsx");

beforeAll(async () => {
  expect((await captureOutput(() => run(["demo", "--out", demo]))).code).toBe(0);
}, 60_000);

describe("a table is found as Excel finds it, whatever its case", () => {
  it("a workbook whose info table is spelt TBLTHONGTIN still gives the report its issuing body, and the summary its commune", async () => {
    const book = path.join(dir, "hoa.xlsx");
    const entries = await zipEntries(demo);
    const part = tablePart(entries, "tblThongTin");
    entries.set(part, Buffer.from(entries.get(part)!.toString("utf8").replace(/(displayName|name)="tblThongTin"/g, '$1="TBLTHONGTIN"')));
    writeZip(book, entries);
    const out = path.join(dir, "hoa-bc.xlsx");
    expect((await captureOutput(() => run(["report", book, "--period", "2021-S2", "--out", out, "--today", "2022-01-05"]))).code).toBe(0);
    const cells = (await (await XlsxWorkbook.fromBuffer(readFileSync(out))).readRanges([{ sheet: "BC 6 tháng cuối năm 2021", range: { top: 0, left: 0, bottom: 3, right: 8 } }]))[0]!.flat();
    expect(cells).toEqual(expect.arrayContaining(["ỦY BAN NHÂN DÂN", "XÃ CHÂU SƠN"]));
    const c = await captureOutput(() => run(["consolidate", book, "--period", "2021", "--json"]));
    expect((JSON.parse(c.stdout) as { communes: { body: string }[] }).communes.map((x) => x.body)).toEqual(["XÃ CHÂU SƠN"]);
  });
});
