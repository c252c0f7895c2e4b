import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "@playwright/test";
import type { AxeResults, RunOptions } from "axe-core";

// axe-core itself, put into the page as its Playwright wrapper does; the wrapper asks for Node.js 22.12.
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

declare global {
  interface Window {
    axe?: { run(context: Document, options: RunOptions): Promise<AxeResults> };
  }
}

/** What WCAG 2.2 AA asks of a page, A and AA rules at every version. */
const WCAG_AA: RunOptions = {
  runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
};

/**
 * Pages axe is measuring, until a moment after: the style attributes it sets as it measures (which no
 * nonce can allow) are its own doing, so the journeys' policy watch does not count what they set off.
 */
export const auditedPages = new WeakSet<Page>();

/** Long enough for the browser's reports of axe's last style changes to arrive. */
const REPORTS_SETTLE_MS = 250;

/**
 * The serious and critical WCAG 2.2 AA violations axe finds on the page as it is now, each with the
 * first few elements it names, ready to show in a failed expectation.
 */
export async function seriousAccessibilityViolations(page: Page): Promise<string[]> {
  auditedPages.add(page);
  try {
    return await auditPage(page);
  } finally {
    await page.waitForTimeout(REPORTS_SETTLE_MS);
    auditedPages.delete(page);
  }
}

async function auditPage(page: Page): Promise<string[]> {
  // Evaluated over the DevTools protocol, which the page's Content-Security-Policy does not govern.
  await page.evaluate(axeSource);
  const results = await page.evaluate(async (options) => {
    if (!window.axe) throw new Error("axe-core did not load");
    return window.axe.run(document, options);
  }, WCAG_AA);
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map(
      (violation) =>
        `${page.url()}: ${violation.id} (${violation.impact}) ${violation.help}: ${violation.nodes
          .slice(0, 3)
          .map((node) => node.target.join(" "))
          .join("; ")}`,
    );
}

/**
 * Elements that reach past the viewport's right edge, other than those inside a box that scrolls
 * sideways on its own (a wide table's wrapper): what makes a page scroll sideways on a phone.
 */
export async function elementsWiderThanViewport(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    // A box that scrolls clips what is laid out inside it; an absolutely placed element inside it whose
    // containing block lies outside (a visually hidden label in a wide table) spills onto the page.
    const scrollsOnItsOwn = (element: Element) => {
      const position = getComputedStyle(element).position;
      if (position === "fixed") return false;
      const placed = position === "absolute" && element instanceof HTMLElement;
      const holder = placed ? element.offsetParent : null;
      for (let parent = element.parentElement; parent; parent = parent.parentElement) {
        const overflow = getComputedStyle(parent).overflowX;
        if (overflow !== "auto" && overflow !== "scroll") continue;
        if (!placed || (holder && (parent === holder || parent.contains(holder)))) return true;
      }
      return false;
    };
    const describe = (element: Element) =>
      `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ""}${
        element.getAttribute("class")
          ? `.${element.getAttribute("class")?.split(/\s+/).slice(0, 3).join(".")}`
          : ""
      } (right edge at ${Math.round(element.getBoundingClientRect().right)} px)`;
    const wide = [...document.body.querySelectorAll("*")].filter((element) => {
      const box = element.getBoundingClientRect();
      return box.width > 0 && box.right > width + 1 && !scrollsOnItsOwn(element);
    });
    const overflow =
      document.documentElement.scrollWidth > width
        ? [`the page scrolls sideways: ${document.documentElement.scrollWidth} px wide in ${width} px`]
        : [];
    return [...overflow, ...wide.slice(0, 5).map(describe)];
  });
}
