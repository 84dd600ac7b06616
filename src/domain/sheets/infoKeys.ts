/**
 * The keys of `Thông tin chung` (`tblThongTin`: `Mục` | `Giá trị`), each written once: the templates
 * write them, the plan and the report read them through this map (DOMAIN.md names the first ones).
 */
export const INFO = {
  body: "Cơ quan báo cáo",
  place: "Địa danh",
  movement: "Tên phong trào",
  planNumber: "Số kế hoạch",
  planDate: "Ngày kế hoạch",
  receiver: "Cơ quan nhận báo cáo",
  reportSymbol: "Ký hiệu báo cáo",
  authority: "Thẩm quyền ký",
  signerTitle: "Chức vụ người ký",
  signer: "Người ký",
  recipients: "Nơi nhận",
  reportRecipients: "Nơi nhận báo cáo",
  cadence: "Kỳ báo cáo",
  via: "Báo cáo qua",
  trackers: "Nội dung theo dõi",
  awardForms: "Hình thức khen thưởng riêng",
  /** Who proposes commendations (the Tờ trình's author): the council for emulation, or the officer in charge. */
  proposer: "Cơ quan trình khen thưởng",
  proposerAuthority: "Thẩm quyền ký tờ trình",
  proposerTitle: "Chức vụ người ký tờ trình",
  proposerSigner: "Người ký tờ trình",
} as const;
