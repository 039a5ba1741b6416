import "server-only";
import type { Ctx } from "@/lib/context";
import { inTransaction } from "@/lib/db/transaction";
import { type DbTx } from "@/lib/db/client";
import { parseInput } from "@/lib/errors";
import { issueSigningNonce } from "./accept-official-signature";
import { loadActingAuthority, type ActingAuthority } from "./acting-authority";
import { buildChangeDocument } from "./decision-documents";
import { loadDecision, type LoadedDecision } from "./load-decision";
import { planDecisionChange, type ChangePlan } from "./plan-decision-change";
import { ZPrepareDecisionChange, type DecisionChange } from "./schemas";
import { kyivDate } from "@/lib/format";

// Step one of confirming, extending, changing the limit or revoking: the act is checked and its
// document prepared with a nonce. The official also learns what the act will do to the
// reservations: how many active ones a revocation annuls, how many exceed a lowered limit.

export type PreparedChange = {
  document: string;
  nonce: string;
  before: ChangePlan["before"];
  after: ChangePlan["after"];
  /** Active reservations of the enterprise in the registry now (every channel). */
  activeReservations: number;
  /** For CHANGE_LIMIT: how many active reservations the new limit leaves above it. */
  overLimit: number;
};

export async function prepareDecisionChange(ctx: Ctx<"actor" | "db" | "now">, input: unknown): Promise<PreparedChange> {
  const client = ctx.db;
  const now = ctx.now;
  const { decisionId, change } = parseInput(ZPrepareDecisionChange, input);
  return inTransaction(client, async (tx) => {
    const authority = await loadActingAuthority({ db: tx, actor: ctx.actor }, { permission: "decisions.write" });
    const decision = await loadDecision({ db: tx }, { authorityId: authority.id, decisionId });
    const plan = await planDecisionChange({ db: tx }, { decision, change, today: kyivDate(now) });
    const nonce = await issueSigningNonce({ db: tx, now }, { purpose: "change" });
    const activeReservations = await countActiveReservations(tx, decision.edrpou);
    const newLimit = change.action === "CHANGE_LIMIT" ? Number(plan.after.limitCount) : decision.limitCount;
    return {
      document: Buffer.from(changeDocument({ authority, decision, change, plan, nonce })).toString("base64"),
      nonce,
      before: plan.before,
      after: plan.after,
      activeReservations,
      overLimit: Math.max(0, activeReservations - newLimit),
    };
  });
}

/** The signed bytes of an act; the acceptance rebuilds them with the same call. */
export function changeDocument(input: {
  authority: ActingAuthority;
  decision: LoadedDecision;
  change: DecisionChange;
  plan: ChangePlan;
  nonce: string;
}): Uint8Array {
  const { decision } = input;
  return buildChangeDocument({
    authority: input.authority,
    decision: {
      id: decision.id,
      edrpou: decision.edrpou,
      enterpriseName: decision.enterpriseName,
      number: decision.number,
      decidedOn: decision.decidedOn,
    },
    action: input.change.action,
    reason: input.change.reason,
    before: input.plan.before,
    after: input.plan.after,
    nonce: input.nonce,
  });
}

/** ACTIVE reservation marks of the enterprise in Оберіг, whoever made them. */
export async function countActiveReservations(tx: DbTx, edrpou: string): Promise<number> {
  return tx.reservationMark.count({ where: { edrpou, status: "ACTIVE" } });
}
