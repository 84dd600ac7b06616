import { findTable } from "../tables";
import { formatCount as n, formatDate } from "../format";
import { planFromTables } from "../plan/workbookPlan";
import { readOurTables } from "../rules/validate";
import { viewFor } from "../rules/view";
import { khenThuongTable, TABLE } from "../sheets/specs";
import type { ReadOptions, TableData, WorkbookPort } from "../workbook";
import type { Period } from "../period";
import { DocWriter, type DocModel } from "./document";
import { documentSheet } from "./documentSheet";
import { bodyName, documentHeader, freeSheetName, signatureBlock } from "./reportGrid";
import { reportInfo, type ReportInfo } from "./reportInfo";

/** One nominee of the dossier, as `Khen thưởng` has it. */
export interface Nominee {
  kind: string;
  name: string;
  born: number | null;
  sex: string;
  position: string;
  unit: string;
  achievement: string;
  form: string;
  level: string;
}

/** The nominations of a period still to decide (`Đề xuất`, `Đã trình`), in the table's order. */
export function nomineesOf(tables: ReadonlyMap<string, TableData>, period: Period): Nominee[] {
  const { views } = readOurTables(tables);
  const v = viewFor(views, khenThuongTable);
  const out: Nominee[] = [];
  for (let i = 0; i < (v?.rowCount ?? 0); i++) {
    if (!v || v.blank[i]) continue;
    const date = v.text(i, "Ngày đề nghị");
    const state = v.text(i, "Trạng thái");
    if (date === undefined || date < period.from || date > period.to || (state !== "Đề xuất" && state !== "Đã trình")) continue;
    out.push({
      kind: v.text(i, "Đối tượng") ?? "",
      name: v.text(i, "Tên tập thể, cá nhân") ?? "",
      born: v.num(i, "Năm sinh") ?? null,
      sex: v.text(i, "Giới tính") ?? "",
      position: v.text(i, "Chức vụ") ?? "",
      unit: v.text(i, "Đơn vị, thôn") ?? "",
      achievement: v.text(i, "Tóm tắt thành tích") ?? "",
      form: v.text(i, "Hình thức khen thưởng") ?? "",
      level: v.text(i, "Cấp khen") ?? "",
    });
  }
  return out;
}

/** The law in force on the dossier's date: the 2022 law and its decree from 2024, before that the 2003 law as amended. */
function legalBasis(today: string): string[] {
  return today >= "2024-01-01"
    ? ["Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;", "Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng;"]
    : ["Căn cứ Luật Thi đua, Khen thưởng ngày 26 tháng 11 năm 2003; Luật sửa đổi, bổ sung một số điều của Luật Thi đua, Khen thưởng ngày 14 tháng 6 năm 2005 và ngày 16 tháng 11 năm 2013;", "Căn cứ Nghị định số 91/2017/NĐ-CP ngày 31 tháng 7 năm 2017 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng;"];
}

/** "5 tập thể, 7 cá nhân và 2 hộ gia đình", only the kinds there are. */
function whoCount(list: readonly Nominee[]): string {
  const parts = (["Tập thể", "Cá nhân", "Hộ gia đình"] as const).map((k) => [k, list.filter((x) => x.kind === k).length] as const).filter(([, c]) => c > 0).map(([k, c]) => `${n(c)} ${k.toLocaleLowerCase("vi")}`);
  return parts.length <= 1 ? parts.join("") : `${parts.slice(0, -1).join(", ")} và ${parts[parts.length - 1]}`;
}

/** The list of nominees (STT, name, year of birth, sex, position and unit, achievement, form), after its title. */
function nomineeTable(b: DocWriter, list: readonly Nominee[]): void {
  b.table({
    headers: ["STT", "Tên tập thể, cá nhân", "Năm sinh", "Giới tính", "Chức vụ, đơn vị", "Tóm tắt thành tích", "Hình thức", "Cấp khen"],
    rows: list.map((x, i) => [i + 1, x.name, x.born, x.sex || null, [x.position, x.unit].filter(Boolean).join(", "), x.achievement, x.form, x.level]),
    formats: [undefined, undefined, "plain"],
    weights: [6, 22, 8, 8, 16, 26, 14, 12],
  });
}

/** A sheet name for the dossier's papers within Excel's 31 characters: "DS đề nghị KT 6 tháng đầu 2021". */
export function dossierSheetName(prefix: string, period: Period): string {
  const short = period.sheetName.replace(/^BC /, "").replace(/ năm (\d{4})$/, " $1");
  const name = `${prefix} ${short}`;
  return name.length <= 31 ? name : name.slice(0, 31).trimEnd();
}

/** The proposal (`Tờ trình`) to the chairman, with the list attached. */
export function proposalDocument(list: readonly Nominee[], info: ReportInfo, period: Period, today: string): DocModel {
  const b = new DocWriter();
  documentHeader(b, info, today, "TTr-UBND", "TỜ TRÌNH", `Về việc đề nghị khen thưởng trong phong trào “${info.movement}” ${period.label}`);
  b.line(`Kính gửi: Chủ tịch Ủy ban nhân dân ${bodyName(info.body)}.`);
  b.space();
  for (const line of legalBasis(today)) b.paragraph(line);
  b.paragraph(`Thực hiện Kế hoạch${info.planNumber ? ` số ${info.planNumber}` : ""} ngày ${info.planDate} của Ủy ban nhân dân ${bodyName(info.body)} về phát động phong trào “${info.movement}”;`);
  b.paragraph(
    list.length === 0
      ? `Trong ${period.label} chưa có trường hợp nào được đề nghị khen thưởng.`
      : `Xét thành tích trong phong trào ${period.label}, kính đề nghị Chủ tịch Ủy ban nhân dân xem xét, khen thưởng ${n(list.length)} trường hợp (${whoCount(list)}) có thành tích xuất sắc (danh sách kèm theo).`,
  );
  b.paragraph("Kính trình Chủ tịch Ủy ban nhân dân xem xét, quyết định./.");
  b.space();
  signatureBlock(b, { ...info, authority: "NGƯỜI TRÌNH", signerTitle: "", signer: "" }, ["Như trên"]);
  return b.done();
}


/** The list of nominees as a paper of its own (`Danh sách đề nghị khen thưởng`). */
export function nomineeListDocument(list: readonly Nominee[], info: ReportInfo, period: Period, today: string): DocModel {
  const b = new DocWriter();
  documentHeader(b, info, today, "DS-UBND", "DANH SÁCH", `Đề nghị khen thưởng trong phong trào “${info.movement}” ${period.label}`);
  b.line(`(Kèm theo Tờ trình ngày ${formatDate(today)})`, { italic: true });
  nomineeTable(b, list);
  b.space();
  b.paragraph(`Danh sách có ${n(list.length)} trường hợp${list.length > 0 ? ` (${whoCount(list)})` : ""}./.`);
  return b.done();
}


/** The draft decision of the chairman for the nominees within the commune's competence, with its list. */
export function decisionDocument(list: readonly Nominee[], info: ReportInfo, period: Period, today: string): DocModel {
  const own = list.filter((x) => x.level !== "Đề nghị cấp trên");
  const b = new DocWriter();
  documentHeader(b, info, today, "QĐ-UBND", "QUYẾT ĐỊNH", `Về việc khen thưởng trong phong trào “${info.movement}” ${period.label}`);
  b.line(`CHỦ TỊCH ỦY BAN NHÂN DÂN ${info.body}`, { bold: true });
  b.space();
  b.paragraph("Căn cứ Luật Tổ chức chính quyền địa phương;");
  for (const line of legalBasis(today)) b.paragraph(line);
  b.paragraph("Xét đề nghị tại Tờ trình về việc đề nghị khen thưởng,");
  b.line("QUYẾT ĐỊNH:", { bold: true });
  const byForm = [...new Set(own.map((x) => x.form))].map((form) => `${form} cho ${whoCount(own.filter((x) => x.form === form))}`);
  b.paragraph(`Điều 1. Tặng ${byForm.length > 0 ? byForm.join("; ") : "(chưa có trường hợp nào)"} đã có thành tích xuất sắc trong phong trào “${info.movement}” ${period.label} (danh sách kèm theo).`);
  b.paragraph("Điều 2. Tiền thưởng kèm theo thực hiện theo quy định hiện hành.");
  b.paragraph("Điều 3. Công chức Văn phòng - Thống kê, các tập thể, cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.");
  b.space();
  // The chairman decides in his own name ("CHỦ TỊCH"), or a deputy signs for him ("KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH").
  const deputy = /^KT\./u.test(info.authority);
  signatureBlock(b, { ...info, authority: deputy ? info.authority : "CHỦ TỊCH", signerTitle: deputy ? info.signerTitle : "" }, ["Như Điều 3"]);
  b.space();
  b.line("DANH SÁCH KHEN THƯỞNG (kèm theo Quyết định)", { bold: true });
  nomineeTable(b, own);
  return b.done();
}


/** The dossier of a period as blocks (for a Word file): the proposal, the list, the draft decision; nothing is written. */
export async function dossierPapers(port: WorkbookPort, period: Period, today: string, options?: ReadOptions): Promise<{ docs: [DocModel, DocModel, DocModel]; nominees: number }> {
  const tables = await port.readTables([TABLE.thongTin, TABLE.keHoach, TABLE.khenThuong, TABLE.hinhThucKhenThuong], options);
  const { plan } = await planFromTables(tables);
  const info = reportInfo(findTable(tables, TABLE.thongTin), plan);
  const list = nomineesOf(tables, period);
  return { docs: [proposalDocument(list, info, period, today), nomineeListDocument(list, info, period, today), decisionDocument(list, info, period, today)], nominees: list.length };
}

/** Adds the commendation dossier for a period: the proposal, the list, the draft decision (never over an existing sheet). */
export async function addDossier(port: WorkbookPort, period: Period, today: string, options?: ReadOptions): Promise<{ sheets: string[]; nominees: number; docs: DocModel[] }> {
  const summary = await port.summarize();
  const { docs, nominees } = await dossierPapers(port, period, today, options);
  const taken = summary.sheets.map((s) => s.name);
  const names: string[] = [];
  for (const prefix of ["Tờ trình KT", "DS đề nghị KT", "QĐ KT"]) names.push(freeSheetName(dossierSheetName(prefix, period), [...taken, ...names]));
  await port.applyGrids(docs.map((doc, i) => documentSheet(names[i] as string, doc)));
  return { sheets: names, nominees, docs };
}
