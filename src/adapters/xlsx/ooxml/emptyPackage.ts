import { CONTENT_TYPE } from "./opc";
import { escapeText } from "./xml";
import { EMPTY_STYLES } from "./styles";
import { ZipPackage } from "./zipPackage";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const DECL = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n`;

/** A new workbook with no sheets yet (the first grid creates one): workbook, styles, properties. */
export function emptyPackage(properties: { creator: string; subject?: string; created: string }): ZipPackage {
  const pkg = ZipPackage.create();
  pkg.setText(
    "[Content_Types].xml",
    `${DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="${CONTENT_TYPE.relationships}"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="${CONTENT_TYPE.workbook}"/><Override PartName="/xl/styles.xml" ContentType="${CONTENT_TYPE.styles}"/><Override PartName="/docProps/core.xml" ContentType="${CONTENT_TYPE.coreProperties}"/><Override PartName="/docProps/app.xml" ContentType="${CONTENT_TYPE.appProperties}"/></Types>`,
  );
  pkg.setText(
    "_rels/.rels",
    `${DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="${REL}/extended-properties" Target="docProps/app.xml"/></Relationships>`,
  );
  pkg.setText(
    "xl/workbook.xml",
    `${DECL}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><workbookPr defaultThemeVersion="164011"/><bookViews><workbookView xWindow="0" yWindow="0" windowWidth="28800" windowHeight="12300"/></bookViews><sheets/><calcPr calcId="191029"/></workbook>`,
  );
  pkg.setText("xl/_rels/workbook.xml.rels", `${DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/styles" Target="styles.xml"/></Relationships>`);
  pkg.setText("xl/styles.xml", EMPTY_STYLES);
  const subject = properties.subject ? `<dc:subject>${escapeText(properties.subject)}</dc:subject>` : "";
  pkg.setText(
    "docProps/core.xml",
    `${DECL}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>${escapeText(properties.creator)}</dc:creator>${subject}<dcterms:created xsi:type="dcterms:W3CDTF">${properties.created}</dcterms:created></cp:coreProperties>`,
  );
  pkg.setText(
    "docProps/app.xml",
    `${DECL}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>Microsoft Excel</Application></Properties>`,
  );
  return pkg;
}
