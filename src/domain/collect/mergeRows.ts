import { foldKey } from "../cells/text";
import { cellAddress, isEmptyValue, type CellScalar } from "../grid";
import { findTable } from "../tables";
import { camKetTable, dongGopTable, TABLE } from "../sheets/specs";
import type { TableSpec } from "../sheets/types";
import type { TableData } from "../workbook";
import { PLEDGE_FIELDS, SENT_PLEDGE } from "./forms";
import { rowFingerprint, scopeCells, WHOLE_ROW, type FormScope } from "./issued";
import type { MergeContext } from "./mergeTypes";
import { columnOf, same } from "./mergeTasks";
import { scalarOf } from "./records";
import { checkReturnedRows } from "./returnChecks";

/** How a village's rows are merged, per table: the column naming the village, what the village fills in. */
interface RowTable {
  spec: TableSpec;
  owner: string;
  /** The columns the village fills in (the owner's column is always the owner). */
  fields: readonly string[];
}

const ROW_TABLES: readonly RowTable[] = [
  { spec: camKetTable, owner: "Thôn, đơn vị", fields: PLEDGE_FIELDS },
  { spec: dongGopTable, owner: "Thôn", fields: dongGopTable.columns.filter((c) => !c.formula && c.header !== "Thôn").map((c) => c.header) },
];

/** The value the ledger keeps for a receipt (the list's own spelling). */
const RECEIPT = "Thu";

/**
 * A village's return: its pledge rows and its receipts, every row the village's own (a row naming
 * another village is refused, an empty village is the form's), each checked by the workbook's rules.
 * A row keeps its identity across resends of the same form (a receipt by its `Số chứng từ`, else by
 * its place among the form's rows): a corrected resend updates the row its first return added, and
 * never adds it again.
 */
export function mergeVillageRows(ctx: MergeContext, scope: FormScope | undefined): void {
  for (const t of ROW_TABLES) {
    const back = findTable(ctx.r.tables, t.spec.name);
    if (back) mergeTable(ctx, scope, t, back);
  }
}

function mergeTable(ctx: MergeContext, scope: FormScope | undefined, t: RowTable, back: TableData): void {
  const { plan, r, form, commune } = ctx;
  const ours = findTable(commune, t.spec.name);
  const b = (h: string) => columnOf(back, h);
  const cellOf = (i: number, h: string) => cellAddress(back.range.top + 1 + i, back.range.left + Math.max(0, b(h)));
  const filled = (row: readonly unknown[]) => [t.owner, ...t.fields].some((h) => b(h) >= 0 && !isEmptyValue((row[b(h)] ?? null) as CellScalar));
  const candidates: number[] = [];
  // The village's own rows: the owner's name where the return names none, refused where it names another.
  const rows = back.rows.map((row, i) => {
    if (!filled(row)) return row;
    // A village's form brings receipts: spending is the commune accountant's to write, whatever else the row says.
    const kind = t.spec.name === TABLE.dongGop ? scalarOf(row[b("Loại")]) : null;
    if (typeof kind === "string" && kind.trim() !== "" && foldKey(kind) !== foldKey(RECEIPT)) {
      plan.invalid.push({ file: r.file, code: "merge-village-spending", params: { cell: cellOf(i, "Loại"), sheet: back.sheet } });
      return row;
    }
    const named = scalarOf(row[b(t.owner)]);
    if (named !== null && String(named).trim() !== "" && foldKey(String(named)) !== foldKey(form.who)) {
      plan.invalid.push({ file: r.file, code: "merge-other-village", params: { cell: cellOf(i, t.owner), sheet: back.sheet, village: String(named).slice(0, 100), who: form.who } });
      return row;
    }
    candidates.push(i);
    if (b(t.owner) < 0) return row;
    const copy = [...row];
    copy[b(t.owner)] = form.who;
    return copy;
  });
  if (candidates.length === 0) return;
  if (!ours) return void plan.invalid.push({ file: r.file, code: "merge-no-table", params: { sheet: back.sheet, table: t.spec.name } });
  const checked = checkReturnedRows(commune, t.spec, { ...back, rows }, [t.owner, ...t.fields], ctx.today, ctx.firstDay);
  const book = new BookRows(ours, t);
  const keys = new Set<string>();
  let ordinal = 0;
  for (const i of candidates) {
    const c = checked[i];
    if (!c) continue;
    if (c.problems.length > 0) {
      for (const p of c.problems) plan.invalid.push({ file: r.file, code: "merge-invalid-value", params: { ...p.params, cell: p.cell, column: p.column, rule: p.rule, sheet: back.sheet, task: "" } });
      continue;
    }
    const values = { ...c.values, [t.owner]: form.who };
    const at = { cell: cellOf(i, t.fields[0] as string), sheet: back.sheet };
    let key: string;
    if (t.spec.name === TABLE.camKet) {
      // Unchanged since sent: nothing to take.
      const sent = scopeCells(scope, "sent", TABLE.camKet, SENT_PLEDGE)?.get(WHOLE_ROW);
      if (sent === rowFingerprint(values, PLEDGE_FIELDS)) continue;
      key = `#${++ordinal}`;
    } else {
      const voucher = values["Số chứng từ"];
      key = typeof voucher === "string" && voucher.trim() !== "" ? `số ${foldKey(voucher)}` : typeof voucher === "number" ? `số ${voucher}` : `#${++ordinal}`;
    }
    if (keys.has(key)) {
      plan.invalid.push({ file: r.file, code: "merge-duplicate-row", params: { ...at, task: key } });
      continue;
    }
    keys.add(key);
    mergeRow(ctx, scope, t, book, { key, values, at });
  }
}

/** The commune table's rows, found by fingerprint (a row the form added, wherever it moved) and by voucher. */
class BookRows {
  private byFingerprint: Map<string, number[]> | undefined;
  private readonly claimed = new Set<number>();
  readonly columns: string[];

  constructor(
    readonly table: TableData,
    private readonly t: RowTable,
  ) {
    this.columns = t.spec.columns.filter((c) => !c.formula && columnOf(table, c.header) >= 0).map((c) => c.header);
  }

  record(i: number): Record<string, CellScalar> {
    return Object.fromEntries(this.columns.map((h) => [h, scalarOf(this.table.rows[i]?.[columnOf(this.table, h)])]));
  }

  fingerprint(values: Readonly<Record<string, CellScalar>>): string {
    return rowFingerprint(values, this.columns);
  }

  /** The first row not yet claimed with this fingerprint. */
  claim(fp: string): number | undefined {
    if (!this.byFingerprint) {
      this.byFingerprint = new Map();
      this.table.rows.forEach((_, i) => {
        const k = this.fingerprint(this.record(i));
        const list = this.byFingerprint?.get(k) ?? [];
        list.push(i);
        this.byFingerprint?.set(k, list);
      });
    }
    const i = this.byFingerprint.get(fp)?.find((x) => !this.claimed.has(x));
    if (i !== undefined) this.claimed.add(i);
    return i;
  }

  /** Rows whose `column` reads as `value` (text folded), of `owner` when given. */
  find(column: string, value: CellScalar, owner?: string): number[] {
    const c = columnOf(this.table, column);
    const o = columnOf(this.table, this.t.owner);
    if (c < 0) return [];
    const fold = (v: CellScalar) => (typeof v === "string" ? foldKey(v) : v);
    const out: number[] = [];
    this.table.rows.forEach((row, i) => {
      if (fold(scalarOf(row[c])) !== fold(value)) return;
      if (owner !== undefined && foldKey(String(scalarOf(row[o]) ?? "")) !== foldKey(owner)) return;
      out.push(i);
    });
    return out;
  }

  cell(i: number, column: string): string {
    return cellAddress(this.table.range.top + 1 + i, this.table.range.left + columnOf(this.table, column));
  }
}

function mergeRow(ctx: MergeContext, scope: FormScope | undefined, t: RowTable, book: BookRows, x: { key: string; values: Record<string, CellScalar>; at: { cell: string; sheet: string } }): void {
  const { plan, r, form } = ctx;
  const fp = book.fingerprint(x.values);
  const line = { form: form.id, table: t.spec.name, key: x.key, column: WHOLE_ROW, value: fp, source: "received" as const };
  const prior = scopeCells(scope, "received", t.spec.name, x.key)?.get(WHOLE_ROW);
  if (prior === fp) return;
  if (typeof prior === "string") {
    // A corrected resend: the row this form's earlier return added is updated in place, if the clerk left it as it came.
    const i = book.claim(prior);
    if (i === undefined) return void plan.invalid.push({ file: r.file, code: "merge-row-changed", params: { ...x.at, table: book.table.sheet } });
    const was = book.record(i);
    const row = book.table.range.top + 1 + i;
    const changed = book.columns.filter((h) => !same(was[h] ?? null, x.values[h] ?? null));
    changed.forEach((h, n) => {
      const col = book.table.range.left + columnOf(book.table, h);
      const kind = t.spec.columns.find((c) => c.header === h)?.kind;
      plan.updates.push({ sheet: book.table.sheet, row, col, expected: was[h] ?? null, value: x.values[h] ?? null, ...(kind === "date" ? { numFmt: "dd/mm/yyyy" } : {}), file: r.file, who: form.who, table: t.spec.name, column: h, task: "", ...(n === 0 ? { line } : {}) });
    });
    return;
  }
  if (t.spec.name === TABLE.dongGop) {
    // The same receipt number already in the ledger: the clerk typed it, or another return brought it.
    const voucher: CellScalar = x.values["Số chứng từ"] ?? null;
    const there = voucher === null || voucher === "" ? [] : book.find("Số chứng từ", voucher).filter((i) => book.record(i)["Loại"] === RECEIPT);
    if (there.length > 0) return void plan.invalid.push({ file: r.file, code: "merge-voucher-exists", params: { ...x.at, voucher: String(voucher), bookCell: book.cell(there[0] as number, "Số chứng từ"), bookSheet: book.table.sheet } });
  } else {
    // A row for the same day already in the workbook: the same numbers are nothing new, others are for the clerk to weigh.
    const day: CellScalar = x.values["Ngày cập nhật"] ?? null;
    const there = book.find("Ngày cập nhật", day, form.who);
    if (there.some((i) => rowFingerprint(book.record(i), [...PLEDGE_FIELDS, t.owner]) === rowFingerprint(x.values, [...PLEDGE_FIELDS, t.owner]))) return void plan.lines.push(line);
    if (there.length > 0) return void plan.invalid.push({ file: r.file, code: "merge-pledge-day-exists", params: { ...x.at, bookCell: book.cell(there[0] as number, "Ngày cập nhật"), bookSheet: book.table.sheet } });
  }
  plan.appends.push({ file: r.file, who: form.who, table: t.spec.name, row: x.values, line, at: x.at });
}
