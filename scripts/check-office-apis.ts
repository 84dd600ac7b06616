// npm run check:office-apis — every Excel API member the Office code uses, with the requirement
// set that @types/office-js documents for it; fails when one is above the manifest's declared set
// and its function does not ask isSetSupported for it first.
import { readdirSync, readFileSync } from "node:fs";
import * as path from "node:path";
import ts from "typescript";

const ROOT = path.resolve(__dirname, "..");

/** Every source file that touches Office.js (names `Excel.` or `Office.`): the adapter, the commands, the host. */
function officeFiles(dir = path.join(ROOT, "src")): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return officeFiles(full);
    return /\.tsx?$/.test(e.name) && /\b(Excel|Office)\.\w/.test(readFileSync(full, "utf8")) ? [path.relative(ROOT, full)] : [];
  });
}
const DEFAULT_FILES = officeFiles();
const FILES = (process.argv.length > 2 ? process.argv.slice(2) : DEFAULT_FILES).map((f) => path.resolve(ROOT, f));

function declaredSet(): string {
  const manifest = readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
  const m = /<Set Name="ExcelApi" MinVersion="([\d.]+)"/.exec(manifest);
  if (!m) throw new Error("manifest.xml declares no ExcelApi set");
  return m[1] as string;
}

const cmp = (a: string, b: string) => {
  const [a1, a2] = a.split(".").map(Number) as [number, number];
  const [b1, b2] = b.split(".").map(Number) as [number, number];
  return a1 - b1 || a2 - b2;
};

/** Requirement constants (`TABLE_RESIZE = { name: "ExcelApi", version: "1.13" }`) by name. */
function guardConstants(): Map<string, string> {
  const src = readFileSync(path.join(ROOT, "src/adapters/office/requirements.ts"), "utf8");
  return new Map([...src.matchAll(/export const (\w+) = \{ name: "ExcelApi", version: "([\d.]+)" \}/g)].map((m) => [m[1] as string, m[2] as string]));
}

function apiSet(decl: ts.Declaration): string | undefined {
  const text = decl.getFullText();
  const m = /\[Api set: ExcelApi ([\d.]+)/.exec(text);
  return m?.[1];
}

function enclosingFunction(node: ts.Node): ts.Node {
  let n: ts.Node = node;
  while (n.parent && !ts.isFunctionLike(n) && !ts.isSourceFile(n)) n = n.parent;
  return n;
}

function main(): number {
  const declared = declaredSet();
  const guards = guardConstants();
  const program = ts.createProgram(FILES, { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, strict: true, types: ["office-js"], typeRoots: [path.join(ROOT, "node_modules/@types")], skipLibCheck: true });
  const checker = program.getTypeChecker();
  const used = new Map<string, { set: string; where: string[]; guarded: boolean }>();
  for (const file of program.getSourceFiles().filter((f) => FILES.includes(path.resolve(f.fileName)))) {
    const visit = (node: ts.Node) => {
      if (ts.isPropertyAccessExpression(node)) {
        const symbol = checker.getSymbolAtLocation(node.name);
        const decl = symbol?.declarations?.[0];
        const owner = decl?.parent;
        if (decl && owner && decl.getSourceFile().fileName.includes("@types/office-js") && (ts.isClassDeclaration(owner) || ts.isInterfaceDeclaration(owner))) {
          const set = apiSet(decl) ?? "1.1";
          const member = `${owner.name?.text ?? "?"}.${node.name.text}`;
          const fn = enclosingFunction(node).getText();
          const guardedBy = [...guards].some(([name, version]) => cmp(version, set) >= 0 && fn.includes(name)) && /isSetSupported|resize\b|requirements/.test(fn);
          const line = file.getLineAndCharacterOfPosition(node.getStart()).line + 1;
          const entry = used.get(member) ?? { set, where: [], guarded: true };
          entry.where.push(`${path.relative(ROOT, file.fileName)}:${line}`);
          entry.guarded &&= cmp(set, declared) <= 0 || guardedBy;
          used.set(member, entry);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  let failures = 0;
  console.log(`Excel API members used by the Office adapter (manifest declares ExcelApi ${declared}):`);
  for (const [member, e] of [...used].sort((a, b) => cmp(b[1].set, a[1].set) || a[0].localeCompare(b[0]))) {
    const above = cmp(e.set, declared) > 0;
    const mark = !above ? "  " : e.guarded ? "✓ " : "✗ ";
    if (above && !e.guarded) failures++;
    console.log(`${mark}ExcelApi ${e.set.padEnd(5)} ${member.padEnd(48)} ${above ? (e.guarded ? "guarded by isSetSupported" : "NOT GUARDED") : ""}  ${e.where[0] ?? ""}`);
  }
  if (failures > 0) {
    console.error(`\n${failures} member(s) above ExcelApi ${declared} are used without an isSetSupported guard.`);
    return 1;
  }
  console.log(`\n${used.size} members; every one above ExcelApi ${declared} is guarded.`);
  return 0;
}

process.exit(main());
