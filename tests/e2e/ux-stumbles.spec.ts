import { expect, test } from "@playwright/test";
import { signIn } from "./support/auth";

// What new users stumbled on (issue 15), each checked where it happened: the phone's first
// screen of the employee list, the header's long names, dates typed as дд.мм.рррр whatever the
// browser's language, and the short enterprise names in the ministry's lists.

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("the employee list, not its filters, fills the first screen; the filters are one tap away", async ({ page }) => {
    await signIn(page, "head-big");
    await page.goto("/company/employees");
    const toggle = page.getByTestId("filters-toggle");
    await expect(toggle).toBeVisible();
    await expect(toggle).toHaveAttribute("aria-expanded", "false");
    await expect(page.getByLabel("Чи можна забронювати")).toBeHidden();
    await expect(page.getByLabel("ПІБ або РНОКПП")).toBeVisible();
    // Folded, the search form takes well under a third of the screen, and the list's views start on the first screen.
    const form = await page.getByRole("search", { name: "Пошук працівників" }).boundingBox();
    expect(form!.height, "the search form's height").toBeLessThan(844 / 3);
    const views = await page.getByRole("navigation", { name: "Швидкі фільтри" }).boundingBox();
    expect(views!.y, "the list's views start on the first screen").toBeLessThan(844);

    await toggle.click();
    await expect(toggle).toHaveAttribute("aria-expanded", "true");
    await expect(page.getByLabel("Чи можна забронювати")).toBeVisible();
    await expect(page.getByLabel("Сортувати")).toBeVisible();
  });

  test("the header shows the whole name and role, wrapped rather than cut", async ({ page }) => {
    await signIn(page, "head-big");
    await page.goto("/company");
    for (const id of ["current-user", "current-role"]) {
      const cut = await page
        .getByTestId(id)
        .evaluate((el) => el.scrollWidth > el.clientWidth || getComputedStyle(el).textOverflow === "ellipsis");
      expect(cut, `${id} is cut`).toBe(false);
    }
    // The role names the enterprise by its short form.
    await expect(page.getByTestId("current-role")).toContainText(
      "ПрАТ «Дніпровський завод енергетичного машинобудування»",
    );
  });
});

test.describe("in an English browser", () => {
  test.use({ locale: "en-US" });

  test("a date is typed as дд.мм.рррр, a wrong one is refused in Ukrainian and tied to its field", async ({ page }) => {
    await signIn(page, "official-economy");
    await page.goto("/ministry/audit");
    const from = page.getByLabel("З дати");
    await expect(from).toHaveAttribute("placeholder", "дд.мм.рррр");
    await from.fill("31.02.2026");
    await from.press("Tab");
    await expect(from).toHaveAttribute("aria-invalid", "true");
    await expect(from).toHaveAccessibleDescription("Такої дати немає: у цьому місяці 28 днів.");
    await from.fill("2026-02-01");
    await from.press("Tab");
    await expect(from).toHaveAccessibleDescription(/дд\.мм\.рррр/);
    await from.fill("1.2.2026");
    await from.press("Tab");
    await expect(from).toHaveValue("01.02.2026");
    await expect(from).not.toHaveAttribute("aria-invalid", "true");
    await page.getByRole("button", { name: "Показати" }).click();
    await expect(page).toHaveURL(/[?&]from=2026-02-01/);
    await expect(page.getByLabel("З дати")).toHaveValue("01.02.2026");
  });
});

test("the ministry's lists name enterprises by their short form", async ({ page }) => {
  await signIn(page, "official-economy");
  await page.goto("/ministry");
  const names = await page.locator('a[href^="/ministry/decisions/"]').allTextContents();
  expect(names.length).toBeGreaterThan(0);
  for (const name of names)
    expect(name).not.toMatch(
      /^(Приватне акціонерне товариство|Товариство з обмеженою відповідальністю|Акціонерне товариство)/,
    );
});

test("a person reserved here is shown as reserved, not as a red refusal", async ({ page }) => {
  await signIn(page, "head-big");
  await page.goto("/company/employees?state=reserved");
  const rows = page.locator('[data-testid="employee-row"]');
  await expect(rows.first()).toBeVisible();
  const count = await rows.count();
  expect(count).toBeGreaterThan(0);
  for (let i = 0; i < count; i += 1) {
    await expect(rows.nth(i)).not.toContainText("Не можна забронювати");
    await expect(rows.nth(i)).toContainText("Уже заброньовано");
  }
});
