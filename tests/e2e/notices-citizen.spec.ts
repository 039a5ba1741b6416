import { expect, test, type APIRequestContext } from "@playwright/test";
import { demoUser } from "@/prisma/seed/demo-users";
import { signIn, signInWithPassword } from "./support/auth";
import { runFixture } from "./support/run-fixture";
import { freshEnterprise, signFile, signInAs } from "./company-helpers";

// The citizen's side of notices (повістки): the reserved demo conscript has none — the seed's
// batch refused him — while the eligible one sees his notice and the opt-in whose message says
// it is not the notice; and a reservation decided while a mobilisation notice is undelivered
// withdraws it, which the person sees with the reason.

type NoticePerson = { rnokpp: string; fullName: string; password: string; tcc: string; noticeId: string };

function noticeFor(rnokpp: string, signed = false): NoticePerson {
  return runFixture<NoticePerson>("tests/e2e/notices-fixture.ts", ["notice", rnokpp, ...(signed ? ["signed"] : [])]);
}

async function waitForDecision(request: APIRequestContext, applicationId: string) {
  for (let i = 0; i < 120; i++) {
    const body = (await (await request.get(`/api/v1/applications/${applicationId}`)).json()) as { status: string };
    if (body.status === "DECIDED") return body;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`application ${applicationId} was not decided in 60 s`);
}

test.describe("the citizen's notices", () => {
  test("the reserved demo conscript has no notice: the ТЦК's batch refused him", async ({ page }) => {
    await signIn(page, "conscript-reserved");
    await page.goto("/me");
    await page.getByRole("link", { name: "Повістки" }).first().click();
    await expect(page).toHaveURL(/\/me\/notices$/);
    await expect(page.getByRole("heading", { level: 1, name: "Повістки" })).toBeVisible();
    await expect(page.getByTestId("no-notices")).toContainText("Повісток немає");
    await expect(page.getByTestId("my-notice")).toHaveCount(0);
  });

  test("the eligible demo conscript sees his notice and the opt-in, whose message is not the notice", async ({
    page,
    browser,
  }) => {
    await signIn(page, "conscript-eligible");
    await page.goto("/me/notices");
    const notice = page.getByTestId("my-notice").filter({ hasText: "Соборний РТЦК та СП м. Дніпра" }).first();
    await expect(notice).toBeVisible();
    await expect(notice).toHaveAttribute("data-kind", "MOBILISATION");
    await expect(notice).toContainText("Для відправлення до військової частини (мобілізація)");
    await expect(notice.getByTestId("my-notice-number")).toHaveText(/^Повістка П-\d{4}\/\d{6}$/);
    await expect(notice.getByTestId("my-notice-appear")).toContainText("09:00");
    await expect(notice).toContainText("Сформовано, очікує підпису");

    // The opt-in: off until he turns it on, and it says plainly what the message is not.
    const alerts = page.getByTestId("notice-alerts");
    await expect(alerts).toContainText("Повідомляти, коли ТЦК надішле повістку поштою");
    await expect(page.getByTestId("notice-alerts-disclaimer")).toContainText("не є повісткою");
    await expect(page.getByTestId("notice-alerts-disclaimer")).toContainText("не є врученням");
    const checkbox = page.getByRole("checkbox", { name: "Повідомляти, коли ТЦК надішле повістку поштою" });
    await expect(checkbox).not.toBeChecked();
    await checkbox.check();
    await expect(page.getByTestId("notice-alerts-state")).toHaveText("Увімкнено");
    await page.reload();
    await expect(page.getByRole("checkbox", { name: "Повідомляти, коли ТЦК надішле повістку поштою" })).toBeChecked();
    await page.getByRole("checkbox", { name: "Повідомляти, коли ТЦК надішле повістку поштою" }).uncheck();
    await expect(page.getByTestId("notice-alerts-state")).toHaveText("Вимкнено");

    // His notice's own page; to another citizen it does not exist.
    await notice.getByTestId("my-notice-number").click();
    await expect(page).toHaveURL(/\/me\/notices\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^Повістка П-\d{4}\/\d{6}$/);
    const url = page.url();
    const other = await browser.newContext();
    const stranger = await other.newPage();
    await signIn(stranger, "conscript-reserved");
    expect((await stranger.goto(url))?.status()).toBe(404);
    expect((await stranger.goto("/me/notices/not-a-notice"))?.status()).toBe(404);
    await other.close();
    expect(demoUser("conscript-eligible").rnokpp).not.toBe(demoUser("conscript-reserved").rnokpp);
  });

  test("reserving a person whose mobilisation notice is undelivered withdraws it, and the person sees why", async ({
    page,
    browser,
  }) => {
    const e = freshEnterprise();
    const person = noticeFor(e.eligible[0].rnokpp);
    await signInWithPassword(page, person.rnokpp, person.password);
    await page.goto(`/me/notices/${person.noticeId}`);
    await expect(page.getByTestId("my-notice")).toHaveAttribute("data-status", "FORMED");
    await expect(page.getByTestId("my-notice")).toContainText(person.tcc);

    // The head reserves him: a signed application through the portal's API, decided by the worker.
    const headContext = await browser.newContext();
    const head = await headContext.newPage();
    await signInAs(head.request, e.head, "ENTERPRISE_HEAD", e.edrpou);
    const draft = await head.request.post("/api/v1/applications/drafts", {
      data: { edrpou: e.edrpou, employees: [{ rnokpp: person.rnokpp }] },
    });
    expect(draft.status()).toBe(201);
    const { draftId, document } = (await draft.json()) as { draftId: string; document: string };
    const submitted = await head.request.post("/api/v1/applications", {
      data: { draftId, signature: signFile(e.head, Uint8Array.from(Buffer.from(document, "base64"))) },
    });
    expect(submitted.ok()).toBe(true);
    const { applicationId } = (await submitted.json()) as { applicationId: string };
    await waitForDecision(head.request, applicationId);
    await headContext.close();

    await page.reload();
    const withdrawn = page.getByTestId("my-notice");
    await expect(withdrawn).toHaveAttribute("data-status", "WITHDRAWN");
    await expect(withdrawn).toContainText("Відкликано");
    await expect(page.getByTestId("my-notice-withdrawn-reason")).toContainText(/Особу заброньовано \(.*Колос-\d+/);
    await page.goto("/me/notifications");
    await expect(page.getByText(/Повістку П-\d{4}\/\d{6} відкликано/).first()).toBeVisible();
  });

  test("the citizen downloads his signed notice as its printed PDF; another citizen cannot", async ({
    page,
    browser,
  }) => {
    const e = freshEnterprise();
    const person = noticeFor(e.eligible[1].rnokpp, true);
    await signInWithPassword(page, person.rnokpp, person.password);
    await page.goto(`/me/notices/${person.noticeId}`);
    await expect(page.getByTestId("my-notice")).toHaveAttribute("data-status", "SIGNED");
    const link = page.getByTestId("my-notice-pdf");
    await expect(link).toHaveText("Завантажити PDF");
    const download = page.waitForEvent("download");
    await link.click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^povistka-\d{4}-\d{6}\.pdf$/);
    const response = await page.request.get((await link.getAttribute("href"))!);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("application/pdf");
    expect((await response.body()).subarray(0, 5).toString("latin1")).toBe("%PDF-");

    const other = await browser.newContext();
    const stranger = await other.newPage();
    await signIn(stranger, "conscript-reserved");
    expect((await stranger.request.get(`/me/notices/${person.noticeId}/pdf`)).status()).toBe(404);
    await other.close();
  });
});
