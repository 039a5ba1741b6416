// The what-if's re-decision of one active reservation under the current ruleset and a draft:
// each changed rule makes exactly the reservations it concerns fall, on both sides of its edge.
import { describe, expect, it } from "vitest";
import {
  enterpriseUnderRuleset,
  newlyFailing,
  type EnterpriseWhatIfFacts,
  type ReservationWhatIfFacts,
} from "./reservation-under-ruleset";
import { RULESETS, type Ruleset } from "./rulesets";
import { decision, enterprise } from "./test-facts";

const current = RULESETS.at(-1)!;
const draft = (changes: Partial<Ruleset>): Ruleset => ({ ...current, version: "me-draft-test", ...changes });

const privateCompany: EnterpriseWhatIfFacts = { enterprise: enterprise(), decision: decision() };
/** A twelve-month reservation from 2026-07-01, salary 30 000 грн (above 25 941). */
const reservation = (o: Partial<ReservationWhatIfFacts> = {}): ReservationWhatIfFacts => ({
  fromDate: "2026-07-01",
  untilDate: "2027-06-30",
  exception45: false,
  birthDate: "1980-03-15",
  salary: 3_000_000,
  ...o,
});
function fallsFor(r: ReservationWhatIfFacts, next: Ruleset, facts: EnterpriseWhatIfFacts = privateCompany) {
  const under = { current: enterpriseUnderRuleset(facts, current), next: enterpriseUnderRuleset(facts, next) };
  return newlyFailing(r, under, { current, next });
}

describe("what-if: one reservation under the current version and a draft", () => {
  it("an unchanged draft makes nothing fall", () => {
    expect(fallsFor(reservation(), draft({}))).toEqual([]);
  });

  it("a lower age limit makes fall exactly the reservations that run into the new age", () => {
    const next = draft({ ageLimit: 58 });
    // Turns 58 on 2027-06-30, the reservation's last day: the engine would have ended it the day before.
    expect(fallsFor(reservation({ birthDate: "1969-06-30" }), next)).toEqual(["AGE"]);
    // Turns 58 the day after it ends: still allowed.
    expect(fallsFor(reservation({ birthDate: "1969-07-01" }), next)).toEqual([]);
    expect(fallsFor(reservation({ birthDate: "1990-01-01" }), next)).toEqual([]);
    // Already past the current limit (60): not the draft's doing.
    expect(fallsFor(reservation({ birthDate: "1967-01-01" }), next)).toEqual([]);
    // The registry does not know the person: the age cannot be decided, nothing is claimed.
    expect(fallsFor(reservation({ birthDate: null }), next)).toEqual([]);
  });

  it("a shorter maximum term makes fall the reservations longer than it, not the exception's", () => {
    const next = draft({ maxTermMonths: 6 });
    expect(fallsFor(reservation(), next)).toEqual(["TERM"]);
    expect(fallsFor(reservation({ untilDate: "2026-12-31" }), next)).toEqual([]);
    expect(fallsFor(reservation({ untilDate: "2027-01-01" }), next)).toEqual(["TERM"]);
    const defence: EnterpriseWhatIfFacts = {
      enterprise: enterprise(),
      decision: decision({ limitCategory: "DEFENCE_100" }),
    };
    expect(fallsFor(reservation({ exception45: true, untilDate: "2026-08-14" }), next, defence)).toEqual([]);
  });

  it("the 45-day exception: a shorter term, a narrower list of employers, or none at all", () => {
    const defence: EnterpriseWhatIfFacts = {
      enterprise: enterprise(),
      decision: decision({ limitCategory: "DEFENCE_100" }),
    };
    const exception = reservation({ exception45: true, untilDate: "2026-08-14" }); // 45 days
    expect(fallsFor(exception, draft({}), defence)).toEqual([]);
    const shorter = draft({ exception45: { ...current.exception45!, termDays: 44 } });
    expect(fallsFor(exception, shorter, defence)).toEqual(["EXCEPTION45"]);
    expect(fallsFor(reservation({ exception45: true, untilDate: "2026-08-13" }), shorter, defence)).toEqual([]);
    const narrower = draft({ exception45: { ...current.exception45!, limitCategories: ["DRONE_WEAPONS_100"] } });
    expect(fallsFor(exception, narrower, defence)).toEqual(["EXCEPTION45"]);
    expect(fallsFor(exception, draft({ exception45: null }), defence)).toEqual(["EXCEPTION45"]);
    // An ordinary reservation of the same enterprise does not depend on the exception.
    expect(fallsFor(reservation(), draft({ exception45: null }), defence)).toEqual([]);
  });

  it("stricter criteria make fall every reservation of an enterprise whose decision no longer meets them", () => {
    const next = draft({ criteria: { ...current.criteria, general: { ...current.criteria.general, minTotal: 4 } } });
    expect(fallsFor(reservation(), next)).toEqual(["CRITERIA"]);
    const four: EnterpriseWhatIfFacts = {
      enterprise: enterprise(),
      decision: decision({ criteria: ["AVERAGE_SALARY", "NO_TAX_ARREARS", "STRATEGIC", "SECTORAL_OR_REGIONAL"] }),
    };
    expect(fallsFor(reservation(), next, four)).toEqual([]);
    // A category's own rule: the energy equipment category's two criteria raised to three.
    const energy: EnterpriseWhatIfFacts = {
      enterprise: enterprise(),
      decision: decision({ limitCategory: "ENERGY_EQUIPMENT_100", criteria: ["NO_TAX_ARREARS", "STRATEGIC"] }),
    };
    expect(fallsFor(reservation(), draft({}), energy)).toEqual([]);
    const byCategory = draft({
      criteria: {
        ...current.criteria,
        byCategory: { ENERGY_EQUIPMENT_100: { mandatory: [], minAdditional: 0, minTotal: 3 } },
      },
    });
    expect(fallsFor(reservation(), byCategory, energy)).toEqual(["CRITERIA"]);
    expect(fallsFor(reservation(), byCategory)).toEqual([]);
  });

  it("a higher salary threshold: below it falls, at it stays, an exempt enterprise is not concerned", () => {
    const next = draft({
      salary: {
        ...current.salary,
        general: { minimumWage: 1_000_000, multiplierPercent: 300, threshold: 3_000_000 },
      },
    });
    expect(fallsFor(reservation({ salary: 2_999_999 }), next)).toEqual(["SALARY"]);
    expect(fallsFor(reservation({ salary: 3_000_000 }), next)).toEqual([]);
    // Already below the current threshold: not the draft's doing.
    expect(fallsFor(reservation({ salary: 2_000_000 }), next)).toEqual([]);
    const state: EnterpriseWhatIfFacts = {
      enterprise: enterprise({ ownership: "STATE", stateShare: 100 }),
      decision: decision(),
    };
    expect(fallsFor(reservation({ salary: 2_999_999 }), next, state)).toEqual([]);
    // The frontline threshold is separate: a frontline enterprise keeps 21 617,50.
    const frontline: EnterpriseWhatIfFacts = { enterprise: enterprise({ frontline: true }), decision: decision() };
    expect(fallsFor(reservation({ salary: 2_999_999 }), next, frontline)).toEqual([]);
  });

  it("a new decision cap makes fall the reservations running past the decision's new end", () => {
    const next = draft({
      decisionCaps: [
        ...current.decisionCaps,
        { decidedBefore: "2026-07-01", endsNoLaterThan: "2027-03-31", basis: "Тестова постанова" },
      ],
    });
    expect(fallsFor(reservation(), next)).toEqual(["DECISION_CAP"]);
    expect(fallsFor(reservation({ untilDate: "2027-03-31" }), next)).toEqual([]);
    const later: EnterpriseWhatIfFacts = { enterprise: enterprise(), decision: decision({ decidedOn: "2026-07-01" }) };
    expect(fallsFor(reservation(), next, later)).toEqual([]);
  });

  it("several changes at once: every reason the reservation meets is named", () => {
    const next = draft({ ageLimit: 58, maxTermMonths: 6 });
    expect(fallsFor(reservation({ birthDate: "1969-01-01" }), next)).toEqual(["AGE", "TERM"]);
  });
});
