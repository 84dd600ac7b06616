export type Locale = "vi" | "en";
export type Params = Readonly<Record<string, string | number>>;
export type Catalog = Readonly<Record<string, (p: Params) => string>>;

/** Fills a message from its code and params; an unknown code still says something useful. */
export function format(catalog: Catalog, code: string, params: Params): string {
  const f = catalog[code];
  return f ? f(params) : `${code} ${JSON.stringify(params)}`;
}
