// The 45-day exception of Law 4630-IX on both sides of each of its conditions.
import { describe, expect, it } from "vitest";
import { decideApplication } from "./decide-application";
import type { ApplicationFacts, EmployeeFacts } from "./facts";
import { application, decision, employee, type EmployeeOverrides } from "./test-facts";

const defence = decision({
  limitCategory: "DEFENCE_100",
  criteria: ["AVERAGE_SALARY", "NO_TAX_ARREARS", "DEFENCE_CONTRACT"],
});
/** Hired 30 days before 2026-07-01, data never updated. */
const newcomer = (o: EmployeeOverrides = {}) =>
  employee({ hiredOn: "2026-06-01", ...o, registry: { dataUpdatedOn: null, ...o.registry } });
const decide = (e: EmployeeFacts, o: Partial<ApplicationFacts> = {}) =>
  decideApplication(application({ decision: defence, employees: [e], ...o })).employees[0]!;

describe("45-day exception", () => {
  it("reserves a new employee of a defence employer with data not updated, for 45 days", () => {
    const d = decide(newcomer());
    expect(d).toMatchObject({ verdict: "RESERVE", reasons: [], consumesLimit: true });
    expect(d.exception45).toEqual({ applied: true, waived: [{ code: "DATA_NOT_UPDATED", params: {} }] });
    expect(d.term).toEqual({ from: "2026-07-01", until: "2026-08-14", endsBy: "EXCEPTION_TERM" });
  });

  it("lifts WANTED (not under arts. 336/337) and both conditions together", () => {
    expect(decide(newcomer({ registry: { dataUpdatedOn: "2025-01-01", wanted: true } })).exception45).toEqual({
      applied: true,
      waived: [{ code: "WANTED", params: {} }],
    });
    const both = decide(newcomer({ registry: { registrationStatus: "WANTED", dataUpdatedOn: null } }));
    expect(both.verdict).toBe("RESERVE");
    expect(both.exception45).toMatchObject({
      applied: true,
      waived: [{ code: "DATA_NOT_UPDATED" }, { code: "WANTED" }],
    });
  });

  it("never for a person wanted under arts. 336/337", () => {
    const d = decide(newcomer({ registry: { dataUpdatedOn: "2025-01-01", wanted: true, wantedCriminal: true } }));
    expect(d.verdict).toBe("REFUSE");
    expect(d.reasons.map((r) => r.code)).toEqual(["WANTED"]);
    expect(d.exception45).toEqual({ applied: false, blockers: ["WANTED_CRIMINAL"] });
  });

  it("employment that began 45 days ago qualifies; 46 days does not", () => {
    expect(decide(newcomer({ hiredOn: "2026-05-17" })).exception45).toMatchObject({ applied: true });
    const late = decide(newcomer({ hiredOn: "2026-05-16" }));
    expect(late.verdict).toBe("REFUSE");
    expect(late.reasons.map((r) => r.code)).toEqual(["DATA_NOT_UPDATED"]);
    expect(late.exception45).toEqual({ applied: false, blockers: ["HIRED_TOO_LONG_AGO"] });
  });

  it("a transfer inside the enterprise does not make an old employee new", () => {
    const d = decide(
      newcomer({
        employments: [
          { startDate: "2024-03-01", endDate: "2026-06-19", suspended: false, salary: 3_000_000 },
          { startDate: "2026-06-20", endDate: null, suspended: false, salary: 3_000_000 },
        ],
      }),
    );
    expect(d.exception45).toEqual({ applied: false, blockers: ["HIRED_TOO_LONG_AGO"] });
  });

  it("once a year: again exactly a year after the last use, not a day earlier", () => {
    expect(decide(newcomer({ lastException45On: "2025-07-01" })).exception45).toMatchObject({ applied: true });
    expect(decide(newcomer({ lastException45On: "2025-07-02" })).exception45).toEqual({
      applied: false,
      blockers: ["USED_WITHIN_YEAR"],
    });
  });

  it("in force from 04.12.2025, not the day before", () => {
    const old = decision({ ...defence, decidedOn: "2025-01-01", validFrom: "2025-01-01", validUntil: "2026-12-31" });
    const hired = (date: string) => newcomer({ hiredOn: date });
    expect(decide(hired("2025-11-20"), { date: "2025-12-04", decision: old }).exception45).toMatchObject({
      applied: true,
    });
    expect(decide(hired("2025-11-20"), { date: "2025-12-03", decision: old }).exception45).toEqual({
      applied: false,
      blockers: ["NOT_IN_FORCE"],
    });
  });

  it.each([
    [{ limitCategory: "DEFENCE_100" as const, criteria: ["AVERAGE_SALARY", "NO_TAX_ARREARS", "STRATEGIC"] }, true],
    [
      { limitCategory: "DRONE_WEAPONS_100" as const, criteria: ["AVERAGE_SALARY", "NO_TAX_ARREARS", "STRATEGIC"] },
      true,
    ],
    [
      { limitCategory: "DEFAULT_50" as const, criteria: ["AVERAGE_SALARY", "NO_TAX_ARREARS", "ARMED_FORCES_SUPPLY"] },
      true,
    ],
    [
      {
        limitCategory: "DEFAULT_50" as const,
        criteria: ["AVERAGE_SALARY", "NO_TAX_ARREARS", "DEFENCE_INNOVATION_GRANT"],
      },
      true,
    ],
    [{ limitCategory: "DEFAULT_50" as const, criteria: ["AVERAGE_SALARY", "NO_TAX_ARREARS", "STRATEGIC"] }, false],
    [{ limitCategory: "LIFE_SUPPORT_75" as const, criteria: ["AVERAGE_SALARY", "NO_TAX_ARREARS", "DIIA_CITY"] }, false],
  ])("employer %j may use it: %s", (facts, allowed) => {
    const d = decide(newcomer(), { decision: decision(facts) });
    expect(d.exception45).toEqual(
      allowed ? expect.objectContaining({ applied: true }) : { applied: false, blockers: ["EMPLOYER_NOT_ELIGIBLE"] },
    );
  });

  it("reports every blocker at once", () => {
    const d = decide(
      newcomer({
        hiredOn: "2025-01-01",
        lastException45On: "2026-01-01",
        registry: { wanted: true, wantedCriminal: true },
      }),
      {
        decision: decision(),
      },
    );
    expect(d.exception45).toEqual({
      applied: false,
      blockers: ["EMPLOYER_NOT_ELIGIBLE", "WANTED_CRIMINAL", "HIRED_TOO_LONG_AGO", "USED_WITHIN_YEAR"],
    });
  });

  it("is not considered when any other condition fails", () => {
    const d = decide(newcomer({ salary: 1_000_000 }));
    expect(d.exception45).toBeNull();
    expect(d.reasons.map((r) => r.code)).toEqual(["DATA_NOT_UPDATED", "SALARY_BELOW_THRESHOLD"]);
  });

  it("takes a slot of the limit, and is refused over the limit", () => {
    const result = decideApplication(
      application({ decision: { ...defence, limitCount: 1 }, employees: [newcomer(), newcomer()] }),
    );
    expect(result.employees[0]).toMatchObject({ verdict: "RESERVE", consumesLimit: true });
    expect(result.employees[1]).toMatchObject({ verdict: "REFUSE", exception45: { applied: true } });
    expect(result.employees[1]!.reasons).toEqual([{ code: "QUOTA_EXCEEDED", params: { used: 1, limit: 1 } }]);
  });

  it("the 45 days never run past the decision's end", () => {
    const d = decide(newcomer(), { decision: { ...defence, validUntil: "2026-07-20" } });
    expect(d.term).toEqual({ from: "2026-07-01", until: "2026-07-20", endsBy: "DECISION_END" });
  });
});
