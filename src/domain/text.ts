/** Key for comparing names the way Excel does (sheet, table and header names are case-insensitive), NFC and spaces folded. */
export function nameKey(s: string): string {
  return s.normalize("NFC").trim().replace(/\s+/g, " ").toLocaleLowerCase("vi");
}
