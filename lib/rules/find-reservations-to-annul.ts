// The scheduled check of an enterprise's active reservations: which must end today, and why.
import { AppError } from "@/lib/errors";
import { sortGrounds, type AnnulmentGroundCode } from "./annulment-grounds";
import { addDays, addWorkingDays, assertIsoDate, type IsoDate } from "./calendar";
import { employmentOn } from "./employment";
import { effectiveDecisionEnd, isRevokedOn } from "./enterprise-standing";
import type { AnnulmentCheckFacts, ReservationForCheck } from "./facts";
import type { AnnulmentCheck, ReservationToAnnul } from "./outcomes";
import { rulesetFor, type Ruleset } from "./rulesets";
import { validateDecision, validateEnterprise, validatePeriods } from "./validate-facts";

type Found = { grounds: Map<AnnulmentGroundCode, IsoDate> };

// Only the ISO form: Date.parse of anything else differs between engines.
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Pure. Grounds: the term ran out; the enterprise was liquidated; its decision was revoked, or
 * expired more than the grace period ago (the head has 5 working days to annul first); the
 * employee was dismissed (a transfer inside the enterprise is not a dismissal) or their contract
 * suspended; a deferment on another ground; and, among the reservations left after those, the
 * ones beyond the decision's limit — the most recently granted persons go first.
 */
export function findReservationsToAnnul(facts: AnnulmentCheckFacts): AnnulmentCheck {
  validate(facts);
  const { date, decision } = facts;
  const ruleset = rulesetFor(date);
  const enterpriseGround = enterpriseWideGround(facts, ruleset);

  const found = new Map<ReservationForCheck, Found>();
  for (const r of facts.reservations) {
    const grounds = new Map<AnnulmentGroundCode, IsoDate>();
    if (r.until < date) grounds.set("TERM_EXPIRED", addDays(r.until, 1));
    if (enterpriseGround) grounds.set(enterpriseGround.ground, enterpriseGround.since);
    const employment = employmentOn(r.employments, date);
    if (!employment.employed)
      grounds.set("DISMISSAL", employment.lastEndDate !== null ? addDays(employment.lastEndDate, 1) : date);
    else if (employment.suspended) grounds.set("CONTRACT_SUSPENDED", date);
    if (r.deferment && (r.deferment.until === null || r.deferment.until >= date))
      grounds.set("DEFERMENT_OTHER_GROUND", date);
    found.set(r, { grounds });
  }

  // The limit binds persons, not rows: an extension made ahead of time is the same person.
  // A person's slot dates from their earliest remaining reservation, as an extension keeps its slot.
  const limit = decision?.limitCount ?? 0;
  const slots = new Map<string, { since: number; id: string; rows: ReservationForCheck[] }>();
  for (const r of facts.reservations) {
    if (found.get(r)!.grounds.size > 0) continue;
    const created = Date.parse(r.createdAt);
    const slot = slots.get(r.rnokpp);
    if (!slot) slots.set(r.rnokpp, { since: created, id: r.id, rows: [r] });
    else {
      slot.rows.push(r);
      if (created < slot.since || (created === slot.since && r.id < slot.id))
        Object.assign(slot, { since: created, id: r.id });
    }
  }
  const byRecency = [...slots.values()].sort((a, b) => b.since - a.since || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
  const excess = Math.max(0, byRecency.length - limit);
  for (const slot of byRecency.slice(0, excess))
    for (const r of slot.rows) found.get(r)!.grounds.set("LIMIT_EXCEEDED", date);

  const toAnnul: ReservationToAnnul[] = [];
  for (const r of facts.reservations) {
    const { grounds } = found.get(r)!;
    if (grounds.size === 0) continue;
    const sorted = sortGrounds(grounds.keys());
    const ground = sorted[0]!;
    toAnnul.push({ reservationId: r.id, rnokpp: r.rnokpp, ground, grounds: sorted, since: grounds.get(ground)! });
  }
  return { rulesetVersion: ruleset.version, date, toAnnul, remaining: byRecency.length - excess, limit };
}

function enterpriseWideGround(
  facts: AnnulmentCheckFacts,
  ruleset: Ruleset,
): { ground: AnnulmentGroundCode; since: IsoDate } | null {
  const { date, decision, enterprise } = facts;
  if (enterprise.liquidatedOn !== null && enterprise.liquidatedOn <= date)
    return { ground: "ENTERPRISE_LIQUIDATED", since: enterprise.liquidatedOn };
  // Reservations with no decision behind them at all have nothing to stand on.
  if (!decision) return { ground: "DECISION_EXPIRED", since: date };
  if (isRevokedOn(decision, date)) return { ground: "DECISION_REVOKED", since: decision.revokedOn ?? date };
  const end = effectiveDecisionEnd(decision, ruleset);
  if (date > addWorkingDays(end, ruleset.decisionExpiryGraceWorkingDays))
    return { ground: "DECISION_EXPIRED", since: addDays(end, 1) };
  return null;
}

function validate(facts: AnnulmentCheckFacts): void {
  assertIsoDate(facts.date, "date");
  validateEnterprise(facts.enterprise);
  if (facts.decision) validateDecision(facts.decision);
  const ids = new Set<string>();
  facts.reservations.forEach((r, i) => {
    assertIsoDate(r.from, `reservations[${i}].from`);
    assertIsoDate(r.until, `reservations[${i}].until`);
    validatePeriods(r.employments, `reservations[${i}].employments`);
    if (r.deferment?.until) assertIsoDate(r.deferment.until, `reservations[${i}].deferment.until`);
    if (!ISO_INSTANT.test(r.createdAt) || Number.isNaN(Date.parse(r.createdAt)) || ids.has(r.id)) {
      throw new AppError(
        "RULES_INVALID_FACTS",
        `reservations[${i}]: некоректний час створення або повторний ідентифікатор`,
      );
    }
    ids.add(r.id);
  });
}
