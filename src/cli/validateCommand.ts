import { stat } from "node:fs/promises";
import * as path from "node:path";
import { fixThrough, validateThrough } from "../domain/rules/runValidation";
import type { Issue } from "../domain/rules/types";
import { t } from "../i18n";
import { openWorkbook, saveWorkbook, withLock } from "./workbookFiles";

/** The JSON of DOMAIN.md: one object per issue. */
function issueJson(issues: readonly Issue[]) {
  return issues.map((i) => ({ sheet: i.sheet, cell: i.cell, row: i.row + 1, column: i.column, rule: i.rule, severity: i.severity, message: t(i.rule, i.params) }));
}

/** Issues grouped by sheet with counts, in Vietnamese. */
function issueText(issues: readonly Issue[]): string {
  const lines: string[] = [];
  const sheets = [...new Set(issues.map((i) => i.sheet))];
  for (const sheet of sheets) {
    const of = issues.filter((i) => i.sheet === sheet);
    const errors = of.filter((i) => i.severity === "error").length;
    lines.push(t("cli-sheet-counts", { sheet, errors, warnings: of.length - errors }));
    for (const i of of) lines.push(`  ${i.severity === "error" ? "LỖI     " : "CẢNH BÁO"} ${i.cell.padEnd(6)} ${t(i.rule, i.params)}`);
  }
  const errors = issues.filter((i) => i.severity === "error").length;
  const fixable = issues.filter((i) => i.fix).length;
  lines.push(issues.length === 0 ? t("cli-no-issues") : t("cli-total-counts", { errors, warnings: issues.length - errors, fixable }));
  return lines.join("\n");
}

function stamp(now: Date): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}${p(now.getMonth() + 1)}${p(now.getDate())}-${p(now.getHours())}${p(now.getMinutes())}${p(now.getSeconds())}`;
}

/** Where the copy of a file goes before it is fixed in place: beside it, dated, never over another file. */
async function backupPath(file: string, now: Date): Promise<string> {
  const base = path.basename(file, path.extname(file));
  for (let n = 1; ; n++) {
    const candidate = path.join(path.dirname(file), `${base}.ban-sao-${stamp(now)}${n > 1 ? `-${n}` : ""}${path.extname(file)}`);
    if (!(await stat(candidate).then(() => true, () => false))) return candidate;
  }
}

export interface ValidateOptions {
  file: string;
  json: boolean;
  fix: boolean;
  out?: string;
  today: string;
  now: Date;
}

/** `validate FILE [--json] [--fix [--out FILE2]]`: exit 0 without errors, 1 with errors. */
export async function validateCommand(o: ValidateOptions): Promise<number> {
  let issues: Issue[];
  if (o.fix) {
    const target = o.out ?? o.file;
    if (o.out && (await stat(o.out).then(() => true, () => false))) {
      process.stderr.write(`${t("cli-out-exists", { file: o.out })}\n`);
      return 1;
    }
    issues = await withLock(target, async (lock) => {
      const opened = await openWorkbook(o.file, false);
      const result = await fixThrough(opened.port, o.today);
      if (result.applied > 0) {
        // The copy is made only once the fixed file is proven and about to replace the original.
        const backup = o.out ? undefined : await backupPath(o.file, o.now);
        await saveWorkbook(opened, lock, { sameFile: !o.out, noClobber: Boolean(o.out), ...(backup ? { backup } : {}) });
        if (backup) process.stderr.write(`${t("cli-backup", { file: backup })}\n`);
      }
      process.stderr.write(`${t("cli-fixed", { applied: result.applied, skipped: result.skipped, file: target })}\n`);
      return result.remaining;
    });
  } else {
    issues = await validateThrough((await openWorkbook(o.file, false)).port, o.today);
  }
  if (o.json) process.stdout.write(`${JSON.stringify(issueJson(issues), null, 2)}\n`);
  else process.stdout.write(`${issueText(issues)}\n`);
  return issues.some((i) => i.severity === "error") ? 1 : 0;
}
