// A head's signed request to annul reservations of their enterprise. The request as a whole
// is refused when its ground is not one a head may choose (or does not hold); each listed
// employee is then annulled or refused on their own.
import { AppError } from "@/lib/errors";
import { annulmentGround, annulmentGroundLabel, isAnnulmentGroundCode } from "./annulment-grounds";
import { assertIsoDate } from "./calendar";
import { assessEnterprise } from "./enterprise-standing";
import type { AnnulmentRequestFacts } from "./facts";
import type { AnnulmentDecision, EmployeeAnnulment } from "./outcomes";
import { rulesetFor } from "./rulesets";
import { refuseDuplicates, validateDecision, validateEnterprise } from "./validate-facts";

export function decideAnnulment(facts: AnnulmentRequestFacts): AnnulmentDecision {
  assertIsoDate(facts.date, "date");
  validateEnterprise(facts.enterprise);
  if (facts.decision) validateDecision(facts.decision);
  facts.reservations.forEach((r, i) => {
    assertIsoDate(r.from, `reservations[${i}].from`);
    assertIsoDate(r.until, `reservations[${i}].until`);
  });
  refuseDuplicates(facts.employees.map((e) => e.rnokpp));
  const ruleset = rulesetFor(facts.date);

  const ground = facts.ground;
  if (!isAnnulmentGroundCode(ground)) {
    throw new AppError("ANNULMENT_GROUND_UNKNOWN", "Невідома підстава анулювання бронювання", { details: { ground } });
  }
  if (!annulmentGround(ground).headMay) {
    throw new AppError(
      "ANNULMENT_GROUND_NOT_ALLOWED",
      `Підставу «${annulmentGroundLabel(ground)}» застосовує система, а не керівник`,
      {
        details: { ground },
      },
    );
  }
  if (ground === "DECISION_EXPIRED") {
    const standing = assessEnterprise({
      date: facts.date,
      enterprise: facts.enterprise,
      decision: facts.decision,
      ruleset,
    });
    if (standing.critical) {
      throw new AppError(
        "ANNULMENT_GROUND_NOT_APPLICABLE",
        "Рішення про визнання підприємства критично важливим ще чинне",
        {
          details: { ground, decisionEnd: standing.decisionEnd },
        },
      );
    }
  }

  const employees = facts.employees.map(({ rnokpp, employedHere }, position): EmployeeAnnulment => {
    // A mark whose term is over is the expiry job's, not the head's, to close.
    const current = facts.reservations
      .filter((r) => r.rnokpp === rnokpp && r.until >= facts.date)
      .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : a.id < b.id ? -1 : 1));
    if (current.length === 0) {
      const code = employedHere ? "NOT_RESERVED_HERE" : "NOT_AN_EMPLOYEE";
      return { position, rnokpp, verdict: "REFUSE", reasons: [{ code, params: {} }], reservationIds: [] };
    }
    return { position, rnokpp, verdict: "ANNUL", reasons: [], reservationIds: current.map((r) => r.id) };
  });

  const annul = employees.filter((e) => e.verdict === "ANNUL").length;
  return {
    rulesetVersion: ruleset.version,
    date: facts.date,
    ground,
    employees,
    counts: { annul, refuse: employees.length - annul },
  };
}
