import "server-only";
import { writeAuditMany } from "@/lib/audit/write-audit";
import type { DbTx } from "@/lib/db/client";
import { notify, type NewNotification } from "@/lib/notifications";
import { registryFor } from "@/lib/registry";
import { annulmentGround, type AnnulmentGroundCode, type IsoDate } from "@/lib/rules";
import { reservationEndedNotice, reservationsEndedHeadNotice } from "./lifecycle-notifications";

// The one way a reservation ends early or runs out, whoever ends it: the head's signed
// annulment, the ministry's revocation of a decision, the daily checks. In the caller's
// transaction it ends the registry marks, closes the portal's reservation rows behind them,
// writes an audit row per reservation and notifies each employee (and the head).
//
// A reservation is named by its registry mark: every active reservation has exactly one
// active mark — the portal's own (mark.reservationId → Reservation) and those another channel
// such as Дія made (no portal row). Ids that are not active marks of this enterprise are
// skipped, so calling it twice changes nothing the second time.
//
// Stable API (the ministry cabinet calls it; keep the signature):
//   annulReservations(tx, { edrpou, markIds, ground, on, actor, applicationId?, now?, notifyHead? })
// Serialise with the enterprise's other writers first: lockEnterpriseDecisions(tx, edrpou).

export type AnnulReservationsOptions = {
  edrpou: string;
  /** Registry mark ids (see findActiveMarksAt); one per reservation. */
  markIds: readonly string[];
  ground: AnnulmentGroundCode;
  /** The day the reservation ends on this ground ("YYYY-MM-DD"). */
  on: IsoDate;
  /** Who ends it; null for the scheduled checks (audited as SYSTEM). */
  actor: { rnokpp: string | null; role?: string | null } | null;
  /** The head's annulment application or the decision change that caused it. */
  applicationId?: string;
  now?: Date;
  /** Send the head one summary notice (default true); a caller with its own summary passes false. */
  notifyHead?: boolean;
};

export type AnnulledReservation = { markId: string; rnokpp: string; reservationId: string | null; untilDate: IsoDate };

export async function annulReservations(tx: DbTx, options: AnnulReservationsOptions): Promise<AnnulledReservation[]> {
  const now = options.now ?? new Date();
  const wanted = new Set(options.markIds);
  if (wanted.size === 0) return [];
  const registry = registryFor(tx);
  const marks = await registry.findActiveMarksAt(options.edrpou, { ids: [...wanted] });
  if (marks.length === 0) return [];

  const { status, label } = annulmentGround(options.ground);
  await registry.endMarks(
    tx,
    marks.map((m) => m.id),
    { status, on: options.on, ground: label },
  );
  const portalIds = marks.map((m) => m.reservationId).filter((id): id is string => id !== null);
  if (portalIds.length > 0) {
    await tx.reservation.updateMany({
      where: { id: { in: portalIds }, status: "ACTIVE" },
      data: {
        status,
        activeRnokpp: null,
        annulledAt: now,
        annulmentGround: options.ground,
        annulmentApplicationId: options.applicationId ?? null,
      },
    });
  }

  await writeAuditMany(
    tx,
    marks.map((m) => ({
      actor: options.actor,
      action: status === "EXPIRED" ? "reservation.expire" : "reservation.annul",
      entityType: m.reservationId ? "Reservation" : "ReservationMark",
      entityId: m.reservationId ?? m.id,
      edrpou: options.edrpou,
      details: {
        rnokpp: m.rnokpp,
        markId: m.id,
        source: m.source,
        ground: options.ground,
        on: options.on,
        ...(options.applicationId ? { applicationId: options.applicationId } : {}),
      },
    })),
  );

  const enterprise = await registry.findEnterprise(options.edrpou);
  const name = enterprise?.shortName ?? enterprise?.name ?? `ЄДРПОУ ${options.edrpou}`;
  const notices: NewNotification[] = marks.map((m) =>
    reservationEndedNotice(m.rnokpp, name, options.ground, options.on),
  );
  if (options.notifyHead !== false && enterprise?.headRnokpp)
    notices.push(reservationsEndedHeadNotice(enterprise.headRnokpp, options.ground, options.on, marks.length));
  await notify(tx, notices);

  return marks.map((m) => ({ markId: m.id, rnokpp: m.rnokpp, reservationId: m.reservationId, untilDate: m.untilDate }));
}
