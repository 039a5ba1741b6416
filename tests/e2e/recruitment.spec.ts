import { expect, test } from "@playwright/test";
import { DEMO_UNIT_CODE, demoUser } from "@/prisma/seed/demo-users";
import { signIn } from "./support/auth";

// «Хочу бути оператором дрона»: the unit's recruiter publishes a vacancy, a citizen finds it and
// applies in two clicks, the recruiter accepts, the citizen sees the answer. Then the fences:
// another conscript cannot open that application, by page or by API.

const TITLE = `Оператор ударних БпЛА ${Date.now().toString(36)}`;

test.describe.serial("two-click application to a unit's vacancy", () => {
  let applicationUrl = "";

  test("the recruiter publishes a vacancy of the unit", async ({ page }) => {
    await signIn(page, "recruiter");
    await page.goto("/unit/vacancies/new");
    await page.getByLabel("Посада").fill(TITLE);
    await page.getByLabel("Спеціальність або ВОС").fill("150125 — оператор БпЛА");
    await page.getByLabel("Область").fill("Київська область");
    await page.getByLabel("Вимоги").fill("Вік 18–45, придатність до служби, базові навички роботи з комп'ютером");
    await page.getByLabel("Опис").fill("Пілотування ударних дронів у складі екіпажу; навчання в школі операторів.");
    await page.getByRole("button", { name: "Опублікувати" }).click();
    await expect(page).toHaveURL(/\/unit\/vacancies$/);
    await expect(page.getByTestId("unit-vacancy").filter({ hasText: TITLE })).toBeVisible();
  });

  test("a citizen finds it and applies: «Відгукнутися», then «Підтвердити»", async ({ page }) => {
    await signIn(page, "conscript-eligible");
    await page.goto(`/me/vacancies?q=${encodeURIComponent(TITLE)}`);
    const card = page.getByTestId("vacancy").filter({ hasText: TITLE });
    await expect(card).toContainText(`в/ч ${DEMO_UNIT_CODE}`);
    await card.getByRole("button", { name: "Відгукнутися" }).click();
    await card.getByLabel("Коментар для рекрутера (необов'язково)").fill("Маю досвід з FPV, телефонуйте після 18:00");
    await card.getByRole("button", { name: "Підтвердити" }).click();
    await expect(card.getByTestId("apply-result")).toContainText("Відгук надіслано");
    applicationUrl = (await card.getByRole("link", { name: "Стежити за статусом" }).getAttribute("href")) ?? "";
    expect(applicationUrl).toMatch(/^\/me\/applications\/[0-9a-f-]{36}$/);

    await page.goto(applicationUrl);
    await expect(page.getByTestId("application-status")).toHaveText("Подано");
    await page.goto(`/me/vacancies?q=${encodeURIComponent(TITLE)}`);
    await expect(card.getByRole("button", { name: "Відгукнутися" })).toHaveCount(0);
  });

  test("the recruiter sees the candidate with contacts, ВОС and ВЛК, and accepts", async ({ page }) => {
    const citizen = demoUser("conscript-eligible");
    await signIn(page, "recruiter");
    await page.goto("/unit");
    const application = page
      .getByTestId("unit-application")
      .filter({ hasText: citizen.fullName })
      .filter({ hasText: TITLE });
    await expect(application).toContainText("Маю досвід з FPV");
    await expect(application).toContainText("+380");
    await expect(application).not.toContainText(citizen.rnokpp);
    await application.getByLabel("Коментар для кандидата").fill("Чекаємо на співбесіду в понеділок о 10:00");
    await application.getByRole("button", { name: "Прийняти" }).click();
    await expect(page.getByTestId("unit-application").filter({ hasText: TITLE })).toHaveCount(0);
    await page.goto("/unit?status=ACCEPTED");
    await expect(page.getByTestId("unit-application").filter({ hasText: TITLE })).toContainText("Прийнято");
  });

  test("the citizen follows the answer and is notified", async ({ page }) => {
    await signIn(page, "conscript-eligible");
    await page.goto(applicationUrl);
    await expect(page.getByTestId("application-status")).toHaveText("Прийнято");
    await expect(page.getByTestId("decision-comment")).toHaveText("Чекаємо на співбесіду в понеділок о 10:00");
    await page.goto("/me/notifications");
    await expect(page.getByTestId("notifications")).toContainText(`Частина ${DEMO_UNIT_CODE} прийняла ваш відгук`);
    await page.goto("/me/applications");
    await expect(page.getByTestId("my-application").filter({ hasText: TITLE })).toContainText("Прийнято");
  });

  test("another conscript cannot open that application: 404 by page and by API", async ({ page }) => {
    const id = applicationUrl.split("/").pop()!;
    await signIn(page, "conscript-reserved");
    const response = await page.goto(applicationUrl);
    expect(response?.status()).toBe(404);
    const api = await page.request.get(`/api/v1/me/applications/${id}`);
    expect(api.status()).toBe(404);
    expect((await api.json()).error.code).toBe("NOT_FOUND");
    const mine = await (await page.request.get("/api/v1/me/applications")).json();
    expect(JSON.stringify(mine)).not.toContain(id);
    // The owner's API answers the same id.
    await signIn(page, "conscript-eligible");
    expect((await page.request.get(`/api/v1/me/applications/${id}`)).status()).toBe(200);
  });
});
