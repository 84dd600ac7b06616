import { formatDate } from "../format";
import type { PlanDefinition } from "../plan/schema";
import { nameKey } from "../text";
import { infoValues, splitBody } from "../plan/workbookPlan";
import type { TableData } from "../workbook";

/** Who reports, to whom, who signs: `Thông tin chung` as the clerk keeps it, the plan where a key is missing. */
export interface ReportInfo {
  parentBody: string;
  body: string;
  place: string;
  movement: string;
  /** `10/KH-UBND`, or empty when the plan was issued without a number. */
  planNumber: string;
  planDate: string;
  receiver: string;
  symbol: string;
  authority: string;
  signerTitle: string;
  signer: string;
  recipients: string[];
  /**
   * The report's `Nơi nhận`: `Nơi nhận báo cáo` as the clerk keeps it, else the body reported to
   * "(b/c)" first, then the plan's own recipients (`Lưu: VT` is added by the layout).
   */
  reportRecipients: string[];
}

/** `Thông tin chung` as the clerk keeps it; the plan (when the workbook has one) where a key is missing. */
export function reportInfo(thongTin: TableData | undefined, plan: PlanDefinition | undefined): ReportInfo {
  const v = infoValues(thongTin);
  const get = (key: string, fallback: string | undefined) => v.get(nameKey(key))?.text || fallback || "";
  const [parentBody, body] = splitBody(get("Cơ quan báo cáo", plan && `${plan.issuingBody.parent} ${plan.issuingBody.name}`));
  const lines = (text: string) =>
    text
      .split("\n")
      .map((r) => r.replace(/^[-–•\s]+/, "").replace(/[;.]\s*$/, "").trim())
      .filter((r) => r.length > 0 && !/^Lưu\s*:/iu.test(r));
  const recipients = lines(get("Nơi nhận", plan?.recipients.join("\n")));
  const receiver = get("Cơ quan nhận báo cáo", plan?.reporting.receiver);
  const kept = lines(get("Nơi nhận báo cáo", undefined));
  const reportRecipients = kept.length > 0 ? kept : [...(receiver ? [`${receiver} (b/c)`] : []), ...recipients];
  return {
    parentBody,
    body,
    place: get("Địa danh", plan?.place),
    movement: get("Tên phong trào", plan?.movement),
    planNumber: get("Số kế hoạch", plan?.planNumber ?? ""),
    planDate: get("Ngày kế hoạch", plan && formatDate(plan.planDate)),
    receiver: get("Cơ quan nhận báo cáo", plan?.reporting.receiver),
    symbol: get("Ký hiệu báo cáo", plan?.reporting.reportSymbol),
    authority: get("Thẩm quyền ký", plan?.signatory.authority),
    signerTitle: get("Chức vụ người ký", plan?.signatory.title),
    signer: get("Người ký", plan?.signatory.name),
    recipients,
    reportRecipients,
  };
}
