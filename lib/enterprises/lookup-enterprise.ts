import "server-only";
import type { Ctx } from "@/lib/context";
import { parseInput } from "@/lib/errors";
import { ZEdrpou } from "@/lib/identifiers";
import { type EnterpriseRecord } from "@/lib/registry";
import { resolveSalaryExemption, rulesetFor, type SalaryExemptionCode } from "@/lib/rules";
import { loadActingAuthority } from "./acting-authority";
import { checkCompetence } from "./competence";
import { findActiveDecision, type ActiveDecision } from "./find-active-decision";
import { kvedSectionOf } from "./kved-sections";
import { kyivDate } from "@/lib/format";

// What the decision form shows once a valid ЄДРПОУ is typed: the enterprise as the state
// register knows it, whether this authority may decide on it, whether a decision is already in
// force, and the figures to pre-fill. A lookup, not a decision: nothing is written.

export type EnterpriseLookup =
  | { found: false; edrpou: string }
  | {
      found: true;
      enterprise: EnterpriseRecord & { kvedSection: string | null };
      /** Null when this authority may decide; otherwise why not. */
      outsideCompetence: string | null;
      activeDecision: (ActiveDecision & { ownAuthority: boolean }) | null;
      impliedExemption: SalaryExemptionCode | null;
      counts: { militaryLiable: number; headcount: number };
      today: string;
    };

export async function lookupEnterprise(
  ctx: Ctx<"actor" | "db" | "registry" | "now">,
  input: { edrpou: string },
): Promise<EnterpriseLookup> {
  const client = ctx.db;
  const authority = await loadActingAuthority({ db: client, actor: ctx.actor }, { permission: "decisions.read" });
  const edrpou = parseInput(ZEdrpou, input.edrpou);
  const today = kyivDate(ctx.now);
  const ruleset = rulesetFor(today);

  const registry = ctx.registry;
  const enterprise = await registry.findEnterprise(edrpou);
  if (!enterprise) return { found: false, edrpou };

  const competence = checkCompetence(authority, enterprise);
  const [active, counts] = await Promise.all([
    findActiveDecision({ db: client }, { edrpou, today }),
    registry.countMilitaryLiable({
      edrpou,
      today,
      ageLimit: ruleset.ageLimit,
      includeMobilised: ruleset.mobilisedInLimitBase,
    }),
  ]);
  return {
    found: true,
    enterprise: { ...enterprise, kvedSection: kvedSectionOf(enterprise.kved) },
    outsideCompetence: competence.ok ? null : competence.message,
    activeDecision: active ? { ...active, ownAuthority: active.authorityId === authority.id } : null,
    impliedExemption: resolveSalaryExemption(enterprise, null, ruleset),
    counts,
    today,
  };
}
