import { inflateSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { updateMyContacts } from "@/lib/citizen/update-my-contacts";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { evodVerifyUrl } from "@/lib/evod/evod-url";
import { getMyEvod } from "@/lib/evod/get-my-evod";
import { issueEvod } from "@/lib/evod/issue-evod";
import { renderEvodPdf } from "@/lib/evod/render-evod-pdf";
import { verifyEvod } from "@/lib/evod/verify-evod";
import { createEnterprise, createPerson, createReservationMark } from "@/prisma/seed/factories";
import { createCtx } from "@/lib/context-server";
import { conscriptActor } from "@/tests/integration/fixtures/actors";

// Issuing an еВОД, checking it as a ТЦК officer would, and every way it stops being valid.

const now = new Date("2026-11-22T10:00:00Z");
const later = (days: number) => new Date(now.getTime() + days * 86_400_000);

let enterprise: { edrpou: string; name: string };

async function reservedPerson(patch: { untilDate?: string } = {}) {
  const { rnokpp } = await createPerson(db, {
    birthDate: "1991-04-07",
    lastName: "Коваленко",
    firstName: "Андрій",
    patronymic: "Сергійович",
    email: "ak@example.com",
  });
  const mark = await createReservationMark(db, {
    rnokpp,
    edrpou: enterprise.edrpou,
    fromDate: "2026-10-15",
    untilDate: patch.untilDate ?? "2027-03-31",
  });
  return { rnokpp, markId: mark.id };
}

beforeAll(async () => {
  enterprise = await createEnterprise(db, { name: "Дніпровський завод" });
});

describe("issueEvod", () => {
  it("stores a random code, the snapshot and its hash; valid until the reservation's end at most", async () => {
    const { rnokpp } = await reservedPerson();
    const issued = await issueEvod(createCtx({ actor: conscriptActor(rnokpp), now }));
    expect(issued.code).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(issued.validUntil).toBe("2027-03-31");
    expect(issued.snapshot.reservation).toMatchObject({ edrpou: enterprise.edrpou, untilDate: "2027-03-31" });
    const row = await db.eDocument.findUniqueOrThrow({ where: { code: issued.code } });
    expect(row).toMatchObject({ rnokpp, revokedAt: null });
    expect(row.snapshotHash).toMatch(/^[0-9a-f]{64}$/);
    expect(await db.auditLog.count({ where: { action: "evod.issue", entityId: rnokpp } })).toBe(1);
  });

  it("without a reservation it is valid for a year at most", async () => {
    const { rnokpp } = await createPerson(db);
    expect((await issueEvod(createCtx({ actor: conscriptActor(rnokpp), now }))).validUntil).toBe("2027-11-21");
  });

  it("re-issuing gives a new code and replaces the earlier document", async () => {
    const { rnokpp } = await reservedPerson();
    const first = await issueEvod(createCtx({ actor: conscriptActor(rnokpp), now }));
    const second = await issueEvod(createCtx({ actor: conscriptActor(rnokpp), now: later(1) }));
    expect(second.code).not.toBe(first.code);
    expect(await verifyEvod(createCtx({ actor: null, now: later(1) }), { code: first.code })).toMatchObject({
      status: "INVALID",
      reason: "SUPERSEDED",
    });
    expect(await verifyEvod(createCtx({ actor: null, now: later(1) }), { code: second.code })).toMatchObject({
      status: "VALID",
    });
    expect((await getMyEvod(createCtx({ actor: conscriptActor(rnokpp), now: later(1) })))?.code).toBe(second.code);
  });

  it("is refused to other roles and to persons off the military register", async () => {
    const woman = (await createPerson(db, { sex: "FEMALE" })).rnokpp;
    await expect(issueEvod(createCtx({ actor: conscriptActor(woman), now }))).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(
      issueEvod(createCtx({ actor: { ...conscriptActor(woman), role: "OFFICIAL", authorityId: "a" }, now })),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db.eDocument.count({ where: { rnokpp: woman } })).toBe(0);
  });
});

describe("verifyEvod", () => {
  it("a valid document shows initials, birth year and the reservation's end — no РНОКПП, no address", async () => {
    const { rnokpp } = await reservedPerson();
    const { code } = await issueEvod(createCtx({ actor: conscriptActor(rnokpp), now }));
    const verdict = await verifyEvod(createCtx({ actor: null, now: later(3) }), { code });
    expect(verdict).toEqual({
      status: "VALID",
      reason: null,
      reasonText: null,
      initials: "К. А. С.",
      birthYear: 1991,
      reservationUntil: "2027-03-31",
      issuedOn: "2026-11-22",
      validUntil: "2027-03-31",
    });
    const text = JSON.stringify(verdict);
    expect(text).not.toContain(rnokpp);
    expect(text).not.toContain("Коваленко");
    expect(text).not.toContain("Хрещатик");
  });

  it("unknown and malformed codes answer the same way", async () => {
    const unknown = await verifyEvod(createCtx({ actor: null, now }), { code: "A".repeat(24) });
    expect(unknown).toEqual({ status: "UNKNOWN" });
    for (const junk of ["", "short", "A".repeat(25), "' OR 1=1 --AAAAAAAAAAAAAA", "../../etc/passwd"]) {
      expect(await verifyEvod(createCtx({ actor: null, now }), { code: junk })).toEqual(unknown);
    }
  });

  it("says invalid once the contacts shown on it change in the registry", async () => {
    const { rnokpp } = await reservedPerson();
    const { code } = await issueEvod(createCtx({ actor: conscriptActor(rnokpp), now }));
    await updateMyContacts(createCtx({ actor: conscriptActor(rnokpp), now: later(1) }), {
      phone: "+380661112233",
      email: "ak@example.com",
      address: "м. Київ, вул. Хрещатик, 1",
    });
    expect(await verifyEvod(createCtx({ actor: null, now: later(1) }), { code })).toMatchObject({
      status: "INVALID",
      reason: "DATA_CHANGED",
      reasonText: "Дані документа більше не збігаються з реєстром «Оберіг»",
      reservationUntil: null,
    });
    // The citizen's page shows the same verdict and offers a new one.
    expect((await getMyEvod(createCtx({ actor: conscriptActor(rnokpp), now: later(1) })))?.verdict).toEqual({
      valid: false,
      reason: "DATA_CHANGED",
    });
  });

  it("says invalid once any other shown fact changes (a ВЛК result entered by the ТЦК)", async () => {
    const { rnokpp } = await reservedPerson();
    const { code } = await issueEvod(createCtx({ actor: conscriptActor(rnokpp), now }));
    await db.militaryRegistration.update({
      where: { rnokpp },
      data: { vlkResult: "обмежено придатний", vlkDate: new Date("2026-11-23T00:00:00Z") },
    });
    expect(await verifyEvod(createCtx({ actor: null, now: later(1) }), { code })).toMatchObject({
      status: "INVALID",
      reason: "DATA_CHANGED",
    });
  });

  it("says the reservation was annulled once the registry's mark is annulled", async () => {
    const { rnokpp, markId } = await reservedPerson();
    const { code } = await issueEvod(createCtx({ actor: conscriptActor(rnokpp), now }));
    await db.reservationMark.update({
      where: { id: markId },
      data: {
        status: "ANNULLED",
        activeRnokpp: null,
        annulledOn: new Date("2026-11-25T00:00:00Z"),
        ground: "DISMISSAL",
      },
    });
    expect(await verifyEvod(createCtx({ actor: null, now: later(3) }), { code })).toMatchObject({
      status: "INVALID",
      reason: "RESERVATION_ANNULLED",
      reasonText: "Бронювання, зазначене в документі, анульовано",
    });
  });

  it("says the reservation ended after its last day, and expired after validUntil", async () => {
    const { rnokpp } = await reservedPerson({ untilDate: "2026-12-31" });
    const { code } = await issueEvod(createCtx({ actor: conscriptActor(rnokpp), now }));
    expect(await verifyEvod(createCtx({ actor: null, now: new Date("2026-12-31T20:00:00Z") }), { code })).toMatchObject(
      { status: "VALID" },
    );
    expect(await verifyEvod(createCtx({ actor: null, now: new Date("2027-01-01T08:00:00Z") }), { code })).toMatchObject(
      { status: "INVALID", reason: "RESERVATION_ENDED" },
    );

    const free = (await createPerson(db)).rnokpp;
    const plain = await issueEvod(createCtx({ actor: conscriptActor(free), now }));
    expect(
      await verifyEvod(createCtx({ actor: null, now: new Date("2027-11-21T12:00:00Z") }), { code: plain.code }),
    ).toMatchObject({ status: "VALID", reservationUntil: null });
    expect(
      await verifyEvod(createCtx({ actor: null, now: new Date("2027-11-22T12:00:00Z") }), { code: plain.code }),
    ).toMatchObject({ status: "INVALID", reason: "EXPIRED" });
  });
});

describe("getMyEvod", () => {
  it("returns only the signed-in person's document", async () => {
    const { rnokpp } = await reservedPerson();
    const stranger = (await createPerson(db)).rnokpp;
    await issueEvod(createCtx({ actor: conscriptActor(rnokpp), now }));
    expect(await getMyEvod(createCtx({ actor: conscriptActor(stranger), now }))).toBeNull();
    await expect(
      getMyEvod(createCtx({ actor: { ...conscriptActor(rnokpp), role: "RECRUITER", unitId: "u" }, now })),
    ).rejects.toBeInstanceOf(AppError);
  });
});

describe("renderEvodPdf", () => {
  it("draws a real PDF with Cyrillic text (fonts embedded with their Unicode maps) and the QR image", async () => {
    const { rnokpp } = await reservedPerson();
    const issued = await issueEvod(createCtx({ actor: conscriptActor(rnokpp), now }));
    const pdf = await renderEvodPdf({ ...issued, verifyUrl: evodVerifyUrl(issued.code), dataUpToDate: true });
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const text = pdfUnicodeText(pdf);
    for (const char of new Set(
      "Військово-обліковий документ Коваленко Андрій Сергійович Дніпровський РНОКПП ВЛК 0123456789.«»",
    )) {
      expect(text.has(char), `glyph for «${char}»`).toBe(true);
    }
    expect(pdf.toString("latin1")).toMatch(/\/Subtype \/Image/);
    expect(evodVerifyUrl(issued.code)).toMatch(new RegExp(`/verify/${issued.code}$`));
  });
});

/** Every character the PDF's fonts map glyphs to (their ToUnicode CMaps), from its compressed streams. */
function pdfUnicodeText(pdf: Buffer): Set<string> {
  const raw = pdf.toString("latin1");
  const chars = new Set<string>();
  const streams = /stream\r?\n([\s\S]*?)\r?\nendstream/g;
  for (let match = streams.exec(raw); match; match = streams.exec(raw)) {
    let body: string;
    try {
      body = inflateSync(Buffer.from(match[1]!, "latin1")).toString("latin1");
    } catch {
      continue;
    }
    if (!body.includes("begincmap")) continue;
    for (const hex of body.matchAll(/<([0-9a-fA-F]{4,})>/g)) {
      const units = hex[1]!.match(/.{4}/g)!.map((u) => parseInt(u, 16));
      chars.add(String.fromCharCode(...units));
    }
  }
  return chars;
}
