import { readDate } from "../cells/date";
import type { AllowedList } from "../cells/list";
import { readListValue } from "../cells/list";
import { MAX_EXACT_WHOLE, readNumber } from "../cells/number";
import type { CellRead } from "../cells/read";
import { readText } from "../cells/text";
import type { CellValue } from "../grid";
import type { ColumnSpec } from "../sheets/types";
import type { Fix } from "./types";
import type { IssueSink, Parsed, TableView } from "./view";

export interface ColumnContext {
  view: TableView;
  sink: IssueSink;
  list: AllowedList | undefined;
}

/** The fix writing a read's canonical value; none for a formula, whose result is not the user's typing. */
function fixOf(read: { canonical?: string | number | boolean | null }, raw: CellValue, numFmt?: string): Fix | undefined {
  if (read.canonical === undefined || (raw !== null && typeof raw === "object")) return undefined;
  return numFmt ? { value: read.canonical, expected: raw, numFmt } : { value: read.canonical, expected: raw };
}

function unreadable(ctx: ColumnContext, i: number, c: ColumnSpec, r: Extract<CellRead<unknown>, { kind: "invalid" }>): void {
  ctx.sink.at(ctx.view, i, c.header, "cell-unreadable", { problem: r.problem, detail: r.detail ?? "" });
}

function textCell(ctx: ColumnContext, i: number, c: ColumnSpec, raw: CellValue): Parsed {
  if (ctx.list) {
    const r = readListValue(raw, ctx.list);
    if (r.kind === "not-in-list") {
      ctx.sink.at(ctx.view, i, c.header, "list-value", { value: r.text, allowed: ctx.list.values.length <= 8 ? ctx.list.values.join("; ") : "" });
      return r.text;
    }
    if (r.kind === "invalid") return void unreadable(ctx, i, c, r);
    if (r.kind !== "value") return undefined;
    if (r.assumed === "list-variant") ctx.sink.at(ctx.view, i, c.header, "list-variant", { value: String(textOf(raw)), canonical: r.value }, fixOf(r, raw));
    else if (r.canonical !== undefined) ctx.sink.at(ctx.view, i, c.header, "text-spacing", {}, fixOf(r, raw));
    return r.value;
  }
  const r = readText(raw);
  if (r.kind === "invalid") return void unreadable(ctx, i, c, r);
  if (r.kind !== "value") return undefined;
  if (r.canonical !== undefined) ctx.sink.at(ctx.view, i, c.header, "text-spacing", {}, fixOf(r, raw));
  return r.value;
}

function textOf(raw: CellValue): string {
  return typeof raw === "string" || typeof raw === "number" ? String(raw) : "";
}

function dateCell(ctx: ColumnContext, i: number, c: ColumnSpec, raw: CellValue): Parsed {
  const r = readDate(raw);
  if (r.kind === "invalid") {
    if (r.problem === "month-first-date") ctx.sink.at(ctx.view, i, c.header, "date-month-first", { value: r.detail ?? "" });
    else if (r.problem === "not-a-date" || r.problem === "impossible-date") ctx.sink.at(ctx.view, i, c.header, "date-invalid", { value: r.detail ?? textOf(raw) });
    else unreadable(ctx, i, c, r);
    return undefined;
  }
  if (r.kind !== "value") return undefined;
  if (r.canonical !== undefined) ctx.sink.at(ctx.view, i, c.header, "date-as-text", { value: textOf(raw), date: r.value }, fixOf(r, raw, "dd/mm/yyyy"));
  return r.value;
}

function numberCell(ctx: ColumnContext, i: number, c: ColumnSpec, raw: CellValue): Parsed {
  const r = readNumber(raw);
  if (r.kind === "invalid") {
    if (r.problem === "not-a-number") ctx.sink.at(ctx.view, i, c.header, "number-invalid", { value: r.detail ?? textOf(raw) });
    else unreadable(ctx, i, c, r);
    return undefined;
  }
  if (r.kind !== "value") return undefined;
  if (!Number.isInteger(r.value)) return void ctx.sink.at(ctx.view, i, c.header, "number-not-whole", { value: r.value });
  if (r.value < 0) return void ctx.sink.at(ctx.view, i, c.header, "number-negative", { value: r.value });
  if (Math.abs(r.value) > MAX_EXACT_WHOLE) return void ctx.sink.at(ctx.view, i, c.header, "amount-too-large", { value: r.value });
  if (r.canonical !== undefined) ctx.sink.at(ctx.view, i, c.header, "number-as-text", { value: textOf(raw), number: r.value }, fixOf(r, raw));
  return r.value;
}

/** Reads every cell of one column, reporting what cannot be read and offering the mechanical fixes. */
export function checkColumn(ctx: ColumnContext, c: ColumnSpec): Parsed[] {
  const { view } = ctx;
  const col = view.colOf(c.header);
  const out: Parsed[] = new Array<Parsed>(view.rowCount);
  if (col === undefined || c.formula) return out;
  for (let i = 0; i < view.rowCount; i++) {
    if (view.blank[i]) continue;
    const raw = view.data.rows[i]?.[col] ?? null;
    if (view.isEmpty(i, c.header)) {
      if (c.required) ctx.sink.at(view, i, c.header, "required");
      continue;
    }
    if (c.kind === "date") out[i] = dateCell(ctx, i, c, raw);
    else if (c.kind === "text" || c.kind === "longtext") out[i] = textCell(ctx, i, c, raw);
    else if (c.kind !== "rate") out[i] = numberCell(ctx, i, c, raw);
  }
  return out;
}
