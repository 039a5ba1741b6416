import { expect, test, type Locator, type Page } from "@playwright/test";
import { signIn } from "./support/auth";

// «Скинути» is a link, so following it is a client-side navigation that keeps the mounted form:
// without a key per filter the selects kept the last choices while the URL and the list had
// been reset. Each cabinet's filter form must show its defaults again.

async function chooseSearchReset(page: Page, form: Locator, label: string, value: string, url: RegExp) {
  await form.getByLabel(label).selectOption(value);
  await form.getByRole("button", { name: "Знайти" }).click();
  await expect(page).toHaveURL(url);
  await expect(form.getByLabel(label)).toHaveValue(value);
  await form.getByRole("link", { name: "Скинути" }).click();
  await expect(page).not.toHaveURL(url);
  await expect(form.getByLabel(label)).toHaveValue("");
}

test("the ministry's decision filters show their defaults after «Скинути»", async ({ page }) => {
  await signIn(page, "official-economy");
  await page.goto("/ministry");
  const form = page.getByRole("search", { name: "Пошук підприємств" });
  await chooseSearchReset(page, form, "Стан", "REVOKED", /status=REVOKED/);
});

test("the company's employee filters show their defaults after «Скинути»", async ({ page }) => {
  await signIn(page, "head-big");
  await page.goto("/company/employees");
  const form = page.getByRole("search", { name: "Пошук працівників" });
  // On a phone the selects sit in a disclosure; this runs at desktop width, where they show.
  await chooseSearchReset(page, form, "Бронювання", "not_reserved", /state=not_reserved/);
});
