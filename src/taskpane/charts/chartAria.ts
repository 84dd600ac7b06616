import { useEffect, type RefObject } from "react";
import type { Locale } from "../../i18n/catalog";

/**
 * The chart library's own words for screen readers are English and fixed in its code ("bar 1 of 8.",
 * "Legends", "Vertical bar chart with 2 grouped bar series."). Each, in the pane's language.
 */
const VI: [RegExp, (m: RegExpMatchArray) => string][] = [
  [/^Legends$/, () => "Chú giải"],
  [/^bar (\d+) of (\d+)\.$/, (m) => `Thanh ${m[1]} trong ${m[2]}.`],
  [
    /^(.*?)Vertical bar chart with (\d+) grouped bar series(?: and (\d+) line series)?\.\s*(?:The X axis displays (.*?)\.\s*)?(?:The Y axis displays (.*?)\.\s*)?$/,
    (m) => `${m[1] ?? ""}Biểu đồ cột: ${m[2]} loại cột${m[3] ? ` và ${m[3]} đường` : ""}.${m[4] ? ` Trục ngang: ${m[4] === "categories" ? "các kỳ" : m[4]}.` : ""}${m[5] ? ` Trục đứng: ${m[5]}.` : ""}`,
  ],
  [/^(.*), category (\d+) of (\d+), with (\d+) bars$/, (m) => `${m[1]}, nhóm ${m[2]} trong ${m[3]}, ${m[4]} cột`],
  [/^Graph has no data to display$/, () => "Biểu đồ không có số liệu"],
];

/** One label in the pane's language (unchanged when it is not one of the library's). */
export function chartLabel(label: string, locale: Locale): string {
  if (locale !== "vi") return label;
  for (const [re, say] of VI) {
    const m = label.match(re);
    if (m) return say(m);
  }
  return label;
}

/** Keeps every `aria-label` inside the element in the pane's language, however often the chart draws itself again. */
export function useChartLanguage(ref: RefObject<HTMLElement | null>, locale: Locale): void {
  useEffect(() => {
    const root = ref.current;
    if (!root || locale !== "vi" || typeof MutationObserver === "undefined") return;
    const fix = (el: Element) => {
      const label = el.getAttribute("aria-label");
      if (label === null) return;
      const said = chartLabel(label, locale);
      if (said !== label) el.setAttribute("aria-label", said);
    };
    const all = () => root.querySelectorAll("[aria-label]").forEach(fix);
    all();
    const observer = new MutationObserver((records) => {
      for (const r of records) {
        if (r.type === "attributes" && r.target instanceof Element) fix(r.target);
        else r.addedNodes.forEach((n) => n instanceof Element && (fix(n), n.querySelectorAll("[aria-label]").forEach(fix)));
      }
    });
    observer.observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ["aria-label"] });
    return () => observer.disconnect();
  }, [ref, locale]);
}
