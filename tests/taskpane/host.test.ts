import { paneHost } from "../../src/host/paneHost";

describe("the pane's start-up", () => {
  it("waits for a slow Office (10 s here) and runs inside Excel: the preview never opens inside Excel", async () => {
    jest.useFakeTimers();
    try {
      const slow = { onReady: () => new Promise<{ host: unknown }>((resolve) => setTimeout(() => resolve({ host: "Excel" }), 10_000)) };
      const decided = paneHost(slow, "Excel");
      await jest.advanceTimersByTimeAsync(10_000);
      await expect(decided).resolves.toBe("excel");
    } finally {
      jest.useRealTimers();
    }
  });

  it("is the browser preview without Office.js, or when Office reports no host", async () => {
    await expect(paneHost(undefined, "Excel")).resolves.toBe("browser");
    await expect(paneHost({ onReady: () => Promise.resolve({ host: null }) }, "Excel")).resolves.toBe("browser");
    await expect(paneHost({ onReady: () => Promise.resolve({ host: "Word" }) }, "Excel")).resolves.toBe("other-office");
  });
});
