// Every paper of the sample's periods as LibreOffice prints it, the sheet and the Word copy: A4 at
// real size (the text as tall as 12-14 pt at 100%), no page ending on a heading, a caption or a
// table's header, no table header with fewer than two rows under it.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { XlsxWorkbook } from "../../src/adapters/xlsx/xlsxWorkbook";
import { documentsDocx } from "../../src/adapters/docx/documentDocx";
import { run } from "../../src/cli/main";
import { parsePeriod } from "../../src/domain/period";
import { reportPaper } from "../../src/domain/report/addReport";
import { disclosurePaper } from "../../src/domain/report/disclosure";
import type { DocModel } from "../../src/domain/report/document";
import { documentSheet } from "../../src/domain/report/documentSheet";
import { dossierPapers } from "../../src/domain/report/dossier";
import { convertToPdf, describeWithLibreOffice, requireExcelMetricFonts } from "../helpers/libreoffice";
import { captureOutput } from "../helpers/output";

const dir = mkdtempSync(path.join(tmpdir(), "papers-pdf-"));

interface Word {
  page: number;
  height: number;
}

/** Each word's page and height (pdftotext's boxes): Liberation Serif's box is 1.3 times the font size. */
function wordsOf(pdf: string): Word[] {
  const html = execFileSync("pdftotext", ["-bbox", pdf, "-"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const out: Word[] = [];
  let page = 0;
  for (const line of html.split("\n")) {
    if (line.includes("<page ")) page++;
    const m = /<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">/.exec(line);
    if (m) out.push({ page, height: Number(m[2]) - Number(m[1]) });
  }
  return out;
}

/** The size most of a page's words are set in, in points as printed. */
function commonSize(words: readonly Word[]): number {
  const counts = new Map<number, number>();
  for (const w of words) counts.set(Math.round((w.height / 1.3) * 2) / 2, (counts.get(Math.round((w.height / 1.3) * 2) / 2) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0;
}

/** What may not end a page: a numbered heading, a caption, a table's header. */
const STRANDED = /^(I|II|III|IV|V)\. [A-ZĐ]|^\d\. \p{Lu}|:$|^STT\b/u;

function checkPages(pdf: string, what: string): number {
  const info = execFileSync("pdfinfo", ["-f", "1", "-l", "999", pdf], { encoding: "utf8" });
  const sizes = [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/g)].map((m) => [Math.round(Number(m[1])), Math.round(Number(m[2]))]);
  for (const s of sizes) expect([what, s]).toEqual([what, [595, 842]]);
  const words = wordsOf(pdf);
  const pages = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 }).split("\f").slice(0, sizes.length);
  for (const [i, p] of pages.entries()) {
    const onPage = words.filter((w) => w.page === i + 1);
    if (onPage.length === 0) continue;
    // At 100%: text set in 12 pt or more (13-14 pt body, 12 pt tables); a shrunk page would print 13 pt as 11.
    expect([what, i + 1, commonSize(onPage) >= 12]).toEqual([what, i + 1, true]);
    const lines = p.split("\n").map((l) => l.trim()).filter((l) => l !== "");
    const last = lines.at(-1) ?? "";
    if (i < pages.length - 1) expect([what, i + 1, last, STRANDED.test(last)]).toEqual([what, i + 1, last, false]);
    // A table's header never with fewer than two rows under it: "STT" is not among a page's last three lines.
    if (i < pages.length - 1) expect([what, i + 1, lines.slice(-3).some((l) => /^STT\b/u.test(l))]).toEqual([what, i + 1, false]);
  }
  return sizes.length;
}

describeWithLibreOffice("every paper as printed (LibreOffice's PDF of the sheet and of the Word copy)", () => {
  const demo = path.join(dir, "demo.xlsx");
  beforeAll(async () => {
    requireExcelMetricFonts();
    expect((await captureOutput(() => run(["demo", "--out", demo]))).code).toBe(0);
  });

  it.each(["2021-S1", "2021-S2", "2021"])("%s: the report, the disclosure list and the dossier", async (code) => {
    const book = await XlsxWorkbook.fromBuffer(readFileSync(demo));
    const period = parsePeriod(code);
    const today = "2026-12-07";
    const docs: DocModel[] = [(await reportPaper(book, period, today)).doc, ...(await disclosurePaper(book, period, today)).docs, ...(await disclosurePaper(book, period, today, { byVillage: true })).docs, ...(await dossierPapers(book, period, today).then((r) => r.docs, () => []))];
    for (const [i, doc] of docs.entries()) {
      const one = await XlsxWorkbook.empty();
      await one.applyGrids([documentSheet(`Giấy ${i + 1}`, doc)]);
      const file = path.join(dir, `${code}-${i + 1}.xlsx`);
      writeFileSync(file, await one.toBuffer());
      checkPages(convertToPdf(file, dir), `${code} sheet ${i + 1}`);
    }
    const word = path.join(dir, `${code}.docx`);
    writeFileSync(word, await documentsDocx(docs, period.label));
    checkPages(convertToPdf(word, dir), `${code} Word`);
  }, 300_000);
});
