import { PackageLimitError } from "../xlsx/ooxml/limits";

/** A plan's file that could not be read: a .docx that is not one, or a file of another kind. */
export class PlanFileError extends Error {
  constructor(
    readonly problem: "not-a-docx" | "unsupported",
    readonly file: string,
  ) {
    super(`${problem}: ${file}`);
    this.name = "PlanFileError";
  }
}

/**
 * The text of a plan's file: a Word document (.docx, its paragraphs and table cells one a line,
 * read with mammoth) or plain text (.txt, UTF-8). Anything else is refused by name.
 */
export async function planTextOf(bytes: Uint8Array, file: string): Promise<string> {
  const lower = file.toLowerCase();
  if (lower.endsWith(".docx")) {
    // Every part inflated once within the package limits first: mammoth's own zip reader has none.
    const { ZipPackage } = await import(/* webpackChunkName: "docx" */ "../xlsx/ooxml/zipPackage");
    try {
      (await ZipPackage.load(bytes)).verifyAll();
    } catch (e) {
      if (e instanceof PackageLimitError) throw e;
      throw new PlanFileError("not-a-docx", file);
    }
    // The Word reader loads only when a .docx is opened.
    const mammoth = (await import(/* webpackChunkName: "docx" */ "mammoth")).default;
    try {
      // A copy of exactly these bytes (a Node Buffer may be a view into a larger pool).
      const copy = new Uint8Array(bytes);
      // mammoth reads `buffer` in Node and `arrayBuffer` in the browser.
      const input = { buffer: copy as Buffer, arrayBuffer: copy.buffer };
      const r = await mammoth.extractRawText(input);
      return r.value;
    } catch {
      throw new PlanFileError("not-a-docx", file);
    }
  }
  if (lower.endsWith(".txt") || lower.endsWith(".text") || !/\.[a-z0-9]{2,5}$/.test(lower)) {
    return new TextDecoder("utf-8").decode(bytes).replace(/^\uFEFF/, "");
  }
  throw new PlanFileError("unsupported", file);
}
