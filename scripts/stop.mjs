// npm stop: ends the server that npm start left running, and the sideloading where it was done.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const PID_FILE = path.join(ROOT, ".addin-server.pid");

if (process.platform === "win32" || process.platform === "darwin") {
  spawnSync(path.join(ROOT, "node_modules", ".bin", process.platform === "win32" ? "office-addin-debugging.cmd" : "office-addin-debugging"), ["stop", "manifest.xml"], { cwd: ROOT, stdio: "inherit" });
}
if (existsSync(PID_FILE)) {
  const pid = Number(readFileSync(PID_FILE, "utf8"));
  try {
    process.kill(pid, "SIGTERM");
    console.log(`Đã dừng máy chủ (tiến trình ${pid}).`);
  } catch {
    console.log("Máy chủ đã dừng từ trước.");
  }
  rmSync(PID_FILE, { force: true });
} else {
  console.log("Không có máy chủ nào do npm start mở.");
}
