import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import JSZip from "jszip";

const PROFILE = path.resolve(__dirname, "../tools/libreoffice-recalc-profile");

export function sofficePath(): string | undefined {
  const r = spawnSync("sh", ["-c", "command -v soffice || command -v libreoffice"], { encoding: "utf8" });
  const p = r.stdout.trim();
  return p || undefined;
}

/**
 * `describe` for tests that need LibreOffice: without it they say so loudly and skip, except
 * under CI=true where a missing LibreOffice fails the run.
 */
export function describeWithLibreOffice(name: string, body: () => void): void {
  if (sofficePath()) {
    describe(name, body);
    return;
  }
  if (process.env.CI === "true") {
    describe(name, () => {
      it("needs LibreOffice (soffice), which CI must install", () => {
        throw new Error("LibreOffice (soffice) is not installed: apt-get install -y --no-install-recommends libreoffice-calc-nogui libreoffice-writer-nogui fonts-liberation fonts-crosextra-carlito");
      });
    });
    return;
  }
  console.warn(`\n*** SKIPPED "${name}": LibreOffice (soffice) is not installed. Install libreoffice-calc-nogui to run the oracle tests. ***\n`);
  describe.skip(name, body);
}

export function freshProfile(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "lo-profile-"));
  cpSync(PROFILE, dir, { recursive: true });
  chmodSync(dir, 0o755);
  for (const f of readdirSync(dir, { recursive: true }) as string[]) chmodSync(path.join(dir, f), 0o755);
  return dir;
}

const CSV_FILTER = "csv:Text - txt - csv (StarCalc):44,34,UTF8,1,,0,false,true,false,false,false,-1";

/** Recalculates every formula with LibreOffice and returns each sheet as rows of text cells. */
export function recalculatedSheets(xlsx: string): Map<string, string[][]> {
  const out = mkdtempSync(path.join(tmpdir(), "lo-out-"));
  execFileSync(sofficePath()!, [`-env:UserInstallation=file://${freshProfile()}`, "--headless", "--convert-to", CSV_FILTER, "--outdir", out, xlsx], {
    stdio: "pipe",
    timeout: 120_000,
  });
  const base = path.basename(xlsx, ".xlsx");
  const sheets = new Map<string, string[][]>();
  for (const f of readdirSync(out)) {
    if (!f.startsWith(`${base}-`) || !f.endsWith(".csv")) continue;
    sheets.set(f.slice(base.length + 1, -4), parseCsv(readFileSync(path.join(out, f), "utf8")));
  }
  return sheets;
}

/** Saves a workbook again through LibreOffice, as a commune using LibreOffice would; returns the new file. */
export function resaveWithLibreOffice(xlsx: string, outDir: string): string {
  execFileSync(sofficePath()!, [`-env:UserInstallation=file://${freshProfile()}`, "--headless", "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", outDir, xlsx], { stdio: "pipe", timeout: 120_000 });
  const out = path.join(outDir, path.basename(xlsx));
  if (!existsSync(out)) throw new Error(`LibreOffice wrote no xlsx for ${xlsx}`);
  return out;
}

/**
 * Fails unless the fonts with the widths of Calibri (Carlito) and Times New Roman (Liberation
 * Serif) are installed: without them LibreOffice measures columns and text otherwise than Excel,
 * and the pages it lays out are not the ones Excel would print.
 */
export function requireExcelMetricFonts(): void {
  const fonts = spawnSync("fc-list", [":", "family"], { encoding: "utf8" }).stdout ?? "";
  const missing = ["Carlito", "Liberation Serif"].filter((f) => !fonts.includes(f));
  if (missing.length > 0) throw new Error(`Fonts missing for page layout checks: ${missing.join(", ")}. apt-get install -y fonts-crosextra-carlito fonts-liberation`);
}

/** Converts to PDF with LibreOffice; returns the PDF's path. */
export function convertToPdf(file: string, outDir: string): string {
  execFileSync(sofficePath()!, [`-env:UserInstallation=file://${freshProfile()}`, "--headless", "--convert-to", "pdf", "--outdir", outDir, file], { stdio: "pipe", timeout: 120_000 });
  const pdf = path.join(outDir, `${path.parse(file).name}.pdf`);
  // A .docx without LibreOffice Writer installed is "could not be loaded": no PDF.
  if (!existsSync(pdf)) throw new Error(`LibreOffice wrote no PDF for ${file}${file.endsWith(".docx") ? " (is libreoffice-writer-nogui installed?)" : ""}`);
  return pdf;
}

export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(cell);
      cell = "";
    } else if (ch === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else if (ch !== "\r") cell += ch;
  }
  if (cell || row.length) rows.push([...row, cell]);
  return rows;
}

/** A number as LibreOffice printed it (`58.44%`, `1,500,000`, `0.75`); NaN for text. */
export function csvNumber(s: string): number {
  const t = s.replace(/,/g, "").trim();
  if (t.endsWith("%")) return Number(t.slice(0, -1)) / 100;
  return t === "" ? NaN : Number(t);
}

/** Converts to flat ODS (LibreOffice's own XML) and returns its text: what LibreOffice understood of the file. */
export function asFlatOds(xlsx: string, outDir: string): string {
  execFileSync(sofficePath()!, [`-env:UserInstallation=file://${freshProfile()}`, "--headless", "--convert-to", "fods", "--outdir", outDir, xlsx], { stdio: "pipe", timeout: 120_000 });
  const fods = path.join(outDir, `${path.basename(xlsx, ".xlsx")}.fods`);
  if (!existsSync(fods)) throw new Error(`LibreOffice wrote no fods for ${xlsx}`);
  return readFileSync(fods, "utf8");
}

/** A sheet's XML in a workbook file, by the sheet's name. */
export async function sheetXmlOf(file: string, sheet: string): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const xml = await zip.file("xl/workbook.xml")!.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const id = /r:id="([^"]+)"/.exec([...xml.matchAll(/<sheet\b[^>]*>/g)].find((m) => m[0].includes(`name="${sheet}"`))![0])![1]!;
  const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)![1]!;
  return zip.file(`xl/${target.replace(/^\/?xl\//, "")}`)!.async("string");
}

/**
 * Rows of a paper's sheet as its tables have them: a cell a merge covers (a table column spans
 * several grid columns) is left out, so a row reads [STT, name, figures…] whatever the spans.
 */
export function paperRows(rows: string[][], sheetXml: string): string[][] {
  const covered = new Set<string>();
  const col = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  for (const m of sheetXml.matchAll(/<mergeCell ref="([A-Z]+)(\d+):([A-Z]+)(\d+)"/g)) {
    const [c1, r1, c2, r2] = [col(m[1]!), Number(m[2]) - 1, col(m[3]!), Number(m[4]) - 1];
    for (let r = r1; r <= r2; r++) for (let c = c1; c <= c2; c++) if (r !== r1 || c !== c1) covered.add(`${r}:${c}`);
  }
  return rows.map((row, r) => row.filter((_v, c) => !covered.has(`${r}:${c}`)));
}
