import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import type { Server } from "node:http";
import * as path from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { XlsxWorkbook } from "../../src/adapters/xlsx/xlsxWorkbook";
import { applyTemplates } from "../../src/domain/template/applyTemplates";
import { chauSonPlan } from "../../src/domain/sample/chauSonPlan";
import { demoRows } from "../../src/domain/sample/demoData";
import { baseBook, cellOf } from "../fixtures/base";
import { ledgerBankRows } from "../../src/domain/bank/reconcileJob";
import { describeWithChromium, ensureBuild, launch, ROOT, serveDist } from "../helpers/browser";

const OUTPUT = path.join(ROOT, "test-output", "e2e");

/** Serious and critical axe violations on the page as it stands (colour contrast included). */
async function axeViolations(p: Page): Promise<string[]> {
  await p.addScriptTag({ path: require.resolve("axe-core/axe.min.js") });
  return p.evaluate(async () => {
    type Axe = { run: (ctx: { exclude: string[][] }) => Promise<{ violations: { id: string; impact: string; nodes: { html: string }[] }[] }> };
    const axe = (window as unknown as { axe: Axe }).axe;
    // Fluent's focus manager (tabster) places invisible focus guards marked aria-hidden on
    // purpose, to keep keyboard focus in dialogs and lists; axe reports them as
    // aria-hidden-focus. They are left out; everything the user can see or reach is checked.
    const r = await axe.run({ exclude: [["[data-tabster-dummy]"]] });
    return r.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.html.slice(0, 300)).join(" | ")}`);
  });
}

describeWithChromium("the pane in preview mode, in Chromium, on the production build", () => {
  let server: Server;
  let url: string;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    ensureBuild();
    ({ server, url } = await serveDist());
    context = await launch();
    page = await context.newPage();
    // Office.js is not reachable here: the page must fall back to the preview by itself.
    await page.route("https://appsforoffice.microsoft.com/**", (r) => r.abort());
    mkdirSync(path.join(OUTPUT, "sections"), { recursive: true });
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    server?.close();
  });

  const shot = (name: string) => page.screenshot({ path: path.join(OUTPUT, `${name}.png`), fullPage: true });

  it("loads the sample and shows the templates already in place", async () => {
    await page.goto(`${url}/taskpane.html`);
    await page.getByRole("button", { name: "Dùng sổ mẫu" }).click();
    await page.getByText("Sổ đã có đủ các trang, bảng và cột mẫu.").waitFor({ timeout: 30_000 });
    await shot("1-mau-bieu");
  }, 60_000);

  it("refuses a file that is not a workbook in Vietnamese, and keeps the open workbook open and named", async () => {
    for (const [name, content, says] of [
      ["bang.csv", "Ngày,Số tiền\n15/06/2021,1000000\n", "không phải sổ tính Excel"],
      ["cu.xls", Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]), "Excel 97-2003"],
      ["rong.xlsx", "", "không phải sổ tính Excel"],
    ] as const) {
      await page.getByLabel("Mở tệp Excel…", { exact: true }).setInputFiles({ name, mimeType: "application/octet-stream", buffer: typeof content === "string" ? Buffer.from(content) : content });
      await page.getByText(says).first().waitFor({ timeout: 30_000 });
      expect(await page.getByText(name).count()).toBeGreaterThan(0);
      expect(await page.getByText(/central directory|Error|undefined/).count()).toBe(0);
      await page.getByText("(so-mau-chau-son-2021.xlsx)").waitFor();
    }
    // An OpenDocument spreadsheet, made by LibreOffice when it is here.
    const ods = path.join(OUTPUT, "bang.ods");
    if (existsSync(ods) || spawnSync("soffice", ["--headless", "--convert-to", "ods", "--outdir", OUTPUT, path.join(ROOT, "tests/fixtures/bang.csv")], { timeout: 60_000 }).status === 0) {
      await page.getByLabel("Mở tệp Excel…", { exact: true }).setInputFiles(ods);
      await page.getByText('Tệp "bang.ods" không phải sổ tính Excel').waitFor({ timeout: 30_000 });
    }
    // A file beyond what a browser tab should hold, made in the page (never sent over the wire).
    await page.evaluate(() => {
      const input = document.querySelector<HTMLInputElement>('input[type="file"][aria-label="Mở tệp Excel…"]')!;
      const files = new DataTransfer();
      files.items.add(new File([new Uint8Array(101 * 1024 * 1024)], "rat-lon.xlsx"));
      input.files = files.files;
      input.dispatchEvent(new Event("change", { bubbles: true }));
    });
    await page.getByText('Tệp "rat-lon.xlsx" nặng 101 MB, quá sức đọc của bản xem thử trong trình duyệt.', { exact: false }).waitFor({ timeout: 30_000 });
    await page.getByText("(so-mau-chau-son-2021.xlsx)").waitFor();
  }, 90_000);

  it("on someone's workbook without a plan: reads the plan's .docx, then applies the templates after showing what they will add", async () => {
    const ExcelJS = (await import("exceljs")).default;
    const own = new ExcelJS.Workbook();
    own.addWorksheet("Sổ của tôi").getCell("A1").value = "Ghi chép riêng";
    await page.getByLabel("Mở tệp Excel…", { exact: true }).setInputFiles({ name: "so-rieng.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: Buffer.from(await own.xlsx.writeBuffer()) });
    // The Kế hoạch step first: the plan's Word file opened, what was read shown.
    await page.getByText("Sổ này chưa có kế hoạch.", { exact: false }).waitFor({ timeout: 30_000 });
    await shot("0-ke-hoach");
    // Pasted text is read as well (another commune's plan), then the .docx replaces it.
    await page.getByRole("textbox", { name: "Nội dung kế hoạch" }).fill(readFileSync(path.join(ROOT, "tests/fixtures/plans/bien-the-an-binh-2025.txt"), "utf8"));
    await page.getByRole("button", { name: "Đọc kế hoạch" }).click();
    await page.getByRole("heading", { name: "Đơn vị và nhiệm vụ (4 đơn vị, 5 nhiệm vụ)" }).waitFor({ timeout: 30_000 });
    expect(await page.getByRole("textbox", { name: "Tên phong trào" }).inputValue()).toBe("Chung tay xây dựng nông thôn mới");
    await page.locator('input[type="file"][accept=".docx,.txt"]').setInputFiles(path.join(ROOT, "tests/fixtures/plans/ke-hoach-chau-son-2021.docx"));
    await page.getByRole("heading", { name: "Đơn vị và nhiệm vụ (11 đơn vị, 26 nhiệm vụ)" }).waitFor({ timeout: 30_000 });
    expect(await page.getByRole("textbox", { name: "Tên phong trào" }).inputValue()).toBe("Toàn dân tham gia phòng, chống dịch Covid-19");
    await shot("0-ke-hoach-da-doc");
    // The same step in a 320 px pane: nothing scrolls sideways.
    await page.setViewportSize({ width: 320, height: 900 });
    await page.getByRole("button", { name: "6 nhiệm vụ" }).click();
    await page.getByRole("textbox", { name: "Nhiệm vụ 6" }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
    // Every control of a task within the pane (the unit list was 482 px wide and hid "Bỏ nhiệm vụ"); a unit's name box the pane's width.
    const right = async (loc: ReturnType<Page["locator"]>) => (await loc.boundingBox())!.x + (await loc.boundingBox())!.width;
    expect(await right(page.getByRole("combobox", { name: "Thuộc đơn vị" }).first())).toBeLessThanOrEqual(320);
    expect(await right(page.getByRole("button", { name: "Bỏ nhiệm vụ" }).first())).toBeLessThanOrEqual(320);
    expect((await page.getByRole("textbox", { name: /^III\.\d+$/ }).first().boundingBox())!.width).toBeGreaterThan(250);
    // A task left empty: marked red beside it, and the problem's "Sửa" opens its unit and puts the cursor in it.
    const sixth = page.getByRole("textbox", { name: "Nhiệm vụ 6" });
    const before = await sixth.inputValue();
    await sixth.fill(" ");
    expect(await sixth.getAttribute("aria-invalid")).toBe("true");
    await page.getByRole("button", { name: "6 nhiệm vụ" }).click();
    await sixth.waitFor({ state: "detached" });
    const fix = page.getByRole("button", { name: /^Sửa: Nhiệm vụ 6 của .* chưa có nội dung$/ });
    await fix.click();
    await page.waitForFunction(() => document.activeElement?.getAttribute("aria-label") === "Nhiệm vụ 6", undefined, { timeout: 5_000 });
    const box = (await sixth.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(900);
    await shot("0-ke-hoach-320-loi");
    await sixth.fill(before);
    expect(await page.getByRole("button", { name: "Dùng kế hoạch này" }).isDisabled()).toBe(false);
    await shot("0-ke-hoach-320");
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.getByRole("button", { name: "Dùng kế hoạch này" }).click();
    await page.getByRole("heading", { name: 'Trang "Nhiệm vụ"' }).waitFor({ timeout: 30_000 });
    await page.getByRole("button", { name: "Thêm mẫu biểu" }).click();
    await page.getByText("Đã thêm mẫu biểu.").waitFor({ timeout: 30_000 });
    await page.getByText("Sổ đã có đủ các trang, bảng và cột mẫu.").waitFor();
  }, 60_000);

  it("validates a workbook with planted errors, shows an issue's cell, fixes it", async () => {
    const book = await baseBook();
    cellOf(book, "tblDongGop", 0, "Số tiền (đồng)").value = "10.000.000";
    cellOf(book, "tblDongGop", 1, "Ngày").value = "06/16/2021";
    const bytes = Buffer.from(await book.xlsx.writeBuffer());
    await page.getByLabel("Mở tệp Excel…", { exact: true }).setInputFiles({ name: "co-loi.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: bytes });
    await page.getByText("(co-loi.xlsx)").waitFor();
    await page.getByRole("tab", { name: "Kiểm tra" }).click();
    await page.getByRole("button", { name: "Kiểm tra dữ liệu" }).click();
    await page.getByText("1 lỗi · 1 cảnh báo · 1 sửa được").waitFor({ timeout: 30_000 });
    await page.getByRole("button", { name: "Đi tới H2" }).click();
    // Once drawn (the sheet's panel opens with a motion), the sheet's header sits above its first issue, not over it.
    let first = (await page.locator("[data-issue]").first().boundingBox())!;
    for (let settled = false, k = 0; !settled && k < 20; k++) {
      await page.waitForTimeout(150);
      const now = (await page.locator("[data-issue]").first().boundingBox())!;
      settled = now.y === first.y;
      first = now;
    }
    const header = (await page.getByRole("button", { name: "Đóng góp · 1 lỗi, 1 cảnh báo" }).boundingBox())!;
    expect(first.y).toBeGreaterThanOrEqual(header.y + header.height - 1);
    await shot("2-kiem-tra");
    // The same list at 320 px: nothing sideways, each filter's name whole on its line.
    await page.setViewportSize({ width: 320, height: 900 });
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
    for (const name of ["Tất cả (2)", "Lỗi (1)", "Cảnh báo (1)"]) expect((await page.getByText(name, { exact: true }).boundingBox())!.height).toBeLessThan(45);
    await shot("2-kiem-tra-320");
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.getByRole("button", { name: "Sửa H2" }).click();
    await page.getByText("Đã sửa 1 ô.").waitFor();
    await page.getByText("1 lỗi · 0 cảnh báo · 0 sửa được").waitFor();
  }, 90_000);

  it("at 320×700, shows each result where the clicked button is, with the focus on it; keeps the period and the check across tabs; starts on the plan's year", async () => {
    await page.setViewportSize({ width: 320, height: 700 });
    /** Whether the element's top is on the screen and the focus is on it or inside it. */
    const seenAndFocused = (selector: string) =>
      page.locator(selector).first().evaluate((el) => {
        const r = el.getBoundingClientRect();
        return { top: r.top >= 0 && r.top < window.innerHeight, focused: el === document.activeElement || el.contains(document.activeElement) };
      });
    try {
      await page.getByRole("tab", { name: "Báo cáo" }).click();
      // A 2021 workbook opened years later starts on its own year's last half, not on today's.
      expect(await page.getByRole("radio", { name: "6 tháng cuối năm" }).isChecked()).toBe(true);
      expect(await page.getByRole("textbox", { name: "Năm" }).inputValue()).toBe("2021");
      await page.getByRole("button", { name: "Lập trang báo cáo" }).click();
      const warning = page.getByRole("alert").filter({ hasText: "Trước khi lập báo cáo" });
      await warning.waitFor({ timeout: 30_000 });
      expect(await seenAndFocused('[role="alert"]:has-text("Trước khi lập báo cáo")')).toEqual({ top: true, focused: true });
      await shot("4-canh-bao-320");
      // "Kiểm tra trước" opens Kiểm tra with the check run.
      await page.getByRole("button", { name: "Kiểm tra trước" }).click();
      await page.getByText(/^1 lỗi · \d+ cảnh báo/).waitFor({ timeout: 30_000 });
      expect(await page.getByRole("tab", { name: "Kiểm tra" }).getAttribute("aria-selected")).toBe("true");
      // Back on Báo cáo: the period and the warning are as they were.
      await page.getByRole("tab", { name: "Báo cáo" }).click();
      expect(await page.getByRole("radio", { name: "6 tháng cuối năm" }).isChecked()).toBe(true);
      await page.getByRole("button", { name: "Vẫn lập" }).click();
      const done = page.locator('[data-result="report"]');
      await done.getByText('Đã thêm trang báo cáo "BC 6 tháng cuối năm 2021".').waitFor({ timeout: 30_000 });
      expect(await seenAndFocused('[data-result="report"]')).toEqual({ top: true, focused: true });
      await shot("4-ket-qua-320");
      // The figures come into view beside the button that asked for them.
      await page.getByRole("button", { name: "Xem trước số liệu" }).click();
      await page.getByRole("heading", { name: "Số liệu 6 tháng cuối năm 2021" }).waitFor({ timeout: 30_000 });
      const figures = await page.getByRole("heading", { name: "Số liệu 6 tháng cuối năm 2021" }).evaluate((el) => el.getBoundingClientRect().top);
      expect(figures).toBeGreaterThanOrEqual(0);
      expect(figures).toBeLessThan(700);
      // The charts speak the pane's language to a screen reader (the library's own words are English).
      await page.getByRole("heading", { name: "Nhiệm vụ theo đơn vị" }).waitFor({ timeout: 30_000 });
      await page.waitForTimeout(500);
      const english = await page.evaluate(() => [...document.querySelectorAll("figure [aria-label]")].map((e) => e.getAttribute("aria-label") ?? "").filter((l) => /\bof \d+|^Legends$|chart with|category \d/.test(l)));
      expect(english).toEqual([]);
      expect(await page.locator('figure [aria-label="Chú giải"]').count()).toBeGreaterThan(0);
      // Every unit's and place's name is read whole at 320 px: wrapped, not cut with an ellipsis only a mouse could open.
      const cut = await page.evaluate(() =>
        [...document.querySelectorAll("figure [data-bar-name]")].filter((e) => e.scrollWidth > e.clientWidth + 1 || e.getBoundingClientRect().right > window.innerWidth).map((e) => e.textContent),
      );
      expect(await page.locator("figure [data-bar-name]").count()).toBeGreaterThan(10);
      expect(cut).toEqual([]);
      expect(await page.locator("figure [data-bar-name]").getByText("Ban Chỉ huy Quân sự xã", { exact: true }).isVisible()).toBe(true);
      // Each bar's parts stay inside its track, in proportion to their values.
      const past = await page.evaluate(() =>
        [...document.querySelectorAll("figure [data-bar-track]")].flatMap((track) => {
          const box = track.getBoundingClientRect();
          return [...track.querySelectorAll("[data-bar-part]")].map((r) => r.getBoundingClientRect()).filter((r) => r.width <= 0 || r.right > box.right + 0.5 || r.left < box.left - 0.5).map((r) => Math.round(r.right - box.right));
        }),
      );
      expect(await page.locator("figure [data-bar-part]").count()).toBeGreaterThan(10);
      expect(past).toEqual([]);
      // A bar's sentence for screen readers names the unit and each part's count.
      expect(await page.getByRole("img", { name: /^Ban Chỉ huy Quân sự xã: 3 nhiệm vụ \(/ }).count()).toBe(1);
      expect(await page.getByText("Ban Chỉ huy Quân sự xã", { exact: true }).count()).toBeGreaterThan(0);
      // Kiểm tra kept its list while away.
      await page.getByRole("tab", { name: "Kiểm tra" }).click();
      await page.getByText(/^1 lỗi · \d+ cảnh báo/).waitFor();
    } finally {
      await page.setViewportSize({ width: 1280, height: 720 });
    }
  }, 120_000);

  it("lays the period's boxes and their messages side by side or stacked, never over each other, from 280 to 1280 px", async () => {
    await page.getByRole("tab", { name: "Báo cáo" }).click();
    await page.getByRole("radio", { name: "Quý" }).check();
    await page.getByRole("textbox", { name: "Quý (1–4)" }).fill("5");
    await page.getByRole("textbox", { name: "Năm" }).fill("99");
    try {
      for (const width of [280, 320, 360, 400, 600, 800, 1280]) {
        await page.setViewportSize({ width, height: 800 });
        const overlaps = await page.evaluate(() => {
          const panel = document.querySelector('[role="tabpanel"]:not([hidden])')!;
          const boxes = [...panel.querySelectorAll("input, .fui-Field__validationMessage, .fui-Field__label")].map((e) => ({ what: (e as HTMLInputElement).value ?? e.textContent ?? "", r: e.getBoundingClientRect() })).filter((b) => b.r.width > 0 && b.r.height > 0);
          const out: string[] = [];
          for (let i = 0; i < boxes.length; i++)
            for (let j = i + 1; j < boxes.length; j++) {
              const [a, b] = [boxes[i]!.r, boxes[j]!.r];
              if (a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1) out.push(`${boxes[i]!.what} / ${boxes[j]!.what}`);
            }
          return out;
        });
        expect([width, overlaps]).toEqual([width, []]);
      }
    } finally {
      await page.setViewportSize({ width: 1280, height: 720 });
      await page.getByRole("radio", { name: "6 tháng đầu năm" }).check();
    }
  }, 60_000);

  it("builds the 2021-S1 report and downloads a workbook ExcelJS reads back", async () => {
    await page.getByRole("tab", { name: "Báo cáo" }).click();
    await page.getByRole("radio", { name: "6 tháng đầu năm" }).check();
    await page.getByRole("textbox", { name: "Năm" }).fill("2021");
    await page.getByRole("button", { name: "Lập trang báo cáo" }).click();
    // The workbook still has its month-first date: the preflight says so before anything is written.
    await page.getByText("Trước khi lập báo cáo").waitFor({ timeout: 30_000 });
    await shot("3-bao-cao-truoc-khi-lap");
    await page.getByRole("button", { name: "Vẫn lập" }).click();
    await page.getByText('Đã thêm trang báo cáo "BC 6 tháng đầu năm 2021".').waitFor({ timeout: 30_000 });
    await shot("3-bao-cao");
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Tải tệp về" }).click()]);
    const saved = path.join(OUTPUT, "tai-ve.xlsx");
    await download.saveAs(saved);
    const summary = await (await XlsxWorkbook.fromBuffer(readFileSync(saved))).summarize();
    expect(summary.sheets.map((s) => s.name)).toEqual(expect.arrayContaining(["Đóng góp", "BC 6 tháng đầu năm 2021", "Tổng hợp"]));
    const fixed = (await (await XlsxWorkbook.fromBuffer(readFileSync(saved))).readTables(["tblDongGop"])).get("tblDongGop")!;
    expect(fixed.rows[0]![7]).toBe(10_000_000);
  }, 90_000);

  it("downloads the period's report as a Word file from the pane (the docx library, in the browser)", async () => {
    await page.getByRole("tab", { name: "Báo cáo" }).click();
    await page.getByRole("radio", { name: "6 tháng đầu năm" }).check();
    await page.getByRole("textbox", { name: "Năm" }).fill("2021");
    await page.getByRole("button", { name: "Tải bản Word" }).click();
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      (async () => {
        await page.getByRole("menuitem", { name: "Báo cáo (.docx)" }).click();
        // Every paper first gets the report's preflight: over the workbook the earlier tests left, it has caveats to go past.
        const anyway = page.getByRole("button", { name: "Vẫn lập" });
        await anyway.waitFor({ timeout: 20_000 }).then(
          () => anyway.click(),
          () => undefined,
        );
      })(),
    ]);
    expect(download.suggestedFilename()).toBe("Bao-cao-2021-S1.docx");
    const saved = path.join(OUTPUT, download.suggestedFilename());
    await download.saveAs(saved);
    const JSZip = (await import("jszip")).default;
    const xml = await (await JSZip.loadAsync(readFileSync(saved))).file("word/document.xml")!.async("string");
    expect(xml).toContain("BÁO CÁO");
    expect(xml).toContain("6 tháng đầu năm 2021");
    await page.getByText('Đã tạo tệp Word "Bao-cao-2021-S1.docx" (sổ không thay đổi).').waitFor({ timeout: 30_000 });
  }, 90_000);

  it("sums communes' workbooks in workers of their own, ended when done: a copy counted once, a bad file named", async () => {
    const port = await XlsxWorkbook.empty();
    await applyTemplates(port, chauSonPlan, demoRows(chauSonPlan));
    const commune = await port.toBuffer();
    const opened: string[] = [];
    const onWorker = (w: { url(): string }) => opened.push(w.url());
    page.on("worker", onWorker);
    const before = page.workers().length;
    await page.getByRole("tab", { name: "Báo cáo" }).click();
    await page.getByRole("radio", { name: "6 tháng đầu năm" }).check();
    await page.getByRole("textbox", { name: "Năm" }).fill("2021");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByLabel("Tổng hợp sổ của nhiều xã…", { exact: true }).setInputFiles([
        { name: "chau-son.xlsx", mimeType: "application/octet-stream", buffer: Buffer.from(commune) },
        { name: "chau-son (ban sao).xlsx", mimeType: "application/octet-stream", buffer: Buffer.from(commune) },
        { name: "hong.xlsx", mimeType: "application/octet-stream", buffer: Buffer.from("không phải sổ") },
      ]),
    ]);
    page.off("worker", onWorker);
    expect(download.suggestedFilename()).toBe("Tong-hop-cac-xa-2021-S1.xlsx");
    await page.getByText('Đã tổng hợp 1 sổ vào tệp "Tong-hop-cac-xa-2021-S1.xlsx".').waitFor({ timeout: 30_000 });
    await page.getByText("hong.xlsx", { exact: false }).first().waitFor();
    // Each file was read in a worker of its own, and none of them outlives the job.
    expect(opened.length).toBeGreaterThanOrEqual(3);
    for (let i = 0; i < 50 && page.workers().length !== before; i++) await page.waitForTimeout(100);
    expect(page.workers().length).toBe(before);
    const saved = path.join(OUTPUT, download.suggestedFilename());
    await download.saveAs(saved);
    const summary = await (await XlsxWorkbook.fromBuffer(readFileSync(saved))).summarize();
    expect(summary.sheets.length).toBeGreaterThan(0);
  }, 90_000);

  it("takes dates day first in a browser whose language writes the month first, typed or picked on the calendar", async () => {
    expect(await page.evaluate(() => new Date(2021, 5, 15).toLocaleDateString())).toBe("6/15/2021");
    await page.getByRole("tab", { name: "Báo cáo" }).click();
    await page.getByRole("radio", { name: "Từ ngày… đến ngày…" }).check();
    const from = page.getByRole("textbox", { name: "Từ ngày" });
    await from.fill("11/06/2021");
    await from.press("Tab");
    expect(await from.inputValue()).toBe("11/06/2021");
    // A date that does not exist stays in its box with its error beside it; Enter opens no calendar.
    await from.fill("31/02/2021");
    await from.press("Enter");
    await page.getByText("“31/02/2021” không phải một ngày có thật. Hãy ghi lại theo dạng ngày/tháng/năm, ví dụ 15/06/2021.").waitFor({ timeout: 5_000 });
    expect(await from.inputValue()).toBe("31/02/2021");
    expect(await page.getByRole("grid").count()).toBe(0);
    await from.fill("11/06/2021");
    await from.press("Enter");
    await page.getByText(/không phải một ngày có thật/).waitFor({ state: "detached", timeout: 5_000 });
    // The calendar, in Vietnamese, weeks from Monday; a day picked is written back day first.
    const to = page.getByRole("textbox", { name: "Đến ngày" });
    await to.fill("01/12/2021");
    await to.press("Tab");
    // The calendar opens from its own button beside the box, not over the typing.
    await page.getByRole("button", { name: "Chọn “Đến ngày” trên lịch" }).click();
    await page.getByText("Tháng 12/2021").waitFor({ timeout: 10_000 });
    const days = page.getByRole("grid", { name: "Tháng 12/2021" });
    expect(await days.getByRole("columnheader").first().textContent()).toBe("T2");
    await shot("3-bao-cao-lich");
    await days.getByRole("button", { name: "31, Tháng 12, 2021" }).click();
    expect(await to.inputValue()).toBe("31/12/2021");
    await shot("3-bao-cao-theo-ngay");
    await page.getByRole("button", { name: "Xem trước số liệu" }).click();
    await page.getByRole("heading", { name: "Số liệu từ ngày 11/06/2021 đến ngày 31/12/2021" }).waitFor({ timeout: 30_000 });
  }, 60_000);

  it("opens a 50,000-row workbook in a Web Worker, off the page's thread", async () => {
    const { bigWorkbook } = await import("../../bench/bigWorkbook");
    const bytes = Buffer.from(await bigWorkbook(50_000, 2_000));
    const worker = page.waitForEvent("worker", { timeout: 60_000 });
    await page.getByLabel("Mở tệp Excel…", { exact: true }).setInputFiles({ name: "so-lon.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: bytes });
    // The workbook is read by a worker of its own (how long the page's thread stays free is a
    // figure of `npm run bench`, not a timed assertion here).
    expect((await worker).url()).toMatch(/\.js$/);
    // Said at once, with the file's name, while the worker reads it.
    await page.getByText("Đang mở so-lon.xlsx…").waitFor({ timeout: 5_000 });
    await page.getByText("(so-lon.xlsx)").waitFor({ timeout: 60_000 });
    expect(await page.getByText("Đang mở so-lon.xlsx…").count()).toBe(0);
    await page.getByRole("tab", { name: "Mẫu biểu" }).click();
    await page.getByText("Sổ đã có đủ các trang, bảng và cột mẫu.").waitFor({ timeout: 60_000 });
  }, 120_000);

  it("works with the keyboard alone: tabs with arrows, buttons with Enter", async () => {
    await page.getByRole("tab", { name: "Mẫu biểu" }).focus();
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("Enter");
    await page.getByRole("button", { name: "Kiểm tra dữ liệu" }).waitFor();
    // From the tabs, Tab goes to the pane's menu, then into the section.
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("aria-label"))).toBe("Thêm tùy chọn");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Kiểm tra dữ liệu");
    await page.keyboard.press("Enter");
    await page.getByRole("status").filter({ hasText: /lỗi · \d+ cảnh báo|Không có lỗi/ }).waitFor({ timeout: 30_000 });
  }, 60_000);

  it("has no serious or critical accessibility violation (axe, colour contrast included)", async () => {
    expect(await axeViolations(page)).toEqual([]);
  }, 60_000);

  it("the whole page follows the language switch, the preview's own buttons included", async () => {
    await page.getByRole("button", { name: "Thêm tùy chọn" }).click();
    await page.getByRole("menuitem", { name: "English" }).click();
    await page.getByRole("button", { name: "Open an Excel file…" }).waitFor();
    await page.getByRole("tab", { name: "Check" }).waitFor();
    expect(await page.getByRole("button", { name: "Mở tệp Excel…" }).count()).toBe(0);
    await page.getByRole("button", { name: "More options" }).click();
    await page.getByRole("menuitem", { name: "Tiếng Việt" }).click();
    await page.getByRole("button", { name: "Mở tệp Excel…" }).waitFor();
  }, 60_000);

  it("every section at 320 and 1280 px, light and dark: nothing scrolls sideways; screenshots for people", async () => {
    // A statement of the sample's first half-year transfers, with a credit the ledger lacks, a near miss and a fee.
    const sample = await XlsxWorkbook.empty();
    await applyTemplates(sample, chauSonPlan, demoRows(chauSonPlan));
    const rows = ledgerBankRows(await sample.readTables(["tblDongGop"])).filter((r) => r.date <= "2021-06-30");
    const vn = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
    const statement = [
      "NGAN HANG TMCP NGOAI THUONG VIET NAM",
      "SAO KE TAI KHOAN - So tai khoan: 0123 456 789",
      "Ngày giao dịch,Số tham chiếu,Ghi nợ,Ghi có,Nội dung",
      ...rows.slice(1).map((r, i) => `${vn(r.date)},FT21${100 + i},${r.amount < 0 ? -r.amount : ""},${r.amount > 0 ? r.amount : ""},${r.voucher} ung ho quy`),
      `${vn(rows[0]!.date)},FT21990,,2345000,CT tu 0987654321 TRAN THI MAU chuyen tien ung ho phong chong dich`,
      `${vn(rows[0]!.date)},FT21991,,1500000,CT tu 0912345678 LE VAN HUNG ung ho`,
      `${vn(rows[2]!.date)},FEE01,11000,,Phi quan ly tai khoan`,
    ].join("\n");
    const sections: [string, (p: Page) => Promise<void>][] = [
      ["mau-bieu", async (p) => p.getByRole("tab", { name: "Mẫu biểu" }).click()],
      ["kiem-tra", async (p) => {
        await p.getByRole("tab", { name: "Kiểm tra" }).click();
        await p.getByRole("button", { name: "Kiểm tra dữ liệu" }).click();
        await p.getByText(/sửa được|Không có lỗi/).first().waitFor({ timeout: 30_000 });
      }],
      ["bao-cao", async (p) => {
        await p.getByRole("tab", { name: "Báo cáo" }).click();
        await p.getByRole("radio", { name: "Cả năm" }).check();
        await p.getByRole("textbox", { name: "Năm" }).fill("2021");
        await p.getByRole("button", { name: "Xem trước số liệu" }).click();
        await p.getByRole("heading", { name: "Số liệu năm 2021" }).waitFor({ timeout: 30_000 });
        // The charts, loaded on demand, each drawn (none fell back to its sentence).
        await p.getByRole("heading", { name: "Thu, chi tiền theo tháng" }).waitFor({ timeout: 30_000 });
        expect(await p.getByText(/Không vẽ được biểu đồ|Không tải được biểu đồ/).count()).toBe(0);
        expect(await p.locator("#chart-money").locator("xpath=ancestor::figure").locator("svg rect").count()).toBeGreaterThanOrEqual(12);
      }],
      ["don-doc", async (p) => {
        // The forms of 2021 made (due in January 2022), then chased: every one is late by now.
        await p.getByRole("button", { name: "Tạo phiếu gửi (.zip)" }).click();
        await p.getByText(/^Đã tạo \d+ phiếu/).waitFor({ timeout: 60_000 });
        await p.getByRole("button", { name: "Đôn đốc phiếu quá hạn" }).click();
        await p.getByText(/^Kính gửi Trạm y tế xã: UBND xã Châu Sơn chưa nhận được phiếu báo cáo năm 2021/).waitFor({ timeout: 30_000 });
        await p.getByText(/^Đã thêm công văn đôn đốc "Đôn đốc năm 2021"/).scrollIntoViewIfNeeded();
      }],
      ["sao-ke", async (p) => {
        await p.getByLabel("Mở sao kê…", { exact: true }).setInputFiles({ name: "sao-ke-6-thang.csv", mimeType: "text/csv", buffer: Buffer.from(statement) });
        await p.getByText(/^Khớp với sổ: \d+ dòng\.$/).waitFor({ timeout: 30_000 });
        await p.getByRole("checkbox", { name: /TRAN THI MAU/ }).check();
        await p.getByRole("heading", { name: "Đối chiếu sao kê ngân hàng" }).scrollIntoViewIfNeeded();
      }],
      ["chot-so-hoi", async (p) => {
        // The year's report made (over the preflight's words, if any), then the question to close it.
        await p.getByRole("button", { name: "Lập trang báo cáo" }).click();
        const anyway = p.getByRole("button", { name: "Vẫn lập" });
        const question = p.getByText("Chốt số liệu kỳ năm 2021?");
        await anyway.or(question).first().waitFor({ timeout: 60_000 });
        if (await anyway.isVisible()) await anyway.click();
        await question.waitFor({ timeout: 60_000 });
        await question.scrollIntoViewIfNeeded();
      }],
      ["chot-so", async (p) => {
        await p.getByRole("button", { name: "Chốt số liệu kỳ" }).first().click();
        await p.getByText(/^Đã chốt kỳ năm 2021: [\d.]+ dòng/).waitFor({ timeout: 60_000 });
        await p.getByRole("button", { name: "Khóa các dòng đã chốt" }).click();
        await p.getByText(/^Đã khóa [\d.]+ dòng của các kỳ đã chốt/).waitFor({ timeout: 60_000 });
        await p.getByRole("button", { name: "Mở lại kỳ…" }).click();
        await p.getByRole("textbox", { name: /Lý do mở lại/ }).fill("Sửa số tiền phiếu thu ghi nhầm");
        await p.getByRole("heading", { name: "Chốt số liệu kỳ" }).scrollIntoViewIfNeeded();
      }],
      ["bao-cao-lich", async (p) => {
        await p.getByRole("radio", { name: "Từ ngày… đến ngày…" }).check();
        await p.getByRole("button", { name: "Chọn “Từ ngày” trên lịch" }).click();
        await p.getByRole("grid").first().waitFor({ timeout: 10_000 });
      }],
      ["thong-tin", async (p) => {
        await p.keyboard.press("Escape");
        await p.getByRole("button", { name: "Thêm tùy chọn" }).click();
        await p.getByRole("menuitem", { name: "Thông tin kế hoạch" }).click();
        await p.getByText("Đỗ Văn Tuấn").waitFor({ timeout: 30_000 });
      }],
    ];
    for (const scheme of ["light", "dark"] as const) {
      for (const width of [320, 1280]) {
        const p = await context.newPage();
        await p.emulateMedia({ colorScheme: scheme });
        await p.setViewportSize({ width, height: 900 });
        await p.route("https://appsforoffice.microsoft.com/**", (r) => r.abort());
        await p.goto(`${url}/taskpane.html`);
        await p.getByRole("button", { name: "Dùng sổ mẫu" }).click();
        await p.getByText("Sổ đã có đủ các trang, bảng và cột mẫu.").waitFor({ timeout: 30_000 });
        for (const [name, open] of sections) {
          await open(p);
          await p.waitForTimeout(300);
          const wide = await p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          expect([name, width, scheme, wide]).toEqual([name, width, scheme, 0]);
          if (width === 320) expect([name, scheme, await axeViolations(p)]).toEqual([name, scheme, []]);
          await p.screenshot({ path: path.join(OUTPUT, "sections", `${name}-${width}-${scheme}.png`), fullPage: true });
        }
        await p.close();
      }
    }
  }, 420_000);

  it("tells Internet Explorer users which Office versions run it", async () => {
    const ie = await launch("Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; rv:11.0) like Gecko");
    const p = await ie.newPage();
    await p.route("https://appsforoffice.microsoft.com/**", (r) => r.abort());
    await p.goto(`${url}/taskpane.html`);
    await p.getByText("Phiên bản Office này chưa chạy được khung làm việc").waitFor();
    expect(await p.getByRole("button", { name: "Dùng sổ mẫu" }).count()).toBe(0);
    await p.screenshot({ path: path.join(OUTPUT, "4-trident.png") });
    await ie.close();
  }, 60_000);
});
