import JSZip from "jszip";
import { FEATURES, PACKAGE_VARIANTS, type PackageVariant } from "./features";
import { baseDraft, entries, NS, PackageDraft, userSheetXml, type Rel } from "./package";

/** One workbook of the corpus: a user's workbook with one kind of Excel content. */
export interface CorpusBook {
  name: string;
  /** "user": someone's workbook without the tracking sheets; "templated": the tracking sheets with the content on "Đóng góp". */
  kind: "user" | "templated";
  bytes: Uint8Array;
  /** Cells of "Đóng góp" holding amounts typed as text, which `validate --fix` rewrites. */
  planted: string[];
}

async function zipOf(d: PackageDraft, stored = false, backslashes = false): Promise<Uint8Array> {
  const zip = new JSZip();
  // Some writers name zip entries with backslashes (`xl\workbook.xml`); Excel opens them.
  for (const [name, content] of entries(d)) zip.file(backslashes && name !== "[Content_Types].xml" ? name.replace(/\//g, "\\") : name, content, { createFolders: false });
  return zip.generateAsync({ type: "uint8array", compression: stored ? "STORE" : "DEFLATE" });
}

/** A draft holding every part of an existing package, to add content to it. */
export async function draftFromZip(bytes: Uint8Array): Promise<PackageDraft> {
  const zip = await JSZip.loadAsync(bytes);
  const d = new PackageDraft();
  d.defaults.clear();
  for (const [name, entry] of Object.entries(zip.files)) {
    if (entry.dir) continue;
    if (name === "[Content_Types].xml") {
      const xml = await entry.async("string");
      for (const m of xml.matchAll(/<Default Extension="([^"]+)" ContentType="([^"]+)"\/>/g)) d.defaults.set(m[1]!, m[2]!);
      for (const m of xml.matchAll(/<Override PartName="([^"]+)" ContentType="([^"]+)"\/>/g)) d.overrides.set(m[1]!, m[2]!);
      continue;
    }
    const rels = /^(.*?)_rels\/([^/]*)\.rels$/.exec(name);
    if (rels) {
      const xml = await entry.async("string");
      const list: Rel[] = [];
      for (const m of xml.matchAll(/<Relationship ([^>]*?)\/>/g)) {
        const a = (k: string) => new RegExp(`${k}="([^"]*)"`).exec(m[1]!)?.[1] ?? "";
        list.push({ id: a("Id"), type: a("Type"), target: a("Target"), external: a("TargetMode") === "External" });
      }
      d.rels.set(`${rels[1]}${rels[2]}`, list);
      continue;
    }
    d.parts.set(name, /\.(xml|vml)$/i.test(name) ? await entry.async("string") : await entry.async("uint8array"));
  }
  return d;
}

function toStrict(d: PackageDraft): void {
  const map: [string, string][] = [
    [NS.main, "http://purl.oclc.org/ooxml/spreadsheetml/main"],
    [NS.r, "http://purl.oclc.org/ooxml/officeDocument/relationships"],
    ["http://schemas.openxmlformats.org/drawingml/2006/main", "http://purl.oclc.org/ooxml/drawingml/main"],
  ];
  for (const [name, content] of d.parts) {
    if (typeof content !== "string") continue;
    let x = content;
    for (const [a, b] of map) x = x.split(`"${a}"`).join(`"${b}"`);
    d.parts.set(name, x);
  }
  d.edit("xl/workbook.xml", (x) => x.replace("<workbook ", '<workbook conformance="strict" '));
  for (const list of d.rels.values()) {
    for (const r of list) r.type = r.type.replace("http://schemas.openxmlformats.org/officeDocument/2006/relationships/", "http://purl.oclc.org/ooxml/officeDocument/relationships/");
  }
}

/** Every element of the main namespace written with the `x:` prefix, as the Open XML SDK writes it. */
function toPrefixed(xml: string): string {
  return xml
    .replace(`xmlns="${NS.main}"`, `xmlns:x="${NS.main}"`)
    .replace(/<(\/?)([A-Za-z][\w]*)([\s>/])/g, (_m, slash: string, name: string, after: string) => `<${slash}x:${name}${after}`);
}

async function variantBook(v: PackageVariant): Promise<Uint8Array> {
  switch (v) {
    case "date-1904": {
      const d = baseDraft({ workbookPr: 'date1904="1" defaultThemeVersion="166925"' });
      d.edit("xl/worksheets/sheet1.xml", (x) => x.replace("<v>44362</v>", "<v>42900</v>").replace("<v>44378</v>", "<v>42916</v>"));
      return zipOf(d);
    }
    case "strict": {
      const d = baseDraft();
      toStrict(d);
      return zipOf(d);
    }
    case "prefixed": {
      const d = baseDraft();
      d.edit("xl/worksheets/sheet1.xml", toPrefixed);
      d.edit("xl/workbook.xml", (x) => x.replace(/<mc:AlternateContent[\s\S]*?<\/mc:AlternateContent>/, ""));
      d.edit("xl/workbook.xml", toPrefixed);
      d.edit("xl/sharedStrings.xml", toPrefixed);
      return zipOf(d);
    }
    case "inline-strings": {
      const d = baseDraft();
      d.edit("xl/worksheets/sheet1.xml", (x) => x.replace(/<c r="(A\d)" (s="\d" )?t="s"><v>(\d)<\/v><\/c>/g, (_m, r: string, s: string | undefined) => `<c r="${r}" ${s ?? ""}t="inlineStr"><is><t>Chữ trực tiếp ${r}</t></is></c>`));
      return zipOf(d);
    }
    case "no-shared-strings": {
      const d = baseDraft();
      d.parts.delete("xl/sharedStrings.xml");
      d.overrides.delete("/xl/sharedStrings.xml");
      d.rels.set("xl/workbook.xml", (d.rels.get("xl/workbook.xml") ?? []).filter((r) => !r.type.endsWith("/sharedStrings")));
      d.edit("xl/worksheets/sheet1.xml", () => userSheetXml().replace(/ t="s"><v>(\d)<\/v>/g, (_m, i: string) => ` t="inlineStr"><is><t>Ô ${i}</t></is>`));
      return zipOf(d);
    }
    case "crlf-and-single-quotes": {
      const d = baseDraft();
      for (const name of ["xl/worksheets/sheet1.xml", "xl/workbook.xml", "xl/styles.xml"]) {
        d.edit(name, (x) => x.replace(/="([^"]*)"/g, "='$1'").replace(/></g, ">\r\n  <"));
      }
      return zipOf(d);
    }
    case "stored-entries":
      return zipOf(baseDraft(), true);
    case "backslash-paths":
      return zipOf(baseDraft(), false, true);
  }
}

/** Features that make sense on a tracking sheet, added to a workbook that already has the templates. */
export const ON_TRACKING_SHEET = [
  "notes", "threaded-comments", "hyperlinks", "sheet-protection", "sparklines", "chart", "image", "shape", "data-bars-x14",
  "conditional-formats-classic", "ole-object", "activex-control", "workbook-protection", "custom-properties", "sensitivity-label",
  "web-extension", "power-query", "calc-chain", "external-link", "vba-project", "hidden-sheets", "macro-sheet", "pivot-table",
  "validation-x14-list", "timeline", "custom-xml-and-comments-in-parts",
] as const;

/** The sheet part of a sheet by name, in a draft. */
export function sheetPart(d: PackageDraft, name: string): string {
  const id = new RegExp(`<sheet name="${name}" sheetId="\\d+" r:id="(rId\\d+)"`).exec(d.text("xl/workbook.xml"))?.[1];
  const rel = d.rels.get("xl/workbook.xml")?.find((r) => r.id === id);
  if (!rel) throw new Error(`no sheet ${name}`);
  return `xl/${rel.target.replace(/^\/?xl\//, "")}`;
}

/**
 * Text numbers planted in the ledger so that `validate --fix` has cells to write: amounts
 * written as text, as a clerk pasting from a bank statement would.
 */
export function plantTextAmounts(d: PackageDraft, part: string): string[] {
  const planted: string[] = [];
  d.edit(part, (x) =>
    x.replace(/<c r="(H[2-6])" s="(\d+)"><v>(\d+)<\/v><\/c>/g, (_m, ref: string, s: string, v: string) => {
      planted.push(ref);
      return `<c r="${ref}" s="${s}" t="inlineStr"><is><t>${Number(v).toLocaleString("de-DE")} đ</t></is></c>`;
    }),
  );
  return planted;
}

/** The corpus: one user workbook per kind of content and per package variant, and the templated ones. */
export async function buildCorpus(templated: Uint8Array): Promise<CorpusBook[]> {
  const out: CorpusBook[] = [];
  for (const f of FEATURES) {
    const d = baseDraft();
    f.apply(d, "xl/worksheets/sheet1.xml");
    out.push({ name: `user-${f.name}`, kind: "user", bytes: await zipOf(d), planted: [] });
  }
  for (const v of PACKAGE_VARIANTS) out.push({ name: `user-${v}`, kind: "user", bytes: await variantBook(v), planted: [] });
  for (const name of ON_TRACKING_SHEET) {
    const f = FEATURES.find((x) => x.name === name)!;
    const d = await draftFromZip(templated);
    const ledger = sheetPart(d, "Đóng góp");
    const planted = plantTextAmounts(d, ledger);
    f.apply(d, ledger);
    out.push({ name: `templated-${f.name}`, kind: "templated", bytes: await zipOf(d), planted });
  }
  return out;
}
