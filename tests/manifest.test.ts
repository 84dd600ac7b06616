import { registerCommands } from "../src/commands/commands";
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import * as path from "node:path";

const ROOT = path.resolve(__dirname, "..");
const XML = readFileSync(path.join(ROOT, "manifest.xml"), "utf8");

const attrs = (tag: string): Record<string, string>[] =>
  [...XML.matchAll(new RegExp(`<${tag}\\s([^>]*?)/?>`, "g"))].map((m) => Object.fromEntries([...(m[1] ?? "").matchAll(/([\w:]+)="([^"]*)"/g)].map((a): [string, string] => [a[1] ?? "", a[2] ?? ""])));
/** Each `<bt:String>` with its default and its overrides, in one section of the resources. */
function strings(section: "ShortStrings" | "LongStrings") {
  const block = new RegExp(`<bt:${section}>([\\s\\S]*?)</bt:${section}>`).exec(XML)?.[1] ?? "";
  return [...block.matchAll(/<bt:String id="([^"]+)" DefaultValue="([^"]*)">([\s\S]*?)<\/bt:String>/g)].map((m) => ({
    id: m[1]!,
    value: m[2]!,
    overrides: [...m[3]!.matchAll(/<bt:Override Locale="([^"]+)" Value="([^"]*)"\/>/g)].map((o) => ({ locale: o[1]!, value: o[2]! })),
  }));
}

describe("manifest.xml (offline checks)", () => {
  it("defines every resource id it uses", () => {
    const defined = new Set([...XML.matchAll(/<bt:(?:Image|Url|String) id="([^"]+)"/g)].map((m) => m[1]));
    const used = [...XML.matchAll(/resid="([^"]+)"/g)].map((m) => m[1]);
    expect(used.length).toBeGreaterThan(10);
    expect(used.filter((id) => !defined.has(id))).toEqual([]);
  });

  it("keeps strings within Office's limits and gives every string a vi-VN override", () => {
    const short = strings("ShortStrings");
    const long = strings("LongStrings");
    expect(short.length).toBeGreaterThan(3);
    expect(long.length).toBeGreaterThan(2);
    for (const s of short) for (const v of [s.value, ...s.overrides.map((o) => o.value)]) expect([s.id, v.length <= 125]).toEqual([s.id, true]);
    for (const s of long) for (const v of [s.value, ...s.overrides.map((o) => o.value)]) expect([s.id, v.length <= 250]).toEqual([s.id, true]);
    for (const s of [...short, ...long]) expect([s.id, s.overrides.map((o) => o.locale)]).toEqual([s.id, ["vi-VN"]]);
    for (const tag of ["DisplayName", "Description"]) expect(new RegExp(`<${tag} DefaultValue="[^"]+">\\s*<Override Locale="vi-VN"`).test(XML)).toBe(true);
  });

  it("uses https everywhere and every icon it names exists in assets/", () => {
    const urls = [...XML.matchAll(/(?:DefaultValue|Value)="(\w+:\/\/[^"]+)"/g), ...XML.matchAll(/<AppDomain>([^<]+)<\/AppDomain>/g)].map((m) => m[1]!);
    expect(urls.length).toBeGreaterThan(5);
    for (const u of urls) expect(u).toMatch(/^https:\/\//);
    const icons = urls.filter((u) => u.endsWith(".png")).map((u) => path.join(ROOT, new URL(u).pathname));
    expect(icons.length).toBeGreaterThanOrEqual(4);
    for (const f of icons) expect([f, existsSync(f)]).toEqual([f, true]);
    for (const size of [16, 32, 64, 80]) expect(existsSync(path.join(ROOT, `assets/icon-${size}.png`))).toBe(true);
  });

  it("asks for ReadWriteDocument, declares ExcelApi 1.8, and puts its buttons on the Home tab", () => {
    expect(XML).toContain("<Permissions>ReadWriteDocument</Permissions>");
    expect(attrs("Set")).toContainEqual({ Name: "ExcelApi", MinVersion: "1.8" });
    expect(XML).toMatch(/<OfficeTab id="TabHome">/);
    expect([...XML.matchAll(/<FunctionName>(\w+)<\/FunctionName>/g)].map((m) => m[1])).toEqual(["validateWorkbook", "buildReport"]);
    // The handlers the commands register are the functions the manifest names.
    const registered: string[] = [];
    registerCommands({ associate: (id) => registered.push(id), tell: () => Promise.resolve() }, () => { throw new Error("not run"); }, () => "2022-01-05");
    expect(registered).toEqual([...XML.matchAll(/<FunctionName>(\w+)<\/FunctionName>/g)].map((m) => m[1]));
  });

  it("is accepted by office-addin-manifest info", () => {
    const r = spawnSync(path.join(ROOT, "node_modules/.bin/office-addin-manifest"), ["info", "manifest.xml"], { cwd: ROOT, encoding: "utf8" });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("Name: Campaign tracking book");
  });
});
