// Builders of engine facts for the unit tests: a valid, reservable default that each test
// bends in one place, so a failing expectation points at the one fact that changed.
import { generateRnokpp } from "@/lib/identifiers";
import type { Kopiykas } from "@/lib/format";
import type { IsoDate } from "./calendar";
import type {
  ApplicationFacts,
  DecisionFacts,
  EmployeeFacts,
  EnterpriseFacts,
  RegistryFacts,
  ReservationForCheck,
} from "./facts";

export const EDRPOU = "43556710";
export const OTHER_EDRPOU = "32855961";
export const TODAY: IsoDate = "2026-07-01";

let serial = 0;
/** A fresh valid РНОКПП for each call. */
export function nextRnokpp(): string {
  serial = (serial + 1) % 1000;
  return generateRnokpp(new Date(Date.UTC(1985, 2, 10)), "MALE", serial);
}

export function enterprise(overrides: Partial<EnterpriseFacts> = {}): EnterpriseFacts {
  return {
    edrpou: EDRPOU,
    frontline: false,
    ownership: "PRIVATE",
    stateShare: 0,
    diiaCity: false,
    liquidatedOn: null,
    ...overrides,
  };
}

export function decision(overrides: Partial<DecisionFacts> = {}): DecisionFacts {
  return {
    status: "ACTIVE",
    decidedOn: "2026-06-01",
    validFrom: "2026-06-01",
    validUntil: "2027-12-31",
    revokedOn: null,
    limitCategory: "DEFAULT_50",
    limitCount: 10,
    criteria: ["AVERAGE_SALARY", "NO_TAX_ARREARS", "STRATEGIC"],
    salaryExemption: null,
    ...overrides,
  };
}

export type EmployeeOverrides = Partial<Omit<EmployeeFacts, "registry">> & {
  registry?: Partial<RegistryFacts> | null;
  /** Shorthand for the registry salary of the single default employment. */
  salary?: Kopiykas;
  /** Shorthand for the start of the single default employment. */
  hiredOn?: IsoDate;
};

export function employee(overrides: EmployeeOverrides = {}): EmployeeFacts {
  const { registry, salary, hiredOn, ...rest } = overrides;
  return {
    rnokpp: nextRnokpp(),
    registry:
      registry === null
        ? null
        : {
            registrationStatus: "ON_REGISTER",
            liability: "LIABLE",
            wanted: false,
            wantedCriminal: false,
            dataUpdatedOn: "2024-06-15",
            birthDate: "1985-03-10",
            ...registry,
          },
    employments: [{ startDate: hiredOn ?? "2020-01-01", endDate: null, suspended: false, salary: salary ?? 3_000_000 }],
    confirmedSalary: null,
    reservations: [],
    lastException45On: null,
    ...rest,
  };
}

export function application(overrides: Partial<ApplicationFacts> = {}): ApplicationFacts {
  return {
    date: TODAY,
    enterprise: enterprise(),
    decision: decision(),
    activeReservationsCount: 0,
    employees: [employee()],
    ...overrides,
  };
}

export function reservationForCheck(overrides: Partial<ReservationForCheck> = {}): ReservationForCheck {
  const id = overrides.id ?? `r-${nextRnokpp()}`;
  return {
    id,
    rnokpp: nextRnokpp(),
    from: "2026-06-15",
    until: "2027-06-14",
    createdAt: "2026-06-15T09:00:00Z",
    employments: [{ startDate: "2020-01-01", endDate: null, suspended: false }],
    deferment: null,
    ...overrides,
  };
}
