import { AllowedList } from "../cells/list";
import { AWARD_FORMS, DONOR_GROUPS } from "../sheets/enums";
import { TABLE } from "../sheets/specs";
import type { TableSpec } from "../sheets/types";
import type { TableView } from "./view";

type Catalog = "villages" | "units" | "donorGroups" | "awardForms";

/** Columns whose allowed values come from `Danh mục` (a village may also be a unit such as a school). */
const CATALOG_COLUMNS: Readonly<Record<string, Readonly<Record<string, readonly Catalog[]>>>> = {
  [TABLE.nhiemVu]: { "Đơn vị": ["units"] },
  [TABLE.camKet]: { "Thôn, đơn vị": ["villages", "units"] },
  [TABLE.dongGop]: { "Nhóm": ["donorGroups"], "Thôn": ["villages"] },
  [TABLE.khenThuong]: { "Đơn vị, thôn": ["villages", "units"], "Hình thức khen thưởng": ["awardForms"] },
};

function columnTexts(view: TableView | undefined, header: string): string[] {
  if (!view) return [];
  const out: string[] = [];
  for (let i = 0; i < view.rowCount; i++) {
    const t = view.text(i, header);
    if (t !== undefined) out.push(t);
  }
  return out;
}

/** The allowed values of every list column, from the enumerations and the catalogue tables as read. */
export function listResolver(views: ReadonlyMap<string, TableView>): (spec: TableSpec, header: string) => AllowedList | undefined {
  const catalogs: Record<Catalog, string[]> = {
    villages: columnTexts(views.get(TABLE.thon), "Thôn"),
    units: columnTexts(views.get(TABLE.donVi), "Đơn vị"),
    donorGroups: [...DONOR_GROUPS, ...columnTexts(views.get(TABLE.nhomDongGop), "Nhóm người đóng góp")],
    awardForms: [...AWARD_FORMS, ...columnTexts(views.get(TABLE.hinhThucKhenThuong), "Hình thức khen thưởng")],
  };
  const cache = new Map<string, AllowedList | undefined>();
  return (spec, header) => {
    const key = `${spec.name}\u0000${header}`;
    if (cache.has(key)) return cache.get(key);
    const sources = CATALOG_COLUMNS[spec.name]?.[header];
    const column = spec.columns.find((c) => c.header === header);
    let list: AllowedList | undefined;
    if (sources) {
      const values = sources.flatMap((s) => catalogs[s]);
      // An empty catalogue says nothing about what belongs: the missing catalogue is its own issue.
      list = sources.every((s) => catalogs[s].length > 0) ? new AllowedList(values) : undefined;
    } else if (column?.list?.kind === "enum") {
      list = new AllowedList(column.list.values);
    }
    cache.set(key, list);
    return list;
  };
}
