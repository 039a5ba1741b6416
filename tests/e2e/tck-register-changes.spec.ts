import { expect, test, type Page } from "@playwright/test";
import { addDays } from "@/lib/rules";
import { signIn, signInWithPassword } from "./support/auth";
import { dayAhead, dmy, kyivToday } from "./support/dates";
import { runFixture } from "./support/run-fixture";

// The officer's changes to a person's record, and what the person is told (issue 12, the
// citizen's status notifications): on a fixture person of the demo ТЦК who can sign in, the
// officer puts him on the wanted list (a reason is required) and refers him to the ВЛК (a
// Saturday is refused in Ukrainian, a working day accepted); a deferment with a past end date and
// a data update with a bad phone are refused and keep what was typed; the record shows the changes,
// and the citizen finds the notifications in /me and the referral among his data.

type Person = { rnokpp: string; fullName: string };
type Family = { lastName: string; citizen: Person & { password: string } };

function family(): Family {
  return runFixture<Family>("tests/e2e/tck-fixture.ts", ["filter"]);
}

/** The value beside a label in the record's list of facts. */
const fact = (page: Page, label: string) =>
  page
    .locator("dl > div")
    .filter({ has: page.getByText(label, { exact: true }) })
    .locator("dd");

test("ТЦК: the officer puts a person on the wanted list and refers him to the ВЛК; the citizen is told in /me", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const f = family();

  // The officer opens the person's record from the register.
  await signIn(page, "tck-officer");
  await page.goto("/tck");
  const filters = page.getByRole("form", { name: "Фільтри реєстру" });
  await filters.getByLabel("Прізвище або РНОКПП").fill(f.lastName);
  await filters.getByRole("button", { name: "Знайти" }).click();
  await page.getByRole("link", { name: f.citizen.fullName }).click();
  await expect(page.getByRole("heading", { level: 1, name: f.citizen.fullName })).toBeVisible();
  await expect(fact(page, "У розшуку")).toHaveText("ні");

  // «Оголосити в розшук» with a reason.
  await page.locator("#wanted-reason").fill("Неявка за повісткою без поважних причин");
  await page.getByRole("button", { name: "Оголосити в розшук" }).click();
  await expect(page.getByText("Особу оголошено в розшук. Їй надіслано сповіщення.")).toBeVisible();
  await expect(fact(page, "У розшуку")).toHaveText("так");
  await expect(fact(page, "Статус обліку")).toHaveText(/розшук/i);
  await expect(page.getByRole("button", { name: "Зняти з розшуку" })).toBeVisible();

  // «Направити на ВЛК»: a Saturday is refused, a working day accepted.
  await page.getByLabel("Дата явки").fill(dayAhead([6]));
  await page.getByLabel("Час явки").fill("10:30");
  await page.getByRole("button", { name: "Направити на ВЛК" }).click();
  await expect(page.getByText("Дата явки має припадати на робочий день (понеділок — п'ятниця)")).toBeVisible();
  await expect(fact(page, "Направлення на ВЛК")).toHaveText("немає");
  const vlkDay = dayAhead([1, 2, 3, 4, 5]);
  await page.getByLabel("Дата явки").fill(vlkDay);
  await page.getByRole("button", { name: "Направити на ВЛК" }).click();
  await expect(page.getByText(/Направлення на ВЛК оформлено/)).toBeVisible();
  await expect(fact(page, "Направлення на ВЛК")).toContainText(`${dmy(vlkDay)} 10:30`);

  // «Надати відстрочку» with a past end date: refused in Ukrainian, the date typed stays, nothing granted.
  const yesterday = addDays(kyivToday(), -1);
  await page.getByLabel("До", { exact: true }).fill(yesterday);
  await page.getByRole("button", { name: "Надати відстрочку" }).click();
  await expect(page.getByText("Дата завершення відстрочки має бути пізнішою за сьогоднішню")).toBeVisible();
  await expect(page.getByLabel("До", { exact: true })).toHaveValue(yesterday);

  // «Записати уточнені дані» with a phone that is not Ukrainian: the field says why and the number
  // typed stays; corrected, the update is recorded and the field's message is gone.
  const phone = page.locator("#data-phone");
  const phoneError = page.locator('[data-field-error="data-phone"]');
  await phone.fill("12345");
  await page.getByRole("button", { name: "Записати уточнені дані" }).click();
  await expect(phoneError).toHaveText("Номер телефону має бути у форматі +380XXXXXXXXX");
  await expect(phone).toHaveAttribute("aria-invalid", "true");
  await expect(phone).toHaveValue("12345");
  await phone.fill("067 123 45 67");
  await page.getByRole("button", { name: "Записати уточнені дані" }).click();
  await expect(
    page.getByText("Уточнені дані записано до реєстру з сьогоднішньою датою. Особі надіслано сповіщення."),
  ).toBeVisible();
  await expect(phoneError).toHaveCount(0);

  // The citizen sees both notifications and the referral among his data.
  const context = await browser.newContext();
  const citizen = await context.newPage();
  await signInWithPassword(citizen, f.citizen.rnokpp, f.citizen.password);
  await citizen.goto("/me/notifications");
  const inbox = citizen.getByTestId("notifications");
  await expect(inbox).toContainText("Вас оголошено в розшук ТЦК та СП");
  await expect(inbox).toContainText("Підстава: Неявка за повісткою без поважних причин.");
  await expect(inbox).toContainText("Вас направлено на ВЛК");
  await expect(inbox).toContainText(`З'явіться ${dmy(vlkDay)} 10:30`);
  await expect(inbox).toContainText("Ваші військово-облікові дані оновлено");
  await citizen.goto("/me");
  await expect(citizen.getByTestId("record-vlk-referral")).toContainText(`${dmy(vlkDay)} 10:30`);
  await context.close();
});
