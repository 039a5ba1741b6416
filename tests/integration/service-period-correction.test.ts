import { beforeAll, describe, expect, it } from "vitest";
import type { StaffOfficerActor } from "@/lib/auth/roles";
import { correctServicePeriod } from "@/lib/certificates/correct-service-period";
import { listUnitServicePeriods } from "@/lib/certificates/list-unit-service-periods";
import { previewServicePeriodCorrection } from "@/lib/certificates/preview-service-period-correction";
import { requestCertificate } from "@/lib/certificates/request-certificate";
import { verifyCertificate } from "@/lib/certificates/verify-certificate";
import { createCtx } from "@/lib/context-server";
import { db } from "@/lib/db/client";
import { signDetached, type OpenedKeyFile } from "@/lib/kep/browser";
import { ensureTestProvider } from "@/lib/kep/provider/ensure-test-provider";
import { createMilitaryUnit, createPerson, createServicePeriod } from "@/prisma/seed/factories";
import { conscriptActor, createStaffOfficerWithKey, ctxAs, refusal } from "@/tests/integration/fixtures/actors";

// The staff officer's correction of a period of service: the preview lists exactly the
// certificates the signed correction revokes (it applies the change and rolls it back), bad input
// and another unit's officer are refused with nothing written, the signature must be this
// officer's over the document as previewed, and the public check then says "revoked" and why.

const now = new Date("2026-12-04T09:00:00Z");

const sign = (key: OpenedKeyFile, document: string) =>
  Buffer.from(signDetached(key, Uint8Array.from(Buffer.from(document, "base64")), { signingTime: now })).toString(
    "base64",
  );

/** What a correction writes: the period, revocations, signed documents, audit rows, notifications. */
async function snapshot(rnokpp: string) {
  return {
    periods: await db.servicePeriod.findMany({ where: { rnokpp }, orderBy: { id: "asc" } }),
    revoked: await db.stateCertificate.count({ where: { rnokpp, revokedAt: { not: null } } }),
    documents: await db.signedDocument.count({ where: { kind: "SERVICE_PERIOD_CORRECTION" } }),
    audit: await db.auditLog.count({ where: { action: { in: ["servicePeriod.correct", "certificate.revoke"] } } }),
    notifications: await db.notification.count({ where: { recipientRnokpp: rnokpp, kind: "certificate.revoked" } }),
  };
}

let unitA: { id: string; code: string };
let officerA: StaffOfficerActor;
let officerB: StaffOfficerActor;
let keyA: OpenedKeyFile;
let keyB: OpenedKeyFile;

beforeAll(async () => {
  await ensureTestProvider({ db, now: new Date(now.getTime() - 86_400_000) });
  unitA = await createMilitaryUnit(db, { name: "Окрема бригада «Альфа»" });
  const unitB = await createMilitaryUnit(db, { name: "Окрема бригада «Браво»" });
  ({ officer: officerA, key: keyA } = await createStaffOfficerWithKey(unitA.id, now));
  ({ officer: officerB, key: keyB } = await createStaffOfficerWithKey(unitB.id, now));
});

/** A veteran of unit A with a confirmed period and a valid certificate of participation. */
async function veteranWithCertificate() {
  const person = await createPerson(db, { lastName: "Ветеран", firstName: "Андрій", patronymic: "Богданович" });
  const period = await createServicePeriod(db, { rnokpp: person.rnokpp, unitCode: unitA.code });
  const issued = await requestCertificate(ctxAs(conscriptActor(person.rnokpp), now), { kind: "SERVICE_PARTICIPATION" });
  if (issued.status !== "ISSUED") throw new Error("expected the certificate at once");
  const correction = {
    rnokpp: person.rnokpp,
    periodId: period.id,
    fromDate: "2022-03-15",
    untilDate: "2023-08-31",
    position: "старший стрілець",
    reason: "Дату початку служби виправлено за наказом № 118",
  };
  return { rnokpp: person.rnokpp, period, issued, correction };
}

describe("correcting a period of service", () => {
  it("previews exactly the certificates it then revokes, writing nothing but a nonce; the check says revoked", async () => {
    const { rnokpp, issued, correction } = await veteranWithCertificate();
    const before = await snapshot(rnokpp);
    const nonces = await db.nonce.count();

    const preview = await previewServicePeriodCorrection(ctxAs(officerA, now), correction);
    expect(preview.revokes.map((row) => row.number)).toEqual([issued.number]);
    expect(await snapshot(rnokpp)).toEqual(before);
    expect(await db.nonce.count()).toBe(nonces + 1);
    const signed = JSON.parse(Buffer.from(preview.document, "base64").toString("utf8")) as Record<string, unknown>;
    expect(signed).toMatchObject({
      type: "bronya/service-period-correction",
      before: { fromDate: "2022-03-01", position: "стрілець" },
      after: { fromDate: "2022-03-15", position: "старший стрілець" },
      revokes: [issued.number],
    });

    const result = await correctServicePeriod(ctxAs(officerA, now), {
      ...correction,
      nonce: preview.nonce,
      signature: sign(keyA, preview.document),
    });
    expect(result).toEqual({ revoked: [issued.number] });
    const period = await db.servicePeriod.findUniqueOrThrow({ where: { id: correction.periodId } });
    expect(period.position).toBe("старший стрілець");
    expect(period.defenceConfirmedOn).not.toBeNull();
    const { code } = await db.stateCertificate.findUniqueOrThrow({
      where: { id: issued.certificateId },
      select: { code: true },
    });
    expect(await verifyCertificate(createCtx({ actor: null, now }), { code })).toMatchObject({
      status: "REVOKED",
      reasonText: expect.stringMatching(/виправлено за наказом № 118/),
    });
    const audit = await db.auditLog.findFirstOrThrow({
      where: { action: "servicePeriod.correct", entityId: correction.periodId },
      select: { signedDocumentId: true },
    });
    expect(audit.signedDocumentId).not.toBeNull();

    // A correction that changes nothing the valid certificates state revokes nothing.
    const again = await previewServicePeriodCorrection(ctxAs(officerA, now), {
      ...correction,
      reason: "Повторне виправлення без змін у відомостях",
    });
    expect(again.revokes).toEqual([]);
  });

  it("refuses bad input with a Ukrainian 400 and writes nothing", async () => {
    const { rnokpp, correction } = await veteranWithCertificate();
    const before = await snapshot(rnokpp);
    const nonces = await db.nonce.count();
    const bad: Array<[string, unknown, string?]> = [
      ["end before start", { ...correction, untilDate: "2021-01-01" }, "untilDate"],
      ["a future end", { ...correction, untilDate: "2027-01-01" }, "untilDate"],
      ["a future start", { ...correction, fromDate: "2027-01-01", untilDate: null }, "fromDate"],
      ["no reason", { ...correction, reason: "бо так" }, "reason"],
      ["no position", { ...correction, position: " " }, "position"],
      ["a malformed date", { ...correction, fromDate: "15.03.2022" }, "fromDate"],
      ["an unknown field", { ...correction, defenceConfirmedOn: "2022-01-01" }],
      ["not an object", null],
    ];
    for (const [label, input, field] of bad) {
      const error = await refusal(previewServicePeriodCorrection(ctxAs(officerA, now), input));
      expect({ label, status: error.status }).toEqual({ label, status: 400 });
      expect(error.message, label).toMatch(/[А-Яа-яІіЇїЄє]/);
      if (field) expect(error.fields?.[field], label).toMatch(/[А-Яа-яІіЇїЄє]/);
    }
    // The signed step parses the same way, and refuses a missing or malformed signature.
    const preview = await previewServicePeriodCorrection(ctxAs(officerA, now), correction);
    const signature = sign(keyA, preview.document);
    for (const input of [
      { ...correction, untilDate: "2021-01-01", nonce: preview.nonce, signature },
      { ...correction, nonce: preview.nonce },
      { ...correction, nonce: "короткий", signature },
      { ...correction, nonce: preview.nonce, signature: "не base64!" },
    ]) {
      const error = await refusal(correctServicePeriod(ctxAs(officerA, now), input));
      expect(error.status, JSON.stringify(Object.keys(input))).toBe(400);
      expect(error.message).toMatch(/[А-Яа-яІіЇїЄє]/);
    }
    expect(await snapshot(rnokpp)).toEqual(before);
    expect(await db.nonce.count()).toBe(nonces + 1);
  });

  it("refuses another unit's officer, a citizen, another officer's signature and a stale preview; nothing written", async () => {
    const { rnokpp, correction } = await veteranWithCertificate();
    const before = await snapshot(rnokpp);

    expect((await refusal(previewServicePeriodCorrection(ctxAs(officerB, now), correction))).code).toBe("NOT_FOUND");
    expect((await refusal(previewServicePeriodCorrection(ctxAs(conscriptActor(rnokpp), now), correction))).code).toBe(
      "FORBIDDEN",
    );
    // The period's id with another person's РНОКПП is not that person's period.
    const stranger = await createPerson(db);
    expect(
      (await refusal(previewServicePeriodCorrection(ctxAs(officerA, now), { ...correction, rnokpp: stranger.rnokpp })))
        .code,
    ).toBe("NOT_FOUND");

    const preview = await previewServicePeriodCorrection(ctxAs(officerA, now), correction);
    // Unit B's officer submits unit A's prepared correction, signed with his own key.
    expect(
      (
        await refusal(
          correctServicePeriod(ctxAs(officerB, now), {
            ...correction,
            nonce: preview.nonce,
            signature: sign(keyB, preview.document),
          }),
        )
      ).code,
    ).toBe("NOT_FOUND");
    // Unit A's officer submits it signed with unit B's officer's key.
    const foreign = await refusal(
      correctServicePeriod(ctxAs(officerA, now), {
        ...correction,
        nonce: preview.nonce,
        signature: sign(keyB, preview.document),
      }),
    );
    expect(foreign.status).toBeGreaterThanOrEqual(400);
    expect(foreign.status).toBeLessThan(500);
    // Signed as previewed, but submitted with other dates: the rebuilt document differs.
    const altered = await refusal(
      correctServicePeriod(ctxAs(officerA, now), {
        ...correction,
        fromDate: "2022-03-20",
        nonce: preview.nonce,
        signature: sign(keyA, preview.document),
      }),
    );
    expect(altered.status).toBeGreaterThanOrEqual(400);
    expect(altered.status).toBeLessThan(500);
    expect(await snapshot(rnokpp)).toEqual(before);

    // The same preview, signed properly, still goes through (its nonce was not consumed above).
    await expect(
      correctServicePeriod(ctxAs(officerA, now), {
        ...correction,
        nonce: preview.nonce,
        signature: sign(keyA, preview.document),
      }),
    ).resolves.toMatchObject({ revoked: [expect.any(String)] });
  });
});

describe("the unit's list of its periods", () => {
  it("lists only the officer's own unit's periods, narrowed by the beginning of a surname in any case", async () => {
    const unitB = await db.militaryUnit.findUniqueOrThrow({ where: { id: officerB.unitId }, select: { code: true } });
    const mine = await createPerson(db, { lastName: "Шевчишин", firstName: "Остап" });
    const theirs = await createPerson(db, { lastName: "Шевчишин", firstName: "Тарас" });
    const own = await createServicePeriod(db, { rnokpp: mine.rnokpp, unitCode: unitA.code, position: "кулеметник" });
    const foreign = await createServicePeriod(db, { rnokpp: theirs.rnokpp, unitCode: unitB.code });

    const all = await listUnitServicePeriods(ctxAs(officerA, now), {});
    expect(all.unit.code).toBe(unitA.code);
    expect(all.periods.map((period) => period.id)).toContain(own.id);
    expect(all.periods.map((period) => period.id)).not.toContain(foreign.id);
    expect(all.periods.every((period) => period.unitCode === unitA.code)).toBe(true);

    const found = await listUnitServicePeriods(ctxAs(officerA, now), { surname: "шевч" });
    expect(found.periods).toEqual([
      expect.objectContaining({
        id: own.id,
        position: "кулеметник",
        fullName: expect.stringMatching(/^Шевчишин Остап/),
      }),
    ]);
    expect(
      (await listUnitServicePeriods(ctxAs(officerB, now), { surname: "Шевчишин" })).periods.map((p) => p.id),
    ).toEqual([foreign.id]);
    // An odd filter is dropped, not an error; a citizen may not list a unit's periods.
    expect((await listUnitServicePeriods(ctxAs(officerA, now), { surname: "%' OR 1=1" })).periods.length).toBe(
      all.periods.length,
    );
    expect((await refusal(listUnitServicePeriods(ctxAs(conscriptActor(mine.rnokpp), now), {}))).code).toBe("FORBIDDEN");
  });
});
