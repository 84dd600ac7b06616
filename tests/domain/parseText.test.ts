import { readFileSync } from "node:fs";
import * as path from "node:path";
import fc from "fast-check";
import { parsePlanText, readCadence, readDeadline, unitGroup } from "../../src/domain/plan/parseText";
import { parsePlan } from "../../src/domain/plan/parsePlan";
import { SEED_FILE } from "../helpers/seed";

const PLANS = path.resolve(__dirname, "../fixtures/plans");
const read = (file: string) => parsePlanText(readFileSync(path.join(PLANS, file), "utf8"));

describe("the header of real plans, as their pages give them (expected results written by hand)", () => {
  it.each([
    // file, parent, body, number, place, date, receiver, title (movement)
    ["dan-luc-2021.txt", "ỦY BAN NHÂN DÂN", "XÃ DÂN LỰC", null, "Dân Lực", "2021-02-18", "UBND huyện Triệu Sơn", "Thông tin, tuyên truyền Cuộc bầu cử đại biểu Quốc hội khóa XV và bầu cử đại biểu Hội đồng Nhân dân các cấp, nhiệm kỳ 2021- 2026"],
    ["soc-trang-2022.txt", "ỦY BAN NHÂN DÂN", "TỈNH SÓC TRĂNG", "135/KH-UBND", "Sóc Trăng", "2022-09-27", null, "RÀ SOÁT HỘ NGHÈO, HỘ CẬN NGHÈO TRÊN ĐỊA BÀN TỈNH SÓC TRĂNG NĂM 2022"],
    ["quang-nam-2023.txt", "ỦY BAN NHÂN DÂN", "TỈNH QUẢNG NAM", "4544/KH-UBND", "Quảng Nam", "2023-07-13", null, "GIÁM SÁT, ĐÁNH GIÁ THỰC HIỆN CHƯƠNG TRÌNH MỤC TIÊU QUỐC GIA GIẢM NGHÈO BỀN VỮNG TRÊN ĐỊA BÀN TỈNH QUẢNG NAM NĂM 2023"],
    ["bac-ninh-2017.txt", "ỦY BAN NHÂN DÂN", "TỈNH BẮC NINH", "155/KH-UBND", "Bắc Ninh", "2017-05-26", null, "CHƯƠNG TRÌNH HÀNH ĐỘNG QUỐC GIA VỀ ĐĂNG KÝ VÀ THỐNG KÊ HỘ TỊCH GIAI ĐOẠN 2017 - 2024 TRÊN ĐỊA BÀN TỈNH BẮC NINH"],
    ["nghe-an-2026.txt", "ỦY BAN NHÂN DÂN", "TỈNH NGHỆ AN", "70/KH-UBND", "Nghệ An", "2026-01-30", null, "XÂY DỰNG XÃ, PHƯỜNG, CƠ QUAN, DOANH NGHIỆP, CƠ SỞ GIÁO DỤC ĐIỂN HÌNH VỀ PHONG TRÀO TOÀN DÂN BẢO VỆ AN NINH TỔ QUỐC"],
    ["bac-ninh-2025.txt", "ỦY BAN NHÂN DÂN", "TỈNH BẮC NINH", "188/KH-UBND", "Bắc Ninh", "2025-12-29", null, "XÂY DỰNG XÃ, PHƯỜNG, CƠ QUAN, DOANH NGHIỆP, CƠ SỞ GIÁO DỤC ĐIỂN HÌNH VỀ PHONG TRÀO TOÀN DÂN BẢO VỆ AN NINH TỔ QUỐC TRÊN ĐỊA BÀN TỈNH BẮC NINH"],
    ["mau-bao-cao-xa-2018.txt", "ỦY BAN NHÂN DÂN", null, null, null, "2018-06-20", null, "Tình hình phát triển kinh tế - xã hội giữa nhiệm kỳ 2015 - 2020"],
    ["ho-chi-minh-2019.txt", null, null, null, null, null, null, null],
  ] as const)("%s", (file, parent, name, number, place, date, receiver, movement) => {
    const r = read(`real/${file}`);
    expect(r.plan.issuingBody).toEqual({ parent, name });
    expect([r.plan.planNumber, r.plan.place, r.plan.planDate, r.plan.reporting.receiver, r.plan.movement]).toEqual([number, place, date, receiver, movement]);
    // Every line is placed somewhere or listed; none of these excerpts leaves one out.
    expect(r.unplaced).toEqual([]);
  });

  it("never takes the number of a plan the preamble cites", () => {
    // Dân Lực's own number is blank; its preamble cites 21/KH-UBND and 661/KH-UBND.
    expect(read("real/dan-luc-2021.txt").plan.planNumber).toBeNull();
  });
});

describe("a plan in the genre's other shapes (a variant written for the test)", () => {
  const r = read("bien-the-an-binh-2025.txt");
  it("reads a header in two columns joined by |, a blank number, a Căn cứ preamble", () => {
    expect(r.plan).toMatchObject({ movement: "Chung tay xây dựng nông thôn mới", issuingBody: { parent: "ỦY BAN NHÂN DÂN", name: "XÃ AN BÌNH" }, place: "An Bình", planNumber: null, planDate: "2025-03-02", year: 2025 });
    expect(r.plan.reporting).toEqual({ cadence: ["quarterly", "annual"], receiver: "UBND tỉnh Hưng Yên", via: "Văn phòng UBND xã", reportSymbol: "BC-UBND" });
  });
  it("reads lettered sections, headed units, a unit with its task after a colon, and assignment sentences", () => {
    expect(r.plan.units.map((u) => [u.section, u.name, u.group, u.tasks.map((t) => t.deadline ?? null)])).toEqual([
      ["C.1", "Công an xã", "Lực lượng vũ trang", ["2025-06-30", null]],
      ["C.2", "Hội Nông dân xã", "Mặt trận, đoàn thể", [null]],
      ["C.3", "Công chức địa chính - xây dựng xã", "Chuyên môn", ["2025-08-31"]],
      ["C.4", "Mặt trận Tổ quốc Việt Nam xã", "Mặt trận, đoàn thể", [null]],
    ]);
    expect(r.plan.units[2]!.tasks[0]!.content).toBe("Chủ trì, phối hợp các thôn rà soát quy hoạch và hướng dẫn chỉnh trang nhà ở");
  });
  it("reads dated contents as milestones of their kind, the signature with KT., and the trackers the text speaks of", () => {
    expect(r.plan.milestones.map((m) => [m.section, m.kind, m.deadline])).toEqual([
      ["B.1", "deadline", "2025-04-30"],
      ["B.2", "launch", "2025-05-31"],
      ["B.3", "deadline", "2025-09-30"],
    ]);
    expect(r.plan.signatory).toEqual({ authority: "KT. CHỦ TỊCH", title: "PHÓ CHỦ TỊCH", name: "Nguyễn Văn An" });
    expect(r.plan.recipients).toEqual(["Thường trực Đảng ủy xã", "Các ban, ngành, đoàn thể xã"]);
    expect(r.plan.trackers).toEqual(["tasks", "nominations"]);
    expect(r.unplaced).toEqual([]);
    expect(() => parsePlan(r.plan)).not.toThrow();
  });
});

describe("the genre's smaller pieces", () => {
  it.each([
    ["Rà soát hồ sơ, hoàn thành trước ngày 15/6/2021.", 2021, "2021-06-15", "Rà soát hồ sơ"],
    ["Ký cam kết trước ngày 30/6", 2021, "2021-06-30", "Ký cam kết"],
    ["Tổ chức hội nghị trong tháng 7/2025", 2025, "2025-07-31", "Tổ chức hội nghị"],
    ["Hoàn thiện hồ sơ trong quý III/2021.", 2021, "2021-09-30", "Hoàn thiện hồ sơ"],
    ["Tuyên truyền thường xuyên.", 2021, undefined, "Tuyên truyền thường xuyên"],
    ["Thực hiện Kế hoạch số 81 ngày 10/6/2021 của UBND huyện", 2021, undefined, "Thực hiện Kế hoạch số 81 ngày 10/6/2021 của UBND huyện"],
    ["Xong trước ngày 31/2/2021", 2021, undefined, "Xong trước ngày 31/2/2021"],
  ] as const)("%s", (text, year, deadline, content) => {
    const r = readDeadline(text, year);
    expect([r.deadline, r.content]).toEqual([deadline, content]);
  });

  it.each([
    ["định kỳ 6 tháng, 1 năm tổng hợp báo cáo", ["semiannual", "annual"]],
    ["Báo cáo hằng quý về UBND xã", ["quarterly"]],
    ["hàng tháng báo cáo kết quả; cuối năm tổng kết", ["monthly", "annual"]],
  ] as const)("cadence: %s", (text, cadence) => {
    expect(readCadence(text)).toEqual(cadence);
  });

  it("groups units by their names", () => {
    expect(["Công an xã", "Ban Chỉ huy Quân sự xã", "Hội Liên hiệp Phụ nữ xã", "Trường Tiểu học", "Các ban, ngành, đoàn thể, cơ sở thôn", "Trạm y tế xã"].map(unitGroup)).toEqual([
      "Lực lượng vũ trang", "Lực lượng vũ trang", "Mặt trận, đoàn thể", "Trường học", "Ban, ngành, đoàn thể", "Chuyên môn",
    ]);
  });

  it("reads Phần thứ… sections, a) items and • bullets, and a Q. signature", () => {
    const text = [
      "ỦY BAN NHÂN DÂN", "PHƯỜNG HÒA BÌNH", "Số: 7/KH-UBND", "Hòa Bình, ngày 5 tháng 1 năm 2024",
      "KẾ HOẠCH", "Phát động phong trào “Ngày Chủ nhật xanh”",
      "Phần thứ nhất", "MỤC ĐÍCH, YÊU CẦU", "• Nâng cao ý thức bảo vệ môi trường.",
      "Phần thứ hai", "PHÂN CÔNG NHIỆM VỤ",
      "1. Đoàn Thanh niên phường", "a) Ra quân dọn vệ sinh hằng tháng;", "b) Trồng cây xanh, hoàn thành trước ngày 30/4/2024.",
      "Nơi nhận:", "- UBND quận;", "- Lưu: VT.", "Q. CHỦ TỊCH", "Lê Thị Hoa",
    ].join("\n");
    const r = parsePlanText(text);
    expect(r.plan.units).toEqual([
      { name: "Đoàn Thanh niên phường", group: "Mặt trận, đoàn thể", section: "II.1", tasks: [{ content: "Ra quân dọn vệ sinh hằng tháng", section: "II.1" }, { content: "Trồng cây xanh", section: "II.1", deadline: "2024-04-30" }] },
    ]);
    expect(r.plan.signatory).toEqual({ authority: "Q. CHỦ TỊCH", title: null, name: "Lê Thị Hoa" });
    expect(r.plan.movement).toBe("Ngày Chủ nhật xanh");
    expect(r.unplaced).toEqual([]);
  });

  it("lists a line it cannot place instead of dropping it", () => {
    const seed = readFileSync(SEED_FILE, "utf8").replace("III. PHÂN CÔNG NHIỆM VỤ", "III. PHÂN CÔNG NHIỆM VỤ\n\n@@@ một dòng lạ, không thuộc đơn vị nào @@@");
    expect(parsePlanText(seed).unplaced).toEqual(["@@@ một dòng lạ, không thuộc đơn vị nào @@@"]);
  });
});

describe("the parser on any text", () => {
  const seedLines = readFileSync(SEED_FILE, "utf8").split("\n");
  it("never throws, on a shuffled or cut plan with noise or on any text at all", () => {
    fc.assert(
      fc.property(fc.array(fc.nat(seedLines.length - 1), { maxLength: 120 }), fc.string({ maxLength: 200 }), (picks, noise) => {
        const text = [...picks.map((i) => seedLines[i]!), noise].join("\n");
        expect(() => parsePlanText(text)).not.toThrow();
      }),
      { numRuns: 200 },
    );
    fc.assert(fc.property(fc.string({ unit: "grapheme", maxLength: 500 }), (s) => void parsePlanText(s)), { numRuns: 300 });
  });
});
