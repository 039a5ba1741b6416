import { expect, test, type Browser } from "@playwright/test";
import { BASIC_SERVICE_REFUSALS } from "@/lib/rules/basic-service";
import { signIn, signInWithPassword } from "./support/auth";
import { runFixture } from "./support/run-fixture";

// Recruitment centres and basic military service: a citizen books a visit to a recruitment
// centre, the centre's recruiter sees it among the day's visits, the citizen cancels it; a
// 20-year-old призовник applies for basic service, the centre accepts, the citizen sees the
// answer; a 32-year-old is told why he cannot apply; the recruiter marks today's visitor as having
// come (after a mis-click corrected) and the citizen sees that the visit took place.

const CENTRE = "Київський рекрутинговий центр ЗСУ";

type VisitToday = { rnokpp: string; fullName: string; password: string; day: string; visitId: string };

/** A citizen with a password and a visit booked for today at the demo centre (centres-fixture.ts). */
function visitToday(): VisitToday {
  return runFixture<VisitToday>("tests/e2e/centres-fixture.ts", ["visit-today"]);
}

async function asRecruiter(browser: Browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, "centre-recruiter");
  return { page, close: () => context.close() };
}

test.describe.serial("recruitment centres", () => {
  test("a citizen books a visit, the centre's recruiter sees it on that day, the citizen cancels it", async ({
    page,
    browser,
  }) => {
    test.setTimeout(90_000);
    await signIn(page, "conscript-young");
    await page.goto("/me/centres");
    const card = page
      .getByTestId("centre-card")
      .filter({ has: page.getByRole("heading", { name: CENTRE, exact: true }) });
    await expect(card).toContainText("в/ч А4521");
    await card.getByRole("link", { name: "Записатися на візит" }).click();
    await expect(page.getByRole("heading", { name: CENTRE })).toBeVisible();

    const slot = page.getByTestId("visit-slot").and(page.locator(":enabled")).first();
    const time = ((await slot.textContent()) ?? "").slice(0, 5);
    await slot.click();
    await page.getByLabel("Мета візиту").selectOption("CONTRACT");
    await page.getByRole("button", { name: `Записатися на ${time}` }).click();
    const booked = page.getByTestId("visit-booked");
    await expect(booked).toContainText(`о ${time}`);
    const [, dd, mm, yyyy] = /(\d{2})\.(\d{2})\.(\d{4})/.exec((await booked.textContent()) ?? "")!;
    const day = `${yyyy}-${mm}-${dd}`;

    const recruiter = await asRecruiter(browser);
    await recruiter.page.goto(`/centre?day=${day}`);
    // His visits at that time (a retry of this serial group finds the first attempt's cancelled one too).
    const rows = recruiter.page
      .getByTestId("centre-visit")
      .filter({ hasText: "Бондар Артем Олегович" })
      .filter({ hasText: time });
    const bookedRow = rows.and(recruiter.page.locator('[data-status="BOOKED"]'));
    await expect(bookedRow).toHaveCount(1);

    await page.goto("/me/centres");
    const mine = page.getByTestId("my-visit").filter({ hasText: `${dd}.${mm}.${yyyy} о ${time}` });
    await expect(mine).toHaveAttribute("data-status", "BOOKED");
    await mine.getByRole("button", { name: "Скасувати" }).click();
    await mine.getByRole("button", { name: "Так, скасувати запис" }).click();
    await expect(mine).toHaveAttribute("data-status", "CANCELLED");

    await recruiter.page.reload();
    await expect(rows.first()).toBeVisible();
    await expect(bookedRow).toHaveCount(0);
    await expect(rows.and(recruiter.page.locator('[data-status="CANCELLED"]')).first()).toBeVisible();
    await recruiter.close();
  });

  test("vacancies can be filtered by recruitment centre", async ({ page }) => {
    await signIn(page, "conscript-young");
    await page.goto("/me/vacancies");
    await page.getByLabel("Рекрутинговий центр").selectOption({ label: `${CENTRE} (м. Київ)` });
    await page.getByRole("button", { name: "Знайти" }).click();
    await expect(page).toHaveURL(/centre=/);
    // The demo centre recruits for the demo unit and two more (prisma/seed/generate-centres.ts).
    const cards = await page.getByTestId("vacancy").allTextContents();
    expect(cards.length).toBeGreaterThan(0);
    for (const card of cards) expect(card).toMatch(/А4521|А0317|А1846/);
  });

  test("a 20-year-old applies for basic service and the centre accepts; a 32-year-old is told why he cannot", async ({
    page,
    browser,
  }) => {
    test.setTimeout(90_000);
    await signIn(page, "conscript-young");
    await page.goto("/me/basic-service");
    await expect(page.getByText("Вам 20 р.")).toBeVisible();
    await page.getByLabel("Спеціальність").selectOption("150125 — оператор БпЛА");
    await page.getByLabel("Рекрутинговий центр").selectOption({ label: `${CENTRE} (м. Київ)` });
    await page.getByRole("button", { name: "Подати заяву" }).click();
    // The form's own confirmation, or — when the action's revalidation re-renders the page first —
    // the page's «Заяву подано» for the open application: either way the citizen is told.
    await expect(page.getByTestId("basic-service-sent").or(page.getByTestId("basic-service-open"))).toBeVisible();
    await expect(page.getByTestId("my-basic-service-application").first()).toHaveAttribute("data-status", "SUBMITTED");

    const recruiter = await asRecruiter(browser);
    await recruiter.page.goto("/centre/basic-service");
    const application = recruiter.page
      .getByTestId("basic-service-application")
      .filter({ hasText: "Бондар Артем Олегович" })
      .first();
    await expect(application).toContainText("20 р.");
    await application.getByRole("button", { name: "Прийняти заяву: Бондар Артем Олегович" }).click();
    await expect(application).toHaveAttribute("data-status", "ACCEPTED");
    await recruiter.close();

    await page.reload();
    await expect(page.getByTestId("my-basic-service-application").first()).toHaveAttribute("data-status", "ACCEPTED");
    await expect(page.getByTestId("basic-service-open")).toBeVisible();

    await signIn(page, "conscript-eligible");
    await page.goto("/me/basic-service");
    await expect(page.getByTestId("basic-service-ineligible")).toContainText(BASIC_SERVICE_REFUSALS.AGE);
  });

  test("the centre's recruiter marks today's visitor as having come; the citizen sees the visit took place", async ({
    page,
    browser,
  }) => {
    test.setTimeout(90_000);
    const visit = visitToday();
    const recruiter = await asRecruiter(browser);
    await recruiter.page.goto(`/centre?day=${visit.day}`);
    const row = recruiter.page.getByTestId("centre-visit").filter({ hasText: visit.fullName });
    await expect(row).toHaveAttribute("data-attendance", "");
    // A mis-click, then the correction: the last mark stands.
    await row.getByRole("button", { name: `Не прийшов: ${visit.fullName}`, exact: true }).click();
    await expect(row).toHaveAttribute("data-attendance", "NO_SHOW");
    await row.getByRole("button", { name: `Прийшов: ${visit.fullName}`, exact: true }).click();
    await expect(row).toHaveAttribute("data-attendance", "CAME");
    await expect(row.getByRole("button", { name: `Прийшов: ${visit.fullName}`, exact: true })).toHaveAttribute(
      "aria-pressed",
      "true",
    );
    await recruiter.close();

    await signInWithPassword(page, visit.rnokpp, visit.password);
    await page.goto("/me/centres");
    const mine = page.getByTestId("my-visit").filter({ hasText: "о 09:00" });
    await expect(mine).toHaveAttribute("data-attendance", "CAME");
    await expect(mine).toContainText("Відвідування відбулося");
    await expect(mine.getByRole("button", { name: "Скасувати" })).toHaveCount(0);
  });
});
