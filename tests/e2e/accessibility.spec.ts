import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./support/auth";
import { ANONYMOUS_PAGES, MAIN_PAGES } from "./support/main-pages";

// Every main page of every cabinet in every demo role: no serious or critical axe violation
// (WCAG 2.1 A and AA rules), and at 390 px (a phone) nothing scrolls sideways.

async function seriousViolations(page: Page) {
  const result = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"])
    .analyze();
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${v.id} (${v.impact}, ${v.nodes.length}): ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(" "))
          .join(" | ")}`,
    );
}

async function sidewaysOverflow(page: Page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const wide = [...document.querySelectorAll("body *")]
      .filter((el) => el.getBoundingClientRect().right > width + 1 && getComputedStyle(el).position !== "fixed")
      .filter((el) => !el.closest("[data-scroll-x]"))
      .slice(0, 3)
      .map((el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}.${[...el.classList].slice(0, 3).join(".")}`);
    return { scrollWidth: document.documentElement.scrollWidth, width, wide };
  });
}

async function scan(page: Page, path: string) {
  await page.setViewportSize({ width: 1280, height: 900 });
  const response = await page.goto(path);
  expect(response?.status(), path).toBeLessThan(500);
  await page.waitForLoadState("load");
  const violations = await seriousViolations(page);
  if (violations.length) console.log(`AXE ${path}: ${violations.join(" ;; ")}`);
  expect.soft(violations, `axe on ${path}`).toEqual([]);

  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForTimeout(100);
  const overflow = await sidewaysOverflow(page);
  if (overflow.scrollWidth > overflow.width)
    console.log(`WIDE ${path}: ${overflow.scrollWidth} ${overflow.wide.join(", ")}`);
  expect
    .soft(overflow.scrollWidth, `${path} at 390 px is ${overflow.scrollWidth} px wide: ${overflow.wide.join(", ")}`)
    .toBeLessThanOrEqual(overflow.width);
}

test.describe("accessibility and small screens", () => {
  test("anonymous pages", async ({ page }) => {
    for (const path of ANONYMOUS_PAGES) await scan(page, path);
  });

  for (const [user, paths] of Object.entries(MAIN_PAGES)) {
    test(`${user}'s cabinet`, async ({ page }) => {
      test.setTimeout(180_000);
      await signIn(page, user);
      for (const path of paths) await scan(page, path);
    });
  }
});
