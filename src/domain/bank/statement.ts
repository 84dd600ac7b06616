import { readDate } from "../cells/date";
import { readNumber } from "../cells/number";
import { foldKey } from "../cells/text";
import { columnLetter, parseCellAddress, type CellValue } from "../grid";

// A bank statement (sao kê) as banks export it: title rows, a header row whose words differ from bank
// to bank ("Ngày giao dịch", "Số tham chiếu", "Ghi nợ"/"Ghi có" or one signed "Số tiền", "Nội dung"
// or "Mô tả"), the lines, totals below. Columns are recognised by their headers; what is unsure is
// said, and `--map` names them. Nothing a statement says about itself is believed but its lines.

/** What a column of a statement holds. */
export type StatementRole = "date" | "reference" | "debit" | "credit" | "amount" | "remark" | "balance";

/** Which column (0-based) holds what. */
export type StatementMapping = Partial<Record<StatementRole, number>>;

/** One line of a statement: money in is positive, money out negative, whole đồng. */
export interface StatementLine {
  /** The line's row in the statement file, as its program numbers it (1-based). */
  line: number;
  date: string;
  reference: string;
  amount: number;
  remark: string;
  balance?: number;
}

export interface Statement {
  file: string;
  /** The account number the statement's title gives, digits only; undefined when it gives none. */
  account?: string;
  mapping: StatementMapping;
  /** The header row (1-based), where the mapping was read. */
  headerRow: number;
  lines: StatementLine[];
  /** Rows between the header and the end that hold something but cannot be read as a line. */
  unreadable: { line: number; reason: "date" | "amount" }[];
  /** The balance before the first line and after the last, where the statement gives them. */
  opening?: number;
  closing?: number;
}

/** A statement whose columns cannot be told: the reason, and the header row guessed (if any). */
export class StatementFormatError extends Error {
  constructor(
    readonly file: string,
    readonly problem: "no-header" | "no-amount" | "bad-map" | "too-many-lines",
    readonly detail = "",
  ) {
    super(`${file}: ${problem} ${detail}`);
    this.name = "StatementFormatError";
  }
}

/** The most lines a statement is read with (a half-year of a busy account; 200,000 is the benchmark's). */
export const MAX_STATEMENT_LINES = 500_000;
/** How far down a statement's header row is looked for. */
const HEADER_SEARCH_ROWS = 60;

/** Words of each role's header, accents folded, in the order they are tried (a "Số tiền ghi nợ" is a debit, not an amount). */
const HEADER_WORDS: [StatementRole, RegExp][] = [
  ["balance", /\b(so du|balance)\b/],
  ["debit", /\b(ghi no|no tk|debit|tien ra|rut ra|so tien no|chi ra)\b|^no$|^(ps )?no$/],
  ["credit", /\b(ghi co|co tk|credit|tien vao|gui vao|so tien co|thu vao)\b|^co$|^(ps )?co$/],
  ["reference", /\b(so tham chieu|tham chieu|so ct|so chung tu|ma gd|ma giao dich|reference|ref no|so but toan|transaction no|seq)\b/],
  ["remark", /\b(noi dung|mo ta|dien giai|description|details|remarks?|chi tiet|narrative)\b/],
  ["amount", /\b(so tien|amount|phat sinh)\b/],
  ["date", /\b(ngay|date)\b/],
];

function roleOf(header: string): StatementRole | undefined {
  const h = foldKey(header.replace(/[\n\r/()]+/g, " "));
  if (h === "") return undefined;
  for (const [role, words] of HEADER_WORDS) if (words.test(h)) return role;
  return undefined;
}

/** A cell as text: a formula by its result; an error, nothing. */
function text(v: CellValue | undefined): string {
  if (v === null || v === undefined) return "";
  if (typeof v !== "object") return String(v);
  if (!("formula" in v)) return "";
  const r = v.result;
  return r === null || r === undefined || typeof r === "object" ? "" : String(r);
}

/** The mapping a header row gives: the first column of each role (a transaction date before a value date). */
function mappingOf(row: readonly CellValue[]): StatementMapping {
  const m: StatementMapping = {};
  row.forEach((cell, col) => {
    const role = roleOf(text(cell));
    if (role && m[role] === undefined) m[role] = col;
  });
  return m;
}

const usable = (m: StatementMapping) => m.date !== undefined && (m.credit !== undefined || m.amount !== undefined);
const score = (m: StatementMapping) => Object.keys(m).length;

/**
 * `--map date=A,credit=F,remark=D`: columns named by letter for roles the headers do not say
 * plainly; what it names replaces the guess.
 */
export function parseMapping(spec: string): StatementMapping | undefined {
  const m: StatementMapping = {};
  for (const part of spec.split(",").map((p) => p.trim()).filter(Boolean)) {
    const [role, col] = part.split("=").map((x) => x.trim());
    const roles: StatementRole[] = ["date", "reference", "debit", "credit", "amount", "remark", "balance"];
    if (!role || !col || !roles.includes(role as StatementRole)) return undefined;
    const cell = parseCellAddress(`${col.toUpperCase()}1`);
    if (!cell) return undefined;
    m[role as StatementRole] = cell.col;
  }
  return m;
}

/** The mapping said the way `--map` takes it: `date=A,reference=B,credit=F,remark=D`. */
export function mappingText(m: StatementMapping): string {
  return (Object.entries(m) as [StatementRole, number][]).map(([role, col]) => `${role}=${columnLetter(col)}`).join(",");
}

const ACCOUNT = /\b(so tai khoan|tai khoan|so tk|account number|account no|account)\b[^0-9]{0,12}([0-9][0-9 .-]{4,30}[0-9])/;
const OPENING = /\b(so du dau( ky)?|opening balance|du dau)\b/;
const CLOSING = /\b(so du cuoi( ky)?|closing balance|du cuoi)\b/;
const TOTALS = /^(tong|cong|total)\b|\b(tong cong|tong so|cong phat sinh)\b/;

/** The first number of a row after the cell whose words matched (a balance written beside its label). */
function numberAfter(row: readonly CellValue[], from: number): number | undefined {
  for (let c = from + 1; c < row.length; c++) {
    const n = readNumber(row[c] ?? null);
    if (n.kind === "value" && Number.isInteger(n.value)) return n.value;
  }
  return undefined;
}

/**
 * Reads a statement's rows (its first sheet, or a CSV file's lines): finds the header row, reads
 * the lines under it until the totals, and the account and balances its title and footer give.
 */
export function readStatement(file: string, rows: readonly (readonly CellValue[])[], map?: StatementMapping): Statement {
  let headerRow = -1;
  let mapping: StatementMapping = {};
  for (let r = 0; r < Math.min(rows.length, HEADER_SEARCH_ROWS); r++) {
    const m = mappingOf(rows[r] ?? []);
    if (usable(m) && score(m) > score(mapping)) {
      headerRow = r;
      mapping = m;
    }
  }
  if (map) {
    if (headerRow < 0) headerRow = firstLineRow(rows, map) - 1;
    mapping = { ...mapping, ...map };
  }
  if (headerRow < 0 || mapping.date === undefined) throw new StatementFormatError(file, "no-header");
  if (mapping.credit === undefined && mapping.amount === undefined) throw new StatementFormatError(file, "no-amount", mappingText(mapping));
  if (rows.length - headerRow > MAX_STATEMENT_LINES) throw new StatementFormatError(file, "too-many-lines", String(rows.length - headerRow));
  let account: string | undefined;
  let opening: number | undefined;
  let closing: number | undefined;
  const scanLabels = (row: readonly CellValue[]) => {
    row.forEach((cell, c) => {
      const t = foldKey(text(cell));
      if (t === "") return;
      const acc = ACCOUNT.exec(t);
      if (acc && account === undefined) account = (acc[2] as string).replace(/\D/g, "");
      if (OPENING.test(t) && opening === undefined) opening = numberAfter(row, c);
      if (CLOSING.test(t) && closing === undefined) closing = numberAfter(row, c);
    });
  };
  for (let r = 0; r < headerRow; r++) scanLabels(rows[r] ?? []);
  const lines: StatementLine[] = [];
  const unreadable: Statement["unreadable"] = [];
  const cell = (row: readonly CellValue[], role: StatementRole) => (mapping[role] === undefined ? null : (row[mapping[role]] ?? null));
  const money = (v: CellValue) => {
    if (v === null || text(v).trim() === "") return 0;
    const n = readNumber(v);
    return n.kind === "value" && Number.isInteger(n.value) ? n.value : undefined;
  };
  for (let r = headerRow + 1; r < rows.length; r++) {
    const row = rows[r] ?? [];
    if (row.every((v) => text(v).trim() === "")) continue;
    const first = foldKey(row.map(text).find((t) => t.trim() !== "") ?? "");
    const rawDate = cell(row, "date");
    // "05/07/2021 10:23:11": the day; the time is the bank's, not the ledger's.
    const date = readDate(typeof rawDate === "string" ? rawDate.trim().split(/\s+/)[0] ?? "" : rawDate);
    if (date.kind !== "value") {
      // The totals and the balances under the lines end the statement; anything else is named.
      if (TOTALS.test(first) || OPENING.test(first) || CLOSING.test(first) || row.some((v) => CLOSING.test(foldKey(text(v))))) {
        scanLabels(row);
        continue;
      }
      unreadable.push({ line: r + 1, reason: "date" });
      continue;
    }
    let amount: number | undefined;
    if (mapping.credit !== undefined || mapping.debit !== undefined) {
      const inn = money(cell(row, "credit"));
      const out = money(cell(row, "debit"));
      amount = inn === undefined || out === undefined ? undefined : Math.abs(inn) - Math.abs(out);
    } else amount = money(cell(row, "amount"));
    if (amount === undefined || amount === 0) {
      unreadable.push({ line: r + 1, reason: "amount" });
      continue;
    }
    const balance = mapping.balance === undefined ? undefined : money(cell(row, "balance"));
    lines.push({ line: r + 1, date: date.value, reference: text(cell(row, "reference")).trim(), amount, remark: text(cell(row, "remark")).trim(), ...(balance !== undefined && text(cell(row, "balance")).trim() !== "" ? { balance } : {}) });
  }
  // Balances from the balance column where the title and footer give none.
  const firstLine = lines[0];
  const lastLine = lines[lines.length - 1];
  if (opening === undefined && firstLine?.balance !== undefined) opening = firstLine.balance - firstLine.amount;
  if (closing === undefined && lastLine?.balance !== undefined) closing = lastLine.balance;
  return { file, ...(account ? { account } : {}), mapping, headerRow: headerRow + 1, lines, unreadable, ...(opening !== undefined ? { opening } : {}), ...(closing !== undefined ? { closing } : {}) };
}

/** The account number a statement's first rows give, digits only. */
export function statementAccount(rows: readonly (readonly CellValue[])[]): string | undefined {
  for (const row of rows.slice(0, HEADER_SEARCH_ROWS)) {
    for (const cell of row) {
      const acc = ACCOUNT.exec(foldKey(text(cell)));
      if (acc) return (acc[2] as string).replace(/\D/g, "");
    }
  }
  return undefined;
}

/** With `--map` and no header recognised: the first row whose date column holds a date. */
function firstLineRow(rows: readonly (readonly CellValue[])[], map: StatementMapping): number {
  if (map.date === undefined) return -1;
  for (let r = 0; r < Math.min(rows.length, HEADER_SEARCH_ROWS); r++) if (readDate(rows[r]?.[map.date] ?? null).kind === "value") return r;
  return -1;
}
