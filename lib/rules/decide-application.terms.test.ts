// Reservations here and elsewhere, extensions, age, terms, and the full list of reasons.
import { describe, expect, it } from "vitest";
import { decideApplication } from "./decide-application";
import type { ApplicationFacts, EmployeeFacts } from "./facts";
import type { ReasonCode } from "./outcomes";
import { OTHER_EDRPOU, EDRPOU, application, decision, employee, type EmployeeOverrides } from "./test-facts";

function decideOne(e: EmployeeFacts, overrides: Partial<ApplicationFacts> = {}) {
  return decideApplication(application({ employees: [e], ...overrides })).employees[0]!;
}
const codesOf = (o: EmployeeOverrides, app: Partial<ApplicationFacts> = {}): ReasonCode[] =>
  decideOne(employee(o), app).reasons.map((r) => r.code);

describe("RESERVED_ELSEWHERE and ALREADY_RESERVED", () => {
  it("an active reservation at another employer refuses; one that ended yesterday does not", () => {
    expect(codesOf({ reservations: [{ edrpou: OTHER_EDRPOU, from: "2026-01-01", until: "2026-07-01" }] })).toEqual([
      "RESERVED_ELSEWHERE",
    ]);
    expect(codesOf({ reservations: [{ edrpou: OTHER_EDRPOU, from: "2025-07-01", until: "2026-06-30" }] })).toEqual([]);
  });

  it("a reservation here with more than 30 days left is ALREADY_RESERVED with its end", () => {
    const d = decideOne(employee({ reservations: [{ edrpou: EDRPOU, from: "2026-01-01", until: "2026-08-01" }] }));
    expect(d.reasons).toEqual([{ code: "ALREADY_RESERVED", params: { until: "2026-08-01" } }]);
    expect(d.extension).toBe(false);
  });

  it("with 30 days or fewer left it is an extension that replaces the current one from today, with no gap", () => {
    const d = decideOne(employee({ reservations: [{ edrpou: EDRPOU, from: "2025-08-01", until: "2026-07-31" }] }));
    expect(d).toMatchObject({ verdict: "RESERVE", extension: true, consumesLimit: false });
    expect(d.term).toEqual({ from: "2026-07-01", until: "2027-06-30", endsBy: "MAX_TERM" });
    const lastDay = decideOne(
      employee({ reservations: [{ edrpou: EDRPOU, from: "2025-07-02", until: "2026-07-01" }] }),
    );
    expect(lastDay.term).toMatchObject({ from: "2026-07-01", until: "2027-06-30" });
  });

  it("an extension is refused when the decision ends before it could start", () => {
    const d = decideOne(employee({ reservations: [{ edrpou: EDRPOU, from: "2025-07-20", until: "2026-07-19" }] }), {
      decision: decision({ validUntil: "2026-07-19" }),
    });
    expect(d.reasons).toEqual([{ code: "ALREADY_RESERVED", params: { until: "2026-07-19" } }]);
    expect(d.extension).toBe(true);
  });
});

describe("AGE_OVER_LIMIT", () => {
  it("59 years and 364 days passes, the 60th birthday refuses", () => {
    expect(codesOf({ registry: { birthDate: "1966-07-02" } })).toEqual([]);
    const d = decideOne(employee({ registry: { birthDate: "1966-07-01" } }));
    expect(d.reasons).toEqual([{ code: "AGE_OVER_LIMIT", params: { ageLimit: 60, limitReachedOn: "2026-07-01" } }]);
  });

  it("the term ends the day before the 60th birthday", () => {
    expect(decideOne(employee({ registry: { birthDate: "1966-07-02" } })).term).toEqual({
      from: "2026-07-01",
      until: "2026-07-01",
      endsBy: "AGE_LIMIT",
    });
    expect(decideOne(employee({ registry: { birthDate: "1967-01-15" } })).term).toEqual({
      from: "2026-07-01",
      until: "2027-01-14",
      endsBy: "AGE_LIMIT",
    });
  });

  it("an extension that would start on the 60th birthday is refused for age", () => {
    const d = decideOne(
      employee({
        registry: { birthDate: "1966-07-21" },
        reservations: [{ edrpou: EDRPOU, from: "2025-07-21", until: "2026-07-20" }],
      }),
    );
    expect(d.reasons).toEqual([{ code: "AGE_OVER_LIMIT", params: { ageLimit: 60, limitReachedOn: "2026-07-21" } }]);
  });
});

describe("every failed condition is reported, in the spec's order", () => {
  it("lists them all", () => {
    const d = decideOne(
      employee({
        registry: { liability: "CONSCRIPT", dataUpdatedOn: null, wanted: true, birthDate: "1960-01-01" },
        employments: [],
        confirmedSalary: 1_000_000,
        reservations: [
          { edrpou: OTHER_EDRPOU, from: "2026-01-01", until: "2026-12-31" },
          { edrpou: EDRPOU, from: "2026-01-01", until: "2026-12-31" },
        ],
      }),
      { decision: null },
    );
    expect(d.reasons.map((r) => r.code)).toEqual([
      "ENTERPRISE_NOT_CRITICAL",
      "NOT_MILITARY_LIABLE",
      "DATA_NOT_UPDATED",
      "WANTED",
      "NOT_EMPLOYED",
      "SALARY_BELOW_THRESHOLD",
      "RESERVED_ELSEWHERE",
      "ALREADY_RESERVED",
      "AGE_OVER_LIMIT",
    ]);
    expect(d.verdict).toBe("REFUSE");
    expect(d.term).toBeNull();
  });
});

describe("terms", () => {
  it("12 months end the day before the same date next year, clamped to the month's end", () => {
    expect(decideOne(employee(), { date: "2026-08-31" }).term).toEqual({
      from: "2026-08-31",
      until: "2027-08-30",
      endsBy: "MAX_TERM",
    });
    const leap = decision({ decidedOn: "2027-06-01", validFrom: "2027-06-01", validUntil: "2029-12-31" });
    expect(decideOne(employee(), { date: "2028-02-29", decision: leap }).term).toEqual({
      from: "2028-02-29",
      until: "2029-02-27",
      endsBy: "MAX_TERM",
    });
  });

  it("never beyond the decision's end: a decision ending today gives a one-day term", () => {
    expect(decideOne(employee(), { decision: decision({ validUntil: "2026-07-01" }) }).term).toEqual({
      from: "2026-07-01",
      until: "2026-07-01",
      endsBy: "DECISION_END",
    });
    expect(decideOne(employee(), { decision: decision({ validUntil: "2027-06-30" }) }).term?.endsBy).toBe("MAX_TERM");
    expect(decideOne(employee(), { decision: decision({ validUntil: "2027-06-29" }) }).term).toMatchObject({
      until: "2027-06-29",
      endsBy: "DECISION_END",
    });
  });

  it("an extension, too, stops at the decision's end", () => {
    const d = decideOne(employee({ reservations: [{ edrpou: EDRPOU, from: "2025-07-20", until: "2026-07-19" }] }), {
      decision: decision({ validUntil: "2026-10-31" }),
    });
    expect(d.term).toEqual({ from: "2026-07-01", until: "2026-10-31", endsBy: "DECISION_END" });
  });

  it("a refused employee has no term", () => {
    expect(decideOne(employee({ registry: null })).term).toBeNull();
  });
});
