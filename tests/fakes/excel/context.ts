import { FakeExcelError, FakeWorkbookState } from "./state";

/** Excel on the web refuses a request or a response over 5 MB. */
export const PAYLOAD_LIMIT = 5 * 1024 * 1024;

/**
 * The size model: a request or a response is UTF-8 JSON, so Vietnamese text weighs two or three
 * bytes a letter, and every call and every object adds its own envelope (ids, method and property
 * names, types). The envelope figures are estimates of the JSON Office.js sends, not measured.
 */
export const CALL_BYTES = 120;
export const OBJECT_BYTES = 60;

/** Bytes of a value as UTF-8 JSON. */
export function jsonBytes(v: unknown): number {
  return Buffer.byteLength(JSON.stringify(v ?? null), "utf8");
}

type Op = { kind: "write"; run: () => void; bytes: number } | { kind: "load"; run: () => number };

/** Every sync and its sizes, for tests and the benchmark. */
export interface SyncRecord {
  requestBytes: number;
  responseBytes: number;
  operations: number;
}

/** Requirement sets: what the manifest declares, what this Excel supports, what the code asked. */
export class FakeRequirements {
  readonly asked = new Set<string>();
  constructor(
    readonly declared = "1.8",
    readonly supported = "1.17",
  ) {}

  isSetSupported(name: string, version: string): boolean {
    this.asked.add(`${name} ${version}`);
    return name === "ExcelApi" && compareVersions(version, this.supported) <= 0;
  }

  /** Throws as Excel would for a member above the declared set that the code did not ask about first. */
  use(member: string, version: string): void {
    if (compareVersions(version, this.declared) <= 0) return;
    // A set that is supported includes every earlier version: asking for 1.12 covers a 1.11 member.
    if (![...this.asked].some((a) => a.startsWith("ExcelApi ") && compareVersions(a.slice("ExcelApi ".length), version) >= 0)) {
      throw new FakeExcelError("ApiNotGuarded", `${member} needs ExcelApi ${version}, above the declared ${this.declared}, and isSetSupported was not asked first.`);
    }
    if (compareVersions(version, this.supported) > 0) throw new FakeExcelError("ApiNotFound", `${member} is not available in this Excel (ExcelApi ${this.supported}).`);
  }
}

export function compareVersions(a: string, b: string): number {
  const [a1, a2] = a.split(".").map(Number) as [number, number];
  const [b1, b2] = b.split(".").map(Number) as [number, number];
  return a1 - b1 || a2 - b2;
}

/** The batch: queued writes and loads run, in order, only at `sync()`. */
export class FakeContext {
  readonly syncs: SyncRecord[] = [];
  /** Syncs Excel refused for their size. */
  payloadRefusals = 0;
  private queue: Op[] = [];

  constructor(
    readonly state: FakeWorkbookState,
    readonly requirements: FakeRequirements,
    /** A run that syncs more often than this is refused: a sync in a loop shows up at once. */
    readonly maxSyncs = Number.POSITIVE_INFINITY,
    /** The run asked to wait while the user edits a cell (`RunOptions.delayForCellEdit`). */
    private readonly delayForCellEdit = false,
  ) {}

  write(args: unknown, run: () => void): void {
    this.queue.push({ kind: "write", run, bytes: jsonBytes(args) + CALL_BYTES });
  }

  /** A load: `run` snapshots the properties and returns their size in the response. */
  load(run: () => number): void {
    this.queue.push({ kind: "load", run });
  }

  sync(): Promise<void> {
    if (this.syncs.length >= this.maxSyncs) {
      return Promise.reject(new FakeExcelError("TooManySyncs", `More than ${this.maxSyncs} context.sync() calls in one Excel.run: a sync inside a loop?`));
    }
    // Excel.RunOptions: "When false, if the user is in cell edit when the batch request is processed
    // by the host, the batch automatically fails"; when true it waits until the user leaves the cell.
    this.state.syncsSoFar++;
    if (this.state.editStartsAtSync === this.state.syncsSoFar) this.state.editingCell = true;
    if (this.state.inactiveFromSync === this.state.syncsSoFar) this.state.inactive = true;
    if (this.state.inactive) {
      this.queue = [];
      return Promise.reject(new FakeExcelError("InactiveWorkbook", "The operation failed because multiple workbooks are open and the workbook being called by this API has lost focus."));
    }
    if (this.state.editingCell) {
      if (!this.delayForCellEdit) {
        this.queue = [];
        return Promise.reject(new FakeExcelError("InvalidOperationInCellEditMode", "This operation is not allowed while the user is editing a cell."));
      }
      this.state.editingCell = false;
    }
    const ops = this.queue;
    this.queue = [];
    const requestBytes = ops.reduce((n, op) => n + (op.kind === "write" ? op.bytes : CALL_BYTES), 0);
    if (requestBytes > PAYLOAD_LIMIT) {
      this.payloadRefusals++;
      return Promise.reject(new FakeExcelError("RequestPayloadSizeLimitExceeded", `Request of ${requestBytes} bytes.`));
    }
    let responseBytes = 0;
    try {
      for (const op of ops) {
        if (op.kind === "write") {
          this.state.version++;
          op.run();
        }
        else responseBytes += op.run();
      }
    } catch (e) {
      return Promise.reject(e instanceof Error ? e : new Error(String(e)));
    }
    this.syncs.push({ requestBytes, responseBytes, operations: ops.length });
    if (responseBytes > PAYLOAD_LIMIT) {
      this.payloadRefusals++;
      this.syncs.pop();
      return Promise.reject(new FakeExcelError("ResponsePayloadSizeLimitExceeded", `Response of ${responseBytes} bytes.`));
    }
    return Promise.resolve();
  }
}
