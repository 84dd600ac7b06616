/**
 * @jest-environment jsdom
 */
import { browserFiles } from "../../src/host/files";
import { act, configure, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { OfficeWorkbook } from "../../src/adapters/office/officeWorkbook";
import { chauSonPlan } from "../../src/domain/sample/chauSonPlan";
import { demoRows } from "../../src/domain/sample/demoData";
import { applyTemplates } from "../../src/domain/template/applyTemplates";
import { CancelledError, type WorkbookPort } from "../../src/domain/workbook";
import { App } from "../../src/taskpane/App";
import { FakeExcel } from "../fakes/excel/workbook";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { isoToSerial } from "../../src/domain/dates";
import { SEED_FILE } from "../helpers/seed";

const TODAY = "2022-01-05";
configure({ asyncUtilTimeout: 15_000 });
jest.setTimeout(60_000);

function officePane(): { fake: FakeExcel; port: OfficeWorkbook } {
  const fake = new FakeExcel();
  return { fake, port: new OfficeWorkbook(fake.run, fake.requirements) };
}

/** Clicks a button once the pane is no longer busy with the job it started on opening. */
async function clickWhenEnabled(name: string): Promise<void> {
  const button = await screen.findByRole("button", { name });
  await waitFor(() => expect(button.hasAttribute("disabled")).toBe(false));
  fireEvent.click(button);
}

const AN_BINH = path.join(__dirname, "../fixtures/plans/bien-the-an-binh-2025.txt");

/** The Kế hoạch step of a workbook without a plan: a plan's text pasted and read. */
async function readPlan(file: string): Promise<void> {
  fireEvent.change(await screen.findByRole("textbox", { name: "Nội dung kế hoạch" }), { target: { value: readFileSync(file, "utf8") } });
  fireEvent.click(screen.getByRole("button", { name: "Đọc kế hoạch" }));
}

/** The seed's plan read and used. */
async function choosePlan(): Promise<void> {
  await readPlan(SEED_FILE);
  await clickWhenEnabled("Dùng kế hoạch này");
}

async function sampleBook() {
  const p = officePane();
  await applyTemplates(p.port, chauSonPlan, demoRows(chauSonPlan));
  return p;
}

/** Báo cáo, with a period chosen by its radio button and a year typed. */
function openReport(kind: string, year: string): void {
  fireEvent.click(screen.getByRole("tab", { name: "Báo cáo" }));
  fireEvent.click(screen.getByRole("radio", { name: kind }));
  fireEvent.change(screen.getByRole("textbox", { name: "Năm" }), { target: { value: year } });
}

/**
 * The pane's downloads (a Blob, an anchor with `download`, a click), caught: each file's name and
 * blob. jsdom has neither object URLs nor navigation.
 */
function captureDownloads(): { saved: { name: string; blob: Blob }[]; click: jest.SpyInstance } {
  const saved: { name: string; blob: Blob }[] = [];
  const anchors = new Map<string, Blob>();
  URL.createObjectURL = (b: Blob | MediaSource) => {
    const url = `blob:${anchors.size}`;
    anchors.set(url, b as Blob);
    return url;
  };
  URL.revokeObjectURL = () => undefined;
  const click = jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
    saved.push({ name: this.download, blob: anchors.get(this.href)! });
  });
  return { saved, click };
}

/** A Blob's bytes (jsdom's Blob has no arrayBuffer(): FileReader). */
function blobBytes(b: Blob): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(new Error(String(reader.error)));
    reader.readAsArrayBuffer(b);
  });
}

describe("the task pane, given the Office adapter", () => {
  it("on a workbook without a plan, reads the plan pasted in, then shows in Vietnamese what the templates add, and adds them", async () => {
    const { fake, port } = officePane();
    render(<App port={port} files={browserFiles} today={TODAY} />);
    expect(screen.getByRole("tab", { name: "Mẫu biểu" })).toBeTruthy();
    // The Kế hoạch step comes first: the plan's text pasted, what was read shown and corrected.
    fireEvent.change(await screen.findByRole("textbox", { name: "Nội dung kế hoạch" }), { target: { value: readFileSync(SEED_FILE, "utf8") } });
    fireEvent.click(screen.getByRole("button", { name: "Đọc kế hoạch" }));
    expect((await screen.findByRole<HTMLInputElement>("textbox", { name: "Tên phong trào" })).value).toBe("Toàn dân tham gia phòng, chống dịch Covid-19");
    expect(screen.getByRole("heading", { name: "Đơn vị và nhiệm vụ (11 đơn vị, 26 nhiệm vụ)" })).toBeTruthy();
    expect(screen.queryByText(/chưa xếp được/)).toBeNull();
    fireEvent.change(screen.getByRole("textbox", { name: "Người ký" }), { target: { value: "" } });
    // Said in the clerk's words, not the schema's ("signatory.name: không được để trống").
    // In the list of problems and beside the field, which is marked.
    await waitFor(() => expect(screen.getAllByText("Họ tên người ký chưa được ghi")).toHaveLength(2));
    expect(screen.getByRole("textbox", { name: "Người ký" }).getAttribute("aria-invalid")).toBe("true");
    expect(screen.queryByText(/signatory/)).toBeNull();
    fireEvent.change(screen.getByRole("textbox", { name: "Người ký" }), { target: { value: "Đỗ Văn Tuấn" } });
    await clickWhenEnabled("Dùng kế hoạch này");
    // Said before it is done, in the future tense, sheet by sheet; table names only in the details.
    await screen.findByRole("heading", { name: 'Trang "Nhiệm vụ"' });
    expect(screen.getAllByText("Tạo trang mới.").length).toBe(7);
    expect(screen.queryByText(/^Đã tạo/)).toBeNull();
    await clickWhenEnabled("Thêm mẫu biểu");
    await screen.findByText("Đã thêm mẫu biểu.");
    expect(fake.state.sheets.map((s) => s.name)).toEqual(["Thông tin chung", "Danh mục", "Nhiệm vụ", "Cam kết", "Đóng góp", "Khen thưởng", "Kế hoạch"]);
    // Read again after: nothing left to do, and the button says so by being off.
    await screen.findByText("Sổ đã có đủ các trang, bảng và cột mẫu.");
    expect(screen.getByRole<HTMLButtonElement>("button", { name: "Thêm mẫu biểu" }).disabled).toBe(true);
  });

  it("says once, at the top, that the workbook is open read-only and that the computer writes dates month first", async () => {
    const { fake, port } = await sampleBook();
    fake.state.readOnly = true;
    fake.state.shortDatePattern = "M/d/yyyy";
    render(<App port={port} files={browserFiles} today={TODAY} />);
    expect(await screen.findByText(/Sổ đang mở ở chế độ chỉ đọc.*lưu thành tệp khác \(Excel tiếng Việt: Tệp > Lưu Như; tiếng Anh: File > Save As\)/)).toBeTruthy();
    expect(screen.getByText(/tháng trước ngày \(M\/d\/yyyy\).*ngày 5 tháng 6/)).toBeTruthy();
  });

  it("checks the data, shows a cell when its issue is clicked, and fixes it", async () => {
    const { fake, port } = await sampleBook();
    const ledger = (await port.readTables(["tblDongGop"])).get("tblDongGop")!;
    const money = ledger.rows.findIndex((r) => r[1] === "Thu" && r[6] === "Tiền mặt");
    await port.updateCells([{ sheet: "Đóng góp", row: money + 1, col: 7, expected: ledger.rows[money]![7]!, value: "1.000.000" }]);
    render(<App port={port} files={browserFiles} today={TODAY} />);
    fireEvent.click(screen.getByRole("tab", { name: "Kiểm tra" }));
    await clickWhenEnabled("Kiểm tra dữ liệu");
    await screen.findByText("0 lỗi · 1 cảnh báo · 1 sửa được");
    const cell = `H${money + 2}`;
    // Errors only: nothing to show here; all again.
    fireEvent.click(screen.getByRole("radio", { name: "Lỗi (0)" }));
    await waitFor(() => expect(screen.queryByRole("button", { name: `Đi tới ${cell}` })).toBeNull());
    fireEvent.click(screen.getByRole("radio", { name: "Tất cả (1)" }));
    // The cell is in the issue's own sentence, and going to it says so where the clerk is looking.
    expect(screen.getByText(`Ô ${cell}, cột Số tiền (đồng):`)).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: `Đi tới ${cell}` }));
    await waitFor(() => expect(fake.state.active).toEqual({ sheet: "Đóng góp", cell }));
    await screen.findByText(`Đã chọn ô ${cell} trên trang "Đóng góp".`);
    await clickWhenEnabled(`Sửa ${cell}`);
    await screen.findByText("Không có lỗi hay cảnh báo nào.");
    expect((await port.readTables(["tblDongGop"])).get("tblDongGop")!.rows[money]![7]).toBe(1_000_000);
  });

  it("inside Excel, knows a user's edit of a table: the check says it is out of date, the figures shown go", async () => {
    const { fake, port } = await sampleBook();
    const { unmount } = render(<App port={port} files={browserFiles} today={TODAY} />);
    fireEvent.click(screen.getByRole("tab", { name: "Kiểm tra" }));
    await clickWhenEnabled("Kiểm tra dữ liệu");
    await screen.findByText("Không có lỗi hay cảnh báo nào.");
    openReport("6 tháng cuối năm", "2021");
    await clickWhenEnabled("Xem trước số liệu");
    await screen.findByRole("heading", { name: "Số liệu 6 tháng cuối năm 2021" });
    // A handler on the tables' changes, registered once (TableCollection.onChanged).
    await waitFor(() => expect(fake.state.tableChangeHandlers.size).toBe(1));
    // An edit outside any table changes nothing that was read.
    await fake.userEdits("Đóng góp", { Z1: "ghi chú" });
    expect(screen.getByRole("heading", { name: "Số liệu 6 tháng cuối năm 2021" })).toBeTruthy();
    // The clerk types an amount into the ledger.
    await fake.userEdits("Đóng góp", { H2: 2_000_000 });
    await waitFor(() => expect(screen.queryByRole("heading", { name: "Số liệu 6 tháng cuối năm 2021" })).toBeNull());
    fireEvent.click(screen.getByRole("tab", { name: "Kiểm tra" }));
    await screen.findByText("Sổ đã thay đổi sau lần kiểm tra này: bấm “Kiểm tra dữ liệu” để xem danh sách mới.");
    // Closing the pane takes its handler away.
    unmount();
    await waitFor(() => expect(fake.state.tableChangeHandlers.size).toBe(0));
  });

  it("draws 10,000 issues as groups by rule and column, a page at a time, more on asking", async () => {
    const { port } = await sampleBook();
    const tables = await port.readTables(["tblDongGop", "tblNhiemVu", "tblCamKet", "tblKhenThuong", "tblThon", "tblDonVi", "tblThongTin", "tblNhomDongGop", "tblHinhThucKhenThuong", "tblKeHoach"]);
    const ledger = tables.get("tblDongGop")!;
    // 10,000 ledger rows whose kind (Loại) is left empty: one rule, one column.
    const rows = Array.from({ length: 10_000 }, (_, k) => ledger.rows[k % ledger.rows.length]!.map((v, c) => (c === 1 ? null : v)));
    const big = new Map(tables).set("tblDongGop", { ...ledger, rows, range: { ...ledger.range, bottom: ledger.range.top + rows.length } });
    const many: WorkbookPort = Object.assign(Object.create(Object.getPrototypeOf(port) as object) as WorkbookPort, port, { readTables: (names: readonly string[]) => Promise.resolve(new Map([...big].filter(([n]) => names.includes(n)))) });
    render(<App port={many} files={browserFiles} today={TODAY} />);
    fireEvent.click(screen.getByRole("tab", { name: "Kiểm tra" }));
    await clickWhenEnabled("Kiểm tra dữ liệu");
    // Each row also breaks the rules that read its kind: about 20,000 issues in all.
    await screen.findByText(/^19\.\d{3} lỗi · /, undefined, { timeout: 20_000 });
    await screen.findByRole("heading", { name: "Cột Loại: 10.000 lỗi cùng loại" });
    expect(screen.getAllByRole("button", { name: /^Đi tới / }).length).toBeLessThanOrEqual(200);
    const more = screen.getByRole("button", { name: "Đang hiện 20/10.000: xem thêm" });
    fireEvent.click(more);
    await screen.findByRole("button", { name: "Đang hiện 120/10.000: xem thêm" });
    // Warnings only: the 10,000 errors of the column leave the list; errors only: they come back.
    fireEvent.click(screen.getByRole("radio", { name: /^Cảnh báo \([\d.]+\)$/ }));
    await waitFor(() => expect(screen.queryByRole("heading", { name: "Cột Loại: 10.000 lỗi cùng loại" })).toBeNull());
    expect(screen.queryAllByRole("img", { name: "Lỗi" })).toHaveLength(0);
    fireEvent.click(screen.getByRole("radio", { name: /^Lỗi \(19\.\d{3}\)$/ }));
    await screen.findByRole("heading", { name: "Cột Loại: 10.000 lỗi cùng loại" });
    expect(screen.queryAllByRole("img", { name: "Cảnh báo" })).toHaveLength(0);
  }, 60_000);

  it("previews the figures of a period and builds its report sheet", async () => {
    const { fake, port } = await sampleBook();
    render(<App port={port} files={browserFiles} today={TODAY} />);
    openReport("Cả năm", "2021");
    await clickWhenEnabled("Xem trước số liệu");
    // The figures, each in its own element, headed by their period.
    await screen.findByRole("heading", { name: "Số liệu năm 2021" });
    expect(screen.getByText("99,3%")).toBeTruthy();
    expect(screen.getByText("2.254/2.270")).toBeTruthy();
    // The target as the papers say it: "100%", not "100,0%".
    expect(await screen.findByText("Mục tiêu: 100% số hộ ký cam kết.")).toBeTruthy();
    // The cards say what report --json says (one truth): the same figures, printed the same way.
    const { reportFigures } = await import("../../src/domain/report/addReport");
    const { parsePeriod } = await import("../../src/domain/period");
    const { formatCount, formatRate } = await import("../../src/domain/format");
    const f = await reportFigures(port, parsePeriod("2021"));
    for (const text of [formatRate(f.pledges.total.householdRate!), `${formatCount(f.pledges.total.householdsSigned)}/${formatCount(f.pledges.total.households)}`, `${formatCount(f.tasks.doneOnTime + f.tasks.doneLate)}/${formatCount(f.tasks.total)}`, formatCount(f.donations.closingCash)]) {
      expect(screen.getAllByText(text).length).toBeGreaterThan(0);
    }
    // The charts, loaded on demand: three figures, each named.
    expect((await screen.findAllByRole("figure")).map((f) => f.getAttribute("aria-labelledby"))).toEqual(["chart-rates", "chart-tasks", "chart-money"]);
    expect(await screen.findByRole("heading", { name: "Thu, chi tiền theo tháng" })).toBeTruthy();
    // Every chart drew (none fell back to its sentence), villages highest rate first.
    expect(screen.queryByText(/Không vẽ được biểu đồ/)).toBeNull();
    // Another period clears them.
    fireEvent.click(screen.getByRole("radio", { name: "6 tháng đầu năm" }));
    expect(screen.queryByText("99,3%")).toBeNull();
    fireEvent.click(screen.getByRole("radio", { name: "Cả năm" }));
    await clickWhenEnabled("Lập trang báo cáo");
    await screen.findByText('Đã thêm trang báo cáo "BC năm 2021".');
    expect(fake.state.sheets.map((s) => s.name)).toEqual(expect.arrayContaining(["BC năm 2021", "Tổng hợp"]));
    await clickWhenEnabled("Làm mới trang Tổng hợp");
    await screen.findByText('Trang "Tổng hợp" đã có; các công thức tự cập nhật theo số liệu.');
  });

  it("lets the clerk correct the plan read before using it: a deadline, a task moved or removed, a unit added", async () => {
    const { port } = officePane();
    render(<App port={port} files={browserFiles} today={TODAY} />);
    await readPlan(AN_BINH);
    // Công an xã: its standing task gets a deadline, its first task moves to Hội Nông dân xã.
    fireEvent.click(await screen.findByRole("button", { name: "2 nhiệm vụ" }));
    const deadline = screen.getAllByRole("textbox", { name: "Hạn (để trống nếu thường xuyên)" })[1]!;
    fireEvent.change(deadline, { target: { value: "31/12/2025" } });
    fireEvent.blur(deadline);
    fireEvent.change(screen.getAllByRole("combobox", { name: "Thuộc đơn vị" })[0]!, { target: { value: "1" } });
    // Mặt trận's task removed, then a unit added with one task.
    fireEvent.click(screen.getAllByRole("button", { name: "1 nhiệm vụ" })[2]!);
    fireEvent.click(screen.getByRole("button", { name: "Bỏ nhiệm vụ" }));
    fireEvent.click(screen.getByRole("button", { name: "Thêm đơn vị" }));
    const names = screen.getAllByRole("textbox", { name: /^C\.\d+$/ });
    fireEvent.change(names[names.length - 1]!, { target: { value: "Đoàn Thanh niên xã" } });
    fireEvent.change(screen.getByRole("textbox", { name: "Nhiệm vụ 1" }), { target: { value: "Ra quân làm đường" } });
    // The unit left without a task is said; removing it, the plan is valid again.
    await waitFor(() => expect(screen.getAllByText(/mỗi đơn vị cần ít nhất một nhiệm vụ/)).toHaveLength(2));
    fireEvent.click(screen.getByRole("button", { name: "Bỏ đơn vị Mặt trận Tổ quốc Việt Nam xã" }));
    await clickWhenEnabled("Dùng kế hoạch này");
    await clickWhenEnabled("Thêm mẫu biểu");
    await screen.findByText("Đã thêm mẫu biểu.");
    const rows = (await port.readTables(["tblKeHoach"])).get("tblKeHoach")!.rows.filter((r) => r[5] === "Nhiệm vụ").map((r) => [r[1], r[3], r[4]]);
    expect(rows).toEqual([
      ["Công an xã", "Thường xuyên nắm tình hình, giải quyết kịp thời các vụ việc phát sinh", isoToSerial("2025-12-31")],
      ["Hội Nông dân xã", "Vận động hội viên hiến đất, góp công làm đường giao thông nông thôn", null],
      ["Hội Nông dân xã", "Bảo đảm an ninh trật tự trên địa bàn, hoàn thành tiêu chí an ninh", isoToSerial("2025-06-30")],
      ["Công chức địa chính - xây dựng xã", "Chủ trì, phối hợp các thôn rà soát quy hoạch và hướng dẫn chỉnh trang nhà ở", isoToSerial("2025-08-31")],
      ["Đoàn Thanh niên xã", "Ra quân làm đường", null],
    ]);
  });

  it("says a plan's problems with the unit's and task's names, says why the button is off, and takes back a removal", async () => {
    const { port } = officePane();
    render(<App port={port} files={browserFiles} today={TODAY} />);
    await readPlan(AN_BINH);
    fireEvent.click(await screen.findByRole("button", { name: "2 nhiệm vụ" }));
    fireEvent.change(screen.getByRole("textbox", { name: "Nhiệm vụ 1" }), { target: { value: " " } });
    // Said in the list of problems and beside the field, which is marked.
    await waitFor(() => expect(screen.getAllByText("Nhiệm vụ 1 của Công an xã chưa có nội dung")).toHaveLength(2));
    expect(screen.getByRole("textbox", { name: "Nhiệm vụ 1" }).getAttribute("aria-invalid")).toBe("true");
    expect(document.body.textContent).not.toMatch(/units\.\d|tasks\.\d|content:/);
    // The problem's button opens the unit and puts the cursor in the field at fault.
    fireEvent.click(screen.getByRole("button", { name: "2 nhiệm vụ" }));
    expect(screen.queryByRole("textbox", { name: "Nhiệm vụ 1" })).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Sửa: Nhiệm vụ 1 của Công an xã chưa có nội dung" }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole("textbox", { name: "Nhiệm vụ 1" })));
    expect(screen.getByRole("button", { name: "Dùng kế hoạch này" }).getAttribute("aria-describedby")).toBe("plan-use-why");
    expect(screen.getByText("Còn 1 chỗ cần sửa (liệt kê ở trên) trước khi dùng kế hoạch này.")).toBeTruthy();
    fireEvent.change(screen.getByRole("textbox", { name: "Nhiệm vụ 1" }), { target: { value: "Tuần tra" } });
    await waitFor(() => expect(screen.queryByText("Nhiệm vụ 1 của Công an xã chưa có nội dung")).toBeNull());
    // A unit removed by mistake comes back with "Hoàn tác", its tasks with it.
    fireEvent.click(screen.getByRole("button", { name: "Bỏ đơn vị Công an xã" }));
    await screen.findByText("Đã bỏ: Công an xã.");
    expect(screen.queryByRole("button", { name: "Bỏ đơn vị Công an xã" })).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Hoàn tác" }));
    await screen.findByRole("button", { name: "Bỏ đơn vị Công an xã" });
    expect(screen.getByRole("button", { name: "2 nhiệm vụ" })).toBeTruthy();
  });

  it("offers quarters and months whatever the plan's cadence, and none of the sample's parts a plan does not have", async () => {
    const { port } = officePane();
    render(<App port={port} files={browserFiles} today={TODAY} />);
    await readPlan(AN_BINH);
    await clickWhenEnabled("Dùng kế hoạch này");
    await clickWhenEnabled("Thêm mẫu biểu");
    await screen.findByText("Đã thêm mẫu biểu.");
    fireEvent.click(screen.getByRole("tab", { name: "Báo cáo" }));
    fireEvent.click(await screen.findByRole("radio", { name: "Quý" }));
    expect(screen.getByRole("radio", { name: "Tháng" })).toBeTruthy();
    fireEvent.change(screen.getByRole("textbox", { name: "Quý (1–4)" }), { target: { value: "5" } });
    expect(screen.getByText("Hãy ghi quý từ 1 đến 4.")).toBeTruthy();
    fireEvent.change(screen.getByRole("textbox", { name: "Quý (1–4)" }), { target: { value: "3" } });
    fireEvent.change(screen.getByRole("textbox", { name: "Năm" }), { target: { value: "2025" } });
    await clickWhenEnabled("Xem trước số liệu");
    await screen.findByRole("heading", { name: "Số liệu quý III năm 2025" });
    // The plan's tasks are drawn; it has no pledges and no donations: no chart of them.
    await screen.findByRole("heading", { name: "Nhiệm vụ theo đơn vị" });
    expect(screen.queryByRole("heading", { name: "Tỷ lệ hộ đã ký theo thôn" })).toBeNull();
    expect(screen.queryByRole("heading", { name: /Thu, chi tiền/ })).toBeNull();
    expect([screen.queryByText("Hộ đã ký"), screen.queryByText("Tồn quỹ cuối kỳ"), screen.getByText("Nhiệm vụ đã hoàn thành")].map((e) => e !== null)).toEqual([false, false, true]);
  });

  it("adds the period's disclosure list and commendation dossier as new sheets", async () => {
    const { fake, port } = await sampleBook();
    render(<App port={port} files={browserFiles} today={TODAY} />);
    openReport("6 tháng cuối năm", "2021");
    await clickWhenEnabled("Lập bảng công khai");
    await screen.findByText('Đã thêm bảng công khai "Công khai 6 tháng cuối năm 2021" (Nghị định 93/2021).');
    await clickWhenEnabled("Công khai theo thôn");
    await screen.findByText(/^Đã thêm trang "CK thôn 6 tháng cuối năm 2021": \d+ bảng niêm yết, mỗi thôn một bảng/);
    await clickWhenEnabled("Lập hồ sơ khen thưởng");
    await screen.findByText(/^Đã thêm hồ sơ khen thưởng \(\d+ trường hợp\)/);
    expect(fake.state.sheets.map((s) => s.name)).toEqual(expect.arrayContaining(["Công khai 6 tháng cuối năm 2021", "CK thôn 6 tháng cuối năm 2021", "Tờ trình KT 6 tháng cuối 2021", "DS đề nghị KT 6 tháng cuối 2021", "QĐ KT 6 tháng cuối 2021"]));
  });

  it("downloads the period's report, disclosure list and dossier as Word files, the workbook unchanged", async () => {
    const { fake, port } = await sampleBook();
    const { saved, click } = captureDownloads();
    try {
      render(<App port={port} files={browserFiles} today={TODAY} />);
      openReport("6 tháng cuối năm", "2021");
      const sheets = fake.state.sheets.map((s) => s.name);
      for (const [item, file] of [["Báo cáo (.docx)", "Bao-cao-2021-S2.docx"], ["Bảng công khai (.docx)", "Cong-khai-2021-S2.docx"], ["Hồ sơ khen thưởng (.docx)", "Ho-so-khen-thuong-2021-S2.docx"]] as const) {
        await clickWhenEnabled("Tải bản Word");
        fireEvent.click(await screen.findByRole("menuitem", { name: item }));
        await screen.findByText(`Đã tạo tệp Word "${file}" (sổ không thay đổi).`);
      }
      expect(saved.map((s) => s.name)).toEqual(["Bao-cao-2021-S2.docx", "Cong-khai-2021-S2.docx", "Ho-so-khen-thuong-2021-S2.docx"]);
      const JSZip = (await import("jszip")).default;
      const report = await JSZip.loadAsync(await blobBytes(saved[0]!.blob));
      const xml = await report.file("word/document.xml")!.async("string");
      expect(xml).toContain("BÁO CÁO");
      expect(xml).toContain("6 tháng cuối năm 2021");
      expect(saved[0]!.blob.type).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
      expect(fake.state.sheets.map((s) => s.name)).toEqual(sheets);
    } finally {
      click.mockRestore();
    }
  });

  it("makes the period's forms as one .zip, and merges a returned form after showing what it changes; the status follows", async () => {
    const { fake, port } = await sampleBook();
    const { saved, click } = captureDownloads();
    try {
      render(<App port={port} files={browserFiles} today={TODAY} />);
      openReport("6 tháng cuối năm", "2021");
      await screen.findByText("Chưa nhận phiếu nào của kỳ này.");
      await clickWhenEnabled("Tạo phiếu gửi (.zip)");
      await screen.findByText(/^Đã tạo \d+ phiếu trong tệp "Phieu-bao-cao-2021-S2\.zip"; hạn gửi lại 05\/01\/2022\.$/);
      const JSZip = (await import("jszip")).default;
      const zip = await JSZip.loadAsync(await blobBytes(saved[0]!.blob));
      const name = "Phieu-bao-cao-Tram-y-te-xa-2021-S2.xlsx";
      // The workbook recorded the forms it issued: the authority their returns are checked against.
      expect(fake.state.sheets.map((s) => s.name)).toEqual(expect.arrayContaining(["Phiếu đã phát", "Dữ liệu phiếu"]));
      expect(Object.keys(zip.files)).toContain(name);
      // The health station reports a task done, with its date (the workbook's rule).
      const { XlsxWorkbook } = await import("../../src/adapters/xlsx/xlsxWorkbook");
      const form = await XlsxWorkbook.fromBuffer(await zip.file(name)!.async("uint8array"));
      const t = (await form.readTables(["tblNhiemVu"])).get("tblNhiemVu")!;
      const state = t.headers.indexOf("Trạng thái");
      const day = t.headers.indexOf("Ngày hoàn thành");
      const i = t.rows.findIndex((r) => r[state] !== "Hoàn thành" && r[day] === null);
      await form.updateCells([
        { sheet: t.sheet, row: t.range.top + 1 + i, col: t.range.left + state, expected: t.rows[i]![state] ?? null, value: "Hoàn thành" },
        { sheet: t.sheet, row: t.range.top + 1 + i, col: t.range.left + day, expected: null, value: 44_550 },
      ]);
      const returned = new File([(await form.toBuffer()) as Uint8Array<ArrayBuffer>], name);
      fireEvent.change(screen.getByLabelText("Gộp phiếu gửi lại…"), { target: { files: [returned] } });
      await screen.findByText("Sẽ gộp 1 phiếu: 2 ô cập nhật, 0 dòng mới. Xem lại trước khi gộp:");
      // Nothing is written before the clerk says so.
      expect(fake.state.sheets.map((s) => s.name)).not.toContain("Nhật ký cập nhật");
      await clickWhenEnabled("Gộp vào sổ");
      await screen.findByText('Đã gộp 1 phiếu: 2 ô cập nhật, 0 dòng mới; ghi lại trong trang "Nhật ký cập nhật".');
      expect(fake.state.sheets.map((s) => s.name)).toEqual(expect.arrayContaining(["Nhật ký cập nhật", "Phiếu đã nhận"]));
      await screen.findByText(/^Đã nhận 1\/\d+ phiếu của kỳ này \(0 gửi chậm\)\.$/);
    } finally {
      click.mockRestore();
    }
  });

  it("chases the forms not back by their due date: the letter as a sheet, a message for each sender to copy, the letter in Word", async () => {
    const { fake, port } = await sampleBook();
    const { saved, click } = captureDownloads();
    const copied: string[] = [];
    Object.defineProperty(navigator, "clipboard", { configurable: true, value: { writeText: (x: string) => Promise.resolve(void copied.push(x)) } });
    try {
      render(<App port={port} files={browserFiles} today="2022-01-10" />);
      openReport("6 tháng cuối năm", "2021");
      // No form made yet: nothing to chase, said as a warning, nothing written.
      await clickWhenEnabled("Đôn đốc phiếu quá hạn");
      await screen.findByText(/sổ chưa ghi phiếu nào đã phát cho kỳ này/);
      expect(fake.state.sheets.map((s) => s.name)).not.toContain("Đôn đốc 6 tháng cuối năm 2021");
      await clickWhenEnabled("Tạo phiếu gửi (.zip)");
      const made = await screen.findByText(/^Đã tạo (\d+) phiếu/);
      const count = Number(/(\d+) phiếu/.exec(made.textContent ?? "")![1]);
      await clickWhenEnabled("Đôn đốc phiếu quá hạn");
      await screen.findByText(new RegExp(`^Đã thêm công văn đôn đốc "Đôn đốc 6 tháng cuối năm 2021": ${count} đơn vị, thôn quá hạn chưa gửi lại phiếu; hạn mới ngày 17/01/2022\\.$`));
      expect(fake.state.sheets.map((s) => s.name)).toContain("Đôn đốc 6 tháng cuối năm 2021");
      const text = "Kính gửi Trạm y tế xã: UBND xã Châu Sơn chưa nhận được phiếu báo cáo 6 tháng cuối 2021 (tệp Phieu-bao-cao-Tram-y-te-xa-2021-S2.xlsx), hạn gửi lại 05/01/2022. Đề nghị điền và gửi lại chậm nhất ngày 17/01/2022. Xin cảm ơn.";
      expect(screen.getByText(text)).toBeTruthy();
      expect(screen.getAllByRole("button", { name: /^Chép tin nhắn cho / })).toHaveLength(count);
      fireEvent.click(screen.getByRole("button", { name: "Chép tin nhắn cho Trạm y tế xã" }));
      await screen.findByRole("button", { name: "Đã chép tin nhắn cho Trạm y tế xã" });
      expect(copied).toEqual([text]);
      await clickWhenEnabled("Tải công văn (.docx)");
      await screen.findByText('Đã tạo tệp Word "Don-doc-2021-S2.docx" (sổ không thay đổi).');
      expect(saved.map((x) => x.name)).toContain("Don-doc-2021-S2.docx");
    } finally {
      click.mockRestore();
    }
  });

  it("lets the clerk choose the forms' due date: five days after the period by default, never before its end", async () => {
    const { port } = await sampleBook();
    const { click } = captureDownloads();
    try {
      render(<App port={port} files={browserFiles} today={TODAY} />);
      openReport("6 tháng cuối năm", "2021");
      const due = await screen.findByRole<HTMLInputElement>("textbox", { name: "Hạn gửi lại phiếu" });
      expect(due.value).toBe("05/01/2022");
      fireEvent.change(due, { target: { value: "20/12/2021" } });
      fireEvent.blur(due);
      await screen.findByText("Hạn gửi lại 20/12/2021 trước ngày cuối của kỳ (31/12/2021): đơn vị, thôn chưa thể báo cáo đủ kỳ. Hãy chọn từ 31/12/2021 trở đi.");
      expect(screen.getByRole<HTMLButtonElement>("button", { name: "Tạo phiếu gửi (.zip)" }).disabled).toBe(true);
      fireEvent.change(due, { target: { value: "15/01/2022" } });
      fireEvent.keyDown(due, { key: "Enter" });
      await clickWhenEnabled("Tạo phiếu gửi (.zip)");
      await screen.findByText(/^Đã tạo \d+ phiếu trong tệp "Phieu-bao-cao-2021-S2\.zip"; hạn gửi lại 15\/01\/2022\.$/);
      // Another period starts again from its own default.
      openReport("6 tháng đầu năm", "2021");
      await waitFor(() => expect(screen.getByRole<HTMLInputElement>("textbox", { name: "Hạn gửi lại phiếu" }).value).toBe("05/07/2021"));
    } finally {
      click.mockRestore();
    }
  });

  it("sums several communes' workbooks for the period into a summary to download, an unreadable file named", async () => {
    const { port } = await sampleBook();
    const { saved, click } = captureDownloads();
    try {
      const { XlsxWorkbook } = await import("../../src/adapters/xlsx/xlsxWorkbook");
      const commune = await XlsxWorkbook.empty();
      await applyTemplates(commune, chauSonPlan, demoRows(chauSonPlan));
      render(<App port={port} files={browserFiles} today={TODAY} />);
      openReport("Cả năm", "2021");
      const files = [new File([(await commune.toBuffer()) as Uint8Array<ArrayBuffer>], "chau-son.xlsx"), new File(["not a workbook"], "hong.xlsx")];
      fireEvent.change(await screen.findByLabelText("Tổng hợp sổ của nhiều xã…"), { target: { files } });
      await screen.findByText('Đã tổng hợp 1 sổ vào tệp "Tong-hop-cac-xa-2021.xlsx".');
      // Told in words, never by an error class name ("(WorkbookFileError)").
      expect(screen.getByText(/^Không đọc được tệp hong\.xlsx \(Tệp "hong\.xlsx" không phải sổ tính Excel/)).toBeTruthy();
      expect(screen.queryByText(/Error\)/)).toBeNull();
      const summary = await XlsxWorkbook.fromBuffer(await blobBytes(saved[0]!.blob));
      const rows = (await summary.readRanges([{ sheet: "Tổng hợp các xã", range: { top: 0, left: 0, bottom: 6, right: 4 } }]))[0]!;
      expect(rows.find((r) => r[1] === "XÃ CHÂU SƠN")).toBeDefined();
    } finally {
      click.mockRestore();
    }
  });

  it("says in a sentence what a chart has nothing to draw for, instead of an empty frame", async () => {
    const { port } = await sampleBook();
    render(<App port={port} files={browserFiles} today={TODAY} />);
    fireEvent.click(screen.getByRole("tab", { name: "Báo cáo" }));
    fireEvent.click(screen.getByRole("radio", { name: "Cả năm" }));
    // The year before the plan: no pledges and no money yet; the tasks are all still ahead.
    fireEvent.change(screen.getByRole("textbox", { name: "Năm" }), { target: { value: "2020" } });
    await clickWhenEnabled("Xem trước số liệu");
    await screen.findByText("Chưa thôn nào có số hộ ký cam kết tính đến hết kỳ.");
    expect(screen.getByText("Trong kỳ không có khoản thu, chi tiền nào.")).toBeTruthy();
    expect(screen.getByRole("heading", { name: "Nhiệm vụ theo đơn vị" })).toBeTruthy();
    expect(screen.queryByText("Chưa có nhiệm vụ nào được giao.")).toBeNull();
  });

  it("says what a report would be built over before building it, and builds it only when asked", async () => {
    const { fake, port } = await sampleBook();
    const ledger = (await port.readTables(["tblDongGop"])).get("tblDongGop")!;
    // A month-first date: an error, and a row the report leaves out.
    await port.updateCells([{ sheet: "Đóng góp", row: 1, col: 0, expected: ledger.rows[0]![0]!, value: "06/16/2021" }]);
    render(<App port={port} files={browserFiles} today={TODAY} />);
    openReport("Cả năm", "2021");
    await clickWhenEnabled("Lập trang báo cáo");
    await screen.findByText("Trước khi lập báo cáo");
    expect(screen.getByText(/Số liệu còn 1 lỗi/)).toBeTruthy();
    // The row left out is named: the month-first date is on row 2 of Đóng góp.
    expect(screen.getByText(/Có 1 dòng không đọc được .*\(Đóng góp: 1, dòng 2\)/)).toBeTruthy();
    expect(fake.state.sheets.map((s) => s.name)).not.toContain("BC năm 2021");
    expect(screen.getByRole("button", { name: "Kiểm tra trước" })).toBeTruthy();
    await clickWhenEnabled("Vẫn lập");
    await screen.findByText('Đã thêm trang báo cáo "BC năm 2021".');
    expect(fake.state.sheets.map((s) => s.name)).toContain("BC năm 2021");
  });

  it("runs the same preflight before every paper: the Word report and the disclosure list over a workbook with errors are made only when asked", async () => {
    const { fake, port } = await sampleBook();
    const ledger = (await port.readTables(["tblDongGop"])).get("tblDongGop")!;
    await port.updateCells([{ sheet: "Đóng góp", row: 1, col: 0, expected: ledger.rows[0]![0]!, value: "06/16/2021" }]);
    const { saved, click } = captureDownloads();
    try {
      render(<App port={port} files={browserFiles} today={TODAY} />);
      openReport("Cả năm", "2021");
      await clickWhenEnabled("Tải bản Word");
      fireEvent.click(await screen.findByRole("menuitem", { name: "Báo cáo (.docx)" }));
      await screen.findByText("Trước khi lập báo cáo");
      expect(screen.getByText(/Số liệu còn 1 lỗi/)).toBeTruthy();
      expect(saved).toEqual([]);
      await clickWhenEnabled("Vẫn lập");
      await screen.findByText('Đã tạo tệp Word "Bao-cao-2021.docx" (sổ không thay đổi).');
      expect(saved.map((x) => x.name)).toEqual(["Bao-cao-2021.docx"]);
      // The disclosure list too: first the caveats, then the sheet, which says what it left out.
      await clickWhenEnabled("Lập bảng công khai");
      await screen.findByText("Trước khi lập báo cáo");
      expect(fake.state.sheets.map((x) => x.name)).not.toContain("Công khai năm 2021");
      await clickWhenEnabled("Vẫn lập");
      await screen.findByText(/Chưa đưa vào danh sách này 1 khoản của sổ chưa đọc được số liệu \(trang "Đóng góp": dòng 2 \(ngày\)\)/);
      expect(fake.state.sheets.map((x) => x.name)).toContain("Công khai năm 2021");
    } finally {
      click.mockRestore();
    }
  });

  it("sends the user from the preflight to Kiểm tra", async () => {
    const { port } = await sampleBook();
    const ledger = (await port.readTables(["tblDongGop"])).get("tblDongGop")!;
    await port.updateCells([{ sheet: "Đóng góp", row: 1, col: 0, expected: ledger.rows[0]![0]!, value: "06/16/2021" }]);
    render(<App port={port} files={browserFiles} today={TODAY} />);
    fireEvent.click(screen.getByRole("tab", { name: "Báo cáo" }));
    fireEvent.change(screen.getByRole("textbox", { name: "Năm" }), { target: { value: "2021" } });
    await clickWhenEnabled("Lập trang báo cáo");
    await clickWhenEnabled("Kiểm tra trước");
    expect(screen.getByRole("tab", { name: "Kiểm tra", selected: true })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Kiểm tra dữ liệu" })).toBeTruthy();
  });

  it("checks the year as it is typed and each date as its field is left, day first whatever the browser", async () => {
    const { port } = officePane();
    render(<App port={port} files={browserFiles} today={TODAY} />);
    fireEvent.click(screen.getByRole("tab", { name: "Báo cáo" }));
    fireEvent.change(screen.getByRole("textbox", { name: "Năm" }), { target: { value: "" } });
    expect(screen.getByText("Hãy ghi năm gồm 4 chữ số, từ 2000 đến 2100.")).toBeTruthy();
    expect(screen.getByRole<HTMLButtonElement>("button", { name: "Lập trang báo cáo" }).disabled).toBe(true);
    fireEvent.click(screen.getByRole("radio", { name: "Từ ngày… đến ngày…" }));
    // The date fields (with their calendar) load on demand; a typed date is read as the field is left.
    const type = async (name: string, value: string) => {
      const box = await screen.findByRole("textbox", { name });
      fireEvent.change(box, { target: { value } });
      fireEvent.blur(box);
    };
    await type("Từ ngày", "31/12/2021");
    await type("Đến ngày", "01/06/2021");
    await screen.findByText("Ngày kết thúc phải sau ngày bắt đầu.");
    // Shown back day first, as typed.
    expect(screen.getByRole<HTMLInputElement>("textbox", { name: "Từ ngày" }).value).toBe("31/12/2021");
    expect(screen.getByRole<HTMLButtonElement>("button", { name: "Lập trang báo cáo" }).disabled).toBe(true);
    // A date typed wrong stays in its box, with what to do beside it.
    await type("Từ ngày", "06/16/2021");
    await screen.findByText("“06/16/2021” không phải một ngày có thật. Hãy ghi lại theo dạng ngày/tháng/năm, ví dụ 15/06/2021.");
    expect(screen.getByRole<HTMLInputElement>("textbox", { name: "Từ ngày" }).value).toBe("06/16/2021");
    // Enter reads the box as leaving it does, and does not open the calendar over it.
    const fromBox = screen.getByRole<HTMLInputElement>("textbox", { name: "Từ ngày" });
    fireEvent.change(fromBox, { target: { value: "31/02/2021" } });
    fireEvent.keyDown(fromBox, { key: "Enter" });
    await screen.findByText("“31/02/2021” không phải một ngày có thật. Hãy ghi lại theo dạng ngày/tháng/năm, ví dụ 15/06/2021.");
    expect(fromBox.value).toBe("31/02/2021");
    expect(screen.queryByRole("grid")).toBeNull();
    await type("Từ ngày", "11/06/2021");
    await waitFor(() => expect(screen.getByRole<HTMLButtonElement>("button", { name: "Lập trang báo cáo" }).disabled).toBe(true));
    await type("Đến ngày", "31/12/2021");
    await waitFor(() => expect(screen.getByRole<HTMLButtonElement>("button", { name: "Lập trang báo cáo" }).disabled).toBe(false));
    expect(screen.queryByText(/Hãy ghi ngày|Hãy ghi lại|Ngày kết thúc/)).toBeNull();
  });

  it("shows the plan's settings", async () => {
    const { port } = await sampleBook();
    render(<App port={port} files={browserFiles} today={TODAY} />);
    fireEvent.click(screen.getByRole("button", { name: "Thêm tùy chọn" }));
    fireEvent.click(await screen.findByRole("menuitem", { name: "Thông tin kế hoạch" }));
    await screen.findByText("Đỗ Văn Tuấn");
    expect(screen.getByText("11/06/2021")).toBeTruthy();
  });

  it("puts every failure in a MessageBar in its own words, never the exception's text", async () => {
    const { port } = officePane();
    // A raw, English exception planted where the pane reads: it must not reach the user.
    const broken: WorkbookPort = { ...port, summarize: port.summarize.bind(port), readRanges: port.readRanges.bind(port), readTables: () => Promise.reject(new TypeError("Cannot read properties of undefined (reading 'sheets')")), applyGrids: port.applyGrids.bind(port), updateCells: port.updateCells.bind(port), markIssues: port.markIssues.bind(port), clearMarks: port.clearMarks.bind(port), select: port.select.bind(port) };
    render(<App port={broken} files={browserFiles} today={TODAY} />);
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("Không thực hiện được");
    expect(alert.textContent).not.toMatch(/Cannot read|TypeError|undefined/);
    expect(alert.textContent).toContain("Hãy lưu sổ, đóng rồi mở lại");
    // Reading the workbook wrote nothing: that much is true and said.
    expect(alert.textContent).toContain("Sổ chưa bị thay đổi");
  });

  it("says a failed write may have landed in part, and names Excel's refusal", async () => {
    const { port } = officePane();
    const refusal = Object.assign(new Error("RichApi.Error: The request payload size has exceeded the limit."), { name: "RichApi.Error", code: "RequestPayloadSizeLimitExceeded" });
    const broken: WorkbookPort = Object.assign(Object.create(port) as WorkbookPort, { applyGrids: () => Promise.reject(refusal) });
    render(<App port={broken} files={browserFiles} today={TODAY} />);
    await choosePlan();
    await clickWhenEnabled("Thêm mẫu biểu");
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("vượt giới hạn 5 MB");
    expect(alert.textContent).not.toContain("payload");
    expect(alert.textContent).toContain("Một phần việc có thể đã được ghi");
    expect(alert.textContent).not.toContain("Sổ chưa bị thay đổi");
  });

  it("shows the progress of a long read with counts, and stops it when asked", async () => {
    const { port } = officePane();
    let release: () => void = () => undefined;
    const slow: WorkbookPort = Object.assign(Object.create(port) as WorkbookPort, {
      readTables: (names: readonly string[], options?: { onProgress?: (r: number, t: number) => void; signal?: AbortSignal }) => {
        // The plan is read at once; the tracking tables slowly.
        if (names.length <= 2) return port.readTables(names, options);
        options?.onProgress?.(40_000, 100_000);
        return new Promise<never>((_resolve, reject) => {
          release = () => reject(new CancelledError());
          options?.signal?.addEventListener("abort", () => release());
        });
      },
    });
    render(<App port={slow} files={browserFiles} today={TODAY} />);
    fireEvent.click(screen.getByRole("tab", { name: "Kiểm tra" }));
    await clickWhenEnabled("Kiểm tra dữ liệu");
    await screen.findByText(/Đã đọc 40\.000\/100\.000 dòng/);
    fireEvent.click(screen.getByRole("button", { name: "Dừng" }));
    await screen.findByText("Đã dừng theo yêu cầu. Sổ không thay đổi.");
  });

  it("reconciles a bank statement: nothing written until asked, the columns confirmed where the headers say nothing, the credits ticked added and logged", async () => {
    const { fake, port } = await sampleBook();
    const { ledgerBankRows } = await import("../../src/domain/bank/reconcileJob");
    const ledger = ledgerBankRows(await port.readTables(["tblDongGop"])).filter((r) => r.amount > 0 && r.date <= "2021-06-30").slice(0, 6);
    expect(ledger.length).toBe(6);
    const vn = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
    const lines = [...ledger.map((r, i) => `${vn(r.date)},FT${i},${r.amount},,ung ho ${r.voucher}`), `${vn(ledger[0]!.date)},FT99,1234000,,CT tu 0987654321 TRAN THI MAU ung ho`];
    // A bank whose header is codes: read with the columns the accountant chooses.
    const coded = new File([["C1,C2,C3,C4,C5", ...lines].join("\n")], "sao-ke-ma.csv");
    render(<App port={port} files={browserFiles} today={TODAY} />);
    openReport("6 tháng đầu năm", "2021");
    fireEvent.change(await screen.findByLabelText("Mở sao kê…"), { target: { files: [coded] } });
    await screen.findByText(/Không nhận ra dòng tiêu đề: hãy chọn cột ngày/);
    fireEvent.change(screen.getByRole("combobox", { name: "Ngày giao dịch" }), { target: { value: "0" } });
    fireEvent.change(screen.getByRole("combobox", { name: "Số tham chiếu" }), { target: { value: "1" } });
    fireEvent.change(screen.getByRole("combobox", { name: "Ghi có (tiền vào)" }), { target: { value: "2" } });
    fireEvent.change(screen.getByRole("combobox", { name: "Nội dung" }), { target: { value: "4" } });
    await clickWhenEnabled("Đọc lại với các cột đã chọn");
    await screen.findByText(/^7 dòng, tiêu đề ở dòng 1; các cột do bạn chọn\.$/);
    await screen.findByText("Khớp với sổ: 6 dòng.");
    await screen.findByText(/^Có trong sao kê, chưa có trong sổ: 1 dòng/);
    // Read and matched, nothing written yet.
    expect(fake.state.sheets.map((s) => s.name)).not.toContain("Đối chiếu sao kê");
    const before = (await port.readTables(["tblDongGop"])).get("tblDongGop")!.rows.length;
    fireEvent.click(screen.getByRole("checkbox", { name: /1\.234\.000 đồng · TRAN THI MAU/ }));
    await clickWhenEnabled("Ghi trang đối chiếu và thêm 1 khoản vào sổ");
    await screen.findByText(/^Đã ghi trang "Đối chiếu sao kê"; thêm 1 khoản vào sổ \(ghi trong "Nhật ký cập nhật"\)\. Còn 0 dòng sao kê chưa có trong sổ/);
    expect(fake.state.sheets.map((s) => s.name)).toEqual(expect.arrayContaining(["Đối chiếu sao kê", "Sao kê đã đối chiếu", "Nhật ký cập nhật"]));
    const after = (await port.readTables(["tblDongGop"])).get("tblDongGop")!;
    expect(after.rows.length).toBe(before + 1);
    const added = after.rows.at(-1)!;
    expect([added[after.headers.indexOf("Số chứng từ")], added[after.headers.indexOf("Người, đơn vị")], added[after.headers.indexOf("Số tiền (đồng)")]]).toEqual(["FT99", "TRAN THI MAU", 1_234_000]);
  });

  it("closes a period from Báo cáo; an amount changed afterwards inside Excel is named by the check with its value then and now", async () => {
    const { fake, port } = await sampleBook();
    render(<App port={port} files={browserFiles} today={TODAY} />);
    openReport("6 tháng đầu năm", "2021");
    await clickWhenEnabled("Chốt số liệu kỳ");
    await screen.findByText(/^Đã chốt kỳ 6 tháng đầu năm 2021: [\d.]+ dòng số liệu được ghi lại ở trang ẩn "Chốt 2021-S1"/);
    expect(fake.state.sheets.map((s) => s.name)).toEqual(expect.arrayContaining(["Kỳ đã chốt", "Chốt 2021-S1"]));
    expect(fake.state.sheet("Chốt 2021-S1")!.visibility).toBe("Hidden");
    // A clerk retypes an amount of June in Excel.
    const ledger = (await port.readTables(["tblDongGop"])).get("tblDongGop")!;
    const c = ledger.headers.indexOf("Số tiền (đồng)");
    const i = ledger.rows.findIndex((r) => typeof r[c] === "number" && (r[ledger.headers.indexOf("Ngày")] as number) <= isoToSerial("2021-06-30"));
    await port.updateCells([{ sheet: ledger.sheet, row: ledger.range.top + 1 + i, col: ledger.range.left + c, expected: ledger.rows[i]![c]!, value: 9_999_000 }]);
    fireEvent.click(screen.getByRole("tab", { name: "Kiểm tra" }));
    await clickWhenEnabled("Kiểm tra dữ liệu");
    await screen.findByText(new RegExp(`^Kỳ 6 tháng đầu năm 2021 đã chốt ngày 05/01/2022; dòng ${ledger.range.top + 2 + i} cột Số tiền \\(đồng\\): [\\d.]+ → 9\\.999\\.000`), undefined, { timeout: 20_000 });
  });

  it("asks to close the period once its report is made; locks the closed rows, and reopens only with a reason", async () => {
    const { fake, port } = await sampleBook();
    render(<App port={port} files={browserFiles} today={TODAY} />);
    openReport("6 tháng đầu năm", "2021");
    await clickWhenEnabled("Lập trang báo cáo");
    // The preflight may have something to say over the sample; the report is made either way.
    const asked = await waitFor(() => screen.queryByRole("button", { name: "Vẫn lập" }) ?? screen.getByText("Chốt số liệu kỳ 6 tháng đầu năm 2021?"), { timeout: 20_000 });
    if (asked.tagName === "BUTTON") fireEvent.click(asked);
    await screen.findByText("Chốt số liệu kỳ 6 tháng đầu năm 2021?", undefined, { timeout: 20_000 });
    expect(fake.state.sheets.map((s) => s.name)).not.toContain("Kỳ đã chốt");
    // The question's own button (the first of the two of that name; the panel's is further down).
    const [fromQuestion] = await screen.findAllByRole("button", { name: "Chốt số liệu kỳ" });
    fireEvent.click(fromQuestion!);
    await screen.findByText(/^Đã chốt kỳ 6 tháng đầu năm 2021: [\d.]+ dòng/, undefined, { timeout: 20_000 });
    expect(screen.queryByText("Chốt số liệu kỳ 6 tháng đầu năm 2021?")).toBeNull();
    // Locked on request: the ledger's sheet protected, without a password.
    await clickWhenEnabled("Khóa các dòng đã chốt");
    await screen.findByText(/^Đã khóa [\d.]+ dòng của các kỳ đã chốt \(trang "Đóng góp", "Cam kết"\)/, undefined, { timeout: 20_000 });
    expect(fake.state.sheet("Đóng góp")!.protected).toBe(true);
    // Reopened: the button waits for a reason; the lock is lifted with the period.
    await clickWhenEnabled("Mở lại kỳ…");
    const go = await screen.findByRole("button", { name: "Mở lại kỳ 6 tháng đầu năm 2021" });
    expect(go.hasAttribute("disabled")).toBe(true);
    fireEvent.change(screen.getByRole("textbox", { name: /Lý do mở lại/ }), { target: { value: "Sửa số tiền phiếu thu PT-001 ghi nhầm" } });
    await clickWhenEnabled("Mở lại kỳ 6 tháng đầu năm 2021");
    await screen.findByText(/^Đã mở lại kỳ 6 tháng đầu năm 2021; lý do được ghi/, undefined, { timeout: 20_000 });
    expect(fake.state.sheet("Đóng góp")!.protected).toBe(false);
    const log = (await port.readTables(["tblNhatKy"])).get("tblNhatKy")!;
    expect(log.rows.at(-1)!.at(-1)).toMatch(/Sửa số tiền phiếu thu PT-001 ghi nhầm$/);
  });

  it("speaks English when asked", async () => {
    const { port } = officePane();
    render(<App port={port} files={browserFiles} today={TODAY} />);
    // The language is in the pane's overflow menu.
    fireEvent.click(screen.getByRole("button", { name: "Thêm tùy chọn" }));
    const english = await screen.findByRole("menuitem", { name: "English" });
    await act(async () => {
      fireEvent.click(english);
      await Promise.resolve();
    });
    expect(screen.getByRole("tab", { name: "Check" })).toBeTruthy();
    expect(screen.getByRole("tab", { name: "Report" })).toBeTruthy();
  });
});
