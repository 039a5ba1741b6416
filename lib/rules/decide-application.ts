// Decides a reservation application — and pre-checks one before signing, with the same code,
// so the head never sees a promise the decision then breaks (unless the facts change).
import { assessEmployee } from "./assess-employee";
import { assessEnterprise } from "./enterprise-standing";
import type { ApplicationFacts } from "./facts";
import type { ApplicationDecision, EmployeeDecision } from "./outcomes";
import { rulesetFor } from "./rulesets";
import { validateApplicationFacts } from "./validate-facts";

/**
 * Pure: the same facts always give the same decision. The limit is applied in the order the
 * head listed the employees; only employees who meet every other condition take a slot, and an
 * extension keeps the slot its current reservation already holds. Throws DUPLICATE_EMPLOYEE
 * when a person is listed twice.
 *
 * `applyLimit: false` answers "is each of them eligible on their own?" for a list of employees
 * that is not an application (the cabinet's employee list, the HR API's `eligible` filter),
 * where the order is only a page's sort order and must not hand out slots.
 */
export function decideApplication(
  facts: ApplicationFacts,
  options: { applyLimit?: boolean } = {},
): ApplicationDecision {
  const applyLimit = options.applyLimit ?? true;
  validateApplicationFacts(facts);
  const ruleset = rulesetFor(facts.date);
  const standing = assessEnterprise({
    date: facts.date,
    enterprise: facts.enterprise,
    decision: facts.decision,
    ruleset,
  });
  const ctx = { date: facts.date, edrpou: facts.enterprise.edrpou, ruleset, standing };

  const total = facts.decision?.limitCount ?? 0;
  const usedBefore = facts.activeReservationsCount;
  let used = usedBefore;

  const employees = facts.employees.map((employee, position): EmployeeDecision => {
    const assessment = assessEmployee(employee, ctx);
    const extension = assessment.extends !== null;
    let consumesLimit = false;
    if (applyLimit && assessment.reasons.length === 0 && !extension) {
      if (used < total) {
        used += 1;
        consumesLimit = true;
      } else {
        assessment.reasons.push({ code: "QUOTA_EXCEEDED", params: { used, limit: total } });
      }
    }
    const reserve = assessment.reasons.length === 0;
    return {
      position,
      rnokpp: employee.rnokpp,
      verdict: reserve ? "RESERVE" : "REFUSE",
      reasons: assessment.reasons,
      term: reserve ? assessment.term : null,
      extension,
      exception45: assessment.exception45,
      consumesLimit,
      countedSalary: assessment.countedSalary,
    };
  });

  const reserve = employees.filter((e) => e.verdict === "RESERVE").length;
  return {
    rulesetVersion: ruleset.version,
    date: facts.date,
    enterprise: {
      critical: standing.critical,
      decisionEnd: standing.decisionEnd,
      frontline: standing.frontline,
      salaryThreshold: standing.salaryThreshold,
      salaryExemption: standing.salaryExemption,
      exception45Allowed: standing.exception45Allowed,
    },
    limit: {
      total,
      usedBefore,
      usedAfter: used,
      availableBefore: Math.max(0, total - usedBefore),
      availableAfter: Math.max(0, total - used),
    },
    employees,
    counts: { reserve, refuse: employees.length - reserve },
  };
}
