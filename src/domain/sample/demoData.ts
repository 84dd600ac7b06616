import { isoToSerial, serialToIso } from "../dates";
import { formatDate } from "../format";
import type { PlanDefinition } from "../plan/schema";
import { TABLE } from "../sheets/specs";
import { DONOR_GROUPS } from "../sheets/enums";
import { awardFormsOf, taskRows, type PrefillRow } from "../sheets/prefill";
import { intBetween, pick, seededRandom } from "./random";

/** Sample villages, plainly named as samples so no one takes them for real data. */
const SAMPLE_VILLAGES = Array.from({ length: 8 }, (_, i) => `Thôn mẫu ${i + 1}`);

const PLEDGE_DATES = ["2021-06-20", "2021-06-29", "2021-07-31", "2021-08-31", "2021-09-30", "2021-10-29", "2021-11-30", "2021-12-20"];

function villageRows(): PrefillRow[] {
  return SAMPLE_VILLAGES.map((v) => ({ "Thôn": v, "Ghi chú": "Dữ liệu mẫu" }));
}

function pledgeRows(rand: () => number): PrefillRow[] {
  const rows: PrefillRow[] = [];
  for (const place of SAMPLE_VILLAGES) {
    const households = intBetween(rand, 180, 420);
    let signed = 0;
    let officials = 0;
    let workers = 0;
    PLEDGE_DATES.forEach((date, i) => {
      const target = Math.min(households, Math.round(households * (0.55 + 0.06 * i + rand() * 0.05)));
      signed = Math.max(signed, target);
      officials = Math.max(officials, intBetween(rand, 5, 12) + i);
      workers = Math.max(workers, intBetween(rand, 20, 60) + 8 * i);
      rows.push({
        "Thôn, đơn vị": place,
        "Ngày cập nhật": isoToSerial(date),
        "Số hộ": households,
        "Số hộ đã ký": signed,
        "Số CB, CC, VC đã ký": officials,
        "Số CN, NLĐ đã ký": workers,
        "Ghi chú": i === 0 ? "Dữ liệu mẫu" : null,
      });
    });
  }
  PLEDGE_DATES.slice(0, 3).forEach((date, i) => {
    rows.push({ "Thôn, đơn vị": "Trường học", "Ngày cập nhật": isoToSerial(date), "Số HS, SV đã ký": 640 + 95 * i, "Số CB, CC, VC đã ký": 48 + i });
  });
  return rows.sort((a, b) => Number(a["Ngày cập nhật"]) - Number(b["Ngày cập nhật"]));
}

const GOODS = [
  { name: "Khẩu trang y tế", unit: "hộp", price: 45_000 },
  { name: "Gạo", unit: "kg", price: 14_000 },
  { name: "Nước sát khuẩn", unit: "chai", price: 60_000 },
  { name: "Mì tôm", unit: "thùng", price: 95_000 },
] as const;

const DONOR_PREFIX: Record<string, string> = {
  "Cá nhân": "Cá nhân mẫu",
  "Hộ gia đình": "Hộ gia đình mẫu",
  "Doanh nghiệp": "Doanh nghiệp mẫu",
  "Cơ quan, đơn vị": "Cơ quan mẫu",
  "Ban, ngành, đoàn thể": "Đoàn thể mẫu",
  "Tổ chức tôn giáo": "Giáo xứ mẫu",
  "Khác": "Nhà hảo tâm mẫu",
};

const SPENDING = ["Hỗ trợ chốt kiểm soát dịch", "Mua vật tư y tế cho Trạm Y tế xã", "Hỗ trợ khu cách ly tập trung", "Hỗ trợ hộ khó khăn do dịch"];

/** A ledger in date order whose cash balance never goes below zero. Amounts are whole đồng. */
function ledgerRows(rand: () => number, count: number): PrefillRow[] {
  const start = isoToSerial("2021-06-12");
  const end = isoToSerial("2021-12-31");
  const days = Array.from({ length: count }, () => intBetween(rand, start, end)).sort((a, b) => a - b);
  const rows: PrefillRow[] = [];
  let cash = 0;
  let receipts = 0;
  let payments = 0;
  for (const day of days) {
    const spend = cash > 3_000_000 && rand() < 0.22;
    if (spend) {
      const amount = Math.min(cash, intBetween(rand, 4, 60) * 50_000);
      cash -= amount;
      payments += 1;
      rows.push({ "Ngày": day, "Loại": "Chi", "Số chứng từ": `PC-${String(payments).padStart(3, "0")}`, "Người, đơn vị": "Ban Chỉ đạo phòng, chống dịch xã", "Nhóm": null, "Thôn": null, "Hình thức": "Tiền mặt", "Số tiền (đồng)": amount, "Nội dung": pick(rand, SPENDING) });
      continue;
    }
    receipts += 1;
    const group = pick(rand, DONOR_GROUPS);
    const donor = `${DONOR_PREFIX[group]} ${String(intBetween(rand, 1, 60)).padStart(2, "0")}`;
    const village = group === "Cá nhân" || group === "Hộ gia đình" ? pick(rand, SAMPLE_VILLAGES) : null;
    const base = { "Ngày": day, "Loại": "Thu", "Số chứng từ": `PT-${String(receipts).padStart(3, "0")}`, "Người, đơn vị": donor, "Nhóm": group, "Thôn": village };
    const r = rand();
    if (r < 0.2) {
      const g = pick(rand, GOODS);
      const qty = intBetween(rand, 5, 80);
      rows.push({ ...base, "Hình thức": "Hiện vật", "Hiện vật": g.name, "Số lượng": qty, "Đơn vị tính": g.unit, "Giá trị hiện vật (đồng)": qty * g.price, "Nội dung": "Ủng hộ hiện vật phòng, chống dịch" });
    } else {
      const amount = intBetween(rand, 2, 200) * 50_000;
      cash += amount;
      rows.push({ ...base, "Hình thức": r < 0.65 ? "Tiền mặt" : "Chuyển khoản", "Số tiền (đồng)": amount, "Nội dung": "Ủng hộ quỹ phòng, chống dịch Covid-19" });
    }
  }
  return rows;
}

/** Every task state: on time, late, in progress, not started, and overdue ones. */
function sampleTasks(plan: PlanDefinition, rand: () => number): PrefillRow[] {
  return taskRows(plan).map((row, i) => {
    const deadline = typeof row["Hạn hoàn thành"] === "number" ? row["Hạn hoàn thành"] : undefined;
    if (row["Mục kế hoạch"] === "II.1") return { ...row, "Trạng thái": "Hoàn thành", "Ngày hoàn thành": isoToSerial("2021-06-14"), "Kết quả, minh chứng": "Lễ phát động tổ chức tại 8/8 thôn và các trường học" };
    if (row["Mục kế hoạch"] === "II.2") return { ...row, "Trạng thái": "Hoàn thành", "Ngày hoàn thành": isoToSerial("2021-07-05"), "Kết quả, minh chứng": "Hoàn thành ký cam kết sau hạn 5 ngày" };
    const k = i % 5;
    if (k === 0 || k === 3) {
      const done = isoToSerial("2021-07-01") + intBetween(rand, 0, 150);
      return { ...row, "Hạn hoàn thành": deadline ?? (k === 3 ? isoToSerial("2021-09-30") : null), "Trạng thái": "Hoàn thành", "Ngày hoàn thành": done, "Kết quả, minh chứng": `Báo cáo kết quả ngày ${formatDate(serialToIso(done) ?? "")}` };
    }
    if (k === 1) return { ...row, "Trạng thái": "Đang thực hiện", "Ghi chú": "Nhiệm vụ thường xuyên" };
    if (k === 2) return { ...row, "Hạn hoàn thành": isoToSerial("2021-08-31"), "Trạng thái": "Đang thực hiện" };
    return { ...row, "Hạn hoàn thành": isoToSerial("2022-03-31"), "Trạng thái": "Chưa thực hiện" };
  });
}

function nominationRows(rand: () => number, forms: readonly string[]): PrefillRow[] {
  const rows: PrefillRow[] = [];
  for (let i = 0; i < 14; i++) {
    const kind = i % 3 === 0 ? "Tập thể" : i % 5 === 1 ? "Hộ gia đình" : "Cá nhân";
    const person = kind === "Cá nhân";
    const day = isoToSerial("2021-07-15") + intBetween(rand, 0, 160);
    const status = pick(rand, ["Đề xuất", "Đã trình", "Đã khen thưởng", "Đã khen thưởng", "Không được khen"] as const);
    rows.push({
      "STT": i + 1,
      "Đối tượng": kind,
      "Tên tập thể, cá nhân": kind === "Tập thể" ? `Tổ tự quản mẫu ${i + 1}` : kind === "Hộ gia đình" ? `Hộ gia đình mẫu ${i + 1}` : `Cá nhân mẫu ${i + 1}`,
      "Năm sinh": person ? intBetween(rand, 1960, 2000) : null,
      "Giới tính": person ? pick(rand, ["Nam", "Nữ"] as const) : null,
      "Chức vụ": person ? pick(rand, ["Tổ trưởng tổ tự quản", "Y sĩ", "Công an viên", "Đoàn viên"] as const) : null,
      "Đơn vị, thôn": pick(rand, SAMPLE_VILLAGES),
      "Tóm tắt thành tích": "Có thành tích xuất sắc trong phong trào (dữ liệu mẫu)",
      "Hình thức khen thưởng": pick(rand, forms),
      "Cấp khen": i % 4 === 0 ? "Đề nghị cấp trên" : "Chủ tịch UBND xã",
      "Ngày đề nghị": day,
      "Trạng thái": status,
      "Số quyết định": status === "Đã khen thưởng" ? `${intBetween(rand, 100, 250)}/QĐ-UBND` : null,
    });
  }
  return rows;
}

/** The demo workbook's sample rows by table, deterministic for a given seed. */
export function demoRows(plan: PlanDefinition, seed = 20210611): Map<string, PrefillRow[]> {
  const rand = seededRandom(seed);
  return new Map<string, PrefillRow[]>([
    [TABLE.thon, villageRows()],
    [TABLE.nhiemVu, sampleTasks(plan, rand)],
    [TABLE.camKet, pledgeRows(rand)],
    [TABLE.dongGop, ledgerRows(rand, 320)],
    [TABLE.khenThuong, nominationRows(rand, awardFormsOf(plan))],
  ]);
}
