import { PAPER_STYLE } from "../../../domain/report/paperStyle";
import { cellAddress, sheetRef, type GridChart, type RangeBox } from "../../../domain/grid";
import { escapeAttr, escapeText } from "./xml";

// A native Excel chart in a file: a drawing part anchoring a chart part to the sheet's cells
// (ExcelJS writes none). The chart reads its figures from the sheet's cells; the values it was
// written with are cached in it, as Excel does, for viewers that do not recalculate.

const C = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const A = "http://schemas.openxmlformats.org/drawingml/2006/main";
const XDR = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";
const FONT = PAPER_STYLE.font;

/** `'Báo cáo'!$J$12:$J$19`. */
function ref(sheet: string, box: RangeBox): string {
  return `${sheetRef(sheet)}${cellAddress(box.top, box.left, true)}:${cellAddress(box.bottom, box.right, true)}`;
}

const text = (size: number, bold = false) =>
  `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size * 100}" b="${bold ? 1 : 0}"><a:latin typeface="${FONT}"/><a:cs typeface="${FONT}"/></a:defRPr></a:pPr><a:endParaRPr lang="vi-VN"/></a:p></c:txPr>`;

/**
 * The chart part: horizontal bars of one series, its categories and values read from the sheet
 * (`categories` and `values` with the cached labels and figures), the value axis from 0 to `max`.
 */
export function chartPartXml(sheet: string, chart: GridChart, labels: readonly string[], values: readonly number[]): string {
  const strPts = labels.map((l, i) => `<c:pt idx="${i}"><c:v>${escapeText(l)}</c:v></c:pt>`).join("");
  const numPts = values.map((v, i) => `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`).join("");
  const nameCell = { top: chart.values.top - 1, bottom: chart.values.top - 1, left: chart.values.left, right: chart.values.left };
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="${C}" xmlns:a="${A}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
    `<c:roundedCorners val="0"/>` +
    `<c:chart>` +
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1200" b="1"/></a:pPr><a:r><a:rPr lang="vi-VN" sz="1200" b="1"><a:latin typeface="${FONT}"/><a:cs typeface="${FONT}"/></a:rPr><a:t>${escapeText(chart.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>` +
    `<c:autoTitleDeleted val="0"/>` +
    `<c:plotArea><c:layout/>` +
    `<c:barChart><c:barDir val="bar"/><c:grouping val="clustered"/><c:varyColors val="0"/>` +
    `<c:ser><c:idx val="0"/><c:order val="0"/>` +
    `<c:tx><c:strRef><c:f>${escapeText(ref(sheet, nameCell))}</c:f><c:strCache><c:ptCount val="1"/><c:pt idx="0"><c:v>${escapeText(chart.seriesName)}</c:v></c:pt></c:strCache></c:strRef></c:tx>` +
    `<c:spPr><a:solidFill><a:srgbClr val="2F5597"/></a:solidFill></c:spPr><c:invertIfNegative val="0"/>` +
    `<c:cat><c:strRef><c:f>${escapeText(ref(sheet, chart.categories))}</c:f><c:strCache><c:ptCount val="${labels.length}"/>${strPts}</c:strCache></c:strRef></c:cat>` +
    `<c:val><c:numRef><c:f>${escapeText(ref(sheet, chart.values))}</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${values.length}"/>${numPts}</c:numCache></c:numRef></c:val>` +
    `</c:ser>` +
    `<c:gapWidth val="60"/><c:axId val="5001"/><c:axId val="5002"/></c:barChart>` +
    `<c:catAx><c:axId val="5001"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>${text(10)}<c:crossAx val="5002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="5002"/><c:scaling><c:orientation val="minMax"/><c:max val="${chart.max}"/><c:min val="0"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:majorGridlines/><c:numFmt formatCode="${escapeAttr(chart.axisFormat)}" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>${text(10)}<c:crossAx val="5001"/><c:crosses val="autoZero"/><c:crossBetween val="between"/><c:majorUnit val="${chart.max / 5}"/></c:valAx>` +
    `</c:plotArea>` +
    `<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/>` +
    `</c:chart>` +
    `<c:spPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill><a:ln w="6350"><a:solidFill><a:srgbClr val="BFBFBF"/></a:solidFill></a:ln></c:spPr>` +
    text(10) +
    `</c:chartSpace>`
  );
}

/** The drawing part: each chart anchored from one cell's corner to another's, its part named by `relId`. */
export function drawingPartXml(charts: readonly { chart: GridChart; relId: string }[]): string {
  const corner = (tag: string, row: number, col: number) => `<xdr:${tag}><xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
  const anchors = charts.map(({ chart, relId }, i) => {
    const a = chart.anchor;
    return (
      `<xdr:twoCellAnchor editAs="oneCell">${corner("from", a.top, a.left)}${corner("to", a.bottom, a.right)}` +
      `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${escapeAttr(`Biểu đồ ${i + 1}`)}" descr="${escapeAttr(chart.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
      `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
      `<a:graphic><a:graphicData uri="${C}"><c:chart xmlns:c="${C}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="${relId}"/></a:graphicData></a:graphic>` +
      `</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
    );
  });
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="${XDR}" xmlns:a="${A}">${anchors.join("")}</xdr:wsDr>`;
}
