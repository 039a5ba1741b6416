import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { freshEnterprise, resultRow, signFile, signInAs, signWithKey, tick } from "./company-helpers";
import { signIn } from "./support/auth";

// The company cabinet's journeys in Chromium. Each takes a fresh enterprise from
// company-fixture.ts (limit 2; three employees who meet every condition, one paid below the
// threshold, one призовник; a head with a password and a КЕП key file; an authorized person),
// so no journey depends on another's side effects or on demo data other specs change. The head
// signs with the key file through the real <KepSigner>; only the sessions are opened over HTTP.
// Cross-enterprise access: company-access.spec.ts.

test.describe("the company cabinet", () => {
  test("a director finds an employee, submits a mixed list, signs, reads the reasons, downloads the CSV and annuls one", async ({
    page,
  }) => {
    test.setTimeout(180_000);
    const e = freshEnterprise();
    const [first, second, third] = e.eligible;
    await signInAs(page.request, e.head, "ENTERPRISE_HEAD", e.edrpou);

    await page.goto("/company");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(e.name);
    await expect(page.getByTestId("critical-status")).toContainText("Критично важливе до");
    await expect(page.getByTestId("count-reservable")).toContainText("3");
    await page.getByTestId("new-application").click();

    // Step 1: find the first employee by РНОКПП, tick; then the rest from the whole list.
    await expect(page).toHaveURL(/\/company\/applications\/new$/);
    await expect(page.getByTestId("step-counter")).toHaveText("Крок 1 з 4");
    await page.getByLabel("ПІБ або РНОКПП").fill(first.rnokpp);
    await page.getByRole("button", { name: "Знайти" }).click();
    // The search travels sealed (`s=`), never as the РНОКПП typed.
    await expect(page).toHaveURL(/[?&]s=[A-Za-z0-9_-]{30,}/);
    expect(page.url()).not.toContain(first.rnokpp);
    await expect(page.locator('[data-testid="employee-row"]')).toHaveCount(1);
    await tick(page, first);
    await page.getByRole("link", { name: "Скинути" }).click();
    // The list opens on the military-liable: the призовник is one filter away, greyed out with the reason.
    await expect(page.locator('[data-testid="employee-row"]')).toHaveCount(4);
    await expect(page.getByTestId("liable-only")).toBeVisible();
    await page.getByRole("link", { name: "Усі працівники" }).click();
    await expect(page.locator('[data-testid="employee-row"]')).toHaveCount(5);
    const conscriptRow = page.locator(`[data-testid="employee-row"][data-rnokpp="${e.conscript.rnokpp}"]`);
    await expect(conscriptRow.getByTestId("refusal-reason")).toHaveText(/^Особа не є військовозобов'язаною/);
    await expect(conscriptRow.getByRole("checkbox", { name: `Обрати: ${e.conscript.fullName}` })).toBeDisabled();
    await expect(conscriptRow.getByRole("checkbox")).toHaveAccessibleDescription(/не є військовозобов'язаною/);
    await expect(page.getByRole("checkbox", { name: `Обрати: ${first.fullName}` })).toBeChecked();
    await tick(page, second);
    await tick(page, third);
    await tick(page, e.lowSalary);
    await expect(page.getByTestId("selection-count")).toContainText("Обрано: 4");
    await expect(page.getByTestId("selection-count")).toContainText("понад ліміт: 1");
    await page.getByTestId("wizard-next").click();

    // Step 2: salaries from the registry, validated as typed.
    await expect(page.getByTestId("step-counter")).toHaveText("Крок 2 з 4");
    const salary = page.getByLabel(first.fullName);
    await expect(salary).toHaveValue("40 000,00");
    await salary.fill("сорок тисяч");
    await salary.press("Tab");
    await expect(page.locator(`[data-field-error="salary-${first.rnokpp}"]`)).toContainText("Не схоже на суму");
    await salary.fill("41 000");
    await salary.press("Tab");
    await expect(page.locator(`[data-field-error="salary-${first.rnokpp}"]`)).toHaveCount(0);
    await page.getByTestId("wizard-next").click();

    // Step 3: the pre-check says who and why, and the limit after.
    await expect(page).toHaveURL(/\/company\/applications\/drafts\/[0-9a-f-]{36}$/, { timeout: 30_000 });
    await expect(page.getByTestId("precheck-summary")).toHaveText("Буде заброньовано 2 з 4, ліміт після: 2 з 2");
    const refused = page.getByTestId("precheck-refused");
    await expect(refused.locator(`[data-rnokpp="${third.rnokpp}"]`)).toContainText(
      "Перевищено ліміт бронювання (2 з 2)",
    );
    await expect(refused.locator(`[data-rnokpp="${e.lowSalary.rnokpp}"]`)).toContainText(
      "Заробітна плата нижча за встановлений мінімум (25 941,00 грн)",
    );

    // Step 4: sign with the key file; the decision arrives on the application's page without a reload.
    await signWithKey(page, e.head, "Підписати й подати");
    await expect(page).toHaveURL(/\/company\/applications\/[0-9a-f-]{36}$/, { timeout: 30_000 });
    const applicationUrl = page.url();
    await expect(page.getByTestId("decision-done")).toContainText("Заброньовано 2 з 4", { timeout: 60_000 });
    await expect(resultRow(page, first)).toHaveAttribute("data-decision", "RESERVED");
    await expect(resultRow(page, first)).toContainText("41 000,00");
    await expect(resultRow(page, second)).toHaveAttribute("data-decision", "RESERVED");
    await expect(resultRow(page, third)).toContainText("Перевищено ліміт бронювання");
    await expect(resultRow(page, e.lowSalary)).toContainText("Заробітна плата нижча за встановлений мінімум");

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-csv").click()]);
    const csv = readFileSync(await download.path());
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.subarray(3).toString("utf8").split("\r\n");
    expect(lines[0]).toBe("№;ПІБ;РНОКПП;Заробітна плата, грн;Рішення;Причини відмови;Заброньовано з;Заброньовано до");
    expect(lines[1]).toMatch(
      new RegExp(
        `^1;${first.fullName};${first.rnokpp};41 000,00;Заброньовано;;\\d{2}\\.\\d{2}\\.\\d{4};\\d{2}\\.\\d{2}\\.\\d{4}$`,
      ),
    );
    expect(lines[3]).toBe(
      `3;${third.fullName};${third.rnokpp};40 000,00;Відмовлено;Перевищено ліміт бронювання (2 з 2);;`,
    );

    // Annul the first one's reservation: pick, ground, pre-check, sign, result.
    await page.goto("/company/annulments");
    await expect(page.locator('[data-testid="employee-row"]')).toHaveCount(2);
    // Only reserved people are listed here: no filter by eligibility for a new reservation.
    await expect(page.getByLabel("Чи можна забронювати")).toHaveCount(0);
    await expect(page.getByLabel("Причина відмови")).toHaveCount(0);
    await tick(page, first);
    await page.getByTestId("wizard-next").click();
    await page.getByRole("radio", { name: /Звільнення працівника/ }).check();
    await page.getByTestId("wizard-next").click();
    await expect(page.getByTestId("precheck-summary")).toHaveText("Буде анульовано 1 з 1 бронювань", {
      timeout: 30_000,
    });
    await signWithKey(page, e.head, "Підписати й подати");
    await expect(page.getByTestId("decision-done")).toContainText("Анульовано 1 з 1", { timeout: 60_000 });

    // The employee's page, by an opaque address (never the РНОКПП): full РНОКПП, both applications in the history.
    await resultRow(page, first).getByRole("link", { name: first.fullName }).click();
    await expect(page).toHaveURL(/\/company\/employees\/[A-Za-z0-9_-]{40,}$/);
    expect(page.url()).not.toContain(first.rnokpp);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(first.fullName);
    await expect(page.getByText(`РНОКПП ${first.rnokpp}`)).toBeVisible();
    await expect(page.getByTestId("history-row")).toHaveCount(2);
    await page.goto(applicationUrl);
    await expect(page.getByTestId("decision-done")).toBeVisible();
  });

  test.describe("on a phone", () => {
    test.use({ viewport: { width: 390, height: 844 } });

    test("an authorized person prepares and hands over but cannot sign; the head signs what was handed over", async ({
      page,
      browser,
    }) => {
      test.setTimeout(180_000);
      const e = freshEnterprise();
      await signInAs(page.request, e.authorized, "AUTHORIZED_PERSON", e.edrpou);
      await page.goto("/company/applications/new");
      await page.getByTestId("select-reservable").click();
      await expect(page.getByTestId("selection-count")).toContainText("Обрано: 3");
      await page.getByTestId("wizard-next").click();
      await expect(page.getByTestId("salary-row")).toHaveCount(3);
      await page.getByTestId("wizard-next").click();
      await expect(page).toHaveURL(/\/company\/applications\/drafts\/[0-9a-f-]{36}$/, { timeout: 30_000 });
      const draftId = page.url().split("/").pop()!;
      await expect(page.getByTestId("precheck-summary")).toHaveText("Буде заброньовано 2 з 3, ліміт після: 2 з 2");
      await expect(page.getByTestId("kep-open")).toHaveCount(0);
      await expect(page.getByTestId("kep-signer")).toHaveCount(0);
      await page.getByTestId("hand-over").click();
      await expect(page.getByTestId("handed-over")).toContainText(e.head.fullName);

      // The server refuses an authorized person's submission whatever the signature.
      const forbidden = await page.request.post("/api/v1/applications", {
        data: { draftId, signature: signFile(e.authorized, new TextEncoder().encode("будь-що")) },
      });
      expect(forbidden.status()).toBe(403);
      expect(((await forbidden.json()) as { error: { code: string } }).error.code).toBe("FORBIDDEN");

      // The head sees the hand-over (the bell counts it) and signs it.
      const headContext = await browser.newContext({ viewport: { width: 390, height: 844 } });
      const head = await headContext.newPage();
      await signInAs(head.request, e.head, "ENTERPRISE_HEAD", e.edrpou);
      await head.goto("/company");
      await expect(head.getByTestId("unread-count")).toBeVisible();
      await expect(head.getByTestId("drafts-waiting")).toContainText("Заяви, що очікують вашого підпису: 1");
      await head.getByRole("link", { name: "Перевірити й підписати" }).click();
      await expect(head).toHaveURL(new RegExp(`/company/applications/drafts/${draftId}$`));
      await signWithKey(head, e.head, "Підписати й подати");
      await expect(head.getByTestId("decision-done")).toContainText("Заброньовано 2 з 3", { timeout: 60_000 });

      // A signature by anyone but the head is refused even in the head's own session.
      const draft = await head.request.post("/api/v1/applications/drafts", {
        data: { edrpou: e.edrpou, employees: [{ rnokpp: e.eligible[2].rnokpp }] },
      });
      expect(draft.status()).toBe(201);
      const { draftId: otherDraft, document } = (await draft.json()) as { draftId: string; document: string };
      const notHead = await head.request.post("/api/v1/applications", {
        data: {
          draftId: otherDraft,
          signature: signFile(e.authorized, Uint8Array.from(Buffer.from(document, "base64"))),
        },
      });
      expect(notHead.status()).toBe(403);
      expect(((await notHead.json()) as { error: { code: string } }).error.code).toBe("SIGNER_NOT_HEAD");
      await headContext.close();
    });
  });

  test("the demo director of the 10,000-employee enterprise finds an employee by РНОКПП", async ({ page }) => {
    await signIn(page, "head-big");
    await page.goto("/company");
    await expect(page.getByRole("heading", { level: 1 })).toContainText(
      "Дніпровський завод енергетичного машинобудування",
    );
    await expect(page.getByTestId("count-reserved")).toBeVisible();
    await page.goto("/company/employees");
    await page.getByLabel("ПІБ або РНОКПП").fill("3462510431");
    await page.getByRole("button", { name: "Знайти" }).click();
    const row = page.locator('[data-testid="employee-row"][data-rnokpp="3462510431"]');
    await expect(row).toContainText("Лисенко Дмитро Іванович");
    await expect(row).toContainText("34******31");
    await row.getByRole("link", { name: "Лисенко Дмитро Іванович" }).click();
    await expect(page).toHaveURL(/\/company\/employees\/[A-Za-z0-9_-]{40,}$/);
    expect(page.url()).not.toContain("3462510431");
    await expect(page.getByText("РНОКПП 3462510431")).toBeVisible();
    await expect(page.getByTestId("employee-verdict")).toBeVisible();
  });
});
