import { promises as fs, constants as fsConstants, rmSync, type Stats } from "node:fs";
import { hostname } from "node:os";
import * as path from "node:path";
import JSZip from "jszip";
import { fileErrorOf, WorkbookFileError } from "./errors";

/** A workbook file as read: where it really lives (symlinks followed), its bytes and its identity. */
export interface WorkbookOnDisk {
  /** The path as the user gave it. */
  file: string;
  /** The real file a write goes to (a symlink's target). */
  target: string;
  bytes: Buffer;
  stat: Stats;
}

async function realTarget(file: string): Promise<string> {
  try {
    return await fs.realpath(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw fileErrorOf(e, file);
    // A new file: its folder must exist.
    const dir = path.dirname(path.resolve(file));
    const real = await fs.realpath(dir).catch((err: unknown) => {
      throw new WorkbookFileError("folder-missing", dir, "", { cause: err });
    });
    return path.join(real, path.basename(file));
  }
}

/** The largest file any command reads: far above a commune's workbook (200,000 ledger rows: 10 MB). */
export const MAX_FILE_BYTES = 512 * 1024 * 1024;

/**
 * Reads a regular file whole, in bounded time and memory: a folder, a FIFO, a device (`/dev/zero`)
 * or a socket is refused without waiting on it (opened non-blocking, checked before any read), and
 * so is a file larger than `maxBytes`. Symlinks are followed.
 */
export async function readRegularFile(file: string, maxBytes = MAX_FILE_BYTES): Promise<{ bytes: Buffer; stat: Stats }> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(file, fsConstants.O_RDONLY | fsConstants.O_NONBLOCK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new WorkbookFileError("not-found", file, "", { cause: e });
    if (code === "EISDIR") throw new WorkbookFileError("not-a-file", file, "là một thư mục", { cause: e });
    if (code === "ENXIO") throw new WorkbookFileError("not-a-file", file, "ống dẫn hoặc thiết bị", { cause: e });
    throw fileErrorOf(e, file);
  }
  try {
    const stat = await handle.stat();
    if (stat.isDirectory()) throw new WorkbookFileError("not-a-file", file, "là một thư mục");
    if (!stat.isFile()) throw new WorkbookFileError("not-a-file", file, stat.isFIFO() ? "ống dẫn (FIFO)" : stat.isSocket() ? "ổ cắm mạng" : "thiết bị");
    if (stat.size > maxBytes) throw new WorkbookFileError("oversized", file, `nặng ${(stat.size / 1024 / 1024).toFixed(0)} MB, quá ${(maxBytes / 1024 / 1024).toFixed(0)} MB`);
    // Read what the size says and no more: a file that grows meanwhile is not followed.
    const bytes = Buffer.alloc(stat.size);
    let done = 0;
    while (done < stat.size) {
      const { bytesRead } = await handle.read(bytes, done, stat.size - done, done);
      if (bytesRead === 0) break;
      done += bytesRead;
    }
    return { bytes: done === stat.size ? bytes : bytes.subarray(0, done), stat };
  } catch (e) {
    throw fileErrorOf(e, file);
  } finally {
    await handle.close();
  }
}

/** Reads a workbook file; refuses a missing file or one that is not an .xlsx package. */
export async function readWorkbookFile(file: string): Promise<WorkbookOnDisk> {
  const target = await realTarget(file);
  const { bytes, stat } = await readRegularFile(target).catch((e: unknown) => {
    // Named as the user gave it, not by its real path.
    if (e instanceof WorkbookFileError) throw new WorkbookFileError(e.problem, file, e.detail, { cause: e });
    throw e;
  });
  // An OLE compound file: an Excel 97-2003 .xls, or an .xlsx encrypted with a password to open.
  if (bytes.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))) throw new WorkbookFileError("legacy-or-encrypted", file);
  try {
    const zip = await JSZip.loadAsync(bytes);
    if (!Object.keys(zip.files).some((n) => /(^|[\\/])workbook\.xml$/i.test(n))) throw new Error("no workbook part");
  } catch (e) {
    throw new WorkbookFileError("not-a-workbook", file, "", { cause: e });
  }
  return { file, target, bytes, stat };
}

/** Excel's owner file `~$name.xlsx` beside a workbook means someone has it open. */
async function openInExcel(target: string): Promise<boolean> {
  const owner = path.join(path.dirname(target), `~$${path.basename(target)}`);
  return fs.access(owner).then(
    () => true,
    () => false,
  );
}

const lockName = (target: string) => path.join(path.dirname(target), `.~${path.basename(target)}.sotheodoi-lock`);
const tempPrefix = (target: string) => `.${path.basename(target)}.`;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Paths to remove if the process is interrupted in the middle of a write. */
const pendingCleanup = new Set<string>();
let handlersInstalled = false;

function installSignalCleanup(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.once(signal, () => {
      for (const p of pendingCleanup) {
        try {
          rmSync(p, { force: true });
        } catch {
          // Best effort: the next run removes what is left.
        }
      }
      process.exit(signal === "SIGINT" ? 130 : 143);
    });
  }
}

/**
 * The right to write one file: a lock file beside it, taken exclusively. A lock left by a process
 * that no longer runs (on this computer) is taken over, and the temporary files it left removed.
 */
export class FileLock {
  private constructor(
    readonly target: string,
    private readonly lockPath: string,
  ) {}

  /** A lock left empty or unreadable (a full disk, a crash while writing it) was found and removed. */
  recovered = false;

  static async take(file: string): Promise<FileLock> {
    const target = await realTarget(file);
    const lockPath = lockName(target);
    installSignalCleanup();
    let recovered = false;
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        await fs.writeFile(lockPath, JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString() }), { flag: "wx" });
        pendingCleanup.add(lockPath);
        await removeStaleTemps(target);
        await observer?.("locked");
        const lock = new FileLock(target, lockPath);
        lock.recovered = recovered;
        return lock;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw fileErrorOf(e, file);
        const holder = await readLock(lockPath);
        if (holder === "unreadable") {
          // Written in one call just after it is made: empty or broken for longer than a moment, it was never finished.
          const age = Date.now() - ((await fs.stat(lockPath).catch(() => undefined))?.mtimeMs ?? Date.now());
          if (age < UNFINISHED_LOCK_MS) throw new WorkbookFileError("busy", file);
          recovered = true;
        } else {
          const stale = holder.host === hostname() && typeof holder.pid === "number" && !alive(holder.pid);
          if (!stale) throw new WorkbookFileError("busy", file, holder.pid ? `pid ${holder.pid}` : "");
          if (holder.backup) await removeUselessBackup(holder.backup, target);
        }
        await fs.rm(lockPath, { force: true });
      }
    }
    throw new WorkbookFileError("busy", file);
  }

  /** Notes in the lock the backup about to be made, so that a run killed after making it can be tidied. */
  async noteBackup(backup: string): Promise<void> {
    await fs.writeFile(this.lockPath, JSON.stringify({ pid: process.pid, host: hostname(), backup }));
  }

  async release(): Promise<void> {
    pendingCleanup.delete(this.lockPath);
    await fs.rm(this.lockPath, { force: true });
  }
}

interface LockInfo {
  pid?: number;
  host?: string;
  backup?: string;
}

/** How long a lock may stay empty or unreadable while its maker writes it. */
const UNFINISHED_LOCK_MS = 10_000;

/** A lock's content; "unreadable" when empty or not what this program writes (a full disk cut it). */
async function readLock(lockPath: string): Promise<LockInfo | "unreadable"> {
  let text: string;
  try {
    text = await fs.readFile(lockPath, "utf8");
  } catch {
    // Gone since: the next attempt takes it.
    return {};
  }
  try {
    const parsed = JSON.parse(text) as unknown;
    return typeof parsed === "object" && parsed !== null && !Array.isArray(parsed) ? parsed : "unreadable";
  } catch {
    return "unreadable";
  }
}

/** A backup left by a killed run is removed only when it is the very file as it stands (nothing to lose). */
async function removeUselessBackup(backup: string, target: string): Promise<void> {
  const [a, b] = await Promise.all([fs.readFile(backup).catch(() => undefined), fs.readFile(target).catch(() => undefined)]);
  if (a && b && a.equals(b)) await fs.rm(backup, { force: true });
}

async function removeStaleTemps(target: string): Promise<void> {
  const dir = path.dirname(target);
  const prefix = tempPrefix(target);
  for (const name of await fs.readdir(dir).catch(() => [] as string[])) {
    const m = name.startsWith(prefix) ? /\.(\d+)\.tmp$/.exec(name) : null;
    if (m && !alive(Number(m[1]))) await fs.rm(path.join(dir, name), { force: true });
  }
}

export interface ReplaceOptions {
  /** The file as it was read: the write refuses if the file on disk is no longer this one. */
  original?: WorkbookOnDisk;
  /** Copy the original here just before it is replaced (never over an existing file). */
  backup?: string;
  /** Refuse if the target exists (writing a new file with --out). */
  noClobber?: boolean;
  /** Called at each step, for tests that interrupt a write there. */
  onStep?: (step: WriteStep) => void | Promise<void>;
}

export type WriteStep = "locked" | "temp-written" | "temp-checked" | "original-checked" | "backup-written" | "replaced";

let observer: ((step: WriteStep) => void | Promise<void>) | undefined;

/** Watches every write's steps (fault tests interrupt a write at each of them). */
export function observeWriteSteps(f: ((step: WriteStep) => void | Promise<void>) | undefined): void {
  observer = f;
}

async function sameAsRead(target: string, original: WorkbookOnDisk): Promise<boolean> {
  const now = await fs.stat(target).catch(() => undefined);
  if (!now || now.size !== original.stat.size || now.ino !== original.stat.ino || now.mtimeMs !== original.stat.mtimeMs) return false;
  return (await fs.readFile(target)).equals(original.bytes);
}

/**
 * Writes `data` as the file, the only safe way: a temporary file beside it (same mode, owner and
 * group where permitted), read back and compared, then checked that the file on disk is still the
 * one that was read, then renamed over it (through a symlink, onto its target). The caller holds
 * the file's lock. On any failure the original stays as it was and the temporary file is removed.
 */
export async function replaceFile(lock: FileLock, data: Uint8Array, options: ReplaceOptions = {}): Promise<void> {
  const target = lock.target;
  if (await openInExcel(target)) throw new WorkbookFileError("locked", target);
  const tmp = path.join(path.dirname(target), `${tempPrefix(target)}${process.pid}.tmp`);
  const step = async (s: WriteStep) => {
    await options.onStep?.(s);
    await observer?.(s);
  };
  pendingCleanup.add(tmp);
  let backupWritten = false;
  try {
    const existing = await fs.stat(target).catch(() => undefined);
    if (existing && options.noClobber) throw new WorkbookFileError("would-overwrite", target, "tệp đã có");
    // A file set read-only (no write permission for anyone) is refused, not replaced: a rename would ignore the setting.
    if (existing && (existing.mode & 0o222) === 0) throw new WorkbookFileError("read-only", target, "tệp đặt chỉ đọc");
    const mode = (options.original?.stat ?? existing)?.mode;
    const handle = await fs.open(tmp, "wx", mode !== undefined ? mode & 0o7777 : 0o644);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (mode !== undefined) await fs.chmod(tmp, mode & 0o7777);
    const owner = options.original?.stat ?? existing;
    if (owner) await fs.chown(tmp, owner.uid, owner.gid).catch(() => undefined);
    await step("temp-written");
    if (!(await fs.readFile(tmp)).equals(Buffer.from(data.buffer, data.byteOffset, data.byteLength))) throw new WorkbookFileError("write-failed", target, "bản ghi thử khác dữ liệu");
    await step("temp-checked");
    if (options.original && !(await sameAsRead(target, options.original))) throw new WorkbookFileError("changed-meanwhile", target);
    await step("original-checked");
    if (options.backup) {
      await lock.noteBackup(options.backup);
      await fs.copyFile(target, options.backup, fsConstants.COPYFILE_EXCL);
      backupWritten = true;
      pendingCleanup.add(options.backup);
      await step("backup-written");
    }
    if (options.noClobber) {
      // link() never replaces a file someone created in the meantime.
      await fs.link(tmp, target);
      await fs.rm(tmp, { force: true });
    } else await fs.rename(tmp, target);
    pendingCleanup.delete(tmp);
    if (options.backup) pendingCleanup.delete(options.backup);
    await syncFolder(path.dirname(target));
    await step("replaced");
  } catch (e) {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    pendingCleanup.delete(tmp);
    // The original was not replaced: a copy of it would only be clutter.
    if (backupWritten && options.backup) await fs.rm(options.backup, { force: true }).catch(() => undefined);
    if (options.backup) pendingCleanup.delete(options.backup);
    if ((e as NodeJS.ErrnoException).code === "EEXIST" && options.noClobber) throw new WorkbookFileError("would-overwrite", target, "tệp đã có", { cause: e });
    throw fileErrorOf(e, target);
  }
}

async function syncFolder(dir: string): Promise<void> {
  const handle = await fs.open(dir, "r").catch(() => undefined);
  if (!handle) return;
  await handle.sync().catch(() => undefined);
  await handle.close();
}
