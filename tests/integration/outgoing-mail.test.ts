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

describe("a batch of notifications", () => {
  it("gives each one its own texts and link when the batch repeats some of them", async () => {
    const batchMail = (await createPerson(db, { email: "batch@example.test" })).rnokpp;
    const someone = (await createPerson(db, { email: null })).rnokpp;
    const batch = [
      {
        recipientRnokpp: batchMail,
        audience: "me",
        kind: "reserved",
        title: "Вас заброньовано",
        body: "До 01.06.2027.",
        link: "/me",
      },
      {
        recipientRnokpp: someone,
        audience: "me",
        kind: "reserved",
        title: "Вас заброньовано",
        body: "До 01.06.2027.",
        link: "/me",
      },
      {
        recipientRnokpp: batchMail,
        audience: "company",
        kind: "decided",
        title: "Заяву розглянуто",
        body: "/me",
        link: "/company/applications/1",
      },
      {
        recipientRnokpp: someone,
        audience: "company",
        kind: "refused",
        title: "reserved",
        body: "Відмовлено: не на обліку.",
        email: false,
      },
      {
        recipientRnokpp: batchMail,
        audience: "me",
        kind: "refused",
        title: "Відмовлено",
        body: "Відмовлено: не на обліку.",
      },
    ] as const;
    await db.$transaction((tx) => notify(tx, [...batch]));

    const written = await db.notification.findMany({
      where: { recipientRnokpp: { in: [batchMail, someone] } },
      select: { recipientRnokpp: true, audience: true, kind: true, title: true, body: true, link: true },
    });
    const key = (n: { recipientRnokpp: string; kind: string; title: string }) =>
      `${n.recipientRnokpp}|${n.kind}|${n.title}`;
    expect(written.sort((a, b) => key(a).localeCompare(key(b)))).toEqual(
      batch
        .map((n) => ({
          recipientRnokpp: n.recipientRnokpp,
          audience: n.audience,
          kind: n.kind,
          title: n.title,
          body: n.body,
          link: "link" in n ? n.link : null,
        }))
        .sort((a, b) => key(a).localeCompare(key(b))),
    );

    // Only this test writes to this address.
    const letters = await db.outgoingEmail.findMany({ where: { to: "batch@example.test" } });
    expect(letters.map((l) => l.subject).sort()).toEqual(
      ["Броня: Вас заброньовано", "Броня: Заяву розглянуто", "Броня: Відмовлено"].sort(),
    );
    const text = (subject: string) => letters.find((l) => l.subject === subject)!.text;
    expect(text("Броня: Вас заброньовано")).toContain(
      "До 01.06.2027.\n\nДетальніше: https://bronya.example.gov.ua/me\n",
    );
    expect(text("Броня: Заяву розглянуто")).toContain(
      "/me\n\nДетальніше: https://bronya.example.gov.ua/company/applications/1\n",
    );
    expect(text("Броня: Відмовлено")).not.toContain("Детальніше");
  });
});
