import { isRealIsoDate } from "../dates";
import type { Cadence, Milestone, PlanTask, PlanUnit, Tracker } from "./schema";
import { readCadence, unitGroup } from "./words";
import { bodiesInForce, twoLevelsNote } from "../law";
import { formatDate } from "../format";

export { readCadence, unitGroup } from "./words";

/**
 * Reads a commune's plan ("Kế hoạch phát động phong trào…", "Kế hoạch triển khai…") from its text,
 * as communes write the genre: a header in two columns (flattened into lines, with or without
 * `|`), `Số: 10 /KH-UBND`, `Châu Sơn, ngày 11 tháng 6 năm 2021`, the title and its summary line,
 * a `Căn cứ…`/`Thực hiện…` preamble, sections (`I.`, `A.`, `Phần thứ nhất`) with numbered items,
 * `a)` items and bullets, an assignment section (headed units or sentences such as "Giao Công an
 * xã chủ trì…"), deadlines, the reporting cadence, `Nơi nhận` and the signature.
 *
 * Nothing is guessed silently: every line is either placed (in a field, a unit's task, a
 * milestone, or the plan's general text) or listed in `unplaced`.
 */

/** What the text gave, field by field; a field it did not find is null (or empty). */
export interface PlanDraft {
  movement: string | null;
  issuingBody: { parent: string | null; name: string | null };
  place: string | null;
  planNumber: string | null;
  planDate: string | null;
  year: number | null;
  units: PlanUnit[];
  milestones: Milestone[];
  reporting: { cadence: Cadence[]; receiver: string | null; via: string; reportSymbol: string | null };
  recipients: string[];
  signatory: { authority: string | null; title: string | null; name: string | null };
  awardForms: string[];
  trackers: Tracker[];
}

export interface PlanImport {
  plan: PlanDraft;
  /** Lines that could not be placed, as they were written. */
  unplaced: string[];
  /** Lines read as the plan's general text (purposes, requirements, contents without a date): kept out of the trackers. */
  general: string[];
  /** What the clerk must know of what was read (a district body in a plan of the two-level government), in Vietnamese. */
  notices: string[];
}

interface Line {
  text: string;
}

const MOTTO = /^(CỘNG HÒA|CỘNG HOÀ)\s+XÃ HỘI(\s+CHỦ NGHĨA VIỆT NAM)?$|^CHỦ NGHĨA VIỆT NAM$|^Độc lập\s*[-–]\s*Tự do\s*[-–]\s*Hạnh phúc$/iu;
/** A form's blank left to fill: "XÃ ..........", ".........., ngày". */
const PLACEHOLDER = /[.…]{3,}/u;
/** The kinds of document whose title line opens the body. */
const DOC_TITLE = /^(KẾ HOẠCH|BÁO CÁO|CHƯƠNG TRÌNH|QUYẾT ĐỊNH|HƯỚNG DẪN|ĐỀ ÁN|PHƯƠNG ÁN)(?=\s|$)/u;
const BODY_NAME = /^(XÃ|PHƯỜNG|THỊ TRẤN|ĐẶC KHU|HUYỆN|QUẬN|THỊ XÃ|THÀNH PHỐ|TỈNH)\s+\S/u;
const PARENT_BODY = /^(ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|UBND|HỘI ĐỒNG NHÂN DÂN|BAN CHỈ ĐẠO.*|ĐẢNG ỦY.*|ĐẢNG UỶ.*)$/u;
const NUMBER = /^Số\s*[:.]?\s*([0-9]*)\s*\/\s*([\p{Lu}Đ]+(?:\s*-\s*[\p{Lu}Đ]+)*)\s*$/u;
const DATE_LINE = /^([^,]{2,60}),\s*ngày\s+(\d{1,2}|[.…\s]*)\s*tháng\s+(\d{1,2})\s+năm\s+(\d{4})\s*$/u;
const ROMAN = /^([IVX]+)\s*[.:]\s*(.+)$/u;
const LETTER = /^([A-H])\s*[.:]\s*(\p{Lu}.+)$/u;
// Word ends are looked ahead for: JavaScript's \b does not see Vietnamese letters ("tư", "cứ") as word characters.
const PART = /^Phần\s+thứ\s+(nhất|hai|ba|tư|năm|sáu|bảy|tám)(?=[\s.:]|$)[.:]?\s*(.*)$/iu;
const NUMBERED = /^(\d{1,2})\s*[.)]\s*(.*)$/u;
const LETTERED = /^([a-zđ])\s*\)\s*(.+)$/u;
const BULLET = /^[-+•–*]\s*(.+)$/u;
const PART_NUMBERS: Record<string, string> = { nhất: "I", hai: "II", ba: "III", tư: "IV", năm: "V", sáu: "VI", bảy: "VII", tám: "VIII" };

const pad = (n: number) => String(n).padStart(2, "0");
const iso = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** Collapses spaces, and tidies a space after an opening or before a closing parenthesis. */
function tidy(s: string): string {
  return s.replace(/\s+/g, " ").replace(/\(\s+/g, "(").replace(/\s+\)/g, ")").trim();
}

/** A task as written, without its final full stop or semicolon. */
function sentence(s: string): string {
  // An ellipsis ("trái phép...") stays whole.
  return tidy(s).replace(/(?<!\.)[.;,]\s*$/u, "").trim();
}

const isUpper = (s: string) => s === s.toLocaleUpperCase("vi") && /\p{Lu}/u.test(s);

function quoted(s: string): string | undefined {
  const m = /[“"]([^”"]{3,})[”"]/u.exec(s);
  return m?.[1]?.trim();
}

const ROMAN_QUARTER: Record<string, number> = { I: 1, II: 2, III: 3, IV: 4, "1": 1, "2": 2, "3": 3, "4": 4 };

/**
 * A deadline in a task's text: "hoàn thành trước ngày 15/6/2021", "trước ngày 30/6" (the plan's
 * year), "trong tháng 7/2025" (its last day), "quý III/2021" (the quarter's last day). "Thường
 * xuyên" and anything else: none. Returns the date and the text without a trailing deadline clause.
 */
export function readDeadline(text: string, year: number | null): { deadline?: string; content: string } {
  const day = /(?:,\s*|\s+|^)(?:(?:hoàn thành|xong|thực hiện xong|kết thúc)\s+)?(?:trước|chậm nhất|trong|vào|đến)?\s*(?:ngày\s+)?(\d{1,2})\s*\/\s*(\d{1,2})(?:\s*\/\s*(\d{4}))?(?![\d/])/iu.exec(text);
  const month = /(?:,\s*|\s+|^)(?:(?:hoàn thành|xong)\s+)?(?:trong|trước|hết|cuối)\s+tháng\s+(\d{1,2})\s*(?:\/|năm)\s*(\d{4})/iu.exec(text);
  const quarter = /(?:,\s*|\s+|^)(?:(?:hoàn thành|xong)\s+)?(?:trong\s+)?quý\s+(I{1,3}|IV|[1-4])\s*(?:\/|năm)\s*(\d{4})/iu.exec(text);
  const strip = (m: RegExpExecArray) => {
    const rest = text.slice(m.index + m[0].length).trim();
    // Only a clause that ends the text is taken off; a date inside a sentence stays.
    return /^[.;,]?$/u.test(rest) ? sentence(text.slice(0, m.index)) : sentence(text);
  };
  // Only dates said as deadlines count: a date in "Kế hoạch số 81 ngày 10/6/2021" is not one.
  if (day && /trước|chậm nhất|hoàn thành|xong|đến ngày|trong ngày/iu.test(day[0])) {
    const y = day[3] ? Number(day[3]) : year;
    const d = y ? iso(y, Number(day[2]), Number(day[1])) : undefined;
    if (d && isRealIsoDate(d)) return { deadline: d, content: strip(day) };
  }
  if (month) {
    const [y, m] = [Number(month[2]), Number(month[1])];
    if (m >= 1 && m <= 12) return { deadline: iso(y, m, lastDay(y, m)), content: strip(month) };
  }
  if (quarter) {
    const q = ROMAN_QUARTER[(quarter[1] ?? "").toUpperCase()] ?? 0;
    const y = Number(quarter[2]);
    if (q > 0) return { deadline: iso(y, q * 3, lastDay(y, q * 3)), content: strip(quarter) };
  }
  return { content: sentence(text) };
}

/**
 * "Giao Công an xã chủ trì…", "Đề nghị Mặt trận Tổ quốc… tuyên truyền…": the unit named by an
 * assignment sentence, and the task. Inside a unit's own items only "Giao…" names another unit
 * ("Phân công cán bộ xuống thôn…" is the unit's own task). At least three words follow the verb,
 * so a heading such as "Đề nghị Mặt trận… và các tổ chức thành viên" stays a heading.
 */
function assignment(text: string, insideUnit = false): { unit: string; task: string } | undefined {
  const lead = insideUnit ? "Giao" : "Giao|Đề nghị|Yêu cầu|Phân công";
  const m = new RegExp(`^(?:${lead})\\s+(.+?)\\s+(chủ trì|phối hợp|thực hiện|tham mưu|triển khai|tổ chức|hướng dẫn|chỉ đạo|có trách nhiệm|theo dõi|tuyên truyền)(?=[\\s,.;:]|$)(.*)$`, "u").exec(text);
  if (!m || (m[3] as string).trim().split(/\s+/).length < 3) return undefined;
  const unit = tidy(m[1] as string).replace(/[,:]$/u, "");
  return { unit, task: sentence(`${(m[2] as string).charAt(0).toLocaleUpperCase("vi")}${(m[2] as string).slice(1)}${m[3]}`) };
}

/** A unit heading ("2. Trạm y tế xã", "8. Đề nghị Mặt trận Tổ quốc…"): short, no full stop; an inline task after a colon. */
function unitHeading(text: string): { unit: string; task?: string } | undefined {
  const colon = /^([^:]{3,90}):\s*(.*)$/u.exec(text);
  const head = tidy((colon ? colon[1] : text) as string).replace(/^(Đề nghị|Giao|Yêu cầu)\s+/u, "");
  if (head.length > 90 || /[.;]$/u.test(head) || head.split(" ").length > 16) return undefined;
  const task = colon?.[2] ? sentence(colon[2]) : undefined;
  return task ? { unit: head, task } : { unit: head };
}

type SectionKind = "purpose" | "content" | "assignment" | "reporting" | "other";

function sectionKind(title: string): SectionKind {
  const t = title.toLocaleLowerCase("vi");
  if (/mục đích|yêu cầu|mục tiêu|quan điểm/u.test(t)) return "purpose";
  if (/phân công|tổ chức thực hiện|trách nhiệm|nhiệm vụ cụ thể/u.test(t)) return "assignment";
  if (/báo cáo|chế độ/u.test(t)) return "reporting";
  if (/nội dung|biện pháp|thời gian|tiến độ|hoạt động|nhiệm vụ|giải pháp/u.test(t)) return "content";
  return "other";
}

function milestoneKind(text: string): Milestone["kind"] {
  const t = text.toLocaleLowerCase("vi");
  if (/cam kết/u.test(t)) return "pledge";
  if (/phát động|ra quân|triển khai phong trào/u.test(t)) return "launch";
  return "deadline";
}

const foldSpaces = (s: string) => s.toLocaleLowerCase("vi").replace(/[^\p{L}\d]+/gu, " ").trim();

/** The unit a milestone belongs to: the one named in its text, else the first. */
function milestoneUnit(content: string, units: readonly PlanUnit[]): string | undefined {
  const text = foldSpaces(content);
  const named = units.find((u) => {
    const name = foldSpaces(u.name).replace(/^các /u, "");
    return name.length > 3 && text.includes(name);
  });
  // None named: the milestone has no unit (the clerk assigns it in Kế hoạch), never the first one by default.
  return named?.name;
}

/** The body the commune reports to, from the preamble: "…của UBND huyện Quỳnh Phụ" gives "UBND huyện Quỳnh Phụ". */
function superiorBody(preamble: string, own: string | null): string | null {
  const found = [...preamble.matchAll(/của\s+(UBND|Ủy ban nhân dân|Uỷ ban nhân dân|Ban Chỉ đạo|BCĐ)\s+(huyện|tỉnh|thành phố|thị xã|quận|Huyện|Tỉnh|Thành phố|Thị xã|Quận)\s+([\p{Lu}][\p{L}]*(?:\s+[\p{Lu}][\p{L}]*){0,3})/gu)].map((m) => ({
    body: /ban nhân dân|UBND/iu.test(m[1] as string) ? "UBND" : "Ban Chỉ đạo",
    level: (m[2] as string).toLocaleLowerCase("vi"),
    name: m[3] as string,
  }));
  // A commune reports to its district when the plan cites one (before 2025), else to its province.
  const commune = /^(XÃ|PHƯỜNG|THỊ TRẤN|ĐẶC KHU)\s/u.test(own ?? "");
  const pick = (commune ? found.find((f) => f.level !== "tỉnh") : undefined) ?? found[0];
  return pick ? `${pick.body} ${pick.level} ${pick.name}` : null;
}

function splitLines(text: string): Line[] {
  return text
    .normalize("NFC")
    .replace(/\u00a0/g, " ")
    .split(/\r?\n/)
    .flatMap((l) => l.split("|"))
    .map((l) => tidy(l))
    .filter((l) => l.length > 0)
    .map((text) => ({ text }));
}

/** Reads a plan from its text. Never throws; what it cannot place is listed. */
export function parsePlanText(input: string): PlanImport {
  const lines = splitLines(input);
  const unplaced: string[] = [];
  const general: string[] = [];
  const plan: PlanDraft = {
    movement: null,
    issuingBody: { parent: null, name: null },
    place: null,
    planNumber: null,
    planDate: null,
    year: null,
    units: [],
    milestones: [],
    reporting: { cadence: [], receiver: null, via: "", reportSymbol: null },
    recipients: [],
    signatory: { authority: null, title: null, name: null },
    awardForms: [],
    trackers: ["tasks"],
  };

  // The title "KẾ HOẠCH" that opens the document proper; what comes before it is the header (or a web page's excerpt).
  // A web page may repeat the title above the document: the title counted is the one after a header line.
  const titleAt = lines.findIndex((l, i) => DOC_TITLE.test(l.text) && lines.slice(0, i).some((p) => NUMBER.test(p.text) || DATE_LINE.test(p.text) || PARENT_BODY.test(p.text)));
  const start = titleAt >= 0 ? titleAt : lines.findIndex((l) => DOC_TITLE.test(l.text));
  const headerFrom = (() => {
    // The header block: from the issuing body's line before the title.
    for (let i = start - 1; i >= 0; i--) if (PARENT_BODY.test(lines[i]?.text ?? "")) return i;
    return 0;
  })();
  for (let i = 0; i < headerFrom; i++) general.push((lines[i] as Line).text);

  let preamble = "";
  let i = headerFrom;
  for (; i < start; i++) {
    let t = (lines[i] as Line).text;
    // "Sóc Trăng, ngày" with the date on the next line, as a flattened table cell gives it.
    if (/,\s*ngày$/u.test(t) && i + 1 < start) t = `${t} ${(lines[++i] as Line).text}`;
    // "Số:" with the rest of the number on the next line.
    if (/^Số\s*[:.]?\s*\d*$/u.test(t) && i + 1 < start && /^\s*\//u.test((lines[i + 1] as Line).text)) t = `${t} ${(lines[++i] as Line).text}`;
    let m: RegExpExecArray | null;
    if (PARENT_BODY.test(t) && !plan.issuingBody.parent) plan.issuingBody.parent = t.replace(/^UỶ/u, "ỦY");
    else if (BODY_NAME.test(t) && isUpper(t) && !plan.issuingBody.name) plan.issuingBody.name = PLACEHOLDER.test(t) ? null : t;
    else if ((m = NUMBER.exec(t))) {
      const symbol = (m[2] as string).replace(/\s*-\s*/g, "-");
      plan.planNumber = m[1] ? `${m[1]}/${symbol}` : null;
      plan.reporting.reportSymbol = symbol.replace(/^[A-ZĐ]+-/u, "BC-");
    } else if ((m = DATE_LINE.exec(t))) {
      plan.place = PLACEHOLDER.test(m[1] as string) ? null : tidy(m[1] as string);
      const [d, mo, y] = [Number(m[2]), Number(m[3]), Number(m[4])];
      plan.year = y;
      if (d > 0 && isRealIsoDate(iso(y, mo, d))) plan.planDate = iso(y, mo, d);
    } else if (MOTTO.test(t) || /^[-_=\s]+$/u.test(t)) continue;
    else unplaced.push(t);
  }

  // The title's summary line(s), up to the preamble or the first section (none without a title).
  let summary = "";
  for (i = start < 0 ? 0 : start + 1; start >= 0 && i < lines.length; i++) {
    const t = (lines[i] as Line).text;
    if (/^(Căn cứ|Thực hiện|Để|Nhằm)(?=\s|$)/u.test(t) || ROMAN.test(t) || PART.test(t) || LETTER.test(t)) break;
    summary = summary ? `${summary} ${t}` : t;
    if (summary.length > 300) break;
  }
  const title = start >= 0 ? (lines[start]?.text.replace(DOC_TITLE, "") ?? "") : "";
  summary = tidy(`${title} ${summary}`);
  plan.movement = quoted(summary) ?? (summary.replace(/^(Phát động phong trào|Triển khai|Thực hiện|Tổ chức)\s+/iu, "").trim() || null);

  // The preamble, up to the first section.
  for (; i < lines.length; i++) {
    const t = (lines[i] as Line).text;
    if (ROMAN.test(t) && isUpper((ROMAN.exec(t) as RegExpExecArray)[2] as string)) break;
    if (PART.test(t) || (LETTER.test(t) && isUpper(t))) break;
    preamble += ` ${t}`;
    general.push(t);
  }
  plan.reporting.receiver = superiorBody(preamble, plan.issuingBody.name);

  // Sections, items and bullets.
  let kind: SectionKind = "other";
  let section = "";
  let unit: PlanUnit | undefined;
  let itemNumber = 0;
  let closing = "";
  let inRecipients = false;
  const signature: string[] = [];
  const addUnit = (name: string, number: string) => {
    const existing = plan.units.find((u) => foldSpaces(u.name) === foldSpaces(name));
    if (existing) return existing;
    const u: PlanUnit = { name, group: unitGroup(name), section: number, tasks: [] };
    plan.units.push(u);
    return u;
  };
  for (; i < lines.length; i++) {
    const t = (lines[i] as Line).text;
    let m: RegExpExecArray | null;
    if (/^Nơi nhận\s*:?/iu.test(t)) {
      inRecipients = true;
      const rest = t.replace(/^Nơi nhận\s*:?\s*/iu, "");
      if (rest) plan.recipients.push(sentence(rest.replace(/^[-+•]\s*/u, "")));
      continue;
    }
    if (inRecipients) {
      if (/^[-+•]/u.test(t) && !/^[-+•]\s*Lưu\b/iu.test(t)) {
        plan.recipients.push(sentence(t.replace(/^[-+•]\s*/u, "")));
        continue;
      }
      if (/^[-+•]?\s*Lưu\b/iu.test(t)) continue;
      signature.push(t);
      continue;
    }
    // The closing paragraph: the reporting cadence and the body reported to.
    if (/^(Trên đây|Định kỳ|Chế độ báo cáo|Hằng quý|Hàng quý|Hằng tháng|Hàng tháng)/u.test(t)) {
      closing += ` ${t}`;
      kind = "reporting";
      continue;
    }
    if ((m = ROMAN.exec(t)) && isUpper(m[2] as string)) {
      section = m[1] as string;
      kind = sectionKind(m[2] as string);
      unit = undefined;
      itemNumber = 0;
      general.push(t);
      continue;
    }
    if ((m = PART.exec(t))) {
      section = PART_NUMBERS[(m[1] as string).toLocaleLowerCase("vi")] ?? "";
      // "Phần thứ hai" with its title in capitals on the next line.
      let partTitle = m[2] ?? "";
      const next = lines[i + 1]?.text ?? "";
      if (!partTitle && isUpper(next) && !ROMAN.test(next) && !NUMBERED.test(next)) {
        partTitle = next;
        general.push(t);
        i++;
      }
      kind = sectionKind(partTitle);
      unit = undefined;
      general.push(t);
      continue;
    }
    if ((m = LETTER.exec(t)) && isUpper(m[2] as string)) {
      section = m[1] as string;
      kind = sectionKind(m[2] as string);
      unit = undefined;
      general.push(t);
      continue;
    }
    if (kind === "reporting") {
      closing += ` ${t}`;
      continue;
    }
    const numbered = NUMBERED.exec(t);
    if (kind === "assignment") {
      const ref = numbered ? `${section}.${numbered[1]}` : `${section}.${itemNumber || 1}`;
      if (numbered) {
        itemNumber = Number(numbered[1]);
        const body = (numbered[2] as string).trim();
        const said = assignment(body);
        const head = said ? undefined : unitHeading(body);
        if (said) {
          unit = addUnit(said.unit, ref);
          unit.tasks.push(taskOf(said.task, unit.section, plan.year));
        } else if (head) {
          unit = addUnit(head.unit, ref);
          if (head.task) unit.tasks.push(taskOf(head.task, unit.section, plan.year));
        } else {
          unit = undefined;
          unplaced.push(t);
        }
        continue;
      }
      const body = itemText(t);
      const said = assignment(body, unit !== undefined);
      if (said) {
        const u = addUnit(said.unit, unit?.section ?? ref);
        u.tasks.push(taskOf(said.task, u.section, plan.year));
        continue;
      }
      if (unit) unit.tasks.push(taskOf(body, unit.section, plan.year));
      else unplaced.push(t);
      continue;
    }
    if (kind === "content" && numbered) {
      itemNumber = Number(numbered[1]);
      const { deadline, content } = readDeadline(numbered[2] as string, plan.year);
      if (deadline) plan.milestones.push({ section: `${section}.${itemNumber}`, kind: milestoneKind(content), content, deadline, unit: "" });
      else general.push(t);
      continue;
    }
    if (kind === "content" || kind === "purpose" || kind === "other") {
      const { deadline, content } = readDeadline(itemText(t), plan.year);
      if (kind === "content" && deadline && itemNumber > 0 && !plan.milestones.some((x) => x.section === `${section}.${itemNumber}`)) {
        plan.milestones.push({ section: `${section}.${itemNumber}`, kind: milestoneKind(content), content, deadline, unit: "" });
      } else general.push(t);
      continue;
    }
    unplaced.push(t);
  }

  // Reporting: cadence, the body reported to, and through whom.
  plan.reporting.cadence = readCadence(closing);
  const via = /\(qua\s+([^)]+)\)/iu.exec(closing);
  if (via) plan.reporting.via = tidy(via[1] as string);
  if (!plan.reporting.receiver) {
    const m = /báo cáo\s+(?:về\s+)?(UBND\s+(?:huyện|tỉnh|thành phố|thị xã|quận)\s+[\p{Lu}][\p{L}]*(?:\s+[\p{Lu}][\p{L}]*){0,3})/iu.exec(closing);
    if (m) plan.reporting.receiver = tidy(m[1] as string);
  }
  if (closing.trim()) general.push(tidy(closing));

  // The signature: authority (TM., KT., Q.), title, name.
  for (const s of signature) {
    if (/^(TM|KT|Q|TL|TUQ)\s*\.\s*/u.test(s)) plan.signatory.authority = s.replace(/^(TM|KT|Q|TL|TUQ)\s*\.\s*/u, "$1. ");
    else if (isUpper(s) && !plan.signatory.title) plan.signatory.title = s;
    else if (/^[\p{Lu}][\p{Ll}]+(?:\s+[\p{Lu}][\p{Ll}]*){1,5}$/u.test(s) && !plan.signatory.name) plan.signatory.name = s;
    else if (/^\(?(đã ký|ký tên|ký, đóng dấu)/iu.test(s)) continue;
    else unplaced.push(s);
  }
  if (!plan.signatory.authority && plan.signatory.title === "CHỦ TỊCH" && plan.issuingBody.parent) plan.signatory.authority = `TM. ${plan.issuingBody.parent}`;

  // Milestones belong to the unit their text names, else the first unit.
  for (const ms of plan.milestones) ms.unit = milestoneUnit(ms.content, plan.units) ?? "";
  plan.trackers = trackersOf(plan, `${summary} ${preamble} ${general.join(" ")}`);
  plan.awardForms = awardFormsIn([...plan.units.flatMap((u) => u.tasks.map((x) => x.content)), ...general]);
  return { plan, unplaced, general, notices: planNotices(plan) };
}

/** Titles the plan itself awards: "xét công nhận … “An toàn về Covid-19”" gives `Công nhận "An toàn về Covid-19"`. */
function awardFormsIn(texts: readonly string[]): string[] {
  const out = new Set<string>();
  for (const t of texts) {
    for (const m of t.matchAll(/công nhận[^"“”.;]{0,100}[“"]([^"”]{3,60})[”"]/giu)) out.add(`Công nhận "${(m[1] as string).trim()}"`);
  }
  return [...out];
}

/** A bullet's or an `a)` item's text without its mark. */
function itemText(t: string): string {
  return BULLET.exec(t)?.[1] ?? LETTERED.exec(t)?.[2] ?? t;
}

function taskOf(text: string, section: string, year: number | null): PlanTask {
  const { deadline, content } = readDeadline(text, year);
  return deadline ? { content, section, deadline } : { content, section };
}

/** The trackers a plan needs: tasks always; pledges, donations and nominations when the plan speaks of them. */
function trackersOf(plan: PlanDraft, text: string): Tracker[] {
  const t = text.toLocaleLowerCase("vi");
  const all = `${t} ${plan.units.flatMap((u) => u.tasks.map((x) => x.content)).join(" ").toLocaleLowerCase("vi")} ${plan.milestones.map((m) => m.content).join(" ").toLocaleLowerCase("vi")}`;
  const out: Tracker[] = ["tasks"];
  if (/ký cam kết|cam kết/u.test(all)) out.push("pledges");
  if (/ủng hộ|đóng góp|quyên góp|xã hội hóa|huy động nguồn|kinh phí|tài trợ/u.test(all)) out.push("donations");
  if (/khen thưởng|biểu dương|tôn vinh/u.test(all)) out.push("nominations");
  return out;
}

/**
 * What a plan read from text says that the administration on its date no longer has: from
 * 01/07/2025 there is no district level, so a receiver or recipient "UBND huyện …" is kept as
 * written (the clerk decides) and named.
 */
function planNotices(plan: PlanDraft): string[] {
  if (!plan.planDate) return [];
  const named = [...(plan.reporting.receiver ? [plan.reporting.receiver] : []), ...plan.recipients];
  const { gone } = bodiesInForce(named, plan.planDate);
  return gone.length === 0 ? [] : [`${twoLevelsNote()}, nhưng kế hoạch ngày ${formatDate(plan.planDate)} ghi "${[...new Set(gone)].join("; ")}". Hãy sửa cơ quan nhận báo cáo và nơi nhận thành cơ quan cấp tỉnh trước khi dùng kế hoạch.`];
}
