import { expect, test } from "@playwright/test";
import { fixture, freshEnterprise, signFile, signInAs } from "./company-helpers";

// Across enterprises the company cabinet knows nothing: another enterprise's employee,
// application, draft, results CSV, signed document and HR API data answer 404, for pages and
// APIs alike; an authorized person may not manage authorizations or API tokens (403).

test.describe("the company cabinet across enterprises", () => {
  test("another enterprise's employees, applications, drafts, results and documents are not found", async ({
    page,
    browser,
  }) => {
    test.setTimeout(180_000);
    const mine = freshEnterprise();
    const theirs = freshEnterprise();

    // The other enterprise submits an application through the HR API and leaves a draft.
    const otherContext = await browser.newContext();
    const other = otherContext.request;
    await signInAs(other, theirs.head, "ENTERPRISE_HEAD", theirs.edrpou);
    const draftResponse = await other.post("/api/v1/applications/drafts", {
      data: { edrpou: theirs.edrpou, employees: [{ rnokpp: theirs.eligible[0].rnokpp }] },
    });
    expect(draftResponse.status()).toBe(201);
    const draft = (await draftResponse.json()) as { draftId: string; document: string };
    const submitted = await other.post("/api/v1/applications", {
      data: {
        draftId: draft.draftId,
        signature: signFile(theirs.head, Uint8Array.from(Buffer.from(draft.document, "base64"))),
      },
    });
    expect(submitted.status(), await submitted.text()).toBe(202);
    const { applicationId } = (await submitted.json()) as { applicationId: string };
    await expect
      .poll(
        async () =>
          ((await (await other.get(`/api/v1/applications/${applicationId}`)).json()) as { status: string }).status,
        { timeout: 60_000 },
      )
      .toBe("DECIDED");
    const leftDraft = (await (
      await other.post("/api/v1/applications/drafts", {
        data: { edrpou: theirs.edrpou, employees: [{ rnokpp: theirs.eligible[1].rnokpp }] },
      })
    ).json()) as { draftId: string };
    const { signedDocumentId } = fixture<{ signedDocumentId: string }>("document", applicationId);
    // Their employee's page, by the opaque reference their own list links to.
    const theirList = await (await other.get("/company/employees")).text();
    const theirEmployee = /href="(\/company\/employees\/[A-Za-z0-9_-]{40,})"/.exec(theirList)?.[1];
    expect(theirEmployee).toBeTruthy();
    await otherContext.close();

    await signInAs(page.request, mine.head, "ENTERPRISE_HEAD", mine.edrpou);
    for (const url of [
      theirEmployee!,
      `/company/applications/${applicationId}`,
      `/company/applications/drafts/${leftDraft.draftId}`,
    ]) {
      const response = await page.goto(url);
      expect(response?.status(), url).toBe(404);
    }
    for (const url of [
      `/company/applications/${applicationId}/csv`,
      `/api/documents/${signedDocumentId}/signature`,
      `/api/documents/${signedDocumentId}/content`,
      `/api/v1/applications/${applicationId}`,
      `/api/v1/enterprises/${theirs.edrpou}/employees`,
    ]) {
      const response = await page.request.get(url);
      expect(response.status(), url).toBe(404);
    }
    // Their own are there, and an authorized person may not manage authorizations or tokens.
    expect((await page.request.get(`/api/v1/enterprises/${mine.edrpou}/employees`)).status()).toBe(200);
    const authorizedContext = await browser.newContext();
    const authorized = await authorizedContext.newPage();
    await signInAs(authorized.request, mine.authorized, "AUTHORIZED_PERSON", mine.edrpou);
    for (const url of ["/company/authorizations", "/company/api-tokens"]) {
      expect((await authorized.goto(url))?.status(), url).toBe(403);
    }
    await authorizedContext.close();
  });
});
