import { escapeRe, stringItemText } from "./sheetXml";
import { decodeEntities, decodeExcelEscapes } from "./xml";

/** The shared strings table, read once as plain texts (rich text as its runs joined). */
export function readSharedStrings(xml: string | undefined): string[] {
  if (!xml) return [];
  const root = /<([A-Za-z_][\w.-]*:)?sst\b/.exec(xml);
  const prefix = root?.[1] ?? "";
  const p = escapeRe(prefix);
  const out: string[] = [];
  const re = new RegExp(`<${p}si(?:\\s[^>]*)?(?:/>|>([\\s\\S]*?)</${p}si>)`, "g");
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml)) !== null) out.push(decodeExcelEscapes(decodeEntities(stringItemText(m[1] ?? "", prefix))));
  return out;
}
