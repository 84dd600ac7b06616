import { readText } from "../cells/text";
import { readDate } from "../cells/date";
import { formatDate } from "../format";
import type { PlanDefinition } from "../plan/schema";
import { nameKey } from "../text";
import type { TableData } from "../workbook";

/** Who reports, to whom, who signs: `Thông tin chung` as the clerk keeps it, the plan where a key is missing. */
export interface ReportInfo {
  parentBody: string;
  body: string;
  place: string;
  movement: string;
  planNumber: string;
  planDate: string;
  receiver: string;
  symbol: string;
  authority: string;
  signerTitle: string;
  signer: string;
  recipients: string[];
}

function infoValues(table: TableData | undefined): Map<string, string> {
  const out = new Map<string, string>();
  if (!table) return out;
  const k = table.headers.findIndex((h) => nameKey(h) === nameKey("Mục"));
  const v = table.headers.findIndex((h) => nameKey(h) === nameKey("Giá trị"));
  if (k < 0 || v < 0) return out;
  for (const row of table.rows) {
    const key = readText(row[k] ?? null);
    if (key.kind !== "value") continue;
    const raw = row[v] ?? null;
    const date = nameKey(key.value).startsWith("ngày") ? readDate(raw) : undefined;
    const text = date?.kind === "value" ? { kind: "value" as const, value: formatDate(date.value) } : readText(raw);
    if (text.kind === "value") out.set(nameKey(key.value), text.value);
  }
  return out;
}

/** Splits "ỦY BAN NHÂN DÂN XÃ CHÂU SƠN" into the parent body and the issuing body for the header. */
function splitBody(full: string, plan: PlanDefinition): [string, string] {
  const parent = plan.issuingBody.parent;
  if (full.toUpperCase().startsWith(parent) && full.length > parent.length) return [parent, full.slice(parent.length).trim()];
  const m = /^(.*?)\s+((?:XÃ|PHƯỜNG|THỊ TRẤN|ĐẶC KHU)\s.+)$/u.exec(full);
  return m ? [m[1] as string, m[2] as string] : [full, ""];
}

export function reportInfo(thongTin: TableData | undefined, plan: PlanDefinition): ReportInfo {
  const v = infoValues(thongTin);
  const get = (key: string, fallback: string) => v.get(nameKey(key)) ?? fallback;
  const [parentBody, body] = splitBody(get("Cơ quan báo cáo", `${plan.issuingBody.parent} ${plan.issuingBody.name}`), plan);
  const recipients = get("Nơi nhận", plan.recipients.join("\n"))
    .split("\n")
    .map((r) => r.replace(/^[-–•\s]+/, "").replace(/[;.]\s*$/, "").trim())
    .filter((r) => r.length > 0);
  return {
    parentBody,
    body,
    place: get("Địa danh", plan.place),
    movement: get("Tên phong trào", plan.movement),
    planNumber: get("Số kế hoạch", plan.planNumber),
    planDate: get("Ngày kế hoạch", formatDate(plan.planDate)),
    receiver: get("Cơ quan nhận báo cáo", plan.reporting.receiver),
    symbol: get("Ký hiệu báo cáo", plan.reporting.reportSymbol),
    authority: get("Thẩm quyền ký", plan.signatory.authority),
    signerTitle: get("Chức vụ người ký", plan.signatory.title),
    signer: get("Người ký", plan.signatory.name),
    recipients,
  };
}
