/** The closed lists of DOMAIN.md. Values are contract: never rename them. */
export const TASK_STATES = ["Chưa thực hiện", "Đang thực hiện", "Hoàn thành"] as const;
export const LEDGER_KINDS = ["Thu", "Chi"] as const;
export const LEDGER_FORMS = ["Tiền mặt", "Chuyển khoản", "Hiện vật"] as const;
export const DONOR_GROUPS = [
  "Cá nhân",
  "Hộ gia đình",
  "Doanh nghiệp",
  "Cơ quan, đơn vị",
  "Ban, ngành, đoàn thể",
  "Tổ chức tôn giáo",
  "Khác",
] as const;
export const NOMINEE_KINDS = ["Cá nhân", "Tập thể", "Hộ gia đình"] as const;
export const GENDERS = ["Nam", "Nữ"] as const;
export const AWARD_LEVELS = ["Chủ tịch UBND xã", "Đề nghị cấp trên"] as const;
export const NOMINATION_STATES = ["Đề xuất", "Đã trình", "Đã khen thưởng", "Không được khen"] as const;
/** Award forms of every plan; a plan adds its own (`Công nhận "An toàn về Covid-19"`), users more in `tblHinhThucKhenThuong`. */
export const AWARD_FORMS = ["Giấy khen", "Công nhận mô hình điển hình", "Biểu dương"] as const;

/** What a row of the plan (`Kế hoạch`) is: a unit's task, or a milestone of one of three kinds. */
export const PLAN_ROW_KINDS = ["Nhiệm vụ", "Phát động", "Ký cam kết", "Mốc thời hạn"] as const;
