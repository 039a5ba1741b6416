import { expect, test, type Page } from "@playwright/test";
import { demoUser } from "@/prisma/seed/demo-users";
import { signIn, signInWithPassword } from "./support/auth";
import { runConscriptFixture } from "./support/conscript-fixture-client";

// The conscript's journeys: the record and reservation, the еВОД and its QR check from a
// stranger's browser, the check turning invalid once the employer's reservation is annulled,
// contacts, and the limits of what a conscript (or anyone) can see.

type Fixture = { rnokpp: string; password: string; markId: string; untilDate: string };

/** The fixture's citizen signs in with his password; his one role, the conscript's, is active. */
async function signInAsConscript(page: Page, login: string, password: string) {
  await signInWithPassword(page, login, password);
  const session = (await (await page.request.get("/api/auth/session")).json()) as { activeRole?: { role: string } };
  expect(session.activeRole?.role).toBe("CONSCRIPT");
}

const ddmmyyyy = (iso: string) => iso.split("-").reverse().join(".");

test.describe("the conscript's cabinet", () => {
  test("the demo conscript sees his record, his status and the reservation his employer made through Дія", async ({
    page,
  }) => {
    const user = demoUser("conscript-reserved");
    await signIn(page, "conscript-reserved");
    await page.goto("/me");
    await expect(page.getByRole("heading", { level: 1, name: "Мій військовий облік" })).toBeVisible();
    await expect(page.getByTestId("record-name")).toHaveText(user.fullName);
    await expect(page.getByTestId("record-rnokpp")).toHaveText(user.rnokpp);
    await expect(page.getByTestId("registration-status")).toHaveText("На обліку");
    // The seed reserved him at the big enterprise through Дія. Another journey may have annulled
    // it since (the e2e database is shared by the run), but the registry's history keeps it.
    await expect(
      page.getByTestId("history-row").filter({ hasText: "Дніпровський завод енергетичного машинобудування" }).first(),
    ).toContainText("Портал «Дія»");
  });

  test("еВОД: PDF, QR link valid in a fresh browser, invalid after the employer's reservation is annulled", async ({
    page,
    browser,
  }) => {
    const person = runConscriptFixture<Fixture>("create");
    await signInAsConscript(page, person.rnokpp, person.password);

    await page.goto("/me");
    await expect(page.getByTestId("reservation-term")).toHaveText(new RegExp(`до ${ddmmyyyy(person.untilDate)}`));

    await page.goto("/me/document");
    await page.getByRole("button", { name: "Сформувати еВОД" }).click();
    const evod = page.getByTestId("evod");
    await expect(evod).toBeVisible();
    await expect(evod).toContainText("Військово-обліковий документ");
    await expect(evod).toContainText(person.rnokpp);
    await expect(evod.locator("svg")).toBeVisible();
    // What a ТЦК officer looks for: the reservation's end, as a chip of its own.
    await expect(page.getByTestId("evod-reserved-until")).toHaveText(`Заброньовано до ${ddmmyyyy(person.untilDate)}`);

    // The PDF: a real file, from the same document.
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("evod-pdf").click()]);
    expect(download.suggestedFilename()).toMatch(/^evod-\d{4}-\d{2}-\d{2}\.pdf$/);
    const pdf = await page.request.get("/me/document/pdf");
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    expect((await pdf.body()).subarray(0, 5).toString("latin1")).toBe("%PDF-");

    // The QR link, opened by someone who is not signed in.
    const link = await page.getByTestId("evod-verify-link").getAttribute("href");
    expect(link).toMatch(/\/verify\/[A-Za-z0-9_-]{24}$/);
    const stranger = await browser.newContext();
    const check = await stranger.newPage();
    await check.goto(link!);
    const result = check.getByTestId("verify-result");
    await expect(result).toHaveAttribute("data-status", "VALID");
    await expect(check.getByText("Документ дійсний")).toBeVisible();
    await expect(check.getByTestId("verify-initials")).toHaveText("П. О. В.");
    await expect(check.getByTestId("verify-reservation")).toHaveText(`до ${ddmmyyyy(person.untilDate)}`);
    const publicText = await check.locator("main").innerText();
    expect(publicText).not.toContain(person.rnokpp);
    expect(publicText).not.toContain("Петренко");

    // The employer annuls the reservation (through the lifecycle's annulReservations).
    expect(runConscriptFixture<{ annulled: number }>("annul", person.rnokpp).annulled).toBe(1);
    await check.reload();
    await expect(result).toHaveAttribute("data-status", "INVALID");
    await expect(check.getByTestId("verify-reason")).toHaveText("Бронювання, зазначене в документі, анульовано");
    await stranger.close();

    // The owner sees the same, is notified, and can issue a new document without the reservation.
    await page.goto("/me/document");
    await expect(page.getByTestId("evod-invalid")).toBeVisible();
    await expect(page.getByTestId("evod-pdf")).toHaveCount(0);
    expect((await page.request.get("/me/document/pdf")).status()).toBe(404);
    await page.goto("/me");
    await expect(page.getByTestId("no-reservation")).toBeVisible();
    await page.goto("/me/notifications");
    await expect(page.getByTestId("notifications")).toContainText("Бронювання анульовано");
  });

  test("updating contacts: a bad phone is refused in Ukrainian; a good one dates the data update", async ({ page }) => {
    const person = runConscriptFixture<Fixture>("create");
    await signInAsConscript(page, person.rnokpp, person.password);
    await page.goto("/me/contacts");
    await page.getByLabel("Телефон").fill("12345");
    await page.getByRole("button", { name: "Зберегти контакти" }).click();
    await expect(page.getByText("Номер телефону має бути у форматі +380XXXXXXXXX")).toBeVisible();
    await page.getByLabel("Телефон").fill("067 555 44 33");
    await page.getByLabel("Електронна пошта").fill("petrenko@example.com");
    await page.getByRole("button", { name: "Зберегти контакти" }).click();
    await expect(page.getByTestId("contacts-result")).toContainText("Контакти збережено");
    await page.goto("/me");
    await expect(page.getByText("+380675554433")).toBeVisible();
    const today = new Intl.DateTimeFormat("uk-UA", {
      timeZone: "Europe/Kyiv",
      day: "2-digit",
      month: "2-digit",
      year: "numeric",
    }).format(new Date());
    await expect(page.getByText(`Дані уточнено ${today}`)).toBeVisible();
  });
});

test.describe("what a conscript cannot see", () => {
  test("the status API answers only the session's own person, and 401 to nobody", async ({ page, playwright }) => {
    const anonymous = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
    const refused = await anonymous.get("/api/v1/me/status");
    expect(refused.status()).toBe(401);
    expect((await refused.json()).error.code).toBe("UNAUTHENTICATED");
    await anonymous.dispose();

    const me = demoUser("conscript-eligible");
    const other = demoUser("conscript-reserved");
    await signIn(page, "conscript-eligible");
    const response = await page.request.get(`/api/v1/me/status?rnokpp=${other.rnokpp}`);
    expect(response.status()).toBe(200);
    const body = await response.json();
    expect(body.rnokpp).toBe(me.rnokpp);
    expect(JSON.stringify(body)).not.toContain(other.rnokpp);
  });

  test("other cabinets are closed to a conscript", async ({ page }) => {
    await signIn(page, "conscript-reserved");
    expect((await page.goto("/unit"))?.status()).toBe(403);
    expect((await page.goto("/unit/vacancies"))?.status()).toBe(403);
  });

  test("a flood of checks from one address gets 429 with a Ukrainian message; junk codes say «not found»", async ({
    playwright,
  }) => {
    const client = await playwright.request.newContext({
      baseURL: test.info().project.use.baseURL,
      extraHTTPHeaders: { "x-forwarded-for": "203.0.113.77" },
    });
    const first = await client.get("/verify/not-a-real-code");
    expect(first.status()).toBe(200);
    expect(await first.text()).toContain("Документ не знайдено");
    let limited = null;
    for (let i = 0; i < 70 && !limited; i++) {
      const response = await client.get(`/verify/${"A".repeat(24)}`);
      if (response.status() === 429) limited = response;
    }
    expect(limited, "the limiter answered 429").not.toBeNull();
    expect(await limited!.text()).toContain("Забагато перевірок");
    expect(Number(limited!.headers()["retry-after"])).toBeGreaterThan(0);
    await client.dispose();
  });
});
