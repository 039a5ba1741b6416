import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { decisionStateOn } from "@/lib/enterprises/decision-state";
import { getDashboard, TOP_ENTERPRISES } from "@/lib/enterprises/get-dashboard";
import { addDays, addMonths, rulesetFor, toIsoDate } from "@/lib/rules";
import { createCriticalDecision, createPerson, createReservationMark } from "@/prisma/seed/factories";
import { createManufacturer, createMinistryWorld, failure, today } from "./ministry-fixtures";
import { createCtx } from "@/lib/context-server";

// "The figures on the dashboard match the registry": a small world with known numbers, and the
// same figures counted independently from the registry's marks and the portal's rows in
// JavaScript, compared with what the SQL read-model returns.

let world: Awaited<ReturnType<typeof createMinistryWorld>>;
const E: Record<string, string> = {};

async function marks(
  edrpou: string,
  count: number,
  options: { status?: "ACTIVE" | "ANNULLED" | "EXPIRED" | "SUPERSEDED"; fromDate?: string } = {},
) {
  for (let i = 0; i < count; i++) {
    const person = await createPerson(db, { employments: [{ edrpou }] });
    await createReservationMark(db, {
      rnokpp: person.rnokpp,
      edrpou,
      status: options.status ?? "ACTIVE",
      fromDate: options.fromDate ?? addDays(today, -3 - i * 40),
    });
  }
}

async function refusedItems(decisionId: string, edrpou: string, reasons: string[][]) {
  const certificate = await db.certificate.findFirstOrThrow({ select: { serial: true } });
  const n = Math.random().toString(36).slice(2);
  const draft = await db.draft.create({
    data: {
      kind: "RESERVATION",
      edrpou,
      createdByRnokpp: "1759013776",
      document: new Uint8Array([1]),
      nonce: `n-${n}`,
      payload: {},
      precheck: {},
      expiresAt: new Date(),
    },
  });
  const signed = await db.signedDocument.create({
    data: {
      kind: "RESERVATION_APPLICATION",
      content: new Uint8Array([1]),
      contentSha256: n,
      signature: new Uint8Array([2]),
      signatureSha256: `s-${n}`,
      signerRnokpp: "1759013776",
      signerName: "Тест",
      certificateSerial: certificate.serial,
      signingTime: new Date(),
    },
  });
  await db.application.create({
    data: {
      kind: "RESERVATION",
      edrpou,
      draftId: draft.id,
      signedDocumentId: signed.id,
      decisionId,
      status: "DECIDED",
      signerRnokpp: "1759013776",
      signerName: "Тест",
      preparedByRnokpp: "1759013776",
      items: {
        create: reasons.map((r, i) => ({
          position: i,
          rnokpp: String(1759013700 + i)
            .padEnd(10, "0")
            .slice(0, 10),
          fullName: "Працівник",
          decision: r.length ? "REFUSED" : "RESERVED",
          reasons: r,
        })),
      },
    },
  });
}

beforeAll(async () => {
  world = await createMinistryWorld();
  const own = world.ministry.id;
  for (const [key, region] of [
    ["kyiv", "м. Київ"],
    ["kharkiv", "Харківська область"],
    ["expired", "м. Київ"],
    ["pending", "Львівська область"],
    ["soon", "Харківська область"],
    ["capped", "м. Київ"],
    ["foreign", "м. Київ"],
  ] as const) {
    E[key] = (await createManufacturer(undefined, { region })).edrpou;
  }
  const kyiv = await createCriticalDecision(db, {
    edrpou: E.kyiv!,
    authorityId: own,
    decidedOn: addDays(today, -60),
    validUntil: addMonths(today, 6),
    militaryLiableCount: 10,
  }); // limit 5
  await createCriticalDecision(db, {
    edrpou: E.kharkiv!,
    authorityId: own,
    decidedOn: addDays(today, -60),
    validUntil: addMonths(today, 6),
    militaryLiableCount: 4,
  }); // limit 2
  await createCriticalDecision(db, {
    edrpou: E.expired!,
    authorityId: own,
    decidedOn: addDays(today, -400),
    validUntil: addDays(today, -10),
  });
  await createCriticalDecision(db, {
    edrpou: E.pending!,
    authorityId: own,
    decidedOn: today,
    validFrom: addDays(today, 5),
    validUntil: addMonths(today, 6),
  });
  // Decided after 30.05.2026, so Resolution 692 does not cap it.
  await createCriticalDecision(db, {
    edrpou: E.soon!,
    authorityId: own,
    decidedOn: addDays(today, -100),
    validUntil: addDays(today, 12),
    militaryLiableCount: 2,
  }); // limit 1
  // Made before Resolution 692 and valid "until 2027" on paper: the cap ended it on 01.09.2026.
  await createCriticalDecision(db, {
    edrpou: E.capped!,
    authorityId: own,
    decidedOn: "2026-04-01",
    validUntil: "2027-03-31",
  });
  const foreign = await createCriticalDecision(db, {
    edrpou: E.foreign!,
    authorityId: world.other.id,
    decidedOn: addDays(today, -60),
    validUntil: addMonths(today, 6),
  });

  await marks(E.kyiv!, 3);
  await marks(E.kyiv!, 1, { status: "ANNULLED" });
  await marks(E.kyiv!, 1, { status: "SUPERSEDED" });
  await marks(E.kharkiv!, 2);
  await marks(E.expired!, 1, { fromDate: addDays(today, -200) });
  await marks(E.soon!, 2); // over its limit of 1
  await marks(E.capped!, 2, { fromDate: "2025-06-01" });
  await marks(E.foreign!, 4);

  await refusedItems(kyiv.id, E.kyiv!, [
    ["QUOTA_EXCEEDED"],
    ["NOT_EMPLOYED", "SALARY_BELOW_THRESHOLD"],
    ["QUOTA_EXCEEDED"],
    [],
  ]);
  await refusedItems(foreign.id, E.foreign!, [["WANTED"]]);
});

describe("getDashboard", () => {
  it("gives the known figures of the fixture", async () => {
    const d = await getDashboard(createCtx({ actor: world.official.actor }));
    expect(d.totals).toEqual({ enterprises: 3, reservations: 7, limit: 8, expiringSoon: 1, pending: 1 });
    expect(d.byEnterprise.map((e) => [e.edrpou, e.reserved, e.limit])).toEqual(
      [
        [E.kyiv, 3, 5],
        [E.kharkiv, 2, 2],
        [E.soon, 2, 1],
      ].sort((a, b) => Number(b[1]) - Number(a[1])),
    );
    expect(d.byRegion).toEqual([
      { region: "Харківська область", reserved: 4, enterprises: 2 },
      { region: "м. Київ", reserved: 3, enterprises: 1 },
    ]);
    expect(Object.fromEntries(d.limitUsage.map((u) => [u.bucket, u.enterprises]))).toEqual({
      NONE: 0,
      UNDER_50: 0,
      UNDER_80: 1,
      UNDER_100: 0,
      FULL: 1,
      OVER: 1,
    });
    expect(d.refusalReasons).toEqual([
      { reason: "QUOTA_EXCEEDED", count: 2 },
      { reason: "NOT_EMPLOYED", count: 1 },
      { reason: "SALARY_BELOW_THRESHOLD", count: 1 },
    ]);
    expect(d.expiring.map((e) => [e.edrpou, e.effectiveUntil, e.reserved])).toEqual([[E.soon, addDays(today, 12), 2]]);
    expect(d.byMonth).toHaveLength(12);
    expect(d.byMonth.reduce((sum, m) => sum + m.reserved, 0)).toBe(3 + 1 + 2 + 1 + 2); // active, annulled, kharkiv, expired, soon — not the superseded one
  });

  it("matches the registry counted independently", async () => {
    const d = await getDashboard(createCtx({ actor: world.official.actor }));
    const ruleset = rulesetFor(today);
    const decisions = await db.criticalDecision.findMany({
      where: { authorityId: world.ministry.id },
      include: { enterprise: { select: { region: true } } },
    });
    const inForce = decisions.filter(
      (x) =>
        decisionStateOn(
          {
            status: x.status,
            decidedOn: toIsoDate(x.decidedOn),
            validFrom: toIsoDate(x.validFrom),
            validUntil: toIsoDate(x.validUntil),
          },
          today,
          ruleset,
        ).state === "ACTIVE",
    );
    const registryMarks = await db.reservationMark.findMany({ select: { edrpou: true, status: true, fromDate: true } });
    const activeAt = (edrpou: string) =>
      registryMarks.filter((m) => m.edrpou === edrpou && m.status === "ACTIVE").length;

    expect(d.totals.enterprises).toBe(inForce.length);
    expect(d.totals.reservations).toBe(inForce.reduce((sum, x) => sum + activeAt(x.edrpou), 0));
    expect(d.totals.limit).toBe(inForce.reduce((sum, x) => sum + x.limitCount, 0));
    const top = inForce
      .map((x) => ({ edrpou: x.edrpou, reserved: activeAt(x.edrpou) }))
      .sort((a, b) => b.reserved - a.reserved)
      .slice(0, TOP_ENTERPRISES);
    expect(d.byEnterprise.map((e) => e.reserved)).toEqual(top.map((t) => t.reserved));
    const regions = new Map<string, number>();
    for (const x of inForce)
      regions.set(x.enterprise.region, (regions.get(x.enterprise.region) ?? 0) + activeAt(x.edrpou));
    expect(Object.fromEntries(d.byRegion.map((r) => [r.region, r.reserved]))).toEqual(Object.fromEntries(regions));
    const scope = new Set(decisions.map((x) => x.edrpou));
    const monthly = new Map<string, number>();
    for (const m of registryMarks) {
      if (!scope.has(m.edrpou) || m.status === "SUPERSEDED") continue;
      const month = toIsoDate(m.fromDate).slice(0, 7);
      monthly.set(month, (monthly.get(month) ?? 0) + 1);
    }
    for (const m of d.byMonth) expect(m.reserved, m.month).toBe(monthly.get(m.month) ?? 0);
    const items = await db.applicationItem.findMany({
      where: { decision: "REFUSED", application: { decision: { authorityId: world.ministry.id } } },
      select: { reasons: true },
    });
    expect(d.refusalReasons.reduce((sum, r) => sum + r.count, 0)).toBe(items.flatMap((i) => i.reasons).length);
  });

  it("shows another authority only its own figures, and refuses an administrator", async () => {
    const d = await getDashboard(createCtx({ actor: world.otherOfficial.actor }));
    expect(d.totals).toMatchObject({ enterprises: 1, reservations: 4 });
    expect(d.refusalReasons).toEqual([{ reason: "WANTED", count: 1 }]);
    expect((await failure(getDashboard(createCtx({ actor: world.adminActor })))).code).toBe("FORBIDDEN");
  });
});
