import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { getDocumentFile } from "@/lib/documents/get-document-file";
import { changeDecision } from "@/lib/enterprises/change-decision";
import { getDecision } from "@/lib/enterprises/get-decision";
import { prepareDecisionChange } from "@/lib/enterprises/prepare-decision-change";
import { revokeDecision } from "@/lib/enterprises/revoke-decision";
import { addDays, addMonths } from "@/lib/rules";
import { createCriticalDecision, createPerson, createReservationMark } from "@/prisma/seed/factories";
import {
  createManufacturer,
  createMinistryWorld,
  failure,
  portalCounts,
  sign,
  today,
  type OfficialFixture,
} from "./ministry-fixtures";
import { createCtx } from "@/lib/context-server";

// Signed acts on a decision: confirm, extend, change the limit, revoke — each with its event,
// audit row and notices, each refused to another authority's official.

let world: Awaited<ReturnType<typeof createMinistryWorld>>;

beforeAll(async () => {
  world = await createMinistryWorld();
});

async function decisionOf(options: Partial<Parameters<typeof createCriticalDecision>[1]> = {}) {
  const enterprise = await createManufacturer();
  const decision = await createCriticalDecision(db, {
    edrpou: enterprise.edrpou,
    authorityId: world.ministry.id,
    decidedOn: addDays(today, -30),
    validUntil: addMonths(today, 6),
    militaryLiableCount: 10,
    ...options,
  });
  return { enterprise, decision };
}

async function act(decisionId: string, change: Record<string, unknown>, official: OfficialFixture = world.official) {
  const prepared = await prepareDecisionChange(createCtx({ actor: official.actor }), { decisionId, change });
  const input = { decisionId, change, nonce: prepared.nonce, signature: sign(official.key, prepared.document) };
  const result =
    change.action === "REVOKE"
      ? { overLimit: 0, ...(await revokeDecision(createCtx({ actor: official.actor }), input)) }
      : { annulled: 0, ...(await changeDecision(createCtx({ actor: official.actor }), input)) };
  return { prepared, input, result };
}

describe("confirm", () => {
  it("records the criteria re-checked, the CONFIRMED event with before/after, the audit row and a notice", async () => {
    const { decision, enterprise } = await decisionOf();
    const change = {
      action: "CONFIRM",
      criteria: ["NO_TAX_ARREARS", "AVERAGE_SALARY", "TAXES_OVER_1_5M_EUR"],
      salaryExemption: null,
      reason: "Планова перевірка 2026 року",
    };
    const { result } = await act(decision.id, change);
    const saved = await db.criticalDecision.findUniqueOrThrow({ where: { id: decision.id } });
    expect(saved.criteria).toEqual(["AVERAGE_SALARY", "NO_TAX_ARREARS", "TAXES_OVER_1_5M_EUR"]);
    const event = await db.decisionEvent.findUniqueOrThrow({
      where: { id: result.eventId },
      include: { signedDocument: true },
    });
    expect(event).toMatchObject({
      kind: "CONFIRMED",
      reason: "Планова перевірка 2026 року",
      changes: { before: { criteria: decision.criteria }, after: { criteria: saved.criteria } },
    });
    expect(event.signedDocument).toMatchObject({ kind: "DECISION_CHANGE", authorityId: world.ministry.id });
    expect(
      await db.auditLog.count({
        where: { entityId: decision.id, action: "decision.confirmed", signedDocumentId: event.signedDocumentId },
      }),
    ).toBe(1);
    expect(
      await db.notification.count({ where: { recipientRnokpp: enterprise.headRnokpp!, kind: "decision.confirm" } }),
    ).toBe(1);
  });

  it("refuses a missing mandatory criterion and a replayed signature", async () => {
    const { decision } = await decisionOf();
    const bad = await failure(
      prepareDecisionChange(createCtx({ actor: world.official.actor }), {
        decisionId: decision.id,
        change: {
          action: "CONFIRM",
          criteria: ["AVERAGE_SALARY", "STRATEGIC"],
          salaryExemption: null,
          reason: "Перевірка",
        },
      }),
    );
    expect(bad.fields?.criteria).toContain("Відсутність заборгованості");

    // Confirmed as they stand, so the rebuilt document is byte for byte the one signed.
    const { input } = await act(decision.id, {
      action: "CONFIRM",
      criteria: decision.criteria,
      salaryExemption: null,
      reason: "Перевірка",
    });
    const before = await portalCounts();
    const replay = await failure(changeDecision(createCtx({ actor: world.official.actor }), input));
    expect(replay.code).toBe("SIGNATURE_REPLAYED");
    expect(await portalCounts()).toEqual(before);
  });
});

describe("extend", () => {
  it("moves the end within 12 months from today", async () => {
    const { decision } = await decisionOf();
    const until = addDays(addMonths(today, 12), -1);
    const { result } = await act(decision.id, {
      action: "EXTEND",
      validUntil: until,
      reason: "Підтверджено відповідність критеріям",
    });
    expect(
      (await db.criticalDecision.findUniqueOrThrow({ where: { id: decision.id } })).validUntil
        .toISOString()
        .slice(0, 10),
    ).toBe(until);
    expect(await db.decisionEvent.findUniqueOrThrow({ where: { id: result.eventId } })).toMatchObject({
      kind: "EXTENDED",
      changes: { after: { validUntil: until } },
    });
  });

  it("refuses an end beyond 12 months, an earlier end, and an expired decision", async () => {
    const { decision } = await decisionOf();
    const prepare = (change: Record<string, unknown>, id = decision.id) =>
      failure(prepareDecisionChange(createCtx({ actor: world.official.actor }), { decisionId: id, change }));
    expect(
      (await prepare({ action: "EXTEND", validUntil: addMonths(today, 12), reason: "Продовження" })).fields?.validUntil,
    ).toContain("не далі ніж до");
    expect(
      (await prepare({ action: "EXTEND", validUntil: addMonths(today, 1), reason: "Продовження" })).fields?.validUntil,
    ).toContain("пізнішою за чинну");
    const expired = await decisionOf({ decidedOn: addDays(today, -400), validUntil: addDays(today, -10) });
    expect(
      (await prepare({ action: "EXTEND", validUntil: addMonths(today, 3), reason: "Продовження" }, expired.decision.id))
        .code,
    ).toBe("CONFLICT");
  });

  it("refuses to extend a decision made before Resolution 692 beyond its cap", async () => {
    const july = new Date("2026-07-01T09:00:00Z");
    const enterprise = await createManufacturer();
    const old = await createCriticalDecision(db, {
      edrpou: enterprise.edrpou,
      authorityId: world.ministry.id,
      decidedOn: "2026-03-01",
      validUntil: "2026-08-15",
    });
    const error = await failure(
      prepareDecisionChange(createCtx({ actor: world.official.actor, now: july }), {
        decisionId: old.id,
        change: { action: "EXTEND", validUntil: "2027-02-28", reason: "Продовження" },
      }),
    );
    expect(error.fields?.validUntil).toContain("01.09.2026");
  });
});

describe("change the limit", () => {
  it("lowers the limit below the reservations in force: nothing annulled now, the excess reported and the head warned", async () => {
    const { decision, enterprise } = await decisionOf({ militaryLiableCount: 10 });
    for (let i = 0; i < 4; i++) {
      const person = await createPerson(db, { employments: [{ edrpou: enterprise.edrpou }] });
      await createReservationMark(db, {
        rnokpp: person.rnokpp,
        edrpou: enterprise.edrpou,
        fromDate: addDays(today, -5),
      });
    }
    const change = {
      action: "CHANGE_LIMIT",
      limitCategory: "DEFAULT_50",
      militaryLiableCount: 4,
      headcount: null,
      reason: "Уточнено кількість військовозобов'язаних",
    };
    const { prepared, result } = await act(decision.id, change);
    expect(prepared).toMatchObject({
      activeReservations: 4,
      overLimit: 2,
      before: { limitCount: 5 },
      after: { limitCount: 2 },
    });
    expect(result).toMatchObject({ overLimit: 2 });
    expect(await db.criticalDecision.findUniqueOrThrow({ where: { id: decision.id } })).toMatchObject({
      limitCount: 2,
      militaryLiableCount: 4,
    });
    expect(await db.reservationMark.count({ where: { edrpou: enterprise.edrpou, status: "ACTIVE" } })).toBe(4);
    const notice = await db.notification.findFirstOrThrow({
      where: { recipientRnokpp: enterprise.headRnokpp!, kind: "decision.change_limit" },
    });
    expect(notice.body).toContain("понад ліміт: 2");
  });

  it("refuses the defence category without a headcount and a change that changes nothing", async () => {
    const { decision } = await decisionOf({ militaryLiableCount: 10 });
    const prepare = (change: Record<string, unknown>) =>
      failure(prepareDecisionChange(createCtx({ actor: world.official.actor }), { decisionId: decision.id, change }));
    expect(
      (
        await prepare({
          action: "CHANGE_LIMIT",
          limitCategory: "DEFENCE_100",
          militaryLiableCount: 10,
          headcount: null,
          reason: "Оборонний контракт",
        })
      ).fields?.headcount,
    ).toBeTruthy();
    expect(
      (
        await prepare({
          action: "CHANGE_LIMIT",
          limitCategory: "DEFAULT_50",
          militaryLiableCount: 10,
          headcount: null,
          reason: "Без змін",
        })
      ).fields?.limitCategory,
    ).toContain("не змінюються");
  });
});

describe("revoke", () => {
  it("annuls every active reservation of the enterprise, notifies each employee and the head, in one transaction", async () => {
    const { decision, enterprise } = await decisionOf();
    const employees = [];
    for (let i = 0; i < 3; i++) {
      const person = await createPerson(db, { employments: [{ edrpou: enterprise.edrpou }] });
      await createReservationMark(db, {
        rnokpp: person.rnokpp,
        edrpou: enterprise.edrpou,
        fromDate: addDays(today, -20),
      });
      employees.push(person.rnokpp);
    }
    const ended = await createPerson(db, { employments: [{ edrpou: enterprise.edrpou }] });
    await createReservationMark(db, {
      rnokpp: ended.rnokpp,
      edrpou: enterprise.edrpou,
      status: "EXPIRED",
      fromDate: "2025-01-01",
      untilDate: "2025-12-31",
    });

    const { prepared, result } = await act(decision.id, {
      action: "REVOKE",
      reason: "Порушення критеріїв за результатами перевірки",
    });
    expect(prepared.activeReservations).toBe(3);
    expect(result.annulled).toBe(3);

    const saved = await db.criticalDecision.findUniqueOrThrow({ where: { id: decision.id } });
    expect(saved).toMatchObject({
      status: "REVOKED",
      revocationReason: "Порушення критеріїв за результатами перевірки",
    });
    expect(saved.revokedAt).toBeInstanceOf(Date);
    const marks = await db.reservationMark.findMany({
      where: { edrpou: enterprise.edrpou },
      select: { rnokpp: true, status: true, annulledOn: true },
    });
    expect(marks.filter((m) => m.status === "ACTIVE")).toEqual([]);
    expect(
      marks
        .filter((m) => m.status === "ANNULLED")
        .map((m) => m.rnokpp)
        .sort(),
    ).toEqual([...employees].sort());
    for (const rnokpp of employees) {
      expect(await db.notification.count({ where: { recipientRnokpp: rnokpp, audience: "me" } }), rnokpp).toBe(1);
    }
    expect(await db.notification.count({ where: { recipientRnokpp: ended.rnokpp } })).toBe(0);
    const headNotice = await db.notification.findFirstOrThrow({
      where: { recipientRnokpp: enterprise.headRnokpp!, kind: "decision.revoked" },
    });
    expect(headNotice.body).toContain("Анульовано 3 бронювання");
    expect(await db.auditLog.count({ where: { edrpou: enterprise.edrpou, action: "reservation.annul" } })).toBe(3);
    expect(await db.decisionEvent.count({ where: { decisionId: decision.id, kind: "REVOKED" } })).toBe(1);

    const again = await failure(
      prepareDecisionChange(createCtx({ actor: world.official.actor }), {
        decisionId: decision.id,
        change: { action: "REVOKE", reason: "Повторно" },
      }),
    );
    expect(again.code).toBe("CONFLICT");
  });

  it("rolls everything back when the signature is refused", async () => {
    const { decision, enterprise } = await decisionOf();
    const person = await createPerson(db, { employments: [{ edrpou: enterprise.edrpou }] });
    await createReservationMark(db, { rnokpp: person.rnokpp, edrpou: enterprise.edrpou });
    const change = { action: "REVOKE", reason: "Перевірка виявила порушення" };
    const prepared = await prepareDecisionChange(createCtx({ actor: world.official.actor }), {
      decisionId: decision.id,
      change,
    });
    const before = await portalCounts();
    const error = await failure(
      revokeDecision(createCtx({ actor: world.official.actor }), {
        decisionId: decision.id,
        change,
        nonce: prepared.nonce,
        signature: sign(world.otherOfficial.key, prepared.document),
      }),
    );
    expect(error.code).toBe("SIGNER_NOT_OFFICIAL");
    expect(await portalCounts()).toEqual(before);
    expect((await db.criticalDecision.findUniqueOrThrow({ where: { id: decision.id } })).status).toBe("ACTIVE");
    expect(await db.reservationMark.count({ where: { edrpou: enterprise.edrpou, status: "ACTIVE" } })).toBe(1);
  });

  it("may revoke a decision whose term has run out (its reservations still in the grace period)", async () => {
    const { decision, enterprise } = await decisionOf({
      decidedOn: addDays(today, -380),
      validUntil: addDays(today, -2),
    });
    const person = await createPerson(db, { employments: [{ edrpou: enterprise.edrpou }] });
    await createReservationMark(db, {
      rnokpp: person.rnokpp,
      edrpou: enterprise.edrpou,
      fromDate: addDays(today, -100),
    });
    const { result } = await act(decision.id, { action: "REVOKE", reason: "Підприємство не подало документи" });
    expect(result.annulled).toBe(1);
  });
});

describe("another authority's decision", () => {
  it("is not found for its officials in every function, and forbidden to an administrator", async () => {
    const { decision } = await decisionOf();
    const { result } = await act(decision.id, {
      action: "CONFIRM",
      criteria: ["AVERAGE_SALARY", "NO_TAX_ARREARS", "STRATEGIC"],
      salaryExemption: null,
      reason: "Перевірка",
    });
    const documentId = (await db.decisionEvent.findUniqueOrThrow({ where: { id: result.eventId } })).signedDocumentId!;
    const outsider = world.otherOfficial.actor;
    const change = { action: "REVOKE", reason: "Чуже рішення" };

    expect((await failure(getDecision(createCtx({ actor: outsider }), { decisionId: decision.id }))).code).toBe(
      "NOT_FOUND",
    );
    expect(
      (await failure(prepareDecisionChange(createCtx({ actor: outsider }), { decisionId: decision.id, change }))).code,
    ).toBe("NOT_FOUND");
    expect(
      (await failure(getDocumentFile(createCtx({ actor: outsider }), { documentId, part: "signature" }))).code,
    ).toBe("NOT_FOUND");
    // Even with a valid signature of the decision's own official, a stranger's session cannot apply it.
    const prepared = await prepareDecisionChange(createCtx({ actor: world.official.actor }), {
      decisionId: decision.id,
      change,
    });
    const signed = {
      decisionId: decision.id,
      change,
      nonce: prepared.nonce,
      signature: sign(world.official.key, prepared.document),
    };
    expect((await failure(revokeDecision(createCtx({ actor: outsider }), signed))).code).toBe("NOT_FOUND");
    expect(
      (
        await failure(
          changeDecision(createCtx({ actor: outsider }), {
            ...signed,
            change: { action: "EXTEND", validUntil: addMonths(today, 8), reason: "Чуже рішення" },
          }),
        )
      ).code,
    ).toBe("NOT_FOUND");
    expect((await db.criticalDecision.findUniqueOrThrow({ where: { id: decision.id } })).status).toBe("ACTIVE");

    expect((await failure(getDecision(createCtx({ actor: world.adminActor }), { decisionId: decision.id }))).code).toBe(
      "FORBIDDEN",
    );
    expect((await failure(revokeDecision(createCtx({ actor: world.adminActor }), signed))).code).toBe("FORBIDDEN");
  });

  it("serves its own official the detail, the events and the documents", async () => {
    const { decision } = await decisionOf();
    await act(decision.id, {
      action: "CONFIRM",
      criteria: ["AVERAGE_SALARY", "NO_TAX_ARREARS", "STRATEGIC"],
      salaryExemption: null,
      reason: "Перевірка",
    });
    const detail = await getDecision(createCtx({ actor: world.official.actor }), { decisionId: decision.id });
    expect(detail.decision.state).toBe("ACTIVE");
    expect(detail.events.map((e) => e.kind)).toEqual(["CONFIRMED"]);
    const documentId = detail.events[0]!.document!.id;
    const p7s = await getDocumentFile(createCtx({ actor: world.official.actor }), { documentId, part: "signature" });
    expect(p7s.contentType).toBe("application/pkcs7-signature");
    const content = await getDocumentFile(createCtx({ actor: world.official.actor }), { documentId, part: "content" });
    expect(JSON.parse(new TextDecoder().decode(content.body))).toMatchObject({
      document: "DECISION_CHANGE",
      action: "CONFIRM",
    });
    const report = await getDocumentFile(createCtx({ actor: world.official.actor }), { documentId, part: "report" });
    expect(new TextDecoder().decode(report.body)).toContain("Цілісність: вміст документа збігається з підписаним");
    expect(
      (await failure(getDecision(createCtx({ actor: world.official.actor }), { decisionId: "not-a-uuid" }))).code,
    ).toBe("NOT_FOUND");
  });
});
