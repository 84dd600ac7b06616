import * as path from "node:path";
import { readRegularFile } from "../adapters/xlsx/files";
import { bankJson, runBank } from "../domain/bank/reconcileJob";
import { readWithMemory, statementRows } from "../domain/bank/session";
import { mappingText, parseMapping, type Statement } from "../domain/bank/statement";
import { statementRecords, STATEMENTS_TABLE } from "../domain/bank/records";
import { t } from "../i18n";
import { nodeFiles } from "./files";
import { openWorkbook, saveWorkbook, withLock } from "./workbookFiles";

/** The largest statement file read (a half-year of a busy account as .xlsx or .csv). */
const MAX_STATEMENT_BYTES = 256 * 1024 * 1024;

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
      const name = path.basename(file);
      const rows = await statementRows((await readRegularFile(file, MAX_STATEMENT_BYTES)).bytes, name, (bytes, n) => nodeFiles.open(bytes, n));
      // Columns not told by their headers: those read last time from a statement of the same account.
      const { statement: s, remembered } = readWithMemory(name, rows, map, records);
      if (remembered) process.stderr.write(`${t("cli-bank-remembered", { file: s.file, account: s.account ?? "", map: mappingText(remembered) })}\n`);
      if (account && s.account && s.account !== account) {
        process.stderr.write(`${t("cli-bank-other-account", { file: s.file, account: s.account, expected: account })}\n`);
        continue;
      }
      process.stderr.write(`${t("cli-bank-read", { file: s.file, lines: s.lines.length, header: s.headerRow, map: mappingText(s.mapping) })}\n`);
      for (const u of s.unreadable.slice(0, 20)) process.stderr.write(`${t(`cli-bank-unreadable-${u.reason}`, { file: s.file, line: u.line })}\n`);
      statements.push(s);
    }
    if (statements.length === 0) return 1;
    const done = await runBank(opened.port, statements, o.apply, o.now, o.today);
    await saveWorkbook(opened, lock, { sameFile: true });
    if (o.json) process.stdout.write(`${JSON.stringify(bankJson(done.report), null, 2)}\n`);
    if (done.kept) process.stderr.write(`${t("cli-bank-kept", { kept: done.kept, sheet: done.sheet })}\n`);
    const x = done.report.result;
    (o.json ? process.stderr : process.stdout).write(
      `${t("cli-bank-done", { sheet: done.sheet, file: o.file, matched: x.matched.length, statementOnly: x.statementOnly.length, ledgerOnly: x.ledgerOnly.length, duplicates: x.duplicates.length, fees: x.fees.length + x.reversed.length, added: done.added })}\n`,
    );
    return 0;
  });
}
