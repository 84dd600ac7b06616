/** Key for comparing names the way Excel does (sheet, table and header names are case-insensitive), NFC and spaces folded. */
export function nameKey(s: string): string {
  return s.normalize("NFC").trim().replace(/\s+/g, " ").toLocaleLowerCase("vi");
}

/** Letters and digits only, words joined by "-": a file name any mail or system keeps ("Trạm y tế xã" → "Tram-y-te-xa"). */
export function asciiName(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .replace(/[^A-Za-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}
