import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { run } from "../../src/cli/main";
import { convertToPdf, describeWithLibreOffice } from "../helpers/libreoffice";
import { captureOutput } from "../helpers/output";

const dir = mkdtempSync(path.join(tmpdir(), "docx-oracle-"));
const OUTPUT = path.resolve(__dirname, "../../test-output");

/** Each page's text as pdftotext lays it out, without empty pages. */
function pagesOf(pdf: string): string[] {
  return execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" }).split("\f").filter((p) => p.trim() !== "");
}
const lines = (page: string) => page.split("\n").map((l) => l.trim()).filter((l) => l !== "");
const HEADINGS = /^(I|II|III|IV|V)\. [A-ZĐ]|^\d\. [A-ZĐ]/u;

describeWithLibreOffice("the Word files open in LibreOffice Writer and print as Nghị định 30 asks", () => {
  const demo = path.join(dir, "demo.xlsx");
  beforeAll(async () => {
    expect((await captureOutput(() => run(["demo", "--out", demo]))).code).toBe(0);
  });

  it("the report: page numbers from page 2, no heading last on a page, the signature whole on one page, the chart drawn", async () => {
    const docx = path.join(dir, "bao-cao.docx");
    expect((await captureOutput(() => run(["report", demo, "--period", "2021", "--docx", docx, "--today", "2022-01-05"]))).code).toBe(0);
    const pdf = convertToPdf(docx, dir);
    const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
    expect(info).toMatch(/Page size:\s+595(\.\d+)? x 841(\.\d+)? pts \(A4\)/);
    const pages = pagesOf(pdf);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    expect(lines(pages[0]!)[0]).not.toMatch(/^\d+$/);
    pages.slice(1).forEach((p, i) => expect(lines(p)[0]).toBe(String(i + 2)));
    for (const [i, p] of pages.entries()) {
      const last = lines(p).at(-1)!;
      expect([i + 1, last, HEADINGS.test(last)]).toEqual([i + 1, last, false]);
    }
    const signed = pages.find((p) => p.includes("Đỗ Văn Tuấn"))!;
    for (const t of ["Nơi nhận:", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "- Lưu: VT."]) expect(signed).toContain(t);
    const all = pages.join("\n");
    expect(all).toContain("909.050.000");
    expect(all).toContain("99,3%");
    // The chart's title and its axis are drawn.
    expect(all.replace(/\s+/g, "")).toContain("Tỷlệhộgiađìnhđãkýcamkếttheothôn");
    expect(all).toMatch(/0%\s+20%\s+40%\s+60%\s+80%\s+100%/);
    mkdirSync(OUTPUT, { recursive: true });
    execFileSync("pdftoppm", ["-png", "-r", "60", "-f", "2", "-l", "2", "-singlefile", pdf, path.join(OUTPUT, "bao-cao-word-trang-2")]);
  });

  it("the disclosure list and the dossier: each paper numbered from its own first page", async () => {
    const k = path.join(dir, "cong-khai.docx");
    expect((await captureOutput(() => run(["disclosure", demo, "--period", "2021-S2", "--docx", k, "--today", "2022-01-05"]))).code).toBe(0);
    const kPages = pagesOf(convertToPdf(k, dir));
    expect(kPages[0]).toContain("THÔNG BÁO");
    expect(kPages.at(-1)).toContain("Nơi nhận:");
    const n = path.join(dir, "khen-thuong.docx");
    expect((await captureOutput(() => run(["nominations", demo, "--period", "2021-S2", "--docx", n, "--today", "2022-01-05"]))).code).toBe(0);
    const nPages = pagesOf(convertToPdf(n, dir));
    // Each paper starts on a new page without a number; its next pages are numbered from 2.
    const starts = nPages.map((p, i) => (/TỜ TRÌNH|DANH SÁCH\n|QUYẾT ĐỊNH\n/.test(p) && p.includes("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") ? i : -1)).filter((i) => i >= 0);
    expect(starts).toHaveLength(3);
    for (const [k2, start] of starts.entries()) {
      const end = starts[k2 + 1] ?? nPages.length;
      expect(lines(nPages[start]!)[0]).not.toMatch(/^\d+$/);
      for (let p = start + 1; p < end; p++) expect(lines(nPages[p]!)[0]).toBe(String(p - start + 1));
    }
  });
});
