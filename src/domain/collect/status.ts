import { foldKey } from "../cells/text";
import type { PlanDefinition } from "../plan/schema";
import type { TableData } from "../workbook";
import { TABLE } from "../sheets/specs";
import { findTable } from "../tables";
import { receiptsOf, scalarOf, type ReturnKind } from "./receipts";

type FormKind = ReturnKind;

/** Which units and villages have returned their forms for a period, on time or late, and which have not. */
export interface ReturnsStatus {
  expected: number;
  received: { name: string; kind: FormKind; received: string; due: string; late: boolean }[];
  missing: { name: string; kind: FormKind }[];
}

/**
 * The returns of a period as the workbook records them (`Phiếu đã nhận`); undefined when none was
 * received for the period (forms were not collected, or nothing came back yet: nothing to say).
 */
export function returnsStatus(tables: ReadonlyMap<string, TableData>, plan: Pick<PlanDefinition, "units" | "trackers">, period: { from: string; to: string }): ReturnsStatus | undefined {
  const receipts = receiptsOf(tables).filter((r) => r.from === period.from && r.to === period.to);
  if (receipts.length === 0) return undefined;
  const expected = expectedReturns(tables, plan);
  const byName = new Map(receipts.map((r) => [foldKey(r.who), r] as const));
  return {
    expected: expected.length,
    received: expected.flatMap((e) => {
      const r = byName.get(foldKey(e.name));
      return r ? [{ name: e.name, kind: e.kind, received: r.received, due: r.due, late: r.due !== "" && r.received > r.due }] : [];
    }),
    missing: expected.filter((e) => !byName.has(foldKey(e.name))),
  };
}

/**
 * Whose returns a workbook expects: each unit (of `tblDonVi`, else the plan's) with tasks in
 * `tblNhiemVu`, and each village of `tblThon` when the plan tracks pledges or donations.
 */
export function expectedReturns(tables: ReadonlyMap<string, TableData>, plan: Pick<PlanDefinition, "units" | "trackers">): { name: string; kind: FormKind }[] {
  const get = (name: string) => findTable(tables, name);
  const names = (t: TableData | undefined, header: string) => (t ? t.rows.map((r) => scalarOf(r[t.headers.indexOf(header)])).filter((v): v is string => typeof v === "string" && v.trim() !== "") : []);
  const tasks = get(TABLE.nhiemVu);
  const withTasks = new Set(names(tasks, "Đơn vị").map(foldKey));
  const units = get(TABLE.donVi) ? names(get(TABLE.donVi), "Đơn vị") : plan.units.map((u) => u.name);
  const out: { name: string; kind: FormKind }[] = units.filter((u) => withTasks.has(foldKey(u))).map((name) => ({ name, kind: "unit" }));
  if (plan.trackers.some((t) => t === "pledges" || t === "donations")) out.push(...names(get(TABLE.thon), "Thôn").map((name) => ({ name, kind: "village" as const })));
  return out;
}

