import { expect, test } from "@playwright/test";
import { formatDate, kyivDate } from "@/lib/format";
import { addDays } from "@/lib/rules";
import { freshEnterprise, signInAs, signWithKey } from "./company-helpers";

// From 01.02.2026 an enterprise files an annulment application at most once per 5 calendar
// days. In the director's cabinet: two employees reserved through the wizard, one annulled and
// signed today; a second annulment is refused at its ground step — before anyone signs — with
// the date the next one becomes possible, and nothing is prepared.

test("a second annulment within 5 days is refused in the cabinet with the date it becomes possible", async ({
  page,
}) => {
  test.setTimeout(240_000);
  const e = freshEnterprise();
  const possibleFrom = formatDate(addDays(kyivDate(new Date()), 5));
  await signInAs(page.request, e.head, "ENTERPRISE_HEAD", e.edrpou);

  // Two of the three reservable within the limit of 2.
  await page.goto("/company/applications/new");
  await page.getByTestId("select-reservable").click();
  await expect(page.getByTestId("selection-count")).toContainText("Обрано: 3");
  await page.getByTestId("wizard-next").click();
  await expect(page.getByTestId("salary-row")).toHaveCount(3);
  await page.getByTestId("wizard-next").click();
  await expect(page).toHaveURL(/\/company\/applications\/drafts\/[0-9a-f-]{36}$/, { timeout: 30_000 });
  await signWithKey(page, e.head, "Підписати й подати");
  await expect(page.getByTestId("decision-done")).toContainText("Заброньовано 2 з 3", { timeout: 60_000 });

  // The first annulment: picked, ground, pre-check, signed, decided.
  const annul = async (index: number) => {
    await page.goto("/company/annulments");
    const rows = page.locator('[data-testid="employee-row"]');
    await expect(rows).toHaveCount(2 - index);
    await rows.first().getByRole("checkbox").check();
    await page.getByTestId("wizard-next").click();
    await page.getByRole("radio", { name: /Звільнення працівника/ }).check();
    await page.getByTestId("wizard-next").click();
  };
  await annul(0);
  await expect(page.getByTestId("precheck-summary")).toHaveText("Буде анульовано 1 з 1 бронювань", { timeout: 30_000 });
  await signWithKey(page, e.head, "Підписати й подати");
  await expect(page.getByTestId("decision-done")).toContainText("Анульовано 1 з 1", { timeout: 60_000 });

  // The second one, the same day: refused at the ground step with the date, no draft made.
  await annul(1);
  const error = page.locator('[data-field-error="ground"]');
  await expect(error).toContainText("не частіше ніж раз на 5 календарних днів", { timeout: 30_000 });
  await expect(error).toContainText(`наступну можна подати з ${possibleFrom}`);
  await expect(page).toHaveURL(/\/company\/annulments\?(.*&)?step=ground/);
  await expect(page.getByTestId("precheck-summary")).toHaveCount(0);
});
