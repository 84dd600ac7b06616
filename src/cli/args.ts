import { parseArgs as parseNodeArgs } from "node:util";

/** One command line, read: the command, its file arguments, its options (`--json` as true). */
export interface Args {
  command: string | undefined;
  positional: string[];
  options: Map<string, string | true>;
}

type OptionKind = "string" | "boolean";

/** Each command's options, and how many file arguments it takes (`Infinity`: any number). */
export const COMMAND_OPTIONS: Record<string, { options: Record<string, OptionKind>; files: [min: number, max: number] }> = {
  demo: { options: { out: "string" }, files: [0, 0] },
  template: { options: { plan: "string" }, files: [1, 1] },
  validate: { options: { json: "boolean", fix: "boolean", out: "string", today: "string" }, files: [1, 1] },
  report: { options: { period: "string", json: "boolean", out: "string", docx: "string", today: "string", close: "boolean", by: "string", lock: "boolean" }, files: [1, 1] },
  close: { options: { period: "string", by: "string", today: "string", reopen: "string", lock: "boolean", unlock: "boolean" }, files: [1, 1] },
  disclosure: { options: { period: "string", json: "boolean", out: "string", docx: "string", today: "string", "by-village": "boolean" }, files: [1, 1] },
  bank: { options: { account: "string", map: "string", apply: "boolean", json: "boolean", today: "string" }, files: [2, Infinity] },
  remind: { options: { period: "string", json: "boolean", docx: "string", today: "string" }, files: [1, 1] },
  nominations: { options: { period: "string", out: "string", docx: "string", today: "string" }, files: [1, 1] },
  collect: { options: { out: "string", period: "string", due: "string", today: "string" }, files: [1, 1] },
  merge: { options: { json: "boolean", "dry-run": "boolean", period: "string", today: "string" }, files: [2, Infinity] },
  consolidate: { options: { period: "string", out: "string", json: "boolean", expect: "string" }, files: [1, Infinity] },
  "plan import": { options: { json: "boolean", out: "string" }, files: [1, 1] },
  "plan show": { options: { json: "boolean" }, files: [1, 1] },
};

/** Why a command line was refused: a message code and its parameters (exit 64). */
export class UsageError extends Error {
  constructor(
    readonly code: string,
    readonly params: Record<string, string>,
  ) {
    super(code);
    this.name = "UsageError";
  }
}

/** The accepted forms of a command's options, as the usage prints them: `--period P, --json, --out FILE`. */
export function acceptedOptions(command: string): string {
  const spec = COMMAND_OPTIONS[command];
  if (!spec) return "";
  return Object.entries(spec.options).map(([name, kind]) => (kind === "boolean" ? `--${name}` : `--${name} ${name.toUpperCase()}`)).join(", ");
}

/**
 * Reads a command line strictly (Node's `util.parseArgs`): an option the command does not know, an
 * option without its value, a boolean option given a value, too few or too many files: a
 * `UsageError`, never ignored. `plan import|show` count as one command.
 */
export function parseCommandLine(argv: readonly string[]): Args {
  const first = argv.findIndex((a) => !a.startsWith("-"));
  const command = first >= 0 ? argv[first] : undefined;
  if (!command || !(command in COMMAND_OPTIONS || command === "plan")) return { command, positional: [], options: new Map() };
  const rest = [...argv.slice(0, first), ...argv.slice(first + 1)];
  const sub = command === "plan" ? rest.find((a) => !a.startsWith("-")) : undefined;
  const name = command === "plan" ? `plan ${sub ?? ""}` : command;
  const spec = COMMAND_OPTIONS[name];
  if (!spec) throw new UsageError("cli-plan-usage", {});
  const args = command === "plan" ? rest.filter((a, i) => i !== rest.indexOf(sub as string)) : rest;
  let parsed: ReturnType<typeof parseNodeArgs>;
  try {
    parsed = parseNodeArgs({ args, options: Object.fromEntries(Object.entries(spec.options).map(([k, type]) => [k, { type }])), allowPositionals: true, strict: true });
  } catch (e) {
    const code = (e as { code?: string }).code;
    const option = /'(-{1,2}[^'\s]+)/.exec((e as Error).message)?.[1] ?? "";
    if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") throw new UsageError("cli-unknown-option", { command: name, option, accepted: acceptedOptions(name) });
    if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") throw new UsageError("cli-option-value", { command: name, option, accepted: acceptedOptions(name) });
    if (code === "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL") throw new UsageError("cli-extra-file", { command: name, file: "" });
    throw e;
  }
  const positional = parsed.positionals;
  if (positional.length > spec.files[1]) throw new UsageError("cli-extra-file", { command: name, file: positional[spec.files[1]] ?? "" });
  const options = new Map<string, string | true>();
  for (const [k, v] of Object.entries(parsed.values)) {
    if (typeof v === "string") options.set(k, v);
    else if (v === true) options.set(k, true);
  }
  return { command, positional: command === "plan" ? [sub ?? "", ...positional] : positional, options };
}
