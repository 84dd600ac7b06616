import { PAPER_STYLE } from "./paperStyle";
import type { Grid, GridChart, PrintSetup } from "../grid";
import { pageBreaks, printScale } from "../print";
import { chartBars, keepsWithNext, tableRowKeeps, type DocBlock, type DocModel, type DocTable } from "./document";
import { PAPER_COLUMNS, SheetBuilder } from "./sheetBuilder";

const LAST_COL = PAPER_COLUMNS.length - 1;
/** The header's two blocks (Nghị định 30): the issuer at the left (A–D, about 5 cm), the motto at the right (E–L). */
const ISSUER = { from: 0, to: 3 } as const;
const MOTTO = { from: 4, to: LAST_COL } as const;
/** The signature's halves: `Nơi nhận` (A–F), the signer (G–L). */
const SIGNER_FROM = 6;

function header(b: SheetBuilder, h: Extract<DocBlock, { kind: "header" }>): void {
  b.text(ISSUER.from, ISSUER.to, h.parentBody, { bold: h.parentIsName, hAlign: "center" });
  b.text(MOTTO.from, MOTTO.to, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", { bold: true, hAlign: "center" });
  b.row++;
  // Set on their rows' foot, so that the rules under them hug them however tall the rows are.
  b.text(ISSUER.from, ISSUER.to, h.body, { bold: true, hAlign: "center", vAlign: "bottom" });
  b.text(MOTTO.from, MOTTO.to, "Độc lập - Tự do - Hạnh phúc", { bold: true, size: 14, hAlign: "center", vAlign: "bottom" });
  b.row++;
  // The rules, centred under their blocks: under the issuing body, half its block (B–C); under the motto, its length (G–J).
  b.rule(1, 2);
  b.rule(6, 9);
  b.row++;
  b.text(ISSUER.from, ISSUER.to, h.number, { hAlign: "center" });
  b.text(MOTTO.from, MOTTO.to, h.dateLine, { italic: true, size: 14, hAlign: "center" });
  // A letter (công văn) has no title: its summary ("V/v …") goes under its number, in size 12.
  if (h.title === "") {
    b.row++;
    b.text(ISSUER.from, ISSUER.to, h.summary, { size: 12, hAlign: "center" });
    b.row += 2;
    b.gap(8);
    return;
  }
  b.row += 2;
  b.text(0, LAST_COL, h.title, { bold: true, size: 14, hAlign: "center" });
  b.row++;
  b.text(0, LAST_COL, h.summary, { bold: true, size: 14, hAlign: "center", vAlign: "bottom" });
  b.row++;
  // Under the summary line, a short rule at the page's centre (F–G), then room before the text.
  b.rule(5, 6);
  b.row++;
  b.gap(8);
}

/** `Nơi nhận` (then `Lưu: VT`) at the left, the authority, title, room for signature and seal, and name at the right. */
function signature(b: SheetBuilder, s: Extract<DocBlock, { kind: "signature" }>): void {
  const top = b.row;
  const recipients = s.recipients.map((r) => `- ${r};`);
  b.text(0, SIGNER_FROM - 1, "Nơi nhận:", { bold: true, italic: true, size: PAPER_STYLE.size.recipientsTitle });
  [...recipients, "- Lưu: VT."].forEach((r, i) => b.text(0, SIGNER_FROM - 1, r, { size: PAPER_STYLE.size.recipients }, top + 1 + i));
  if (s.authority) b.text(SIGNER_FROM, LAST_COL, s.authority, { bold: true, hAlign: "center" }, top);
  if (s.signerTitle) b.text(SIGNER_FROM, LAST_COL, s.signerTitle, { bold: true, hAlign: "center" }, top + 1);
  // Room for the signature and the seal: five rows (about 32 mm) between the title and the name.
  const nameRow = Math.max(top + 7, top + recipients.length + 2);
  if (s.signer) b.text(SIGNER_FROM, LAST_COL, s.signer, { bold: true, hAlign: "center" }, nameRow);
  b.row = nameRow + 1;
}

/** The columns right of the print area (J, K) that hold a chart's figures: on screen, not on paper. */
const CHART_DATA = { label: LAST_COL + 2, value: LAST_COL + 3 } as const;
const CHART_ROW_POINTS = 18;

/**
 * A chart across the page: its figures beside the print area (the labels with their rates, the
 * rates as numbers), the chart over rows of a fixed height tall enough for its bars.
 */
function chart(b: SheetBuilder, c: Extract<DocBlock, { kind: "chart" }>, charts: GridChart[]): void {
  const bars = chartBars(c);
  const top = b.row;
  const rows = Math.ceil((60 + 20 * bars.length) / CHART_ROW_POINTS);
  // The corner above the labels left empty: Excel then reads the row above as the series' name and the column as categories.
  const font = { font: PAPER_STYLE.font, size: 11 } as const;
  b.cells.push({ row: top, col: CHART_DATA.value, value: "Tỷ lệ hộ đã ký", style: { ...font, bold: true } });
  bars.forEach((bar, i) => {
    b.cells.push({ row: top + 1 + i, col: CHART_DATA.label, value: bar.label, style: font }, { row: top + 1 + i, col: CHART_DATA.value, value: bar.value, style: { ...font, numFmt: "0.0%" } });
  });
  for (let r = top; r < top + rows; r++) b.raise(r, CHART_ROW_POINTS);
  const last = top + bars.length;
  charts.push({
    title: c.title,
    seriesName: "Tỷ lệ hộ đã ký",
    categories: { top: top + 1, bottom: last, left: CHART_DATA.label, right: CHART_DATA.label },
    values: { top: top + 1, bottom: last, left: CHART_DATA.value, right: CHART_DATA.value },
    anchor: { top, bottom: top + rows, left: 0, right: LAST_COL + 1 },
    max: 1,
    axisFormat: "0%",
  });
  b.row = top + rows + 1;
}

/** Rows of one block, and whether they go on the page of what follows (a heading, a caption, a title). */
interface Chunk {
  from: number;
  to: number;
  keepWithNext: boolean;
  /** The first rows of a paper after another on the same sheet: a new page. */
  breakBefore?: boolean;
}

/** A table's rows as chunks, each keeping with the next as `tableRowKeeps` says. */
function tableChunks(from: number, spec: DocTable): Chunk[] {
  return tableRowKeeps(spec).map((keep, r) => ({ from: from + r, to: from + r, keepWithNext: keep }));
}

/** Chunks joined into groups that must share a page: each chunk that keeps with the next takes the next's first chunk along. */
function groupsOf(chunks: readonly Chunk[]): { from: number; to: number; breakBefore?: boolean }[] {
  const groups: { from: number; to: number; breakBefore?: boolean }[] = [];
  let open: { from: number; to: number; breakBefore?: boolean } | undefined;
  for (const c of chunks) {
    if (open && c.breakBefore) {
      groups.push(open);
      open = undefined;
    }
    if (open) open.to = c.to;
    else open = { from: c.from, to: c.to, ...(c.breakBefore ? { breakBefore: true } : {}) };
    if (!c.keepWithNext) {
      groups.push(open);
      open = undefined;
    }
  }
  if (open) groups.push(open);
  return groups;
}

/** A clerk's paragraph: room for ten lines, so that what is typed there prints whole. */
const CLERK_LINES = 10;
const LINE_POINTS = 18;

/**
 * A paper as a sheet, as Nghị định 30 prints it: A4 portrait, its margins, Times New Roman, one
 * page wide, its print area; every row of a set height, and page breaks computed from them so
 * that a heading, a table's header or a signature block never ends a page.
 */
export function documentSheet(sheet: string, doc: DocModel): Grid {
  return documentsSheet(sheet, [doc]);
}

/**
 * Papers one after another on one sheet, each from a new page (the posting lists of the villages),
 * laid out as `documentSheet` lays out one.
 */
export function documentsSheet(sheet: string, docs: readonly DocModel[]): Grid {
  const b = new SheetBuilder();
  const charts: GridChart[] = [];
  const chunks: Chunk[] = [];
  for (const [k, doc] of docs.entries()) {
    if (k > 0) b.blank();
    const first = chunks.length;
    for (const [i, block] of doc.blocks.entries()) {
      const from = b.row;
      switch (block.kind) {
        case "header":
          header(b, block);
          break;
        case "heading":
          b.heading(block.text);
          break;
        case "paragraph":
          if (block.center) {
            b.text(0, LAST_COL, block.text, { hAlign: "center", ...(block.bold ? { bold: true } : {}), ...(block.italic ? { italic: true } : {}) });
            b.row++;
          } else b.paragraph(block.text, { ...(block.bold ? { bold: true } : {}), ...(block.italic ? { italic: true } : {}) });
          break;
        case "caption":
          b.caption(block.text);
          break;
        case "table":
          b.table(block);
          break;
        case "chart":
          chart(b, block, charts);
          break;
        case "clerk":
          b.paragraph(block.text);
          b.raise(from, CLERK_LINES * LINE_POINTS);
          break;
        case "space":
          b.blank();
          break;
        case "signature":
          signature(b, block);
          break;
      }
      const to = b.row - 1;
      if (to < from) continue;
      if (block.kind === "table") for (const c of tableChunks(from, block)) chunks.push(c);
      else chunks.push({ from, to, keepWithNext: keepsWithNext(doc.blocks, i) });
    }
    const opening = chunks[first];
    if (k > 0 && opening) opening.breakBefore = true;
  }
  const last = b.row - 1;
  // Every row of the paper its own height (the tallest asked for it), so Excel and LibreOffice lay out the same pages.
  const heights = new Map<number, number>();
  for (const h of b.heights) heights.set(h.row, Math.max(heights.get(h.row) ?? 0, h.height));
  for (let r = 0; r <= last; r++) if (!heights.has(r)) heights.set(r, LINE_POINTS);
  const print: PrintSetup = {
    paper: "A4",
    orientation: "portrait",
    marginsCm: { ...PAPER_STYLE.marginsCm },
    fitToWidth: true,
    printArea: { top: 0, left: 0, bottom: last, right: LAST_COL },
    // Several papers on one sheet: the sheet's page numbers would run on across them (a village's notice on "page 3").
    pageNumbers: docs.length === 1,
  };
  const columns = [...PAPER_COLUMNS.map((width, col) => ({ col, width })), ...(charts.length > 0 ? [{ col: CHART_DATA.label, width: 30 }, { col: CHART_DATA.value, width: 14 }] : [])];
  const grid: Grid = {
    sheet,
    createSheet: true,
    cells: b.cells,
    merges: b.merges,
    rowHeights: [...heights].sort(([a], [c]) => a - c).map(([row, height]) => ({ row, height })),
    columns,
    print,
    ...(charts.length > 0 ? { charts } : {}),
  };
  const breaks = pageBreaks(groupsOf(chunks), (r) => heights.get(r) ?? LINE_POINTS, print, printScale(grid, print));
  return breaks.length > 0 ? { ...grid, print: { ...print, rowBreaks: breaks } } : grid;
}
