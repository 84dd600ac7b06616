import type { Figures } from "./figures";
import { formatCount as n, formatDate, formatRate } from "../format";

/** The opening sentence of each part of the report, stating its figures in Vietnamese. */
export function launchSentence(f: Figures): string {
  const launch = f.milestones.find((m) => m.kind === "launch");
  if (!launch) return "Chưa có số liệu về việc tổ chức phát động phong trào.";
  const deadline = launch.deadline ? ` (kế hoạch đề ra hoàn thành trước ngày ${formatDate(launch.deadline)})` : "";
  if (launch.state === "Hoàn thành") {
    const when = launch.completed ? `, hoàn thành ngày ${formatDate(launch.completed)}` : "";
    return `${launch.unit} đã tổ chức phát động phong trào${when}${deadline}.`;
  }
  return `Việc tổ chức phát động phong trào (${launch.unit}) chưa hoàn thành${deadline}.`;
}

export function pledgeSentence(f: Figures): string {
  const t = f.pledges.total;
  if (f.pledges.byPlace.length === 0) return `Đến ngày ${formatDate(f.period.to)} chưa có số liệu ký cam kết.`;
  const rate = t.householdRate === null ? "" : `, đạt ${formatRate(t.householdRate)}`;
  return (
    `Tính đến ngày ${formatDate(f.period.to)}, có ${n(t.householdsSigned)}/${n(t.households)} hộ gia đình đã ký cam kết${rate}; ` +
    `${n(t.students)} học sinh, sinh viên; ${n(t.officials)} cán bộ, công chức, viên chức và ${n(t.workers)} công nhân, người lao động đã ký cam kết.`
  );
}

export function taskSentence(f: Figures): string {
  const t = f.tasks;
  const done = t.doneOnTime + t.doneLate;
  return (
    `Các đơn vị được giao ${n(t.total)} nhiệm vụ. Đến ngày ${formatDate(f.period.to)} đã hoàn thành ${n(done)} nhiệm vụ ` +
    `(${n(t.doneOnTime)} đúng hạn, ${n(t.doneLate)} quá hạn); ${n(t.overdue)} nhiệm vụ quá hạn chưa hoàn thành; ${n(t.open)} nhiệm vụ đang thực hiện hoặc chưa đến hạn.`
  );
}

export function donationSentence(f: Figures): string {
  const d = f.donations;
  return (
    `Tồn quỹ đầu kỳ ${n(d.openingCash)} đồng. Trong kỳ đã tiếp nhận ${n(d.receivedMoney)} đồng (tiền mặt và chuyển khoản) ` +
    `và hiện vật trị giá ${n(d.receivedGoodsValue)} đồng của ${n(d.donors)} tập thể, cá nhân; đã chi ${n(d.disbursedMoney)} đồng` +
    `${d.disbursedGoodsValue > 0 ? ` và phân phát hiện vật trị giá ${n(d.disbursedGoodsValue)} đồng` : ""}. Tồn quỹ cuối kỳ ${n(d.closingCash)} đồng.`
  );
}

export function nominationSentence(f: Figures): string {
  const k = f.nominations;
  if (k.total === 0) return "Trong kỳ chưa có đề nghị khen thưởng.";
  return (
    `Trong kỳ đã đề nghị khen thưởng ${n(k.total)} trường hợp (${n(k.byKind["Cá nhân"] ?? 0)} cá nhân, ${n(k.byKind["Tập thể"] ?? 0)} tập thể, ` +
    `${n(k.byKind["Hộ gia đình"] ?? 0)} hộ gia đình); đã khen thưởng ${n(k.byStatus["Đã khen thưởng"] ?? 0)}, ` +
    `đang xét ${n((k.byStatus["Đề xuất"] ?? 0) + (k.byStatus["Đã trình"] ?? 0))}, không được khen ${n(k.byStatus["Không được khen"] ?? 0)}.`
  );
}

/** Facts for "Tồn tại, hạn chế": overdue tasks, places below full pledges, rows left out. */
export function shortcomings(f: Figures): string[] {
  const out: string[] = [];
  if (f.overdueTasks.length > 0) {
    const byUnit = new Map<string, number>();
    for (const t of f.overdueTasks) byUnit.set(t.unit, (byUnit.get(t.unit) ?? 0) + 1);
    out.push(`- Còn ${n(f.overdueTasks.length)} nhiệm vụ quá hạn chưa hoàn thành: ${[...byUnit].map(([u, c]) => `${u} (${n(c)})`).join("; ")}.`);
  }
  const below = f.pledges.byPlace.filter((p) => p.households > 0 && p.householdsSigned < p.households);
  if (below.length > 0) {
    out.push(`- Còn ${n(below.length)} thôn, đơn vị chưa đạt 100% hộ ký cam kết: ${below.map((p) => `${p.place} (${formatRate(p.householdsSigned / p.households)})`).join("; ")}.`);
  }
  if (f.excludedRows > 0) out.push(`- Có ${n(f.excludedRows)} dòng số liệu chưa hợp lệ nên chưa được tính vào báo cáo; cần rà soát, sửa bằng chức năng Kiểm tra.`);
  if (out.length === 0) out.push("- Không có nhiệm vụ quá hạn; các thôn đều đã đạt 100% hộ ký cam kết.");
  return out;
}

/** Facts for "Phương hướng": what remains to do. */
export function directions(f: Figures): string[] {
  const remaining = f.tasks.overdue + f.tasks.open;
  const households = f.pledges.total.households - f.pledges.total.householdsSigned;
  return [
    `- Tiếp tục triển khai ${n(remaining)} nhiệm vụ chưa hoàn thành, tập trung ${n(f.tasks.overdue)} nhiệm vụ đã quá hạn.`,
    ...(households > 0 ? [`- Vận động ${n(households)} hộ gia đình còn lại ký cam kết phòng, chống dịch.`] : []),
    `- Tiếp tục huy động, quản lý, sử dụng nguồn đóng góp công khai, minh bạch; tồn quỹ hiện có ${n(f.donations.closingCash)} đồng.`,
    "- Kịp thời biểu dương, khen thưởng các tập thể, cá nhân có thành tích xuất sắc.",
  ];
}
