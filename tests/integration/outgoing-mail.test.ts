import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { resetEnvCache } from "@/lib/env";
import { notify } from "@/lib/notifications";
import { listOutgoingEmails } from "@/lib/notifications/list-outgoing-emails";
import { sendPendingEmails } from "@/lib/notifications/send-pending-emails";
import { createPerson } from "@/prisma/seed/factories";
import { createCtx } from "@/lib/context-server";

// The mail outbox: a notification to someone the registry knows an address of becomes a letter
// with an absolute link; the job sends it through SMTP, or keeps it as a preview without one.

const admin: Actor = { userId: "a", rnokpp: null, fullName: "Адмін", role: "ADMIN", via: "password" };
const conscript: Actor = { userId: "c", rnokpp: "1759013776", fullName: "Особа", role: "CONSCRIPT", via: "password" };
let withMail: string;
let withoutMail: string;

beforeAll(async () => {
  process.env.PORTAL_URL = "https://bronya.example.gov.ua";
  resetEnvCache();
  withMail = (await createPerson(db, { email: "person@example.test" })).rnokpp;
  withoutMail = (await createPerson(db, { email: null })).rnokpp;
});

afterAll(() => {
  delete process.env.PORTAL_URL;
  resetEnvCache();
});

describe("outgoing mail", () => {
  it("writes a letter only for recipients with an address, and only when asked, with the portal's address in the link", async () => {
    await db.$transaction((tx) =>
      notify(tx, [
        {
          recipientRnokpp: withMail,
          audience: "me",
          kind: "test",
          title: "Бронювання",
          body: "Вас заброньовано.",
          link: "/me",
        },
        {
          recipientRnokpp: withoutMail,
          audience: "me",
          kind: "test",
          title: "Бронювання",
          body: "Вас заброньовано.",
          link: "/me",
        },
        { recipientRnokpp: withMail, audience: "me", kind: "test", title: "Лише в кабінеті", body: "…", email: false },
      ]),
    );
    const letters = await listOutgoingEmails(createCtx({ actor: admin }));
    expect(letters).toHaveLength(1);
    expect(letters[0]).toMatchObject({
      to: "person@example.test",
      subject: "Броня: Бронювання",
      sentAt: null,
      error: null,
    });
    expect(letters[0]!.text).toContain("Детальніше: https://bronya.example.gov.ua/me");
    expect(await db.notification.count()).toBe(3);
  });

  it("without SMTP the letter stays as a preview; with an unreachable SMTP the failure is recorded, not lost", async () => {
    expect(
      await sendPendingEmails({ db, now: new Date() }, { config: { from: "Броня <noreply@bronya.local>" } }),
    ).toEqual({ sent: 0, failed: 0, previewOnly: 1 });
    expect((await db.outgoingEmail.findFirstOrThrow()).error).toMatch(/SMTP не налаштовано/);

    await db.outgoingEmail.updateMany({ data: { error: null } });
    const result = await sendPendingEmails(
      { db, now: new Date() },
      { config: { smtpUrl: "smtp://127.0.0.1:1", from: "Броня <noreply@bronya.local>" } },
    );
    expect(result).toEqual({ sent: 0, failed: 1, previewOnly: 0 });
    const letter = await db.outgoingEmail.findFirstOrThrow();
    expect(letter.sentAt).toBeNull();
    expect(letter.error).toBeTruthy();
  });

  it("the preview is the administrator's only", async () => {
    await expect(listOutgoingEmails(createCtx({ actor: conscript }))).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(listOutgoingEmails(createCtx({ actor: null }))).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });
});
