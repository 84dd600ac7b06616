/**
 * @jest-environment jsdom
 */
import { browserFiles } from "../../src/host/files";
import { configure, fireEvent, render, screen, waitFor } from "@testing-library/react";
import axe from "axe-core";
import { OfficeWorkbook } from "../../src/adapters/office/officeWorkbook";
import { chauSonPlan } from "../../src/domain/sample/chauSonPlan";
import { demoRows } from "../../src/domain/sample/demoData";
import { applyTemplates } from "../../src/domain/template/applyTemplates";
import { App } from "../../src/taskpane/App";
import { FakeExcel } from "../fakes/excel/workbook";

configure({ asyncUtilTimeout: 15_000 });

async function seriousViolations(): Promise<string[]> {
  // The sections not shown stay drawn (their state is kept) but hidden: each is checked when it is the one shown.
  const result = await axe.run({ include: [["body"]], exclude: [["[hidden]"]] }, { rules: { "color-contrast": { enabled: false } } });
  return result.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(" | ")}`);
}

describe("accessibility (axe in jsdom; colour contrast needs a real browser)", () => {
  it("catches a planted violation (the check can fail)", async () => {
    const { unmount } = render(<button type="button"><svg /></button>);
    expect((await seriousViolations()).join()).toMatch(/button-name/);
    unmount();
  });

  it("has no serious or critical violations in any section, in light and dark", async () => {
    const fake = new FakeExcel();
    const port = new OfficeWorkbook(fake.run, fake.requirements);
    await applyTemplates(port, chauSonPlan, demoRows(chauSonPlan));
    for (const dark of [false, true]) {
      const { unmount } = render(<App port={port} files={browserFiles} today="2022-01-05" dark={dark} />);
      for (const tab of ["Mẫu biểu", "Kiểm tra", "Báo cáo", "Thông tin kế hoạch"]) {
        if (tab === "Thông tin kế hoạch") {
          fireEvent.click(screen.getByRole("button", { name: "Thêm tùy chọn" }));
          fireEvent.click(await screen.findByRole("menuitem", { name: tab }));
        } else fireEvent.click(screen.getByRole("tab", { name: tab }));
        await waitFor(() => expect(screen.queryByText("Đang xử lý…")).toBeNull());
        if (tab === "Kiểm tra") fireEvent.click(await screen.findByRole("button", { name: "Kiểm tra dữ liệu" }));
        if (tab === "Báo cáo") fireEvent.click(await screen.findByRole("button", { name: "Xem trước số liệu" }));
        await waitFor(() => expect(screen.queryByText("Đang xử lý…")).toBeNull());
        expect([tab, await seriousViolations()]).toEqual([tab, []]);
      }
      unmount();
    }
    // Eight sections' checks with axe in jsdom: half a minute alone, more on a busy two-core machine.
  }, 150_000);
});
