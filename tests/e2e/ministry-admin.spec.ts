import { expect, test, type APIRequestContext } from "@playwright/test";
import { generateEdrpou, generateRnokpp } from "@/lib/identifiers";
import { signIn } from "./support/auth";
import { unusedTotp } from "./support/totp";

// The administrator's journey: an authority is created (an ОВА without its region is refused
// beside the field), an official is added and shown the authenticator key once, signs in with
// the password and a code from that key, and loses the cabinet the moment they are withdrawn.

async function signInWithPassword(request: APIRequestContext, login: string, password: string, totpSecret: string) {
  const csrf = ((await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string }).csrfToken;
  return request.post("/api/auth/callback/password", {
    form: { csrfToken: csrf, login, password, totp: await unusedTotp(totpSecret), json: "true" },
  });
}

test("the administrator creates an authority, adds an official who signs in, then withdraws them", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const stamp = Date.now() % 1_000_000;
  await signIn(page, "admin");
  await page.goto("/admin");

  await page.getByLabel("Повна назва").fill(`Полтавська обласна військова адміністрація (тест ${stamp})`);
  await page.getByLabel("Скорочена назва").fill(`Полтавська ОВА ${stamp}`);
  await page.getByLabel("Вид органу").selectOption("REGIONAL_ADMINISTRATION");
  await page.getByLabel("Код (латиницею, для посилань)").fill(`ova-e2e-${stamp}`);
  await page.getByLabel("ЄДРПОУ органу").fill(generateEdrpou(4_500_000 + (stamp % 400_000)));
  await page.getByRole("button", { name: "Створити орган" }).click();
  await expect(page.locator('[data-field-error="au-region"]')).toContainText("вкажіть її регіон");
  await page.getByLabel("Регіон (для ОВА — обов'язково)").fill("Полтавська область");
  await page.getByRole("button", { name: "Створити орган" }).click();
  await expect(page.getByText("Орган влади створено.")).toBeVisible();
  await expect(page.getByTestId("authority-row").filter({ hasText: `Полтавська ОВА ${stamp}` })).toBeVisible();

  await page.goto("/admin/officials");
  const email = `e2e.official.${stamp}@poltava.gov.ua`;
  const password = `E2e-official-${stamp}`;
  await page.getByLabel("Орган влади").selectOption({ label: `Полтавська ОВА ${stamp}` });
  await page.getByLabel("Посада").fill("Головний спеціаліст відділу економіки");
  await page.getByLabel("Прізвище, ім'я, по батькові").fill("Тестова Марія Олексіївна");
  await page.getByLabel("РНОКПП").fill(generateRnokpp(new Date(Date.UTC(1990, 1, 2)), "FEMALE", 700 + (stamp % 200)));
  await page.getByLabel("Службова е-пошта (логін)").fill(email);
  await page.getByLabel("Початковий пароль").fill(password);
  await page.getByRole("button", { name: "Додати посадову особу" }).click();
  const secret = (await page.getByTestId("totp-secret").textContent())?.trim() ?? "";
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  await expect(page.getByRole("img", { name: /QR-код автентифікатора/ })).toBeVisible();

  const official = await browser.newContext();
  const officialPage = await official.newPage();
  expect((await signInWithPassword(officialPage.request, email, password, secret)).ok()).toBe(true);
  await officialPage.goto("/ministry");
  await expect(officialPage.getByTestId("current-user")).toHaveText("Тестова Марія Олексіївна");
  await expect(officialPage.getByRole("heading", { name: "Підприємства вашого органу" })).toBeVisible();

  await page.getByRole("button", { name: "Я зберіг(ла) ключ — додати ще одну особу" }).click();
  const row = page.getByTestId("official-row").filter({ hasText: email });
  await row.getByRole("button", { name: "Припинити повноваження" }).click();
  await row.getByRole("button", { name: "Так, припинити" }).click();
  await expect(row).toContainText("Припинено");

  // The withdrawn official's session no longer opens the cabinet.
  await officialPage.goto("/ministry");
  await expect(officialPage).toHaveURL(/\/login/);
  await official.close();
});
