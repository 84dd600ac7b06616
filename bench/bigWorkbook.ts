import JSZip from "jszip";
import { XlsxWorkbook } from "../src/adapters/xlsx/xlsxWorkbook";
import { columnLetter, type CellValue } from "../src/domain/grid";
import { chauSonPlan } from "../src/domain/sample/chauSonPlan";
import { applyTemplates } from "../src/domain/template/applyTemplates";
import { benchTables } from "./data";

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/**
 * A workbook as Excel saves a big one: the templates, then each table's rows written as Excel
 * writes them (shared strings, styles by column), `ledgerRows` rows in the ledger.
 */
export async function bigWorkbook(ledgerRows: number, otherRows: number, allBank = false): Promise<Uint8Array> {
  const port = await XlsxWorkbook.empty();
  await applyTemplates(port, chauSonPlan);
  const zip = await JSZip.loadAsync(await port.toBuffer());
  const tables = benchTables(ledgerRows, otherRows, allBank);
  const strings: string[] = [];
  const index = new Map<string, number>();
  const sst = (s: string) => {
    let i = index.get(s);
    if (i === undefined) {
      i = strings.length;
      strings.push(s);
      index.set(s, i);
    }
    return i;
  };
  const wb = await zip.file("xl/workbook.xml")!.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const partOf = (sheet: string) => {
    const id = new RegExp(`<sheet name="${sheet}" sheetId="\\d+" r:id="(rId\\d+)"`).exec(wb)![1];
    return `xl/${new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)![1]}`;
  };
  const tableParts = Object.keys(zip.files).filter((f) => f.startsWith("xl/tables/"));
  for (const sheet of ["Nhiệm vụ", "Cam kết", "Đóng góp", "Khen thưởng"]) {
    const part = partOf(sheet);
    let xml = await zip.file(part)!.async("string");
    const styles = new Map<number, string>();
    for (const m of xml.matchAll(/<c r="([A-Z]+)2" s="(\d+)"/g)) styles.set(m[1]!.charCodeAt(0) - 65, m[2]!);
    for (const t of [...tables.values()].filter((x) => x.sheet === sheet)) {
      const rows: string[] = [];
      t.rows.forEach((r: CellValue[], i) => {
        const n = i + 2;
        const cells = r
          .map((v, c) => {
            const ref = `${columnLetter(c)}${n}`;
            const s = styles.get(c) ? ` s="${styles.get(c)}"` : "";
            if (v === null || v === undefined || v === "") return "";
            if (typeof v === "number") return `<c r="${ref}"${s}><v>${v}</v></c>`;
            if (typeof v === "string") return `<c r="${ref}"${s} t="s"><v>${sst(v)}</v></c>`;
            return "";
          })
          .join("");
        rows.push(`<row r="${n}" spans="1:${t.headers.length}">${cells}</row>`);
      });
      xml = xml.replace(/(<sheetData>[\s\S]*?<row r="1"[\s\S]*?<\/row>)[\s\S]*<\/sheetData>/, (_m, head: string) => `${head}${rows.join("")}</sheetData>`);
      const ref = `A1:${columnLetter(t.headers.length - 1)}${t.rows.length + 1}`;
      for (const tp of tableParts) {
        const tx = await zip.file(tp)!.async("string");
        if (tx.includes(`name="${t.name}"`)) zip.file(tp, tx.replace(/ ref="[^"]+"/g, ` ref="${ref}"`));
      }
      xml = xml.replace(/<dimension ref="[^"]+"\/>/, `<dimension ref="${ref}"/>`);
    }
    zip.file(part, xml);
  }
  zip.file("xl/sharedStrings.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${strings.length}" uniqueCount="${strings.length}">${strings.map((s) => `<si><t>${esc(s)}</t></si>`).join("")}</sst>`);
  zip.file("xl/_rels/workbook.xml.rels", rels.replace("</Relationships>", `<Relationship Id="rId900" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`));
  const ct = await zip.file("[Content_Types].xml")!.async("string");
  zip.file("[Content_Types].xml", ct.replace("</Types>", `<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`));
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}
