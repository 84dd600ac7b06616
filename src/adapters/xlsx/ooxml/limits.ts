const MB = 1024 * 1024;

/**
 * How much a package may hold before it is refused unread. A commune's workbook is far below
 * every figure (200,000 ledger rows: a 77 MB sheet, compressed 10 times); a zip bomb is far above
 * (whitespace compresses about 1,000 times). Checked on what the zip declares, then enforced while
 * inflating, so a part that lies about its size is stopped at the size it declared.
 */
export const PACKAGE_LIMITS = {
  /** Parts in the package (a workbook has tens; one with many sheets, a few hundred). */
  entries: 10_000,
  /** One part, inflated: worksheets are read as they inflate, never held whole for reading. */
  partBytes: 512 * MB,
  /** One part read whole (its XML parsed in memory). */
  wholePartBytes: 192 * MB,
  /** All parts together, inflated. */
  totalBytes: 2048 * MB,
  /** Inflated over compressed size, for parts above `ratioFrom`: Excel's XML compresses 5 to 20 times. */
  ratio: 250,
  ratioFrom: 1 * MB,
} as const;

/** A package refused by its sizes: what part, and why (a zip bomb, or a damaged file). */
export class PackageLimitError extends Error {
  constructor(
    readonly part: string,
    readonly detail: string,
  ) {
    super(`${part}: ${detail}`);
    this.name = "PackageLimitError";
  }
}

const mb = (n: number) => `${(n / MB).toFixed(n < 10 * MB ? 1 : 0)} MB`;

/** Refuses a part by what the zip declares: too big, too compressed, or past the package's total. */
export function checkDeclared(part: string, compressed: number, inflated: number): void {
  if (!Number.isFinite(inflated) || inflated < 0 || inflated > PACKAGE_LIMITS.partBytes) throw new PackageLimitError(part, `giải nén ra ${mb(inflated)}, quá ${mb(PACKAGE_LIMITS.partBytes)}`);
  if (inflated > PACKAGE_LIMITS.ratioFrom && inflated > PACKAGE_LIMITS.ratio * Math.max(1, compressed)) {
    throw new PackageLimitError(part, `nén ${mb(compressed)} mà giải nén ra ${mb(inflated)} (gấp ${Math.round(inflated / Math.max(1, compressed))} lần)`);
  }
}

export function checkTotal(inflated: number, entries: number): void {
  if (entries > PACKAGE_LIMITS.entries) throw new PackageLimitError("", `có ${entries} phần, quá ${PACKAGE_LIMITS.entries}`);
  if (inflated > PACKAGE_LIMITS.totalBytes) throw new PackageLimitError("", `giải nén ra tổng cộng ${mb(inflated)}, quá ${mb(PACKAGE_LIMITS.totalBytes)}`);
}

export function checkWhole(part: string, inflated: number): void {
  if (inflated > PACKAGE_LIMITS.wholePartBytes) throw new PackageLimitError(part, `giải nén ra ${mb(inflated)}, quá ${mb(PACKAGE_LIMITS.wholePartBytes)} cho một phần đọc trọn`);
}

/** A part that inflates past the size it declared: damaged, or made to mislead. */
export function sizeMismatch(part: string, declared: number): PackageLimitError {
  return new PackageLimitError(part, `giải nén ra nhiều hơn ${mb(declared)} đã khai`);
}
