import { chartLabel } from "../../src/taskpane/charts/chartAria";

describe("the chart library's words for screen readers, in the pane's language", () => {
  it("says in Vietnamese what the library says in English, and leaves its own labels alone", () => {
    expect(chartLabel("Legends", "vi")).toBe("Chú giải");
    expect(chartLabel("bar 1 of 8.", "vi")).toBe("Thanh 1 trong 8.");
    expect(chartLabel("Vertical bar chart with 2 grouped bar series. The X axis displays categories. The Y axis displays triệu đồng. ", "vi")).toBe("Biểu đồ cột: 2 loại cột. Trục ngang: các kỳ. Trục đứng: triệu đồng.");
    expect(chartLabel("Th7, category 1 of 6, with 2 bars", "vi")).toBe("Th7, nhóm 1 trong 6, 2 cột");
    expect(chartLabel("Thôn 1: 95,0% (190/200 hộ)", "vi")).toBe("Thôn 1: 95,0% (190/200 hộ)");
    expect(chartLabel("Legends", "en")).toBe("Legends");
  });
});
