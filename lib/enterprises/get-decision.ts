import "server-only";
import type { Ctx } from "@/lib/context";
import { type EnterpriseRecord } from "@/lib/registry";
import { rulesetFor } from "@/lib/rules";
import { loadActingAuthority } from "./acting-authority";
import { decisionStateOn, type DecisionState } from "./decision-state";
import { loadDecision, type LoadedDecision } from "./load-decision";
import { countActiveReservations } from "./prepare-decision-change";
import { kyivDate } from "@/lib/format";

// One decision of the acting authority for its page: the enterprise as the register knows it
// now, the decision with its state today and the limit's use, and its history of signed events
// with the documents behind them.

export type DecisionEventView = {
  id: string;
  kind: "GRANTED" | "CONFIRMED" | "EXTENDED" | "LIMIT_CHANGED" | "REVOKED" | "EXPIRED";
  reason: string | null;
  changes: unknown;
  createdAt: Date;
  actorName: string | null;
  document: { id: string; signerName: string; signerRnokpp: string; signingTime: Date; kind: string } | null;
};

export type DecisionDetail = {
  decision: LoadedDecision & {
    state: DecisionState;
    effectiveUntil: string;
    revokedAt: Date | null;
    revocationReason: string | null;
    createdAt: Date;
  };
  enterprise: EnterpriseRecord | null;
  authority: { id: string; name: string; shortName: string };
  activeReservations: number;
  events: DecisionEventView[];
  today: string;
};

export async function getDecision(
  ctx: Ctx<"actor" | "db" | "registry" | "now">,
  input: { decisionId: string },
): Promise<DecisionDetail> {
  const client = ctx.db;
  const authority = await loadActingAuthority({ db: client, actor: ctx.actor }, { permission: "decisions.read" });
  const decision = await loadDecision({ db: client }, { authorityId: authority.id, decisionId: input.decisionId });
  const today = kyivDate(ctx.now);
  const { state, effectiveUntil } = decisionStateOn(decision, today, rulesetFor(today));

  const [extra, enterprise, activeReservations, events] = await Promise.all([
    client.criticalDecision.findUniqueOrThrow({
      where: { id: decision.id },
      select: { revokedAt: true, revocationReason: true, createdAt: true },
    }),
    ctx.registry.findEnterprise(decision.edrpou),
    countActiveReservations(client, decision.edrpou),
    client.decisionEvent.findMany({
      where: { decisionId: decision.id },
      orderBy: { createdAt: "asc" },
      select: {
        id: true,
        kind: true,
        reason: true,
        changes: true,
        createdAt: true,
        actorUserId: true,
        signedDocument: { select: { id: true, signerName: true, signerRnokpp: true, signingTime: true, kind: true } },
      },
    }),
  ]);
  const actorIds = [...new Set(events.map((e) => e.actorUserId).filter((id): id is string => !!id))];
  const users =
    actorIds.length > 0
      ? await client.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, fullName: true } })
      : [];
  const nameOf = new Map(users.map((u) => [u.id, u.fullName]));

  return {
    decision: { ...decision, ...extra, state, effectiveUntil },
    enterprise,
    authority: { id: authority.id, name: authority.name, shortName: authority.shortName },
    activeReservations: state === "ACTIVE" || state === "EXPIRED" ? activeReservations : 0,
    events: events.map(({ signedDocument, actorUserId, ...e }) => ({
      ...e,
      actorName: actorUserId ? (nameOf.get(actorUserId) ?? null) : null,
      document: signedDocument,
    })),
    today,
  };
}
