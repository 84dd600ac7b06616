import { format, type Catalog, type Locale, type Params } from "./catalog";
import { changeNote, explainError, type ErrorContext } from "./errors";
import { at as atVi, rulesVi } from "./rules.vi";
import { vi as viBase } from "./vi";

const vi = { ...viBase, ...rulesVi };
/**
 * English, once loaded: the command line and the tests load it at start (`./english`); the pane
 * when the clerk's Office is English or the clerk switches (`loadEnglish`), so that its first
 * bundle carries Vietnamese only. Until then English asks get Vietnamese.
 */
let en: Catalog | undefined;
let atEn: ((p: Params) => string) | undefined;
export function registerEnglish(messages: Catalog, at: (p: Params) => string): void {
  en = messages;
  atEn = at;
}

/** Loads the English words (the messages and the pane's), where they are not loaded yet. */
export async function loadEnglish(): Promise<void> {
  if (!en) await import(/* webpackChunkName: "english" */ "./english");
}

export type { Locale, Params } from "./catalog";

/** The message for a code in the given language (Vietnamese by default). */
export function t(code: string, params: Params = {}, locale: Locale = "vi"): string {
  return format(locale === "en" && en ? en : vi, code, params);
}

export function messageCodes(locale: Locale): string[] {
  return Object.keys(locale === "en" ? (en ?? {}) : vi);
}

/**
 * What to tell the user about a failure, in their language: the catalog's message for it, and
 * what became of the workbook where the message does not say. Never the exception's own text.
 */
export function errorText(e: unknown, context: ErrorContext = {}, locale: Locale = "vi"): string {
  const x = explainError(e, context);
  const note = changeNote(x);
  const text = t(x.code, x.params, locale);
  return note ? `${text} ${t(note, {}, locale)}` : text;
}

/**
 * An issue's message without the place it opens with ("Ô G2 (trang …, cột …):"), for a list
 * that shows the cell and the column already.
 */
export function issueMessageShort(rule: string, params: Params, locale: Locale = "vi"): string {
  const text = t(rule, params, locale);
  const place = (locale === "en" && atEn ? atEn : atVi)(params);
  if (!text.startsWith(place)) return text;
  const rest = text.slice(place.length).replace(/^\s*:?\s*/, "");
  return rest.charAt(0).toLocaleUpperCase(locale) + rest.slice(1);
}
