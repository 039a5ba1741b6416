// Each condition of the spec's table on both sides of its threshold, one fact changed at a time.
import { describe, expect, it } from "vitest";
import { decideApplication } from "./decide-application";
import type { ApplicationFacts, EmployeeFacts } from "./facts";
import type { ReasonCode } from "./outcomes";
import {
  OTHER_EDRPOU,
  EDRPOU,
  application,
  decision,
  employee,
  enterprise,
  type EmployeeOverrides,
} from "./test-facts";

function decideOne(e: EmployeeFacts, overrides: Partial<ApplicationFacts> = {}) {
  return decideApplication(application({ employees: [e], ...overrides })).employees[0]!;
}
function codes(e: EmployeeFacts, overrides: Partial<ApplicationFacts> = {}): ReasonCode[] {
  return decideOne(e, overrides).reasons.map((r) => r.code);
}
const codesOf = (o: EmployeeOverrides, app: Partial<ApplicationFacts> = {}) => codes(employee(o), app);

describe("the default employee is reserved", () => {
  it("RESERVE with no reasons and a 12-month term", () => {
    const d = decideOne(employee());
    expect(d).toMatchObject({
      verdict: "RESERVE",
      reasons: [],
      extension: false,
      consumesLimit: true,
      exception45: null,
    });
    expect(d.term).toEqual({ from: "2026-07-01", until: "2027-06-30", endsBy: "MAX_TERM" });
  });
});

describe("ENTERPRISE_NOT_CRITICAL", () => {
  it("decision ending today still counts; ended yesterday does not", () => {
    expect(codesOf({}, { decision: decision({ validUntil: "2026-07-01" }) })).toEqual([]);
    const d = decideOne(employee(), { decision: decision({ validUntil: "2026-06-30" }) });
    expect(d.reasons).toEqual([{ code: "ENTERPRISE_NOT_CRITICAL", params: { decisionEnd: "2026-06-30" } }]);
    expect(d.term).toBeNull();
  });

  it("decision starting today counts; starting tomorrow does not", () => {
    expect(codesOf({}, { decision: decision({ validFrom: "2026-07-01" }) })).toEqual([]);
    expect(codesOf({}, { decision: decision({ validFrom: "2026-07-02" }) })).toEqual(["ENTERPRISE_NOT_CRITICAL"]);
  });

  it("no decision, a revoked one, or a liquidated enterprise", () => {
    expect(codesOf({}, { decision: null })).toEqual(["ENTERPRISE_NOT_CRITICAL"]);
    expect(codesOf({}, { decision: decision({ status: "REVOKED", revokedOn: "2026-06-20" }) })).toEqual([
      "ENTERPRISE_NOT_CRITICAL",
    ]);
    expect(codesOf({}, { decision: decision({ status: "REVOKED", revokedOn: null }) })).toEqual([
      "ENTERPRISE_NOT_CRITICAL",
    ]);
    expect(codesOf({}, { decision: decision({ status: "REVOKED", revokedOn: "2026-07-02" }) })).toEqual([]);
    expect(codesOf({}, { enterprise: enterprise({ liquidatedOn: "2026-07-01" }) })).toEqual([
      "ENTERPRISE_NOT_CRITICAL",
    ]);
    expect(codesOf({}, { enterprise: enterprise({ liquidatedOn: "2026-07-02" }) })).toEqual([]);
  });

  it("Resolution 692: a decision made before 30.05.2026 ends by 01.09.2026", () => {
    const early = decision({ decidedOn: "2026-05-29", validFrom: "2026-05-29", validUntil: "2027-05-28" });
    expect(codesOf({}, { date: "2026-09-01", decision: early })).toEqual([]);
    expect(codesOf({}, { date: "2026-09-02", decision: early })).toEqual(["ENTERPRISE_NOT_CRITICAL"]);
    const onTheDay = decision({ decidedOn: "2026-05-30", validFrom: "2026-05-30", validUntil: "2027-05-29" });
    expect(codesOf({}, { date: "2026-09-02", decision: onTheDay })).toEqual([]);
    const result = decideApplication(application({ date: "2026-09-02", decision: early }));
    expect(result.enterprise).toMatchObject({ critical: false, decisionEnd: "2026-09-01" });
  });
});

describe("NOT_IN_REGISTRY and NOT_MILITARY_LIABLE", () => {
  it("a person missing from Оберіг is refused; registry-based conditions are not guessed", () => {
    expect(codesOf({ registry: null })).toEqual(["NOT_IN_REGISTRY"]);
  });

  it("is the one reason even where the employment records are missing too (no NOT_EMPLOYED beside it)", () => {
    const reservedHere = [{ edrpou: EDRPOU, from: "2026-01-01", until: "2026-07-10" }];
    expect(codesOf({ registry: null, employments: [], reservations: reservedHere } as EmployeeOverrides)).toEqual([
      "NOT_IN_REGISTRY",
    ]);
    expect(codesOf({ registry: null, employments: [], reservations: [] })).toEqual(["NOT_AN_EMPLOYEE"]);
  });

  it.each([
    ["CONSCRIPT", "ON_REGISTER"],
    ["RESERVIST", "ON_REGISTER"],
    ["LIABLE", "REMOVED"],
    ["LIABLE", "EXCLUDED"],
    ["LIABLE", "NOT_REGISTERED"],
  ] as const)("%s / %s is not military-liable on the register", (liability, registrationStatus) => {
    const d = decideOne(employee({ registry: { liability, registrationStatus } }));
    expect(d.reasons).toContainEqual({ code: "NOT_MILITARY_LIABLE", params: { liability, registrationStatus } });
    expect(d.verdict).toBe("REFUSE");
  });

  it("LIABLE and on the register passes", () => {
    expect(codesOf({ registry: { liability: "LIABLE", registrationStatus: "ON_REGISTER" } })).toEqual([]);
  });
});

describe("DATA_NOT_UPDATED", () => {
  it("updated on the day Law 3633-IX took effect counts; the day before does not", () => {
    expect(codesOf({ registry: { dataUpdatedOn: "2024-05-18" } })).toEqual([]);
    expect(codesOf({ registry: { dataUpdatedOn: "2024-05-17" } })).toEqual(["DATA_NOT_UPDATED"]);
  });

  it("never updated, being clarified, or updated only after the decision date", () => {
    expect(codesOf({ registry: { dataUpdatedOn: null } })).toEqual(["DATA_NOT_UPDATED"]);
    expect(codesOf({ registry: { registrationStatus: "BEING_CLARIFIED" } })).toEqual(["DATA_NOT_UPDATED"]);
    expect(codesOf({ registry: { dataUpdatedOn: "2026-07-01" } })).toEqual([]);
    expect(codesOf({ registry: { dataUpdatedOn: "2026-07-02" } })).toEqual(["DATA_NOT_UPDATED"]);
  });

  it("is not asked of someone off the register: not military-liable is the one reason", () => {
    for (const registrationStatus of ["NOT_REGISTERED", "REMOVED", "EXCLUDED"] as const) {
      expect(codesOf({ registry: { registrationStatus, dataUpdatedOn: null } })).toEqual(["NOT_MILITARY_LIABLE"]);
    }
    expect(
      codesOf({ registry: { registrationStatus: "ON_REGISTER", liability: "CONSCRIPT", dataUpdatedOn: null } }),
    ).toEqual(["NOT_MILITARY_LIABLE", "DATA_NOT_UPDATED"]);
  });
});

describe("WANTED", () => {
  it.each([[{ wanted: true }], [{ wantedCriminal: true }], [{ registrationStatus: "WANTED" as const }]])(
    "%j is wanted",
    (registry) => {
      expect(codesOf({ registry })).toEqual(["WANTED"]);
    },
  );
});

describe("NOT_AN_EMPLOYEE and NOT_EMPLOYED", () => {
  it("someone not employed here is refused with the one generic code and nothing about them", () => {
    const d = decideOne(
      employee({
        employments: [],
        registry: { registrationStatus: "WANTED", liability: "CONSCRIPT" },
        reservations: [{ edrpou: OTHER_EDRPOU, from: "2026-01-01", until: "2026-12-31" }],
      }),
    );
    expect(d).toMatchObject({
      verdict: "REFUSE",
      reasons: [{ code: "NOT_AN_EMPLOYEE", params: {} }],
      term: null,
      exception45: null,
      countedSalary: null,
    });
    expect(codesOf({ employments: [], registry: null })).toEqual(["NOT_AN_EMPLOYEE"]);
    expect(codesOf({ employments: [] }, { decision: null })).toEqual(["NOT_AN_EMPLOYEE"]);
  });

  it("dismissed yesterday vs last day of work today; hired tomorrow vs today", () => {
    const emp = (startDate: string, endDate: string | null) => [
      { startDate, endDate, suspended: false, salary: 3_000_000 },
    ];
    expect(codesOf({ employments: emp("2020-01-01", "2026-06-30") })).toEqual(["NOT_AN_EMPLOYEE"]);
    expect(codesOf({ employments: emp("2020-01-01", "2026-07-01") })).toEqual([]);
    expect(codesOf({ employments: emp("2026-07-02", null) })).toEqual(["NOT_AN_EMPLOYEE"]);
    expect(codesOf({ employments: emp("2026-07-01", null) })).toEqual([]);
  });

  it("dismissed but still reserved here: an employee of record, told NOT_EMPLOYED", () => {
    const reservedHere = [{ edrpou: EDRPOU, from: "2026-01-01", until: "2026-12-31" }];
    expect(codesOf({ employments: [], reservations: reservedHere })).toContain("NOT_EMPLOYED");
  });

  it("a suspended labour contract is not employment to reserve", () => {
    const d = decideOne(
      employee({ employments: [{ startDate: "2020-01-01", endDate: null, suspended: true, salary: 3_000_000 }] }),
    );
    expect(d.reasons).toEqual([{ code: "NOT_EMPLOYED", params: { suspended: true } }]);
  });

  it("a transfer inside the enterprise keeps the person employed, at the new position's salary", () => {
    const d = decideOne(
      employee({
        employments: [
          { startDate: "2020-01-01", endDate: "2026-03-31", suspended: false, salary: 1_000_000 },
          { startDate: "2026-04-01", endDate: null, suspended: false, salary: 3_000_000 },
        ],
      }),
    );
    expect(d.verdict).toBe("RESERVE");
    expect(d.countedSalary).toBe(3_000_000);
  });
});

describe("SALARY_BELOW_THRESHOLD", () => {
  it.each([
    ["2025-06-01", false, 2_000_000],
    ["2026-03-01", false, 2_161_750],
    ["2026-07-01", false, 2_594_100],
    ["2026-07-01", true, 2_161_750],
  ])("on %s (frontline %s): exactly %i kopiykas passes, one kopiyka less fails", (date, frontline, threshold) => {
    const app = {
      date,
      enterprise: enterprise({ frontline }),
      decision: decision({ decidedOn: "2025-01-10", validFrom: "2025-01-10", validUntil: "2026-08-31" }),
    };
    expect(codesOf({ salary: threshold }, app)).toEqual([]);
    const below = decideOne(employee({ salary: threshold - 1 }), app);
    expect(below.reasons).toEqual([{ code: "SALARY_BELOW_THRESHOLD", params: { threshold, salary: threshold - 1 } }]);
  });

  it("a frontline limit category gives the frontline threshold", () => {
    const app = { decision: decision({ limitCategory: "FRONTLINE_100" }) };
    expect(codesOf({ salary: 2_161_750 }, app)).toEqual([]);
    expect(decideApplication(application(app)).enterprise.frontline).toBe(true);
  });

  it("the lower of the registry's and the head's salary counts, both ways", () => {
    // A head cannot lift an employee over the threshold by typing a bigger number…
    const lifted = decideOne(employee({ salary: 2_000_000, confirmedSalary: 9_000_000 }));
    expect(lifted.reasons.map((r) => r.code)).toEqual(["SALARY_BELOW_THRESHOLD"]);
    expect(lifted.countedSalary).toBe(2_000_000);
    // …and a lower confirmed salary is taken at its word.
    const lowered = decideOne(employee({ salary: 3_000_000, confirmedSalary: 2_594_099 }));
    expect(lowered.reasons).toEqual([
      { code: "SALARY_BELOW_THRESHOLD", params: { threshold: 2_594_100, salary: 2_594_099 } },
    ]);
    expect(codesOf({ salary: 3_000_000, confirmedSalary: 2_594_100 })).toEqual([]);
  });

  it.each([
    [{ ownership: "STATE" as const }, "STATE_OR_COMMUNAL"],
    [{ ownership: "COMMUNAL" as const }, "STATE_OR_COMMUNAL"],
    [{ stateShare: 51 }, "STATE_SHARE_OVER_50"],
    [{ ownership: "RELIGIOUS" as const }, "RELIGIOUS_ORGANISATION"],
    [{ diiaCity: true }, "DIIA_CITY_RESIDENT"],
  ])("an enterprise with %j is exempt (%s)", (facts, exemption) => {
    const app = { enterprise: enterprise(facts) };
    expect(codesOf({ salary: 100_00 }, app)).toEqual([]);
    expect(decideApplication(application(app)).enterprise.salaryExemption).toBe(exemption);
  });

  it("a state share of exactly 50 % is not an exemption", () => {
    expect(codesOf({ salary: 100_00 }, { enterprise: enterprise({ stateShare: 50 }) })).toEqual([
      "SALARY_BELOW_THRESHOLD",
    ]);
  });

  it("an exemption stated in the decision applies (war-damaged energy producer)", () => {
    expect(codesOf({ salary: 100_00 }, { decision: decision({ salaryExemption: "ENERGY_WAR_DAMAGED" }) })).toEqual([]);
    expect(() => decideApplication(application({ decision: decision({ salaryExemption: "MADE_UP" }) }))).toThrow(
      expect.objectContaining({ code: "RULES_INVALID_FACTS" }),
    );
  });
});
