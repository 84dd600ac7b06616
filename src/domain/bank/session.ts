import type { FilesPort } from "../files";
import { columnLetter, type CellValue, type Grid } from "../grid";
import type { TableData } from "../workbook";
import { csvText, parseCsv } from "./csv";
import { bankGrids, bankReport, receiptsToAdd, donorFromRemark, type BankReport } from "./reconcileJob";
import type { PaperTarget } from "../paperMark";
import { rememberedMapping, statementRecords, type StatementRecord } from "./records";
import { MAX_STATEMENT_LINES, readStatement, statementAccount, StatementFormatError, type Statement, type StatementMapping } from "./statement";

// One reconciliation as the pane and the command line run it: the statement files read (their
// columns guessed, or remembered for the account, or named), the ledger matched, then the grids to
// write: the credits chosen added to the ledger, the sheet `Đối chiếu sao kê`, the record.

/** A statement file's rows: a CSV file's lines, or the first worksheet of an .xlsx that holds anything. */
export async function statementRows(bytes: Uint8Array, name: string, open: FilesPort["open"]): Promise<CellValue[][]> {
  if (/\.(csv|txt)$/i.test(name)) {
    const text = csvText(bytes);
    if (text === undefined) throw new StatementFormatError(name, "no-header", "encoding");
    return parseCsv(text, MAX_STATEMENT_LINES + 100);
  }
  const opened = await open(bytes, name);
  try {
    const summary = await opened.summarize();
    const sheet = summary.sheets.find((s) => s.usedRange !== null);
    if (!sheet?.usedRange) throw new StatementFormatError(name, "no-header");
    const range = { ...sheet.usedRange, top: 0, left: 0, bottom: Math.min(sheet.usedRange.bottom, MAX_STATEMENT_LINES + 100) };
    const [rows] = await opened.readRanges([{ sheet: sheet.name, range }]);
    return rows ?? [];
  } finally {
    opened.close?.();
  }
}

/**
 * Reads a statement: by its headers (what `map` names replacing the guess); where the headers say
 * nothing usable, with the columns last read from a statement of the same account.
 */
export function readWithMemory(name: string, rows: readonly (readonly CellValue[])[], map: StatementMapping | undefined, records: readonly StatementRecord[]): { statement: Statement; remembered?: StatementMapping } {
  try {
    return { statement: readStatement(name, rows, map) };
  } catch (e) {
    const remembered = map ? undefined : rememberedMapping(records, statementAccount(rows));
    if (!(e instanceof StatementFormatError) || !remembered) throw e;
    return { statement: readStatement(name, rows, remembered), remembered };
  }
}

/** The columns of a statement as the pane offers them: the letter and what the header row (or the first full row) says. */
export function statementColumns(rows: readonly (readonly CellValue[])[], headerRow?: number): string[] {
  const head = rows.slice(0, 60);
  const width = Math.min(40, Math.max(0, ...head.map((r) => r.length)));
  const row = headerRow !== undefined ? rows[headerRow - 1] : head.find((r) => r.filter((v) => (typeof v === "string" && v.trim() !== "") || typeof v === "number").length >= 3);
  return Array.from({ length: width }, (_, c) => {
    const v = row?.[c];
    const said = v === null || v === undefined || typeof v === "object" ? "" : String(v).replace(/\s+/g, " ").trim().slice(0, 40);
    return said ? `${columnLetter(c)} · ${said}` : columnLetter(c);
  });
}

/** A statement file as the accountant gives it, with the columns named where the headers did not say them. */
export interface StatementFile {
  name: string;
  bytes: Uint8Array;
  map?: StatementMapping;
}

/** Reads the files (one that cannot be opened is said so, not thrown) and reconciles them with the tables. */
export async function readBankSession(tables: ReadonlyMap<string, TableData>, files: readonly StatementFile[], open: FilesPort["open"], onProgress?: (done: number, total: number) => void): Promise<BankSession> {
  const read: { name: string; rows: CellValue[][] | undefined }[] = [];
  for (const [i, f] of files.entries()) {
    onProgress?.(i, files.length);
    read.push({ name: f.name, rows: await statementRows(f.bytes, f.name, open).catch(() => undefined) });
  }
  onProgress?.(files.length, files.length);
  return BankSession.read(tables, read, files.map((f) => f.map));
}

/** What became of one statement file: read (its columns, how they were known) or not, and why. */
export interface StatementRead {
  file: string;
  /** The columns to choose from, for the accountant to confirm or correct the mapping. */
  columns: string[];
  mapping?: StatementMapping;
  /** How the mapping was known: from the headers, remembered for the account, or named by the accountant. */
  source?: "headers" | "remembered" | "named";
  account?: string;
  lines?: number;
  headerRow?: number;
  unreadable?: number;
  problem?: "no-header" | "no-amount" | "too-many-lines" | "other-account" | "unreadable-file";
}

/** A statement credit the ledger lacks, offered to be added: its id, what the new row would say. */
export interface Candidate {
  id: number;
  file: string;
  line: number;
  date: string;
  reference: string;
  amount: number;
  remark: string;
  donor: string;
}

/** The result the pane shows: each file, the counts and sums, the balances, the credits to add. */
export interface BankPreview {
  reads: StatementRead[];
  result?: {
    from: string;
    to: string;
    counts: { matched: number; statementOnly: number; ledgerOnly: number; duplicates: number; fees: number; reversed: number; nearMisses: number };
    balances: BankReport["balances"];
    candidates: Candidate[];
    /** All the credits the ledger lacks (the list above is capped: a pane is read, not searched). */
    candidateCount: number;
  };
}

/** The credits a pane lists to tick (the rest are counted, and all are on the sheet). */
const CANDIDATES_LISTED = 500;

/** Statements read and reconciled with the ledger, kept until the accountant says what to add. */
export class BankSession {
  private constructor(
    private readonly tables: ReadonlyMap<string, TableData>,
    private readonly statements: readonly Statement[],
    readonly preview: BankPreview,
    private readonly report: BankReport | undefined,
  ) {}

  /** Reads each file (`maps[i]` naming its columns where given) and reconciles those of the first account read. */
  static read(tables: ReadonlyMap<string, TableData>, files: readonly { name: string; rows: readonly (readonly CellValue[])[] | undefined }[], maps: readonly (StatementMapping | undefined)[]): BankSession {
    const records = statementRecords(tables);
    const reads: StatementRead[] = [];
    const statements: Statement[] = [];
    files.forEach(({ name, rows }, i) => {
      if (!rows) return reads.push({ file: name, columns: [], problem: "unreadable-file" });
      const map = maps[i];
      try {
        const { statement: s, remembered } = readWithMemory(name, rows, map, records);
        const account = statements.find((x) => x.account)?.account;
        const columns = statementColumns(rows, s.headerRow);
        const read: StatementRead = { file: name, columns, mapping: s.mapping, source: map ? "named" : remembered ? "remembered" : "headers", lines: s.lines.length, headerRow: s.headerRow, unreadable: s.unreadable.length, ...(s.account ? { account: s.account } : {}) };
        if (account && s.account && s.account !== account) return reads.push({ ...read, problem: "other-account" });
        reads.push(read);
        statements.push(s);
      } catch (e) {
        if (!(e instanceof StatementFormatError)) throw e;
        const guess = map ?? rememberedMapping(records, statementAccount(rows));
        reads.push({ file: name, columns: statementColumns(rows), ...(guess ? { mapping: guess } : {}), problem: e.problem === "bad-map" ? "no-header" : e.problem });
      }
    });
    if (statements.length === 0) return new BankSession(tables, statements, { reads }, undefined);
    const report = bankReport(statements, tables);
    const x = report.result;
    const fileOf = new Map(statements.flatMap((s) => s.lines.map((l) => [l, s.file] as const)));
    const ids = new Map(statements.flatMap((s) => s.lines).map((l, i) => [l, i] as const));
    const adds = receiptsToAdd(report);
    const candidates = adds.slice(0, CANDIDATES_LISTED).map(({ line }): Candidate => ({ id: ids.get(line) ?? -1, file: fileOf.get(line) ?? "", line: line.line, date: line.date, reference: line.reference, amount: line.amount, remark: line.remark, donor: donorFromRemark(line.remark) }));
    const preview: BankPreview = {
      reads,
      result: {
        from: report.from,
        to: report.to,
        counts: { matched: x.matched.length, statementOnly: x.statementOnly.length, ledgerOnly: x.ledgerOnly.length, duplicates: x.duplicates.length, fees: x.fees.length, reversed: x.reversed.length, nearMisses: x.statementOnly.filter((s) => s.hint !== undefined).length },
        balances: report.balances,
        candidates,
        candidateCount: adds.length,
      },
    };
    return new BankSession(tables, statements, preview, report);
  }

  /** The grids that add the chosen credits (by id; `"all"`: every one offered), the sheet and the record. */
  grids(chosen: readonly number[], target: PaperTarget, now: string, today: string): BankWrite {
    if (!this.report) throw new StatementFormatError("", "no-header");
    const lines = this.statements.flatMap((s) => s.lines);
    const picked = new Set(chosen.map((id) => lines[id]));
    const { grids, sheet, added, report, kept } = bankGrids(this.tables, this.statements, this.report, (l) => picked.has(l), target, now, today);
    const x = report.result;
    return { grids, sheet, added, left: { statementOnly: x.statementOnly.length, ledgerOnly: x.ledgerOnly.length }, balances: report.balances, ...(kept ? { kept } : {}) };
  }
}

/** What the pane writes, and what it then says: the sheet, the rows added, what is still unmatched. */
export interface BankWrite {
  grids: Grid[];
  sheet: string;
  added: number;
  left: { statementOnly: number; ledgerOnly: number };
  balances: BankReport["balances"];
  /** The reconciliation sheet kept as it is (changed by hand since it was written): the new one is beside it. */
  kept?: string;
}
