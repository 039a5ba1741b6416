import "server-only";
import type { Actor } from "@/lib/auth/roles";
import type { Ctx } from "@/lib/context";
import { registryFor } from "@/lib/registry";
import { findReservationsToAnnul, type AnnulmentGroundCode, type IsoDate, type ReservationForCheck } from "@/lib/rules";
import { annulReservations, type AnnulledReservation } from "./annul-reservations";
import { findEnterpriseDecision, lockEnterpriseDecisions } from "./find-enterprise-decision";
import { kyivDate } from "@/lib/format";

// The scheduled check of one enterprise, in the caller's transaction: every active reservation
// there (the portal's and other channels') is put to findReservationsToAnnul — term over,
// liquidation, decision revoked or expired past its grace, dismissal, suspension, deferment on
// another ground, over the limit — and the ones it names are ended, one annulReservations call
// per ground and day. Idempotent: a second run finds nothing left to end.
//
// The ministry cabinet may call it right after revoking a decision (same transaction): the
// revocation then annuls the enterprise's reservations at once rather than overnight.

export type ApplyAutomaticAnnulmentsOptions = {
  edrpou: string;
  /** Who triggered it (an official revoking a decision); null/omitted for the scheduler. */
  actor?: Pick<Actor, "rnokpp" | "role"> | null;
};

export type AutomaticAnnulmentResult = {
  edrpou: string;
  checked: number;
  ended: Array<AnnulledReservation & { ground: AnnulmentGroundCode; on: IsoDate }>;
};

export async function applyAutomaticAnnulments(
  ctx: Ctx<"db" | "now">,
  options: ApplyAutomaticAnnulmentsOptions,
): Promise<AutomaticAnnulmentResult> {
  const { db: tx, now } = ctx;
  const date = kyivDate(now);
  const { edrpou } = options;
  await lockEnterpriseDecisions(tx, edrpou);

  const registry = registryFor(tx);
  const marks = await registry.findActiveMarksAt(edrpou);
  if (marks.length === 0) return { edrpou, checked: 0, ended: [] };
  // One transaction, one connection: these reads run one after another in any case.
  const enterprise = await registry.findEnterprise(edrpou);
  const decision = await findEnterpriseDecision(ctx, { edrpou, date });
  const staff = await registry.findStaff(edrpou, { rnokpps: [...new Set(marks.map((m) => m.rnokpp))] });
  const portalIds = marks.map((m) => m.reservationId).filter((id): id is string => id !== null);
  const portalRows =
    portalIds.length > 0
      ? await tx.reservation.findMany({ where: { id: { in: portalIds } }, select: { id: true, createdAt: true } })
      : [];
  const byPerson = new Map(staff.map((s) => [s.person.rnokpp, s]));
  const createdAt = new Map(portalRows.map((r) => [r.id, r.createdAt.toISOString()]));

  const reservations: ReservationForCheck[] = marks.map((m) => {
    const record = byPerson.get(m.rnokpp);
    const military = record?.person.military ?? null;
    return {
      id: m.id,
      rnokpp: m.rnokpp,
      from: m.fromDate,
      until: m.untilDate,
      // Marks another channel made carry no creation time: their first day stands in for it.
      createdAt: (m.reservationId && createdAt.get(m.reservationId)) || `${m.fromDate}T00:00:00.000Z`,
      employments: (record?.employments ?? []).map((e) => ({
        startDate: e.startDate,
        endDate: e.endDate,
        suspended: e.suspended,
      })),
      deferment: military?.deferment ? { until: military.defermentUntil } : null,
    };
  });
  const check = findReservationsToAnnul({
    date,
    enterprise: { edrpou, liquidatedOn: enterprise?.liquidatedOn ?? null },
    decision: decision?.facts ?? null,
    reservations,
  });

  const groups = new Map<string, { ground: AnnulmentGroundCode; on: IsoDate; markIds: string[] }>();
  for (const item of check.toAnnul) {
    const key = `${item.ground}|${item.since}`;
    const group = groups.get(key) ?? { ground: item.ground, on: item.since, markIds: [] };
    group.markIds.push(item.reservationId);
    groups.set(key, group);
  }
  const ended: AutomaticAnnulmentResult["ended"] = [];
  for (const group of groups.values()) {
    const done = await annulReservations(tx, {
      edrpou,
      markIds: group.markIds,
      ground: group.ground,
      on: group.on,
      actor: options.actor ?? null,
      now,
    });
    ended.push(...done.map((d) => ({ ...d, ground: group.ground, on: group.on })));
  }
  return { edrpou, checked: marks.length, ended };
}
