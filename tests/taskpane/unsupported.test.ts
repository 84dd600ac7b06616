/**
 * @jest-environment jsdom
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";

const HTML = readFileSync(path.resolve(__dirname, "../../src/taskpane/taskpane.html"), "utf8");
const SCRIPT = /<script>([\s\S]*?)<\/script>/.exec(HTML)![1]!;

function pageWith(userAgent: string): Document {
  document.documentElement.innerHTML = HTML.replace(/<script src=[^>]*><\/script>/, "").replace(/^[\s\S]*?<html[^>]*>/, "").replace(/<\/html>\s*$/, "");
  Object.defineProperty(window.navigator, "userAgent", { value: userAgent, configurable: true });
  // Runs the page's own inline script, as the webview would.
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  const guard = new Function(SCRIPT) as () => void;
  guard();
  return document;
}

describe("the pane's page in old webviews", () => {
  it("keeps its guard script in ES5: no arrow functions, let/const, template strings or classes", () => {
    expect(SCRIPT).not.toMatch(/=>|\blet\b|\bconst\b|`|\bclass\b/);
  });

  it.each([
    ["Internet Explorer 11 (Office 2016)", "Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; rv:11.0) like Gecko"],
    ["legacy Edge (Office 2019)", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19041"],
  ])("shows the supported versions in Vietnamese and English under %s", (_name, ua) => {
    const doc = pageWith(ua);
    const box = doc.getElementById("unsupported")!;
    expect(box.hidden).toBe(false);
    expect(box.textContent).toContain("Excel trên web, Microsoft 365, hoặc Excel 2021/2024");
    expect(box.textContent).toContain("vẫn dùng bình thường khi không có bổ trợ");
    expect(box.textContent).toContain("keep working without the add-in");
  });

  it("stays hidden in a current webview", () => {
    const doc = pageWith("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.0.0");
    expect(doc.getElementById("unsupported")!.hidden).toBe(true);
  });
});
