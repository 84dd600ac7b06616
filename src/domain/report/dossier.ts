import { NothingToIssueError } from "./nothing";
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
import { emulationBasis, localGovernmentBasis } from "../law";
import { documentHeader, freeSheetName, signatureBlock } from "./reportGrid";
import { bodyName, reportInfo, type ReportInfo } from "./reportInfo";

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
  });
}

/** A sheet name for the dossier's papers within Excel's 31 characters: "DS đề nghị KT 6 tháng đầu 2021". */
export function dossierSheetName(prefix: string, period: Period): string {
  const name = `${prefix} ${period.short}`;
  return name.length <= 31 ? name : name.slice(0, 31).trimEnd();
}

/** Whether a nominee is proposed to a higher level (the chairman forwards it) rather than decided by the chairman. */
function higherLevel(x: Nominee): boolean {
  return x.level === "Đề nghị cấp trên";
}

/** The proposer's header: the commune's committee as governing body, the proposer (the council for emulation) as issuer. */
function proposerHeader(info: ReportInfo): { parentBody: string; body: string; place: string; symbol: string } {
  const council = /^Hội đồng Thi đua/iu.test(info.proposer.name);
  return {
    parentBody: `${info.parentBody} ${info.body}`.trim(),
    body: (council ? "Hội đồng Thi đua - Khen thưởng" : info.proposer.name).toLocaleUpperCase("vi"),
    place: info.place,
    symbol: council ? "TTr-HĐTĐKT" : "TTr",
  };
}

/** "số      /TTr-HĐTĐKT ngày dd/mm/yyyy": a paper of the dossier cited before it has its number. */
function citedNumber(symbol: string, today: string): string {
  return `số      /${symbol} ngày ${formatDate(today)}`;
}

/** The proposal (`Tờ trình`) to the chairman, from the proposer, with the list attached: what the chairman decides, then what he is asked to forward. */
export function proposalDocument(list: readonly Nominee[], info: ReportInfo, period: Period, today: string): DocModel {
  const b = new DocWriter();
  const h = proposerHeader(info);
  const chairman = `Chủ tịch Ủy ban nhân dân ${bodyName(info.body)}`;
  documentHeader(b, h, today, h.symbol, "TỜ TRÌNH", `Về việc đề nghị khen thưởng trong phong trào “${info.movement}” ${period.label}`);
  b.line(`Kính gửi: ${chairman}.`);
  b.space();
  for (const line of emulationBasis(today)) b.paragraph(line);
  b.paragraph(`Thực hiện Kế hoạch${info.planNumber ? ` số ${info.planNumber}` : ""} ngày ${info.planDate} của Ủy ban nhân dân ${bodyName(info.body)} về phát động phong trào “${info.movement}”;`);
  const own = list.filter((x) => !higherLevel(x));
  const up = list.filter(higherLevel);
  const asks = [
    ...(own.length > 0 ? [`kính đề nghị ${chairman} xem xét, quyết định khen thưởng ${n(own.length)} trường hợp (${whoCount(own)})`] : []),
    ...(up.length > 0 ? [`${own.length > 0 ? "đồng thời đề nghị" : `kính đề nghị ${chairman}`} trình cấp trên khen thưởng ${n(up.length)} trường hợp (${whoCount(up)})`] : []),
  ];
  b.paragraph(`Xét thành tích của các tập thể, cá nhân trong phong trào ${period.label}, ${info.proposer.name} ${asks.join("; ")} có thành tích xuất sắc (danh sách kèm theo).`);
  b.paragraph(`Kính trình ${chairman} xem xét, quyết định./.`);
  b.space();
  signatureBlock(b, { authority: info.proposer.authority, signerTitle: info.proposer.title, signer: info.proposer.signer }, ["Như trên"]);
  return b.done();
}


/** The list of nominees as a paper of its own (`Danh sách đề nghị khen thưởng`): those the chairman decides, then those to forward. */
export function nomineeListDocument(list: readonly Nominee[], info: ReportInfo, period: Period, today: string): DocModel {
  const b = new DocWriter();
  const h = proposerHeader(info);
  documentHeader(b, h, today, h.symbol.replace(/^TTr/, "DS"), "DANH SÁCH", `Đề nghị khen thưởng trong phong trào “${info.movement}” ${period.label}`);
  b.line(`(Kèm theo Tờ trình ${citedNumber(h.symbol, today)} của ${info.proposer.name})`, { italic: true });
  const own = list.filter((x) => !higherLevel(x));
  const up = list.filter(higherLevel);
  if (own.length > 0) {
    if (up.length > 0) b.caption(`I. Đề nghị Chủ tịch Ủy ban nhân dân ${bodyName(info.body)} khen thưởng (${n(own.length)} trường hợp)`);
    nomineeTable(b, own);
  }
  if (up.length > 0) {
    b.caption(`${own.length > 0 ? "II. " : ""}Đề nghị cấp trên khen thưởng (${n(up.length)} trường hợp)`);
    nomineeTable(b, up);
  }
  b.space();
  b.paragraph(`Danh sách có ${n(list.length)} trường hợp (${whoCount(list)})./.`);
  return b.done();
}


/**
 * One form's clause of Article 1: a title or certificate is given ("Tặng Giấy khen cho 2 tập thể"),
 * a commendation or recognition is said as it is done ("Biểu dương 1 cá nhân", "Công nhận … cho 1 tập thể").
 */
function awardClause(form: string, who: string, first: boolean): string {
  const clause = /^(Biểu dương|Tuyên dương)/iu.test(form) ? `${form} ${who}` : /^Công nhận/iu.test(form) ? `${form} cho ${who}` : `Tặng ${form} cho ${who}`;
  return first ? clause : clause.charAt(0).toLocaleLowerCase("vi") + clause.slice(1);
}

/** The draft decision of the chairman for the nominees within the commune's competence, with its list. */
export function decisionDocument(list: readonly Nominee[], info: ReportInfo, period: Period, today: string): DocModel {
  const own = list.filter((x) => !higherLevel(x));
  const b = new DocWriter();
  const h = proposerHeader(info);
  documentHeader(b, info, today, "QĐ-UBND", "QUYẾT ĐỊNH", `Về việc khen thưởng trong phong trào “${info.movement}” ${period.label}`);
  b.line(`CHỦ TỊCH ỦY BAN NHÂN DÂN ${info.body}`, { bold: true });
  b.space();
  for (const line of localGovernmentBasis(today)) b.paragraph(line);
  for (const line of emulationBasis(today)) b.paragraph(line);
  b.paragraph(`Xét đề nghị của ${info.proposer.name} tại Tờ trình ${citedNumber(h.symbol, today)},`);
  b.line("QUYẾT ĐỊNH:", { bold: true });
  const byForm = [...new Set(own.map((x) => x.form))].map((form, i) => awardClause(form, whoCount(own.filter((x) => x.form === form)), i === 0));
  b.paragraph(`Điều 1. ${byForm.join("; ")} đã có thành tích xuất sắc trong phong trào “${info.movement}” ${period.label} (danh sách kèm theo).`);
  b.paragraph("Điều 2. Tiền thưởng kèm theo thực hiện theo quy định hiện hành.");
  b.paragraph(`Điều 3. Công chức Văn phòng - Thống kê, ${info.proposer.name}, các tập thể, cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.`);
  b.space();
  // The chairman decides in his own name ("CHỦ TỊCH"), or a deputy signs for him ("KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH").
  const deputy = /^KT\./u.test(info.authority);
  signatureBlock(b, { ...info, authority: deputy ? info.authority : "CHỦ TỊCH", signerTitle: deputy ? info.signerTitle : "" }, ["Như Điều 3"]);
  b.space();
  b.line("DANH SÁCH KHEN THƯỞNG", { bold: true });
  b.line(`(Kèm theo Quyết định số      /QĐ-UBND ngày ${formatDate(today)} của Chủ tịch Ủy ban nhân dân ${bodyName(info.body)})`, { italic: true });
  nomineeTable(b, own);
  return b.done();
}


/** The dossier's papers, by sheet-name prefix: the proposal, the list, and the chairman's draft decision when he has something to decide. */
const PAPERS = ["Tờ trình KT", "DS đề nghị KT", "QĐ KT"] as const;

/** The dossier of a period as blocks (for a Word file): the proposal, the list, the draft decision (when the chairman decides any); nothing is written. */
export async function dossierPapers(port: WorkbookPort, period: Period, today: string, options?: ReadOptions): Promise<{ docs: DocModel[]; prefixes: string[]; nominees: number; unsigned: boolean }> {
  const tables = await port.readTables([TABLE.thongTin, TABLE.keHoach, TABLE.khenThuong, TABLE.hinhThucKhenThuong], options);
  const { plan } = await planFromTables(tables);
  const info = reportInfo(findTable(tables, TABLE.thongTin), plan);
  const list = nomineesOf(tables, period);
  if (list.length === 0) throw new NothingToIssueError("dossier", period.label);
  const decides = list.some((x) => !higherLevel(x));
  const docs = [proposalDocument(list, info, period, today), nomineeListDocument(list, info, period, today), ...(decides ? [decisionDocument(list, info, period, today)] : [])];
  return { docs, prefixes: PAPERS.slice(0, docs.length), nominees: list.length, unsigned: info.proposer.signer === "" };
}

/** Adds the commendation dossier for a period: the proposal, the list, the draft decision (never over an existing sheet). */
export async function addDossier(port: WorkbookPort, period: Period, today: string, options?: ReadOptions): Promise<{ sheets: string[]; nominees: number; docs: DocModel[]; unsigned: boolean }> {
  const summary = await port.summarize();
  const { docs, prefixes, nominees, unsigned } = await dossierPapers(port, period, today, options);
  const taken = summary.sheets.map((s) => s.name);
  const names: string[] = [];
  for (const prefix of prefixes) names.push(freeSheetName(dossierSheetName(prefix, period), [...taken, ...names]));
  await port.applyGrids(docs.map((doc, i) => documentSheet(names[i] as string, doc)));
  return { sheets: names, nominees, docs, unsigned };
}
