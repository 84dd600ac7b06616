import { foldKey } from "../cells/text";
import { isoToSerial } from "../dates";
import type { CellScalar, Grid } from "../grid";
import { findTable } from "../tables";
import { camKetTable, dongGopTable, nhiemVuTable } from "../sheets/specs";
import { hash64 } from "../text";
import type { TableData } from "../workbook";
import { KIND_WORDS, kindOf, isoOf, type ReturnKind } from "./receipts";
import { appendRecords, recordRows, type RecordTable } from "./records";

// The commune workbook's own record of the forms it issued: each form's id (drawn at random), whose
// it is, its period and due date, and exactly what it may change, with what was sent and what came
// back. A return is matched by its id to this record and to nothing it says about itself.

export const ISSUED_SHEET = "Phiếu đã phát";
export const ISSUED_TABLE = "tblPhieuDaPhat";
export const ISSUED_HEADERS = ["Mã phiếu", "Phiếu của", "Loại phiếu", "Từ ngày", "Đến ngày", "Ngày gửi", "Hạn gửi lại", "Tệp"] as const;
const ISSUED: RecordTable = { sheet: ISSUED_SHEET, table: ISSUED_TABLE, headers: ISSUED_HEADERS, widths: [36, 34, 11, 12, 12, 12, 12, 48], dates: ["Từ ngày", "Đến ngày", "Ngày gửi", "Hạn gửi lại"] };

/** What each form may change: one line per task cell or per row, as sent and as received. */
export const SCOPE_SHEET = "Dữ liệu phiếu";
export const SCOPE_TABLE = "tblDuLieuPhieu";
export const SCOPE_HEADERS = ["Mã phiếu", "Bảng", "Khóa", "Cột", "Giá trị", "Nguồn"] as const;
const SCOPE: RecordTable = { sheet: SCOPE_SHEET, table: SCOPE_TABLE, headers: SCOPE_HEADERS, widths: [36, 14, 60, 20, 40, 10] };
/** Columns whose values are dates, in the tables forms reach: a scope line of one shows its value as a date. */
const DATE_COLUMNS = new Set([nhiemVuTable, camKetTable, dongGopTable].flatMap((t) => t.columns.filter((c) => c.kind === "date").map((c) => `${t.name}|${c.header}`)));
const SOURCE_WORDS = { sent: "Đã gửi", received: "Đã nhận" } as const;

/** The column of a line that stands for a whole row (its value is the row's fingerprint). */
export const WHOLE_ROW = "*";

/** A form as the commune workbook issued it. */
export interface IssuedForm {
  id: string;
  who: string;
  kind: ReturnKind;
  from: string;
  to: string;
  sentAt: string;
  due: string;
  file: string;
}

/** One thing a form may change: a task's cell (key: the task, column: its field) or a row (column `*`). */
export interface ScopeLine {
  form: string;
  table: string;
  key: string;
  column: string;
  value: CellScalar;
  source: keyof typeof SOURCE_WORDS;
}

/** What one form may change, as sent, and what its returns brought so far (the latest of each). */
export interface FormScope {
  sent: Map<string, Map<string, CellScalar>>;
  received: Map<string, Map<string, CellScalar>>;
}

const lineKey = (table: string, key: string) => `${foldKey(table)}|${key}`;

/** The forms the workbook issued, by id. */
export function issuedForms(tables: ReadonlyMap<string, TableData>): Map<string, IssuedForm> {
  const out = new Map<string, IssuedForm>();
  for (const r of recordRows(findTable(tables, ISSUED_TABLE), ISSUED_HEADERS)) {
    const id = typeof r["Mã phiếu"] === "string" ? r["Mã phiếu"].trim() : "";
    const kind = kindOf(r["Loại phiếu"] ?? null);
    const who = typeof r["Phiếu của"] === "string" ? r["Phiếu của"].trim() : "";
    if (id === "" || !kind || who === "" || out.has(id)) continue;
    out.set(id, { id, who, kind, from: isoOf(r["Từ ngày"] ?? null), to: isoOf(r["Đến ngày"] ?? null), sentAt: isoOf(r["Ngày gửi"] ?? null), due: isoOf(r["Hạn gửi lại"] ?? null), file: String(r["Tệp"] ?? "") });
  }
  return out;
}

/** Every form's scope, by form id: lines in table order, a later line of the same cell replacing an earlier one. */
export function formScopes(tables: ReadonlyMap<string, TableData>): Map<string, FormScope> {
  const out = new Map<string, FormScope>();
  for (const r of recordRows(findTable(tables, SCOPE_TABLE), SCOPE_HEADERS)) {
    const form = typeof r["Mã phiếu"] === "string" ? r["Mã phiếu"].trim() : "";
    const source = r["Nguồn"] === SOURCE_WORDS.sent ? "sent" : r["Nguồn"] === SOURCE_WORDS.received ? "received" : undefined;
    if (form === "" || !source) continue;
    let scope = out.get(form);
    if (!scope) out.set(form, (scope = { sent: new Map(), received: new Map() }));
    const k = lineKey(String(r["Bảng"] ?? ""), String(r["Khóa"] ?? ""));
    let cells = scope[source].get(k);
    if (!cells) scope[source].set(k, (cells = new Map<string, CellScalar>()));
    cells.set(String(r["Cột"] ?? ""), r["Giá trị"] ?? null);
  }
  return out;
}

/** A scope's cells for one table and key, as sent or as last received. */
export function scopeCells(scope: FormScope | undefined, source: keyof FormScope, table: string, key: string): Map<string, CellScalar> | undefined {
  return scope?.[source].get(lineKey(table, key));
}

/** The keys a scope was sent for, in one table. */
export function sentKeys(scope: FormScope | undefined, table: string): Set<string> {
  const prefix = `${foldKey(table)}|`;
  return new Set([...(scope?.sent.keys() ?? [])].filter((k) => k.startsWith(prefix)).map((k) => k.slice(prefix.length)));
}

/**
 * A row's fingerprint over `columns`: text folded as the workbook compares it, numbers as they are.
 * Two rows with the same values have the same fingerprint, whatever their place in the table.
 */
export function rowFingerprint(row: Readonly<Record<string, CellScalar>>, columns: readonly string[]): string {
  return hash64(columns.map((c) => {
    const v = row[c] ?? null;
    return typeof v === "string" ? foldKey(v) : v === null ? "" : String(v);
  }).join("\u001f"));
}

const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/**
 * A form's id from random bytes (the caller draws them: 15 bytes, 120 bits): Crockford base-32 in
 * groups of six, `PH-7K2Q9D-…`, easy to read aloud and impossible to guess.
 */
export function formId(random: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = "";
  for (const byte of random) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += CROCKFORD[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  return `PH-${out.match(/.{1,6}/g)?.join("-") ?? out}`;
}

/** The grids recording issued forms and their scope lines (tables made on first use). */
export function issuedGrids(tables: ReadonlyMap<string, TableData>, forms: readonly IssuedForm[], lines: readonly ScopeLine[]): Grid[] {
  const grids: Grid[] = [];
  if (forms.length > 0) {
    grids.push(appendRecords(findTable(tables, ISSUED_TABLE), ISSUED, forms.map((f) => [f.id, f.who, KIND_WORDS[f.kind], isoToSerial(f.from), isoToSerial(f.to), isoToSerial(f.sentAt), isoToSerial(f.due), f.file])));
  }
  if (lines.length > 0) grids.push(scopeGrid(tables, lines));
  return grids;
}

/** The grid appending scope lines (what was sent, or what a return brought); a date as a date. */
export function scopeGrid(tables: ReadonlyMap<string, TableData>, lines: readonly ScopeLine[]): Grid {
  const rows = lines.map((l) => [l.form, l.table, l.key, l.column, l.value, SOURCE_WORDS[l.source]]);
  return appendRecords(findTable(tables, SCOPE_TABLE), SCOPE, rows, (k, header) => header === "Giá trị" && DATE_COLUMNS.has(`${lines[k]?.table}|${lines[k]?.column}`));
}
