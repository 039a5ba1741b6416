// The engine's facts come from the portal's own code, not from users, so a malformed fact is
// a bug upstream: it is refused loudly (RULES_INVALID_FACTS, status 500) rather than decided
// on. The one caller error a user can cause — an employee listed twice — has its own code.
import { AppError } from "@/lib/errors";
import { assertIsoDate } from "./calendar";
import type { ApplicationFacts, DecisionFacts, EmployeeFacts, EmploymentPeriod } from "./facts";

export function validateApplicationFacts(facts: ApplicationFacts): void {
  assertIsoDate(facts.date, "date");
  validateEnterprise(facts.enterprise);
  if (facts.decision) validateDecision(facts.decision);
  requireCount(facts.activeReservationsCount, "activeReservationsCount");
  facts.employees.forEach((e, i) => validateEmployee(e, `employees[${i}]`));
  refuseDuplicates(facts.employees.map((e) => e.rnokpp));
}

export function validateEnterprise(enterprise: {
  edrpou: string;
  liquidatedOn: string | null;
  stateShare?: number;
}): void {
  if (typeof enterprise.edrpou !== "string" || enterprise.edrpou === "")
    invalid("enterprise.edrpou", "потрібен код ЄДРПОУ");
  if (enterprise.liquidatedOn !== null) assertIsoDate(enterprise.liquidatedOn, "enterprise.liquidatedOn");
  if (
    enterprise.stateShare !== undefined &&
    (!Number.isFinite(enterprise.stateShare) || enterprise.stateShare < 0 || enterprise.stateShare > 100)
  ) {
    invalid("enterprise.stateShare", "частка держави має бути від 0 до 100");
  }
}

export function validateDecision(decision: DecisionFacts): void {
  assertIsoDate(decision.decidedOn, "decision.decidedOn");
  assertIsoDate(decision.validFrom, "decision.validFrom");
  assertIsoDate(decision.validUntil, "decision.validUntil");
  if (decision.revokedOn !== undefined && decision.revokedOn !== null)
    assertIsoDate(decision.revokedOn, "decision.revokedOn");
  if (decision.validUntil < decision.validFrom)
    invalid("decision.validUntil", "рішення закінчується раніше, ніж починається");
  requireCount(decision.limitCount, "decision.limitCount");
}

export function validatePeriods(periods: readonly EmploymentPeriod[], path: string): void {
  periods.forEach((p, i) => {
    assertIsoDate(p.startDate, `${path}[${i}].startDate`);
    if (p.endDate !== null) assertIsoDate(p.endDate, `${path}[${i}].endDate`);
  });
}

/** An employee listed twice is refused as a whole: the head must say what they meant. */
export function refuseDuplicates(rnokpps: readonly string[]): void {
  const seen = new Map<string, number>();
  rnokpps.forEach((rnokpp, position) => {
    const first = seen.get(rnokpp);
    if (first !== undefined) {
      throw new AppError(
        "DUPLICATE_EMPLOYEE",
        `Працівника з РНОКПП ${rnokpp} вказано двічі (позиції ${first + 1} і ${position + 1})`,
        {
          details: { rnokpp, positions: [first, position] },
        },
      );
    }
    seen.set(rnokpp, position);
  });
}

function validateEmployee(e: EmployeeFacts, path: string): void {
  if (typeof e.rnokpp !== "string" || e.rnokpp === "") invalid(`${path}.rnokpp`, "потрібен РНОКПП");
  if (e.registry) {
    assertIsoDate(e.registry.birthDate, `${path}.registry.birthDate`);
    if (e.registry.dataUpdatedOn !== null) assertIsoDate(e.registry.dataUpdatedOn, `${path}.registry.dataUpdatedOn`);
  }
  validatePeriods(e.employments, `${path}.employments`);
  e.employments.forEach((emp, i) => requireCount(emp.salary, `${path}.employments[${i}].salary`));
  if (e.confirmedSalary !== null) requireCount(e.confirmedSalary, `${path}.confirmedSalary`);
  e.reservations.forEach((r, i) => {
    assertIsoDate(r.from, `${path}.reservations[${i}].from`);
    assertIsoDate(r.until, `${path}.reservations[${i}].until`);
  });
  if (e.lastException45On !== null) assertIsoDate(e.lastException45On, `${path}.lastException45On`);
}

function requireCount(value: number, path: string): void {
  if (!Number.isSafeInteger(value) || value < 0) invalid(path, "потрібне ціле невід'ємне число");
}

function invalid(path: string, message: string): never {
  throw new AppError("RULES_INVALID_FACTS", `${path}: ${message}`, { details: { field: path } });
}
