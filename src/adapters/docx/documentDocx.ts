import { textWidth as measuredWidth } from "../../domain/textMeasure";
import { PAPER_STYLE } from "../../domain/report/paperStyle";
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type ISectionOptions,
  type ParagraphChild,
} from "docx";
import { ChartRun } from "docx/charts";
import { cellText, chartBars, columnShape, keepsWithNext, tableRowKeeps, type DocBlock, type DocModel, type DocTable } from "../../domain/report/document";
import { tableWidths } from "../../domain/report/sheetBuilder";

// Papers as Word files in the layout of Nghị định 30/2020 (Phụ lục I): A4, margins 2 / 2 / 3 / 1.5 cm,
// Times New Roman 13–14, body justified with a first-line indent of 1 cm, page numbers centred at
// the top from page 2. Word is where communes issue and sign; the sheet and this file come from
// the same blocks (`DocModel`).

const FONT = PAPER_STYLE.font;
/** Twips in a centimetre. */
const CM = 567;
const MARGIN = { top: PAPER_STYLE.marginsCm.top * CM, bottom: PAPER_STYLE.marginsCm.bottom * CM, left: PAPER_STYLE.marginsCm.left * CM, right: PAPER_STYLE.marginsCm.right * CM };
/** The width between the margins: 21 − 3 − 1.5 = 16.5 cm. */
const TEXT_WIDTH = Math.round(16.5 * CM);
const NONE = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" } as const;
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE } as const;
const THIN = { style: BorderStyle.SINGLE, size: 4, color: "000000" } as const;

type Run = { text: string; bold?: boolean; italic?: boolean; size?: number };

const run = (r: Run): TextRun => new TextRun({ text: r.text, bold: r.bold ?? false, italics: r.italic ?? false, size: (r.size ?? 14) * 2, font: FONT });

/** A line of text, centred unless told. */
function line(r: Run, opts: { align?: (typeof AlignmentType)[keyof typeof AlignmentType]; after?: number; keepNext?: boolean } = {}): Paragraph {
  return new Paragraph({ children: [run(r)], alignment: opts.align ?? AlignmentType.CENTER, spacing: { after: opts.after ?? 0 }, keepNext: opts.keepNext ?? false });
}

/** A thin rule `width` twips long, centred in its block: the lines under the issuing body, the motto and the summary. */
function rule(width: number, blockWidth: number): Paragraph {
  const side = Math.max(0, Math.round((blockWidth - width) / 2));
  return new Paragraph({ children: [], border: { bottom: THIN }, indent: { left: side, right: side }, spacing: { after: 0, line: 60, lineRule: "exact" } });
}

/** A line's width in twips at `size` points, bold as the header sets it: the papers' own measure of Times New Roman. */
function textWidth(text: string, size: number): number {
  return Math.round(measuredWidth(text, size, true) * 20);
}

function cell(children: Paragraph[], width: number, opts: { borders?: boolean } = {}): TableCell {
  return new TableCell({
    children,
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlign.TOP,
    borders: opts.borders ? { top: THIN, bottom: THIN, left: THIN, right: THIN } : { top: NONE, bottom: NONE, left: NONE, right: NONE },
    margins: opts.borders ? { left: 60, right: 60, top: 20, bottom: 20 } : { left: 0, right: 0 },
  });
}

/** Two columns without borders side by side (the header, the signature), kept on one page. */
function sideBySide(left: Paragraph[], right: Paragraph[], leftWidth: number): Table {
  const rightWidth = TEXT_WIDTH - leftWidth;
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [leftWidth, rightWidth],
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: [new TableRow({ cantSplit: true, children: [cell(left, leftWidth), cell(right, rightWidth)] })],
  });
}

function header(h: Extract<DocBlock, { kind: "header" }>): (Paragraph | Table)[] {
  const leftWidth = Math.round(6.3 * CM);
  const rightWidth = TEXT_WIDTH - leftWidth;
  const body = Math.max(textWidth(h.body, 13), textWidth(h.parentBody, 13));
  const motto = textWidth("Độc lập - Tự do - Hạnh phúc", 14);
  const table = sideBySide(
    [
      line({ text: h.parentBody, bold: h.parentIsName, size: 13 }),
      line({ text: h.body, bold: true, size: 13 }),
      rule(Math.round(body * 0.45), leftWidth),
      line({ text: h.number, size: 13 }, { after: 0 }),
      // A letter (công văn): its summary ("V/v …") under its number, in size 12; no title below.
      ...(h.title === "" ? [line({ text: h.summary, size: 12 }, { after: 0 })] : []),
    ],
    [
      line({ text: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold: true, size: 13 }),
      line({ text: "Độc lập - Tự do - Hạnh phúc", bold: true, size: 14 }),
      rule(motto, rightWidth),
      new Paragraph({ children: [run({ text: h.dateLine, italic: true, size: 14 })], alignment: AlignmentType.CENTER, spacing: { before: 120 } }),
    ],
    leftWidth,
  );
  const summary = textWidth(h.summary, 14);
  if (h.title === "") return [table, new Paragraph({ children: [], spacing: { after: 240 } })];
  return [
    table,
    new Paragraph({ children: [run({ text: h.title, bold: true })], alignment: AlignmentType.CENTER, spacing: { before: 360 }, keepNext: true }),
    line({ text: h.summary, bold: true }, { keepNext: true }),
    rule(Math.round(Math.min(summary, TEXT_WIDTH) / 3), TEXT_WIDTH),
    new Paragraph({ children: [], spacing: { after: 120 } }),
  ];
}

/** A body paragraph: justified, its first line indented 1 cm, 6 points after. */
function paragraph(text: string, opts: { bold?: boolean; italic?: boolean; keepNext?: boolean } = {}): Paragraph {
  return new Paragraph({
    children: [run({ text, ...opts })],
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: CM },
    spacing: { after: 120, line: 288 },
    keepNext: opts.keepNext ?? false,
    // No lone first or last line of a paragraph at a page's foot or head ("yết./." alone on a page).
    widowControl: true,
  });
}

function table(t: DocTable): Table {
  // The paper's layout of the table (each column as wide as its text needs), measured in points, in twips.
  const widths = tableWidths(t, TEXT_WIDTH / 20).map((w) => Math.floor(w * 20));
  const keeps = tableRowKeeps(t);
  let index = 0;
  const row = (cells: readonly (string | number | null)[], opts: { header?: boolean; bold?: boolean }) => {
    // Rows kept with the next as the paper says (a small table whole, a header with two rows): Word keeps rows together through their paragraphs.
    const keepNext = keeps[index++] ?? false;
    return new TableRow({
      tableHeader: opts.header ?? false,
      cantSplit: true,
      children: t.headers.map((_h, c) => {
        const v = cells[c] ?? null;
        const text = opts.header ? String(v ?? "") : cellText(v, columnShape(t, c));
        const align = opts.header || c === 0 ? AlignmentType.CENTER : typeof v === "number" ? AlignmentType.RIGHT : opts.bold ? AlignmentType.CENTER : AlignmentType.LEFT;
        // Single-spaced, no room after: a table's rows as close as the sheet's.
        return cell([new Paragraph({ children: [run({ text, bold: opts.header || opts.bold, size: PAPER_STYLE.size.table })], alignment: align, keepNext, spacing: { before: 0, after: 0, line: 240 } })], widths[c] ?? 600, { borders: true });
      }),
    });
  };
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [row(t.headers, { header: true }), ...t.rows.map((r) => row(r, {})), ...(t.totals ? [row(t.totals, { bold: true })] : [])],
  });
}

function chart(c: Extract<DocBlock, { kind: "chart" }>): Paragraph {
  // Word draws it from its own data (an embedded workbook), as a chart inserted in Word is.
  const bars = chartBars(c);
  const children: ParagraphChild[] = [
    new ChartRun({
      type: "bar",
      title: c.title,
      categories: bars.map((b) => b.label),
      series: [{ name: "Tỷ lệ hộ đã ký", values: bars.map((b) => b.value) }],
      legend: false,
      font: { name: FONT },
      valueAxis: { minimum: 0, maximum: 1, interval: 0.2, numberFormat: "0%" },
      transformation: { width: 580, height: Math.min(520, 90 + 26 * c.categories.length) },
    }),
  ];
  return new Paragraph({ children, alignment: AlignmentType.CENTER, spacing: { before: 120, after: 120 } });
}

function signature(s: Extract<DocBlock, { kind: "signature" }>): Table {
  const left = [
    new Paragraph({ children: [run({ text: "Nơi nhận:", bold: true, italic: true, size: PAPER_STYLE.size.recipientsTitle })] }),
    ...[...s.recipients.map((r) => `- ${r};`), "- Lưu: VT."].map((r) => new Paragraph({ children: [run({ text: r, size: PAPER_STYLE.size.recipients })] })),
  ];
  const right = [
    ...(s.authority ? [line({ text: s.authority, bold: true })] : []),
    ...(s.signerTitle ? [line({ text: s.signerTitle, bold: true })] : []),
    // Room for the signature and the seal: about 3 cm.
    new Paragraph({ children: [], spacing: { before: 0, after: 0, line: Math.round(3 * CM), lineRule: "exact" } }),
    ...(s.signer ? [line({ text: s.signer, bold: true })] : []),
  ];
  return sideBySide(left, right, Math.round(7.5 * CM));
}

/** The blocks of one paper as Word content; a heading or a caption is kept with what follows it. */
function content(doc: DocModel): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  for (const [i, b] of doc.blocks.entries()) {
    // What goes on the page of what follows (a heading, a caption, the closing words, the line before a placeholder): the paper's own rule.
    const keep = keepsWithNext(doc.blocks, i);
    switch (b.kind) {
      case "header":
        out.push(...header(b));
        break;
      case "heading":
        out.push(paragraph(b.text, { bold: true, keepNext: keep }));
        break;
      case "paragraph":
        out.push(b.center ? line({ text: b.text, bold: b.bold, italic: b.italic }, { after: 120, keepNext: keep }) : paragraph(b.text, { bold: b.bold, italic: b.italic, keepNext: keep }));
        break;
      case "caption":
        out.push(paragraph(b.text, { italic: true, keepNext: keep }));
        break;
      case "table":
        out.push(table(b));
        break;
      case "chart":
        out.push(chart(b));
        break;
      case "clerk":
        out.push(paragraph(b.text));
        break;
      case "space":
        out.push(new Paragraph({ children: [], spacing: { after: 0 }, keepNext: keep }));
        break;
      case "signature":
        out.push(signature(b));
        break;
    }
  }
  return out;
}

/** One section a paper: A4 portrait, its margins, page numbers centred at the top from page 2, counted from 1. */
function section(doc: DocModel): ISectionOptions {
  const pageNumber = new Paragraph({ children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: 28 })], alignment: AlignmentType.CENTER });
  return {
    properties: {
      titlePage: true,
      page: { size: { width: 11906, height: 16838 }, margin: { ...MARGIN, header: Math.round(1.2 * CM), footer: CM }, pageNumbers: { start: 1 } },
    },
    headers: { default: new Header({ children: [pageNumber] }), first: new Header({ children: [new Paragraph({ children: [] })] }) },
    children: content(doc),
  };
}

/** Papers as one Word file, each a section of its own (the dossier: proposal, list, decision). */
export async function documentsDocx(docs: readonly DocModel[], title: string): Promise<Uint8Array> {
  const file = new Document({
    title,
    creator: "Sổ theo dõi phong trào",
    styles: { default: { document: { run: { font: FONT, size: 28 } } } },
    sections: docs.map(section),
  });
  return Packer.pack(file, "uint8array");
}
