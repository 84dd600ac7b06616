import type { Figures } from "../../../src/domain/report/figures";
import { directions, donationSentence, launchSentence, nominationSentence, pledgeSentence, shortcomings, taskSentence, launchInPeriod } from "../../../src/domain/report/reportText";

const account = (opening = 0, received = 0, spent = 0) => ({ opening, received, spent, closing: opening + received - spent });

function figures(over: Partial<Figures> = {}): Figures {
  return {
    period: { from: "2021-01-01", to: "2021-12-31", label: "năm 2021" },
    tasks: { total: 0, doneOnTime: 0, doneLate: 0, overdue: 0, open: 0, standing: 0, byUnit: [] },
    pledges: { byPlace: [], total: { households: 0, householdsSigned: 0, students: 0, officials: 0, workers: 0, householdRate: null } },
    donations: { openingCash: 0, receivedMoney: 0, receivedGoodsValue: 0, disbursedMoney: 0, disbursedGoodsValue: 0, closingCash: 0, donors: 0, byGroup: [], cash: account(), bank: account(), goods: { receivedValue: 0, distributedValue: 0 }, byPurpose: [] },
    nominations: { total: 0, byKind: {}, byForm: {}, byStatus: {}, awarded: { total: 0, byForm: {} } },
    moneyByMonth: [],
    milestones: [],
    overdueTasks: [],
    excludedRows: 0,
    excludedRowsBySection: { tasks: 0, pledges: 0, donations: 0, nominations: 0 },
    ...over,
  };
}

const tasks = (c: Partial<Figures["tasks"]>): Figures["tasks"] => ({ total: 0, doneOnTime: 0, doneLate: 0, overdue: 0, open: 0, standing: 0, byUnit: [], ...c });

describe("the report's sentences, as an official writes them", () => {
  it("tasks: each state only when it has tasks, on time, late, overdue, standing and not yet due apart", () => {
    expect(taskSentence(figures())).toBe("Chưa có nhiệm vụ nào được giao.");
    expect(taskSentence(figures({ tasks: tasks({ total: 1, doneOnTime: 1 }) }))).toBe("Các đơn vị được giao 1 nhiệm vụ. Đến ngày 31/12/2021: 1 nhiệm vụ hoàn thành đúng hạn.");
    expect(taskSentence(figures({ tasks: tasks({ total: 28, doneOnTime: 8, doneLate: 2, overdue: 5, open: 13, standing: 10 }) }))).toBe(
      "Các đơn vị được giao 28 nhiệm vụ. Đến ngày 31/12/2021: 8 nhiệm vụ hoàn thành đúng hạn; 2 nhiệm vụ hoàn thành chậm (so với thời hạn); 5 nhiệm vụ quá hạn chưa hoàn thành; 3 nhiệm vụ đang thực hiện, chưa đến hạn và 10 nhiệm vụ thường xuyên đang tiếp tục thực hiện.",
    );
    for (const s of [taskSentence(figures({ tasks: tasks({ total: 3, doneOnTime: 3 }) }))]) expect(s).not.toMatch(/\b0 /);
  });

  it("a milestone done late or missed is stated with its delay", () => {
    const launch = { section: "II.1", kind: "launch" as const, unit: "Các ban, ngành", content: "Phát động", deadline: "2021-06-15", state: "Hoàn thành", completed: "2021-06-20" };
    expect(launchSentence(figures({ milestones: [launch] }))).toBe("Việc tổ chức phát động phong trào (Các ban, ngành): hoàn thành ngày 20/06/2021, chậm 5 ngày so với Kế hoạch (hạn 15/06/2021).");
    const missed = { ...launch, state: "Đang thực hiện", completed: null };
    expect(launchSentence(figures({ milestones: [missed], period: { from: "2021-01-01", to: "2021-06-30", label: "6 tháng đầu năm 2021" } }))).toBe(
      "Việc tổ chức phát động phong trào (Các ban, ngành): chưa hoàn thành, đã quá 15 ngày so với Kế hoạch (hạn 15/06/2021).",
    );
    expect(shortcomings(figures({ milestones: [launch] }), ["tasks"])[0]).toBe("- Việc tổ chức phát động phong trào (Các ban, ngành): hoàn thành ngày 20/06/2021, chậm 5 ngày so với Kế hoạch (hạn 15/06/2021).");
  });

  it("a milestone done late in an earlier period is not told again, nor the launch reported again; the plan's sentence is never printed as a result", () => {
    const content = "Sau khi tổ chức phát động từng thôn, tổ chức ký cam kết đến từng hộ";
    const pledge = { section: "III.2", kind: "pledge" as const, unit: "Các thôn", content, deadline: "2021-06-30", state: "Hoàn thành", completed: "2021-07-05" };
    const launch = { section: "II.1", kind: "launch" as const, unit: "Các ban, ngành", content: "Phát động", deadline: "2021-06-15", state: "Hoàn thành", completed: "2021-06-12" };
    const s2 = { from: "2021-07-01", to: "2021-12-31", label: "6 tháng cuối năm 2021" };
    const told = shortcomings(figures({ milestones: [pledge, launch], period: s2 }), ["tasks"]);
    expect(told[0]).toBe("- Việc ký cam kết (Các thôn): hoàn thành ngày 05/07/2021, chậm 5 ngày so với Kế hoạch (hạn 30/06/2021).");
    expect(told.join(" ")).not.toContain(content);
    const y2022 = { from: "2022-01-01", to: "2022-06-30", label: "6 tháng đầu năm 2022" };
    expect(shortcomings(figures({ milestones: [pledge, launch], period: y2022 }), ["tasks"]).join(" ")).not.toContain("ký cam kết (Các thôn)");
    expect(launchInPeriod(figures({ milestones: [launch], period: s2 }))).toBe(false);
    expect(launchInPeriod(figures({ milestones: [launch], period: { from: "2021-01-01", to: "2021-06-30", label: "6 tháng đầu năm 2021" } }))).toBe(true);
    expect(launchInPeriod(figures({ milestones: [{ ...launch, state: "Đang thực hiện", completed: null }], period: s2 }))).toBe(true);
  });

  it("a milestone done after the period's end is not done as of it: the report of the period says it was late, as its figures count it", () => {
    const launch = { section: "II.1", kind: "launch" as const, unit: "Các ban, ngành", content: "Phát động", deadline: "2021-06-15", state: "Hoàn thành", completed: "2021-11-25" };
    const s1 = { from: "2021-01-01", to: "2021-06-30", label: "6 tháng đầu năm 2021" };
    expect(launchSentence(figures({ milestones: [launch], period: s1 }))).toBe("Việc tổ chức phát động phong trào (Các ban, ngành): chưa hoàn thành, đã quá 15 ngày so với Kế hoạch (hạn 15/06/2021).");
    expect(shortcomings(figures({ milestones: [launch], period: s1 }), ["tasks"])[0]).toBe("- Việc tổ chức phát động phong trào (Các ban, ngành): chưa hoàn thành, đã quá 15 ngày so với Kế hoạch (hạn 15/06/2021).");
  });

  it("pledges: the rate on the milestone's deadline when it was missed; no zero groups", () => {
    const byPlace = [{ place: "Thôn 1", asOf: "2021-12-01", households: 100, householdsSigned: 90, students: 0, officials: 0, workers: 0 }];
    const total = { households: 100, householdsSigned: 90, students: 0, officials: 3, workers: 0, householdRate: 0.9 };
    const pledge = { section: "II.2", kind: "pledge" as const, unit: "Thôn", content: "Ký cam kết", deadline: "2021-06-30", state: "Đang thực hiện", completed: null, rateAtDeadline: 0.634 };
    expect(pledgeSentence(figures({ pledges: { byPlace, total }, milestones: [pledge] }))).toBe(
      "Tính đến ngày 31/12/2021, có 90/100 hộ gia đình đã ký cam kết, đạt 90,0%; 3 cán bộ, công chức, viên chức đã ký cam kết. Kế hoạch đề ra hoàn thành việc ký cam kết trước ngày 30/06/2021; đến ngày đó mới đạt 63,4% số hộ.",
    );
  });

  it("money: cash and bank apart, goods received and distributed, no zero clause", () => {
    expect(donationSentence(figures())).toBe("Trong kỳ chưa tiếp nhận khoản đóng góp nào.");
    const d = figures().donations;
    const one = { ...d, receivedMoney: 5_000_000, cash: account(0, 5_000_000, 0), closingCash: 5_000_000, donors: 1 };
    expect(donationSentence(figures({ donations: one }))).toBe("Trong kỳ đã tiếp nhận 5.000.000 đồng tiền mặt của 1 tập thể, cá nhân, hộ gia đình. Tồn quỹ cuối kỳ: tiền mặt 5.000.000 đồng.");
    const many = { ...d, donors: 12, disbursedMoney: 3_000_000, disbursedGoodsValue: 700_000, cash: account(1_000_000, 4_000_000, 3_000_000), bank: account(0, 6_000_000, 0), goods: { receivedValue: 900_000, distributedValue: 700_000 } };
    expect(donationSentence(figures({ donations: many }))).toBe(
      "Trong kỳ đã tiếp nhận 4.000.000 đồng tiền mặt, 6.000.000 đồng chuyển khoản và hiện vật trị giá 900.000 đồng của 12 tập thể, cá nhân, hộ gia đình. Đã chi 3.000.000 đồng và phân phát hiện vật trị giá 700.000 đồng. Tồn quỹ cuối kỳ: tiền mặt 2.000.000 đồng và tài khoản 6.000.000 đồng.",
    );
  });

  it("nominations and awards apart, in trường hợp", () => {
    expect(nominationSentence(figures())).toBe("Trong kỳ chưa có đề nghị khen thưởng.");
    const k = { total: 14, byKind: { "Cá nhân": 8, "Tập thể": 5, "Hộ gia đình": 1 }, byForm: {}, byStatus: { "Đề xuất": 2, "Đã trình": 4, "Đã khen thưởng": 5, "Không được khen": 3 }, awarded: { total: 5, byForm: { "Giấy khen": 4, "Biểu dương": 1, "Công nhận mô hình điển hình": 0 } } };
    expect(nominationSentence(figures({ nominations: k }))).toBe(
      "Trong kỳ đã đề nghị khen thưởng 14 trường hợp (5 tập thể, 8 cá nhân và 1 hộ gia đình); đã có quyết định khen thưởng 5 trường hợp (Giấy khen: 4; Biểu dương: 1); 6 trường hợp đang xem xét; 3 trường hợp không đủ điều kiện khen thưởng.",
    );
  });

  it("directions speak only of what the plan tracks and of what remains", () => {
    expect(directions(figures({ tasks: tasks({ total: 2, doneOnTime: 2 }) }), ["tasks"])).toEqual([]);
    expect(directions(figures({ tasks: tasks({ total: 3, open: 3, standing: 3 }) }), ["tasks", "nominations"])).toEqual([
      "- Tiếp tục triển khai 3 nhiệm vụ chưa hoàn thành.",
      "- Kịp thời biểu dương, khen thưởng các tập thể, cá nhân có thành tích xuất sắc.",
    ]);
  });
});
