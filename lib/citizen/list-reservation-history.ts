import "server-only";
import type { Actor } from "@/lib/auth/roles";
import type { Ctx } from "@/lib/context";
import { annulmentGroundLabel, isAnnulmentGroundCode, REASON_LABELS, type ReasonCode } from "@/lib/rules";
import { citizenRnokpp } from "./actor-rnokpp";
import { markSourceLabel } from "./status-info";
import { kyivDate } from "@/lib/format";

export type MarkHistoryStatus = "ACTIVE" | "ANNULLED" | "EXPIRED" | "SUPERSEDED";

export const MARK_STATUS_LABELS: Record<MarkHistoryStatus, string> = {
  ACTIVE: "Чинне",
  ANNULLED: "Анульовано",
  EXPIRED: "Закінчився строк",
  SUPERSEDED: "Замінено продовженням",
};

export type ReservationHistoryEntry = {
  kind: "RESERVATION";
  markId: string;
  edrpou: string;
  enterpriseName: string;
  fromDate: string;
  untilDate: string;
  status: MarkHistoryStatus;
  source: string;
  sourceLabel: string;
  /** Portal reservations only: the decision it was made under and how it ended. */
  portal: {
    reservationId: string;
    decisionNumber: string;
    authorityName: string;
    submittedAt: string | null;
    signerName: string | null;
    exception45: boolean;
    annulledOn: string | null;
    annulmentGround: string | null;
  } | null;
};

export type RefusalHistoryEntry = {
  kind: "REFUSAL";
  applicationId: string;
  edrpou: string;
  enterpriseName: string;
  decidedAt: string;
  reasons: string[];
};

export type ReservationHistory = { reservations: ReservationHistoryEntry[]; refusals: RefusalHistoryEntry[] };

/**
 * Every reservation the registry holds for the citizen (the portal's and those made elsewhere,
 * e.g. through Дія), enriched with the portal's decision and annulment where the portal made
 * it, and the employer's applications that were refused for them.
 */
export async function listReservationHistory(
  ctx: Ctx<"db" | "registry"> & { actor: Actor | null },
): Promise<ReservationHistory> {
  const rnokpp = citizenRnokpp(ctx.actor, "record.read");
  const { db, registry } = ctx;

  const [marks, reservations, refused] = await Promise.all([
    registry.findMarksOf(rnokpp),
    db.reservation.findMany({
      where: { rnokpp },
      select: {
        id: true,
        exception45: true,
        annulledAt: true,
        annulmentGround: true,
        decision: { select: { number: true, authority: { select: { shortName: true } } } },
        items: {
          where: { rnokpp },
          take: 1,
          select: { application: { select: { submittedAt: true, signerName: true } } },
        },
      },
    }),
    db.applicationItem.findMany({
      where: { rnokpp, decision: "REFUSED", application: { kind: "RESERVATION" } },
      orderBy: { application: { submittedAt: "desc" } },
      take: 20,
      select: {
        reasons: true,
        application: { select: { id: true, edrpou: true, submittedAt: true, decidedAt: true } },
      },
    }),
  ]);

  const edrpous = [...new Set([...marks.map((m) => m.edrpou), ...refused.map((r) => r.application.edrpou)])];
  const enterprises = await Promise.all(edrpous.map((edrpou) => registry.findEnterprise(edrpou)));
  const nameOf = new Map(edrpous.map((edrpou, i) => [edrpou, enterprises[i]?.name ?? edrpou]));
  const portalById = new Map(reservations.map((r) => [r.id, r]));

  return {
    reservations: marks.map((mark) => {
      const portal = mark.reservationId ? portalById.get(mark.reservationId) : undefined;
      const application = portal?.items[0]?.application;
      return {
        kind: "RESERVATION",
        markId: mark.id,
        edrpou: mark.edrpou,
        enterpriseName: nameOf.get(mark.edrpou) ?? mark.edrpou,
        fromDate: mark.fromDate,
        untilDate: mark.untilDate,
        status: mark.status,
        source: mark.source,
        sourceLabel: markSourceLabel(mark.source),
        portal: portal
          ? {
              reservationId: portal.id,
              decisionNumber: portal.decision.number,
              authorityName: portal.decision.authority.shortName,
              submittedAt: application?.submittedAt.toISOString() ?? null,
              signerName: application?.signerName ?? null,
              exception45: portal.exception45,
              annulledOn: portal.annulledAt ? kyivDate(portal.annulledAt) : null,
              annulmentGround: portal.annulmentGround ? groundLabel(portal.annulmentGround) : null,
            }
          : null,
      };
    }),
    refusals: refused.map((item) => ({
      kind: "REFUSAL",
      applicationId: item.application.id,
      edrpou: item.application.edrpou,
      enterpriseName: nameOf.get(item.application.edrpou) ?? item.application.edrpou,
      decidedAt: (item.application.decidedAt ?? item.application.submittedAt).toISOString(),
      reasons: item.reasons.map((code) => REASON_LABELS[code as ReasonCode] ?? code),
    })),
  };
}

function groundLabel(code: string): string {
  return isAnnulmentGroundCode(code) ? annulmentGroundLabel(code) : code;
}
