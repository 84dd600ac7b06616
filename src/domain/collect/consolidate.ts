import { PAPER_STYLE } from "../report/paperStyle";
import { foldKey } from "../cells/text";
import { COUNT_FORMAT, formatDate, formatRate } from "../format";
import type { CellScalar, Grid, GridCell } from "../grid";
import { TRACKERS, type Tracker } from "../plan/kinds";
import type { Figures } from "../report/figures";
import type { Period } from "../period";
import { householdRateOf } from "../report/measures";

// Many communes in one summary: one row per commune with its headline figures, the totals of
// the figures every commune's plan has, and the files that could not be read or were missing.

/** One commune's workbook, as read for the summary. */
export interface CommuneFigures {
  file: string;
  /** The workbook's identity (`workbookKey`: its body and its plan): two copies of one workbook share it. */
  key: string;
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
  /** Rows of the commune's tables left out of its figures (unreadable), by part. */
  excludedRows: number;
  excludedRowsBySection: Figures["excludedRowsBySection"];
}

/** The same commune's workbook found in several files: counted once, from the first. */
export interface DuplicateCommune {
  body: string;
  counted: string;
  others: string[];
  /** Whether the copies' figures for the period differ (two versions, not two copies). */
  differ: boolean;
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
  /** Communes summed (one line each, numbered), and those of other movements (listed apart). */
  summed: CommuneLine[];
  apart: CommuneLine[];
  duplicates: DuplicateCommune[];
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
    excludedRows: f.excludedRows,
    excludedRowsBySection: f.excludedRowsBySection,
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
    duplicates: x.duplicates,
  };
}

/** Sums of integer fields, key by key (money stays whole đồng). */
function sum<T extends Record<string, number | null>>(rows: readonly (T | null)[], keys: readonly (keyof T)[]): Record<keyof T, number> {
  const out = Object.fromEntries(keys.map((k) => [k, 0])) as Record<keyof T, number>;
  for (const r of rows) if (r) for (const k of keys) out[k] += (r[k] as number | null) ?? 0;
  return out;
}

/** Each commune once: copies of one workbook (the same identity) grouped, the first file counted. */
function distinct(communes: readonly CommuneFigures[]): { kept: CommuneFigures[]; duplicates: DuplicateCommune[] } {
  const groups = new Map<string, CommuneFigures[]>();
  for (const c of communes) {
    const list = groups.get(c.key) ?? [];
    list.push(c);
    groups.set(c.key, list);
  }
  const kept = [...groups.values()].map((g) => g[0] as CommuneFigures);
  const duplicates = [...groups.values()]
    .filter((g) => g.length > 1)
    .map((g) => {
      const [first, ...others] = g as [CommuneFigures, ...CommuneFigures[]];
      const figures = JSON.stringify(first.figures);
      return { body: first.body, counted: first.file, others: others.map((o) => o.file), differ: others.some((o) => JSON.stringify(o.figures) !== figures) };
    });
  return { kept, duplicates };
}

/**
 * The summary of communes for a period: each commune once (copies of one workbook counted once and
 * named), a line each in the files' order, the totals of the figures of the trackers every summed
 * commune has; the communes of another movement listed apart, never numbered among the summed.
 */
export function consolidate(communes: readonly CommuneFigures[], period: Period, unreadable: readonly { file: string; reason: string }[], expected: readonly string[] = []): Consolidation {
  const { kept, duplicates } = distinct(communes);
  // The movement most communes report on; the others are listed but not summed with it.
  const counts = new Map<string, number>();
  for (const c of kept) counts.set(foldKey(c.movement), (counts.get(foldKey(c.movement)) ?? 0) + 1);
  const main = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
  const isMain = (c: { movement: string }) => foldKey(c.movement) === main;
  const shared = TRACKERS.filter((t) => kept.some(isMain) && kept.filter(isMain).every((c) => c.trackers.includes(t)));
  const lines = kept.map(lineOf);
  const mine = lines.filter(isMain);
  const places = kept.filter(isMain).flatMap((c) => c.figures.pledges.byPlace);
  const pledges = shared.includes("pledges") ? sum(mine.map((l) => l.pledges?.total ?? null), ["households", "householdsSigned"]) : null;
  const nominations = shared.includes("nominations") ? sum(mine.map((l) => (l.nominations ? { total: l.nominations.total, awarded: l.nominations.awarded.total } : null)), ["total", "awarded"]) : null;
  const total: Headline = {
    tasks: shared.includes("tasks") ? sum(mine.map((l) => l.tasks), ["total", "doneOnTime", "doneLate", "overdue", "open"]) : null,
    // The rate over every place of every commune, as each commune's own rate is counted.
    pledges: pledges ? { total: { ...pledges, householdRate: householdRateOf(places) } } : null,
    donations: shared.includes("donations") ? sum(mine.map((l) => l.donations), ["receivedMoney", "receivedGoodsValue", "disbursedMoney", "closingCash"]) : null,
    nominations: nominations ? { total: nominations.total, awarded: { total: nominations.awarded } } : null,
  };
  const present = new Set(kept.map((c) => foldKey(c.body)));
  return {
    period: { from: period.from, to: period.to, label: period.label },
    communes: kept,
    lines,
    summed: mine,
    apart: lines.filter((l) => !isMain(l)),
    duplicates,
    shared,
    total,
    otherMovements: [...new Set(kept.filter((c) => !isMain(c)).map((c) => c.movement))],
    unreadable: [...unreadable],
    missing: expected.filter((e) => !present.has(foldKey(e)) && ![...present].some((p) => p.endsWith(foldKey(e)))),
  };
}

const SECTION_WORDS: Record<keyof Figures["excludedRowsBySection"], string> = { tasks: "nhiệm vụ", pledges: "cam kết", donations: "đóng góp", nominations: "khen thưởng" };

/**
 * What the summary leaves out or counts once, and why, one sentence each: printed under the
 * table, by the command line and by the pane alike.
 */
export function consolidationNotes(x: Consolidation): string[] {
  const notes: string[] = [];
  const notShared = TRACKERS.filter((t) => !x.shared.includes(t));
  if (notShared.length > 0) notes.push(`Chỉ cộng số liệu mà kế hoạch của mọi xã đều theo dõi; không cộng: ${notShared.map((t) => TRACKER_WORDS[t]).join(", ")}.`);
  if (x.otherMovements.length > 0) notes.push(`Không cộng các sổ của phong trào khác (liệt kê riêng ở dưới): ${x.otherMovements.join("; ")}.`);
  for (const d of x.duplicates) {
    notes.push(`${d.body}: ${d.others.length + 1} tệp là cùng một sổ (${[d.counted, ...d.others].join(", ")}); chỉ tính một lần, theo tệp ${d.counted}.${d.differ ? " Số liệu các tệp này khác nhau: hãy giữ lại bản đúng rồi tổng hợp lại." : ""}`);
  }
  for (const l of x.lines.filter((c) => c.excludedRows > 0)) {
    const parts = (Object.keys(SECTION_WORDS) as (keyof typeof SECTION_WORDS)[]).filter((k) => l.excludedRowsBySection[k] > 0).map((k) => `${SECTION_WORDS[k]} ${l.excludedRowsBySection[k]}`);
    notes.push(`${l.body} (${l.file}): ${l.excludedRows} dòng không đọc được nên không tính (${parts.join(", ")}); hãy chạy Kiểm tra trên sổ đó, sửa rồi tổng hợp lại.`);
  }
  if (x.missing.length > 0) notes.push(`Chưa có sổ của: ${x.missing.join(", ")}.`);
  for (const u of x.unreadable) notes.push(`Không đọc được tệp ${u.file} (${u.reason}).`);
  return notes;
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

/** The summary as a sheet: one numbered row per summed commune, the totals, the other movements apart, and what is not in them and why. */
/** A rate as the papers print it ("99,3%", text on any computer); counts and money stay numbers, grouped by `COUNT_FORMAT`. */
function shown(c: { rate?: boolean }, v: CellScalar): CellScalar {
  return c.rate && typeof v === "number" ? formatRate(v) : v;
}

export function consolidationGrid(x: Consolidation): Grid {
  const cells: GridCell[] = [];
  const font = { font: PAPER_STYLE.font, size: 11 } as const;
  const put = (row: number, col: number, value: CellScalar, style: GridCell["style"] = {}) => cells.push({ row, col, value, style: { ...font, ...style } });
  put(0, 0, `TỔNG HỢP KẾT QUẢ THỰC HIỆN PHONG TRÀO CỦA CÁC XÃ ${x.period.label.toLocaleUpperCase("vi")}`, { bold: true, size: 13 });
  put(1, 0, `Từ ngày ${formatDate(x.period.from)} đến ngày ${formatDate(x.period.to)}; ${x.summed.length} xã được cộng${x.apart.length > 0 ? `, ${x.apart.length} sổ của phong trào khác liệt kê riêng` : ""}.`, { italic: true });
  const top = 3;
  const headers = ["STT", "Xã, phường, thị trấn", "Tệp", ...COLUMNS.map((c) => c.header)];
  headers.forEach((h, c) => put(top, c, h, { bold: true, wrap: true, hAlign: "center", vAlign: "middle", border: "thin", fill: "DDEBF7" }));
  const line = (row: number, number: CellScalar, l: CommuneLine) => {
    put(row, 0, number, { border: "thin", hAlign: "center" });
    put(row, 1, l.body, { border: "thin" });
    put(row, 2, l.file, { border: "thin" });
    COLUMNS.forEach((c, j) => put(row, 3 + j, shown(c, c.value(l)), { border: "thin", ...(c.rate ? { hAlign: "right" } : { numFmt: COUNT_FORMAT }) }));
  };
  x.summed.forEach((l, i) => line(top + 1 + i, i + 1, l));
  const totalRow = top + 1 + x.summed.length;
  put(totalRow, 0, null, { border: "thin" });
  put(totalRow, 1, "Tổng cộng", { bold: true, border: "thin" });
  put(totalRow, 2, null, { border: "thin" });
  COLUMNS.forEach((c, j) => put(totalRow, 3 + j, c.tracker && x.shared.includes(c.tracker) ? shown(c, c.value(x.total)) : null, { bold: true, border: "thin", ...(c.rate ? { hAlign: "right" } : { numFmt: COUNT_FORMAT }) }));
  let row = totalRow + 2;
  if (x.apart.length > 0) {
    put(row++, 0, "Sổ của phong trào khác (không cộng vào tổng):", { bold: true });
    for (const l of x.apart) line(row++, null, l);
    row++;
  }
  for (const text of consolidationNotes(x)) put(row++, 0, text, { italic: true });
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
