import { formatCount, formatRate } from "../format";

/**
 * A paper of the commune (report, disclosure list, proposal, list, decision) as blocks in the
 * layout of Nghị định 30/2020: what it says, not how a sheet or a Word file holds it. The sheet
 * (`documentSheet`) and the Word file (the docx adapter) are both drawn from it, so they say the
 * same thing in the same order.
 */
export type DocCell = string | number | null;

/** How a number of a table prints: a count or an amount (`1.000.000`), a rate (`99,3%`), or as it is (a year, `1985`). */
export type NumberShape = "count" | "rate" | "plain";

export interface DocTable {
  headers: readonly string[];
  rows: readonly (readonly DocCell[])[];
  /** Per column, how its numbers print; a column without one prints numbers as counts. The first column is the row's number (STT). */
  formats?: readonly (NumberShape | undefined)[];
  /** The totals row, under the body: a label, the core's totals. */
  totals?: readonly DocCell[];
}

/** A bar chart of a rate per category (the household pledge rate per village), with a target line in its title. */
export interface DocChart {
  title: string;
  categories: readonly string[];
  /** Rates, 0 to 1. */
  values: readonly number[];
}

export type DocBlock =
  | {
      kind: "header";
      parentBody: string;
      /** Whether the first line is part of the issuer's name ("ỦY BAN NHÂN DÂN" / "XÃ CHÂU SƠN": both bold), not the body it reports to (not bold). */
      parentIsName: boolean;
      body: string;
      /** `Số:     /BC-UBND`. */
      number: string;
      dateLine: string;
      /** `BÁO CÁO`, `TỜ TRÌNH`… */
      title: string;
      summary: string;
    }
  | { kind: "heading"; text: string }
  /** A body paragraph (justified, first line indented), or a centred line (no indent). */
  | { kind: "paragraph"; text: string; center?: boolean; bold?: boolean; italic?: boolean }
  /** A table's title, in italics. */
  | { kind: "caption"; text: string }
  | ({ kind: "table" } & DocTable)
  | ({ kind: "chart" } & DocChart)
  /** A paragraph left for the clerk's own text (prints whole however long it grows, up to ten lines). */
  | { kind: "clerk"; text: string }
  | { kind: "space" }
  | { kind: "signature"; recipients: readonly string[]; authority: string; signerTitle: string; signer: string };

export interface DocModel {
  blocks: DocBlock[];
}

/**
 * A table cell as printed: numbers written the Vietnamese way by the same functions as the
 * sentences (`909.050.000`, `99,3%`), so table and text agree on any computer whatever its
 * regional settings (Excel's `#,##0` and `0.0%` would follow them).
 */
export function cellText(v: DocCell, shape: NumberShape | undefined): string {
  if (v === null) return "";
  if (typeof v === "string") return v;
  return shape === "rate" ? formatRate(v) : shape === "plain" ? String(v) : formatCount(v);
}

/** How column `c` of a table prints its numbers: the first column (STT) as it is. */
export function columnShape(t: DocTable, c: number): NumberShape | undefined {
  return c === 0 ? "plain" : t.formats?.[c];
}

/**
 * A chart's bars from the bottom up, as Excel and Word draw a bar chart (the first category at the
 * bottom): lowest first, so the highest is on top; each label with its rate written the Vietnamese
 * way (`Thôn 1 (99,3%)`), since a chart's own number format follows the computer's settings.
 */
export function chartBars(c: DocChart): { label: string; value: number }[] {
  return c.categories.map((category, i) => ({ label: `${category} (${formatRate(c.values[i] ?? 0)})`, value: c.values[i] ?? 0 })).reverse();
}

/** Reads back a number printed by `cellText` (`2.500` → 2500, `93,8%` → 0.938); undefined for other text. */
export function printedNumber(text: string): number | undefined {
  const t = text.trim();
  const rate = /^(-?\d+),(\d)%$/.exec(t);
  if (rate) return Number(`${rate[1]}.${rate[2]}`) / 100;
  if (/^-?\d{1,3}(\.\d{3})*$/.test(t)) return Number(t.replace(/\./g, ""));
  return undefined;
}

/**
 * Whether block `i` goes on the page of what follows it (both renderers ask): a heading, a caption,
 * a centred title line, the header; the closing words before the signature; and the line before a
 * placeholder left for the clerk (the placeholder belongs to what it continues).
 */
export function keepsWithNext(blocks: readonly DocBlock[], i: number): boolean {
  const b = blocks[i];
  if (!b) return false;
  if (b.kind === "header" || b.kind === "heading" || b.kind === "caption") return true;
  if (b.kind === "paragraph" && (b.center === true || blocks[i + 1]?.kind === "clerk")) return true;
  return (b.kind === "paragraph" || b.kind === "space") && leadsToSignature(blocks, i);
}

/** A table this short (body rows) is never split across pages. */
export const SMALL_TABLE_ROWS = 6;

/**
 * Which rows of a table go on the page of the next row (0 the header, then the body, then the
 * totals): a small table whole; a long one's header with two rows under it, its last row with the totals.
 */
export function tableRowKeeps(t: DocTable): boolean[] {
  const rows = 1 + t.rows.length + (t.totals ? 1 : 0);
  const keeps = Array.from({ length: rows }, () => false);
  if (t.rows.length <= SMALL_TABLE_ROWS) return keeps.map((_k, r) => r < rows - 1);
  keeps[0] = true;
  keeps[1] = true;
  if (t.totals) keeps[rows - 2] = true;
  // Never a lone row at a page's foot or head before the totals: the last two body rows together.
  keeps[rows - (t.totals ? 3 : 2)] = true;
  return keeps;
}

/** Whether block `i` leads to the signature with only spaces between: the closing words stay on the signature's page. */
export function leadsToSignature(blocks: readonly DocBlock[], i: number): boolean {
  for (let j = i + 1; j < blocks.length; j++) {
    const k = blocks[j]?.kind;
    if (k === "signature") return true;
    if (k !== "space") return false;
  }
  return false;
}

/** Builds a paper block by block. */
export class DocWriter {
  readonly blocks: DocBlock[] = [];

  header(h: Omit<Extract<DocBlock, { kind: "header" }>, "kind">): this {
    this.blocks.push({ kind: "header", ...h });
    return this;
  }
  heading(text: string): this {
    this.blocks.push({ kind: "heading", text });
    return this;
  }
  paragraph(text: string, opts: { center?: boolean; bold?: boolean; italic?: boolean } = {}): this {
    this.blocks.push({ kind: "paragraph", text, ...opts });
    return this;
  }
  /** A centred line: `Kính gửi: …`, `QUYẾT ĐỊNH:`. */
  line(text: string, opts: { bold?: boolean; italic?: boolean } = {}): this {
    return this.paragraph(text, { center: true, ...opts });
  }
  caption(text: string): this {
    this.blocks.push({ kind: "caption", text });
    return this;
  }
  table(t: DocTable): this {
    this.blocks.push({ kind: "table", ...t });
    return this;
  }
  chart(c: DocChart): this {
    this.blocks.push({ kind: "chart", ...c });
    return this;
  }
  clerk(text = "………………………………………………………………………………………………………………"): this {
    this.blocks.push({ kind: "clerk", text });
    return this;
  }
  space(): this {
    this.blocks.push({ kind: "space" });
    return this;
  }
  signature(s: Omit<Extract<DocBlock, { kind: "signature" }>, "kind">): this {
    this.blocks.push({ kind: "signature", ...s });
    return this;
  }
  done(): DocModel {
    return { blocks: this.blocks };
  }
}
