import "server-only";
import type { Actor } from "@/lib/auth/roles";
import type { Ctx } from "@/lib/context";
import { toKopiykas, type Kopiykas } from "@/lib/format";
import { annulmentGroundLabel, isAnnulmentGroundCode, toIsoDate, type IsoDate } from "@/lib/rules";
import { z } from "@/lib/zod";
import { reservationError } from "./errors";
import { parseReasonDetails, storedReasonView } from "./reason-views";
import { resolveEnterpriseAccess } from "./resolve-enterprise-access";
import type { ReasonView } from "./types";

// One application with every item's result, reasons in words and term — for the company
// cabinet's application page and GET /api/v1/applications/{id}. Scoped to the actor's
// enterprise in the query itself: another enterprise's application is APPLICATION_NOT_FOUND.

export type ApplicationItemView = {
  position: number;
  rnokpp: string;
  fullName: string;
  salary: Kopiykas | null;
  /** Null while the application waits for its decision. */
  decision: "RESERVED" | "REFUSED" | "ANNULLED" | null;
  reasons: ReasonView[];
  reservedFrom: IsoDate | null;
  /** For an annulment: the end the annulled reservation had. */
  reservedUntil: IsoDate | null;
  extension: boolean;
  exception45: boolean;
};

export type ApplicationView = {
  id: string;
  kind: "RESERVATION" | "ANNULMENT";
  status: "QUEUED" | "PROCESSING" | "DECIDED" | "FAILED";
  edrpou: string;
  ground: { code: string; label: string } | null;
  rulesetVersion: string | null;
  submittedAt: Date;
  decidedAt: Date | null;
  signer: { rnokpp: string; fullName: string };
  preparedByRnokpp: string;
  signedDocumentId: string;
  /** reserved: reservations made (or, for an annulment, annulled); refused: the rest. */
  counts: { items: number; reserved: number; refused: number };
  failureReason: string | null;
  items: ApplicationItemView[];
};

export async function getApplication(
  ctx: Ctx<"db"> & { actor: Actor },
  input: { applicationId: string },
): Promise<ApplicationView> {
  const { actor, db } = ctx;
  if (!z.string().uuid().safeParse(input.applicationId).success || !actor.edrpou)
    throw reservationError("APPLICATION_NOT_FOUND");
  await resolveEnterpriseAccess(ctx, { edrpou: actor.edrpou, permission: "applications.prepare" });
  const app = await db.application.findFirst({
    where: { id: input.applicationId, edrpou: actor.edrpou },
    select: {
      id: true,
      kind: true,
      status: true,
      edrpou: true,
      ground: true,
      rulesetVersion: true,
      submittedAt: true,
      decidedAt: true,
      signerRnokpp: true,
      signerName: true,
      preparedByRnokpp: true,
      signedDocumentId: true,
      reservedCount: true,
      refusedCount: true,
      failureReason: true,
      items: {
        orderBy: { position: "asc" },
        select: {
          position: true,
          rnokpp: true,
          fullName: true,
          salary: true,
          decision: true,
          reasons: true,
          reasonDetails: true,
          reservedFrom: true,
          reservedUntil: true,
        },
      },
    },
  });
  if (!app) throw reservationError("APPLICATION_NOT_FOUND");

  return {
    id: app.id,
    kind: app.kind,
    status: app.status,
    edrpou: app.edrpou,
    ground: app.ground
      ? { code: app.ground, label: isAnnulmentGroundCode(app.ground) ? annulmentGroundLabel(app.ground) : app.ground }
      : null,
    rulesetVersion: app.rulesetVersion,
    submittedAt: app.submittedAt,
    decidedAt: app.decidedAt,
    signer: { rnokpp: app.signerRnokpp, fullName: app.signerName },
    preparedByRnokpp: app.preparedByRnokpp,
    signedDocumentId: app.signedDocumentId,
    counts: { items: app.items.length, reserved: app.reservedCount, refused: app.refusedCount },
    failureReason: app.failureReason,
    items: app.items.map((item) => {
      const details = parseReasonDetails(item.reasonDetails);
      const stored = details?.reasons ?? item.reasons.map((code) => ({ code }));
      return {
        position: item.position,
        rnokpp: item.rnokpp,
        fullName: item.fullName,
        salary: item.salary === null ? null : toKopiykas(item.salary.toString()),
        decision: item.decision,
        reasons: stored.map(storedReasonView),
        reservedFrom: item.reservedFrom ? toIsoDate(item.reservedFrom) : null,
        reservedUntil: item.reservedUntil ? toIsoDate(item.reservedUntil) : null,
        extension: details?.extension === true,
        exception45: details?.exception45 === true,
      };
    }),
  };
}
