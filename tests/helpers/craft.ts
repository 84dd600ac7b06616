// Returns crafted as a hostile sender would: by editing the file's XML and rewriting its zip by
// hand (Node's zlib, a zip writer of a few lines here), never through the product's own writer.
import { readFileSync, writeFileSync } from "node:fs";
import { deflateRawSync } from "node:zlib";
import JSZip from "jszip";
import { cellAddress, parseCellAddress } from "../../src/domain/grid";
import { readWithExcelJs } from "./exceljsRead";

/** Every part of a zip, inflated (JSZip: an independent reader). */
export async function zipEntries(file: string): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const out = new Map<string, Buffer>();
  for (const [name, entry] of Object.entries(zip.files)) if (!entry.dir) out.set(name, await entry.async("nodebuffer"));
  return out;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(b: Uint8Array): number {
  let c = 0xffffffff;
  for (const x of b) c = (CRC_TABLE[(c ^ x) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/**
 * Writes a zip of `entries` (deflated), as a hand-made tool would. `declare` makes an entry lie
 * about its inflated size (a zip bomb that claims to be small).
 */
export function writeZip(file: string, entries: ReadonlyMap<string, Uint8Array>, declare: ReadonlyMap<string, number> = new Map()): void {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of entries) {
    const nameBytes = Buffer.from(name, "utf8");
    const packed = deflateRawSync(data);
    const size = declare.get(name) ?? data.length;
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const head = Buffer.alloc(46);
    head.writeUInt32LE(0x02014b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(20, 6);
    head.writeUInt16LE(0x0800, 8);
    head.writeUInt16LE(8, 10);
    head.writeUInt32LE(crc, 16);
    head.writeUInt32LE(packed.length, 20);
    head.writeUInt32LE(size, 24);
    head.writeUInt16LE(nameBytes.length, 28);
    head.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, packed);
    central.push(head, nameBytes);
    offset += local.length + nameBytes.length + packed.length;
  }
  const dir = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.size, 8);
  end.writeUInt16LE(entries.size, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  writeFileSync(file, Buffer.concat([...locals, dir, end]));
}

/** The part of a sheet, by its name (workbook.xml and its relationships). */
export function sheetPart(entries: ReadonlyMap<string, Uint8Array>, sheet: string): string {
  const workbook = Buffer.from(entries.get("xl/workbook.xml") as Uint8Array).toString("utf8");
  const rels = Buffer.from(entries.get("xl/_rels/workbook.xml.rels") as Uint8Array).toString("utf8");
  const escaped = sheet.replace(/&/g, "&amp;").replace(/"/g, "&quot;");
  const rid = new RegExp(`<sheet [^>]*name="${escaped.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}"[^>]*r:id="([^"]+)"`).exec(workbook)?.[1];
  const target = rid ? new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${rid}"`).exec(rels) : null;
  const path = target?.[1] ?? target?.[2];
  if (!path) throw new Error(`no sheet ${sheet}`);
  return path.startsWith("/") ? path.slice(1) : `xl/${path}`;
}

/** The table part whose displayName is `name`. */
export function tablePart(entries: ReadonlyMap<string, Uint8Array>, name: string): string {
  for (const [part, data] of entries) if (/^xl\/tables\/[^/]+\.xml$/.test(part) && Buffer.from(data).toString("utf8").includes(`displayName="${name}"`)) return part;
  throw new Error(`no table ${name}`);
}

const xmlText = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

function cellXmlOf(ref: string, value: string | number | null): string {
  if (value === null) return `<c r="${ref}"/>`;
  if (typeof value === "number") return `<c r="${ref}"><v>${value}</v></c>`;
  return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${xmlText(value)}</t></is></c>`;
}

/**
 * Sets cells in a sheet's XML (`{ B5: "Công an xã", G5: 44550 }`): a cell replaced where it is,
 * added in column order, its row added in row order where missing. Text as inline strings.
 */
export function setCells(xml: string, cells: Readonly<Record<string, string | number | null>>): string {
  let out = xml;
  for (const [ref, value] of Object.entries(cells)) {
    const at = parseCellAddress(ref);
    if (!at) throw new Error(ref);
    const r = at.row + 1;
    const rowRe = new RegExp(`<row [^>]*r="${r}"[^>]*?(?:/>|>[\\s\\S]*?</row>)`);
    const row = rowRe.exec(out);
    const cell = cellXmlOf(ref, value);
    if (!row) {
      // A new row, before the first row numbered after it (or at the end of sheetData).
      const rows = [...out.matchAll(/<row [^>]*r="(\d+)"/g)];
      const next = rows.find((m) => Number(m[1]) > r);
      const insert = `<row r="${r}">${cell}</row>`;
      out = next ? out.slice(0, next.index) + insert + out.slice(next.index) : out.replace(/<\/sheetData>|<sheetData\/>/, (m) => (m === "<sheetData/>" ? `<sheetData>${insert}</sheetData>` : `${insert}</sheetData>`));
      continue;
    }
    let text = row[0];
    if (text.endsWith("/>")) text = `${text.slice(0, -2)}></row>`;
    const cellRe = new RegExp(`<c r="${ref}"(?:[^>]*?/>|[^>]*>[\\s\\S]*?</c>)`);
    if (cellRe.test(text)) text = text.replace(cellRe, cell);
    else {
      const cells = [...text.matchAll(/<c r="([A-Z]+)\d+"/g)];
      const next = cells.find((m) => (parseCellAddress(`${m[1]}1`)?.col ?? 0) > at.col);
      const i = next?.index ?? text.lastIndexOf("</row>");
      text = text.slice(0, i) + cell + text.slice(i);
    }
    out = out.slice(0, row.index) + text + out.slice(row.index + row[0].length);
  }
  return out;
}

/** Edits a return in place: each named sheet's XML through `edit`. */
export async function editSheets(file: string, edits: Readonly<Record<string, (xml: string) => string>>, entryEdits: (entries: Map<string, Buffer>) => void = () => undefined): Promise<void> {
  const entries = await zipEntries(file);
  for (const [sheet, edit] of Object.entries(edits)) {
    const part = sheetPart(entries, sheet);
    entries.set(part, Buffer.from(edit(Buffer.from(entries.get(part) as Uint8Array).toString("utf8")), "utf8"));
  }
  entryEdits(entries);
  writeZip(file, entries);
}

/** Every cell of every sheet as an independent reader (ExcelJS) sees it: `Sheet!A1` → value. */
export async function cellMap(file: string): Promise<Map<string, string>> {
  const book = await readWithExcelJs(readFileSync(file));
  const out = new Map<string, string>();
  for (const ws of book.worksheets) {
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        const v = cell.value;
        if (v === null || v === undefined || v === "") return;
        out.set(`${ws.name}!${cellAddress(r - 1, c - 1)}`, v instanceof Date ? `date:${v.getTime()}` : JSON.stringify(v));
      });
    });
  }
  return out;
}

/** The cells that differ between two maps of `cellMap`, as `Sheet!A1`. */
export function changedCells(before: ReadonlyMap<string, string>, after: ReadonlyMap<string, string>): string[] {
  const keys = new Set([...before.keys(), ...after.keys()]);
  return [...keys].filter((k) => before.get(k) !== after.get(k)).sort();
}
