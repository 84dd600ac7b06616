// npm start: build the pane, serve it over https on localhost:3000 with Office's development
// certificates, and sideload into Excel where office-addin-debugging can (Windows, macOS).
// Elsewhere (Linux), it serves and prints how to sideload into Excel on the web.
// npm stop ends what this started.
import { spawn, spawnSync } from "node:child_process";
import { createReadStream, existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:https";
import * as path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const DIST = path.join(ROOT, "dist");
const PID_FILE = path.join(ROOT, ".addin-server.pid");
const PORT = 3000;
const bin = (name) => path.join(ROOT, "node_modules", ".bin", process.platform === "win32" ? `${name}.cmd` : name);

function build() {
  const r = spawnSync(bin("webpack"), ["--mode", "development"], { cwd: ROOT, stdio: "inherit" });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

async function certificates() {
  const { getHttpsServerOptions, generateCertificates } = await import("office-addin-dev-certs");
  try {
    return await getHttpsServerOptions();
  } catch {
    // Trusting the certificate needs administrator rights; the files are still made, and the
    // browser will ask once to accept them.
    const dir = path.join(process.env.HOME ?? ROOT, ".office-addin-dev-certs");
    if (!existsSync(path.join(dir, "localhost.crt"))) await generateCertificates();
    return { ca: readFileSync(path.join(dir, "ca.crt")), cert: readFileSync(path.join(dir, "localhost.crt")), key: readFileSync(path.join(dir, "localhost.key")) };
  }
}

const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".png": "image/png", ".xml": "application/xml", ".map": "application/json", ".txt": "text/plain" };

function serve(options) {
  const server = createServer(options, (req, res) => {
    const url = new URL(req.url ?? "/", `https://localhost:${PORT}`);
    const file = path.join(DIST, path.normalize(decodeURIComponent(url.pathname)).replace(/^([/\\])+/, ""));
    if (!file.startsWith(DIST) || !existsSync(file) || statSync(file).isDirectory()) {
      res.writeHead(404).end("Không tìm thấy");
      return;
    }
    res.writeHead(200, { "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream", "Access-Control-Allow-Origin": "*" });
    createReadStream(file).pipe(res);
  });
  server.listen(PORT, "localhost", () => console.log(`Khung làm việc đang chạy tại https://localhost:${PORT}/taskpane.html`));
  return server;
}

build();
const server = serve(await certificates());
writeFileSync(PID_FILE, String(process.pid));
if (process.platform === "win32" || process.platform === "darwin") {
  spawn(bin("office-addin-debugging"), ["start", "manifest.xml", "desktop", "--no-debug", "--dev-server-port", String(PORT)], { cwd: ROOT, stdio: "inherit" });
} else {
  console.log(
    [
      "",
      "Excel không chạy trên máy này, nên không tự nạp (sideload) được.",
      "Để dùng thử trong Excel trên web: mở một sổ tính ở Microsoft 365 trên web,",
      "chọn Trang đầu > Bổ trợ > Thêm bổ trợ khác > Tải bổ trợ của tôi lên, rồi chọn tệp manifest.xml.",
      "(Excel on the web: Home > Add-ins > More add-ins > Upload My Add-in > manifest.xml.)",
      "Dừng máy chủ: npm stop",
    ].join("\n"),
  );
}
const stop = () => server.close(() => process.exit(0));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
