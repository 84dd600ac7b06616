import type ExcelJS from "exceljs";
import JSZip from "jszip";
import { plainValue } from "../helpers/exceljsValues";
import { cellAddress, parseRangeAddress, rangeAddress } from "../../src/domain/grid";
import type { FakeCell, FakeWorkbookState } from "../fakes/excel/state";
import type { XlsxWorkbook } from "../../src/adapters/xlsx/xlsxWorkbook";
import { readWithExcelJs } from "../helpers/exceljsRead";

/** A cell's look, with Excel's defaults left out (Calibri 11, black, bottom-aligned, General). */
export interface CellLook {
  numFmt?: string;
  bold?: boolean;
  italic?: boolean;
  size?: number;
  font?: string;
  color?: string;
  fill?: string;
  wrap?: boolean;
  hAlign?: string;
  vAlign?: string;
  border?: "thin" | "bottom" | "partial";
}

/** A data validation rule, as both engines can state it. */
export interface RuleModel {
  type: string;
  /** A list shows its arrow in the cell (OOXML's `showDropDown="1"` hides it, Office.js says `inCellDropDown`). */
  arrow?: boolean;
  operator?: string;
  formulae: string[];
  /** The error alert is shown on invalid entry (OOXML `showErrorMessage`, Office.js `errorAlert.showAlert`). */
  showError: boolean;
  /** The input message is shown on selecting a cell (`showInputMessage`, `prompt.showPrompt`). */
  showPrompt: boolean;
  errorStyle: string;
  errorTitle: string;
  error: string;
  promptTitle: string;
  prompt: string;
}

/** "from-2" when every page but the first carries the page number in its header's centre. */
function pageNumbersOf(differentFirst: boolean, header: string | undefined, firstHeader: string | undefined, firstPageNumber: number | undefined): string | undefined {
  const centre = (h: string | undefined) => (h ?? "").replace(/&[LR][^&]*/g, "");
  if (!/&P/.test(centre(header))) return undefined;
  return `${differentFirst && !/&P/.test(firstHeader ?? "") ? "from-2" : "all"}${firstPageNumber === 1 ? ", counted from 1" : ""}`;
}

/** A fake cell's borders as the model names them: "thin" all round, "bottom" a rule under it only. */
function fakeBorder(f: Record<string, unknown>): "thin" | "bottom" | "partial" | undefined {
  const on = (edge: string) => f[`border.${edge}`] === "Continuous";
  if (["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"].every(on)) return "thin";
  if (on("EdgeBottom") && !["EdgeTop", "EdgeLeft", "EdgeRight"].some(on)) return "bottom";
  return ["EdgeTop", "EdgeLeft", "EdgeRight"].some(on) ? "partial" : undefined;
}

export interface PrintModel {
  orientation?: string;
  paper?: string;
  marginsCm?: { top: number; bottom: number; left: number; right: number };
  /** "width": one page wide (fit-to-width in a file, a computed scale inside Excel). */
  fit?: string;
  printArea?: string;
  titleRows?: string;
  /** "from-2": the page number centred at the top of every page but the first. */
  pageNumbers?: string;
  /** Manual page breaks: each new page's first row, 1-based, joined by commas. */
  rowBreaks?: string;
}

/**
 * What both adapters must agree on: sheets in order, every cell's input and look, column widths,
 * row heights, tables (with their style), data validation (type, operator, formulas or list,
 * alert style and messages), conditional formats (rule and fill), merges, frozen rows, tab
 * colour and print setup.
 */
export interface WorkbookModel {
  sheets: {
    name: string;
    cells: Record<string, string | number | boolean>;
    looks: Record<string, CellLook>;
    widths: Record<string, number>;
    /** Formats of whole columns (what a cell typed there later takes). */
    columnLooks: Record<string, CellLook>;
    heights: Record<string, number>;
    tables: { name: string; ref: string; headers: string[]; style?: string }[];
    validations: string[];
    rules: Record<string, RuleModel>;
    conditionalFormats: string[];
    merges: string[];
    frozenRows: number;
    tabColor?: string;
    print: PrintModel;
    /** Native charts: `type|title|categories|values|cells it covers|axis 0..max|axis format|font`. */
    charts?: string[];
  }[];
}

/** A plain field as text (what a rule's attributes hold); anything else as "". */
const str = (v: unknown, fallback = ""): string => (typeof v === "string" || typeof v === "number" || typeof v === "boolean" ? String(v) : fallback);
const rgb = (argb: unknown) => (typeof argb === "string" ? argb.slice(-6).toUpperCase() : undefined);
const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;
/** Keys with a value only: a look with nothing set is no look. */
function defined<T extends object>(o: T): T | undefined {
  const out = Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
  return Object.keys(out).length > 0 ? out : undefined;
}

function look(l: CellLook): CellLook | undefined {
  return defined({
    ...l,
    numFmt: l.numFmt === "General" ? undefined : l.numFmt,
    bold: l.bold ? true : undefined,
    italic: l.italic ? true : undefined,
    size: l.size === 11 ? undefined : l.size,
    font: l.font === "Calibri" ? undefined : l.font,
    color: l.color === "000000" ? undefined : l.color,
    wrap: l.wrap ? true : undefined,
    hAlign: l.hAlign === "general" ? undefined : l.hAlign,
    vAlign: l.vAlign === "bottom" ? undefined : l.vAlign,
  });
}

/** The model of what the xlsx adapter holds, read back from its file by ExcelJS. */
export async function modelOfXlsx(port: XlsxWorkbook): Promise<WorkbookModel> {
  const bytes = await port.toBuffer();
  const model = modelOfExcelJs(await readWithExcelJs(bytes), await cellsInFile(bytes));
  // ExcelJS reads no charts: they are read from the drawing and chart parts; manual page breaks from the sheet.
  const { charts, breaks } = await chartsInFile(bytes);
  for (const s of model.sheets) {
    const c = charts.get(s.name);
    if (c && c.length > 0) s.charts = c;
    const b = breaks.get(s.name);
    if (b) s.print = { ...s.print, rowBreaks: b };
  }
  return model;
}

const attr = (xml: string, re: RegExp) => re.exec(xml)?.[1];
const unescape = (s: string) => s.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
/** `'BC năm 2021'!$J$12:$J$19` → `J12:J19`. */
const plainRef = (f: string | undefined) => unescape(f ?? "").replace(/^.*!/, "").replace(/\$/g, "");

/** Each sheet's charts, read from its drawing part and the chart parts it anchors. */
async function chartsInFile(bytes: Uint8Array): Promise<{ charts: Map<string, string[]>; breaks: Map<string, string> }> {
  const zip = await JSZip.loadAsync(bytes);
  const text = (name: string) => zip.file(name)?.async("string") ?? Promise.resolve("");
  const resolve = (from: string, target: string) => {
    const parts = from.split("/").slice(0, -1);
    for (const seg of target.split("/")) {
      if (seg === "..") parts.pop();
      else parts.push(seg);
    }
    return parts.join("/");
  };
  const relsOf = async (part: string) => {
    const dir = part.split("/").slice(0, -1).join("/");
    const xml = await text(`${dir}/_rels/${part.split("/").pop()}.rels`);
    return new Map([...xml.matchAll(/<Relationship\b[^>]*>/g)].map((m) => [attr(m[0], /Id="([^"]+)"/) ?? "", resolve(part, attr(m[0], /Target="([^"]+)"/) ?? "")] as const));
  };
  const workbook = await text("xl/workbook.xml");
  const bookRels = await relsOf("xl/workbook.xml");
  const out = new Map<string, string[]>();
  const breaks = new Map<string, string>();
  for (const m of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const name = unescape(attr(m[0], /name="([^"]+)"/) ?? "");
    const part = bookRels.get(attr(m[0], /r:id="([^"]+)"/) ?? "") ?? "";
    const sheetXml = await text(part);
    const rowBreaks = /<rowBreaks\b[\s\S]*?<\/rowBreaks>/.exec(sheetXml)?.[0];
    if (rowBreaks) breaks.set(name, [...rowBreaks.matchAll(/<brk\b[^>]*\bid="(\d+)"/g)].map((b) => Number(b[1]) + 1).join(","));
    const drawingId = attr(sheetXml, /<drawing\b[^>]*r:id="([^"]+)"/);
    if (!drawingId) continue;
    const drawingPart = (await relsOf(part)).get(drawingId) ?? "";
    const drawing = await text(drawingPart);
    const chartRels = await relsOf(drawingPart);
    const list: string[] = [];
    for (const a of drawing.matchAll(/<xdr:twoCellAnchor\b[\s\S]*?<\/xdr:twoCellAnchor>/g)) {
      const n = (tag: string, what: string) => Number(attr(a[0], new RegExp(`<xdr:${tag}>[\\s\\S]*?<xdr:${what}>(\\d+)</xdr:${what}>`)));
      const covers = rangeAddress({ top: n("from", "row"), left: n("from", "col"), bottom: n("to", "row") - 1, right: n("to", "col") - 1 });
      const chart = await text(chartRels.get(attr(a[0], /<c:chart\b[^>]*r:id="([^"]+)"/) ?? "") ?? "");
      const type = attr(chart, /<c:barDir val="(\w+)"/) === "bar" ? "BarClustered" : "other";
      const title = unescape([...(/<c:title>[\s\S]*?<\/c:title>/.exec(chart)?.[0] ?? "").matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((t) => t[1]).join(""));
      const cat = plainRef(attr(chart, /<c:cat>[\s\S]*?<c:f>([^<]*)<\/c:f>/));
      const val = plainRef(attr(chart, /<c:val>[\s\S]*?<c:f>([^<]*)<\/c:f>/));
      const valAx = /<c:valAx>[\s\S]*?<\/c:valAx>/.exec(chart)?.[0] ?? "";
      const font = attr(chart, /<c:chartSpace[\s\S]*<\/c:chart>[\s\S]*?<a:latin typeface="([^"]+)"/);
      list.push([type, title, cat, val, covers, `${attr(valAx, /<c:min val="([^"]+)"/)}..${attr(valAx, /<c:max val="([^"]+)"/)}`, unescape(attr(valAx, /<c:numFmt formatCode="([^"]+)"/) ?? ""), font ?? ""].join("|"));
    }
    out.set(name, list);
  }
  return { charts: out, breaks };
}

/**
 * The cells each sheet's XML holds (`<c r="B6" …>`), by sheet name, read with JSZip and a regular
 * expression: ExcelJS makes up a styled cell for every empty position of a row it walks.
 */
async function cellsInFile(bytes: Uint8Array): Promise<Map<string, Set<string>>> {
  const zip = await JSZip.loadAsync(bytes);
  const text = (name: string) => zip.file(name)?.async("string") ?? Promise.resolve("");
  const workbook = await text("xl/workbook.xml");
  const rels = await text("xl/_rels/workbook.xml.rels");
  const target = new Map([...rels.matchAll(/<Relationship\b[^>]*>/g)].map((m) => [/Id="([^"]+)"/.exec(m[0])?.[1] ?? "", /Target="([^"]+)"/.exec(m[0])?.[1] ?? ""] as const));
  const out = new Map<string, Set<string>>();
  for (const m of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const name = (/name="([^"]+)"/.exec(m[0])?.[1] ?? "").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
    const id = /r:id="([^"]+)"/.exec(m[0])?.[1] ?? "";
    const path = (target.get(id) ?? "").replace(/^\/?(xl\/)?/, "xl/");
    const xml = await text(path);
    out.set(name, new Set([...xml.matchAll(/<c\b[^>]*?\br="([A-Z]+\d+)"/g)].map((c) => c[1] as string)));
  }
  return out;
}

function excelJsRule(m: Record<string, unknown>): RuleModel {
  const formulae = ((m.formulae as unknown[] | undefined) ?? []).map((f) => (f instanceof Date ? String(Math.round((f.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000)) : String(f).replace(/^=/, "")));
  return {
    type: String(m.type),
    ...(m.type === "list" ? { arrow: m.showDropDown !== true && m.showDropDown !== "1" } : {}),
    ...(m.type !== "list" && m.operator ? { operator: str(m.operator) } : {}),
    formulae,
    showError: m.showErrorMessage === true || m.showErrorMessage === "1",
    showPrompt: m.showInputMessage === true || m.showInputMessage === "1",
    errorStyle: str(m.errorStyle, "stop"),
    errorTitle: str(m.errorTitle),
    error: str(m.error),
    promptTitle: str(m.promptTitle),
    prompt: str(m.prompt),
  };
}

export function modelOfExcelJs(book: ExcelJS.Workbook, inFile?: ReadonlyMap<string, ReadonlySet<string>>): WorkbookModel {
  return {
    sheets: book.worksheets.map((ws) => {
      const cells: Record<string, string | number | boolean> = {};
      const looks: Record<string, CellLook> = {};
      ws.eachRow({ includeEmpty: true }, (row) =>
        row.eachCell({ includeEmpty: true }, (cell) => {
          if (cell.isMerged && cell.master.address !== cell.address) return;
          if (inFile && !inFile.get(ws.name)?.has(cell.address)) return;
          const f = cell.font ?? {};
          const a = cell.alignment ?? {};
          const fill = cell.fill as { type?: string; pattern?: string; fgColor?: { argb?: string } } | undefined;
          const b = cell.border ?? {};
          const l = look({
            numFmt: cell.numFmt || undefined,
            bold: f.bold,
            italic: f.italic,
            size: f.size,
            font: f.name,
            color: rgb(f.color?.argb),
            fill: fill?.type === "pattern" && fill.pattern === "solid" ? rgb(fill.fgColor?.argb) : undefined,
            wrap: a.wrapText,
            hAlign: a.horizontal,
            vAlign: a.vertical,
            border: [b.top, b.bottom, b.left, b.right].every((e) => e?.style === "thin") ? "thin" : b.bottom?.style === "thin" && ![b.top, b.left, b.right].some((e) => e?.style) ? "bottom" : [b.top, b.left, b.right].some((e) => e?.style) ? "partial" : undefined,
          });
          if (l) looks[cell.address] = l;
          const v = plainValue(cell.value);
          if (v === null || v === "") return;
          cells[cell.address] = typeof v === "object" ? ("formula" in v ? `=${v.formula}` : v.error) : v;
        }),
      );
      const widths: Record<string, number> = {};
      const columnLooks: Record<string, CellLook> = {};
      (ws.columns ?? []).forEach((c, i) => {
        if (c.width !== undefined) widths[String(i)] = round(c.width);
        const st = c.style ?? {};
        const l = look({ numFmt: st.numFmt || undefined, bold: st.font?.bold, italic: st.font?.italic, size: st.font?.size, font: st.font?.name, color: rgb(st.font?.color?.argb), wrap: st.alignment?.wrapText, hAlign: st.alignment?.horizontal, vAlign: st.alignment?.vertical });
        if (l) columnLooks[String(i)] = l;
      });
      const heights: Record<string, number> = {};
      ws.eachRow({ includeEmpty: true }, (row, n) => {
        if (row.height !== undefined) heights[String(n - 1)] = round(row.height);
      });
      const tables = (ws.getTables() as unknown as { table: { name: string; tableRef: string; columns: { name: string }[]; style?: { theme?: string } } }[]).map((t) => ({
        name: t.table.name,
        ref: t.table.tableRef,
        headers: t.table.columns.map((c) => c.name),
        ...(t.table.style?.theme ? { style: t.table.style.theme } : {}),
      }));
      const dvModel = (ws as unknown as { dataValidations: { model: Record<string, Record<string, unknown>> } }).dataValidations.model;
      const dv = Object.keys(dvModel).sort();
      const rules = Object.fromEntries(dv.map((k) => [k, excelJsRule(dvModel[k]!)]));
      type Side = { style?: string } | undefined;
      const cfs = (ws as unknown as { conditionalFormattings: { ref: string; rules: { formulae?: string[]; style?: { fill?: { bgColor?: { argb?: string } }; font?: { color?: { argb?: string } }; border?: Record<string, Side> } }[] }[] }).conditionalFormattings
        .map((cf) => {
          const r = cf.rules[0];
          const b = r?.style?.border;
          const box = b && ["top", "bottom", "left", "right"].every((k) => b[k]?.style === "thin") ? "|box" : "";
          return `${cf.ref}|${r?.formulae?.[0] ?? ""}|${rgb(r?.style?.fill?.bgColor?.argb) ?? ""}|${rgb(r?.style?.font?.color?.argb) ?? ""}${box}`;
        })
        .sort();
      const merges = ((ws.model as unknown as { merges?: string[] }).merges ?? []).slice().sort();
      const view = (ws.views as unknown[] | null)?.[0] as { state?: string; ySplit?: number } | undefined;
      const ps = ws.pageSetup;
      const inchToCm = (n: number | undefined) => round((n ?? 0) * 2.54, 2);
      // Excel's defaults (portrait, margins of 0.7 and 0.75 inch) on a sheet nobody set up for print are no print setup.
      const m = ps.margins;
      const defaultMargins = !m || (m.left === 0.7 && m.right === 0.7 && m.top === 0.75 && m.bottom === 0.75);
      const hasPrint = Boolean(ps.fitToPage || ps.printArea || ps.printTitlesRow || !defaultMargins || (ps.orientation !== undefined && ps.orientation !== "portrait"));
      const print: PrintModel = hasPrint
        ? (defined({
            orientation: ps.orientation,
            paper: Number(ps.paperSize) === 9 ? "A4" : ps.paperSize === undefined ? undefined : String(ps.paperSize),
            marginsCm: ps.margins ? { top: inchToCm(ps.margins.top), bottom: inchToCm(ps.margins.bottom), left: inchToCm(ps.margins.left), right: inchToCm(ps.margins.right) } : undefined,
            fit: ps.fitToPage ? (ps.fitToWidth === 1 && ps.fitToHeight === 0 ? "width" : `${ps.fitToWidth ?? 1}x${ps.fitToHeight ?? 1}`) : undefined,
            printArea: ps.printArea ? ps.printArea.replace(/\$/g, "").replace(/^.*!/, "") : undefined,
            titleRows: ps.printTitlesRow ? ps.printTitlesRow.replace(/\$/g, "") : undefined,
            pageNumbers: pageNumbersOf(ws.headerFooter?.differentFirst === true, ws.headerFooter?.oddHeader, ws.headerFooter?.firstHeader, ps.firstPageNumber),
          }) ?? {})
        : {};
      const tab = rgb((ws.properties as { tabColor?: { argb?: string } }).tabColor?.argb);
      return { name: ws.name, cells, looks, widths, columnLooks, heights, tables, validations: dv, rules, conditionalFormats: cfs, merges, frozenRows: view?.state === "frozen" ? (view.ySplit ?? 0) : 0, ...(tab ? { tabColor: tab } : {}), print };
    }),
  };
}

function fakeLook(c: Pick<FakeCell, "format" | "numberFormat">): CellLook | undefined {
  const f = (c.format ?? {});
  const hex = (v: unknown) => (typeof v === "string" ? v.replace(/^#/, "").toUpperCase() : undefined);
  const align = (v: unknown) => (typeof v === "string" ? (v === "Center" && "verticalAlignment" in f && f.verticalAlignment === v ? v.toLowerCase() : v.toLowerCase()) : undefined);
  return look({
    numFmt: c.numberFormat,
    bold: f["font.bold"] as boolean | undefined,
    italic: f["font.italic"] as boolean | undefined,
    size: f["font.size"] as number | undefined,
    font: f["font.name"] as string | undefined,
    color: hex(f["font.color"]),
    fill: hex(f["fill.color"]),
    wrap: f.wrapText as boolean | undefined,
    hAlign: align(f.horizontalAlignment),
    vAlign: f.verticalAlignment === "Center" ? "middle" : align(f.verticalAlignment),
    border: fakeBorder(f),
  });
}

/** `{ list: { source } }`, `{ wholeNumber: {…} }`, `{ date: {…} }` as the model states a rule. */
function fakeRule(v: FakeWorkbookState["sheets"][number]["validations"][number]): RuleModel {
  const rule = (v.rule ?? {}) as Record<string, Record<string, unknown>>;
  const [kind, body] = Object.entries(rule)[0] ?? ["", {}];
  const type = kind === "wholeNumber" ? "whole" : kind;
  const op = str(body.operator);
  const operator = op ? op.charAt(0).toLowerCase() + op.slice(1).replace(/To$/, "") : undefined;
  const formula = (x: unknown) => String(x).replace(/^=/, "");
  const formulae = kind === "list" ? [String(body.source).startsWith("=") ? formula(body.source) : `"${String(body.source)}"`] : [body.formula1, body.formula2].filter((x) => x !== undefined).map(formula);
  const alert = (v.errorAlert ?? {}) as Record<string, unknown>;
  const prompt = (v.prompt ?? {}) as Record<string, unknown>;
  return {
    type,
    ...(kind === "list" ? { arrow: body.inCellDropDown === true } : {}),
    ...(kind !== "list" && operator ? { operator } : {}),
    formulae,
    // DataValidationErrorAlert.showAlert: "The default is true."
    showError: alert.showAlert !== false,
    showPrompt: prompt.showPrompt === true,
    errorStyle: str(alert.style, "Stop").toLowerCase(),
    errorTitle: str(alert.title),
    error: str(alert.message),
    promptTitle: str(prompt.title),
    prompt: str(prompt.message),
  };
}

/** Characters of a column from the points Excel was given: the inverse of (chars × 7 + 5) × 0.75. */
// The inverse of columnWidthPoints: a file's width (padding included) from Excel's whole pixels of 7 a unit.
const charsOfPoints = (points: number) => round(points / 0.75 / 7);

export function modelOfFake(state: FakeWorkbookState): WorkbookModel {
  return {
    sheets: state.sheets.map((s) => {
      const cells: Record<string, string | number | boolean> = {};
      const looks: Record<string, CellLook> = {};
      for (const [key, c] of s.cells) {
        const [r, col] = key.split(":").map(Number) as [number, number];
        const l = fakeLook(c);
        if (l) looks[cellAddress(r, col)] = l;
        if (c.formula) cells[cellAddress(r, col)] = c.formula;
        else if (c.value !== "") cells[cellAddress(r, col)] = c.value;
      }
      // A merged area shows its first cell: its look is that cell's, as a file reader sees it.
      for (const m of s.merges) {
        const box = m.split(":");
        for (const a of Object.keys(looks)) if (a !== box[0] && inside(a, m)) delete looks[a];
      }
      const widths = Object.fromEntries([...s.columnWidths].map(([c, p]) => [c, charsOfPoints(p)]));
      const columnLooks = Object.fromEntries([...s.columnFormats].flatMap(([c, f]) => {
        const l = fakeLook(f);
        return l ? [[String(c), l] as const] : [];
      }));
      const heights = Object.fromEntries([...s.rowHeights].map(([r, h]) => [r, round(h)]));
      const pl = s.pageLayout;
      const cm = (k: string) => round(Number(pl[k] ?? 0) / 28.3465, 2);
      const zoom = pl.zoom as { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number } | undefined;
      const print: PrintModel =
        Object.keys(pl).length === 0
          ? {}
          : (defined({
              orientation: typeof pl.orientation === "string" ? pl.orientation.toLowerCase() : undefined,
              paper: typeof pl.paperSize === "string" ? pl.paperSize : undefined,
              marginsCm: "topMargin" in pl ? { top: cm("topMargin"), bottom: cm("bottomMargin"), left: cm("leftMargin"), right: cm("rightMargin") } : undefined,
              fit: zoom ? (zoom.scale !== undefined ? "width" : `${zoom.horizontalFitToPages ?? 1}x${zoom.verticalFitToPages ?? 1}`) : undefined,
              printArea: typeof pl.printArea === "string" ? pl.printArea.replace(/\$/g, "") : undefined,
              titleRows: typeof pl.printTitleRows === "string" ? pl.printTitleRows.replace(/\$/g, "") : undefined,
              pageNumbers: pageNumbersOf(pl.headerFooterState === "FirstAndDefault", pl.defaultCenterHeader as string | undefined, pl.firstCenterHeader as string | undefined, pl.firstPageNumber as number | undefined),
              rowBreaks: Array.isArray(pl.rowBreaks) ? (pl.rowBreaks as number[]).map((r) => r + 1).join(",") : undefined,
            }) ?? {});
      return {
        name: s.name,
        cells,
        looks,
        widths,
        columnLooks,
        heights,
        tables: state.tables.filter((t) => t.sheet === s).map((t) => ({ name: t.name, ref: rangeAddress(t.box), headers: t.headers, ...(t.style ? { style: t.style } : {}) })),
        validations: s.validations.map((v) => v.address).sort(),
        rules: Object.fromEntries(s.validations.map((v) => [v.address, fakeRule(v)] as const).sort(([a], [b]) => (a < b ? -1 : 1))),
        conditionalFormats: s.conditionalFormats
          .map((cf) => `${cf.address}|${cf.formula.replace(/^=/, "")}|${cf.fill?.replace(/^#/, "").toUpperCase() ?? ""}|${cf.fontColor?.replace(/^#/, "").toUpperCase() ?? ""}${["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"].every((e) => cf.borders?.[e] === "Continuous") ? "|box" : ""}`)
          .sort(),
        merges: [...s.merges].sort(),
        frozenRows: s.frozenRows,
        ...(s.tabColor ? { tabColor: s.tabColor.replace(/^#/, "").toUpperCase() } : {}),
        print,
        ...(s.charts && s.charts.length > 0 ? { charts: s.charts.map(fakeChart) } : {}),
      };
    }),
  };
}

/** A chart added inside Excel, in the model's words: its source's first column is the categories, the rest the values, under the series' name. */
function fakeChart(c: NonNullable<FakeWorkbookState["sheets"][number]["charts"]>[number]): string {
  const box = parseRangeAddress(c.source.replace(/^.*!/, ""))!;
  const cat = rangeAddress({ top: box.top + 1, bottom: box.bottom, left: box.left, right: box.left });
  const val = rangeAddress({ top: box.top + 1, bottom: box.bottom, left: box.left + 1, right: box.right });
  const p = c.props;
  return [c.seriesBy === "Columns" ? c.type : `${c.type} by ${c.seriesBy}`, str(p.title), cat, val, str(p.position), `${str(p["valueAxis.minimum"])}..${str(p["valueAxis.maximum"])}`, str(p["valueAxis.numberFormat"]), str(p.font)].join("|");
}

function inside(address: string, range: string): boolean {
  const m = /^([A-Z]+)(\d+)$/.exec(address);
  const r = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(range);
  if (!m || !r) return false;
  const col = (s: string) => [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const [c, row] = [col(m[1]!), Number(m[2])];
  return c >= col(r[1]!) && c <= col(r[3]!) && row >= Number(r[2]) && row <= Number(r[4]);
}
