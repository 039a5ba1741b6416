import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ConscriptActor } from "@/lib/auth/roles";
import { getMyRecord } from "@/lib/citizen/get-my-record";
import { getMyStatus } from "@/lib/citizen/get-my-status";
import { listReservationHistory } from "@/lib/citizen/list-reservation-history";
import { db } from "@/lib/db/client";
import { issueEvod } from "@/lib/evod/issue-evod";
import { verifyEvod } from "@/lib/evod/verify-evod";
import { stopSenderBoss } from "@/lib/jobs/boss";
import { listNotifications } from "@/lib/notifications";
import {
  createAnnulmentDraft,
  createReservationDraft,
  decideSubmittedApplication,
  submitAnnulment,
  submitApplication,
} from "@/lib/reservations";
import { createWorld, sign, type World } from "@/lib/reservations/testing/world";
import { createCtx } from "@/lib/context-server";
import { expectEvery } from "@/tests/support/expect-every";

// The conscript's side of the lifecycle, end to end through the real domain: the head signs a
// reservation application, the decision is made, the employee sees it (with the decision it was
// made under) and gets an еВОД; the head signs an annulment, and the еВОД's check says so.

let world: World;
const conscript = (rnokpp: string): ConscriptActor => ({
  userId: null,
  rnokpp,
  fullName: "Працівник",
  role: "CONSCRIPT",
  via: "password",
});

async function decide(applicationId: string) {
  const outcome = await decideSubmittedApplication(createCtx({ actor: null }), { applicationId });
  expect(outcome).toMatchObject({ outcome: "decided" });
}

beforeAll(async () => {
  world = await createWorld(createCtx({ actor: null }), { serial: 71, employees: 3, limitCount: 3 });
  // One employee is wanted: the head's application is refused for him, with the reason.
  await db.militaryRegistration.update({
    where: { rnokpp: world.employees[2]! },
    data: { status: "WANTED", wanted: true },
  });
  const draft = await createReservationDraft(createCtx({ actor: world.head.actor }), {
    edrpou: world.edrpou,
    employees: world.employees.map((rnokpp) => ({ rnokpp })),
  });
  const { applicationId } = await submitApplication(createCtx({ actor: world.head.actor }), {
    draftId: draft.draftId,
    signature: sign(world.head.key!, draft.document),
  });
  await decide(applicationId);
});

afterAll(async () => {
  await stopSenderBoss();
});

describe("a reservation the portal made, seen by the employee", () => {
  it("the record and the status show it; the history names the decision and who signed", async () => {
    const employee = world.employees[0]!;
    const record = await getMyRecord(createCtx({ actor: conscript(employee), now: new Date() }));
    expect(record.reservation).toMatchObject({
      edrpou: world.edrpou,
      enterpriseName: world.name,
      fromDate: world.today,
      source: "portal",
      sourceLabel: "Портал «Броня»",
    });
    expect(record.reservation!.reservationId).toMatch(/^[0-9a-f-]{36}$/);
    expect(
      (await getMyStatus(createCtx({ actor: null, now: new Date() }), { rnokpp: employee })).reservation,
    ).toMatchObject({ edrpou: world.edrpou, from: world.today, source: "portal" });

    const history = await listReservationHistory(createCtx({ actor: conscript(employee) }));
    expect(history.reservations).toHaveLength(1);
    expect(history.reservations[0]!.portal).toMatchObject({
      decisionNumber: "КР-71",
      authorityName: "Мінекономіки",
      signerName: world.head.fullName,
      exception45: false,
      annulledOn: null,
    });
    const { items } = await listNotifications({ db }, { rnokpp: employee, audience: "me" });
    expect(items.map((n) => n.title)).toContain("Вас заброньовано");
  });

  it("the refused employee sees the refusal and its reason, and no reservation", async () => {
    const refused = world.employees[2]!;
    const history = await listReservationHistory(createCtx({ actor: conscript(refused) }));
    expect(history.reservations).toEqual([]);
    expect(history.refusals).toHaveLength(1);
    expect(history.refusals[0]).toMatchObject({
      edrpou: world.edrpou,
      reasons: ["Особа перебуває в розшуку ТЦК та СП"],
    });
    expect((await getMyRecord(createCtx({ actor: conscript(refused), now: new Date() }))).reservation).toBeNull();
  });

  it("the еВОД shows it until the head's signed annulment; then the check says it was annulled", async () => {
    const employee = world.employees[1]!;
    const { code, validUntil, snapshot } = await issueEvod(createCtx({ actor: conscript(employee), now: new Date() }));
    expect(snapshot.reservation).toMatchObject({ edrpou: world.edrpou, enterpriseName: world.name });
    expect(await verifyEvod(createCtx({ actor: null, now: new Date() }), { code })).toMatchObject({
      status: "VALID",
      reservationUntil: snapshot.reservation!.untilDate,
      validUntil,
    });

    const draft = await createAnnulmentDraft(createCtx({ actor: world.head.actor }), {
      edrpou: world.edrpou,
      employees: [employee].map((rnokpp) => ({ rnokpp })),
      ground: "DISMISSAL",
    });
    const { applicationId } = await submitAnnulment(createCtx({ actor: world.head.actor }), {
      draftId: draft.draftId,
      signature: sign(world.head.key!, draft.document),
    });
    await decide(applicationId);

    expect(await verifyEvod(createCtx({ actor: null, now: new Date() }), { code })).toMatchObject({
      status: "INVALID",
      reason: "RESERVATION_ANNULLED",
      reservationUntil: null,
    });
    const history = await listReservationHistory(createCtx({ actor: conscript(employee) }));
    expect(history.reservations[0]).toMatchObject({
      status: "ANNULLED",
      portal: { annulmentGround: "Звільнення працівника", annulledOn: world.today },
    });
    expect((await getMyRecord(createCtx({ actor: conscript(employee), now: new Date() }))).reservation).toBeNull();
  });

  it("one employee never sees another's reservation", async () => {
    const history = await listReservationHistory(createCtx({ actor: conscript(world.employees[0]!) }));
    expectEvery(history.reservations, (r) => r.edrpou === world.edrpou);
    expect(JSON.stringify(history)).not.toContain(world.employees[1]!);
  });
});
