import type { ZipPackage } from "./zipPackage";
import { childElements, createLike, parseXml, rootOf, serializeXml, type Document, type Element } from "./xml";

/** Namespaces and relationship types of the two flavours of SpreadsheetML. */
export interface Flavour {
  strict: boolean;
  main: string;
  rel: string;
  relType: (kind: string) => string;
}

const TRANSITIONAL: Flavour = {
  strict: false,
  main: "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  rel: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  relType: (kind) => `http://schemas.openxmlformats.org/officeDocument/2006/relationships/${kind}`,
};

const STRICT: Flavour = {
  strict: true,
  main: "http://purl.oclc.org/ooxml/spreadsheetml/main",
  rel: "http://purl.oclc.org/ooxml/officeDocument/relationships",
  relType: (kind) => `http://purl.oclc.org/ooxml/officeDocument/relationships/${kind}`,
};

export function flavourOf(mainNamespace: string | null): Flavour {
  return mainNamespace === STRICT.main ? STRICT : TRANSITIONAL;
}

const PACKAGE_RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships";

export const CONTENT_TYPE = {
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  table: "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml",
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
  styles: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
  workbook: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
  relationships: "application/vnd.openxmlformats-package.relationships+xml",
  coreProperties: "application/vnd.openxmlformats-package.core-properties+xml",
  appProperties: "application/vnd.openxmlformats-officedocument.extended-properties+xml",
} as const;

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

/** The relationships part of a part: `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`. */
export function relsPartOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** A relationship target resolved against its source part (`worksheets/sheet1.xml` from `xl/workbook.xml`). */
export function resolveTarget(sourcePart: string, rawTarget: string): string {
  const target = rawTarget.replace(/\\/g, "/");
  const base = target.startsWith("/") ? [] : sourcePart.split("/").slice(0, -1);
  for (const seg of target.replace(/^\/+/, "").split("/")) {
    if (seg === "..") base.pop();
    else if (seg !== "." && seg !== "") base.push(seg);
  }
  const joined = base.join("/");
  try {
    return decodeURIComponent(joined);
  } catch {
    return joined;
  }
}

/** The relative target from one part to another in the same package. */
function relativeTarget(sourcePart: string, targetPart: string): string {
  const from = sourcePart.split("/").slice(0, -1);
  const to = targetPart.split("/");
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return [...from.slice(i).map(() => ".."), ...to.slice(i)].join("/");
}

export async function readRelationships(pkg: ZipPackage, part: string): Promise<Relationship[]> {
  const text = await pkg.text(relsPartOf(part));
  if (text === undefined) return [];
  const root = rootOf(parseXml(text, relsPartOf(part)), relsPartOf(part));
  return childElements(root, "Relationship").map((r) => ({
    id: r.getAttribute("Id") ?? "",
    type: r.getAttribute("Type") ?? "",
    target: r.getAttribute("Target") ?? "",
    external: r.getAttribute("TargetMode") === "External",
  }));
}

/** Adds a relationship from `part` to `target`; returns its new id. */
export async function addRelationship(pkg: ZipPackage, part: string, type: string, targetPart: string): Promise<string> {
  const relsPart = relsPartOf(part);
  const text = (await pkg.text(relsPart)) ?? `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PACKAGE_RELS_NS}"></Relationships>`;
  const doc = parseXml(text, relsPart);
  const root = rootOf(doc, relsPart);
  const ids = new Set(childElements(root, "Relationship").map((r) => r.getAttribute("Id")));
  let n = ids.size + 1;
  while (ids.has(`rId${n}`)) n++;
  const id = `rId${n}`;
  const rel = createLike(doc, root, "Relationship");
  rel.setAttribute("Id", id);
  rel.setAttribute("Type", type);
  rel.setAttribute("Target", relativeTarget(part, targetPart));
  root.appendChild(rel);
  pkg.setText(relsPart, serializeXml(doc));
  return id;
}

/** Declares a new part's content type (an Override), unless the package already covers it. */
export async function addContentType(pkg: ZipPackage, part: string, contentType: string): Promise<void> {
  const name = "[Content_Types].xml";
  const text = await pkg.text(name);
  if (text === undefined) throw new Error("no [Content_Types].xml");
  const doc: Document = parseXml(text, name);
  const root = rootOf(doc, name);
  const partName = `/${part}`;
  const overrides = childElements(root, "Override");
  if (overrides.some((o) => (o.getAttribute("PartName") ?? "").toLowerCase() === partName.toLowerCase())) return;
  const o: Element = createLike(doc, root, "Override");
  o.setAttribute("PartName", partName);
  o.setAttribute("ContentType", contentType);
  root.appendChild(o);
  pkg.setText(name, serializeXml(doc));
}

