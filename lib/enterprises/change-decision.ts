import "server-only";
import type { Ctx } from "@/lib/context";
import { inTransaction } from "@/lib/db/transaction";
import { AppError, parseInput } from "@/lib/errors";
import { formatDate, formatNumber } from "@/lib/format";
import { notify } from "@/lib/notifications";
import { LIMIT_CATEGORY_LABELS, type LimitCategory } from "@/lib/rules";
import { applyDecisionChange, type AppliedChange } from "./apply-decision-change";
import { countActiveReservations } from "./prepare-decision-change";
import { ZApplyDecisionChange } from "./schemas";

// Confirm, extend, or change the limit of a decision: a signed act of this authority's
// official, written with its event and audit row, the head notified. A limit lowered below the
// reservations in force annuls nothing here: the lifecycle's scheduled check
// (findReservationsToAnnul, ground LIMIT_EXCEEDED) ends the excess, most recent first — one
// rule, applied in one place, and the head has the night to annul whom they choose first.

export async function changeDecision(
  ctx: Ctx<"actor" | "db" | "now">,
  input: unknown,
): Promise<{ eventId: string; overLimit: number }> {
  const client = ctx.db;
  const now = ctx.now;
  const { decisionId, change, nonce, signature } = parseInput(ZApplyDecisionChange, input);
  if (change.action === "REVOKE") throw new AppError("BAD_REQUEST", "Скасування рішення — окрема дія");
  return inTransaction(
    client,
    async (tx) => {
      const applied = await applyDecisionChange(
        { db: tx, actor: ctx.actor, now },
        { decisionId, change, nonce, signature },
      );
      const active = await countActiveReservations(tx, applied.decision.edrpou);
      const overLimit =
        applied.plan.eventKind === "LIMIT_CHANGED" ? Math.max(0, active - Number(applied.plan.after.limitCount)) : 0;
      const { decision } = applied;
      if (decision.headRnokpp) {
        await notify(tx, [
          {
            recipientRnokpp: decision.headRnokpp,
            audience: "company",
            kind: `decision.${change.action.toLowerCase()}`,
            ...noticeText(applied, overLimit),
            link: "/company",
          },
        ]);
      }
      return { eventId: applied.eventId, overLimit };
    },
    { timeout: 30_000 },
  );
}

function noticeText({ authority, decision, plan }: AppliedChange, overLimit: number): { title: string; body: string } {
  const head = `${authority.shortName}, рішення № ${decision.number} від ${formatDate(decision.decidedOn)}`;
  switch (plan.eventKind) {
    case "CONFIRMED":
      return {
        title: "Статус критично важливого підтверджено",
        body: `${head}: статус підприємства «${decision.enterpriseName}» підтверджено.`,
      };
    case "EXTENDED":
      return {
        title: "Строк дії рішення продовжено",
        body: `${head}: рішення діє до ${formatDate(String(plan.after.validUntil))}.`,
      };
    default: {
      const category = LIMIT_CATEGORY_LABELS[plan.after.limitCategory as LimitCategory];
      const excess =
        overLimit > 0
          ? ` Чинних бронювань понад ліміт: ${formatNumber(overLimit)}; їх буде анульовано під час щоденної перевірки, починаючи з найновіших.`
          : "";
      return {
        title: "Ліміт бронювання змінено",
        body: `${head}: новий ліміт — ${formatNumber(Number(plan.after.limitCount))} (${category}).${excess}`,
      };
    }
  }
}
