import { format, type Locale, type Params } from "./catalog";
import { en as enBase } from "./en";
import { rulesEn } from "./rules.en";
import { rulesVi } from "./rules.vi";
import { vi as viBase } from "./vi";

const vi = { ...viBase, ...rulesVi };
const en = { ...enBase, ...rulesEn };

export type { Locale, Params } from "./catalog";

/** The message for a code in the given language (Vietnamese by default). */
export function t(code: string, params: Params = {}, locale: Locale = "vi"): string {
  return format(locale === "en" ? en : vi, code, params);
}

export function messageCodes(locale: Locale): string[] {
  return Object.keys(locale === "en" ? en : vi);
}
