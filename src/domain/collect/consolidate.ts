import { foldKey } from "../cells/text";
import { formatDate } from "../format";
import type { CellScalar, Grid, GridCell } from "../grid";
import { TRACKERS, type Tracker } from "../plan/kinds";
import type { Figures } from "../report/figures";
import type { Period } from "../report/period";

// Many communes in one summary: one row per commune with its headline figures, the totals of
// the figures every commune's plan has, and the files that could not be read or were missing.

/** One commune's workbook, as read for the summary. */
export interface CommuneFigures {
  file: string;
  /** The issuing body ("XÃ CHÂU SƠN"), from the workbook. */
  body: string;
  movement: string;
  trackers: readonly Tracker[];
  figures: Figures;
}

/**
 * The headline figures the summary prints, under `report --json`'s own names: a commune's (null
 * for what its plan does not track), or the total (null for what not every plan tracks).
 */
export interface Headline {
  tasks: { total: number; doneOnTime: number; doneLate: number; overdue: number; open: number } | null;
  pledges: { total: { households: number; householdsSigned: number; householdRate: number | null } } | null;
  donations: { receivedMoney: number; receivedGoodsValue: number; disbursedMoney: number; closingCash: number } | null;
  nominations: { total: number; awarded: { total: number } } | null;
}

/** One commune's line of the summary. */
export interface CommuneLine extends Headline {
  file: string;
  body: string;
  movement: string;
  trackers: Tracker[];
}

export interface Consolidation {
  period: { from: string; to: string; label: string };
  /** Each commune's workbook as read, in the files' order (`consolidate --json`: its figures as `report --json`). */
  communes: readonly CommuneFigures[];
  lines: CommuneLine[];
  /** The trackers every commune's plan has: only their figures are summed. */
  shared: Tracker[];
  total: Headline;
  /** Movements other than the most common one (their figures are listed, not summed with the rest). */
  otherMovements: string[];
  unreadable: { file: string; reason: string }[];
  /** Communes expected (`--expect`) without a workbook among the files. */
  missing: string[];
}

function lineOf(c: CommuneFigures): CommuneLine {
  const f = c.figures;
  const has = (t: Tracker) => c.trackers.includes(t);
  return {
    file: c.file,
    body: c.body,
    movement: c.movement,
    trackers: [...c.trackers],
    tasks: has("tasks") ? { total: f.tasks.total, doneOnTime: f.tasks.doneOnTime, doneLate: f.tasks.doneLate, overdue: f.tasks.overdue, open: f.tasks.open } : null,
    pledges: has("pledges") ? { total: { households: f.pledges.total.households, householdsSigned: f.pledges.total.householdsSigned, householdRate: f.pledges.total.householdRate } } : null,
    donations: has("donations") ? { receivedMoney: f.donations.receivedMoney, receivedGoodsValue: f.donations.receivedGoodsValue, disbursedMoney: f.donations.disbursedMoney, closingCash: f.donations.closingCash } : null,
    nominations: has("nominations") ? { total: f.nominations.total, awarded: { total: f.nominations.awarded.total } } : null,
  };
}

/** `consolidate --json` as DOMAIN.md has it: each commune's file, body and figures as `report --json`, the total, the unreadable files; then what was summed and what is missing. */
export function consolidationJson(x: Consolidation): unknown {
  return {
    period: x.period,
    communes: x.communes.map((c) => ({ file: c.file, body: c.body, movement: c.movement, trackers: c.trackers, ...c.figures })),
    total: x.total,
    unreadable: x.unreadable,
    shared: x.shared,
    otherMovements: x.otherMovements,
    missing: x.missing,
  };
}

/** Sums of integer fields, key by key (money stays whole đồng). */
function sum<T extends Record<string, number | null>>(rows: readonly (T | null)[], keys: readonly (keyof T)[]): Record<keyof T, number> {
  const out = Object.fromEntries(keys.map((k) => [k, 0])) as Record<keyof T, number>;
  for (const r of rows) if (r) for (const k of keys) out[k] += (r[k] as number | null) ?? 0;
  return out;
}

/**
 * The summary of communes for a period: a line each (in the files' order), the totals of the
 * figures of the trackers every commune has, the communes of another movement set apart.
 */
export function consolidate(communes: readonly CommuneFigures[], period: Period, unreadable: readonly { file: string; reason: string }[], expected: readonly string[] = []): Consolidation {
  // The movement most communes report on; the others are listed but not summed with it.
  const counts = new Map<string, number>();
  for (const c of communes) counts.set(foldKey(c.movement), (counts.get(foldKey(c.movement)) ?? 0) + 1);
  const main = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
  const summed = communes.filter((c) => foldKey(c.movement) === main);
  const shared = TRACKERS.filter((t) => summed.length > 0 && summed.every((c) => c.trackers.includes(t)));
  const lines = communes.map(lineOf);
  const mine = lines.filter((l) => foldKey(l.movement) === main);
  const pledges = shared.includes("pledges") ? sum(mine.map((l) => l.pledges?.total ?? null), ["households", "householdsSigned"]) : null;
  const nominations = shared.includes("nominations") ? sum(mine.map((l) => (l.nominations ? { total: l.nominations.total, awarded: l.nominations.awarded.total } : null)), ["total", "awarded"]) : null;
  const total: Headline = {
    tasks: shared.includes("tasks") ? sum(mine.map((l) => l.tasks), ["total", "doneOnTime", "doneLate", "overdue", "open"]) : null,
    pledges: pledges ? { total: { ...pledges, householdRate: pledges.households > 0 ? pledges.householdsSigned / pledges.households : null } } : null,
    donations: shared.includes("donations") ? sum(mine.map((l) => l.donations), ["receivedMoney", "receivedGoodsValue", "disbursedMoney", "closingCash"]) : null,
    nominations: nominations ? { total: nominations.total, awarded: { total: nominations.awarded } } : null,
  };
  const present = new Set(communes.map((c) => foldKey(c.body)));
  return {
    period: { from: period.from, to: period.to, label: period.label },
    communes: [...communes],
    lines,
    shared,
    total,
    otherMovements: [...new Set(communes.filter((c) => foldKey(c.movement) !== main).map((c) => c.movement))],
    unreadable: [...unreadable],
    missing: expected.filter((e) => !present.has(foldKey(e)) && ![...present].some((p) => p.endsWith(foldKey(e)))),
  };
}

const COLUMNS: { header: string; width: number; tracker?: Tracker; value: (l: Headline) => CellScalar; rate?: boolean }[] = [
  { header: "Tổng số nhiệm vụ", width: 11, tracker: "tasks", value: (l) => l.tasks?.total ?? null },
  { header: "Hoàn thành đúng hạn", width: 11, tracker: "tasks", value: (l) => l.tasks?.doneOnTime ?? null },
  { header: "Hoàn thành chậm", width: 11, tracker: "tasks", value: (l) => l.tasks?.doneLate ?? null },
  { header: "Quá hạn chưa hoàn thành", width: 12, tracker: "tasks", value: (l) => l.tasks?.overdue ?? null },
  { header: "Đang thực hiện, thường xuyên", width: 12, tracker: "tasks", value: (l) => l.tasks?.open ?? null },
  { header: "Số hộ", width: 10, tracker: "pledges", value: (l) => l.pledges?.total.households ?? null },
  { header: "Số hộ đã ký", width: 10, tracker: "pledges", value: (l) => l.pledges?.total.householdsSigned ?? null },
  { header: "Tỷ lệ hộ đã ký", width: 10, tracker: "pledges", value: (l) => l.pledges?.total.householdRate ?? null, rate: true },
  { header: "Tiếp nhận bằng tiền (đồng)", width: 16, tracker: "donations", value: (l) => l.donations?.receivedMoney ?? null },
  { header: "Hiện vật (giá trị, đồng)", width: 15, tracker: "donations", value: (l) => l.donations?.receivedGoodsValue ?? null },
  { header: "Đã chi (đồng)", width: 15, tracker: "donations", value: (l) => l.donations?.disbursedMoney ?? null },
  { header: "Tồn quỹ cuối kỳ (đồng)", width: 16, tracker: "donations", value: (l) => l.donations?.closingCash ?? null },
  { header: "Đề nghị khen thưởng", width: 11, tracker: "nominations", value: (l) => l.nominations?.total ?? null },
  { header: "Đã khen thưởng", width: 11, tracker: "nominations", value: (l) => l.nominations?.awarded.total ?? null },
];

const TRACKER_WORDS: Record<Tracker, string> = { tasks: "nhiệm vụ", pledges: "ký cam kết", donations: "nguồn đóng góp", nominations: "khen thưởng" };

/** The summary as a sheet: one row per commune, the totals, and what is not in them and why. */
export function consolidationGrid(x: Consolidation): Grid {
  const cells: GridCell[] = [];
  const font = { font: "Times New Roman", size: 11 } as const;
  const put = (row: number, col: number, value: CellScalar, style: GridCell["style"] = {}) => cells.push({ row, col, value, style: { ...font, ...style } });
  put(0, 0, `TỔNG HỢP KẾT QUẢ THỰC HIỆN PHONG TRÀO CỦA CÁC XÃ ${x.period.label.toLocaleUpperCase("vi")}`, { bold: true, size: 13 });
  put(1, 0, `Từ ngày ${formatDate(x.period.from)} đến ngày ${formatDate(x.period.to)}; ${x.lines.length} sổ đọc được.`, { italic: true });
  const top = 3;
  const headers = ["STT", "Xã, phường, thị trấn", "Tệp", ...COLUMNS.map((c) => c.header)];
  headers.forEach((h, c) => put(top, c, h, { bold: true, wrap: true, hAlign: "center", vAlign: "middle", border: "thin", fill: "DDEBF7" }));
  x.lines.forEach((l, i) => {
    const row = top + 1 + i;
    put(row, 0, i + 1, { border: "thin", hAlign: "center" });
    put(row, 1, l.body, { border: "thin" });
    put(row, 2, l.file, { border: "thin" });
    COLUMNS.forEach((c, j) => put(row, 3 + j, c.value(l), { border: "thin", numFmt: c.rate ? "0.0%" : "#,##0" }));
  });
  const totalRow = top + 1 + x.lines.length;
  put(totalRow, 0, null, { border: "thin" });
  put(totalRow, 1, "Tổng cộng", { bold: true, border: "thin" });
  put(totalRow, 2, null, { border: "thin" });
  COLUMNS.forEach((c, j) => put(totalRow, 3 + j, c.tracker && x.shared.includes(c.tracker) ? c.value(x.total) : null, { bold: true, border: "thin", numFmt: c.rate ? "0.0%" : "#,##0" }));
  let row = totalRow + 2;
  const note = (text: string) => put(row++, 0, text, { italic: true });
  const notShared = TRACKERS.filter((t) => !x.shared.includes(t));
  if (notShared.length > 0) note(`Chỉ cộng số liệu mà kế hoạch của mọi xã đều theo dõi; không cộng: ${notShared.map((t) => TRACKER_WORDS[t]).join(", ")}.`);
  if (x.otherMovements.length > 0) note(`Không cộng các sổ của phong trào khác: ${x.otherMovements.join("; ")}.`);
  if (x.missing.length > 0) note(`Chưa có sổ của: ${x.missing.join(", ")}.`);
  for (const u of x.unreadable) note(`Không đọc được tệp ${u.file} (${u.reason}).`);
  return {
    sheet: "Tổng hợp các xã",
    createSheet: true,
    cells,
    columns: [6, 26, 24, ...COLUMNS.map((c) => c.width)].map((width, col) => ({ col, width })),
    rowHeights: [{ row: top, height: 48 }],
    freeze: { rows: top + 1, cols: 0 },
    print: { paper: "A4", orientation: "landscape", marginsCm: { top: 2, bottom: 2, left: 2, right: 1.5 }, fitToWidth: true, titleRows: { from: top, to: top } },
  };
}
