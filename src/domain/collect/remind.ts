import { foldKey } from "../cells/text";
import { isoToSerial, serialToIso } from "../dates";
import { formatDate } from "../format";
import type { Period } from "../period";
import { planFromTables } from "../plan/workbookPlan";
import { DocWriter, type DocModel } from "../report/document";
import { documentSheet } from "../report/documentSheet";
import { documentHeader, freeSheetName, signatureBlock } from "../report/reportGrid";
import { bodyName, reportInfo } from "../report/reportInfo";
import { TABLE } from "../sheets/specs";
import { findTable } from "../tables";
import type { ReadOptions, TableData, WorkbookPort } from "../workbook";
import { ISSUED_TABLE, issuedForms, type IssuedForm } from "./issued";
import { KIND_WORDS, RECEIPT_TABLE, receiptsOf, type ReturnKind } from "./receipts";

/** One unit or village whose form for the period has not come back by its due date (`remind --json`). */
export interface Reminder {
  owner: string;
  kind: ReturnKind;
  /** The due date the form gave, ISO. */
  due: string;
  /** The form's file name, as it was sent. */
  form: string;
  /** A short text to send by Zalo or SMS. */
  message: string;
}

export interface Reminders {
  missing: Reminder[];
  /** The new deadline the letter and the messages give. */
  newDue: string;
  /** Forms of the period not back yet whose due date has not passed: not chased. */
  notYetDue: { owner: string; due: string }[];
}

/** Why no reminder is made: no form was issued for the period, every form came back, or none is late yet. */
export class NothingToRemindError extends Error {
  constructor(
    readonly reason: "not-issued" | "all-returned" | "not-due",
    readonly period: string,
    /** With "not-due": the earliest due date still ahead. */
    readonly due = "",
  ) {
    super(`Nothing to remind: ${reason} ${period}`);
    this.name = "NothingToRemindError";
  }
}

/** Days from the letter to its new deadline: five, moved off a Saturday or a Sunday to the Monday. */
const GRACE_DAYS = 5;

/** The new deadline a reminder gives: five days on, never a weekend day. */
export function newDeadline(today: string): string {
  let serial = isoToSerial(today) + GRACE_DAYS;
  // Serial 1 is a Sunday in Excel's 1900 system (1 January 1900), so serial % 7 is 0 on a Saturday, 1 on a Sunday.
  const day = serial % 7;
  if (day === 0) serial += 2;
  if (day === 1) serial += 1;
  return serialToIso(serial) ?? today;
}

/**
 * Whose forms for `period` have not come back by their due date, from what the commune workbook
 * itself records (`Phiếu đã phát`, `Phiếu đã nhận`): the latest form issued to each unit and village
 * for the period, less those received. A form whose due date is today or later is not late.
 */
export function remindersOf(tables: ReadonlyMap<string, TableData>, period: Pick<Period, "from" | "to" | "label" | "short">, today: string, body: string): Reminders {
  const ofPeriod = [...issuedForms(tables).values()].filter((f) => f.from === period.from && f.to === period.to);
  if (ofPeriod.length === 0) throw new NothingToRemindError("not-issued", period.label);
  // A unit or village sent forms twice (sent again with a later due date): the latest counts.
  const latest = new Map<string, IssuedForm>();
  for (const f of ofPeriod) {
    const key = `${f.kind}|${foldKey(f.who)}`;
    const known = latest.get(key);
    if (!known || f.sentAt > known.sentAt || (f.sentAt === known.sentAt && f.due > known.due)) latest.set(key, f);
  }
  const back = new Set(receiptsOf(tables).filter((r) => r.from === period.from && r.to === period.to).map((r) => `${r.kind}|${foldKey(r.who)}`));
  const out = [...latest.entries()].filter(([key]) => !back.has(key)).map(([, f]) => f);
  if (out.length === 0) throw new NothingToRemindError("all-returned", period.label);
  const late = out.filter((f) => f.due !== "" && f.due < today);
  const notYetDue = out.filter((f) => !late.includes(f)).map((f) => ({ owner: f.who, due: f.due }));
  if (late.length === 0) throw new NothingToRemindError("not-due", period.label, notYetDue.map((x) => x.due).sort()[0] ?? "");
  const newDue = newDeadline(today);
  const missing = late.map((f) => ({ owner: f.who, kind: f.kind, due: f.due, form: f.file, message: reminderMessage(f, period, newDue, body) }));
  missing.sort((a, b) => (a.kind === b.kind ? a.owner.localeCompare(b.owner, "vi") : a.kind === "unit" ? -1 : 1));
  return { missing, newDue, notYetDue };
}

/** The short text for one sender: who, which form, the due date passed, the new one. */
function reminderMessage(f: IssuedForm, period: Pick<Period, "short">, newDue: string, body: string): string {
  return `Kính gửi ${f.who}: UBND ${bodyName(body)} chưa nhận được phiếu báo cáo ${period.short} (tệp ${f.file}), hạn gửi lại ${formatDate(f.due)}. Đề nghị điền và gửi lại chậm nhất ngày ${formatDate(newDue)}. Xin cảm ơn.`;
}

/** The letter (công văn đôn đốc) in the layout of Nghị định 30: whose forms are late, the period, the dates. */
export function reminderDocument(r: Reminders, info: ReturnType<typeof reportInfo>, period: Pick<Period, "from" | "to" | "label">, today: string): DocModel {
  const b = new DocWriter();
  const body = bodyName(info.body);
  documentHeader(b, info, today, "UBND-VP", "", `V/v đôn đốc gửi phiếu báo cáo ${period.label}`);
  b.paragraph("Kính gửi: Các đơn vị, thôn có tên tại danh sách dưới đây.", { center: true });
  const plan = info.planNumber ? `Kế hoạch số ${info.planNumber} ngày ${info.planDate}` : `Kế hoạch ngày ${info.planDate}`;
  b.paragraph(
    `Thực hiện ${plan} của Ủy ban nhân dân ${body} về phát động phong trào “${info.movement}”, Ủy ban nhân dân ${body} đã gửi phiếu báo cáo kết quả thực hiện ${period.label} ` +
      `(từ ngày ${formatDate(period.from)} đến ngày ${formatDate(period.to)}) đến các đơn vị, thôn. Đến ngày ${formatDate(today)}, đã quá hạn gửi lại nhưng Ủy ban nhân dân ${body} chưa nhận được phiếu của ${r.missing.length} đơn vị, thôn sau:`,
  );
  b.table({
    headers: ["STT", "Đơn vị, thôn", "Loại", "Tệp phiếu đã gửi", "Hạn gửi lại"],
    rows: r.missing.map((m, i) => [i + 1, m.owner, KIND_WORDS[m.kind], m.form, formatDate(m.due)]),
  });
  b.space();
  b.paragraph(
    `Để kịp tổng hợp, báo cáo kết quả ${period.label}, Ủy ban nhân dân ${body} đề nghị các đơn vị, thôn nêu trên điền đầy đủ phiếu và gửi lại Ủy ban nhân dân ${body} (qua Văn phòng) chậm nhất ngày ${formatDate(r.newDue)}. ` +
      "Đơn vị, thôn đã gửi phiếu trước ngày nhận được văn bản này xin báo lại để đối chiếu; nếu mất tệp phiếu, liên hệ Văn phòng để được gửi lại./.",
  );
  b.space();
  signatureBlock(b, info, ["Như trên", `Chủ tịch, các Phó Chủ tịch Ủy ban nhân dân ${body}`]);
  return b.done();
}

/** What the reminder of a period says and to whom: the late senders, the letter; nothing is written. */
export async function reminderPaper(port: WorkbookPort, period: Period, today: string, options?: ReadOptions): Promise<{ reminders: Reminders; doc: DocModel }> {
  const tables = await port.readTables([TABLE.thongTin, TABLE.keHoach, TABLE.donVi, TABLE.thon, ISSUED_TABLE, RECEIPT_TABLE], options);
  const { plan } = await planFromTables(tables);
  const info = reportInfo(findTable(tables, TABLE.thongTin), plan);
  const reminders = remindersOf(tables, period, today, info.body);
  return { reminders, doc: reminderDocument(reminders, info, period, today) };
}

/** Adds the letter as the sheet `Đôn đốc <label>` (never over an existing sheet); nothing when nobody is late. */
export async function addReminder(port: WorkbookPort, period: Period, today: string, options?: ReadOptions): Promise<{ sheet: string; reminders: Reminders; doc: DocModel }> {
  const { reminders, doc } = await reminderPaper(port, period, today, options);
  const summary = await port.summarize();
  const sheet = freeSheetName(period.sheetName.replace(/^BC /, "Đôn đốc "), summary.sheets.map((s) => s.name));
  await port.applyGrids([documentSheet(sheet, doc)]);
  return { sheet, reminders, doc };
}
