import { placeHouseholdRate } from "./measures";
import type { ReturnsStatus } from "../collect/status";
import type { Tracker } from "../plan/kinds";
import { DAY_MS } from "../dates";
import { NO_UNIT, type Figures } from "./figures";
import { formatCount as n, formatDate, formatRate, formatTarget } from "../format";
import { PLEDGE_TARGET } from "./charts";

// The sentences of the report, as an official writes them: a clause only for what is there (no
// "0 quá hạn"), tasks done on time, done late, overdue, standing and not yet due kept apart,
// counts with their noun, a missed milestone with its delay.

/** "a, b và c"; with `;` between parts that hold commas themselves ("học sinh, sinh viên; cán bộ, …"). */
function joinAnd(parts: readonly string[], separator = ", "): string {
  if (parts.length <= 1) return parts.join("");
  return `${parts.slice(0, -1).join(separator)} và ${parts[parts.length - 1]}`;
}

/** Days from one ISO date to another. */
function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** How a milestone stands against its deadline: done on time, done late by N days, or not done and N days past it. */
function milestoneStatus(m: Figures["milestones"][number], asOf: string): string {
  const deadline = m.deadline ? ` (Kế hoạch đề ra hoàn thành trước ngày ${formatDate(m.deadline)})` : "";
  // Done after the period's end is not done as of it: the report of a period says what was true at its end, as its figures count.
  if (m.state === "Hoàn thành" && (!m.completed || m.completed <= asOf)) {
    if (!m.completed) return `đã hoàn thành${deadline}`;
    const late = m.deadline ? daysBetween(m.deadline, m.completed) : 0;
    return late > 0
      ? `hoàn thành ngày ${formatDate(m.completed)}, chậm ${n(late)} ngày so với Kế hoạch (hạn ${formatDate(m.deadline as string)})`
      : `hoàn thành ngày ${formatDate(m.completed)}${deadline}`;
  }
  if (m.deadline && m.deadline < asOf) return `chưa hoàn thành, đã quá ${n(daysBetween(m.deadline, asOf))} ngày so với Kế hoạch (hạn ${formatDate(m.deadline)})`;
  return `đang thực hiện${deadline}`;
}

/** A milestone as a report names it: "Việc ký cam kết (Các thôn)", never the plan's sentence. */
export function milestoneName(m: Figures["milestones"][number]): string {
  const what = m.kind === "launch" ? "Việc tổ chức phát động phong trào" : m.kind === "pledge" ? "Việc ký cam kết" : `Mốc thời hạn${m.section ? ` mục ${m.section}` : ""} của Kế hoạch`;
  return m.unit ? `${what} (${m.unit})` : what;
}

/** Whether the launch belongs to the period's report: not when it was done before the period began. */
export function launchInPeriod(f: Figures): boolean {
  const launch = f.milestones.find((m) => m.kind === "launch");
  return !launch || !(launch.state === "Hoàn thành" && launch.completed !== null && launch.completed < f.period.from);
}

/** The launch of the movement, with its delay when it was late. */
export function launchSentence(f: Figures): string {
  const launch = f.milestones.find((m) => m.kind === "launch");
  if (!launch) return "Chưa có số liệu về việc tổ chức phát động phong trào.";
  return `Việc tổ chức phát động phong trào (${launch.unit}): ${milestoneStatus(launch, f.period.to)}.`;
}

/** Pledges as of the period's end; the pledge milestone's rate on its deadline when it was missed. */
export function pledgeSentence(f: Figures): string {
  const t = f.pledges.total;
  if (f.pledges.byPlace.length === 0) return `Đến ngày ${formatDate(f.period.to)} chưa có số liệu ký cam kết.`;
  const rate = t.householdRate === null ? "" : `, đạt ${formatRate(t.householdRate)}`;
  const others = [
    t.students > 0 ? `${n(t.students)} học sinh, sinh viên` : "",
    t.officials > 0 ? `${n(t.officials)} cán bộ, công chức, viên chức` : "",
    t.workers > 0 ? `${n(t.workers)} công nhân, người lao động` : "",
  ].filter(Boolean);
  let text = `Tính đến ngày ${formatDate(f.period.to)}, có ${n(t.householdsSigned)}/${n(t.households)} hộ gia đình đã ký cam kết${rate}`;
  if (others.length > 0) text += `; ${joinAnd(others, "; ")} đã ký cam kết`;
  text += ".";
  const milestone = f.milestones.find((m) => m.kind === "pledge" && m.deadline);
  if (milestone?.deadline && milestone.rateAtDeadline !== undefined && milestone.rateAtDeadline !== null && milestone.rateAtDeadline < 1) {
    text += ` Kế hoạch đề ra hoàn thành việc ký cam kết trước ngày ${formatDate(milestone.deadline)}; đến ngày đó mới đạt ${formatRate(milestone.rateAtDeadline)} số hộ.`;
  }
  return text;
}

/**
 * What the rows of Nhiệm vụ are called: "nhiệm vụ", or "việc" when the plan's common milestones
 * (launch, pledges) are among them, so that the units' tasks and the milestones are counted apart.
 */
function taskWord(f: Figures): string {
  return f.milestones.length > 0 && f.milestones.length < f.tasks.total ? "việc" : "nhiệm vụ";
}

/** Tasks as of the period's end, each state only when it has tasks. */
export function taskSentence(f: Figures): string {
  const t = f.tasks;
  if (t.total === 0) return "Chưa có nhiệm vụ nào được giao.";
  const w = taskWord(f);
  const datedOpen = t.open - t.standing;
  const parts = [
    t.doneOnTime > 0 ? `${n(t.doneOnTime)} ${w} hoàn thành đúng hạn` : "",
    t.doneLate > 0 ? `${n(t.doneLate)} ${w} hoàn thành chậm (so với thời hạn)` : "",
    t.overdue > 0 ? `${n(t.overdue)} ${w} quá hạn chưa hoàn thành` : "",
    datedOpen > 0 ? `${n(datedOpen)} ${w} đang thực hiện, chưa đến hạn` : "",
    t.standing > 0 ? `${n(t.standing)} ${w} thường xuyên đang tiếp tục thực hiện` : "",
  ].filter(Boolean);
  const common = f.milestones.length;
  const given = w === "việc" ? `${n(t.total)} việc: ${n(t.total - common)} nhiệm vụ của các đơn vị và ${n(common)} mốc chung của kế hoạch` : `${n(t.total)} nhiệm vụ`;
  return `Các đơn vị được giao ${given}. Đến ngày ${formatDate(f.period.to)}: ${joinAnd(parts, "; ")}.`;
}

/** Money as an accountant keeps it: cash and bank apart; goods received and distributed; no zero clause. */
export function donationSentence(f: Figures): string {
  const d = f.donations;
  const sentences: string[] = [];
  const received = [
    d.cash.received > 0 ? `${n(d.cash.received)} đồng tiền mặt` : "",
    d.bank.received > 0 ? `${n(d.bank.received)} đồng chuyển khoản` : "",
    d.goods.receivedValue > 0 ? `hiện vật trị giá ${n(d.goods.receivedValue)} đồng` : "",
  ].filter(Boolean);
  if (received.length > 0) sentences.push(`Trong kỳ đã tiếp nhận ${joinAnd(received)} của ${n(d.donors)} tập thể, cá nhân, hộ gia đình.`);
  else sentences.push("Trong kỳ chưa tiếp nhận khoản đóng góp nào.");
  const spent = [
    d.disbursedMoney > 0 ? `chi ${n(d.disbursedMoney)} đồng` : "",
    d.goods.distributedValue > 0 ? `phân phát hiện vật trị giá ${n(d.goods.distributedValue)} đồng` : "",
  ].filter(Boolean);
  if (spent.length > 0) sentences.push(`Đã ${joinAnd(spent)}.`);
  const balances = [
    d.cash.closing !== 0 || d.cash.opening !== 0 ? `tiền mặt ${n(d.cash.closing)} đồng` : "",
    d.bank.closing !== 0 || d.bank.opening !== 0 ? `tài khoản ${n(d.bank.closing)} đồng` : "",
  ].filter(Boolean);
  if (balances.length > 0) sentences.push(`Tồn quỹ cuối kỳ: ${joinAnd(balances)}.`);
  return sentences.join(" ");
}

/** Nominations and awards apart, counted in "trường hợp". */
export function nominationSentence(f: Figures): string {
  const k = f.nominations;
  if (k.total === 0) return "Trong kỳ chưa có đề nghị khen thưởng.";
  const who = [
    (k.byKind["Tập thể"] ?? 0) > 0 ? `${n(k.byKind["Tập thể"] ?? 0)} tập thể` : "",
    (k.byKind["Cá nhân"] ?? 0) > 0 ? `${n(k.byKind["Cá nhân"] ?? 0)} cá nhân` : "",
    (k.byKind["Hộ gia đình"] ?? 0) > 0 ? `${n(k.byKind["Hộ gia đình"] ?? 0)} hộ gia đình` : "",
  ].filter(Boolean);
  const parts = [`Trong kỳ đã đề nghị khen thưởng ${n(k.total)} trường hợp (${joinAnd(who)})`];
  if (k.awarded.total > 0) {
    const forms = Object.entries(k.awarded.byForm).filter(([, c]) => c > 0).map(([form, c]) => `${form}: ${n(c)}`);
    parts.push(`đã có quyết định khen thưởng ${n(k.awarded.total)} trường hợp (${forms.join("; ")})`);
  }
  const pending = (k.byStatus["Đề xuất"] ?? 0) + (k.byStatus["Đã trình"] ?? 0);
  if (pending > 0) parts.push(`${n(pending)} trường hợp đang xem xét`);
  const refused = k.byStatus["Không được khen"] ?? 0;
  if (refused > 0) parts.push(`${n(refused)} trường hợp không đủ điều kiện khen thưởng`);
  return `${parts.join("; ")}.`;
}

/** Facts for "Tồn tại, hạn chế": missed milestones, overdue tasks, places below full pledges, rows left out. */
export function shortcomings(f: Figures, trackers: readonly Tracker[], returns?: ReturnsStatus): string[] {
  const out: string[] = [];
  for (const m of f.milestones) {
    const done = m.state === "Hoàn thành" && (!m.completed || m.completed <= f.period.to);
    // A milestone done late in an earlier period was told then; it is not told again.
    if (done && m.completed && m.completed < f.period.from) continue;
    const late = done ? (m.completed && m.deadline ? daysBetween(m.deadline, m.completed) : 0) : m.deadline && m.deadline < f.period.to ? daysBetween(m.deadline, f.period.to) : 0;
    // Named by what it is, never by the plan's sentence (which says what was to be done, not what was).
    if (late > 0) out.push(`- ${milestoneName(m)}: ${milestoneStatus(m, f.period.to)}.`);
  }
  if (f.overdueTasks.length > 0) {
    const byUnit = new Map<string, number>();
    for (const t of f.overdueTasks) byUnit.set(t.unit || NO_UNIT, (byUnit.get(t.unit || NO_UNIT) ?? 0) + 1);
    const w = taskWord(f);
    out.push(`- Còn ${n(f.overdueTasks.length)} ${w} quá hạn chưa hoàn thành: ${[...byUnit].map(([u, c]) => `${u} (${n(c)} ${w})`).join("; ")}.`);
  }
  const below = trackers.includes("pledges") ? f.pledges.byPlace.filter((p) => p.households > 0 && p.householdsSigned < p.households) : [];
  if (below.length > 0) {
    out.push(`- Còn ${n(below.length)} thôn, đơn vị chưa đạt ${formatTarget(PLEDGE_TARGET)} hộ ký cam kết: ${below.map((p) => `${p.place} (${formatRate(placeHouseholdRate(p) ?? 0)})`).join("; ")}.`);
  }
  if (f.excludedRows > 0) out.push(`- Có ${n(f.excludedRows)} dòng số liệu chưa hợp lệ nên chưa được tính vào báo cáo; cần rà soát, sửa bằng chức năng Kiểm tra.`);
  if (out.length === 0) out.push(trackers.includes("pledges") ? `- Không có nhiệm vụ quá hạn; các thôn đều đã đạt ${formatTarget(PLEDGE_TARGET)} hộ ký cam kết.` : "- Không có nhiệm vụ quá hạn.");
  // The units' and villages' own reports, when forms were collected for the period.
  if (returns && returns.missing.length > 0) out.push(`- Còn ${n(returns.missing.length)}/${n(returns.expected)} đơn vị, thôn chưa gửi báo cáo: ${returns.missing.map((m) => m.name).join("; ")}.`);
  const late = returns?.received.filter((r) => r.late) ?? [];
  if (late.length > 0) out.push(`- Có ${n(late.length)} đơn vị, thôn gửi báo cáo chậm so với thời hạn: ${late.map((r) => `${r.name} (hạn ${formatDate(r.due)}, nhận ngày ${formatDate(r.received)})`).join("; ")}.`);
  return out;
}

/** Facts for "Phương hướng": what remains to do, for what the plan tracks. */
export function directions(f: Figures, trackers: readonly Tracker[]): string[] {
  const out: string[] = [];
  const remaining = f.tasks.overdue + f.tasks.open;
  if (trackers.includes("tasks") && remaining > 0) {
    const w = taskWord(f);
    out.push(`- Tiếp tục triển khai ${n(remaining)} ${w} chưa hoàn thành${f.tasks.overdue > 0 ? `, tập trung ${n(f.tasks.overdue)} ${w} đã quá hạn` : ""}.`);
  }
  const households = f.pledges.total.households - f.pledges.total.householdsSigned;
  if (trackers.includes("pledges") && households > 0) out.push(`- Vận động ${n(households)} hộ gia đình còn lại ký cam kết.`);
  if (trackers.includes("donations")) out.push("- Tiếp tục huy động, quản lý, sử dụng nguồn đóng góp công khai, minh bạch.");
  if (trackers.includes("nominations")) out.push("- Kịp thời biểu dương, khen thưởng các tập thể, cá nhân có thành tích xuất sắc.");
  return out;
}
