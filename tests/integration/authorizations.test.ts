import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listRoleOptions } from "@/lib/auth/list-role-options";
import type { AuthorizedPersonActor } from "@/lib/auth/roles";
import {
  grantAuthorization,
  listAuthorizations,
  prepareAuthorizationGrant,
  prepareAuthorizationWithdrawal,
  withdrawAuthorization,
} from "@/lib/authorizations";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { stopSenderBoss } from "@/lib/jobs/boss";
import { openKeyFile, type OpenedKeyFile } from "@/lib/kep/browser";
import { issueCertificate } from "@/lib/kep/provider/issue-certificate";
import { createReservationDraft, listEmployees, submitApplication } from "@/lib/reservations";
import { createWorld, sign, type World } from "@/lib/reservations/testing/world";
import { createPerson } from "@/prisma/seed/factories";
import { createCtx } from "@/lib/context-server";

// The head authorizes another person, with a signature, to read the staff and prepare
// applications, and withdraws it the same way: every refusal (not the head, a bad or unknown
// РНОКПП, the head themselves, twice, a foreign key, altered bytes, a replayed signature, another
// enterprise's authorization) changes nothing; a grant gives the role at once, a withdrawal
// takes it away at once.

let a: World;
let b: World;
let candidate: { rnokpp: string; fullName: string };
let candidateKey: OpenedKeyFile;

async function expectCode(code: string, attempt: () => Promise<unknown>): Promise<AppError> {
  const error = await attempt().then(
    () => new Error(`очікувалася відмова ${code}`),
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  return error as AppError;
}

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64");
const fromB64 = (text: string) => Uint8Array.from(Buffer.from(text, "base64"));
const writes = async () => ({
  memberships: await db.membership.count(),
  signed: await db.signedDocument.count({ where: { kind: "AUTHORIZATION" } }),
  notices: await db.notification.count({ where: { kind: { startsWith: "authorization." } } }),
  audit: await db.auditLog.count({ where: { action: { startsWith: "authorization." } } }),
});

/** Prepares a grant and signs it with `key` (the head's by default). */
async function signedGrant(world: World, rnokpp: string, options: { key?: OpenedKeyFile; position?: string } = {}) {
  const prepared = await prepareAuthorizationGrant(createCtx({ actor: world.head.actor }), {
    rnokpp,
    position: options.position,
  });
  return {
    prepared,
    input: {
      rnokpp,
      position: options.position,
      nonce: prepared.nonce,
      signature: b64(sign(options.key ?? world.head.key!, fromB64(prepared.document))),
    },
  };
}

function actorOf(userId: string, rnokpp: string, fullName: string, edrpou: string): AuthorizedPersonActor {
  return { userId, rnokpp, fullName, role: "AUTHORIZED_PERSON", edrpou, via: "kep" };
}

beforeAll(async () => {
  a = await createWorld(createCtx({ actor: null }), { serial: 61, employees: 4, limitCount: 2 });
  b = await createWorld(createCtx({ actor: null }), { serial: 62, employees: 2 });
  const person = await createPerson(db, {
    sex: "FEMALE",
    lastName: "Кадровичка",
    firstName: "Марія",
    patronymic: "Степанівна",
    birthDate: "1990-02-03",
  });
  candidate = { rnokpp: person.rnokpp, fullName: "Кадровичка Марія Степанівна" };
  const { p12 } = await issueCertificate(createCtx({ actor: null }), {
    rnokpp: candidate.rnokpp,
    fullName: candidate.fullName,
    edrpou: a.edrpou,
    organization: a.name,
    title: "Інспекторка з кадрів",
    password: "Cand-Key-Pass1",
  });
  candidateKey = openKeyFile(p12, "Cand-Key-Pass1");
});

afterAll(async () => {
  await stopSenderBoss();
});

describe("granting an authorization", () => {
  it("the registry names the person, the head signs, and the person holds the role at once", async () => {
    expect(await db.user.findUnique({ where: { rnokpp: candidate.rnokpp } })).toBeNull();
    const { prepared, input } = await signedGrant(a, candidate.rnokpp, { position: "Інспекторка з кадрів" });
    expect(prepared.person).toEqual({
      rnokpp: candidate.rnokpp,
      fullName: candidate.fullName,
      position: "Інспекторка з кадрів",
    });
    const document = JSON.parse(Buffer.from(prepared.document, "base64").toString("utf8"));
    expect(document).toMatchObject({
      type: "bronya.authorization",
      action: "GRANT",
      enterprise: { edrpou: a.edrpou },
      person: { rnokpp: candidate.rnokpp },
      head: { rnokpp: a.head.rnokpp },
      nonce: prepared.nonce,
    });

    const granted = await grantAuthorization(createCtx({ actor: a.head.actor }), input);
    const membership = await db.membership.findUniqueOrThrow({
      where: { id: granted.membershipId },
      include: { user: true },
    });
    expect(membership).toMatchObject({
      role: "AUTHORIZED_PERSON",
      edrpou: a.edrpou,
      grantedByRnokpp: a.head.rnokpp,
      position: "Інспекторка з кадрів",
      revokedAt: null,
    });
    expect(membership.user).toMatchObject({ rnokpp: candidate.rnokpp, fullName: candidate.fullName });
    const signed = await db.signedDocument.findUniqueOrThrow({ where: { id: membership.signedDocumentId! } });
    expect(signed).toMatchObject({ kind: "AUTHORIZATION", edrpou: a.edrpou, signerRnokpp: a.head.rnokpp });
    expect(
      await db.auditLog.count({
        where: { action: "authorization.grant", entityId: granted.membershipId, signedDocumentId: signed.id },
      }),
    ).toBe(1);
    expect(
      await db.notification.findFirstOrThrow({
        where: { recipientRnokpp: candidate.rnokpp, kind: "authorization.granted" },
      }),
    ).toMatchObject({ audience: "company", link: "/company" });

    const roles = await listRoleOptions({ db }, { userId: membership.userId, rnokpp: candidate.rnokpp });
    expect(roles).toContainEqual(expect.objectContaining({ role: "AUTHORIZED_PERSON", edrpou: a.edrpou }));

    // The new authorized person reads the staff and prepares, but only the head signs.
    const actor = actorOf(membership.userId, candidate.rnokpp, candidate.fullName, a.edrpou);
    expect((await listEmployees(createCtx({ actor }), { edrpou: a.edrpou })).total).toBe(4);
    const draft = await createReservationDraft(createCtx({ actor }), {
      edrpou: a.edrpou,
      employees: [{ rnokpp: a.employees[0]! }],
    });
    await expectCode("FORBIDDEN", () =>
      submitApplication(createCtx({ actor }), {
        draftId: draft.draftId,
        signature: sign(candidateKey, draft.document),
      }),
    );
    await expectCode("SIGNER_NOT_HEAD", () =>
      submitApplication(createCtx({ actor: a.head.actor }), {
        draftId: draft.draftId,
        signature: sign(candidateKey, draft.document),
      }),
    );
    expect(await db.application.count({ where: { draftId: draft.draftId } })).toBe(0);
  });

  it("refuses everyone but the head, bad and unknown РНОКПП, the head and a second grant — writing nothing", async () => {
    const before = await writes();
    const membership = await db.membership.findFirstOrThrow({
      where: { edrpou: a.edrpou, user: { rnokpp: candidate.rnokpp } },
    });
    const authorized = actorOf(membership.userId, candidate.rnokpp, candidate.fullName, a.edrpou);
    const stranger = await createPerson(db, { lastName: "Сторонній" });

    await expectCode("FORBIDDEN", () =>
      prepareAuthorizationGrant(createCtx({ actor: authorized }), { rnokpp: stranger.rnokpp }),
    );
    await expectCode("INVALID_RNOKPP", () =>
      prepareAuthorizationGrant(createCtx({ actor: a.head.actor }), { rnokpp: "1234567890" }),
    );
    await expectCode("PERSON_NOT_FOUND", () =>
      prepareAuthorizationGrant(createCtx({ actor: a.head.actor }), { rnokpp: "1759013776" }),
    );
    await expectCode("SELF_AUTHORIZATION", () =>
      prepareAuthorizationGrant(createCtx({ actor: a.head.actor }), { rnokpp: a.head.rnokpp }),
    );
    await expectCode("ALREADY_AUTHORIZED", () =>
      prepareAuthorizationGrant(createCtx({ actor: a.head.actor }), { rnokpp: candidate.rnokpp }),
    );
    await expectCode("UNKNOWN_FIELD", () =>
      prepareAuthorizationGrant(createCtx({ actor: a.head.actor }), { rnokpp: stranger.rnokpp, edrpou: b.edrpou }),
    );

    // A signature by another key, or over other bytes, or a document prepared for someone else.
    const foreignKey = await signedGrant(a, stranger.rnokpp, { key: b.head.key! });
    await expectCode("SIGNER_NOT_HEAD", () => grantAuthorization(createCtx({ actor: a.head.actor }), foreignKey.input));
    const byCandidate = await signedGrant(a, stranger.rnokpp, { key: candidateKey });
    await expectCode("SIGNER_NOT_HEAD", () =>
      grantAuthorization(createCtx({ actor: a.head.actor }), byCandidate.input),
    );
    const altered = await signedGrant(a, stranger.rnokpp);
    await expectCode("CONTENT_MISMATCH", () =>
      grantAuthorization(createCtx({ actor: a.head.actor }), { ...altered.input, position: "Головний бухгалтер" }),
    );
    await expectCode("FORBIDDEN", () => grantAuthorization(createCtx({ actor: authorized }), altered.input));
    // b's head cannot use a's prepared document: they act for b, and their name is not in it.
    await expectCode("CONTENT_MISMATCH", () =>
      grantAuthorization(createCtx({ actor: b.head.actor }), {
        ...altered.input,
        signature: b64(sign(b.head.key!, fromB64(altered.prepared.document))),
      }),
    );

    expect(await writes()).toEqual(before);
    expect(await db.membership.count({ where: { user: { rnokpp: stranger.rnokpp } } })).toBe(0);
  });
});

describe("withdrawing an authorization", () => {
  it("is signed, takes the role away at once, and a replayed grant signature is refused", async () => {
    const stranger = await createPerson(db, { lastName: "Бухгалтерка", sex: "FEMALE" });
    const grant = await signedGrant(a, stranger.rnokpp);
    const { membershipId } = await grantAuthorization(createCtx({ actor: a.head.actor }), grant.input);
    const user = await db.user.findUniqueOrThrow({ where: { rnokpp: stranger.rnokpp } });
    const actor = actorOf(user.id, stranger.rnokpp, user.fullName, a.edrpou);
    expect((await listEmployees(createCtx({ actor }), { edrpou: a.edrpou })).total).toBe(4);

    await expectCode("AUTHORIZATION_NOT_FOUND", () =>
      prepareAuthorizationWithdrawal(createCtx({ actor: b.head.actor }), { membershipId }),
    );
    await expectCode("FORBIDDEN", () => prepareAuthorizationWithdrawal(createCtx({ actor }), { membershipId }));
    const prepared = await prepareAuthorizationWithdrawal(createCtx({ actor: a.head.actor }), { membershipId });
    expect(JSON.parse(Buffer.from(prepared.document, "base64").toString("utf8"))).toMatchObject({
      action: "WITHDRAW",
      authorizationId: membershipId,
      person: { rnokpp: stranger.rnokpp },
    });
    const signature = b64(sign(a.head.key!, fromB64(prepared.document)));
    await expectCode("AUTHORIZATION_NOT_FOUND", () =>
      withdrawAuthorization(createCtx({ actor: b.head.actor }), { membershipId, nonce: prepared.nonce, signature }),
    );
    const withdrawn = await withdrawAuthorization(createCtx({ actor: a.head.actor }), {
      membershipId,
      nonce: prepared.nonce,
      signature,
    });
    expect(withdrawn.membershipId).toBe(membershipId);

    expect(await listRoleOptions({ db }, { userId: user.id, rnokpp: stranger.rnokpp })).not.toContainEqual(
      expect.objectContaining({ role: "AUTHORIZED_PERSON" }),
    );
    await expectCode("ENTERPRISE_NOT_FOUND", () => listEmployees(createCtx({ actor }), { edrpou: a.edrpou }));
    await expectCode("AUTHORIZATION_WITHDRAWN", () =>
      prepareAuthorizationWithdrawal(createCtx({ actor: a.head.actor }), { membershipId }),
    );
    await expectCode("AUTHORIZATION_WITHDRAWN", () =>
      withdrawAuthorization(createCtx({ actor: a.head.actor }), { membershipId, nonce: prepared.nonce, signature }),
    );
    expect(
      await db.notification.count({ where: { recipientRnokpp: stranger.rnokpp, kind: "authorization.withdrawn" } }),
    ).toBe(1);

    // The grant's signature again, now that the person is no longer authorized: refused as a replay.
    await expectCode("SIGNATURE_REPLAYED", () => grantAuthorization(createCtx({ actor: a.head.actor }), grant.input));
    expect(await db.membership.count({ where: { userId: user.id, revokedAt: null } })).toBe(0);

    const list = await listAuthorizations(createCtx({ actor: a.head.actor }));
    const row = list.find((r) => r.id === membershipId)!;
    expect(row).toMatchObject({
      rnokpp: stranger.rnokpp,
      grantDocumentId: expect.any(String),
      withdrawalDocumentId: expect.any(String),
      revokedAt: withdrawn.revokedAt,
    });
    expect(list[0]!.revokedAt).toBeNull();
    expect(list.map((r) => r.rnokpp)).toContain(candidate.rnokpp);
    expect(await listAuthorizations(createCtx({ actor: b.head.actor }))).toEqual([]);
    await expectCode("FORBIDDEN", () =>
      listAuthorizations(createCtx({ actor: { ...actor, role: "AUTHORIZED_PERSON" } })),
    );
  });
});
