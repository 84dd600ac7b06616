import { foldKey } from "../cells/text";
import { cellAddress, type CellScalar, type CellValue, type Grid } from "../grid";
import { readDate } from "../cells/date";
import type { PlanDefinition } from "../plan/schema";
import type { Period } from "../period";
import { TABLE } from "../sheets/specs";
import type { PrefillRow } from "../sheets/prefill";
import type { TableData } from "../workbook";
import { asciiName, hash64, headerIndex } from "../text";

export { asciiName } from "../text";
import { KIND_WORDS, scalarOf, type ReturnKind } from "./receipts";
import { findTable } from "../tables";
import { formatDate } from "../format";
import { isoToSerial, serialToIso } from "../dates";
import { expectedReturns } from "./status";
import { rowFingerprint, WHOLE_ROW, type ScopeLine } from "./issued";
import { FILL_SHADE } from "./formGuide";

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

/** Whose return a file is, for which workbook and period: shown on the form; the merge believes only `id`. */
export interface FormIdentity {
  /** The form's id, drawn at random (`formId`) and recorded in the commune workbook. */
  id: string;
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
}

/**
 * The key of a commune workbook: its issuing body and its plan (number and date), folded, then
 * hashed. Two copies of one workbook share it; another commune's or another plan's workbook does not.
 */
export function workbookKey(body: string, planNumber: string, planDate: string): string {
  return `so-${hash64([body, planNumber, planDate].map(foldKey).join("|"))}`;
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

/** Whether a due date leaves the senders the whole period to report: it may not fall before the period's last day. */
export function dueTooEarly(period: Pick<Period, "to">, due: string): boolean {
  return due < period.to;
}

/** One workbook to send: its file name, the plan it is made from, the rows it starts with, its identity, and what it may change. */
export interface Form {
  identity: FormIdentity;
  fileName: string;
  plan: PlanDefinition;
  rows: Map<string, PrefillRow[]>;
  /** What the commune workbook records of it: the cells and rows it may change, as sent. */
  scope: ScopeLine[];
}

/** The columns of a pledge row a village fills in: what its return may bring. */
export const PLEDGE_FIELDS = ["Ngày cập nhật", "Số hộ", "Số hộ đã ký", "Số HS, SV đã ký", "Số CB, CC, VC đã ký", "Số CN, NLĐ đã ký", "Ghi chú"] as const;

/** The longest file name part kept from a unit's or village's name (file systems stop at 255 bytes). */
const MAX_NAME = 60;

/**
 * Each form's file name: the owner's name with accents folded, shortened when long, numbered when
 * two names fold alike ("Thôn Đông", "Thôn Đồng": `…-Thon-Dong-…`, `…-Thon-Dong-2-…`).
 */
export function formFileNames(owners: readonly string[], code: string): string[] {
  const taken = new Set<string>();
  return owners.map((owner) => {
    const base = asciiName(owner).slice(0, MAX_NAME).replace(/-+$/, "") || "Phieu";
    let name = `Phieu-bao-cao-${base}-${asciiName(code)}.xlsx`;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `Phieu-bao-cao-${base}-${n}-${asciiName(code)}.xlsx`;
    taken.add(name.toLowerCase());
    return name;
  });
}

const prefill = (t: TableData, row: readonly CellValue[]): PrefillRow => Object.fromEntries(t.headers.map((h, i) => [h, scalarOf(row[i])]));

/**
 * The forms for a period: one per unit of the plan that has tasks in the workbook, one per
 * village of `tblThon` (when the plan tracks pledges or donations), named after the period's code
 * (`Phieu-bao-cao-Tram-y-te-xa-2021-S2.xlsx`); `due` is the day returns are due.
 */
export function collectForms(tables: ReadonlyMap<string, TableData>, plan: PlanDefinition, period: Period, today: string, due: string, newId: () => string): Form[] {
  const get = (name: string) => findTable(tables, name);
  const base = { workbook: workbookKey(plan.issuingBody.name, plan.planNumber ?? "", plan.planDate), body: plan.issuingBody.name, period: { from: period.from, to: period.to, label: period.label }, sentAt: today, due };
  const forms: Omit<Form, "fileName">[] = [];
  const tasks = get(TABLE.nhiemVu);
  const expected = expectedReturns(tables, plan);
  for (const unit of expected.filter((e) => e.kind === "unit").map((e) => e.name)) {
    const rows = tasks ? tasks.rows.filter((r) => foldKey(String(scalarOf(r[tasks.headers.indexOf("Đơn vị")]) ?? "")) === foldKey(unit)) : [];
    if (!tasks || rows.length === 0) continue;
    const col = (h: string) => tasks.headers.indexOf(h);
    const identity: FormIdentity = { ...base, id: newId(), kind: "unit", name: unit };
    // Each task's fill-in cells, as the workbook has them: all the form may change.
    const scope = rows.flatMap((r) => {
      const key = taskKey(r[col("Đơn vị")], r[col("Mục kế hoạch")], r[col("Nội dung nhiệm vụ")]);
      return TASK_FIELDS.map((f): ScopeLine => ({ form: identity.id, table: TABLE.nhiemVu, key, column: f, value: scalarOf(r[col(f)]), source: "sent" }));
    });
    const subPlan: PlanDefinition = { ...plan, trackers: ["tasks"], units: plan.units.filter((u) => foldKey(u.name) === foldKey(unit)), milestones: [] };
    forms.push({
      identity,
      scope,
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
      const identity: FormIdentity = { ...base, id: newId(), kind: "village", name: v };
      const scope: ScopeLine[] = [];
      if (villageTrackers.includes("pledges") && pledges) {
        // The village's latest row: the numbers it updates in place (a new date, the counts to that date).
        const c = (h: string) => pledges.headers.indexOf(h);
        const own = pledges.rows.filter((r) => foldKey(String(scalarOf(r[c("Thôn, đơn vị")]) ?? "")) === foldKey(v) && typeof scalarOf(r[c("Ngày cập nhật")]) === "number");
        const latest = own.sort((a, b) => Number(scalarOf(a[c("Ngày cập nhật")])) - Number(scalarOf(b[c("Ngày cập nhật")]))).at(-1);
        rows.set(TABLE.camKet, latest ? [prefill(pledges, latest)] : []);
        // What was sent, to tell an unchanged row from an update.
        scope.push({ form: identity.id, table: TABLE.camKet, key: SENT_PLEDGE, column: WHOLE_ROW, value: latest ? rowFingerprint(prefill(pledges, latest), PLEDGE_FIELDS) : null, source: "sent" });
      }
      if (villageTrackers.includes("donations")) rows.set(TABLE.dongGop, []);
      forms.push({ identity, scope, plan: { ...plan, trackers: ["tasks", ...villageTrackers], units: [], milestones: [] }, rows });
    }
  }
  const names = formFileNames(forms.map((f) => f.identity.name), period.code);
  return forms.map((f, i) => ({ ...f, fileName: names[i] as string }));
}

/** The key of the pledge row a village's form was sent with. */
export const SENT_PLEDGE = "#gửi";

/** The columns a unit or village fills in, by table; the rest of its form is locked. */
const FILLED: Record<string, readonly string[]> = {
  [TABLE.nhiemVu]: TASK_FIELDS,
  [TABLE.camKet]: ["Ngày cập nhật", "Số hộ", "Số hộ đã ký", "Số HS, SV đã ký", "Số CB, CC, VC đã ký", "Số CN, NLĐ đã ký", "Ghi chú"],
};

/**
 * A template grid of a form, protected: the cells of the columns to fill unlocked and shaded in
 * each body row; the donations sheet left unprotected, since a village adds rows to it (a
 * protected sheet's table cannot grow).
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
        // Unlocked and shaded: the cells to fill stand out, as the guide sheet says.
        if (i >= 0) cells[i] = { ...cells[i]!, style: { ...cells[i]!.style, locked: false, fill: FILL_SHADE } };
        else cells.push({ row, col, style: { locked: false, fill: FILL_SHADE } });
      }
    }
  }
  return { ...g, cells, protect: true };
}

/** Keys of the identity table, in order. Only `Mã phiếu` is believed; the rest is for people, and compared. */
const KEYS = { id: "Mã phiếu", workbook: "Mã sổ", body: "Cơ quan", kind: "Loại phiếu", name: "Phiếu của", from: "Từ ngày", to: "Đến ngày", label: "Kỳ báo cáo", sentAt: "Ngày gửi", due: "Hạn gửi lại" } as const;

/** The identity sheet of a form: whose it is, to whom, for which period, by when; its id, which the commune workbook recorded. */
export function identityGrid(id: FormIdentity): Grid {
  const rows: [string, CellScalar][] = [
    [KEYS.id, id.id],
    [KEYS.workbook, id.workbook],
    [KEYS.body, id.body],
    [KEYS.kind, KIND_WORDS[id.kind]],
    [KEYS.name, id.name],
    [KEYS.from, formatDate(id.period.from)],
    [KEYS.to, formatDate(id.period.to)],
    [KEYS.label, id.period.label],
    [KEYS.sentAt, formatDate(id.sentAt)],
    [KEYS.due, formatDate(id.due)],
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

/** What a return says about itself: its id (looked up in the commune's record), and the rest, only to compare and to name. */
export interface StatedIdentity {
  id: string | undefined;
  workbook: string | undefined;
  body: string | undefined;
  name: string | undefined;
  kind: FormKind | undefined;
  from: string | undefined;
  to: string | undefined;
  due: string | undefined;
  /** The cell of the id in the return, to name it. */
  idCell: string;
}

/** Reads what a return says about itself from its `tblPhieu`; undefined when it has none (not a return). */
export function readIdentity(t: TableData | undefined): StatedIdentity | undefined {
  if (!t) return undefined;
  const k = headerIndex(t.headers, "Mục");
  const v = headerIndex(t.headers, "Giá trị");
  if (k < 0 || v < 0) return undefined;
  const rowOf = new Map<string, number>();
  t.rows.forEach((r, i) => {
    const key = foldKey(String(scalarOf(r[k]) ?? ""));
    if (!rowOf.has(key)) rowOf.set(key, i);
  });
  const raw = (key: string) => {
    const i = rowOf.get(foldKey(key));
    return i === undefined ? undefined : t.rows[i]?.[v];
  };
  const text = (key: string): string | undefined => {
    const x = scalarOf(raw(key));
    // A stated value is only ever compared: a long one is not worth reading.
    return (typeof x === "string" || typeof x === "number") && String(x).trim() !== "" ? String(x).trim().slice(0, 300) : undefined;
  };
  const date = (key: string): string | undefined => {
    const d = readDate(raw(key) ?? null);
    return d.kind === "value" ? d.value : undefined;
  };
  const kindText = text(KEYS.kind);
  const idRow = rowOf.get(foldKey(KEYS.id));
  return {
    id: text(KEYS.id),
    workbook: text(KEYS.workbook),
    body: text(KEYS.body),
    name: text(KEYS.name),
    kind: kindText === KIND_WORDS.unit ? "unit" : kindText === KIND_WORDS.village ? "village" : undefined,
    from: date(KEYS.from),
    to: date(KEYS.to),
    due: date(KEYS.due),
    idCell: cellAddress(t.range.top + 1 + (idRow ?? 0), t.range.left + v),
  };
}
