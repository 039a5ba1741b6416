import { mkdirSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./support/auth";

// Not a check: `SCREENSHOTS=1 npx playwright test tests/e2e/screenshots.spec.ts` redraws
// docs/screenshots/ (the pages issue 15 changed, at 1280 and 390 px). Skipped otherwise.
test.skip(!process.env.SCREENSHOTS, "SCREENSHOTS=1 redraws docs/screenshots/");

const SHOTS: Array<{ name: string; user: string | null; path: string; prepare?: (page: Page) => Promise<void> }> = [
  { name: "login", user: null, path: "/login" },
  {
    name: "evod",
    user: "conscript-reserved",
    path: "/me/document",
    prepare: async (page) => {
      const issue = page.getByRole("button", { name: "Сформувати еВОД" });
      if (await issue.isVisible()) await issue.click();
      await expect(page.getByTestId("evod")).toBeVisible();
    },
  },
  { name: "verify-unknown", user: null, path: "/verify/AAAAAAAAAAAAAAAAAAAAAAAA" },
  { name: "dashboard", user: "official-economy", path: "/ministry/dashboard" },
  { name: "annulments", user: "head-big", path: "/company/annulments" },
  { name: "employees", user: "head-big", path: "/company/employees" },
  { name: "api-tokens", user: "head-big", path: "/company/api-tokens" },
  { name: "unit-vacancies", user: "recruiter", path: "/unit/vacancies" },
];

for (const shot of SHOTS) {
  test(shot.name, async ({ page }) => {
    mkdirSync("docs/screenshots", { recursive: true });
    if (shot.user) await signIn(page, shot.user);
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
      await page.goto(shot.path);
      await shot.prepare?.(page);
      await page.screenshot({ path: `docs/screenshots/${shot.name}-${width}.png`, fullPage: false, scale: "css" });
    }
  });
}
