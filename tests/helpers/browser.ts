import { spawnSync } from "node:child_process";
import { createReadStream, existsSync, mkdtempSync, readdirSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { chromium, type BrowserContext } from "playwright-core";

export const ROOT = path.resolve(__dirname, "../..");
const DIST = path.join(ROOT, "dist");
export const CHROMIUM = "/usr/bin/chromium";

/** `describe` for tests that need Chromium: loud skip without it, a failure under CI=true. */
export function describeWithChromium(name: string, body: () => void): void {
  if (existsSync(CHROMIUM)) return void describe(name, body);
  if (process.env.CI === "true") {
    return void describe(name, () => {
      it("needs Chromium, which CI must install", () => {
        throw new Error("Chromium is not installed: apt-get install -y chromium");
      });
    });
  }
  console.warn(`\n*** SKIPPED "${name}": Chromium (/usr/bin/chromium) is not installed. apt-get install -y chromium to run the end-to-end tests. ***\n`);
  describe.skip(name, body);
}

/** The newest modification time of the files under `dir` (0 when there is none). */
function newest(dir: string): number {
  if (!existsSync(dir)) return 0;
  return readdirSync(dir, { withFileTypes: true }).reduce((t, e) => {
    const p = path.join(dir, e.name);
    return Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }, 0);
}

/** The production build, made when `dist/` lacks it or is older than the sources it comes from. */
export function ensureBuild(): void {
  const built = path.join(DIST, "taskpane.html");
  const sources = Math.max(newest(path.join(ROOT, "src")), newest(path.join(ROOT, "assets")), statSync(path.join(ROOT, "webpack.config.js")).mtimeMs, statSync(path.join(ROOT, "manifest.xml")).mtimeMs);
  if (existsSync(built) && statSync(built).mtimeMs >= sources) return;
  const r = spawnSync(path.join(ROOT, "node_modules/.bin/webpack"), ["--mode", "production"], { cwd: ROOT, stdio: "inherit" });
  if (r.status !== 0) throw new Error("the production build failed");
}

const TYPES: Record<string, string> = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".png": "image/png", ".xml": "application/xml" };

/** Serves `dist/` on a free loopback port, as any static server would. */
export function serveDist(): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const file = path.join(DIST, path.normalize(decodeURIComponent(url.pathname)).replace(/^([/\\])+/, ""));
    if (!file.startsWith(DIST) || !existsSync(file) || statSync(file).isDirectory()) return void res.writeHead(404).end();
    res.writeHead(200, { "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve({ server, url: `http://127.0.0.1:${(server.address() as { port: number }).port}` })));
}

/** Debian's Chromium, headless, with nothing reaching out to the network. */
export async function launch(userAgent?: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(mkdtempSync(path.join(tmpdir(), "chromium-")), {
    executablePath: CHROMIUM,
    headless: true,
    acceptDownloads: true,
    ...(userAgent ? { userAgent } : {}),
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}
