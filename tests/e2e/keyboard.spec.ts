import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { freshEnterprise, resultRow, signInAs } from "./company-helpers";

// The director's whole application with the keyboard alone: Tab, Shift+Tab, Space, Enter,
// Escape and typing — no click anywhere (only the session is opened over HTTP, and the key file
// is handed to the file chooser the keyboard opened). At every stop the focused control must
// show a visible focus mark, and the signer's dialog must keep the focus inside and give it
// back to its button when closed.

/** Presses Tab until `target` has the focus, checking each stop's focus mark on the way. */
async function tabTo(page: Page, target: Locator, { max = 120, back = false } = {}) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press(back ? "Shift+Tab" : "Tab");
    await expectVisibleFocus(page);
  }
  throw new Error(`${target} not reached with ${max} presses of Tab`);
}

/** The focused element (or the label around a visually hidden input) draws an outline or a ring. */
async function expectVisibleFocus(page: Page) {
  const mark = await page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return "body";
    const marked = (node: Element) => {
      const style = getComputedStyle(node);
      const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2;
      return outline || style.boxShadow !== "none";
    };
    const label = el.closest("label");
    return marked(el) || (label !== null && marked(label))
      ? "ok"
      : `${el.tagName.toLowerCase()} ${el.getAttribute("aria-label") ?? el.textContent?.trim().slice(0, 40)}`;
  });
  expect(mark === "ok" || mark === "body", `no visible focus on: ${mark}`).toBe(true);
}

const focused = (page: Page) =>
  page.evaluate(
    () =>
      document.activeElement?.getAttribute("data-testid") ??
      document.activeElement?.getAttribute("aria-label") ??
      document.activeElement?.tagName,
  );

test("a director applies, reviews, signs with a КЕП and reads the decision with the keyboard alone", async ({
  page,
}) => {
  test.setTimeout(240_000);
  const e = freshEnterprise();
  const [first, second] = e.eligible;
  await signInAs(page.request, e.head, "ENTERPRISE_HEAD", e.edrpou);

  await page.goto("/company");
  await tabTo(page, page.getByTestId("new-application"));
  await page.keyboard.press("Enter");

  // Step 1: tick two employees with Space, then on.
  await expect(page.getByTestId("step-counter")).toHaveText("Крок 1 з 4");
  for (const person of [first, second]) {
    const box = page.getByRole("checkbox", { name: `Обрати: ${person.fullName}` });
    await tabTo(page, box);
    await page.keyboard.press("Space");
    await expect(box).toBeChecked();
  }
  await expect(page.getByTestId("selection-count")).toContainText("Обрано: 2");
  await tabTo(page, page.getByTestId("wizard-next"));
  await page.keyboard.press("Enter");

  // Step 2: the salaries, confirmed as they are.
  await expect(page.getByTestId("step-counter")).toHaveText("Крок 2 з 4");
  await expect(page.getByTestId("salary-row")).toHaveCount(2);
  await tabTo(page, page.getByTestId("wizard-next"));
  await page.keyboard.press("Enter");

  // Step 3: the pre-check; the stepper and the counter agree, and nothing nests another counter.
  await expect(page.getByTestId("precheck-summary")).toHaveText("Буде заброньовано 2 з 2, ліміт після: 2 з 2", {
    timeout: 30_000,
  });
  await expect(page.getByTestId("step-counter")).toHaveText("Крок 3 з 4");
  await expect(page.getByTestId("stepper").locator('[aria-current="step"]')).toContainText("Перевірка");
  await expect(page.getByText(/Крок \d з 2/)).toHaveCount(0);

  // Step 4 opens in a dialog: the focus goes in, Tab and Shift+Tab go round inside, Escape closes
  // it and the focus is back on its button.
  const opener = page.getByTestId("kep-open");
  await tabTo(page, opener);
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: "Крок 4 з 4: підпишіть заяву КЕП" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId("stepper").locator('[aria-current="step"]')).toContainText("Підпис");
  await expect(dialog.getByText(/Крок \d з 2/)).toHaveCount(0);
  for (const key of [
    "Tab",
    "Tab",
    "Tab",
    "Tab",
    "Tab",
    "Tab",
    "Shift+Tab",
    "Shift+Tab",
    "Shift+Tab",
    "Shift+Tab",
    "Shift+Tab",
    "Shift+Tab",
    "Shift+Tab",
    "Shift+Tab",
  ]) {
    await page.keyboard.press(key);
    expect(
      await dialog.evaluate((d) => d.contains(document.activeElement) && d !== document.activeElement),
      `focus left the dialog after ${key}`,
    ).toBe(true);
    await expectVisibleFocus(page);
  }
  const violations = (await new AxeBuilder({ page }).include('[data-testid="kep-dialog"]').analyze()).violations.filter(
    (v) => v.impact === "serious" || v.impact === "critical",
  );
  expect(violations.map((v) => v.id)).toEqual([]);
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  expect(await focused(page)).toBe("kep-open");

  // Open it again: the key file through the file chooser Space opens, the password typed, Enter
  // reads the key and puts the focus on «Підписати й подати», Enter signs.
  await page.keyboard.press("Enter");
  await expect(dialog).toBeVisible();
  await tabTo(page, dialog.getByTestId("kep-file"), { max: 20 });
  const [chooser] = await Promise.all([page.waitForEvent("filechooser"), page.keyboard.press("Space")]);
  await chooser.setFiles(e.head.keyFile);
  await expect(dialog.getByLabel("Пароль до ключа")).toBeFocused();
  await page.keyboard.type(e.head.keyPassword);
  await page.keyboard.press("Enter");
  await expect(dialog.getByTestId("kep-identity")).toBeVisible({ timeout: 30_000 });
  await expect(dialog.getByRole("button", { name: "Підписати й подати" })).toBeFocused();
  await expectVisibleFocus(page);
  await page.keyboard.press("Enter");

  // The decision, on the application's page.
  await expect(page).toHaveURL(/\/company\/applications\/[0-9a-f-]{36}$/, { timeout: 30_000 });
  await expect(page.getByTestId("decision-done")).toContainText("Заброньовано 2 з 2", { timeout: 60_000 });
  await expect(resultRow(page, first)).toHaveAttribute("data-decision", "RESERVED");
  await tabTo(page, resultRow(page, first).getByRole("link", { name: first.fullName }));
});
