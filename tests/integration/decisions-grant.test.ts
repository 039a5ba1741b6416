import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { grantDecision } from "@/lib/enterprises/grant-decision";
import { listDecisions } from "@/lib/enterprises/list-decisions";
import { lookupEnterprise } from "@/lib/enterprises/lookup-enterprise";
import { prepareDecisionGrant } from "@/lib/enterprises/prepare-decision-grant";
import { addDays, addMonths } from "@/lib/rules";
import { createCriticalDecision, createEnterprise, createPerson, createReservationMark } from "@/prisma/seed/factories";
import {
  createManufacturer,
  createMinistryWorld,
  createOfficial,
  failure,
  newDecisionInput,
  portalCounts,
  sign,
  today,
} from "./ministry-fixtures";
import { createCtx } from "@/lib/context-server";

// Granting critical status: the form's checks on the server, the signed submission, and every
// refusal leaving the database as it was.

let world: Awaited<ReturnType<typeof createMinistryWorld>>;

beforeAll(async () => {
  world = await createMinistryWorld();
});

async function grant(official = world.official, input = {} as Record<string, unknown>, signer = official.key) {
  const prepared = await prepareDecisionGrant(createCtx({ actor: official.actor }), input);
  return grantDecision(createCtx({ actor: official.actor }), {
    decision: input,
    nonce: prepared.nonce,
    signature: sign(signer, prepared.document),
  });
}

async function expectRefusedPrepare(input: Record<string, unknown>, code: string, field?: string) {
  const before = await portalCounts();
  const error = await failure(prepareDecisionGrant(createCtx({ actor: world.official.actor }), input));
  expect(error.code).toBe(code);
  if (field) expect(error.fields?.[field], JSON.stringify(error.fields)).toBeTruthy();
  expect(await portalCounts()).toEqual(before);
  return error;
}

describe("grantDecision", () => {
  it("records a signed decision, its GRANTED event, the audit row, and notifies the head", async () => {
    const enterprise = await createManufacturer();
    const input = newDecisionInput(enterprise.edrpou, { militaryLiableCount: 9 });
    const { decisionId } = await grant(world.official, input);

    const decision = await db.criticalDecision.findUniqueOrThrow({
      where: { id: decisionId },
      include: { events: true, signedDocument: true },
    });
    expect(decision).toMatchObject({
      status: "ACTIVE",
      authorityId: world.ministry.id,
      limitPercent: 50,
      limitCount: 4,
      militaryLiableCount: 9,
      headcount: null,
    });
    expect(decision.signedDocument).toMatchObject({
      kind: "CRITICAL_DECISION",
      signerRnokpp: world.official.actor.rnokpp,
      authorityId: world.ministry.id,
      edrpou: enterprise.edrpou,
    });
    expect(decision.events).toHaveLength(1);
    expect(decision.events[0]).toMatchObject({
      kind: "GRANTED",
      signedDocumentId: decision.signedDocumentId,
      actorUserId: world.official.actor.userId,
    });
    const signed = JSON.parse(Buffer.from(decision.signedDocument!.content).toString("utf8"));
    expect(signed).toMatchObject({
      document: "CRITICAL_DECISION",
      decision: { number: input.number, limit: { count: 4 } },
    });

    const audit = await db.auditLog.findFirstOrThrow({ where: { entityId: decisionId } });
    expect(audit).toMatchObject({
      action: "decision.granted",
      authorityId: world.ministry.id,
      actorRnokpp: world.official.actor.rnokpp,
      signedDocumentId: decision.signedDocumentId,
    });
    const notice = await db.notification.findFirstOrThrow({ where: { recipientRnokpp: enterprise.headRnokpp! } });
    expect(notice).toMatchObject({ audience: "company", kind: "decision.granted" });
    expect(notice.body).toContain(input.number as string);

    const list = await listDecisions(createCtx({ actor: world.official.actor }), { query: { q: enterprise.edrpou } });
    expect(list.rows.map((r) => [r.id, r.state])).toEqual([[decisionId, "ACTIVE"]]);
  });

  it("keeps the headcount for the defence category and computes 100 % of it", async () => {
    const enterprise = await createManufacturer();
    const { decisionId } = await grant(
      world.official,
      newDecisionInput(enterprise.edrpou, {
        limitCategory: "DEFENCE_100",
        militaryLiableCount: 30,
        headcount: 75,
        criteria: ["AVERAGE_SALARY", "NO_TAX_ARREARS", "DEFENCE_CONTRACT"],
      }),
    );
    expect(await db.criticalDecision.findUniqueOrThrow({ where: { id: decisionId } })).toMatchObject({
      limitPercent: 100,
      limitCount: 75,
      headcount: 75,
    });
  });

  it("grants the energy-equipment category (05.02.2026): 100 % on two criteria; one criterion or an earlier date is refused", async () => {
    const enterprise = await createManufacturer();
    const energy = {
      limitCategory: "ENERGY_EQUIPMENT_100",
      militaryLiableCount: 12,
      criteria: ["NO_TAX_ARREARS", "STRATEGIC"],
    };
    const { decisionId } = await grant(world.official, newDecisionInput(enterprise.edrpou, energy));
    expect(await db.criticalDecision.findUniqueOrThrow({ where: { id: decisionId } })).toMatchObject({
      limitCategory: "ENERGY_EQUIPMENT_100",
      limitPercent: 100,
      limitCount: 12,
    });

    const other = await createManufacturer();
    const few = await expectRefusedPrepare(
      newDecisionInput(other.edrpou, { ...energy, criteria: ["STRATEGIC"] }),
      "VALIDATION_FAILED",
      "criteria",
    );
    expect(few.fields!.criteria).toContain("щонайменше 2 критерії");
    const early = await expectRefusedPrepare(
      newDecisionInput(other.edrpou, {
        ...energy,
        decidedOn: "2026-02-04",
        validFrom: "2026-02-04",
        validUntil: "2026-09-01",
      }),
      "VALIDATION_FAILED",
      "limitCategory",
    );
    expect(early.fields!.limitCategory).toContain("не діє");
  });

  it("accepts a salary exemption the register confirms in place of the salary criterion", async () => {
    const enterprise = await createManufacturer(db, { ownership: "STATE", stateShare: 100 });
    const { decisionId } = await grant(
      world.official,
      newDecisionInput(enterprise.edrpou, {
        criteria: ["NO_TAX_ARREARS", "STRATEGIC"],
        salaryExemption: "STATE_OR_COMMUNAL",
      }),
    );
    expect((await db.criticalDecision.findUniqueOrThrow({ where: { id: decisionId } })).salaryExemption).toBe(
      "STATE_OR_COMMUNAL",
    );
  });

  it("refuses a missing mandatory criterion", async () => {
    const enterprise = await createManufacturer();
    const error = await expectRefusedPrepare(
      newDecisionInput(enterprise.edrpou, { criteria: ["AVERAGE_SALARY", "STRATEGIC"] }),
      "VALIDATION_FAILED",
      "criteria",
    );
    expect(error.fields!.criteria).toContain("Відсутність заборгованості");
  });

  it("refuses a decision without an additional criterion", async () => {
    const enterprise = await createManufacturer();
    const error = await expectRefusedPrepare(
      newDecisionInput(enterprise.edrpou, { criteria: ["AVERAGE_SALARY", "NO_TAX_ARREARS"] }),
      "VALIDATION_FAILED",
      "criteria",
    );
    expect(error.fields!.criteria).toContain("додатковий критерій");
  });

  it("refuses an exemption the register contradicts", async () => {
    const enterprise = await createManufacturer();
    const error = await expectRefusedPrepare(
      newDecisionInput(enterprise.edrpou, {
        criteria: ["NO_TAX_ARREARS", "STRATEGIC"],
        salaryExemption: "STATE_OR_COMMUNAL",
      }),
      "VALIDATION_FAILED",
      "salaryExemption",
    );
    expect(error.fields!.salaryExemption).toContain("реєстру");
  });

  it("refuses a ЄДРПОУ with a bad check digit, with the reason", async () => {
    const error = await expectRefusedPrepare(newDecisionInput("32855962"), "INVALID_EDRPOU", "edrpou");
    expect(error.fields!.edrpou).toBe("Код ЄДРПОУ недійсний: не збігається контрольна цифра");
  });

  it("refuses an enterprise the state register does not know", async () => {
    const error = await expectRefusedPrepare(newDecisionInput("32855961"), "VALIDATION_FAILED", "edrpou");
    expect(error.fields!.edrpou).toContain("не знайдено в Єдиному державному реєстрі");
  });

  it("refuses an enterprise outside a ministry's sectors", async () => {
    const shop = await createEnterprise(db, { kved: "56.10", head: true });
    const error = await expectRefusedPrepare(newDecisionInput(shop.edrpou), "VALIDATION_FAILED", "edrpou");
    expect(error.fields!.edrpou).toContain("не належить до сфери Мінтест");
  });

  it("lets a regional administration decide only on enterprises of its region", async () => {
    const kyiv = await createManufacturer(db, { region: "м. Київ" });
    const kharkiv = await createManufacturer(db, { region: "Харківська область" });
    const refused = await failure(
      prepareDecisionGrant(createCtx({ actor: world.ovaOfficial.actor }), newDecisionInput(kyiv.edrpou)),
    );
    expect(refused.fields!.edrpou).toContain("лише щодо підприємств регіону «Харківська область»");
    await expect(grant(world.ovaOfficial, newDecisionInput(kharkiv.edrpou))).resolves.toHaveProperty("decisionId");
  });

  it("refuses an enterprise that already has a decision in force, naming the authority", async () => {
    const enterprise = await createManufacturer();
    await createCriticalDecision(db, {
      edrpou: enterprise.edrpou,
      authorityId: world.other.id,
      number: "77/к",
      decidedOn: addDays(today, -10),
      validUntil: addMonths(today, 6),
    });
    const error = await expectRefusedPrepare(newDecisionInput(enterprise.edrpou), "VALIDATION_FAILED", "edrpou");
    expect(error.fields!.edrpou).toContain("Мінінше, № 77/к");
  });

  it("allows a new decision once the previous one was revoked or expired", async () => {
    const enterprise = await createManufacturer();
    await createCriticalDecision(db, {
      edrpou: enterprise.edrpou,
      authorityId: world.other.id,
      decidedOn: addDays(today, -400),
      validUntil: addDays(today, -40),
    });
    await createCriticalDecision(db, {
      edrpou: enterprise.edrpou,
      authorityId: world.other.id,
      decidedOn: addDays(today, -20),
      status: "REVOKED",
      revokedAt: new Date(),
    });
    await expect(grant(world.official, newDecisionInput(enterprise.edrpou))).resolves.toHaveProperty("decisionId");
  });

  it("refuses a term longer than 12 months", async () => {
    const enterprise = await createManufacturer();
    const error = await expectRefusedPrepare(
      newDecisionInput(enterprise.edrpou, { validUntil: addMonths(today, 12) }),
      "VALIDATION_FAILED",
      "validUntil",
    );
    expect(error.fields!.validUntil).toContain("не більше 12 місяців");
  });

  it("refuses a decision made before Resolution 692 that its cap has already ended", async () => {
    const enterprise = await createManufacturer();
    const error = await expectRefusedPrepare(
      newDecisionInput(enterprise.edrpou, {
        decidedOn: "2026-05-15",
        validFrom: "2026-05-15",
        validUntil: "2027-05-14",
      }),
      "VALIDATION_FAILED",
      "validUntil",
    );
    expect(error.fields!.validUntil).toContain("01.09.2026");
  });

  it("refuses a decision dated in the future and the defence category without a headcount", async () => {
    const enterprise = await createManufacturer();
    await expectRefusedPrepare(
      newDecisionInput(enterprise.edrpou, { decidedOn: addDays(today, 1), validFrom: addDays(today, 1) }),
      "VALIDATION_FAILED",
      "decidedOn",
    );
    await expectRefusedPrepare(
      newDecisionInput(enterprise.edrpou, { limitCategory: "DEFENCE_100", headcount: null }),
      "VALIDATION_FAILED",
      "headcount",
    );
  });

  it("refuses a decision number the authority already used", async () => {
    const first = await createManufacturer();
    const second = await createManufacturer();
    await grant(world.official, newDecisionInput(first.edrpou, { number: "15/2026" }));
    await expectRefusedPrepare(newDecisionInput(second.edrpou, { number: "15/2026" }), "VALIDATION_FAILED", "number");
  });

  it("refuses a signature by someone who is not an official of this authority", async () => {
    const enterprise = await createManufacturer();
    const input = newDecisionInput(enterprise.edrpou);
    const prepared = await prepareDecisionGrant(createCtx({ actor: world.official.actor }), input);
    const before = await portalCounts();
    const stranger = await failure(
      grantDecision(createCtx({ actor: world.official.actor }), {
        decision: input,
        nonce: prepared.nonce,
        signature: sign(world.otherOfficial.key, prepared.document),
      }),
    );
    expect(stranger.code).toBe("SIGNER_NOT_OFFICIAL");
    // The right person with a personal key (no ЄДРПОУ of the authority).
    const personal = await createOfficial(world.ministry, { fullName: "Особистий Ключ Іванович", keyEdrpou: null });
    const wrongKey = await failure(
      grantDecision(createCtx({ actor: world.official.actor }), {
        decision: input,
        nonce: prepared.nonce,
        signature: sign(personal.key, prepared.document),
      }),
    );
    expect(wrongKey.code).toBe("EDRPOU_MISMATCH");
    expect(await portalCounts()).toEqual(before);
  });

  it("refuses a signature of a withdrawn official", async () => {
    const enterprise = await createManufacturer();
    const leaving = await createOfficial(world.ministry, { fullName: "Звільнений Олег Петрович" });
    await db.membership.updateMany({ where: { userId: leaving.actor.userId! }, data: { revokedAt: new Date() } });
    const input = newDecisionInput(enterprise.edrpou);
    const prepared = await prepareDecisionGrant(createCtx({ actor: world.official.actor }), input);
    const error = await failure(
      grantDecision(createCtx({ actor: world.official.actor }), {
        decision: input,
        nonce: prepared.nonce,
        signature: sign(leaving.key, prepared.document),
      }),
    );
    expect(error.code).toBe("SIGNER_NOT_OFFICIAL");
  });

  it("refuses input changed after signing, and a nonce used twice", async () => {
    const enterprise = await createManufacturer();
    const input = newDecisionInput(enterprise.edrpou, { militaryLiableCount: 10 });
    const prepared = await prepareDecisionGrant(createCtx({ actor: world.official.actor }), input);
    const signature = sign(world.official.key, prepared.document);
    const tampered = await failure(
      grantDecision(createCtx({ actor: world.official.actor }), {
        decision: { ...input, militaryLiableCount: 40 },
        nonce: prepared.nonce,
        signature,
      }),
    );
    expect(tampered.code).toBe("CONTENT_MISMATCH");

    await grantDecision(createCtx({ actor: world.official.actor }), {
      decision: input,
      nonce: prepared.nonce,
      signature,
    });
    // The decision now exists; the same document signed again must not pass on a used nonce either.
    await db.criticalDecision.updateMany({
      where: { edrpou: enterprise.edrpou },
      data: { status: "REVOKED", number: "withdrawn-for-test" },
    });
    const resigned = sign(world.official.key, prepared.document, new Date(Date.now() - 5_000));
    const reused = await failure(
      grantDecision(createCtx({ actor: world.official.actor }), {
        decision: input,
        nonce: prepared.nonce,
        signature: resigned,
      }),
    );
    expect(reused.code).toBe("NONCE_USED");
    const replayed = await failure(
      grantDecision(createCtx({ actor: world.official.actor }), { decision: input, nonce: prepared.nonce, signature }),
    );
    expect(replayed.code).toBe("SIGNATURE_REPLAYED");
  });

  it("is refused to an administrator and to other roles", async () => {
    const enterprise = await createManufacturer();
    expect(
      (await failure(prepareDecisionGrant(createCtx({ actor: world.adminActor }), newDecisionInput(enterprise.edrpou))))
        .code,
    ).toBe("FORBIDDEN");
    const head = {
      userId: null,
      rnokpp: enterprise.headRnokpp!,
      fullName: "Директоренко",
      role: "ENTERPRISE_HEAD" as const,
      edrpou: enterprise.edrpou,
      via: "kep" as const,
    };
    expect(
      (
        await failure(
          grantDecision(createCtx({ actor: head }), {
            decision: newDecisionInput(enterprise.edrpou),
            nonce: "x".repeat(43),
            signature: "AAAAAAAAAAAAAAAAAAAA",
          }),
        )
      ).code,
    ).toBe("FORBIDDEN");
  });
});

describe("lookupEnterprise", () => {
  it("shows the register's data, the pre-filled counts and the implied exemption", async () => {
    const enterprise = await createManufacturer(db, { ownership: "COMMUNAL", diiaCity: true });
    const edrpou = enterprise.edrpou;
    await createPerson(db, { employments: [{ edrpou }] }); // counted
    await createPerson(db, { employments: [{ edrpou }] }); // counted
    await createPerson(db, { sex: "FEMALE", employments: [{ edrpou }] });
    await createPerson(db, { military: { liability: "CONSCRIPT" }, employments: [{ edrpou }] });
    await createPerson(db, { military: { liability: "RESERVIST" }, employments: [{ edrpou }] });
    await createPerson(db, { military: { status: "REMOVED" }, employments: [{ edrpou }] });
    // Mobilised: off the register while serving, contract suspended, counted since 05.03.2025.
    await createPerson(db, {
      military: { status: "REMOVED", mobilisedOn: addDays(today, -200) },
      employments: [{ edrpou, suspended: true }],
    });
    await createPerson(db, { birthDate: "1960-01-01", employments: [{ edrpou }] }); // over 60
    await createPerson(db, { employments: [{ edrpou, endDate: addDays(today, -3) }] }); // dismissed
    const elsewhere = await createManufacturer();
    const reserved = await createPerson(db, { employments: [{ edrpou }] });
    await createReservationMark(db, { rnokpp: reserved.rnokpp, edrpou: elsewhere.edrpou });
    const partTimer = await createPerson(db, {
      employments: [{ edrpou, mainJob: false }, { edrpou: elsewhere.edrpou }],
    });
    const partTimerHere = await createPerson(db, { employments: [{ edrpou, mainJob: false }] }); // counted: no main job elsewhere
    expect(partTimer.rnokpp).not.toBe(partTimerHere.rnokpp);

    const found = await lookupEnterprise(createCtx({ actor: world.official.actor }), { edrpou });
    if (!found.found) throw new Error("not found");
    // Employed today: the head (a liable man himself), 2 liable men, a woman, a conscript, a
    // reservist, one removed from the register, one mobilised, one over 60, one reserved
    // elsewhere, two part-timers = 12. In the base: the head, the 2 men, the mobilised one, the
    // part-timer with no main job elsewhere.
    expect(found.counts).toEqual({ militaryLiable: 5, headcount: 12 });
    expect(found.impliedExemption).toBe("STATE_OR_COMMUNAL");
    expect(found.outsideCompetence).toBeNull();
    expect(found.enterprise).toMatchObject({ edrpou, kvedSection: "C", ownership: "COMMUNAL", diiaCity: true });
  });

  it("answers not found for an unknown enterprise and names an active decision", async () => {
    expect(await lookupEnterprise(createCtx({ actor: world.official.actor }), { edrpou: "32855961" })).toEqual({
      found: false,
      edrpou: "32855961",
    });
    const enterprise = await createManufacturer();
    await createCriticalDecision(db, {
      edrpou: enterprise.edrpou,
      authorityId: world.ministry.id,
      number: "own-1",
      decidedOn: today,
    });
    const found = await lookupEnterprise(createCtx({ actor: world.official.actor }), { edrpou: enterprise.edrpou });
    expect(found.found && found.activeDecision).toMatchObject({ number: "own-1", ownAuthority: true });
  });
});
