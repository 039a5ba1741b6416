import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { stopSenderBoss } from "@/lib/jobs/boss";
import { issueNonce } from "@/lib/kep/nonce/issue-nonce";
import { purgeExpiredNonces } from "@/lib/kep/nonce/purge-expired-nonces";
import { createReservationDraft, submitApplication } from "@/lib/reservations";
import { purgeUnsignedDrafts } from "@/lib/reservations/purge-unsigned-drafts";
import { createWorld, sign, type World } from "@/lib/reservations/testing/world";
import { createCtx } from "@/lib/context-server";

// The daily clean-up: expired one-time values and never-signed drafts go; anything a signed
// application rests on stays.

const DAY = 86_400_000;
let world: World;

beforeAll(async () => {
  world = await createWorld(createCtx({ actor: null }), { serial: 71, employees: 3, limitCount: 3 });
});

afterAll(async () => {
  await stopSenderBoss();
});

describe("purge-expired", () => {
  it("deletes nonces expired more than a day ago, keeps the rest", async () => {
    const now = new Date();
    const long = await issueNonce(createCtx({ actor: null, now: new Date(now.getTime() - 3 * DAY) }), {
      purpose: "login",
      ttlSeconds: 60,
    });
    const recent = await issueNonce(createCtx({ actor: null, now: new Date(now.getTime() - 2 * 3_600_000) }), {
      purpose: "login",
      ttlSeconds: 60,
    });
    const live = await issueNonce(createCtx({ actor: null, now }), { purpose: "login", ttlSeconds: 300 });

    expect(await purgeExpiredNonces(createCtx({ actor: null, now }))).toBeGreaterThanOrEqual(1);
    const left = new Set((await db.nonce.findMany({ select: { value: true } })).map((n) => n.value));
    expect(left.has(long.value)).toBe(false);
    expect(left.has(recent.value)).toBe(true);
    expect(left.has(live.value)).toBe(true);
  });

  it("deletes unsigned drafts a week after they expired, never a submitted one or a fresh one", async () => {
    const longAgo = new Date(Date.now() - 10 * DAY);
    const employees = world.employees.map((rnokpp) => ({ rnokpp }));
    const stale = await createReservationDraft(createCtx({ actor: world.head.actor, now: longAgo }), {
      edrpou: world.edrpou,
      employees,
    });
    const submittedDraft = await createReservationDraft(createCtx({ actor: world.head.actor }), {
      edrpou: world.edrpou,
      employees: employees.slice(0, 1),
    });
    await submitApplication(createCtx({ actor: world.head.actor }), {
      draftId: submittedDraft.draftId,
      signature: sign(world.head.key!, submittedDraft.document),
    });
    // The submitted one is made to look as old as the stale one: its application must still keep it.
    await db.draft.update({
      where: { id: submittedDraft.draftId },
      data: { expiresAt: new Date(longAgo.getTime() + DAY) },
    });
    const fresh = await createReservationDraft(createCtx({ actor: world.head.actor }), {
      edrpou: world.edrpou,
      employees: employees.slice(1),
    });

    expect(await purgeUnsignedDrafts(createCtx({ actor: null }))).toBe(1);
    const left = new Set((await db.draft.findMany({ select: { id: true } })).map((d) => d.id));
    expect(left.has(stale.draftId)).toBe(false);
    expect(left.has(submittedDraft.draftId)).toBe(true);
    expect(left.has(fresh.draftId)).toBe(true);
    expect(await db.application.count({ where: { draftId: submittedDraft.draftId } })).toBe(1);
  });
});
