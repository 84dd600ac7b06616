import { parseRangeAddress, rangeAddress, type RangeBox } from "../../../domain/grid";
import { childElements, createLike, firstChild, parseXml, rootOf, serializeXml, escapeAttr, escapeText, encodeExcelText } from "./xml";

/** A table part as read: its name, where it is, its columns, its header and totals rows. */
export interface TableInfo {
  part: string;
  id: number;
  name: string;
  /** The whole `ref`, totals row included. */
  ref: RangeBox;
  headerRows: number;
  totalsRows: number;
  headers: string[];
}

export function readTable(xml: string, part: string): TableInfo | undefined {
  const root = rootOf(parseXml(xml, part), part);
  const ref = parseRangeAddress(root.getAttribute("ref") ?? "");
  if (!ref) return undefined;
  const cols = firstChild(root, "tableColumns");
  return {
    part,
    id: Number(root.getAttribute("id") ?? 0),
    name: root.getAttribute("displayName") ?? root.getAttribute("name") ?? "",
    ref,
    headerRows: root.getAttribute("headerRowCount") === "0" ? 0 : 1,
    totalsRows: Number(root.getAttribute("totalsRowCount") ?? 0) > 0 ? 1 : 0,
    headers: (cols ? childElements(cols, "tableColumn") : []).map((c) => c.getAttribute("name") ?? ""),
  };
}

/** Header and body of a table (what the port calls its range): no totals row. */
export function bodyBox(t: TableInfo): RangeBox {
  return { ...t.ref, bottom: t.ref.bottom - t.totalsRows };
}

export interface NewTable {
  id: number;
  name: string;
  range: RangeBox;
  headers: readonly string[];
  calculatedColumns?: Readonly<Record<string, string>>;
  style?: string;
}

/** A new table part: header row, filter buttons, banded rows, calculated columns carried. */
export function newTableXml(t: NewTable, mainNs: string): string {
  const ref = rangeAddress(t.range);
  const columns = t.headers
    .map((h, i) => {
      const f = t.calculatedColumns?.[h];
      const name = escapeAttr(encodeExcelText(h));
      return f === undefined
        ? `<tableColumn id="${i + 1}" name="${name}"/>`
        : `<tableColumn id="${i + 1}" name="${name}"><calculatedColumnFormula>${escapeText(f)}</calculatedColumnFormula></tableColumn>`;
    })
    .join("");
  const name = escapeAttr(t.name);
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<table xmlns="${mainNs}" id="${t.id}" name="${name}" displayName="${name}" ref="${ref}" headerRowCount="1" totalsRowShown="0">` +
    `<autoFilter ref="${ref}"/><tableColumns count="${t.headers.length}">${columns}</tableColumns>` +
    `<tableStyleInfo name="${escapeAttr(t.style ?? "TableStyleMedium2")}" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`
  );
}

/**
 * A table grown in place: columns added at its right end, its body extended down. A totals row
 * stays the last row, below the body.
 */
export function changedTableXml(xml: string, part: string, addHeaders: readonly string[], newBodyBottom: number | undefined, calculated: Readonly<Record<string, string>> = {}): string {
  const doc = parseXml(xml, part);
  const root = rootOf(doc, part);
  const info = readTable(xml, part);
  if (!info) throw new Error(`${part}: table without ref`);
  const cols = firstChild(root, "tableColumns");
  if (!cols) throw new Error(`${part}: table without columns`);
  let nextId = Math.max(0, ...childElements(cols, "tableColumn").map((c) => Number(c.getAttribute("id") ?? 0))) + 1;
  for (const h of addHeaders) {
    const c = createLike(doc, root, "tableColumn");
    c.setAttribute("id", String(nextId++));
    c.setAttribute("name", encodeExcelText(h));
    const f = calculated[h];
    if (f !== undefined) {
      const cf = createLike(doc, root, "calculatedColumnFormula");
      cf.appendChild(doc.createTextNode(f));
      c.appendChild(cf);
    }
    cols.appendChild(c);
  }
  cols.setAttribute("count", String(childElements(cols, "tableColumn").length));
  const body = bodyBox(info);
  const bottom = Math.max(body.bottom, newBodyBottom ?? body.bottom);
  const ref = { ...info.ref, right: info.ref.right + addHeaders.length, bottom: bottom + info.totalsRows };
  root.setAttribute("ref", rangeAddress(ref));
  const filter = firstChild(root, "autoFilter");
  if (filter) filter.setAttribute("ref", rangeAddress({ ...ref, bottom: ref.bottom - info.totalsRows }));
  return serializeXml(doc);
}
