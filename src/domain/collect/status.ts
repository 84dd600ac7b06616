import { foldKey } from "../cells/text";
import type { PlanDefinition } from "../plan/schema";
import type { TableData } from "../workbook";
import { expectedReturns, type FormKind } from "./forms";
import { receiptsOf } from "./merge";

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
