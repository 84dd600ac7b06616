// A statement exported as CSV: the delimiter the file uses (comma, semicolon or tab), quoted fields
// with their doubled quotes and line breaks, a byte-order mark dropped. Cells stay text: the statement
// reader reads numbers and dates from text as it does from a sheet.

/** Bytes of a CSV file as text: UTF-8 (with or without its mark) or UTF-16 with its mark; undefined otherwise. */
export function csvText(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** The delimiter of the first lines: the one that splits them most evenly. */
function delimiterOf(text: string): string {
  const head = text.split(/\r?\n/, 20).filter((l) => l.trim() !== "");
  let best = ",";
  let bestScore = -1;
  for (const d of [",", ";", "\t"]) {
    const counts = head.map((l) => l.split(d).length - 1);
    const most = Math.max(0, ...counts);
    const score = most === 0 ? 0 : counts.filter((c) => c === most).length * most;
    if (score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}

/** Rows of fields; at most `maxRows` rows are read. */
export function parseCsv(text: string, maxRows = Number.POSITIVE_INFINITY): string[][] {
  const d = delimiterOf(text);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length && rows.length < maxRows; i++) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
      continue;
    }
    if (c === '"' && field === "") quoted = true;
    else if (c === d) {
      row.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += c;
  }
  if ((field !== "" || row.length > 0) && rows.length < maxRows) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
