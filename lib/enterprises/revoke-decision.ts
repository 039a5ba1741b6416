import "server-only";
import type { Ctx } from "@/lib/context";
import { inTransaction } from "@/lib/db/transaction";
import { AppError, parseInput } from "@/lib/errors";
import { formatDate, formatNumber, pluralUk } from "@/lib/format";
import { notify } from "@/lib/notifications";
import { registryFor } from "@/lib/registry";
import { annulReservations } from "@/lib/reservations";
import { applyDecisionChange } from "./apply-decision-change";
import { ZApplyDecisionChange } from "./schemas";

// Revocation of a decision, signed, with a reason. In the same transaction every active
// reservation of the enterprise — the portal's and those another channel made — is annulled
// through the lifecycle's annulReservations (ground DECISION_REVOKED, from today), which ends
// the registry marks and notifies each employee; the head gets one notice of the revocation
// with the number annulled. A revoked decision cannot be revoked again.

export async function revokeDecision(
  ctx: Ctx<"actor" | "db" | "now">,
  input: unknown,
): Promise<{ eventId: string; annulled: number }> {
  const client = ctx.db;
  const now = ctx.now;
  const { decisionId, change, nonce, signature } = parseInput(ZApplyDecisionChange, input);
  if (change.action !== "REVOKE") throw new AppError("BAD_REQUEST", "Очікується скасування рішення");
  return inTransaction(
    client,
    async (tx) => {
      const applied = await applyDecisionChange(
        { db: tx, actor: ctx.actor, now },
        { decisionId, change, nonce, signature },
      );
      const { decision, authority, today } = applied;
      const marks = await registryFor(tx).findActiveMarksAt(decision.edrpou);
      const annulled = await annulReservations(tx, {
        edrpou: decision.edrpou,
        markIds: marks.map((m) => m.id),
        ground: "DECISION_REVOKED",
        on: today,
        actor: { rnokpp: ctx.actor.rnokpp, role: ctx.actor.role },
        now,
        notifyHead: false,
      });
      if (decision.headRnokpp) {
        const count = annulled.length;
        const annulledText =
          count > 0
            ? ` Анульовано ${formatNumber(count)} ${pluralUk(count, ["бронювання", "бронювання", "бронювань"])} працівників; кожного працівника повідомлено.`
            : "";
        await notify(tx, [
          {
            recipientRnokpp: decision.headRnokpp,
            audience: "company",
            kind: "decision.revoked",
            title: "Рішення про критичність скасовано",
            body: `${authority.shortName} скасувало рішення № ${decision.number} від ${formatDate(decision.decidedOn)} щодо «${decision.enterpriseName}» з ${formatDate(today)}. Підстава: ${change.reason}.${annulledText}`,
            link: "/company",
          },
        ]);
      }
      return { eventId: applied.eventId, annulled: annulled.length };
    },
    { timeout: 60_000 },
  );
}
