import * as path from "node:path";
import { readRegularFile } from "../adapters/xlsx/files";
import { csvText, parseCsv } from "../domain/bank/csv";
import { addBankReconciliation, applyBankReceipts, bankJson } from "../domain/bank/reconcileJob";
import { MAX_STATEMENT_LINES, mappingText, parseMapping, readStatement, statementAccount, StatementFormatError, type Statement } from "../domain/bank/statement";
import { rememberedMapping, statementRecords, STATEMENTS_TABLE } from "../domain/bank/records";
import type { CellValue } from "../domain/grid";
import { t } from "../i18n";
import { nodeFiles } from "./files";
import { openWorkbook, saveWorkbook, withLock } from "./workbookFiles";

/** The largest statement file read (a half-year of a busy account as .xlsx or .csv). */
const MAX_STATEMENT_BYTES = 256 * 1024 * 1024;

/** A statement file's rows: a CSV file's lines, or the first worksheet of an .xlsx that holds anything. */
async function statementRows(file: string): Promise<CellValue[][]> {
  const { bytes } = await readRegularFile(file, MAX_STATEMENT_BYTES);
  const name = path.basename(file);
  if (/\.(csv|txt)$/i.test(file)) {
    const text = csvText(bytes);
    if (text === undefined) throw new StatementFormatError(name, "no-header", "encoding");
    return parseCsv(text, MAX_STATEMENT_LINES + 100);
  }
  const opened = await nodeFiles.open(bytes, name);
  const summary = await opened.summarize();
  const sheet = summary.sheets.find((s) => s.usedRange !== null);
  if (!sheet?.usedRange) throw new StatementFormatError(name, "no-header");
  const range = { ...sheet.usedRange, top: 0, left: 0, bottom: Math.min(sheet.usedRange.bottom, MAX_STATEMENT_LINES + 100) };
  const [rows] = await opened.readRanges([{ sheet: sheet.name, range }]);
  opened.close?.();
  return (rows ?? []);
}

/**
 * `bank FILE STATEMENT… [--account A] [--map COLUMNS] [--apply] [--json]`: reconciles the statements
 * with the ledger's bank rows and adds the sheet `Đối chiếu sao kê`; with --apply first adds the
 * statement's credits the ledger lacks as rows (logged). A statement of another account is refused.
 */
export async function bankCommand(o: { file: string; statements: readonly string[]; account?: string; map?: string; apply: boolean; json: boolean; now: string; today: string }): Promise<number> {
  if (o.statements.length === 0) {
    process.stderr.write(`${t("cli-bank-usage")}\n`);
    return 64;
  }
  const map = o.map === undefined ? undefined : parseMapping(o.map);
  if (o.map !== undefined && !map) {
    process.stderr.write(`${t("cli-bank-bad-map", { map: o.map })}\n`);
    return 64;
  }
  const account = o.account?.replace(/\D/g, "");
  return withLock(o.file, async (lock) => {
    const opened = await openWorkbook(o.file, false);
    const records = statementRecords(await opened.port.readTables([STATEMENTS_TABLE]));
    const statements: Statement[] = [];
    for (const file of o.statements) {
      const rows = await statementRows(file);
      let s: Statement;
      try {
        s = readStatement(path.basename(file), rows, map);
      } catch (e) {
        // Columns not told by their headers: those read last time from a statement of the same account.
        const remembered = map ? undefined : rememberedMapping(records, statementAccount(rows));
        if (!(e instanceof StatementFormatError) || !remembered) throw e;
        s = readStatement(path.basename(file), rows, remembered);
        process.stderr.write(`${t("cli-bank-remembered", { file: s.file, account: s.account ?? "", map: mappingText(remembered) })}\n`);
      }
      if (account && s.account && s.account !== account) {
        process.stderr.write(`${t("cli-bank-other-account", { file: s.file, account: s.account, expected: account })}\n`);
        continue;
      }
      process.stderr.write(`${t("cli-bank-read", { file: s.file, lines: s.lines.length, header: s.headerRow, map: mappingText(s.mapping) })}\n`);
      for (const u of s.unreadable.slice(0, 20)) process.stderr.write(`${t(`cli-bank-unreadable-${u.reason}`, { file: s.file, line: u.line })}\n`);
      statements.push(s);
    }
    if (statements.length === 0) return 1;
    const done = o.apply ? await applyBankReceipts(opened.port, statements, o.now, o.today) : { ...(await addBankReconciliation(opened.port, statements, o.today)), added: 0 };
    await saveWorkbook(opened, lock, { sameFile: true });
    if (o.json) process.stdout.write(`${JSON.stringify(bankJson(done.report), null, 2)}\n`);
    const x = done.report.result;
    (o.json ? process.stderr : process.stdout).write(
      `${t("cli-bank-done", { sheet: done.sheet, file: o.file, matched: x.matched.length, statementOnly: x.statementOnly.length, ledgerOnly: x.ledgerOnly.length, duplicates: x.duplicates.length, fees: x.fees.length + x.reversed.length, added: done.added })}\n`,
    );
    return 0;
  });
}
