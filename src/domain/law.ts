import { formatDate, longDate } from "./format";

/**
 * The law and the administration in force, as data: each text with its number, date, issuer and
 * the days it governs, chosen by the document's date (never by today's). Sources: the texts
 * themselves as published on the government's legal database (vbpl.vn); DOMAIN.md lists them.
 * A new text is a new entry here, dated; nothing else changes.
 */
export interface LegalText {
  /** What the text governs here. */
  topic: "emulation-law" | "emulation-decree" | "emulation-circular" | "local-government-law";
  /** As cited: "Luật Thi đua, khen thưởng số 06/2022/QH15". */
  title: string;
  /** Signed or passed (yyyy-mm-dd). */
  signed: string;
  /** Who issued it, as cited after the date ("của Chính phủ"), empty for a law. */
  issuer: string;
  /** What it does, as cited after the issuer. */
  subject: string;
  /** First and last day it governs (yyyy-mm-dd). */
  from: string;
  to: string;
  /** Where the text is published. */
  source: string;
}

const VBPL = "Cơ sở dữ liệu quốc gia về văn bản pháp luật (vbpl.vn)";

export const LEGAL_TEXTS: readonly LegalText[] = [
  {
    topic: "emulation-law",
    title: "Luật Thi đua, Khen thưởng ngày 26 tháng 11 năm 2003; Luật sửa đổi, bổ sung một số điều của Luật Thi đua, Khen thưởng ngày 14 tháng 6 năm 2005 và ngày 16 tháng 11 năm 2013",
    signed: "2003-11-26",
    issuer: "",
    subject: "",
    from: "2004-07-01",
    to: "2023-12-31",
    source: VBPL,
  },
  { topic: "emulation-law", title: "Luật Thi đua, khen thưởng số 06/2022/QH15", signed: "2022-06-15", issuer: "", subject: "", from: "2024-01-01", to: "9999-12-31", source: VBPL },
  {
    topic: "emulation-law",
    title: "Luật sửa đổi, bổ sung một số điều của Luật Thi đua, khen thưởng số 06/2026/QH16",
    signed: "2026-04-23",
    issuer: "",
    subject: "",
    from: "2026-10-01",
    to: "9999-12-31",
    source: "Cổng Thông tin điện tử Chính phủ (vanban.chinhphu.vn)",
  },
  {
    topic: "emulation-decree",
    title: "Nghị định số 91/2017/NĐ-CP",
    signed: "2017-07-31",
    issuer: "của Chính phủ",
    subject: "quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng",
    from: "2017-10-01",
    to: "2023-12-31",
    source: VBPL,
  },
  {
    topic: "emulation-decree",
    title: "Nghị định số 98/2023/NĐ-CP",
    signed: "2023-12-31",
    issuer: "của Chính phủ",
    subject: "quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng",
    from: "2024-01-01",
    to: "2025-06-30",
    source: VBPL,
  },
  {
    topic: "emulation-decree",
    title: "Nghị định số 152/2025/NĐ-CP",
    signed: "2025-06-14",
    issuer: "của Chính phủ",
    subject: "quy định chi tiết một số điều và biện pháp thi hành Luật Thi đua, khen thưởng",
    from: "2025-07-01",
    to: "9999-12-31",
    source: VBPL,
  },
  {
    topic: "emulation-circular",
    title: "Thông tư số 01/2024/TT-BNV",
    signed: "2024-02-29",
    issuer: "của Bộ trưởng Bộ Nội vụ",
    subject: "quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng",
    from: "2024-04-15",
    to: "2025-08-04",
    source: VBPL,
  },
  {
    topic: "emulation-circular",
    title: "Thông tư số 15/2025/TT-BNV",
    signed: "2025-08-04",
    issuer: "của Bộ trưởng Bộ Nội vụ",
    subject: "quy định chi tiết một số điều của Luật Thi đua, khen thưởng",
    from: "2025-08-05",
    to: "9999-12-31",
    source: VBPL,
  },
  {
    topic: "local-government-law",
    title: "Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22 tháng 11 năm 2019",
    signed: "2015-06-19",
    issuer: "",
    subject: "",
    from: "2016-01-01",
    to: "2025-02-28",
    source: VBPL,
  },
  { topic: "local-government-law", title: "Luật Tổ chức chính quyền địa phương số 65/2025/QH15", signed: "2025-02-19", issuer: "", subject: "", from: "2025-03-01", to: "2025-06-30", source: VBPL },
  { topic: "local-government-law", title: "Luật Tổ chức chính quyền địa phương số 72/2025/QH15", signed: "2025-06-16", issuer: "", subject: "", from: "2025-07-01", to: "9999-12-31", source: VBPL },
];

/** The texts of a topic in force on a date (yyyy-mm-dd): a law and the laws amending it, in order. */
export function textsInForce(topic: LegalText["topic"], date: string): LegalText[] {
  return LEGAL_TEXTS.filter((t) => t.topic === topic && t.from <= date && date <= t.to);
}

/** The main text of a topic in force on a date, if any. */
export function textInForce(topic: LegalText["topic"], date: string): LegalText | undefined {
  return textsInForce(topic, date)[0];
}


/** A `Căn cứ …;` line for a text: its title, date (when the title has none), issuer, subject. */
export function citation(t: LegalText): string {
  const dated = /ngày \d/u.test(t.title) ? t.title : `${t.title} ${longDate(t.signed)}`;
  return `Căn cứ ${[dated, t.issuer, t.subject].filter(Boolean).join(" ")};`;
}

/** The local government's law on a date, as a decision cites it first. */
export function localGovernmentBasis(date: string): string[] {
  return textsInForce("local-government-law", date).map(citation);
}

/** The legal basis of an emulation paper dated `date`: the law, its decree and (for a decision) its circular. */
export function emulationBasis(date: string, withCircular = false): string[] {
  const topics: LegalText["topic"][] = ["emulation-law", "emulation-decree", ...(withCircular ? (["emulation-circular"] as const) : [])];
  return topics.flatMap((t) => textsInForce(t, date)).map(citation);
}

/** The first day of the two-level local government (province, commune): no district level from then. */
export const TWO_LEVELS_FROM = "2025-07-01";

/** A body of the district level ("UBND huyện Quỳnh Phụ", "Phòng Nội vụ quận 3", "thị xã …"). */
export function isDistrictBody(text: string): boolean {
  return /(^|[\s,(])(huyện|quận|thị xã)\s+\S/iu.test(text);
}

/**
 * The bodies a paper dated `date` may send to: from 01/07/2025 the district level is gone, so a
 * district body is left out and named in `gone` for the clerk (who writes the province's body in
 * `Thông tin chung`); nothing is invented in its place.
 */
export function bodiesInForce(bodies: readonly string[], date: string): { kept: string[]; gone: string[] } {
  if (date < TWO_LEVELS_FROM) return { kept: [...bodies], gone: [] };
  return { kept: bodies.filter((b) => !isDistrictBody(b)), gone: bodies.filter(isDistrictBody) };
}

/** "Từ 01/07/2025 không còn cấp huyện (Luật Tổ chức chính quyền địa phương số 72/2025/QH15)". */
export function twoLevelsNote(): string {
  const law = textInForce("local-government-law", TWO_LEVELS_FROM);
  return `Từ ${formatDate(TWO_LEVELS_FROM)} không còn cấp huyện${law ? ` (${law.title})` : ""}`;
}
