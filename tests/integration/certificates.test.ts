import { beforeAll, describe, expect, it } from "vitest";
import type { StaffOfficerActor } from "@/lib/auth/roles";
import { correctServicePeriod } from "@/lib/certificates/correct-service-period";
import { decideCertificateRequest } from "@/lib/certificates/decide-certificate-request";
import { getCertificateFile } from "@/lib/certificates/get-certificate-file";
import { listMyCertificates } from "@/lib/certificates/list-my-certificates";
import { listUnitCertificateRequests } from "@/lib/certificates/list-unit-certificate-requests";
import { prepareCertificateDecision } from "@/lib/certificates/prepare-certificate-decision";
import { previewServicePeriodCorrection } from "@/lib/certificates/preview-service-period-correction";
import { requestCertificate } from "@/lib/certificates/request-certificate";
import { checkCertificatePdf, verifyCertificate } from "@/lib/certificates/verify-certificate";
import { createCtx } from "@/lib/context-server";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { signDetached, type OpenedKeyFile } from "@/lib/kep/browser";
import { ensureTestProvider } from "@/lib/kep/provider/ensure-test-provider";
import {
  createEnterprise,
  createMilitaryUnit,
  createPerson,
  createReservationMark,
  createServicePeriod,
} from "@/prisma/seed/factories";
import { conscriptActor, createStaffOfficerWithKey, ctxAs, refusal } from "@/tests/integration/fixtures/actors";

// Certificates: entitlement (who gets which, at once or through the unit), the staff officer's
// КЕП-signed decision scoped to their unit, the qualified seal and the public check (a tampered
// PDF refused), and revocation when the registry's facts change.

const now = new Date("2026-12-04T09:00:00Z");

const counts = async () => ({
  requests: await db.certificateRequest.count(),
  certificates: await db.stateCertificate.count(),
  documents: await db.signedDocument.count(),
});

let unitA: { id: string; code: string };
let unitB: { id: string; code: string };
let officerA: StaffOfficerActor;
let officerB: StaffOfficerActor;
let keyA: OpenedKeyFile;
let keyB: OpenedKeyFile;

beforeAll(async () => {
  await ensureTestProvider({ db, now: new Date(now.getTime() - 86_400_000) });
  unitA = await createMilitaryUnit(db, { name: "Окрема бригада «Альфа»" });
  unitB = await createMilitaryUnit(db, { name: "Окрема бригада «Браво»" });
  ({ officer: officerA, key: keyA } = await createStaffOfficerWithKey(unitA.id, now));
  ({ officer: officerB, key: keyB } = await createStaffOfficerWithKey(unitB.id, now));
});

async function veteran(
  periods: Array<{ unitCode: string; confirmed: boolean; fromDate?: string; untilDate?: string }>,
) {
  const person = await createPerson(db, { lastName: "Ветеран", firstName: "Андрій", patronymic: "Богданович" });
  for (const period of periods) {
    await createServicePeriod(db, {
      rnokpp: person.rnokpp,
      unitCode: period.unitCode,
      fromDate: period.fromDate,
      untilDate: period.untilDate,
      defenceConfirmedOn: period.confirmed ? undefined : null,
    });
  }
  return person.rnokpp;
}

async function decide(
  actor: StaffOfficerActor,
  key: OpenedKeyFile,
  decision: { requestId: string; decision: "CONFIRM" } | { requestId: string; decision: "REFUSE"; reason: string },
) {
  const prepared = await prepareCertificateDecision(ctxAs(actor, now), decision);
  const signature = signDetached(key, Uint8Array.from(Buffer.from(prepared.document, "base64")), { signingTime: now });
  return decideCertificateRequest(ctxAs(actor, now), {
    ...decision,
    nonce: prepared.nonce,
    signature: Buffer.from(signature).toString("base64"),
  });
}

/** A period's correction as the page makes it: preview, then the officer's signature over the document. */
async function correct(actor: StaffOfficerActor, key: OpenedKeyFile, correction: object) {
  const preview = await previewServicePeriodCorrection(ctxAs(actor, now), correction);
  const signature = signDetached(key, Uint8Array.from(Buffer.from(preview.document, "base64")), { signingTime: now });
  return correctServicePeriod(ctxAs(actor, now), {
    ...correction,
    nonce: preview.nonce,
    signature: Buffer.from(signature).toString("base64"),
  });
}

describe("the automatic path", () => {
  it("issues a veteran whose periods are all confirmed a sealed certificate at once; the check confirms it", async () => {
    const rnokpp = await veteran([
      { unitCode: unitA.code, confirmed: true },
      { unitCode: unitB.code, confirmed: true, fromDate: "2023-10-01", untilDate: "2025-01-31" },
    ]);
    const result = await requestCertificate(ctxAs(conscriptActor(rnokpp), now), { kind: "SERVICE_PARTICIPATION" });
    expect(result).toMatchObject({ status: "ISSUED", number: expect.stringMatching(/^УС-2026-\d{8}$/) });
    if (result.status !== "ISSUED") throw new Error("unreachable");

    const pdf = await getCertificateFile(ctxAs(conscriptActor(rnokpp), now), { id: result.certificateId, part: "pdf" });
    expect(Buffer.from(pdf.body.subarray(0, 5)).toString()).toBe("%PDF-");
    const p7s = await getCertificateFile(ctxAs(conscriptActor(rnokpp), now), { id: result.certificateId, part: "p7s" });
    expect(p7s.contentType).toBe("application/pkcs7-signature");
    // Somebody else's certificate is "not found".
    expect(
      (
        await refusal(
          getCertificateFile(ctxAs(conscriptActor((await createPerson(db)).rnokpp), now), {
            id: result.certificateId,
            part: "pdf",
          }),
        )
      ).code,
    ).toBe("NOT_FOUND");

    const row = await db.stateCertificate.findUniqueOrThrow({
      where: { id: result.certificateId },
      select: { code: true, facts: true },
    });
    const verdict = await verifyCertificate(createCtx({ actor: null, now }), { code: row.code });
    expect(verdict).toMatchObject({
      status: "VALID",
      number: result.number,
      initials: "В. А. Б.",
      issuedOn: "2026-12-04",
      seal: { valid: true, organization: "Міністерство оборони України" },
    });
    expect((row.facts as { service: unknown[] }).service).toHaveLength(2);

    // The very bytes match; one changed byte is refused with 422 and writes nothing.
    expect(await checkCertificatePdf(createCtx({ actor: null, now }), { code: row.code, pdf: pdf.body })).toMatchObject(
      { status: "VALID" },
    );
    const tampered = Uint8Array.from(pdf.body);
    tampered[tampered.length - 20] = tampered[tampered.length - 20]! ^ 1;
    const before = await counts();
    const error = await checkCertificatePdf(createCtx({ actor: null, now }), { code: row.code, pdf: tampered }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("CERTIFICATE_PDF_MISMATCH");
    expect((error as AppError).status).toBe(422);
    expect(await counts()).toEqual(before);
    expect(
      (await refusal(checkCertificatePdf(createCtx({ actor: null, now }), { code: "A".repeat(24), pdf: pdf.body })))
        .code,
    ).toBe("NOT_FOUND");
    expect(await verifyCertificate(createCtx({ actor: null, now }), { code: "not-a-code" })).toEqual({
      status: "UNKNOWN",
    });
  });

  it("issues the certificate of registration and, to a reserved employee, the extract of the reservation", async () => {
    const person = await createPerson(db);
    const enterprise = await createEnterprise(db, { name: "ТОВ «Тест-Енерго»" });
    await createReservationMark(db, { rnokpp: person.rnokpp, edrpou: enterprise.edrpou, fromDate: "2026-10-01" });
    const extract = await requestCertificate(ctxAs(conscriptActor(person.rnokpp), now), {
      kind: "RESERVATION_EXTRACT",
    });
    expect(extract).toMatchObject({ status: "ISSUED", number: expect.stringMatching(/^ВБ-/) });
    const registration = await requestCertificate(ctxAs(conscriptActor(person.rnokpp), now), {
      kind: "MILITARY_REGISTRATION",
    });
    expect(registration).toMatchObject({ status: "ISSUED", number: expect.stringMatching(/^ВО-/) });
    const mine = await listMyCertificates(ctxAs(conscriptActor(person.rnokpp), now));
    expect(mine.map((r) => r.kind).sort()).toEqual(["MILITARY_REGISTRATION", "RESERVATION_EXTRACT"]);
  });
});

describe("entitlement: refused with a reason, nothing written", () => {
  it("refuses a certificate of participation to a man who never served, and an extract to someone not reserved", async () => {
    const rnokpp = (await createPerson(db)).rnokpp;
    const before = await counts();
    const error = await requestCertificate(ctxAs(conscriptActor(rnokpp), now), { kind: "SERVICE_PARTICIPATION" }).catch(
      (e: unknown) => e as AppError,
    );
    expect(error).toMatchObject({ code: "CERTIFICATE_NOT_ENTITLED", status: 403 });
    expect((error as AppError).message).toMatch(/не містить жодного періоду/);
    expect(
      (await refusal(requestCertificate(ctxAs(conscriptActor(rnokpp), now), { kind: "RESERVATION_EXTRACT" }))).code,
    ).toBe("CERTIFICATE_NOT_ENTITLED");
    const woman = await createPerson(db, { sex: "FEMALE" });
    expect(
      (await refusal(requestCertificate(ctxAs(conscriptActor(woman.rnokpp), now), { kind: "MILITARY_REGISTRATION" })))
        .code,
    ).toBe("CERTIFICATE_NOT_ENTITLED");
    expect(await counts()).toEqual(before);
  });

  it("refuses an unknown kind and anyone but a citizen", async () => {
    const rnokpp = (await createPerson(db)).rnokpp;
    expect((await refusal(requestCertificate(ctxAs(conscriptActor(rnokpp), now), { kind: "DIPLOMA" }))).code).toBe(
      "VALIDATION_FAILED",
    );
    expect((await refusal(requestCertificate(ctxAs(officerA, now), { kind: "SERVICE_PARTICIPATION" }))).code).toBe(
      "FORBIDDEN",
    );
    expect((await refusal(requestCertificate(ctxAs(null, now), { kind: "SERVICE_PARTICIPATION" }))).code).toBe(
      "UNAUTHENTICATED",
    );
  });
});

describe("the unit's path", () => {
  it("routes an unconfirmed period to its unit with a due date; a duplicate is refused; the unit's officer confirms with КЕП and the certificate appears", async () => {
    const rnokpp = await veteran([
      { unitCode: unitB.code, confirmed: true },
      { unitCode: unitA.code, confirmed: false, fromDate: "2023-10-01", untilDate: "2025-06-30" },
    ]);
    const routed = await requestCertificate(ctxAs(conscriptActor(rnokpp), now), { kind: "SERVICE_PARTICIPATION" });
    expect(routed).toEqual({
      status: "PENDING",
      requestId: expect.any(String),
      dueOn: "2026-12-18",
      unit: { code: unitA.code, name: "Окрема бригада «Альфа»" },
    });
    if (routed.status !== "PENDING") throw new Error("unreachable");
    expect(
      await db.notification.count({ where: { recipientRnokpp: officerA.rnokpp!, audience: "staff" } }),
    ).toBeGreaterThan(0);

    const before = await counts();
    expect(
      (await refusal(requestCertificate(ctxAs(conscriptActor(rnokpp), now), { kind: "SERVICE_PARTICIPATION" }))).code,
    ).toBe("CERTIFICATE_REQUEST_OPEN");
    // Another unit's officer sees nothing of it and cannot decide it.
    expect(
      (await listUnitCertificateRequests(ctxAs(officerB, now), { status: "PENDING" })).map((r) => r.id),
    ).not.toContain(routed.requestId);
    expect(
      (
        await refusal(
          prepareCertificateDecision(ctxAs(officerB, now), { requestId: routed.requestId, decision: "CONFIRM" }),
        )
      ).code,
    ).toBe("NOT_FOUND");
    expect((await refusal(decide(officerB, keyB, { requestId: routed.requestId, decision: "CONFIRM" }))).code).toBe(
      "NOT_FOUND",
    );
    // The right officer's cabinet, but another officer's key: refused.
    const prepared = await prepareCertificateDecision(ctxAs(officerA, now), {
      requestId: routed.requestId,
      decision: "CONFIRM",
    });
    const foreign = signDetached(keyB, Uint8Array.from(Buffer.from(prepared.document, "base64")), { signingTime: now });
    expect(
      (
        await refusal(
          decideCertificateRequest(ctxAs(officerA, now), {
            requestId: routed.requestId,
            decision: "CONFIRM",
            nonce: prepared.nonce,
            signature: Buffer.from(foreign).toString("base64"),
          }),
        )
      ).code,
    ).toBe("SIGNER_NOT_STAFF_OFFICER");
    expect(await counts()).toEqual(before);
    expect((await db.servicePeriod.findMany({ where: { rnokpp, defenceConfirmedOn: null } })).length).toBe(1);

    expect((await listUnitCertificateRequests(ctxAs(officerA, now), { status: "PENDING" })).map((r) => r.id)).toContain(
      routed.requestId,
    );
    const decided = await decide(officerA, keyA, { requestId: routed.requestId, decision: "CONFIRM" });
    expect(decided).toMatchObject({ status: "ISSUED", number: expect.stringMatching(/^УС-/) });
    expect(await db.servicePeriod.count({ where: { rnokpp, defenceConfirmedOn: null } })).toBe(0);
    const [mine] = await listMyCertificates(ctxAs(conscriptActor(rnokpp), now));
    expect(mine).toMatchObject({ status: "ISSUED", certificate: { revokedAt: null } });
    expect((await refusal(decide(officerA, keyA, { requestId: routed.requestId, decision: "CONFIRM" }))).code).toBe(
      "CERTIFICATE_REQUEST_DECIDED",
    );
  });

  it("a refusal needs a reason, is signed, and tells the citizen; the citizen may ask again", async () => {
    const rnokpp = await veteran([{ unitCode: unitA.code, confirmed: false }]);
    const routed = await requestCertificate(ctxAs(conscriptActor(rnokpp), now), { kind: "SERVICE_PARTICIPATION" });
    if (routed.status !== "PENDING") throw new Error("expected routing");
    expect(
      (
        await refusal(
          prepareCertificateDecision(ctxAs(officerA, now), {
            requestId: routed.requestId,
            decision: "REFUSE",
            reason: "ні",
          }),
        )
      ).code,
    ).toBe("VALIDATION_FAILED");
    expect(
      await decide(officerA, keyA, {
        requestId: routed.requestId,
        decision: "REFUSE",
        reason: "Особа не проходила службу у складі частини в зазначений період",
      }),
    ).toEqual({ status: "REFUSED" });
    const [mine] = await listMyCertificates(ctxAs(conscriptActor(rnokpp), now));
    expect(mine).toMatchObject({ status: "REFUSED", refusalReason: expect.stringMatching(/не проходила/) });
    expect(await db.notification.count({ where: { recipientRnokpp: rnokpp, kind: "certificate.refused" } })).toBe(1);
    expect(
      await requestCertificate(ctxAs(conscriptActor(rnokpp), now), { kind: "SERVICE_PARTICIPATION" }),
    ).toMatchObject({
      status: "PENDING",
    });
  });
});

describe("revocation", () => {
  it("revokes the certificate with the reason when the unit corrects a period; the check says so", async () => {
    const rnokpp = await veteran([{ unitCode: unitA.code, confirmed: true }]);
    const issued = await requestCertificate(ctxAs(conscriptActor(rnokpp), now), { kind: "SERVICE_PARTICIPATION" });
    if (issued.status !== "ISSUED") throw new Error("expected issue");
    const { code: qr } = await db.stateCertificate.findUniqueOrThrow({
      where: { id: issued.certificateId },
      select: { code: true },
    });
    const period = await db.servicePeriod.findFirstOrThrow({ where: { rnokpp } });

    const correction = {
      rnokpp,
      periodId: period.id,
      fromDate: "2022-03-15",
      untilDate: "2023-08-31",
      position: "старший стрілець",
      reason: "Дату початку служби виправлено за наказом",
    };
    expect((await refusal(correct(officerB, keyB, correction))).code).toBe("NOT_FOUND");
    expect((await refusal(correct(officerA, keyA, { ...correction, untilDate: "2021-01-01" }))).code).toBe(
      "VALIDATION_FAILED",
    );
    expect((await verifyCertificate(createCtx({ actor: null, now }), { code: qr })).status).toBe("VALID");

    expect(await correct(officerA, keyA, correction)).toEqual({ revoked: [issued.number] });
    const verdict = await verifyCertificate(createCtx({ actor: null, now }), { code: qr });
    expect(verdict).toMatchObject({ status: "REVOKED", reasonText: expect.stringMatching(/виправлено за наказом/) });
    // A new request states the corrected facts and is valid.
    const again = await requestCertificate(ctxAs(conscriptActor(rnokpp), now), { kind: "SERVICE_PARTICIPATION" });
    if (again.status !== "ISSUED") throw new Error("expected issue");
    const fresh = await db.stateCertificate.findUniqueOrThrow({
      where: { id: again.certificateId },
      select: { code: true },
    });
    expect((await verifyCertificate(createCtx({ actor: null, now }), { code: fresh.code })).status).toBe("VALID");
  });

  it("says a certificate is no longer valid when the registry's facts changed through another channel", async () => {
    const person = await createPerson(db);
    const enterprise = await createEnterprise(db);
    const mark = await createReservationMark(db, {
      rnokpp: person.rnokpp,
      edrpou: enterprise.edrpou,
      fromDate: "2026-10-01",
    });
    const issued = await requestCertificate(ctxAs(conscriptActor(person.rnokpp), now), { kind: "RESERVATION_EXTRACT" });
    if (issued.status !== "ISSUED") throw new Error("expected issue");
    const { code: qr } = await db.stateCertificate.findUniqueOrThrow({
      where: { id: issued.certificateId },
      select: { code: true },
    });
    await db.reservationMark.update({ where: { id: mark.id }, data: { status: "ANNULLED", activeRnokpp: null } });
    expect(await verifyCertificate(createCtx({ actor: null, now }), { code: qr })).toMatchObject({
      status: "OUTDATED",
    });
  });
});
