import type { CellValue } from "../grid";
import { type CellRead } from "./read";
import { foldKey, readText } from "./text";

/** Allowed values of a list column, indexed for exact and for folded (case, diacritics) lookups. */
export class AllowedList {
  private readonly exact: Set<string>;
  /** Built on the first inexact lookup: most cells match exactly. */
  private folded: Map<string, string[]> | undefined;

  constructor(readonly values: readonly string[]) {
    this.exact = new Set(values);
  }

  private foldedIndex(): Map<string, string[]> {
    if (this.folded) return this.folded;
    const folded = new Map<string, string[]>();
    for (const v of this.values) {
      const k = foldKey(v);
      const list = folded.get(k) ?? [];
      if (!list.includes(v)) list.push(v);
      folded.set(k, list);
    }
    return (this.folded = folded);
  }

  /** The list value a text stands for: itself, or the only value equal once case and diacritics are ignored. */
  match(text: string): { value: string; exact: boolean } | undefined {
    if (this.exact.has(text)) return { value: text, exact: true };
    const candidates = this.foldedIndex().get(foldKey(text));
    return candidates?.length === 1 ? { value: candidates[0] as string, exact: false } : undefined;
  }
}

export type ListRead = CellRead<string> | { kind: "not-in-list"; text: string };

/** Reads a list cell: its canonical text and, when it is a spelling variant of one entry, that entry as the fix. */
export function readListValue(v: CellValue, list: AllowedList): ListRead {
  const t = readText(v);
  if (t.kind !== "value") return t;
  const m = list.match(t.value);
  if (!m) return { kind: "not-in-list", text: t.value };
  if (m.exact) return t;
  return { kind: "value", value: m.value, assumed: "list-variant", canonical: m.value };
}
