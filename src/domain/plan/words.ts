import type { Cadence } from "./kinds";

/** The reporting cadence said in the text: "định kỳ 6 tháng, 1 năm", "hằng quý", "hằng tháng". */
export function readCadence(text: string): Cadence[] {
  const t = text.toLocaleLowerCase("vi");
  const out = new Set<Cadence>();
  if (/(hằng|hàng)\s+tháng|định kỳ\s+(hằng\s+|hàng\s+)?tháng\b(?!\s*\d)/u.test(t)) out.add("monthly");
  if (/(hằng|hàng)\s+quý|định kỳ\s+(hằng\s+|hàng\s+)?quý|\b3 tháng\b/u.test(t)) out.add("quarterly");
  if (/\b6 tháng\b|sáu tháng|sơ kết/u.test(t)) out.add("semiannual");
  if (/\b(1|một) năm\b|(hằng|hàng)\s+năm|cuối năm|tổng kết|\bnăm\b\s*(?:tổng hợp|báo cáo)/u.test(t)) out.add("annual");
  return ["monthly", "quarterly", "semiannual", "annual"].filter((c) => out.has(c as Cadence)) as Cadence[];
}

/** The group of a unit, from its name: how communes' units are grouped. */
export function unitGroup(name: string): string {
  const n = name.toLocaleLowerCase("vi");
  if (/công an|quân sự|dân quân/u.test(n)) return "Lực lượng vũ trang";
  if (/mặt trận|hội |đoàn thanh niên|hội liên hiệp|cựu chiến binh|nông dân|phụ nữ/u.test(n)) return "Mặt trận, đoàn thể";
  if (/trường|giáo dục/u.test(n)) return "Trường học";
  if (/ban, ngành|ban ngành|đoàn thể|cơ sở thôn|thôn, |các thôn|tổ dân phố/u.test(n)) return "Ban, ngành, đoàn thể";
  return "Chuyên môn";
}
