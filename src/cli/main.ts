import { mkdir } from "node:fs/promises";
import * as path from "node:path";
import { isoDateOf } from "../domain/dates";
import { formatMoment } from "../domain/format";
import { XlsxWorkbook } from "../adapters/xlsx/xlsxWorkbook";
import { chauSonPlan } from "../domain/sample/chauSonPlan";
import { addReport } from "../domain/report/addReport";
import { parsePeriod, parseReportDate } from "../domain/period";
import { demoRows } from "../domain/sample/demoData";
import { applyTemplates } from "../domain/template/applyTemplates";
import type { TemplateNote } from "../domain/template/planTemplates";
import { errorText, t } from "../i18n";
import { explainError } from "../i18n/errors";
import { readWorkbookPlan } from "../domain/plan/workbookPlan";
import { planFromJsonFile, planImport, planShow } from "./planCommand";
import { bankCommand } from "./bankCommand";
import { closeCommand, disclosureCommand, dossierCommand, remindCommand, reportCommand, type ReportOptions } from "./reportCommand";
import { collectCommand, consolidateCommand, mergeCommand } from "./collectCommand";
import { validateCommand } from "./validateCommand";
import { openWorkbook, saveWorkbook, withLock } from "./workbookFiles";
import { parseCommandLine, UsageError, type Args } from "./args";

/** Exit codes: 0 done (validate: no errors), 1 the job failed (validate: errors found), 2 a file could not be read or written, 64 bad usage. */
const EXIT = { ok: 0, failed: 1, file: 2, usage: 64 } as const;

function printNotes(notes: readonly TemplateNote[]): void {
  for (const n of notes) {
    const line = `${n.severity === "warning" ? "CẢNH BÁO: " : "- "}${t(n.code, { ...n.params, sheet: n.sheet })}`;
    (n.severity === "warning" ? process.stderr : process.stdout).write(`${line}\n`);
  }
}

/** Marks a workbook as the sample, so that `demo` may replace its own output but never a user's file. */
const DEMO_SUBJECT = "Sổ theo dõi phong trào - dữ liệu mẫu";

/** `--today`: a real date in 2000..2100, today when absent; undefined when given and invalid. */
function todayOption(args: Args): string | undefined {
  const given = args.options.get("today");
  if (given === undefined) return isoDateOf(new Date());
  return typeof given === "string" ? parseReportDate(given) : undefined;
}

function badToday(args: Args): number {
  process.stderr.write(`${t("cli-bad-today", { today: String(args.options.get("today") === true ? "" : args.options.get("today")) })}\n`);
  return EXIT.usage;
}

async function demo(args: Args): Promise<number> {
  const outOption = args.options.get("out");
  const out = typeof outOption === "string" ? outOption : "demo/chau-son-2021.xlsx";
  await mkdir(path.dirname(path.resolve(out)), { recursive: true });
  return withLock(out, async (lock) => {
    const previous = await openWorkbook(out, true);
    if (previous.existed && (await previous.port.subject()) !== DEMO_SUBJECT) {
      process.stderr.write(`${t("cli-demo-target-exists", { file: out })}\n`);
      return EXIT.failed;
    }
    const sample = { port: await XlsxWorkbook.empty({ subject: DEMO_SUBJECT }), existed: false };
    const result = await applyTemplates(sample.port, chauSonPlan, demoRows(chauSonPlan));
    printNotes(result.notes);
    // The sample's reports, dated a few days after each period as a commune would send them.
    for (const [p, dated] of [["2021-S1", "2021-07-05"], ["2021", "2022-01-05"]] as const) {
      const added = await addReport(sample.port, parsePeriod(p), dated);
      process.stdout.write(`${t("cli-report-added", { sheet: added.sheet, file: out })}\n`);
    }
    await saveWorkbook(sample, lock, { sameFile: false });
    process.stdout.write(`${t("cli-written", { file: out })}\n`);
    return EXIT.ok;
  });
}

async function template(args: Args): Promise<number> {
  const file = args.positional[0];
  if (!file) {
    process.stderr.write(`${t("cli-missing-file", { command: "template" })}\n`);
    return EXIT.usage;
  }
  const planFile = args.options.get("plan");
  if (planFile === true) {
    process.stderr.write(`${t("cli-plan-missing-file")}\n`);
    return EXIT.usage;
  }
  const given = typeof planFile === "string" ? await planFromJsonFile(planFile) : undefined;
  return withLock(file, async (lock) => {
    const opened = await openWorkbook(file, true);
    // The plan: --plan, else the one the workbook keeps, else (a new or older workbook) the sample.
    const kept = given ? undefined : await readWorkbookPlan(opened.port);
    if (kept && kept.problems.length > 0) {
      for (const p of kept.problems) process.stderr.write(`Trang "${p.sheet}", ô ${p.cell}: ${p.message}\n`);
      return EXIT.failed;
    }
    const plan = given ?? kept?.plan ?? chauSonPlan;
    if (!given && !kept?.plan) process.stderr.write(`${t("cli-plan-sample")}\n`);
    const result = await applyTemplates(opened.port, plan);
    printNotes(result.notes);
    if (result.grids.length === 0 && opened.existed) {
      process.stdout.write(`${t("templates-up-to-date")}\n${t("cli-unchanged", { file })}\n`);
      return EXIT.ok;
    }
    await saveWorkbook(opened, lock, { sameFile: true, noClobber: !opened.existed });
    process.stdout.write(`${t("cli-written", { file })}\n`);
    return EXIT.ok;
  });
}

async function validate(args: Args): Promise<number> {
  const file = args.positional[0];
  if (!file) {
    process.stderr.write(`${t("cli-missing-file", { command: "validate" })}\n`);
    return EXIT.usage;
  }
  const today = todayOption(args);
  if (!today) return badToday(args);
  const out = args.options.get("out");
  if (out !== undefined && !args.options.has("fix")) {
    process.stderr.write(`${t("cli-useless-option", { command: "validate", option: "--out", needs: "--fix" })}\n`);
    return EXIT.usage;
  }
  return validateCommand({
    file,
    json: args.options.has("json"),
    fix: args.options.has("fix"),
    ...(typeof out === "string" ? { out } : {}),
    today,
    now: new Date(),
  });
}

async function report(args: Args): Promise<number> {
  const file = args.positional[0];
  if (!file) {
    process.stderr.write(`${t("cli-missing-file", { command: "report" })}\n`);
    return EXIT.usage;
  }
  const today = todayOption(args);
  if (!today) return badToday(args);
  return reportCommand(paperOptions(file, args, today));
}

async function plan(args: Args): Promise<number> {
  const [sub, file] = args.positional;
  if ((sub !== "import" && sub !== "show") || !file) {
    process.stderr.write(`${t("cli-plan-usage")}\n`);
    return EXIT.usage;
  }
  const out = args.options.get("out");
  if (sub === "import") return planImport(file, { json: args.options.has("json"), ...(typeof out === "string" ? { out } : {}) });
  return planShow(file, { json: args.options.has("json") });
}

/** The options of a paper command: --period, --out, --docx, --json. */
function paperOptions(file: string, args: Args, today: string): ReportOptions {
  const period = args.options.get("period");
  const out = args.options.get("out");
  const docx = args.options.get("docx");
  const by = args.options.get("by");
  const reopen = args.options.get("reopen");
  return { file, period: typeof period === "string" ? period : undefined, json: args.options.has("json"), ...(typeof out === "string" ? { out } : {}), ...(typeof docx === "string" ? { docx } : {}), ...(args.options.has("by-village") ? { byVillage: true } : {}), ...(args.options.has("close") ? { close: true } : {}), ...(typeof by === "string" ? { by } : {}), ...(typeof reopen === "string" ? { reopen } : {}), ...(args.options.has("lock") ? { lock: true } : {}), ...(args.options.has("unlock") ? { unlock: true } : {}), today };
}

/** A paper command (`disclosure`, `nominations`): FILE, --period, --out, --docx, --json, --today. */
function paperCommand(name: string, job: typeof disclosureCommand) {
  return async (args: Args): Promise<number> => {
    const file = args.positional[0];
    if (!file) {
      process.stderr.write(`${t("cli-missing-file", { command: name })}\n`);
      return EXIT.usage;
    }
    const today = todayOption(args);
    if (!today) return badToday(args);
    return job(paperOptions(file, args, today));
  };
}

async function collect(args: Args): Promise<number> {
  const file = args.positional[0];
  if (!file) {
    process.stderr.write(`${t("cli-missing-file", { command: "collect" })}\n`);
    return EXIT.usage;
  }
  const today = todayOption(args);
  if (!today) return badToday(args);
  const opt = (k: string) => {
    const v = args.options.get(k);
    return typeof v === "string" ? v : undefined;
  };
  const due = opt("due");
  const dueIso = due === undefined ? undefined : parseReportDate(due);
  if (due !== undefined && !dueIso) return badToday({ ...args, options: new Map([["today", due]]) });
  return collectCommand({ file, period: opt("period"), out: opt("out"), due: dueIso, today });
}

async function merge(args: Args): Promise<number> {
  const [file, ...returns] = args.positional;
  if (!file) {
    process.stderr.write(`${t("cli-missing-file", { command: "merge" })}\n`);
    return EXIT.usage;
  }
  const today = todayOption(args);
  if (!today) return badToday(args);
  const period = args.options.get("period");
  return mergeCommand({ file, returns, period: typeof period === "string" ? period : undefined, json: args.options.has("json"), dryRun: args.options.has("dry-run"), today, now: formatMoment(new Date()) });
}

async function bank(args: Args): Promise<number> {
  const [file, ...statements] = args.positional;
  if (!file) {
    process.stderr.write(`${t("cli-missing-file", { command: "bank" })}\n`);
    return EXIT.usage;
  }
  const opt = (k: string) => {
    const v = args.options.get(k);
    return typeof v === "string" ? v : undefined;
  };
  const today = todayOption(args);
  if (!today) return badToday(args);
  return bankCommand({ file, statements, ...(opt("account") ? { account: opt("account") } : {}), ...(opt("map") !== undefined ? { map: opt("map") } : {}), apply: args.options.has("apply"), json: args.options.has("json"), now: formatMoment(new Date()), today });
}

async function consolidateCli(args: Args): Promise<number> {
  const opt = (k: string) => {
    const v = args.options.get(k);
    return typeof v === "string" ? v : undefined;
  };
  return consolidateCommand({ inputs: args.positional, period: opt("period"), out: opt("out"), json: args.options.has("json"), expect: opt("expect") });
}

const COMMANDS: Record<string, (a: Args) => Promise<number>> = {
  demo,
  template,
  validate,
  report,
  plan,
  disclosure: paperCommand("disclosure", disclosureCommand),
  nominations: paperCommand("nominations", dossierCommand),
  remind: paperCommand("remind", remindCommand),
  close: paperCommand("close", closeCommand),
  collect,
  merge,
  consolidate: consolidateCli,
  bank,
};

/** Runs one command line; returns the exit code. Every failure becomes a Vietnamese message. */
export async function run(argv: readonly string[]): Promise<number> {
  let args: Args;
  try {
    args = parseCommandLine(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`${t(e.code, e.params)}\n`);
    return EXIT.usage;
  }
  const command = args.command ? COMMANDS[args.command] : undefined;
  if (!command) {
    if (args.command && args.command !== "help") process.stderr.write(`${t("cli-unknown-command", { command: args.command })}\n`);
    process.stderr.write(`${t("cli-usage")}\n`);
    return args.command === "help" ? EXIT.ok : EXIT.usage;
  }
  try {
    return await command(args);
  } catch (e) {
    // Every failure is told through the catalogs (src/i18n/errors.ts); a write of the command line
    // replaces the file only once verified, so nothing is half written.
    const file = (args.command === "plan" ? args.positional[1] : args.positional[0]) ?? "";
    const x = explainError(e, { file });
    process.stderr.write(`${errorText(e, { file })}\n`);
    if (x.code === "error-unexpected" || x.code === "office-error") process.stderr.write(`${t("cli-technical", { detail: e instanceof Error ? `${e.name}: ${e.message}` : String(e) })}\n`);
    return /^(file|plan-file)-/.test(x.code) ? EXIT.file : EXIT.failed;
  }
}

// Run when this file is the program (not when bundled into another, or imported by tests).
if (require.main === module && /main\.[cm]?[jt]s$/.test(process.argv[1] ?? "")) {
  // exitCode, not exit(): the process ends once stdout is drained, so piped JSON is never cut.
  run(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`${errorText(e)}\n${t("cli-technical", { detail: String(e) })}\n`);
      process.exitCode = EXIT.failed;
    },
  );
}
