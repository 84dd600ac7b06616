import { foldKey } from "../cells/text";
import type { camKetTable, keHoachTable, khenThuongTable, nhiemVuTable, thonTable } from "../sheets/specs";
import { compareText, type IssueSink, type TableView, type ViewOf } from "./view";

/** `Hoàn thành` needs `Ngày hoàn thành`, and a completion date needs `Hoàn thành`. */
export function taskRules(v: ViewOf<typeof nhiemVuTable>, sink: IssueSink, commonMilestones: ReadonlySet<string> = new Set()): void {
  for (let i = 0; i < v.rowCount; i++) {
    if (v.blank[i]) continue;
    // A common milestone the plan gives to no unit: for the clerk to assign, not an unreadable row.
    const section = v.text(i, "Mục kế hoạch");
    if (section !== undefined && commonMilestones.has(section) && v.isEmpty(i, "Đơn vị")) sink.at(v, i, "Đơn vị", "milestone-unassigned", { section });
    const state = v.text(i, "Trạng thái");
    const doneDate = !v.isEmpty(i, "Ngày hoàn thành");
    if (state === "Hoàn thành" && !doneDate && v.has("Ngày hoàn thành")) sink.at(v, i, "Ngày hoàn thành", "task-done-without-date");
    if (state !== undefined && state !== "Hoàn thành" && doneDate) sink.at(v, i, "Trạng thái", "task-date-without-done", { state });
  }
}

/** A common milestone of `Kế hoạch` (a row not of the kind `Nhiệm vụ`) without a unit: for the clerk to assign. */
export function planRowRules(v: ViewOf<typeof keHoachTable>, sink: IssueSink): void {
  for (let i = 0; i < v.rowCount; i++) {
    if (v.blank[i]) continue;
    const kind = v.text(i, "Loại");
    if (kind !== undefined && kind !== "Nhiệm vụ" && v.isEmpty(i, "Đơn vị")) sink.at(v, i, "Đơn vị", "milestone-unassigned", { section: v.text(i, "Mục kế hoạch") ?? "" });
  }
}

/** Signed counts within households; a place's signed count never goes down between updates. */
export function pledgeRules(v: ViewOf<typeof camKetTable>, sink: IssueSink): void {
  const byPlace = new Map<string, number[]>();
  for (let i = 0; i < v.rowCount; i++) {
    if (v.blank[i]) continue;
    const households = v.num(i, "Số hộ");
    const signed = v.num(i, "Số hộ đã ký");
    if (households !== undefined && signed !== undefined && signed > households) {
      sink.at(v, i, "Số hộ đã ký", "signed-above-households", { signed, households });
    }
    const place = v.text(i, "Thôn, đơn vị");
    if (place !== undefined) byPlace.set(foldKey(place), [...(byPlace.get(foldKey(place)) ?? []), i]);
  }
  for (const rows of byPlace.values()) {
    const dated = rows.filter((i) => v.text(i, "Ngày cập nhật") !== undefined && v.num(i, "Số hộ đã ký") !== undefined);
    dated.sort((a, b) => compareText(v.text(a, "Ngày cập nhật") as string, v.text(b, "Ngày cập nhật") as string) || a - b);
    for (let k = 1; k < dated.length; k++) {
      const prev = dated[k - 1] as number;
      const cur = dated[k] as number;
      const before = v.num(prev, "Số hộ đã ký") as number;
      const now = v.num(cur, "Số hộ đã ký") as number;
      if (now < before) sink.at(v, cur, "Số hộ đã ký", "pledge-decreased", { signed: now, previous: before, previousRow: v.data.range.top + 2 + prev });
    }
  }
}

/** Every village of the catalogue has at least one pledge row. */
export function villagesWithoutPledge(thon: ViewOf<typeof thonTable>, camKet: ViewOf<typeof camKetTable> | undefined, sink: IssueSink): void {
  if (!camKet?.has("Thôn, đơn vị")) return;
  const pledged = new Set<string>();
  for (let i = 0; i < camKet.rowCount; i++) {
    const p = camKet.text(i, "Thôn, đơn vị");
    if (p !== undefined) pledged.add(foldKey(p));
  }
  for (let i = 0; i < thon.rowCount; i++) {
    const village = thon.text(i, "Thôn");
    if (village !== undefined && !pledged.has(foldKey(village))) sink.at(thon, i, "Thôn", "village-without-pledge", { village });
  }
}

/** The same name twice in a catalogue column. */
export function catalogDuplicates(v: TableView, header: string, sink: IssueSink): void {
  const seen = new Map<string, number>();
  for (let i = 0; i < v.rowCount; i++) {
    const t = v.text(i, header);
    if (t === undefined) continue;
    const first = seen.get(foldKey(t));
    if (first === undefined) seen.set(foldKey(t), i);
    else sink.at(v, i, header, "catalog-duplicate", { value: t, firstRow: v.data.range.top + 2 + first });
  }
}

const hasAny = (v: TableView, i: number, headers: readonly string[]) => headers.some((h) => v.has(h) && !v.isEmpty(i, h));

/** Nominations: personal details for individuals only, a decision number once awarded, no double entries. */
export function nominationRules(v: ViewOf<typeof khenThuongTable>, sink: IssueSink, today: string): void {
  const seen = new Map<string, number>();
  const thisYear = Number(today.slice(0, 4));
  for (let i = 0; i < v.rowCount; i++) {
    if (v.blank[i]) continue;
    const kind = v.text(i, "Đối tượng");
    const birth = v.num(i, "Năm sinh");
    if (kind === "Cá nhân" && v.has("Giới tính") && v.isEmpty(i, "Giới tính")) sink.at(v, i, "Giới tính", "individual-needs-gender");
    if (birth !== undefined && (birth < 1900 || birth > thisYear)) sink.at(v, i, "Năm sinh", "birth-year-range", { year: birth, max: thisYear });
    if ((kind === "Tập thể" || kind === "Hộ gia đình") && hasAny(v, i, ["Năm sinh", "Giới tính"])) {
      sink.at(v, i, v.isEmpty(i, "Năm sinh") ? "Giới tính" : "Năm sinh", "collective-has-personal", { kind });
    }
    if (v.text(i, "Trạng thái") === "Đã khen thưởng" && v.has("Số quyết định") && v.isEmpty(i, "Số quyết định")) {
      sink.at(v, i, "Số quyết định", "awarded-needs-decision");
    }
    const name = v.text(i, "Tên tập thể, cá nhân");
    const date = v.text(i, "Ngày đề nghị");
    if (name === undefined || date === undefined) continue;
    const key = [name, v.text(i, "Đơn vị, thôn") ?? "", v.text(i, "Hình thức khen thưởng") ?? "", date.slice(0, 4)].map(foldKey).join("\u0000");
    const first = seen.get(key);
    if (first === undefined) seen.set(key, i);
    else sink.at(v, i, "Tên tập thể, cá nhân", "nomination-duplicate", { name, firstRow: v.data.range.top + 2 + first, year: date.slice(0, 4) });
  }
}
