// jsdom lacks ResizeObserver, which Fluent's MessageBar uses to lay out its actions.
if (typeof window !== "undefined" && !("ResizeObserver" in window)) {
  class ResizeObserverStub {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  }
  Object.assign(window, { ResizeObserver: ResizeObserverStub });
}

// jsdom has no layout: no canvas, no SVG text metrics. The chart library measures its labels with
// them; a measure of 7 px a character stands in (the charts are drawn for real in Chromium by the
// end-to-end tests).
if (typeof HTMLCanvasElement !== "undefined") {
  Object.defineProperty(HTMLCanvasElement.prototype, "getContext", {
    configurable: true,
    value: () => ({ font: "", measureText: (s: string) => ({ width: 7 * s.length }) }),
  });
  const textWidth = (el: Element) => 7 * (el.textContent ?? "").length;
  Object.defineProperty(SVGElement.prototype, "getComputedTextLength", { configurable: true, value: function (this: Element) { return textWidth(this); } });
  Object.defineProperty(SVGElement.prototype, "getBBox", { configurable: true, value: function (this: Element) { return { x: 0, y: 0, width: textWidth(this), height: 16 }; } });
}

// jsdom lacks TextEncoder, which every browser the pane runs in has (the Word files are zipped with it).
if (typeof window !== "undefined" && typeof globalThis.TextEncoder === "undefined") {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const util = require("node:util") as typeof import("node:util");
  Object.assign(globalThis, { TextEncoder: util.TextEncoder, TextDecoder: util.TextDecoder });
}

// The English words, which the pane loads on demand, loaded at once for every test.
import "../../src/i18n/english";
