import { foldKey } from "../cells/text";
import type { CellScalar, CellValue, Grid } from "../grid";
import type { PlanDefinition } from "../plan/schema";
import type { Period } from "../report/period";
import { TABLE } from "../sheets/specs";
import type { PrefillRow } from "../sheets/prefill";
import type { TableData } from "../workbook";
import { asciiName } from "../text";

export { asciiName } from "../text";
import { KIND_WORDS, scalarOf, type ReturnKind } from "./receipts";
import { findTable } from "../rules/validate";
import { formatDate } from "../format";
import { isoToSerial, serialToIso } from "../dates";
import { expectedReturns } from "./status";

export { scalarOf } from "./receipts";

// Returnable workbooks: one per unit (its tasks to report on) and one per village (its pledge row
// to update, its donations when the plan has them), each with an identity that says whose return
// it is, for which workbook and period, and what was sent, so that the return can be merged back.

/** The sheet and table of a return's identity. */
export const FORM_SHEET = "Phiếu";
export const FORM_TABLE = "tblPhieu";

/** The task cells a unit reports: what merging a return may change in `tblNhiemVu`. */
export const TASK_FIELDS = ["Trạng thái", "Ngày hoàn thành", "Kết quả, minh chứng", "Ghi chú"] as const;

export type FormKind = ReturnKind;

/** Whose return a file is, for which workbook and period, and what it was sent with. */
export interface FormIdentity {
  /** The commune workbook's key (`workbookKey`). */
  workbook: string;
  /** The issuing body, as the workbook names it ("XÃ CHÂU SƠN"). */
  body: string;
  kind: FormKind;
  /** The unit's or village's name, as the workbook writes it. */
  name: string;
  period: { from: string; to: string; label: string };
  /** The day the form was made, and the day the return is due. */
  sentAt: string;
  due: string;
  /** Each task sent (unit forms): its key and the values of `TASK_FIELDS`, as the workbook had them. */
  tasks: { key: string; values: Record<string, CellScalar> }[];
}

/**
 * The key of a commune workbook: its issuing body and its plan (number and date), folded, then
 * hashed. Two copies of one workbook share it; another commune's or another plan's workbook does not.
 */
export function workbookKey(body: string, planNumber: string, planDate: string): string {
  const text = [body, planNumber, planDate].map(foldKey).join("|");
  // FNV-1a, 32 bits twice (two seeds): short, stable, and enough to tell workbooks apart.
  const fnv = (seed: number) => {
    let h = seed >>> 0;
    for (let i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    return h.toString(16).padStart(8, "0");
  };
  return `so-${fnv(0x811c9dc5)}${fnv(0x12345678)}`;
}

/** A task's key in its workbook: the plan's item and the task's words, folded (the row may move). */
export function taskKey(unit: CellValue | undefined, item: CellValue | undefined, content: CellValue | undefined): string {
  const text = (v: CellValue | undefined) => (typeof v === "string" || typeof v === "number" ? foldKey(String(v)) : "");
  return `${text(unit)}|${text(item)}|${text(content)}`;
}

/** A column's values of one table row, by header. */
export function rowRecord(t: TableData, row: readonly CellValue[]): Record<string, CellValue> {
  return Object.fromEntries(t.headers.map((h, i) => [h, row[i] ?? null]));
}

/** The day returns are due when none is given: five days after the period ends. */
export function defaultDue(period: Pick<Period, "to">): string {
  return serialToIso(isoToSerial(period.to) + 5) ?? period.to;
}

/** One workbook to send: its file name, the plan it is made from, the rows it starts with, and its identity. */
export interface Form {
  identity: FormIdentity;
  fileName: string;
  plan: PlanDefinition;
  rows: Map<string, PrefillRow[]>;
}

const prefill = (t: TableData, row: readonly CellValue[]): PrefillRow => Object.fromEntries(t.headers.map((h, i) => [h, scalarOf(row[i])]));

/**
 * The forms for a period: one per unit of the plan that has tasks in the workbook, one per
 * village of `tblThon` (when the plan tracks pledges or donations), named after the period's code
 * (`Phieu-bao-cao-Tram-y-te-xa-2021-S2.xlsx`); `due` is the day returns are due.
 */
export function collectForms(tables: ReadonlyMap<string, TableData>, plan: PlanDefinition, period: Period, today: string, due: string): Form[] {
  const code = period.code;
  const get = (name: string) => findTable(tables, name);
  const base = { workbook: workbookKey(plan.issuingBody.name, plan.planNumber ?? "", plan.planDate), body: plan.issuingBody.name, period: { from: period.from, to: period.to, label: period.label }, sentAt: today, due };
  const forms: Form[] = [];
  const tasks = get(TABLE.nhiemVu);
  const expected = expectedReturns(tables, plan);
  for (const unit of expected.filter((e) => e.kind === "unit").map((e) => e.name)) {
    const rows = tasks ? tasks.rows.filter((r) => foldKey(String(scalarOf(r[tasks.headers.indexOf("Đơn vị")]) ?? "")) === foldKey(unit)) : [];
    if (!tasks || rows.length === 0) continue;
    const col = (h: string) => tasks.headers.indexOf(h);
    const identity: FormIdentity = {
      ...base,
      kind: "unit",
      name: unit,
      tasks: rows.map((r) => ({ key: taskKey(r[col("Đơn vị")], r[col("Mục kế hoạch")], r[col("Nội dung nhiệm vụ")]), values: Object.fromEntries(TASK_FIELDS.map((f) => [f, scalarOf(r[col(f)])])) })),
    };
    const subPlan: PlanDefinition = { ...plan, trackers: ["tasks"], units: plan.units.filter((u) => foldKey(u.name) === foldKey(unit)), milestones: [] };
    forms.push({
      identity,
      fileName: `Phieu-bao-cao-${asciiName(unit)}-${asciiName(code)}.xlsx`,
      plan: subPlan,
      rows: new Map([
        [TABLE.donVi, [{ "Đơn vị": unit }]],
        [TABLE.nhiemVu, rows.map((r) => prefill(tasks, r))],
      ]),
    });
  }
  const villageTrackers = plan.trackers.filter((t) => t === "pledges" || t === "donations");
  const villages = get(TABLE.thon);
  if (villageTrackers.length > 0 && villages) {
    const pledges = get(TABLE.camKet);
    for (const v of expected.filter((e) => e.kind === "village").map((e) => e.name)) {
      const rows = new Map<string, PrefillRow[]>([[TABLE.thon, [Object.fromEntries(villages.headers.map((h) => [h, h === "Thôn" ? v : null]))]]]);
      if (villageTrackers.includes("pledges") && pledges) {
        // The village's latest row: the numbers it updates in place (a new date, the counts to that date).
        const c = (h: string) => pledges.headers.indexOf(h);
        const own = pledges.rows.filter((r) => foldKey(String(scalarOf(r[c("Thôn, đơn vị")]) ?? "")) === foldKey(v) && typeof scalarOf(r[c("Ngày cập nhật")]) === "number");
        const latest = own.sort((a, b) => Number(scalarOf(a[c("Ngày cập nhật")])) - Number(scalarOf(b[c("Ngày cập nhật")]))).at(-1);
        rows.set(TABLE.camKet, latest ? [prefill(pledges, latest)] : []);
      }
      if (villageTrackers.includes("donations")) rows.set(TABLE.dongGop, []);
      forms.push({
        identity: { ...base, kind: "village", name: v, tasks: [] },
        fileName: `Phieu-bao-cao-${asciiName(v)}-${asciiName(code)}.xlsx`,
        plan: { ...plan, trackers: ["tasks", ...villageTrackers], units: [], milestones: [] },
        rows,
      });
    }
  }
  return forms;
}

/** The columns a unit or village fills in, by table; the rest of its form is locked. */
const FILLED: Record<string, readonly string[]> = {
  [TABLE.nhiemVu]: TASK_FIELDS,
  [TABLE.camKet]: ["Ngày cập nhật", "Số hộ", "Số hộ đã ký", "Số HS, SV đã ký", "Số CB, CC, VC đã ký", "Số CN, NLĐ đã ký", "Ghi chú"],
};

/**
 * A template grid of a form, protected: the cells of the columns to fill unlocked in each body
 * row; the donations sheet left unprotected, since a village adds rows to it (a protected sheet's
 * table cannot grow).
 */
export function protectForm(g: Grid, kind: FormKind): Grid {
  if (g.tables?.some((t) => t.name === TABLE.dongGop)) return g;
  const cells = [...g.cells];
  for (const t of g.tables ?? []) {
    const filled = kind === "unit" || t.name === TABLE.camKet ? (FILLED[t.name] ?? []) : [];
    for (const header of filled) {
      const col = t.range.left + t.headers.indexOf(header);
      if (col < t.range.left) continue;
      for (let row = t.range.top + 1; row <= t.range.bottom; row++) {
        const i = cells.findIndex((c) => c.row === row && c.col === col);
        if (i >= 0) cells[i] = { ...cells[i]!, style: { ...cells[i]!.style, locked: false } };
        else cells.push({ row, col, style: { locked: false } });
      }
    }
  }
  return { ...g, cells, protect: true };
}

/** Keys of the identity table, in order. */
const KEYS = { workbook: "Mã sổ", body: "Cơ quan", kind: "Loại phiếu", name: "Phiếu của", from: "Từ ngày", to: "Đến ngày", label: "Kỳ báo cáo", sentAt: "Ngày gửi", due: "Hạn gửi lại", sent: "Dữ liệu đã gửi" } as const;

/** The identity sheet of a form: who sends it back, to whom, by when; and what was sent (for the merge, not to be edited). */
export function identityGrid(id: FormIdentity): Grid {
  const rows: [string, CellScalar][] = [
    [KEYS.workbook, id.workbook],
    [KEYS.body, id.body],
    [KEYS.kind, KIND_WORDS[id.kind]],
    [KEYS.name, id.name],
    [KEYS.from, id.period.from],
    [KEYS.to, id.period.to],
    [KEYS.label, id.period.label],
    [KEYS.sentAt, id.sentAt],
    [KEYS.due, id.due],
    [KEYS.sent, JSON.stringify(id.tasks)],
  ];
  const top = 3;
  const text = (row: number, value: string, bold = false) => ({ row, col: 0, value, style: { bold, wrap: false } });
  return {
    sheet: FORM_SHEET,
    createSheet: true,
    cells: [
      text(0, `PHIẾU BÁO CÁO ${id.period.label.toLocaleUpperCase("vi")}: ${id.name}`, true),
      text(1, `Điền vào trang ${id.kind === "unit" ? "Nhiệm vụ (trạng thái, ngày hoàn thành, kết quả)" : "Cam kết (sửa dòng của thôn: ngày cập nhật và các số đã ký) và trang Đóng góp nếu có (thêm các khoản)"}; gửi lại tệp này trước ngày ${formatDate(id.due)}. Không sửa trang này.`),
      { row: top, col: 0, value: "Mục", style: { bold: true } },
      { row: top, col: 1, value: "Giá trị", style: { bold: true } },
      ...rows.flatMap(([k, v], i) => [
        { row: top + 1 + i, col: 0, value: k },
        { row: top + 1 + i, col: 1, value: v },
      ]),
    ],
    columns: [
      { col: 0, width: 22 },
      { col: 1, width: 60 },
    ],
    tables: [{ name: FORM_TABLE, range: { top, left: 0, bottom: top + rows.length, right: 1 }, headers: ["Mục", "Giá trị"] }],
  };
}

/** Why a file is not a return this workbook can take. */
export type IdentityProblem = { code: "merge-not-a-return" } | { code: "merge-bad-identity"; params: { key: string } };

/** Reads a return's identity from its `tblPhieu`; a problem when it is missing or unreadable. */
export function readIdentity(t: TableData | undefined): FormIdentity | IdentityProblem {
  if (!t) return { code: "merge-not-a-return" };
  const k = t.headers.indexOf("Mục");
  const v = t.headers.indexOf("Giá trị");
  const map = new Map(t.rows.map((r) => [String(scalarOf(r[k]) ?? ""), scalarOf(r[v])] as const));
  const text = (key: string): string | undefined => {
    const x = map.get(key);
    return typeof x === "string" && x.trim() !== "" ? x.trim() : undefined;
  };
  for (const key of Object.values(KEYS)) if (text(key) === undefined && key !== KEYS.sent) return { code: "merge-bad-identity", params: { key } };
  const kind = text(KEYS.kind) === KIND_WORDS.unit ? "unit" : text(KEYS.kind) === KIND_WORDS.village ? "village" : undefined;
  if (!kind) return { code: "merge-bad-identity", params: { key: KEYS.kind } };
  let tasks: FormIdentity["tasks"] = [];
  try {
    const parsed = JSON.parse(text(KEYS.sent) ?? "[]") as unknown;
    if (!Array.isArray(parsed) || !parsed.every((x) => typeof x === "object" && x !== null && typeof (x as { key?: unknown }).key === "string" && typeof (x as { values?: unknown }).values === "object")) throw new Error("shape");
    tasks = parsed as FormIdentity["tasks"];
  } catch {
    return { code: "merge-bad-identity", params: { key: KEYS.sent } };
  }
  return {
    workbook: text(KEYS.workbook) as string,
    body: text(KEYS.body) as string,
    kind,
    name: text(KEYS.name) as string,
    period: { from: text(KEYS.from) as string, to: text(KEYS.to) as string, label: text(KEYS.label) as string },
    sentAt: text(KEYS.sentAt) as string,
    due: text(KEYS.due) as string,
    tasks,
  };
}
