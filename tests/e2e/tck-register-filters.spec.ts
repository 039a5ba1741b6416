import { expect, test } from "@playwright/test";
import { signIn } from "./support/auth";

// The ТЦК register's filter form (components/ui/filter-form.tsx): every select offers «Усі», a
// search keeps the choices, yes/no and category filters reach the domain as typed (they were parsed
// twice and failed with a 500 before), «Скинути» clears them.
test("the ТЦК register's filters keep their choices and reset", async ({ page }) => {
  await signIn(page, "tck-officer");
  await page.goto("/tck");
  const form = page.getByRole("form", { name: "Фільтри реєстру" });
  await expect(form.getByLabel("Статус обліку")).toHaveValue("");
  await expect(form.getByLabel("Вік").locator("option")).toHaveText(["Усі", "18–24", "25–59", "60 і більше"]);
  await expect(form.getByLabel("У розшуку").locator("option")).toHaveText(["Усі", "Так", "Ні"]);
  await expect(form.getByLabel("ВЛК").locator("option")).toHaveText(["Усі", "ВЛК не проходили понад рік"]);
  await form.getByLabel("Вік").selectOption("25-59");
  await form.getByLabel("У розшуку").selectOption("no");
  await form.getByLabel("Категорія обліку").selectOption("1");
  await form.getByRole("button", { name: "Знайти" }).click();
  await expect(page).toHaveURL(/ageBand=25-59/);
  await expect(page).toHaveURL(/wanted=no/);
  await expect(form.getByLabel("Вік")).toHaveValue("25-59");
  await expect(form.getByLabel("У розшуку")).toHaveValue("no");
  await expect(form.getByLabel("Категорія обліку")).toHaveValue("1");
  await expect(page.getByRole("heading", { name: "This page couldn’t load" })).toHaveCount(0);
  await expect(form.getByLabel("Дані уточнено")).toHaveValue("");
  await form.getByRole("link", { name: "Скинути" }).click();
  await expect(page).toHaveURL(/\/tck$/);
  await expect(form.getByLabel("Вік")).toHaveValue("");
});
