import { readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { demoUser } from "@/prisma/seed/demo-users";
import { signIn } from "./support/auth";
import { demoKey } from "./support/demo-keys";

// Certificates in minutes, sealed and QR-verifiable: a veteran whose service is confirmed gets
// the certificate of participation at once, downloads the PDF and its seal, and the public check
// confirms it and refuses a tampered copy; another veteran's request goes to the unit's staff
// officer, who confirms it with КЕП, and the certificate appears; the officer then corrects that
// period, sees the certificate it will revoke, signs, and the check says revoked and why; a
// reserved employee downloads the extract of his reservation; someone not reserved is refused.

async function download(page: Page, testId: string): Promise<Buffer> {
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByTestId(testId).first().click()]);
  return readFileSync((await file.path())!);
}

async function checkUpload(page: Page, bytes: Buffer, name: string) {
  const file = path.join(os.tmpdir(), `${Date.now()}-${name}`);
  writeFileSync(file, bytes);
  await page.getByLabel("Файл довідки (PDF)").setInputFiles(file);
  await page.getByRole("button", { name: "Перевірити файл" }).click();
  return page.getByTestId("pdf-check-result");
}

test.describe.serial("certificates", () => {
  test("a veteran whose service is confirmed gets the certificate at once; the check confirms it and refuses a tampered copy", async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await signIn(page, "veteran");
    await page.goto("/me/certificates");
    await page.getByTestId("request-SERVICE_PARTICIPATION").click();
    await expect(page.getByTestId("request-SERVICE_PARTICIPATION-result")).toContainText("видано", { timeout: 30_000 });
    const item = page.locator('[data-testid="certificate-request"][data-kind="SERVICE_PARTICIPATION"]').first();
    await expect(item).toHaveAttribute("data-status", "ISSUED");
    const number = ((await item.getByTestId("certificate-number").textContent()) ?? "").match(/УС-\d{4}-\d{8}/)?.[0];
    expect(number).toBeTruthy();

    const pdf = await download(page, "download-pdf");
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const p7s = await download(page, "download-p7s");
    expect(p7s[0]).toBe(0x30); // DER SEQUENCE: the detached CMS

    await item.getByTestId("verify-link").click();
    await expect(page.getByTestId("verify-result")).toHaveAttribute("data-status", "VALID");
    await expect(page.getByTestId("verify-number")).toHaveText(number!);
    await expect(page.getByTestId("verify-initials")).toHaveText("П. О. М.");
    await expect(page.getByTestId("verify-seal")).toContainText("Міністерство оборони України");

    await expect(await checkUpload(page, pdf, "dovidka.pdf")).toContainText("збігається");
    const tampered = Buffer.from(pdf);
    tampered[tampered.length - 30] = tampered[tampered.length - 30]! ^ 0x01;
    await expect(await checkUpload(page, tampered, "dovidka-zminena.pdf")).toContainText("не збігається");

    await page.goto("/verify/certificate/AAAAAAAAAAAAAAAAAAAAAAAA");
    await expect(page.getByTestId("verify-result")).toHaveAttribute("data-status", "UNKNOWN");
  });

  test("another veteran's request goes to the unit's staff officer, who confirms with КЕП; the certificate appears", async ({
    page,
    browser,
  }) => {
    test.setTimeout(150_000);
    const veteran = demoUser("veteran-unconfirmed");
    await signIn(page, "veteran-unconfirmed");
    await page.goto("/me/certificates");
    await page.getByTestId("request-SERVICE_PARTICIPATION").click();
    await expect(page.getByTestId("request-SERVICE_PARTICIPATION-result")).toContainText("в/ч А4521", {
      timeout: 30_000,
    });
    const item = page.locator('[data-testid="certificate-request"][data-kind="SERVICE_PARTICIPATION"]').first();
    await expect(item).toHaveAttribute("data-status", "PENDING");
    await expect(item.getByTestId("certificate-due")).toContainText("Відповідь — до");
    // A second request while this one is open is refused.
    await page.getByTestId("request-SERVICE_PARTICIPATION").click();
    await expect(page.getByTestId("request-SERVICE_PARTICIPATION-result")).toContainText("вже розглядається");

    const officer = await browser.newPage();
    await signIn(officer, "unit-staff-officer");
    await officer.goto("/staff");
    await officer.getByTestId("staff-requests").getByRole("link", { name: veteran.fullName }).click();
    await expect(officer.getByTestId("request-status")).toContainText("На підтвердженні");
    // The request's periods (the same table as /staff/periods): not confirmed yet, each correctable.
    const periods = officer.getByRole("table").filter({ hasText: "Участь у захисті" });
    await expect(periods.getByText("не підтверджено").first()).toBeVisible();
    await expect(periods.getByRole("link", { name: "Виправити" }).first()).toHaveAttribute(
      "href",
      /^\/staff\/periods\/[0-9a-f-]{36}$/,
    );
    await officer.getByTestId("confirm-periods").click();
    const key = demoKey("unit-staff-officer");
    const signer = officer.getByTestId("kep-signer");
    await signer.getByTestId("kep-file").setInputFiles(key.file);
    await signer.getByLabel("Пароль до ключа").fill(key.password);
    await signer.getByRole("button", { name: "Зчитати ключ" }).click();
    await signer.getByRole("button", { name: "Підписати підтвердження" }).click();
    await expect(officer.getByTestId("request-status")).toContainText("Видано", { timeout: 30_000 });
    await expect(officer.getByTestId("issued-number")).toContainText("УС-");
    await expect(periods).toContainText(/підтверджено \d{2}\.\d{2}\.\d{4}/);
    await expect(periods.getByText("не підтверджено")).toHaveCount(0);
    await officer.close();

    await page.reload();
    await expect(
      page.locator('[data-testid="certificate-request"][data-kind="SERVICE_PARTICIPATION"]').first(),
    ).toHaveAttribute("data-status", "ISSUED");
    await page.goto("/me/notifications");
    await expect(page.getByText("Довідка про участь у військовій службі готова")).toBeVisible();
  });

  test("the unit's staff officer corrects the period with КЕП after seeing what it revokes; the check says revoked and why", async ({
    page,
    browser,
  }) => {
    test.setTimeout(150_000);
    const veteran = demoUser("veteran-unconfirmed");
    await signIn(page, "veteran-unconfirmed");
    await page.goto("/me/certificates");
    const item = page.locator('[data-testid="certificate-request"][data-kind="SERVICE_PARTICIPATION"]').first();
    await expect(item).toHaveAttribute("data-status", "ISSUED");
    const number = ((await item.getByTestId("certificate-number").textContent()) ?? "").match(/УС-\d{4}-\d{8}/)?.[0];
    expect(number).toBeTruthy();

    const officer = await browser.newPage();
    await signIn(officer, "unit-staff-officer");
    await officer.goto("/staff");
    await officer.getByRole("link", { name: "Періоди служби" }).click();
    await officer.getByLabel("Прізвище").fill(veteran.fullName.split(" ")[0]!.toLowerCase());
    await officer.getByRole("button", { name: "Знайти" }).click();
    await officer
      .getByTestId("unit-period")
      .filter({ hasText: veteran.fullName })
      .first()
      .getByRole("link", { name: /^Виправити період/ })
      .click();
    await expect(officer.getByRole("heading", { name: "Виправлення періоду служби" })).toBeVisible();
    await officer.getByLabel("Посада").fill("головний сержант");
    // Without a reason the form says what is missing and nothing is prepared.
    await officer.getByTestId("correction-preview").click();
    await expect(officer.locator('[data-field-error="correction-reason"]')).toContainText("Поясніть, що виправлено");
    await officer.getByLabel("Причина виправлення").fill("Посаду виправлено за наказом командира № 42");
    await officer.getByTestId("correction-preview").click();
    await expect(officer.getByTestId("correction-revokes")).toContainText(number!);

    const key = demoKey("unit-staff-officer");
    const signer = officer.getByTestId("kep-signer");
    await signer.getByTestId("kep-file").setInputFiles(key.file);
    await signer.getByLabel("Пароль до ключа").fill(key.password);
    await signer.getByRole("button", { name: "Зчитати ключ" }).click();
    await signer.getByRole("button", { name: "Підписати виправлення" }).click();
    await expect(officer.getByTestId("correction-done")).toContainText(number!, { timeout: 30_000 });
    await expect(officer.getByTestId("period-now")).toContainText("головний сержант");
    await officer.close();

    await page.reload();
    await item.getByTestId("verify-link").click();
    await expect(page.getByTestId("verify-result")).toHaveAttribute("data-status", "REVOKED");
    await expect(page.getByTestId("verify-reason")).toContainText("наказом командира № 42");
  });

  test("a reserved employee downloads the extract of his reservation; someone not reserved is refused", async ({
    page,
  }) => {
    test.setTimeout(90_000);
    await signIn(page, "conscript-reserved");
    await page.goto("/me/certificates");
    await page.getByTestId("request-RESERVATION_EXTRACT").click();
    await expect(page.getByTestId("request-RESERVATION_EXTRACT-result")).toContainText("видано", { timeout: 30_000 });
    const pdf = await download(page, "download-pdf");
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");

    await page.context().clearCookies();
    await signIn(page, "conscript-eligible");
    await page.goto("/me/certificates");
    await page.getByTestId("request-RESERVATION_EXTRACT").click();
    await expect(page.getByTestId("request-RESERVATION_EXTRACT-result")).toContainText("немає чинного бронювання");
    await expect(page.getByTestId("certificate-request")).toHaveCount(0);
  });
});
