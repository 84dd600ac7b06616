import { readFileSync } from "node:fs";
import * as path from "node:path";

export const SEED_FILE = path.resolve(__dirname, "../fixtures/seed/ke-hoach-10-KH-UBND-chau-son-2021.txt");

export interface SeedUnit {
  number: number;
  heading: string;
  tasks: string[];
}

/** Section III of the seed plan, read straight from the text: each numbered assignee and its bullets (or its paragraph). */
export function seedSectionIII(): SeedUnit[] {
  const text = readFileSync(SEED_FILE, "utf8").normalize("NFC");
  const start = text.indexOf("III. PHÂN CÔNG NHIỆM VỤ");
  const end = text.indexOf("Trên đây là kế hoạch");
  const lines = text.slice(start, end).split(/\r?\n/).map((l) => l.trim()).filter((l) => l.length > 0).slice(1);
  const units: SeedUnit[] = [];
  for (const line of lines) {
    const heading = /^(\d+)\.\s+(.+)$/.exec(line);
    if (heading) {
      units.push({ number: Number(heading[1]), heading: heading[2] as string, tasks: [] });
      continue;
    }
    const unit = units[units.length - 1];
    if (!unit) throw new Error(`text before the first heading: ${line}`);
    unit.tasks.push(line.replace(/^-\s*/, ""));
  }
  return units;
}

/** Compares texts without caring about spacing or a trailing full stop. */
export function squash(s: string): string {
  return s.normalize("NFC").replace(/\s+/g, "").replace(/\.$/, "");
}

/**
 * The seed plan as `plan import` reads it: the sample plan, but for the pledge milestone (II.2),
 * which the seed's text gives to no unit ("Sau khi tổ chức phát động từng thôn, hộ gia đình…
 * ký cam kết"): the sample has it assigned, as the clerk does in `Kế hoạch`.
 */
export async function seedPlanAsRead() {
  const { chauSonPlan } = await import("../../src/domain/sample/chauSonPlan");
  return { ...chauSonPlan, milestones: chauSonPlan.milestones.map((m) => (m.section === "II.2" ? { ...m, unit: "" } : m)) };
}
