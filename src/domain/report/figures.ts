import { householdRateOf } from "./measures";
import { foldKey } from "../cells/text";
import { DONOR_GROUPS, NOMINATION_STATES, NOMINEE_KINDS, AWARD_FORMS, TASK_STATES } from "../sheets/enums";
import { camKetTable, dongGopTable, khenThuongTable, nhiemVuTable, TABLE } from "../sheets/specs";
import type { TableData } from "../workbook";
import { readOurTables } from "../rules/validate";
import { compareText, viewFor, type TableView, type ViewOf } from "../rules/view";
import type { Period } from "../period";
import type { Milestone } from "../plan/schema";

type MilestoneKind = Milestone["kind"];

export interface TaskCounts {
  total: number;
  doneOnTime: number;
  doneLate: number;
  overdue: number;
  open: number;
}

export interface PlacePledges {
  place: string;
  asOf: string;
  households: number;
  householdsSigned: number;
  students: number;
  officials: number;
  workers: number;
}

/** One money account over a period: what it held before, received, spent, and holds after. */
export interface MoneyAccount {
  opening: number;
  received: number;
  spent: number;
  closing: number;
}

export interface GroupDonations {
  group: string;
  count: number;
  money: number;
  goodsValue: number;
}

export interface MonthMoney {
  /** `yyyy-mm`. */
  month: string;
  receivedMoney: number;
  disbursedMoney: number;
}

/** Every month from the one of `from` to the one of `to`, as `yyyy-mm`. */
export function monthsOf(from: string, to: string): string[] {
  const out: string[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  const end = to.slice(0, 7);
  for (;;) {
    const key = `${y}-${String(m).padStart(2, "0")}`;
    if (key > end) return out;
    out.push(key);
    m = m === 12 ? 1 : m + 1;
    if (m === 1) y++;
  }
}

/** The figures of a report (DOMAIN.md, `report --json`). Amounts are whole đồng. */
export interface Figures {
  period: { from: string; to: string; label: string };
  /** `standing`: not done and without a deadline (the plan's standing tasks), counted within `open`. */
  tasks: TaskCounts & { byUnit: (TaskCounts & { unit: string })[]; standing: number };
  pledges: { byPlace: PlacePledges[]; total: Omit<PlacePledges, "place" | "asOf"> & { householdRate: number | null } };
  donations: {
    openingCash: number;
    receivedMoney: number;
    receivedGoodsValue: number;
    disbursedMoney: number;
    disbursedGoodsValue: number;
    closingCash: number;
    donors: number;
    byGroup: GroupDonations[];
    /** Cash (`Tiền mặt`) and bank (`Chuyển khoản`) kept apart; openingCash/closingCash are their sums. */
    cash: MoneyAccount;
    bank: MoneyAccount;
    /** Goods received and distributed, by value. */
    goods: { receivedValue: number; distributedValue: number };
    /** Spending and distribution in the period by purpose (`Nội dung`, trimmed), in alphabetical order. */
    byPurpose: { purpose: string; money: number; goodsValue: number }[];
  };
  /** Money received and spent in each month of the period, every month listed (the pane's chart). */
  moneyByMonth: MonthMoney[];
  nominations: {
    total: number;
    byKind: Record<string, number>;
    byForm: Record<string, number>;
    byStatus: Record<string, number>;
    /** Nominations awarded (`Đã khen thưởng`), by form. */
    awarded: { total: number; byForm: Record<string, number> };
  };
  /** The plan's milestone tasks as the table has them (found by their plan section), for the report's text. */
  milestones: {
    section: string;
    kind: MilestoneKind;
    unit: string;
    content: string;
    deadline: string | null;
    state: string;
    completed: string | null;
    /** For the pledge milestone: the household rate as of its deadline (null without households then). */
    rateAtDeadline?: number | null;
  }[];
  /** Tasks overdue as of the end of the period. */
  overdueTasks: { unit: string; content: string; deadline: string }[];
  /** Rows left out of a figure because a cell it needs cannot be read. */
  excludedRows: number;
  excludedRowsBySection: { tasks: number; pledges: number; donations: number; nominations: number };
}

/** A cell that holds something unreadable (empty cells are not errors). */
const unreadable = (v: TableView, i: number, h: string) => v.has(h) && !v.isEmpty(i, h) && v.value(i, h) === undefined;
const bad = (v: TableView, i: number, headers: readonly string[]) => headers.some((h) => unreadable(v, i, h));

const zeroTasks = (): TaskCounts => ({ total: 0, doneOnTime: 0, doneLate: 0, overdue: 0, open: 0 });

/** Orders names: the catalogue's order first, then the others as they first appear. */
function catalogOrder(catalog: readonly string[], seen: Iterable<string>): string[] {
  // A set, not includes(): ten thousand villages would make this quadratic.
  const out = new Set(catalog);
  for (const s of seen) out.add(s);
  return [...out];
}

function columnValues(v: TableView | undefined, header: string): string[] {
  const out = new Set<string>();
  for (let i = 0; i < (v?.rowCount ?? 0); i++) {
    const t = v?.text(i, header);
    if (t !== undefined) out.add(t);
  }
  return [...out];
}

/** A plan's milestone: its section in `Mục kế hoạch`, and its kind. */
export interface MilestoneRef {
  section: string;
  kind: MilestoneKind;
}

function taskFigures(v: ViewOf<typeof nhiemVuTable> | undefined, units: readonly string[], to: string, milestoneRefs: readonly MilestoneRef[]) {
  const kindOf = new Map(milestoneRefs.map((m) => [m.section, m.kind]));
  const byUnit = new Map<string, TaskCounts>();
  const milestones: Figures["milestones"] = [];
  const overdueTasks: Figures["overdueTasks"] = [];
  const total = zeroTasks();
  let standing = 0;
  let excluded = 0;
  const leftOut: number[] = [];
  for (let i = 0; i < (v?.rowCount ?? 0); i++) {
    if (!v || v.blank[i]) continue;
    const section = v.text(i, "Mục kế hoạch") ?? "";
    const kind = kindOf.get(section);
    // A common milestone the plan gives to no unit is still counted, under no unit: it is nobody's to blame.
    const unit = v.text(i, "Đơn vị") ?? (kind && v.isEmpty(i, "Đơn vị") ? "" : undefined);
    const state = v.text(i, "Trạng thái");
    if (unit === undefined || state === undefined || !(TASK_STATES as readonly string[]).includes(state) || bad(v, i, ["Hạn hoàn thành", "Ngày hoàn thành"])) {
      excluded++;
      leftOut.push(i);
      continue;
    }
    const deadline = v.text(i, "Hạn hoàn thành");
    const completed = v.text(i, "Ngày hoàn thành");
    const done = state === "Hoàn thành" && (completed === undefined || completed <= to);
    const key: keyof TaskCounts = done
      ? deadline === undefined || completed === undefined || completed <= deadline ? "doneOnTime" : "doneLate"
      : deadline !== undefined && deadline < to ? "overdue" : "open";
    const content = v.text(i, "Nội dung nhiệm vụ") ?? "";
    if (kind) milestones.push({ section, kind, unit, content, deadline: deadline ?? null, state, completed: completed ?? null });
    if (key === "overdue") overdueTasks.push({ unit, content, deadline: deadline as string });
    if (key === "open" && deadline === undefined) standing++;
    const u = byUnit.get(unit || NO_UNIT) ?? zeroTasks();
    for (const c of [u, total]) {
      c.total++;
      c[key]++;
    }
    byUnit.set(unit || NO_UNIT, u);
  }
  const order = catalogOrder(units, byUnit.keys());
  // Lists in a fixed order (oldest deadline first), whatever the order of the rows.
  milestones.sort((a, b) => compareText(a.section, b.section) || compareText(a.completed ?? "", b.completed ?? ""));
  overdueTasks.sort((a, b) => compareText(a.deadline, b.deadline) || compareText(a.unit, b.unit) || compareText(a.content, b.content));
  return { figures: { ...total, byUnit: order.map((unit) => ({ unit, ...(byUnit.get(unit) ?? zeroTasks()) })), standing }, milestones, overdueTasks, excluded, leftOut: rowsOf(v, leftOut) };
}

const PLEDGE_COUNTS = ["Số hộ", "Số hộ đã ký", "Số HS, SV đã ký", "Số CB, CC, VC đã ký", "Số CN, NLĐ đã ký"] as const;

function pledgeFigures(v: ViewOf<typeof camKetTable> | undefined, places: readonly string[], to: string) {
  const latest = new Map<string, number>();
  let excluded = 0;
  const leftOut: number[] = [];
  for (let i = 0; i < (v?.rowCount ?? 0); i++) {
    if (!v || v.blank[i]) continue;
    const place = v.text(i, "Thôn, đơn vị");
    const date = v.text(i, "Ngày cập nhật");
    if (place === undefined || date === undefined || bad(v, i, PLEDGE_COUNTS)) {
      excluded++;
      leftOut.push(i);
      continue;
    }
    if (date > to) continue;
    const prev = latest.get(place);
    // Ties on the date: the row further down the sheet (entered later) wins.
    if (prev === undefined || date >= (v.text(prev, "Ngày cập nhật") as string)) latest.set(place, i);
  }
  const n = (i: number, h: string) => v?.num(i, h) ?? 0;
  const byPlace: PlacePledges[] = catalogOrder(places, latest.keys())
    .filter((p) => latest.has(p))
    .map((place) => {
      const i = latest.get(place) as number;
      return {
        place,
        asOf: v?.text(i, "Ngày cập nhật") as string,
        households: n(i, "Số hộ"),
        householdsSigned: n(i, "Số hộ đã ký"),
        students: n(i, "Số HS, SV đã ký"),
        officials: n(i, "Số CB, CC, VC đã ký"),
        workers: n(i, "Số CN, NLĐ đã ký"),
      };
    });
  const sum = (f: (p: PlacePledges) => number) => byPlace.reduce((s, p) => s + f(p), 0);
  const households = sum((p) => p.households);
  const total = {
    households,
    householdsSigned: sum((p) => p.householdsSigned),
    students: sum((p) => p.students),
    officials: sum((p) => p.officials),
    workers: sum((p) => p.workers),
    householdRate: householdRateOf(byPlace),
  };
  return { figures: { byPlace, total }, excluded, leftOut: rowsOf(v, leftOut) };
}

const MONEY = new Set(["Tiền mặt", "Chuyển khoản"]);
const NO_GROUP = "Chưa ghi nhóm";
/** Where the tasks by unit count a common milestone the plan gives to no unit. */
export const NO_UNIT = "Chưa giao đơn vị";
const NO_PURPOSE = "Chưa ghi nội dung";

function donationFigures(v: ViewOf<typeof dongGopTable> | undefined, from: string, to: string) {
  const d = { openingCash: 0, receivedMoney: 0, receivedGoodsValue: 0, disbursedMoney: 0, disbursedGoodsValue: 0, closingCash: 0, donors: 0 };
  const groups = new Map<string, GroupDonations>();
  const donors = new Set<string>();
  const months = new Map(monthsOf(from, to).map((month): [string, MonthMoney] => [month, { month, receivedMoney: 0, disbursedMoney: 0 }]));
  const accounts: Record<string, MoneyAccount> = { "Tiền mặt": { opening: 0, received: 0, spent: 0, closing: 0 }, "Chuyển khoản": { opening: 0, received: 0, spent: 0, closing: 0 } };
  const purposes = new Map<string, { purpose: string; money: number; goodsValue: number }>();
  let excluded = 0;
  const leftOut: number[] = [];
  for (let i = 0; i < (v?.rowCount ?? 0); i++) {
    if (!v || v.blank[i]) continue;
    const date = v.text(i, "Ngày");
    const kind = v.text(i, "Loại");
    const form = v.text(i, "Hình thức");
    const money = form !== undefined && MONEY.has(form);
    const amountHeader = money ? "Số tiền (đồng)" : "Giá trị hiện vật (đồng)";
    if (date === undefined || (kind !== "Thu" && kind !== "Chi") || (form !== "Hiện vật" && !money) || unreadable(v, i, amountHeader) || unreadable(v, i, "Nhóm")) {
      excluded++;
      leftOut.push(i);
      continue;
    }
    const amount = v.num(i, amountHeader) ?? 0;
    const account = money ? (accounts[form] as MoneyAccount) : undefined;
    if (date < from) {
      if (account) {
        d.openingCash += kind === "Thu" ? amount : -amount;
        account.opening += kind === "Thu" ? amount : -amount;
      }
      continue;
    }
    if (date > to) continue;
    const month = months.get(date.slice(0, 7));
    if (money && month) month[kind === "Thu" ? "receivedMoney" : "disbursedMoney"] += amount;
    if (kind === "Chi") {
      if (account) {
        d.disbursedMoney += amount;
        account.spent += amount;
      } else d.disbursedGoodsValue += amount;
      const purpose = (v.text(i, "Nội dung") ?? "").trim() || NO_PURPOSE;
      const key = foldKey(purpose);
      const p = purposes.get(key) ?? { purpose, money: 0, goodsValue: 0 };
      if (money) p.money += amount;
      else p.goodsValue += amount;
      purposes.set(key, p);
      continue;
    }
    if (account) account.received += amount;
    if (money) d.receivedMoney += amount;
    else d.receivedGoodsValue += amount;
    const who = v.text(i, "Người, đơn vị");
    if (who !== undefined) donors.add(foldKey(who));
    const group = v.text(i, "Nhóm") ?? NO_GROUP;
    const g = groups.get(group) ?? { group, count: 0, money: 0, goodsValue: 0 };
    g.count++;
    if (money) g.money += amount;
    else g.goodsValue += amount;
    groups.set(group, g);
  }
  d.closingCash = d.openingCash + d.receivedMoney - d.disbursedMoney;
  d.donors = donors.size;
  for (const a of Object.values(accounts)) a.closing = a.opening + a.received - a.spent;
  const byGroup = catalogOrder(DONOR_GROUPS, groups.keys()).map((group) => groups.get(group) ?? { group, count: 0, money: 0, goodsValue: 0 });
  const goods = { receivedValue: d.receivedGoodsValue, distributedValue: d.disbursedGoodsValue };
  return {
    figures: { ...d, byGroup, cash: accounts["Tiền mặt"] as MoneyAccount, bank: accounts["Chuyển khoản"] as MoneyAccount, goods, byPurpose: [...purposes.values()].sort((a, b) => compareText(a.purpose, b.purpose)) },
    byMonth: [...months.values()],
    excluded,
    leftOut: rowsOf(v, leftOut),
  };
}

function counter(keys: readonly string[]): Record<string, number> {
  return Object.fromEntries(keys.map((k) => [k, 0]));
}

function nominationFigures(v: ViewOf<typeof khenThuongTable> | undefined, forms: readonly string[], from: string, to: string) {
  const f = { total: 0, byKind: counter(NOMINEE_KINDS), byForm: counter(forms), byStatus: counter(NOMINATION_STATES), awarded: { total: 0, byForm: counter(forms) } };
  let excluded = 0;
  const leftOut: number[] = [];
  for (let i = 0; i < (v?.rowCount ?? 0); i++) {
    if (!v || v.blank[i]) continue;
    const date = v.text(i, "Ngày đề nghị");
    if (date === undefined || bad(v, i, ["Đối tượng", "Hình thức khen thưởng", "Trạng thái"])) {
      excluded++;
      leftOut.push(i);
      continue;
    }
    if (date < from || date > to) continue;
    f.total++;
    const inc = (r: Record<string, number>, k: string | undefined) => {
      if (k !== undefined) r[k] = (r[k] ?? 0) + 1;
    };
    inc(f.byKind, v.text(i, "Đối tượng"));
    inc(f.byForm, v.text(i, "Hình thức khen thưởng"));
    inc(f.byStatus, v.text(i, "Trạng thái"));
    if (v.text(i, "Trạng thái") === "Đã khen thưởng") {
      f.awarded.total++;
      inc(f.awarded.byForm, v.text(i, "Hình thức khen thưởng"));
    }
  }
  return { figures: f, excluded, leftOut: rowsOf(v, leftOut) };
}

/**
 * The decisions' numbers (`Số quyết định`) of the period's awards, by form, each once in the
 * table's order: printed in the report's awards table (not a figure of `report --json`, whose keys
 * are the contract's).
 */
export function awardDecisions(tables: ReadonlyMap<string, TableData>, period: Period, read?: ReadonlyMap<string, TableView>): Record<string, string[]> {
  const v = viewFor(read ?? readOurTables(tables).views, khenThuongTable);
  const out: Record<string, string[]> = {};
  for (let i = 0; i < (v?.rowCount ?? 0); i++) {
    if (!v || v.blank[i]) continue;
    const date = v.text(i, "Ngày đề nghị");
    const form = v.text(i, "Hình thức khen thưởng");
    const decision = v.text(i, "Số quyết định")?.trim();
    if (date === undefined || date < period.from || date > period.to || v.text(i, "Trạng thái") !== "Đã khen thưởng" || form === undefined || !decision) continue;
    const list = (out[form] ??= []);
    if (!list.includes(decision)) list.push(decision);
  }
  return out;
}

/**
 * The report's figures for a period, from our tables as read. A row whose needed cell cannot be
 * read is left out of that figure and counted, never guessed.
 */
/** Rows a figure left out because a cell it needs cannot be read: the sheet and its row numbers as Excel shows them. */
export interface LeftOutRows {
  section: keyof Figures["excludedRowsBySection"];
  sheet: string;
  rows: number[];
}

/** A table's rows (0-based in the table's body) as the sheet's row numbers, counted from 1. */
function rowsOf(v: TableView | undefined, rows: readonly number[]): { sheet: string; rows: number[] } {
  return { sheet: v?.sheet ?? "", rows: v ? rows.map((i) => v.data.range.top + i + 2) : [] };
}

export function figuresForPeriod(tables: ReadonlyMap<string, TableData>, period: Period, milestones: readonly MilestoneRef[] = [], read?: ReadonlyMap<string, TableView>): Figures {
  return figuresWithLeftOut(tables, period, milestones, read).figures;
}

/** The figures, and the rows they left out by sheet and row (for the preflight to name them; not a figure of `report --json`). */
export function figuresWithLeftOut(tables: ReadonlyMap<string, TableData>, period: Period, milestones: readonly MilestoneRef[] = [], read?: ReadonlyMap<string, TableView>): { figures: Figures; leftOut: LeftOutRows[] } {
  // The tables as validation read them, when it just did (a 200,000-row ledger is read once, not twice).
  const views = read ?? readOurTables(tables).views;
  const v = (n: string) => views.get(n);
  const units = columnValues(v(TABLE.donVi), "Đơn vị");
  const villages = columnValues(v(TABLE.thon), "Thôn");
  // The workbook's list first, in its order (the plan's own forms among them), then the usual forms it lacks.
  const listed = columnValues(v(TABLE.hinhThucKhenThuong), "Hình thức khen thưởng");
  const forms = [...listed, ...AWARD_FORMS.filter((f) => !listed.includes(f))];
  const tasks = taskFigures(viewFor(views, nhiemVuTable), units, period.to, milestones);
  const pledgeView = viewFor(views, camKetTable);
  const pledges = pledgeFigures(pledgeView, [...villages, ...units], period.to);
  // The pledge milestone: where the households stood on its deadline (each deadline read once, however many rows name it).
  const rateOn = new Map<string, number | null>();
  for (const m of tasks.milestones) {
    if (m.kind !== "pledge" || !m.deadline || m.deadline > period.to) continue;
    if (!rateOn.has(m.deadline)) rateOn.set(m.deadline, pledgeFigures(pledgeView, [...villages, ...units], m.deadline).figures.total.householdRate);
    m.rateAtDeadline = rateOn.get(m.deadline) ?? null;
  }
  const donations = donationFigures(viewFor(views, dongGopTable), period.from, period.to);
  const nominations = nominationFigures(viewFor(views, khenThuongTable), forms, period.from, period.to);
  const excludedRowsBySection = { tasks: tasks.excluded, pledges: pledges.excluded, donations: donations.excluded, nominations: nominations.excluded };
  const leftOut: LeftOutRows[] = (
    [
      ["tasks", tasks.leftOut],
      ["pledges", pledges.leftOut],
      ["donations", donations.leftOut],
      ["nominations", nominations.leftOut],
    ] as const
  ).flatMap(([section, at]) => (at.rows.length > 0 ? [{ section, ...at }] : []));
  const figures: Figures = {
    period: { from: period.from, to: period.to, label: period.label },
    tasks: tasks.figures,
    pledges: pledges.figures,
    donations: donations.figures,
    nominations: nominations.figures,
    moneyByMonth: donations.byMonth,
    milestones: tasks.milestones,
    overdueTasks: tasks.overdueTasks,
    excludedRows: tasks.excluded + pledges.excluded + donations.excluded + nominations.excluded,
    excludedRowsBySection,
  };
  return { figures, leftOut };
}
