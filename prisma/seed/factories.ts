import "server-only";

// Small builders of registry and portal rows for tests, with sensible defaults and overrides
// for what a test is about. Identifiers never collide with the demo seed, so they work in a
// seeded database too. Dates are "YYYY-MM-DD" strings.

export { nextEdrpou, nextRnokpp } from "./factories/identifiers";
export {
  createEmployment,
  createEnterprise,
  createPeople,
  createPerson,
  createRegistration,
  createReservationMark,
  createServicePeriod,
  createTcc,
  type EmploymentOverrides,
  type EnterpriseOptions,
  type MarkOptions,
  type PersonOptions,
  type RegistrationOverrides,
  type ServicePeriodOptions,
} from "./factories/registry";
export {
  createAuthority,
  createCriticalDecision,
  createMilitaryUnit,
  createRecruitmentCentre,
  createUser,
  createVacancy,
  type AuthorityOptions,
  type DecisionOptions,
  type UserOptions,
} from "./factories/portal";
