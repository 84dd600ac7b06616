/**
 * A workbook package written part by part as Excel writes it (namespaces, extension lists,
 * revision ids), without the adapter or any spreadsheet library: the corpus's raw material.
 */

export const NS = {
  main: "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  r: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  mc: "http://schemas.openxmlformats.org/markup-compatibility/2006",
  x14ac: "http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac",
  xr: "http://schemas.microsoft.com/office/spreadsheetml/2014/revision",
  x14: "http://schemas.microsoft.com/office/spreadsheetml/2009/9/main",
  xm: "http://schemas.microsoft.com/office/excel/2006/main",
  pkgRels: "http://schemas.openxmlformats.org/package/2006/relationships",
  types: "http://schemas.openxmlformats.org/package/2006/content-types",
} as const;

export const REL = (kind: string) => `${NS.r}/${kind}`;
export const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';

export interface Rel {
  id: string;
  type: string;
  target: string;
  external?: boolean;
}

/** A package being built: parts by name, relationships by source part, content types. */
export class PackageDraft {
  readonly parts = new Map<string, string | Uint8Array>();
  readonly rels = new Map<string, Rel[]>();
  readonly defaults = new Map<string, string>([
    ["rels", "application/vnd.openxmlformats-package.relationships+xml"],
    ["xml", "application/xml"],
  ]);
  readonly overrides = new Map<string, string>();

  add(name: string, content: string | Uint8Array, contentType?: string): void {
    this.parts.set(name, content);
    if (contentType) this.overrides.set(`/${name}`, contentType);
  }

  rel(source: string, type: string, target: string, external = false): string {
    const list = this.rels.get(source) ?? [];
    let n = list.length + 1;
    while (list.some((r) => r.id === `rId${n}`)) n++;
    const id = `rId${n}`;
    list.push({ id, type, target, external });
    this.rels.set(source, list);
    return id;
  }

  text(name: string): string {
    const p = this.parts.get(name);
    if (typeof p !== "string") throw new Error(`no text part ${name}`);
    return p;
  }

  /** Edits a text part. */
  edit(name: string, f: (xml: string) => string): void {
    this.parts.set(name, f(this.text(name)));
  }
}

function relsPart(source: string): string {
  const slash = source.lastIndexOf("/");
  return `${source.slice(0, slash + 1)}_rels/${source.slice(slash + 1)}.rels`;
}

/** The zip entries of a draft, in Excel's order: content types first. */
export function entries(d: PackageDraft): [string, string | Uint8Array][] {
  const out: [string, string | Uint8Array][] = [];
  const defaults = [...d.defaults].map(([e, t]) => `<Default Extension="${e}" ContentType="${t}"/>`).join("");
  const overrides = [...d.overrides].map(([p, t]) => `<Override PartName="${p}" ContentType="${t}"/>`).join("");
  out.push(["[Content_Types].xml", `${DECL}<Types xmlns="${NS.types}">${defaults}${overrides}</Types>`]);
  for (const [source, rels] of d.rels) {
    const body = rels.map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${r.target}"${r.external ? ' TargetMode="External"' : ""}/>`).join("");
    out.push([relsPart(source), `${DECL}<Relationships xmlns="${NS.pkgRels}">${body}</Relationships>`]);
  }
  for (const [name, content] of d.parts) out.push([name, content]);
  return out;
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
export { esc };

export const THEME = `${DECL}<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Office Theme"><a:themeElements><a:clrScheme name="Office"><a:dk1><a:sysClr val="windowText" lastClr="000000"/></a:dk1><a:lt1><a:sysClr val="window" lastClr="FFFFFF"/></a:lt1><a:dk2><a:srgbClr val="44546A"/></a:dk2><a:lt2><a:srgbClr val="E7E6E6"/></a:lt2><a:accent1><a:srgbClr val="4472C4"/></a:accent1><a:accent2><a:srgbClr val="ED7D31"/></a:accent2><a:accent3><a:srgbClr val="A5A5A5"/></a:accent3><a:accent4><a:srgbClr val="FFC000"/></a:accent4><a:accent5><a:srgbClr val="5B9BD5"/></a:accent5><a:accent6><a:srgbClr val="70AD47"/></a:accent6><a:hlink><a:srgbClr val="0563C1"/></a:hlink><a:folHlink><a:srgbClr val="954F72"/></a:folHlink></a:clrScheme><a:fontScheme name="Office"><a:majorFont><a:latin typeface="Calibri Light" panose="020F0302020204030204"/><a:ea typeface=""/><a:cs typeface=""/></a:majorFont><a:minorFont><a:latin typeface="Calibri" panose="020F0502020204030204"/><a:ea typeface=""/><a:cs typeface=""/></a:minorFont></a:fontScheme><a:fmtScheme name="Office"><a:fillStyleLst><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:fillStyleLst><a:lnStyleLst><a:ln w="6350"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln><a:ln w="12700"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln><a:ln w="19050"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln></a:lnStyleLst><a:effectStyleLst><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle></a:effectStyleLst><a:bgFillStyleLst><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:bgFillStyleLst></a:fmtScheme></a:themeElements><a:objectDefaults/><a:extraClrSchemeLst/></a:theme>`;

export const STYLES = `${DECL}<styleSheet xmlns="${NS.main}" xmlns:mc="${NS.mc}" mc:Ignorable="x14ac x16r2 xr" xmlns:x14ac="${NS.x14ac}" xmlns:x16r2="http://schemas.microsoft.com/office/spreadsheetml/2015/02/main" xmlns:xr="${NS.xr}"><numFmts count="2"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="#,##0\\ &quot;đ&quot;"/></numFmts><fonts count="3" x14ac:knownFonts="1"><font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font><font><b/><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font><font><u/><sz val="11"/><color theme="10"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font></fonts><fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFFFFF00"/><bgColor indexed="64"/></patternFill></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/><xf numFmtId="0" fontId="2" fillId="0" borderId="0" applyNumberFormat="0" applyFill="0" applyBorder="0" applyAlignment="0" applyProtection="0"/></cellStyleXfs><cellXfs count="6"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1"/><xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="1"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs><cellStyles count="2"><cellStyle name="Hyperlink" xfId="1" builtinId="8"/><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles><dxfs count="1"><dxf><fill><patternFill><bgColor rgb="FFC6EFCE"/></patternFill></fill></dxf></dxfs><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/><extLst><ext uri="{EB79DEF2-80B8-43e5-95BD-54CBDDF9020C}" xmlns:x14="${NS.x14}"><x14:slicerStyles defaultSlicerStyle="SlicerStyleLight1"/></ext><ext uri="{9260A510-F301-46a8-8635-F512D64BE5F5}" xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main"><x15:timelineStyles defaultTimelineStyle="TimeSlicerStyleLight1"/></ext></extLst></styleSheet>`;

/** The user's own sheet: text, money, a date, a formula with its cached value, a rich text, merged cells. */
export function userSheetXml(extra: { beforeData?: string; afterData?: string; cellAttrs?: string } = {}): string {
  return (
    `${DECL}<worksheet xmlns="${NS.main}" xmlns:r="${NS.r}" xmlns:mc="${NS.mc}" mc:Ignorable="x14ac xr xr2 xr3" xmlns:x14ac="${NS.x14ac}" xmlns:xr="${NS.xr}" xmlns:xr2="http://schemas.microsoft.com/office/spreadsheetml/2015/revision2" xmlns:xr3="http://schemas.microsoft.com/office/spreadsheetml/2016/revision3" xr:uid="{7B1E6C1A-0001-4E4B-9C11-2C3D4E5F6A70}">` +
    `<dimension ref="A1:E6"/><sheetViews><sheetView tabSelected="1" workbookViewId="0"><selection activeCell="B3" sqref="B3"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight="15" x14ac:dyDescent="0.25"/>` +
    `<cols><col min="1" max="1" width="24.7109375" customWidth="1"/><col min="2" max="2" width="14.28515625" style="2" customWidth="1"/></cols>` +
    (extra.beforeData ?? "") +
    `<sheetData>` +
    `<row r="1" spans="1:5" x14ac:dyDescent="0.25"><c r="A1" s="3" t="s"><v>0</v></c><c r="C1" t="s"><v>5</v></c></row>` +
    `<row r="2" spans="1:5" x14ac:dyDescent="0.25"><c r="A2" t="s"><v>1</v></c><c r="B2" s="2"><v>1500000</v></c><c r="C2" s="1"><v>44362</v></c></row>` +
    `<row r="3" spans="1:5" x14ac:dyDescent="0.25"><c r="A3" t="s"><v>2</v></c><c r="B3" s="2"><v>2750000</v></c><c r="C3" s="1"><v>44378</v></c></row>` +
    `<row r="4" spans="1:5" x14ac:dyDescent="0.25"><c r="A4" t="s"><v>3</v></c><c r="B4" s="2"><f>SUM(B2:B3)</f><v>4250000</v></c><c r="D4"${extra.cellAttrs ?? ""}><f>B4*2</f><v>8500000</v></c></row>` +
    `<row r="5" spans="1:5" x14ac:dyDescent="0.25"><c r="A5" t="s"><v>4</v></c><c r="E5" t="str"><f>"Tổng: "&amp;TEXT(B4,"#,##0")</f><v>Tổng: 4,250,000</v></c></row>` +
    `<row r="6" spans="1:5" x14ac:dyDescent="0.25"><c r="A6" t="s"><v>6</v></c><c r="B6" t="e"><f>1/0</f><v>#DIV/0!</v></c></row>` +
    `</sheetData>` +
    (extra.afterData ?? `<mergeCells count="1"><mergeCell ref="C1:E1"/></mergeCells><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>`) +
    `</worksheet>`
  );
}

export const SHARED_STRINGS = `${DECL}<sst xmlns="${NS.main}" count="7" uniqueCount="7"><si><t>Sổ thu chi của thôn</t></si><si><t>Ông Nguyễn Văn A</t></si><si><t xml:space="preserve">Bà Trần Thị B </t></si><si><t>Cộng</t></si><si><r><t xml:space="preserve">Ghi chú </t></r><r><rPr><b/><sz val="11"/><color rgb="FFFF0000"/><rFont val="Calibri"/><family val="2"/><scheme val="minor"/></rPr><t>quan trọng</t></r></si><si><t>Tiêu đề gộp ô</t></si><si><t>Lỗi chia</t><rPh sb="0" eb="3"><t>ロイ</t></rPh><phoneticPr fontId="0" type="noConversion"/></si></sst>`;

export interface WorkbookOptions {
  sheets?: { name: string; state?: "hidden" | "veryHidden"; part?: string; relType?: string; contentType?: string; xml?: string }[];
  workbookPr?: string;
  afterSheets?: string;
  beforeSheets?: string;
  extLst?: string;
}

/** A workbook as Excel 2016 saves it, with the user's own sheet first. */
export function baseDraft(options: WorkbookOptions = {}): PackageDraft {
  const d = new PackageDraft();
  d.rel("", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument", "xl/workbook.xml");
  d.rel("", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", "docProps/core.xml");
  d.rel("", REL("extended-properties"), "docProps/app.xml");
  d.add(
    "docProps/core.xml",
    `${DECL}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>Kế toán xã</dc:creator><cp:lastModifiedBy>Văn phòng</cp:lastModifiedBy><dcterms:created xsi:type="dcterms:W3CDTF">2021-06-15T02:11:00Z</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">2021-12-20T08:30:00Z</dcterms:modified></cp:coreProperties>`,
    "application/vnd.openxmlformats-package.core-properties+xml",
  );
  const sheets = options.sheets ?? [{ name: "Sổ của tôi" }];
  const titles = sheets.map((s) => `<vt:lpstr>${esc(s.name)}</vt:lpstr>`).join("");
  d.add(
    "docProps/app.xml",
    `${DECL}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>Microsoft Excel</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop><HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant><vt:variant><vt:i4>${sheets.length}</vt:i4></vt:variant></vt:vector></HeadingPairs><TitlesOfParts><vt:vector size="${sheets.length}" baseType="lpstr">${titles}</vt:vector></TitlesOfParts><Company>UBND xã</Company><LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged><AppVersion>16.0300</AppVersion></Properties>`,
    "application/vnd.openxmlformats-officedocument.extended-properties+xml",
  );
  const sheetEls: string[] = [];
  sheets.forEach((s, i) => {
    const part = s.part ?? `xl/worksheets/sheet${i + 1}.xml`;
    const id = d.rel("xl/workbook.xml", s.relType ?? REL("worksheet"), part.replace(/^xl\//, ""));
    d.add(part, s.xml ?? (i === 0 ? userSheetXml() : emptySheetXml()), s.contentType ?? "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml");
    sheetEls.push(`<sheet name="${esc(s.name)}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ""} r:id="${id}"/>`);
  });
  d.rel("xl/workbook.xml", REL("theme"), "theme/theme1.xml");
  d.rel("xl/workbook.xml", REL("styles"), "styles.xml");
  d.rel("xl/workbook.xml", REL("sharedStrings"), "sharedStrings.xml");
  d.add("xl/theme/theme1.xml", THEME, "application/vnd.openxmlformats-officedocument.theme+xml");
  d.add("xl/styles.xml", STYLES, "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml");
  d.add("xl/sharedStrings.xml", SHARED_STRINGS, "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml");
  d.add(
    "xl/workbook.xml",
    `${DECL}<workbook xmlns="${NS.main}" xmlns:r="${NS.r}" xmlns:mc="${NS.mc}" mc:Ignorable="x15 xr xr6 xr10 xr2" xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main" xmlns:xr="${NS.xr}" xmlns:xr6="http://schemas.microsoft.com/office/spreadsheetml/2016/revision6" xmlns:xr10="http://schemas.microsoft.com/office/spreadsheetml/2016/revision10" xmlns:xr2="http://schemas.microsoft.com/office/spreadsheetml/2015/revision2">` +
      `<fileVersion appName="xl" lastEdited="7" lowestEdited="7" rupBuild="22228"/><workbookPr ${options.workbookPr ?? 'defaultThemeVersion="166925"'}/>` +
      `<mc:AlternateContent xmlns:mc="${NS.mc}"><mc:Choice Requires="x15"><x15ac:absPath url="C:\\Users\\KeToan\\Documents\\" xmlns:x15ac="http://schemas.microsoft.com/office/spreadsheetml/2010/11/ac"/></mc:Choice></mc:AlternateContent>` +
      `<xr:revisionPtr revIDLastSave="0" documentId="13_ncr:1_{5B0C6F0E-3A0B-4C8E-9E0E-1F2A3B4C5D6E}" xr6:coauthVersionLast="47" xr6:coauthVersionMax="47" xr10:uidLastSave="{00000000-0000-0000-0000-000000000000}"/>` +
      (options.beforeSheets ?? "") +
      `<bookViews><workbookView xWindow="-120" yWindow="-120" windowWidth="29040" windowHeight="15840" xr2:uid="{A1B2C3D4-0000-4000-8000-000000000001}"/></bookViews>` +
      `<sheets>${sheetEls.join("")}</sheets>${options.afterSheets ?? ""}<calcPr calcId="191029"/>` +
      (options.extLst ?? `<extLst><ext uri="{140A7094-0E35-4892-8432-C4D2E57EDEB5}" xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main"><x15:workbookPr chartTrackingRefBase="1"/></ext></extLst>`) +
      `</workbook>`,
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
  );
  return d;
}

export function emptySheetXml(body = "", tail = ""): string {
  return `${DECL}<worksheet xmlns="${NS.main}" xmlns:r="${NS.r}" xmlns:mc="${NS.mc}" mc:Ignorable="x14ac xr" xmlns:x14ac="${NS.x14ac}" xmlns:xr="${NS.xr}" xr:uid="{7B1E6C1A-0002-4E4B-9C11-2C3D4E5F6A70}"><dimension ref="A1"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15" x14ac:dyDescent="0.25"/><sheetData>${body}</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>${tail}</worksheet>`;
}

/** Inserts an element into a worksheet where CT_Worksheet's order puts it (before the first later sibling). */
export function insertIntoSheet(xml: string, element: string, before: readonly string[]): string {
  for (const name of before) {
    const m = new RegExp(`<${name}[\\s>/]`).exec(xml);
    if (m) return xml.slice(0, m.index) + element + xml.slice(m.index);
  }
  const close = xml.lastIndexOf("</");
  return xml.slice(0, close) + element + xml.slice(close);
}

/** Adds an `<ext>` to the worksheet's extension list (created at the end when missing). */
export function addSheetExt(xml: string, ext: string): string {
  const close = xml.indexOf("</extLst>");
  if (close >= 0 && xml.lastIndexOf("<extLst>") >= 0) return xml.slice(0, close) + ext + xml.slice(close);
  return insertIntoSheet(xml, `<extLst>${ext}</extLst>`, []);
}

/** CT_Worksheet's elements after a given one, for `insertIntoSheet`. */
export const AFTER = {
  sheetProtection: ["protectedRanges", "scenarios", "autoFilter", "sortState", "dataConsolidate", "customSheetViews", "mergeCells", "phoneticPr", "conditionalFormatting", "dataValidations", "hyperlinks", "printOptions", "pageMargins"],
  autoFilter: ["sortState", "dataConsolidate", "customSheetViews", "mergeCells", "phoneticPr", "conditionalFormatting", "dataValidations", "hyperlinks", "printOptions", "pageMargins"],
  conditionalFormatting: ["dataValidations", "hyperlinks", "printOptions", "pageMargins"],
  dataValidations: ["hyperlinks", "printOptions", "pageMargins"],
  hyperlinks: ["printOptions", "pageMargins"],
  pageSetup: ["headerFooter", "rowBreaks", "colBreaks", "customProperties", "cellWatches", "ignoredErrors", "smartTags", "drawing", "legacyDrawing", "legacyDrawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst"],
  headerFooter: ["rowBreaks", "colBreaks", "customProperties", "cellWatches", "ignoredErrors", "smartTags", "drawing", "legacyDrawing", "legacyDrawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst"],
  rowBreaks: ["colBreaks", "customProperties", "cellWatches", "ignoredErrors", "smartTags", "drawing", "legacyDrawing", "legacyDrawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst"],
  drawing: ["legacyDrawing", "legacyDrawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst"],
  legacyDrawing: ["legacyDrawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst"],
  oleObjects: ["controls", "webPublishItems", "tableParts", "extLst"],
  tableParts: ["extLst"],
  extLst: [],
} as const satisfies Record<string, readonly string[]>;
