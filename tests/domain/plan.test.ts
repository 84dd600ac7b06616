import { chauSonPlan } from "../../src/domain/sample/chauSonPlan";
import { parsePlan, PlanDefinitionError, planProblemSentence } from "../../src/domain/plan/parsePlan";
import { readFileSync } from "node:fs";
import { parsePlanText } from "../../src/domain/plan/parseText";
import { SEED_FILE, seedPlanAsRead, seedSectionIII, squash } from "../helpers/seed";

describe("the Châu Sơn plan transcribed from the seed", () => {
  const seed = seedSectionIII();

  it("has the eleven assignees of section III, in order", () => {
    expect(seed).toHaveLength(11);
    expect(chauSonPlan.units).toHaveLength(11);
    chauSonPlan.units.forEach((u, i) => {
      const s = seed[i]!;
      expect(u.section).toBe(`III.${s.number}`);
      expect(squash(u.name)).toBe(squash(s.heading.replace(/^Đề nghị\s+/, "")));
    });
  });

  it("has every bullet task of every assignee, word for word", () => {
    chauSonPlan.units.forEach((u, i) => {
      const s = seed[i]!;
      expect(u.tasks.map((t) => squash(t.content))).toEqual(s.tasks.map(squash));
      u.tasks.forEach((t) => expect(t.section).toBe(u.section));
    });
  });

  it("has the milestones II.1 (15/06/2021) and II.2 (30/06/2021)", () => {
    expect(chauSonPlan.milestones.map((m) => [m.section, m.kind, m.deadline])).toEqual([
      ["II.1", "launch", "2021-06-15"],
      ["II.2", "pledge", "2021-06-30"],
    ]);
  });

  it("reports every 6 months and yearly, signed by the chairman", () => {
    expect(chauSonPlan.reporting.cadence).toEqual(["semiannual", "annual"]);
    expect(chauSonPlan.signatory).toEqual({ authority: "TM. ỦY BAN NHÂN DÂN", title: "CHỦ TỊCH", name: "Đỗ Văn Tuấn" });
    expect(chauSonPlan.recipients).toEqual(["TTĐU, HĐND, UBND xã", "Các phòng, ban, ngành, MTTQ, đoàn thể xã", "Cơ sở thôn"]);
    expect(chauSonPlan.planNumber).toBe("10/KH-UBND");
    expect(chauSonPlan.planDate).toBe("2021-06-11");
  });

  it("passes its own schema", () => {
    expect(parsePlan(chauSonPlan)).toEqual(chauSonPlan);
  });
});

describe("parsePlan refuses a bad plan and names the field", () => {
  const refusal = (raw: unknown): PlanDefinitionError => {
    try {
      parsePlan(raw);
    } catch (e) {
      if (e instanceof PlanDefinitionError) return e;
      throw e;
    }
    throw new Error("the plan was accepted");
  };

  it.each([
    ["units.0.tasks.0.content", (p: typeof chauSonPlan) => ({ ...p, units: [{ ...p.units[0]!, tasks: [{ content: " ", section: "III.1" }] }, ...p.units.slice(1)] })],
    ["planDate", (p: typeof chauSonPlan) => ({ ...p, planDate: "2021-02-30" })],
    ["milestones.1.unit", (p: typeof chauSonPlan) => ({ ...p, milestones: [p.milestones[0]!, { ...p.milestones[1]!, unit: "Không có" }] })],
    ["signatory.name", (p: typeof chauSonPlan) => ({ ...p, signatory: { ...p.signatory, name: "" } })],
    ["units.1.name", (p: typeof chauSonPlan) => ({ ...p, units: [p.units[0]!, { ...p.units[1]!, name: p.units[0]!.name }, ...p.units.slice(2)] })],
  ])("%s", (field, mutate) => {
    const e = refusal(mutate(chauSonPlan));
    expect(e.field).toBe(field);
    expect(e.message).toContain(`"${field}"`);
    expect(e.message).toMatch(/^Định nghĩa kế hoạch không hợp lệ/);
  });

  it("refuses a value that is not a plan at all, in Vietnamese", () => {
    const e = refusal({ movement: 3 });
    expect(e.field).toBe("movement");
    expect(e.reason).toMatch(/[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i);
  });
});

describe("the sample plan is the seed as plan import reads it", () => {
  it("parses the seed's text to exactly the built-in sample plan (but the milestone it gives to no unit), nothing left unplaced", async () => {
    const r = parsePlanText(readFileSync(SEED_FILE, "utf8"));
    const asRead = await seedPlanAsRead();
    expect(r.plan).toEqual(asRead);
    expect(r.unplaced).toEqual([]);
    expect(parsePlan(r.plan)).toEqual(asRead);
    // The milestone no unit is named for has none: never the plan's first unit by default.
    expect(r.plan.milestones.find((m) => m.section === "II.2")?.unit).toBe("");
    expect(chauSonPlan.units[0]?.name).not.toBe("");
  });
});

describe("a plan's problems in the clerk's words", () => {
  const sentences = (raw: unknown) => {
    try {
      parsePlan(raw);
      return [];
    } catch (e) {
      if (!(e instanceof PlanDefinitionError)) throw e;
      return e.issues.map((i) => planProblemSentence(i, raw));
    }
  };

  it("names the unit and the task by their place and name, counted from 1, and never a schema's words", () => {
    const raw = structuredClone(chauSonPlan) as unknown as { movement: unknown; units: { name: string; tasks: { content: string }[] }[] };
    raw.movement = null;
    raw.units[11 % raw.units.length]!.name = "";
    raw.units[2]!.tasks[0]!.content = " ";
    const said = sentences(raw);
    const u = raw.units[2]!.name;
    expect(said).toEqual(expect.arrayContaining(["Tên phong trào chưa được ghi", `Đơn vị thứ ${(11 % raw.units.length) + 1} chưa có tên`, `Nhiệm vụ 1 của ${u} chưa có nội dung`]));
    for (const s of said) expect(s).not.toMatch(/units\.|tasks\.|movement|mong đợi|string|null|\.\d+\./);
  });
});
