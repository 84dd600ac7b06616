import { INFO } from "../sheets/infoKeys";
import { findTable } from "../tables";
import { readDate } from "../cells/date";
import { readText } from "../cells/text";
import { cellAddress, type CellValue } from "../grid";
import { formatDate } from "../format";
import { PLAN_ROW_KINDS } from "../sheets/enums";
import { CADENCE_WORDS, TRACKER_SHEETS } from "../sheets/prefill";
import { SHEET, TABLE } from "../sheets/specs";
import { headerIndex, nameKey } from "../text";
import type { ReadOptions, TableData, WorkbookPort } from "../workbook";
import { readCadence, unitGroup } from "./words";
import { CADENCES, TRACKERS, type Tracker } from "./kinds";
import type { Milestone, PlanDefinition, PlanUnit } from "./schema";

/** The tables the plan is kept in. */
export const PLAN_TABLES = [TABLE.thongTin, TABLE.keHoach] as const;

/** Something that keeps the workbook's plan from being read, with the cell to fix. */
export interface PlanProblem {
  sheet: string;
  cell: string;
  message: string;
}

export type WorkbookPlan = { plan: PlanDefinition; problems: [] } | { plan: undefined; problems: PlanProblem[] };

/** `Thông tin chung` as key → value text (dates as dd/mm/yyyy), with each key's cell. */
export function infoValues(table: TableData | undefined): Map<string, { text: string; cell: string }> {
  const out = new Map<string, { text: string; cell: string }>();
  if (!table) return out;
  const k = headerIndex(table.headers, "Mục");
  const v = headerIndex(table.headers, "Giá trị");
  if (k < 0 || v < 0) return out;
  table.rows.forEach((row, i) => {
    const key = readText(row[k] ?? null);
    if (key.kind !== "value") return;
    const raw = row[v] ?? null;
    const date = nameKey(key.value).startsWith("ngày") ? readDate(raw) : undefined;
    const text = date?.kind === "value" ? { kind: "value" as const, value: formatDate(date.value) } : readText(raw);
    const cell = cellAddress(table.range.top + 1 + i, table.range.left + v);
    out.set(nameKey(key.value), { text: text.kind === "value" ? text.value : "", cell });
  });
  return out;
}

/** "ỦY BAN NHÂN DÂN XÃ CHÂU SƠN" → ["ỦY BAN NHÂN DÂN", "XÃ CHÂU SƠN"]. */
export function splitBody(full: string): [string, string] {
  const m = /^(.*?)\s+((?:XÃ|PHƯỜNG|THỊ TRẤN|ĐẶC KHU|HUYỆN|QUẬN|THỊ XÃ|THÀNH PHỐ|TỈNH)\s.+)$/u.exec(full.trim());
  return m ? [m[1] as string, m[2] as string] : [full.trim(), ""];
}

const KINDS: Record<string, Milestone["kind"] | "task"> = { "nhiệm vụ": "task", "phát động": "launch", "ký cam kết": "pledge", "mốc thời hạn": "deadline" };

/** Trackers named in `Nội dung theo dõi` by their sheets' names; all four when the key is absent. */
function trackersIn(text: string | undefined): Tracker[] {
  if (text === undefined) return [...TRACKERS];
  const named = new Set(text.split(/[,;\n]/).map((s) => nameKey(s)));
  return TRACKERS.filter((t) => named.has(nameKey(TRACKER_SHEETS[t])));
}

/** The trackers of the workbook's plan, read from `Thông tin chung` alone; none when the workbook keeps no plan. */
export function planTrackers(tables: ReadonlyMap<string, TableData>): Tracker[] | undefined {
  const info = findTable(tables, TABLE.thongTin);
  if (!info || !findTable(tables, TABLE.keHoach)) return undefined;
  const v = infoValues(info);
  return trackersIn(v.has(nameKey(INFO.trackers)) ? (v.get(nameKey(INFO.trackers))?.text ?? "") : undefined);
}

/** The sections (`II.1`) of the plan's common milestones, as `Kế hoạch` lists them (rows not of the kind `Nhiệm vụ`). */
export function milestoneSections(tables: ReadonlyMap<string, TableData>): Set<string> {
  const body = findTable(tables, TABLE.keHoach);
  if (!body) return new Set();
  const [cSection, cKind] = [headerIndex(body.headers, "Mục kế hoạch"), headerIndex(body.headers, "Loại")];
  return new Set(body.rows.flatMap((row) => {
    const kind = KINDS[nameKey(rowText(row, cKind) ?? "Nhiệm vụ")];
    const section = rowText(row, cSection);
    return kind && kind !== "task" && section ? [section] : [];
  }));
}

/** The plan's cadence from `Kỳ báo cáo` ("6 tháng, 1 năm"); every six months and yearly when absent. */
function cadenceIn(text: string | undefined): PlanDefinition["reporting"]["cadence"] {
  if (text === undefined) return ["semiannual", "annual"];
  const words = new Set(text.split(/[,;\n]/).map((s) => nameKey(s)));
  const exact = CADENCES.filter((c) => words.has(nameKey(CADENCE_WORDS[c])));
  return exact.length > 0 ? exact : readCadence(text);
}

function rowText(row: readonly CellValue[], i: number): string | undefined {
  if (i < 0) return undefined;
  const r = readText(row[i] ?? null);
  return r.kind === "value" ? r.value : undefined;
}

/**
 * The plan as the workbook keeps it: its header, reporting and trackers in `Thông tin chung`, its
 * units, tasks and milestones in `Kế hoạch`. Without `Kế hoạch` (a workbook made before the plan
 * was kept there) there is no plan; what is wrong is said with the cell to correct.
 */
export async function planFromTables(tables: ReadonlyMap<string, TableData>): Promise<WorkbookPlan> {
  const info = findTable(tables, TABLE.thongTin);
  const body = findTable(tables, TABLE.keHoach);
  if (!info || !body) return { plan: undefined, problems: [] };
  const v = infoValues(info);
  const get = (key: string) => v.get(nameKey(key))?.text || undefined;
  const [parent, name] = splitBody(get(INFO.body) ?? "");
  const planDate = (() => {
    const r = readDate(get(INFO.planDate) ?? "");
    return r.kind === "value" ? r.value : "";
  })();

  const col = (h: string) => headerIndex(body.headers, h);
  const [cSection, cUnit, cGroup, cContent, cDeadline, cKind] = ["Mục kế hoạch", "Đơn vị", "Nhóm", "Nội dung", "Hạn hoàn thành", "Loại"].map(col) as [number, number, number, number, number, number];
  const problems: PlanProblem[] = [];
  const units: PlanUnit[] = [];
  const milestones: Milestone[] = [];
  body.rows.forEach((row, i) => {
    const content = rowText(row, cContent);
    const unit = rowText(row, cUnit);
    const section = rowText(row, cSection) ?? "";
    const kindText = rowText(row, cKind) ?? "Nhiệm vụ";
    if (content === undefined && unit === undefined) return;
    const at = (c: number) => cellAddress(body.range.top + 1 + i, body.range.left + Math.max(0, c));
    const kind = KINDS[nameKey(kindText)];
    if (!kind) {
      problems.push({ sheet: SHEET.keHoach, cell: at(cKind), message: `"${kindText}" không phải một loại dòng của kế hoạch. Hãy chọn một trong: ${PLAN_ROW_KINDS.join(", ")}.` });
      return;
    }
    const d = cDeadline >= 0 ? readDate(row[cDeadline] ?? null) : undefined;
    if (d && d.kind !== "value" && d.kind !== "empty") {
      problems.push({ sheet: SHEET.keHoach, cell: at(cDeadline), message: "Hạn hoàn thành không đọc được. Hãy ghi ngày theo dạng ngày/tháng/năm, hoặc để trống với nhiệm vụ thường xuyên." });
      return;
    }
    const deadline = d?.kind === "value" ? d.value : undefined;
    if (kind !== "task") {
      if (!deadline) {
        problems.push({ sheet: SHEET.keHoach, cell: at(cDeadline), message: `Mốc "${kindText}" cần có hạn hoàn thành. Hãy ghi ngày theo dạng ngày/tháng/năm.` });
        return;
      }
      milestones.push({ section, kind, content: content ?? "", deadline, unit: unit ?? "" });
      return;
    }
    const key = nameKey(unit ?? "");
    let u = units.find((x) => nameKey(x.name) === key);
    if (!u) {
      u = { name: unit ?? "", group: rowText(row, cGroup) ?? unitGroup(unit ?? ""), section, tasks: [] };
      units.push(u);
    }
    u.tasks.push(deadline ? { content: content ?? "", section, deadline } : { content: content ?? "", section });
  });
  if (problems.length > 0) return { plan: undefined, problems };

  const raw = {
    movement: get(INFO.movement) ?? "",
    issuingBody: { parent, name },
    place: get(INFO.place) ?? "",
    planNumber: get(INFO.planNumber) ?? null,
    planDate,
    year: planDate ? Number(planDate.slice(0, 4)) : 0,
    units,
    milestones,
    reporting: { cadence: cadenceIn(get(INFO.cadence)), receiver: get(INFO.receiver) ?? "", via: get(INFO.via) ?? "", reportSymbol: get(INFO.reportSymbol) ?? "" },
    recipients: (get(INFO.recipients) ?? "")
      .split("\n")
      .map((r) => r.replace(/^[-–•\s]+/, "").replace(/[;.]\s*$/, "").trim())
      .filter((r) => r.length > 0),
    signatory: { authority: get(INFO.authority) ?? "", title: get(INFO.signerTitle) ?? "", name: get(INFO.signer) ?? "" },
    awardForms: (get(INFO.awardForms) ?? "").split("\n").map((s) => s.trim()).filter((s) => s.length > 0),
    trackers: trackersIn(v.has(nameKey(INFO.trackers)) ? (get(INFO.trackers) ?? "") : undefined),
  };
  // The schema (zod) loads on demand: it stays out of the pane's first bundle.
  const { parsePlan, PlanDefinitionError, planProblemSentence } = await import(/* webpackChunkName: "plan-schema" */ "./parsePlan");
  try {
    return { plan: parsePlan(raw), problems: [] };
  } catch (e) {
    if (!(e instanceof PlanDefinitionError)) throw e;
    return { plan: undefined, problems: e.issues.map((x) => problemAt(x.field, x.reason, planProblemSentence(x, raw), v, body)) };
  }
}

/** Where a schema field lives in the workbook, for the message; `sentence` says it in the clerk's words for a field of `Kế hoạch`. */
function problemAt(field: string, reason: string, sentence: string, v: Map<string, { text: string; cell: string }>, body: TableData): PlanProblem {
  const FIELD_KEYS: Record<string, string> = {
    movement: INFO.movement,
    "issuingBody.parent": INFO.body,
    "issuingBody.name": INFO.body,
    place: INFO.place,
    planNumber: INFO.planNumber,
    planDate: INFO.planDate,
    year: INFO.planDate,
    "reporting.receiver": INFO.receiver,
    "reporting.reportSymbol": INFO.reportSymbol,
    "reporting.cadence": INFO.cadence,
    recipients: INFO.recipients,
    "signatory.authority": INFO.authority,
    "signatory.title": INFO.signerTitle,
    "signatory.name": INFO.signer,
    trackers: INFO.trackers,
  };
  const key = FIELD_KEYS[field];
  if (key) {
    const cell = v.get(nameKey(key))?.cell ?? "";
    return { sheet: SHEET.thongTin, cell, message: `Mục "${key}" ${reason}. Hãy sửa ở trang "${SHEET.thongTin}"${cell ? `, ô ${cell}` : ""}.` };
  }
  return { sheet: SHEET.keHoach, cell: cellAddress(body.range.top, body.range.left), message: `${sentence}. Hãy sửa ở trang "${SHEET.keHoach}".` };
}

/** Reads the workbook's plan through a port. */
export async function readWorkbookPlan(port: WorkbookPort, options?: ReadOptions): Promise<WorkbookPlan> {
  return planFromTables(await port.readTables([...PLAN_TABLES], options));
}
