import { copyFileSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import JSZip from "jszip";
import { XlsxWorkbook } from "../src/adapters/xlsx/xlsxWorkbook";
import { run } from "../src/cli/main";
import { newDeadline } from "../src/domain/collect/remind";
import { captureOutput } from "./helpers/output";

const dir = mkdtempSync(path.join(tmpdir(), "remind-"));
const demo = path.join(dir, "demo.xlsx");

beforeAll(async () => {
  expect((await captureOutput(() => run(["demo", "--out", demo]))).code).toBe(0);
});

/** Whose forms the commune workbook records as issued for a period. */
async function issuedOwners(file: string): Promise<string[]> {
  const t = (await (await XlsxWorkbook.fromBuffer(readFileSync(file))).readTables(["tblPhieuDaPhat"])).get("tblPhieuDaPhat")!;
  return t.rows.map((r) => r[t.headers.indexOf("Phiếu của")] as string);
}

describe("remind FILE --period P (the forms not back by their due date)", () => {
  const commune = path.join(dir, "xa.xlsx");
  const forms = path.join(dir, "phieu");

  beforeAll(async () => {
    copyFileSync(demo, commune);
    expect((await captureOutput(() => run(["collect", commune, "--period", "2021-S2", "--due", "2022-01-05", "--out", forms, "--today", "2022-01-02"]))).code).toBe(0);
    // Two forms come back (merged as sent: a return with nothing changed is still a return).
    const back = ["Phieu-bao-cao-Tram-y-te-xa-2021-S2.xlsx", "Phieu-bao-cao-Thon-mau-1-2021-S2.xlsx"];
    expect(readdirSync(forms)).toEqual(expect.arrayContaining(back));
    expect((await captureOutput(() => run(["merge", commune, ...back.map((f) => path.join(forms, f)), "--today", "2022-01-04"]))).code).toBe(0);
  });

  it("before the due date: nobody is late, nothing is written, exit 1 with the reason", async () => {
    const before = readFileSync(commune);
    const r = await captureOutput(() => run(["remind", commune, "--period", "2021-S2", "--today", "2022-01-05"]));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("chưa đến hạn (hạn sớm nhất ngày 05/01/2022)");
    expect(readFileSync(commune).equals(before)).toBe(true);
  });

  it("after it: the letter names exactly the senders not back, each with a message; the letter is a sheet and a Word file", async () => {
    const docx = path.join(dir, "don-doc.docx");
    const r = await captureOutput(() => run(["remind", commune, "--period", "2021-S2", "--today", "2022-01-10", "--json", "--docx", docx]));
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as { missing: { owner: string; kind: string; due: string; form: string; message: string }[]; newDue: string };
    const expected = (await issuedOwners(commune)).filter((o) => o !== "Trạm y tế xã" && o !== "Thôn mẫu 1");
    expect(j.missing.map((m) => m.owner).sort()).toEqual([...expected].sort());
    expect(j.missing.every((m) => m.due === "2022-01-05" && /^Phieu-bao-cao-.*-2021-S2\.xlsx$/.test(m.form) && (m.kind === "unit" || m.kind === "village"))).toBe(true);
    // 10/01/2022 is a Monday: five days on is Saturday 15, moved to Monday 17.
    expect(j.newDue).toBe("2022-01-17");
    for (const m of j.missing) {
      expect(m.message).toContain(`Kính gửi ${m.owner}:`);
      expect(m.message).toContain(m.form);
      expect(m.message).toContain("05/01/2022");
      expect(m.message).toContain("17/01/2022");
    }
    const book = await XlsxWorkbook.fromBuffer(readFileSync(commune));
    const sheet = "Đôn đốc 6 tháng cuối năm 2021";
    expect((await book.summarize()).sheets.map((s) => s.name)).toContain(sheet);
    const cells = (await book.readRanges([{ sheet, range: { top: 0, left: 0, bottom: 60, right: 11 } }]))[0]!.flat().filter((v): v is string => typeof v === "string");
    for (const m of j.missing) expect(cells).toContain(m.owner);
    expect(cells).not.toContain("Trạm y tế xã");
    expect(cells).toContain("V/v đôn đốc gửi phiếu báo cáo 6 tháng cuối năm 2021");
    const doc = await (await JSZip.loadAsync(readFileSync(docx))).file("word/document.xml")!.async("string");
    for (const m of j.missing) expect(doc).toContain(m.owner);
  });

  it("when every form is back: exit 1, nothing written", async () => {
    const all = path.join(dir, "xa-du.xlsx");
    copyFileSync(demo, all);
    const out = path.join(dir, "phieu-du");
    expect((await captureOutput(() => run(["collect", all, "--period", "2021-S2", "--due", "2022-01-05", "--out", out, "--today", "2022-01-02"]))).code).toBe(0);
    expect((await captureOutput(() => run(["merge", all, ...readdirSync(out).map((f) => path.join(out, f)), "--today", "2022-01-04"]))).code).toBe(0);
    const before = readFileSync(all);
    const r = await captureOutput(() => run(["remind", all, "--period", "2021-S2", "--today", "2022-01-20"]));
    expect([r.code, r.stderr.includes("mọi đơn vị, thôn đã gửi lại phiếu")]).toEqual([1, true]);
    expect(readFileSync(all).equals(before)).toBe(true);
    // And a period no form was made for.
    const none = await captureOutput(() => run(["remind", all, "--period", "2021-S1", "--today", "2022-01-20"]));
    expect([none.code, none.stderr.includes("chưa ghi phiếu nào đã phát")]).toEqual([1, true]);
  });

  it("a new deadline never falls on a weekend", () => {
    expect(["2022-01-10", "2022-01-11", "2022-01-12", "2022-01-13", "2022-01-14"].map(newDeadline)).toEqual(["2022-01-17", "2022-01-17", "2022-01-17", "2022-01-18", "2022-01-19"]);
  });
});
