import { AFTER, DECL, NS, REL, addSheetExt, emptySheetXml, esc, insertIntoSheet, type PackageDraft } from "./package";

/** One kind of real Excel content, put into a package draft as Excel writes it. */
export interface Feature {
  name: string;
  apply(d: PackageDraft, sheet: string): void;
}

const S1 = "xl/worksheets/sheet1.xml";
const sheetRels = (sheet: string) => sheet;
const PNG = Uint8Array.from(Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64"));
const OLE_BIN = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...Array.from({ length: 504 }, (_, i) => i % 251)]);
const X14_DV_URI = "{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}";
const SPARK_URI = "{05C60535-1F16-4fd2-B633-F4F36F0B64E0}";
const CF_URI = "{78C0D931-6437-407d-A8EE-F0AAD7539E65}";

/** A worksheet part name the package does not use yet. */
export function freeSheetPart(d: PackageDraft): string {
  let n = 1;
  while (d.parts.has(`xl/worksheets/sheet${n}.xml`)) n++;
  return `xl/worksheets/sheet${n}.xml`;
}

/** Adds a worksheet to the draft's workbook. */
function addSheet(d: PackageDraft, name: string, xml: string, state?: string): string {
  const part = freeSheetPart(d);
  d.add(part, xml, "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml");
  const id = d.rel("xl/workbook.xml", REL("worksheet"), part.replace(/^xl\//, ""));
  const ids = [...d.text("xl/workbook.xml").matchAll(/sheetId="(\d+)"/g)].map((m) => Number(m[1]));
  d.edit("xl/workbook.xml", (x) => x.replace("</sheets>", `<sheet name="${esc(name)}" sheetId="${Math.max(0, ...ids) + 1}"${state ? ` state="${state}"` : ""} r:id="${id}"/></sheets>`));
  return part;
}

function addDrawing(d: PackageDraft, sheet: string, drawingXml: string, rels: [string, string][] = []): void {
  const part = "xl/drawings/drawing1.xml";
  d.add(part, drawingXml, "application/vnd.openxmlformats-officedocument.drawing+xml");
  for (const [type, target] of rels) d.rel(part, type, target);
  const id = d.rel(sheetRels(sheet), REL("drawing"), "../drawings/drawing1.xml");
  d.edit(sheet, (x) => insertIntoSheet(x, `<drawing r:id="${id}"/>`, AFTER.drawing));
}

const XDR = `xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"`;
const anchor = (inner: string, from = "<xdr:from><xdr:col>6</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>12</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>15</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>") =>
  `<xdr:twoCellAnchor editAs="oneCell">${from}${inner}<xdr:clientData/></xdr:twoCellAnchor>`;

function addDefinedNames(d: PackageDraft, names: string): void {
  d.edit("xl/workbook.xml", (x) => (x.includes("</definedNames>") ? x.replace("</definedNames>", `${names}</definedNames>`) : x.replace(/<calcPr/, `<definedNames>${names}</definedNames><calcPr`)));
}

function legacyNotes(d: PackageDraft, sheet: string, notes: { ref: string; author: string; text: string }[], threaded = false): void {
  const authors = [...new Set(notes.map((n) => n.author))];
  const list = notes
    .map((n) => `<comment ref="${n.ref}" authorId="${authors.indexOf(n.author)}"${threaded ? ` shapeId="0" xr:uid="{B1D7C2E0-0000-4000-8000-00000000000${notes.indexOf(n)}}"` : ""}><text><r><rPr><b/><sz val="9"/><color indexed="81"/><rFont val="Tahoma"/><family val="2"/></rPr><t>${esc(n.author)}:</t></r><r><rPr><sz val="9"/><color indexed="81"/><rFont val="Tahoma"/><family val="2"/></rPr><t xml:space="preserve">\n${esc(n.text)}</t></r></text></comment>`)
    .join("");
  d.add(
    "xl/comments1.xml",
    `${DECL}<comments xmlns="${NS.main}"${threaded ? ` xmlns:mc="${NS.mc}" mc:Ignorable="xr" xmlns:xr="${NS.xr}"` : ""}><authors>${authors.map((a) => `<author>${esc(a)}</author>`).join("")}</authors><commentList>${list}</commentList></comments>`,
    "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml",
  );
  d.defaults.set("vml", "application/vnd.openxmlformats-officedocument.vmlDrawing");
  const shapes = notes
    .map(
      (n, i) =>
        `<v:shape id="_x0000_s${1025 + i}" type="#_x0000_t202" style="position:absolute;margin-left:107.25pt;margin-top:1.5pt;width:108pt;height:59.25pt;z-index:${i + 1};visibility:hidden" fillcolor="infoBackground [80]" o:insetmode="auto"><v:fill color2="infoBackground [80]"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox><x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>2, 15, 0, 2, 4, 15, 4, 6</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>${Number(/\d+/.exec(n.ref)![0]) - 1}</x:Row><x:Column>${n.ref.charCodeAt(0) - 65}</x:Column></x:ClientData></v:shape>`,
    )
    .join("");
  d.add(
    "xl/drawings/vmlDrawing1.vml",
    `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/></o:shapelayout><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>${shapes}</xml>`,
  );
  const vml = d.rel(sheetRels(sheet), REL("vmlDrawing"), "../drawings/vmlDrawing1.vml");
  d.rel(sheetRels(sheet), REL("comments"), "../comments1.xml");
  d.edit(sheet, (x) => insertIntoSheet(x, `<legacyDrawing r:id="${vml}"/>`, AFTER.legacyDrawing));
}

export const FEATURES: readonly Feature[] = [
  {
    name: "defined-names",
    apply(d) {
      addDefinedNames(
        d,
        `<definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'Sổ của tôi'!$A$1:$C$3</definedName><definedName name="_xlnm.Print_Area" localSheetId="0">'Sổ của tôi'!$A$1:$C$3,'Sổ của tôi'!$A$5:$E$6</definedName><definedName name="HeSoPhuCap">0.5</definedName><definedName name="TongThu" comment="Tổng các khoản thu">'Sổ của tôi'!$B$2:$B$3</definedName><definedName name="ThueSuat">SUM('Sổ của tôi'!$B$2:$B$3)*HeSoPhuCap</definedName>`,
      );
      d.edit(S1, (x) => insertIntoSheet(x, `<autoFilter ref="A1:C3" xr:uid="{0F6A1B2C-0000-4000-8000-000000000010}"/>`, AFTER.autoFilter));
    },
  },
  {
    name: "notes",
    apply(d, sheet) {
      legacyNotes(d, sheet, [
        { ref: "A2", author: "Kế toán xã", text: "Đã đối chiếu với sổ quỹ ngày 15/6." },
        { ref: "B3", author: "Chủ tịch", text: "Kiểm tra lại chứng từ." },
      ]);
    },
  },
  {
    name: "threaded-comments",
    apply(d, sheet) {
      legacyNotes(d, sheet, [{ ref: "C2", author: "tc={7A1E2B3C-0000-4000-8000-000000000001}", text: "[Threaded comment]\nĐề nghị bổ sung hóa đơn." }], true);
      d.add(
        "xl/threadedComments/threadedComment1.xml",
        `${DECL}<ThreadedComments xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments" xmlns:x="${NS.main}"><threadedComment ref="C2" dT="2021-06-20T03:15:00.00" personId="{5D3C2B1A-0000-4000-8000-00000000AAAA}" id="{7A1E2B3C-0000-4000-8000-000000000001}"><text>Đề nghị bổ sung hóa đơn.</text></threadedComment><threadedComment ref="C2" dT="2021-06-21T01:00:00.00" personId="{5D3C2B1A-0000-4000-8000-00000000BBBB}" id="{7A1E2B3C-0000-4000-8000-000000000002}" parentId="{7A1E2B3C-0000-4000-8000-000000000001}"><text>Đã bổ sung.</text></threadedComment></ThreadedComments>`,
        "application/vnd.ms-excel.threadedcomments+xml",
      );
      d.rel(sheet, "http://schemas.microsoft.com/office/2017/10/relationships/threadedComment", "../threadedComments/threadedComment1.xml");
      d.add(
        "xl/persons/person.xml",
        `${DECL}<personList xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments" xmlns:x="${NS.main}"><person displayName="Kế toán xã" id="{5D3C2B1A-0000-4000-8000-00000000AAAA}" userId="ketoan@xa.gov.vn" providerId="AD"/><person displayName="Chủ tịch" id="{5D3C2B1A-0000-4000-8000-00000000BBBB}" userId="chutich@xa.gov.vn" providerId="AD"/></personList>`,
        "application/vnd.ms-excel.person+xml",
      );
      d.rel("xl/workbook.xml", "http://schemas.microsoft.com/office/2017/10/relationships/person", "persons/person.xml");
    },
  },
  {
    name: "validation-formulas",
    apply(d, sheet) {
      d.edit(sheet, (x) =>
        insertIntoSheet(
          x,
          `<dataValidations count="3"><dataValidation type="custom" allowBlank="1" showInputMessage="1" showErrorMessage="1" errorTitle="Sai" error="Số tiền phải dương và dưới 10 triệu" sqref="B2:B20"><formula1>AND(B2&gt;0,B2&lt;10000000)</formula1></dataValidation><dataValidation type="date" operator="greaterThan" allowBlank="1" showErrorMessage="1" sqref="C2:C20"><formula1>44197</formula1></dataValidation><dataValidation type="textLength" operator="lessThanOrEqual" allowBlank="1" sqref="A2:A20"><formula1>LEN($A$1)*2</formula1></dataValidation></dataValidations>`,
          AFTER.dataValidations,
        ),
      );
    },
  },
  {
    name: "validation-x14-list",
    apply(d, sheet) {
      addSheet(d, "Danh sách", emptySheetXml(`<row r="1"><c r="A1" t="inlineStr"><is><t>Có</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>Không</t></is></c></row>`));
      d.edit(sheet, (x) =>
        addSheetExt(
          x,
          `<ext uri="${X14_DV_URI}" xmlns:x14="${NS.x14}"><x14:dataValidations count="1" xmlns:xm="${NS.xm}"><x14:dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1"><x14:formula1><xm:f>'Danh sách'!$A$1:$A$2</xm:f></x14:formula1><xm:sqref>D2:D20</xm:sqref></x14:dataValidation></x14:dataValidations></ext>`,
        ),
      );
    },
  },
  {
    name: "hyperlinks",
    apply(d, sheet) {
      const id = d.rel(sheet, REL("hyperlink"), "https://chauson.gov.vn/van-ban/10-KH-UBND.pdf", true);
      d.edit(sheet, (x) =>
        insertIntoSheet(
          x,
          `<hyperlinks xmlns:xr="${NS.xr}"><hyperlink ref="A5" location="'Sổ của tôi'!B4" display="Xem tổng" xr:uid="{3C2B1A0F-0000-4000-8000-000000000020}"/><hyperlink ref="A1" r:id="${id}" tooltip="Kế hoạch 10/KH-UBND" xr:uid="{3C2B1A0F-0000-4000-8000-000000000021}"/></hyperlinks>`,
          AFTER.hyperlinks,
        ),
      );
    },
  },
  {
    name: "sheet-protection",
    apply(d, sheet) {
      d.edit(sheet, (x) =>
        insertIntoSheet(x, `<sheetProtection algorithmName="SHA-512" hashValue="qmDpFIgZ5PTz2mxJb5C1pEd6y9w5rqPKXwGfM7w1SxWc3Ue9aL1Hn8zR0bVd2YcR6w7r1U0aK2u9o8p3s4t5Aw==" saltValue="dXNlcnNhbHQxMjM0NTY3OA==" spinCount="100000" sheet="1" objects="1" scenarios="1" formatCells="0"/>`, AFTER.sheetProtection),
      );
    },
  },
  {
    name: "workbook-protection",
    apply(d) {
      d.edit("xl/workbook.xml", (x) =>
        x.replace("<bookViews>", `<workbookProtection workbookAlgorithmName="SHA-512" workbookHashValue="T3tVh1Hn8zR0bVd2YcR6w7r1U0aK2u9o8p3s4t5AwqmDpFIgZ5PTz2mxJb5C1pEd6y9w5rqPKXwGfM7w1SxWc3Ue9aL1==" workbookSaltValue="c2FsdHNhbHRzYWx0MTIzNA==" workbookSpinCount="100000" lockStructure="1"/><bookViews>`),
      );
    },
  },
  {
    name: "sparklines",
    apply(d, sheet) {
      d.edit(sheet, (x) =>
        addSheetExt(
          x,
          `<ext uri="${SPARK_URI}" xmlns:x14="${NS.x14}"><x14:sparklineGroups xmlns:xm="${NS.xm}"><x14:sparklineGroup displayEmptyCellsAs="gap" markers="1" xr2:uid="{8C2E1F00-0000-4000-8000-000000000030}" xmlns:xr2="http://schemas.microsoft.com/office/spreadsheetml/2015/revision2"><x14:colorSeries theme="4" tint="-0.499984740745262"/><x14:colorNegative theme="5"/><x14:colorAxis rgb="FF000000"/><x14:colorMarkers theme="4" tint="-0.499984740745262"/><x14:colorFirst theme="4" tint="0.39997558519241921"/><x14:colorLast theme="4" tint="0.39997558519241921"/><x14:colorHigh theme="4"/><x14:colorLow theme="4"/><x14:sparklines><x14:sparkline><xm:f>'Sổ của tôi'!B2:B3</xm:f><xm:sqref>F2</xm:sqref></x14:sparkline></x14:sparklines></x14:sparklineGroup></x14:sparklineGroups></ext>`,
        ),
      );
    },
  },
  {
    name: "dynamic-array",
    apply(d, sheet) {
      d.add(
        "xl/metadata.xml",
        `${DECL}<metadata xmlns="${NS.main}" xmlns:xda="http://schemas.microsoft.com/office/spreadsheetml/2017/dynamicarray"><metadataTypes count="1"><metadataType name="XLDAPR" minSupportedVersion="120000" copy="1" pasteAll="1" pasteValues="1" merge="1" splitFirst="1" rowColShift="1" clearFormats="1" clearComments="1" assign="1" coerce="1" cellMeta="1"/></metadataTypes><futureMetadata name="XLDAPR" count="1"><bk><extLst><ext uri="{bdbb8cdc-fa1e-496e-a857-3c3f30c029c3}"><xda:dynamicArrayProperties fDynamic="1" fCollapsed="0"/></ext></extLst></bk></futureMetadata><cellMetadata count="1"><bk><rc t="1" v="0"/></bk></cellMetadata></metadata>`,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheetMetadata+xml",
      );
      d.rel("xl/workbook.xml", REL("sheetMetadata"), "metadata.xml");
      d.edit(sheet, (x) =>
        x
          .replace(`<row r="2" spans="1:5" x14ac:dyDescent="0.25">`, `<row r="2" spans="1:7" x14ac:dyDescent="0.25">`)
          .replace(`<c r="C2" s="1"><v>44362</v></c></row>`, `<c r="C2" s="1"><v>44362</v></c><c r="G2" cm="1" t="str"><f t="array" ref="G2:G3">_xlfn._xlws.SORT(_xlfn.UNIQUE(A2:A3))</f><v>Bà Trần Thị B </v></c></row>`)
          .replace(`<c r="C3" s="1"><v>44378</v></c></row>`, `<c r="C3" s="1"><v>44378</v></c><c r="G3" t="str"><v>Ông Nguyễn Văn A</v></c></row>`),
      );
    },
  },
  {
    name: "ole-object",
    apply(d, sheet) {
      d.defaults.set("bin", "application/vnd.openxmlformats-officedocument.oleObject");
      d.defaults.set("emf", "image/x-emf");
      d.defaults.set("vml", "application/vnd.openxmlformats-officedocument.vmlDrawing");
      d.add("xl/embeddings/oleObject1.bin", OLE_BIN);
      d.add("xl/media/image1.emf", Uint8Array.from([1, 0, 0, 0, 108, 0, 0, 0, 0, 0, 0, 0]));
      d.add(
        "xl/drawings/vmlDrawing1.vml",
        `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/></o:shapelayout><v:shapetype id="_x0000_t75" coordsize="21600,21600" o:spt="75" o:preferrelative="t" path="m@4@5l@4@11@9@11@9@5xe" filled="f" stroked="f"><v:stroke joinstyle="miter"/></v:shapetype><v:shape id="_x0000_s1025" type="#_x0000_t75" style="position:absolute;margin-left:0;margin-top:0;width:65pt;height:40pt;z-index:1"><v:imagedata o:relid="rId1" o:title=""/><x:ClientData ObjectType="Pict"><x:SizeWithCells/><x:Anchor>7, 0, 1, 0, 8, 20, 3, 10</x:Anchor><x:CF>Pict</x:CF><x:AutoPict/></x:ClientData></v:shape></xml>`,
      );
      d.rel("xl/drawings/vmlDrawing1.vml", REL("image"), "../media/image1.emf");
      const vml = d.rel(sheet, REL("vmlDrawing"), "../drawings/vmlDrawing1.vml");
      const ole = d.rel(sheet, REL("oleObject"), "../embeddings/oleObject1.bin");
      const img = d.rel(sheet, REL("image"), "../media/image1.emf");
      d.edit(sheet, (x) =>
        insertIntoSheet(
          insertIntoSheet(x, `<legacyDrawing r:id="${vml}"/>`, AFTER.legacyDrawing),
          `<mc:AlternateContent xmlns:mc="${NS.mc}"><mc:Choice Requires="x14"><oleObjects><mc:AlternateContent xmlns:mc="${NS.mc}"><mc:Choice Requires="x14"><oleObject progId="Package" shapeId="1025" r:id="${ole}"><objectPr defaultSize="0" autoPict="0" r:id="${img}"><anchor moveWithCells="1"><from><xdr:col xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing">7</xdr:col><xdr:colOff xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing">0</xdr:colOff><xdr:row xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing">1</xdr:row><xdr:rowOff xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing">0</xdr:rowOff></from><to><xdr:col xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing">8</xdr:col><xdr:colOff xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing">200000</xdr:colOff><xdr:row xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing">3</xdr:row><xdr:rowOff xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing">100000</xdr:rowOff></to></anchor></objectPr></oleObject></mc:Choice><mc:Fallback><oleObject progId="Package" shapeId="1025" r:id="${ole}"/></mc:Fallback></mc:AlternateContent></oleObjects></mc:Choice></mc:AlternateContent>`,
          AFTER.oleObjects,
        ),
      );
    },
  },
  {
    name: "macro-sheet",
    apply(d) {
      d.add(
        "xl/macrosheets/sheet1.xml",
        `${DECL}<xm:macrosheet xmlns="${NS.main}" xmlns:r="${NS.r}" xmlns:xm="${NS.xm}"><sheetPr codeName="Macro1"/><dimension ref="A1:A3"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/><sheetData><row r="1"><c r="A1" t="str"><f>ALERT("Xin chào")</f><v>TRUE</v></c></row><row r="2"><c r="A2" t="b"><f>RETURN()</f><v>1</v></c></row></sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></xm:macrosheet>`,
        "application/vnd.ms-excel.macrosheet+xml",
      );
      const id = d.rel("xl/workbook.xml", "http://schemas.microsoft.com/office/2006/relationships/xlMacrosheet", "macrosheets/sheet1.xml");
      d.edit("xl/workbook.xml", (x) =>
        x
          .replace("</sheets>", `<sheet name="Macro1" sheetId="7" state="hidden" r:id="${id}"/></sheets>`)
      );
      addDefinedNames(d, `<definedName name="Auto_Open" xlm="1">Macro1!$A$1</definedName>`);
    },
  },
  {
    name: "power-query",
    apply(d) {
      const mashup = Buffer.from("UEsDBBQAAgAIAAAAIQBQSwECLQAUAAIACAAAACEA").toString("base64");
      // Excel writes the query package as UTF-16 with a byte order mark.
      const utf16 = `\ufeff<?xml version="1.0" encoding="utf-16"?><DataMashup xmlns="http://schemas.microsoft.com/DataMashup">${mashup}</DataMashup>`;
      d.add("customXml/item1.xml", Uint8Array.from(Buffer.from(utf16, "utf16le")));
      d.add(
        "customXml/itemProps1.xml",
        `${DECL}<ds:datastoreItem ds:itemID="{3A5D8C40-0000-4000-8000-000000000040}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs><ds:schemaRef ds:uri="http://schemas.microsoft.com/DataMashup"/></ds:schemaRefs></ds:datastoreItem>`,
        "application/vnd.openxmlformats-officedocument.customXmlProperties+xml",
      );
      d.rel("customXml/item1.xml", REL("customXmlProps"), "itemProps1.xml");
      d.rel("xl/workbook.xml", REL("customXml"), "../customXml/item1.xml");
      d.add(
        "xl/connections.xml",
        `${DECL}<connections xmlns="${NS.main}" xmlns:mc="${NS.mc}" mc:Ignorable="xr16" xmlns:xr16="http://schemas.microsoft.com/office/spreadsheetml/2017/revision16"><connection id="1" xr16:uid="{1F0E2D3C-0000-4000-8000-000000000041}" keepAlive="1" name="Query - DanhSachHo" description="Connection to the 'DanhSachHo' query in the workbook." type="5" refreshedVersion="7" background="1"><dbPr connection="Provider=Microsoft.Mashup.OleDb.1;Data Source=$Workbook$;Location=DanhSachHo;Extended Properties=&quot;&quot;" command="SELECT * FROM [DanhSachHo]"/></connection></connections>`,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.connections+xml",
      );
      d.rel("xl/workbook.xml", REL("connections"), "connections.xml");
    },
  },
  {
    name: "custom-properties",
    apply(d) {
      d.add(
        "docProps/custom.xml",
        `${DECL}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="SoVanBan"><vt:lpwstr>10/KH-UBND</vt:lpwstr></property><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="3" name="MSIP_Label_1a2b_Enabled"><vt:lpwstr>true</vt:lpwstr></property><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="4" name="NamNganSach"><vt:i4>2021</vt:i4></property></Properties>`,
        "application/vnd.openxmlformats-officedocument.custom-properties+xml",
      );
      d.rel("", REL("custom-properties"), "docProps/custom.xml");
    },
  },
  {
    name: "sensitivity-label",
    apply(d) {
      d.add(
        "docMetadata/LabelInfo.xml",
        `${DECL}<clbl:labelList xmlns:clbl="http://schemas.microsoft.com/office/2020/mipLabelMetadata"><clbl:label id="{1a2b3c4d-0000-4000-8000-000000000050}" enabled="1" method="Standard" siteId="{9e8d7c6b-0000-4000-8000-000000000051}" removed="0"/></clbl:labelList>`,
        "application/vnd.ms-office.classificationlabels+xml",
      );
      d.rel("", "http://schemas.microsoft.com/office/2020/02/relationships/classificationlabels", "docMetadata/LabelInfo.xml");
    },
  },
  {
    name: "web-extension",
    apply(d) {
      d.add(
        "xl/webextensions/webextension1.xml",
        `${DECL}<we:webextension xmlns:we="http://schemas.microsoft.com/office/webextensions/webextension/2010/11" id="{4B3A2910-0000-4000-8000-000000000060}"><we:reference id="wa104379955" version="1.0.0.0" store="en-US" storeType="OMEX"/><we:alternateReferences/><we:properties/><we:bindings/><we:snapshot xmlns:r="${NS.r}"/></we:webextension>`,
        "application/vnd.ms-office.webextension+xml",
      );
      d.add(
        "xl/webextensions/taskpanes.xml",
        `${DECL}<wetp:taskpanes xmlns:wetp="http://schemas.microsoft.com/office/webextensions/taskpanes/2010/11"><wetp:taskpane dockstate="right" visibility="0" width="350" row="4"><wetp:webextensionref xmlns:r="${NS.r}" r:id="rId1"/></wetp:taskpane></wetp:taskpanes>`,
        "application/vnd.ms-office.webextensiontaskpanes+xml",
      );
      d.rel("xl/webextensions/taskpanes.xml", "http://schemas.microsoft.com/office/2011/relationships/webextension", "webextension1.xml");
      d.rel("", "http://schemas.microsoft.com/office/2011/relationships/webextensiontaskpanes", "xl/webextensions/taskpanes.xml");
    },
  },
  {
    name: "chart",
    apply(d, sheet) {
      d.add(
        "xl/charts/chart1.xml",
        `${DECL}<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${NS.r}" xmlns:c16r2="http://schemas.microsoft.com/office/drawing/2015/06/chart"><c:date1904 val="0"/><c:lang val="vi-VN"/><c:roundedCorners val="0"/><c:chart><c:autoTitleDeleted val="1"/><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/><c:ser><c:idx val="0"/><c:order val="0"/><c:cat><c:strRef><c:f>'Sổ của tôi'!$A$2:$A$3</c:f></c:strRef></c:cat><c:val><c:numRef><c:f>'Sổ của tôi'!$B$2:$B$3</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="2"/><c:pt idx="0"><c:v>1500000</c:v></c:pt><c:pt idx="1"><c:v>2750000</c:v></c:pt></c:numCache></c:numRef></c:val></c:ser><c:gapWidth val="219"/><c:axId val="1"/><c:axId val="2"/></c:barChart><c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:crossAx val="2"/></c:catAx><c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:crossAx val="1"/></c:valAx></c:plotArea><c:plotVisOnly val="1"/></c:chart></c:chartSpace>`,
        "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
      );
      addDrawing(
        d,
        sheet,
        `${DECL}<xdr:wsDr ${XDR}>${anchor(`<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Biểu đồ 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="${NS.r}" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame>`)}</xdr:wsDr>`,
        [[REL("chart"), "../charts/chart1.xml"]],
      );
    },
  },
  {
    name: "image",
    apply(d, sheet) {
      d.defaults.set("png", "image/png");
      d.add("xl/media/image1.png", PNG);
      addDrawing(
        d,
        sheet,
        `${DECL}<xdr:wsDr ${XDR}>${anchor(`<xdr:pic><xdr:nvPicPr><xdr:cNvPr id="2" name="Con dấu" descr="Ảnh con dấu"/><xdr:cNvPicPr><a:picLocks noChangeAspect="1"/></xdr:cNvPicPr></xdr:nvPicPr><xdr:blipFill><a:blip xmlns:r="${NS.r}" r:embed="rId1"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill><xdr:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="952500" cy="952500"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr></xdr:pic>`)}</xdr:wsDr>`,
        [[REL("image"), "../media/image1.png"]],
      );
    },
  },
  {
    name: "shape",
    apply(d, sheet) {
      addDrawing(
        d,
        sheet,
        `${DECL}<xdr:wsDr ${XDR}>${anchor(`<xdr:sp macro="" textlink=""><xdr:nvSpPr><xdr:cNvPr id="2" name="Hộp chữ 1"/><xdr:cNvSpPr txBox="1"/></xdr:nvSpPr><xdr:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="1828800" cy="457200"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:solidFill><a:schemeClr val="lt1"/></a:solidFill></xdr:spPr><xdr:txBody><a:bodyPr vertOverflow="clip" wrap="square" rtlCol="0" anchor="t"/><a:lstStyle/><a:p><a:r><a:rPr lang="vi-VN" sz="1100"/><a:t>Số liệu đã chốt ngày 20/12</a:t></a:r></a:p></xdr:txBody></xdr:sp>`)}${anchor(`<xdr:cxnSp macro=""><xdr:nvCxnSpPr><xdr:cNvPr id="3" name="Mũi tên 2"/><xdr:cNvCxnSpPr/></xdr:nvCxnSpPr><xdr:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="914400" cy="0"/></a:xfrm><a:prstGeom prst="straightConnector1"><a:avLst/></a:prstGeom></xdr:spPr></xdr:cxnSp>`, "<xdr:from><xdr:col>6</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>16</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>8</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>16</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>")}</xdr:wsDr>`,
      );
    },
  },
  {
    name: "pivot-table",
    apply(d) {
      d.add(
        "xl/pivotCache/pivotCacheDefinition1.xml",
        `${DECL}<pivotCacheDefinition xmlns="${NS.main}" xmlns:r="${NS.r}" r:id="rId1" refreshedBy="Kế toán xã" refreshedDate="44550.5" createdVersion="7" refreshedVersion="7" minRefreshableVersion="3" recordCount="2"><cacheSource type="worksheet"><worksheetSource ref="A1:B3" sheet="Sổ của tôi"/></cacheSource><cacheFields count="2"><cacheField name="Sổ thu chi của thôn" numFmtId="0"><sharedItems count="2"><s v="Ông Nguyễn Văn A"/><s v="Bà Trần Thị B "/></sharedItems></cacheField><cacheField name="Cột2" numFmtId="0"><sharedItems containsSemiMixedTypes="0" containsString="0" containsNumber="1" containsInteger="1" minValue="1500000" maxValue="2750000"/></cacheField></cacheFields></pivotCacheDefinition>`,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheDefinition+xml",
      );
      d.add(
        "xl/pivotCache/pivotCacheRecords1.xml",
        `${DECL}<pivotCacheRecords xmlns="${NS.main}" xmlns:r="${NS.r}" count="2"><r><x v="0"/><n v="1500000"/></r><r><x v="1"/><n v="2750000"/></r></pivotCacheRecords>`,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheRecords+xml",
      );
      d.rel("xl/pivotCache/pivotCacheDefinition1.xml", REL("pivotCacheRecords"), "pivotCacheRecords1.xml");
      const cache = d.rel("xl/workbook.xml", REL("pivotCacheDefinition"), "pivotCache/pivotCacheDefinition1.xml");
      d.add(
        "xl/pivotTables/pivotTable1.xml",
        `${DECL}<pivotTableDefinition xmlns="${NS.main}" name="PivotTable1" cacheId="3" applyNumberFormats="0" applyBorderFormats="0" applyFontFormats="0" applyPatternFormats="0" applyAlignmentFormats="0" applyWidthHeightFormats="1" dataCaption="Giá trị" updatedVersion="7" minRefreshableVersion="3" useAutoFormatting="1" itemPrintTitles="1" createdVersion="7" indent="0" outline="1" outlineData="1" multipleFieldFilters="0"><location ref="A3:B6" firstHeaderRow="1" firstDataRow="1" firstDataCol="1"/><pivotFields count="2"><pivotField axis="axisRow" showAll="0"><items count="3"><item x="1"/><item x="0"/><item t="default"/></items></pivotField><pivotField dataField="1" showAll="0"/></pivotFields><rowFields count="1"><field x="0"/></rowFields><rowItems count="3"><i><x v="0"/></i><i><x v="1"/></i><i t="grand"><x/></i></rowItems><colItems count="1"><i/></colItems><dataFields count="1"><dataField name="Sum of Cột2" fld="1" baseField="0" baseItem="0"/></dataFields><pivotTableStyleInfo name="PivotStyleLight16" showRowHeaders="1" showColHeaders="1" showRowStripes="0" showColStripes="0" showLastColumn="1"/></pivotTableDefinition>`,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.pivotTable+xml",
      );
      d.rel("xl/pivotTables/pivotTable1.xml", REL("pivotCacheDefinition"), "../pivotCache/pivotCacheDefinition1.xml");
      const pivotSheet = addSheet(
        d,
        "Bảng tổng hợp",
        emptySheetXml(
          `<row r="3"><c r="A3" t="inlineStr"><is><t>Nhãn hàng</t></is></c><c r="B3" t="inlineStr"><is><t>Sum of Cột2</t></is></c></row><row r="4"><c r="A4" t="inlineStr"><is><t>Bà Trần Thị B </t></is></c><c r="B4"><v>2750000</v></c></row><row r="5"><c r="A5" t="inlineStr"><is><t>Ông Nguyễn Văn A</t></is></c><c r="B5"><v>1500000</v></c></row><row r="6"><c r="A6" t="inlineStr"><is><t>Tổng cộng</t></is></c><c r="B6"><v>4250000</v></c></row>`,
        ),
      );
      d.rel(pivotSheet, REL("pivotTable"), "../pivotTables/pivotTable1.xml");
      d.edit("xl/workbook.xml", (x) => x.replace(/(<calcPr[^>]*\/>)/, `$1<pivotCaches><pivotCache cacheId="3" r:id="${cache}"/></pivotCaches>`));
    },
  },
  {
    name: "slicer",
    apply(d, sheet) {
      d.add(
        "xl/tables/table1.xml",
        `${DECL}<table xmlns="${NS.main}" id="1" name="tblChiTieu" displayName="tblChiTieu" ref="A10:B12" totalsRowShown="0"><autoFilter ref="A10:B12"/><tableColumns count="2"><tableColumn id="1" name="Khoản"/><tableColumn id="2" name="Số tiền"/></tableColumns><tableStyleInfo name="TableStyleLight9" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml",
      );
      const t = d.rel(sheet, REL("table"), "../tables/table1.xml");
      d.edit(sheet, (x) =>
        insertIntoSheet(
          x.replace("</sheetData>", `<row r="10"><c r="A10" t="inlineStr"><is><t>Khoản</t></is></c><c r="B10" t="inlineStr"><is><t>Số tiền</t></is></c></row><row r="11"><c r="A11" t="inlineStr"><is><t>Điện</t></is></c><c r="B11"><v>300000</v></c></row><row r="12"><c r="A12" t="inlineStr"><is><t>Nước</t></is></c><c r="B12"><v>120000</v></c></row></sheetData>`),
          `<tableParts count="1"><tablePart r:id="${t}"/></tableParts>`,
          AFTER.tableParts,
        ),
      );
      d.add(
        "xl/slicerCaches/slicerCache1.xml",
        `${DECL}<slicerCacheDefinition xmlns="${NS.x14}" xmlns:mc="${NS.mc}" mc:Ignorable="x xr10" xmlns:x="${NS.main}" xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main" xmlns:xr10="http://schemas.microsoft.com/office/spreadsheetml/2016/revision10" name="Slicer_Khoản" xr10:uid="{6E5D4C3B-0000-4000-8000-000000000070}" sourceName="Khoản"><extLst><x:ext uri="{2F2917AC-EB37-4324-AD4E-5DD8C200BD13}" xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main"><x15:tableSlicerCache tableId="1" column="1"/></x:ext></extLst></slicerCacheDefinition>`,
        "application/vnd.ms-excel.slicerCache+xml",
      );
      const sc = d.rel("xl/workbook.xml", "http://schemas.microsoft.com/office/2007/relationships/slicerCache", "slicerCaches/slicerCache1.xml");
      addDefinedNames(d, `<definedName name="Slicer_Khoản">#N/A</definedName>`);
      d.edit("xl/workbook.xml", (x) =>
        x.replace("</extLst></workbook>", `<ext uri="{46BE6895-7355-4a93-B00E-2C351335B9C9}" xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main"><x15:slicerCaches xmlns:x14="${NS.x14}"><x14:slicerCache r:id="${sc}"/></x15:slicerCaches></ext></extLst></workbook>`),
      );
      d.add(
        "xl/slicers/slicer1.xml",
        `${DECL}<slicers xmlns="${NS.x14}" xmlns:mc="${NS.mc}" mc:Ignorable="x xr10" xmlns:x="${NS.main}" xmlns:xr10="http://schemas.microsoft.com/office/spreadsheetml/2016/revision10"><slicer name="Khoản" xr10:uid="{6E5D4C3B-0000-4000-8000-000000000071}" cache="Slicer_Khoản" caption="Khoản" rowHeight="241300"/></slicers>`,
        "application/vnd.ms-excel.slicer+xml",
      );
      const sl = d.rel(sheet, "http://schemas.microsoft.com/office/2007/relationships/slicer", "../slicers/slicer1.xml");
      d.edit(sheet, (x) => addSheetExt(x, `<ext uri="{3A4CF648-6AED-40f4-86FF-DC5316D8AED3}" xmlns:x14="${NS.x14}"><x14:slicerList xmlns:x14="${NS.x14}"><x14:slicer r:id="${sl}"/></x14:slicerList></ext>`));
    },
  },
  {
    name: "data-bars-x14",
    apply(d, sheet) {
      d.edit(sheet, (x) =>
        addSheetExt(
          insertIntoSheet(
            x,
            `<conditionalFormatting sqref="B2:B4"><cfRule type="dataBar" priority="2"><dataBar><cfvo type="min"/><cfvo type="max"/><color rgb="FF638EC6"/></dataBar><extLst><ext uri="{B025F937-C7B1-47D3-B67F-A62EFF666E3E}" xmlns:x14="${NS.x14}"><x14:id>{A0B1C2D3-0000-4000-8000-000000000080}</x14:id></ext></extLst></cfRule></conditionalFormatting><conditionalFormatting sqref="C2:C3"><cfRule type="cellIs" dxfId="0" priority="1" operator="greaterThan"><formula>44370</formula></cfRule></conditionalFormatting>`,
            AFTER.conditionalFormatting,
          ),
          `<ext uri="${CF_URI}" xmlns:x14="${NS.x14}"><x14:conditionalFormattings><x14:conditionalFormatting xmlns:xm="${NS.xm}"><x14:cfRule type="dataBar" id="{A0B1C2D3-0000-4000-8000-000000000080}"><x14:dataBar minLength="0" maxLength="100" gradient="0"><x14:cfvo type="autoMin"/><x14:cfvo type="autoMax"/><x14:negativeFillColor rgb="FFFF0000"/><x14:axisColor rgb="FF000000"/></x14:dataBar></x14:cfRule><xm:sqref>B2:B4</xm:sqref></x14:conditionalFormatting></x14:conditionalFormattings></ext>`,
        ),
      );
    },
  },
  {
    name: "hidden-sheets",
    apply(d) {
      for (const state of ["hidden", "veryHidden"] as const) {
        addSheet(d, state === "hidden" ? "Ẩn" : "Ẩn sâu", emptySheetXml(`<row r="1"><c r="A1" t="inlineStr"><is><t>Dữ liệu ${state}</t></is></c></row>`), state);
      }
    },
  },
  {
    name: "vba-project",
    apply(d) {
      d.add("xl/vbaProject.bin", OLE_BIN, "application/vnd.ms-office.vbaProject");
      d.rel("xl/workbook.xml", "http://schemas.microsoft.com/office/2006/relationships/vbaProject", "vbaProject.bin");
      d.overrides.set("/xl/workbook.xml", "application/vnd.ms-excel.sheet.macroEnabled.main+xml");
      d.edit("xl/workbook.xml", (x) => x.replace("<workbookPr ", '<workbookPr codeName="ThisWorkbook" '));
    },
  },
  {
    name: "external-link",
    apply(d) {
      d.add(
        "xl/externalLinks/externalLink1.xml",
        `${DECL}<externalLink xmlns="${NS.main}" xmlns:r="${NS.r}"><externalBook r:id="rId1"><sheetNames><sheetName val="Tổng hợp"/></sheetNames><sheetDataSet><sheetData sheetId="0"><row r="2"><cell r="B2"><v>123</v></cell></row></sheetData></sheetDataSet></externalBook></externalLink>`,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.externalLink+xml",
      );
      d.rel("xl/externalLinks/externalLink1.xml", REL("externalLinkPath"), "file:///\\\\server\\chung\\bao-cao-huyen.xlsx", true);
      const id = d.rel("xl/workbook.xml", REL("externalLink"), "externalLinks/externalLink1.xml");
      d.edit("xl/workbook.xml", (x) => x.replace("</sheets>", `</sheets><externalReferences><externalReference r:id="${id}"/></externalReferences>`));
    },
  },
  {
    name: "printer-settings",
    apply(d, sheet) {
      d.defaults.set("bin", "application/vnd.openxmlformats-officedocument.spreadsheetml.printerSettings");
      d.add("xl/printerSettings/printerSettings1.bin", Uint8Array.from(Array.from({ length: 220 }, (_, i) => (i * 7) % 256)));
      const id = d.rel(sheet, REL("printerSettings"), "../printerSettings/printerSettings1.bin");
      d.edit(sheet, (x) =>
        insertIntoSheet(
          insertIntoSheet(x, `<pageSetup paperSize="9" orientation="landscape" horizontalDpi="600" verticalDpi="600" r:id="${id}"/>`, AFTER.pageSetup),
          `<headerFooter><oddHeader>&amp;C&amp;"Times New Roman,Bold"SỔ THU CHI</oddHeader><oddFooter>&amp;CTrang &amp;P / &amp;N</oddFooter></headerFooter><rowBreaks count="1" manualBreakCount="1"><brk id="4" max="16383" man="1"/></rowBreaks>`,
          AFTER.headerFooter,
        ),
      );
    },
  },
  {
    name: "calc-chain",
    apply(d) {
      d.add("xl/calcChain.xml", `${DECL}<calcChain xmlns="${NS.main}"><c r="B4" i="1" l="1"/><c r="D4"/><c r="E5"/><c r="B6"/></calcChain>`, "application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml");
      d.rel("xl/workbook.xml", REL("calcChain"), "calcChain.xml");
    },
  },
  {
    name: "user-table-totals",
    apply(d, sheet) {
      d.add(
        "xl/tables/table1.xml",
        `${DECL}<table xmlns="${NS.main}" xmlns:mc="${NS.mc}" mc:Ignorable="xr xr3" xmlns:xr="${NS.xr}" xmlns:xr3="http://schemas.microsoft.com/office/spreadsheetml/2016/revision3" id="1" xr:uid="{1D2C3B4A-0000-4000-8000-000000000090}" name="tblQuy" displayName="tblQuy" ref="A10:B13" totalsRowCount="1"><autoFilter ref="A10:B12" xr:uid="{1D2C3B4A-0000-4000-8000-000000000091}"/><tableColumns count="2"><tableColumn id="1" xr3:uid="{1D2C3B4A-0000-4000-8000-000000000092}" name="Khoản" totalsRowLabel="Cộng"/><tableColumn id="2" xr3:uid="{1D2C3B4A-0000-4000-8000-000000000093}" name="Số tiền" totalsRowFunction="sum"/></tableColumns><tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml",
      );
      const t = d.rel(sheet, REL("table"), "../tables/table1.xml");
      d.edit(sheet, (x) =>
        insertIntoSheet(
          x.replace(
            "</sheetData>",
            `<row r="10"><c r="A10" t="inlineStr"><is><t>Khoản</t></is></c><c r="B10" t="inlineStr"><is><t>Số tiền</t></is></c></row><row r="11"><c r="A11" t="inlineStr"><is><t>Quỹ A</t></is></c><c r="B11"><v>100</v></c></row><row r="12"><c r="A12" t="inlineStr"><is><t>Quỹ B</t></is></c><c r="B12"><v>200</v></c></row><row r="13"><c r="A13" t="inlineStr"><is><t>Cộng</t></is></c><c r="B13"><f>SUBTOTAL(109,tblQuy[Số tiền])</f><v>300</v></c></row></sheetData>`,
          ),
          `<tableParts count="1"><tablePart r:id="${t}"/></tableParts>`,
          AFTER.tableParts,
        ),
      );
    },
  },
  {
    name: "outline-and-hidden-rows",
    apply(d, sheet) {
      d.edit(sheet, (x) =>
        x
          .replace(`<row r="3" spans="1:5" x14ac:dyDescent="0.25">`, `<row r="3" spans="1:5" hidden="1" outlineLevel="1" x14ac:dyDescent="0.25">`)
          .replace(`<row r="2" spans="1:5" x14ac:dyDescent="0.25">`, `<row r="2" spans="1:5" ht="24" customHeight="1" outlineLevel="1" x14ac:dyDescent="0.25">`)
          .replace(`<sheetFormatPr defaultRowHeight="15" x14ac:dyDescent="0.25"/>`, `<sheetFormatPr defaultRowHeight="15" outlineLevelRow="1" x14ac:dyDescent="0.25"/>`)
          .replace(`<dimension ref="A1:E6"/>`, `<sheetPr><outlinePr summaryBelow="0"/></sheetPr><dimension ref="A1:E6"/>`),
      );
    },
  },
  {
    name: "shared-and-array-formulas",
    apply(d, sheet) {
      d.edit(sheet, (x) =>
        x.replace(
          "</sheetData>",
          `<row r="8"><c r="A8"><v>1</v></c><c r="B8"><f t="shared" ref="B8:B10" si="0">A8*2</f><v>2</v></c><c r="C8"><f t="array" ref="C8:C10">A8:A10*10</f><v>10</v></c></row><row r="9"><c r="A9"><v>2</v></c><c r="B9"><f t="shared" si="0"/><v>4</v></c><c r="C9"><v>20</v></c></row><row r="10"><c r="A10"><v>3</v></c><c r="B10"><f t="shared" si="0"/><v>6</v></c><c r="C10"><v>30</v></c></row></sheetData>`,
        ),
      );
    },
  },
  {
    name: "conditional-formats-classic",
    apply(d, sheet) {
      d.edit(sheet, (x) =>
        insertIntoSheet(
          x,
          `<conditionalFormatting sqref="B2:B4"><cfRule type="colorScale" priority="3"><colorScale><cfvo type="min"/><cfvo type="percentile" val="50"/><cfvo type="max"/><color rgb="FFF8696B"/><color rgb="FFFFEB84"/><color rgb="FF63BE7B"/></colorScale></cfRule></conditionalFormatting><conditionalFormatting sqref="A2:A6"><cfRule type="duplicateValues" dxfId="0" priority="2"/><cfRule type="containsText" dxfId="0" priority="1" operator="containsText" text="Ông"><formula>NOT(ISERROR(SEARCH("Ông",A2)))</formula></cfRule></conditionalFormatting>`,
          AFTER.conditionalFormatting,
        ),
      );
    },
  },
  {
    name: "custom-xml-and-comments-in-parts",
    apply(d) {
      d.edit("xl/workbook.xml", (x) => x.replace("<bookViews>", "<!-- ghi chú của người soạn: không xóa -->\r\n<bookViews>"));
      d.edit("xl/styles.xml", (x) => x.replace("<fonts", "<!-- kiểu chữ -->\n  <fonts"));
    },
  },
  {
    name: "timeline",
    apply(d) {
      d.add(
        "xl/timelineCaches/timelineCache1.xml",
        `${DECL}<timelineCacheDefinition xmlns="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main" xmlns:x="${NS.main}" name="NativeTimeline_Ngày" sourceName="Ngày"><pivotTables><pivotTable tabId="8" name="PivotTable1"/></pivotTables><state minimalRefreshVersion="6" lastRefreshVersion="6" pivotCacheId="3" filterType="unknown"><bounds startDate="2021-01-01T00:00:00" endDate="2022-01-01T00:00:00"/></state></timelineCacheDefinition>`,
        "application/vnd.ms-excel.timelineCache+xml",
      );
      d.rel("xl/workbook.xml", "http://schemas.microsoft.com/office/2011/relationships/timelineCache", "timelineCaches/timelineCache1.xml");
    },
  },
  {
    name: "activex-control",
    apply(d, sheet) {
      d.add("xl/ctrlProps/ctrlProp1.xml", `${DECL}<formControlPr xmlns="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main" objectType="CheckBox" checked="Checked" lockText="1"/>`, "application/vnd.ms-excel.controlproperties+xml");
      d.rel(sheet, "http://schemas.openxmlformats.org/officeDocument/2006/relationships/ctrlProp", "../ctrlProps/ctrlProp1.xml");
    },
  },
];

/** Variants of the whole package rather than one kind of content. */
export const PACKAGE_VARIANTS = ["date-1904", "strict", "prefixed", "inline-strings", "no-shared-strings", "crlf-and-single-quotes", "stored-entries", "backslash-paths"] as const;
export type PackageVariant = (typeof PACKAGE_VARIANTS)[number];
