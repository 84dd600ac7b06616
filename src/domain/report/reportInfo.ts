import { INFO } from "../sheets/infoKeys";
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
  /** Who proposes commendations, and who signs for it: `Thông tin chung`, else the commune's council for emulation. */
  proposer: { name: string; authority: string; title: string; signer: string };
}

/** `Thông tin chung` as the clerk keeps it; the plan (when the workbook has one) where a key is missing. */
export function reportInfo(thongTin: TableData | undefined, plan: PlanDefinition | undefined): ReportInfo {
  const v = infoValues(thongTin);
  const get = (key: string, fallback: string | undefined) => v.get(nameKey(key))?.text || fallback || "";
  const [parentBody, body] = splitBody(get(INFO.body, plan && `${plan.issuingBody.parent} ${plan.issuingBody.name}`));
  const lines = (text: string) =>
    text
      .split("\n")
      .map((r) => r.replace(/^[-–•\s]+/, "").replace(/[;.]\s*$/, "").trim())
      .filter((r) => r.length > 0 && !/^Lưu\s*:/iu.test(r));
  const recipients = lines(get(INFO.recipients, plan?.recipients.join("\n")));
  const receiver = get(INFO.receiver, plan?.reporting.receiver);
  const kept = lines(get(INFO.reportRecipients, undefined));
  const reportRecipients = kept.length > 0 ? kept : [...(receiver ? [`${receiver} (b/c)`] : []), ...recipients];
  return {
    parentBody,
    body,
    place: get(INFO.place, plan?.place),
    movement: get(INFO.movement, plan?.movement),
    planNumber: get(INFO.planNumber, plan?.planNumber ?? ""),
    planDate: get(INFO.planDate, plan && formatDate(plan.planDate)),
    receiver: get(INFO.receiver, plan?.reporting.receiver),
    symbol: get(INFO.reportSymbol, plan?.reporting.reportSymbol),
    authority: get(INFO.authority, plan?.signatory.authority),
    signerTitle: get(INFO.signerTitle, plan?.signatory.title),
    signer: get(INFO.signer, plan?.signatory.name),
    recipients,
    reportRecipients,
    proposer: {
      name: get(INFO.proposer, `Hội đồng Thi đua - Khen thưởng ${bodyName(body)}`),
      authority: get(INFO.proposerAuthority, "TM. HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG"),
      title: get(INFO.proposerTitle, "CHỦ TỊCH"),
      signer: get(INFO.proposerSigner, undefined),
    },
  };
}

/** "XÃ CHÂU SƠN" as running text: "xã Châu Sơn". */
export function bodyName(body: string): string {
  const [kind, ...name] = body.toLocaleLowerCase("vi").split(/\s+/);
  const title = name.map((w) => w.charAt(0).toLocaleUpperCase("vi") + w.slice(1));
  const twoWordKind = kind === "thị" && name[0] === "trấn";
  return twoWordKind ? `thị trấn ${title.slice(1).join(" ")}` : [kind ?? "", ...title].join(" ");
}

/**
 * Whether a header's first line is part of the issuer's name (Nghị định 30/2020, Phụ lục I): a
 * people's committee or council is named over two lines ("ỦY BAN NHÂN DÂN" / "XÃ CHÂU SƠN"), both
 * bold; a line naming a place is the governing body above the issuer, not bold.
 */
export function parentIsName(parentBody: string): boolean {
  return /^(ỦY|UỶ) BAN NHÂN DÂN$|^HỘI ĐỒNG NHÂN DÂN$/u.test(parentBody.trim().toLocaleUpperCase("vi"));
}
