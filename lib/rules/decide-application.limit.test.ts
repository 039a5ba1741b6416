// The limit in the head's order, extensions, the same list on two dates, determinism.
import { describe, expect, it } from "vitest";
import { decideApplication } from "./decide-application";
import { EDRPOU, application, decision, employee, enterprise } from "./test-facts";
import { expectEvery } from "@/tests/support/expect-every";

const eligible = () => employee();
const tooPoor = () => employee({ salary: 1_000_000 });
const extending = () => employee({ reservations: [{ edrpou: EDRPOU, from: "2025-07-15", until: "2026-07-14" }] });

describe("the limit", () => {
  it("is applied in the listed order; ineligible employees take no slot", () => {
    const employees = [tooPoor(), eligible(), tooPoor(), eligible(), eligible(), tooPoor(), eligible()];
    const result = decideApplication(
      application({ decision: decision({ limitCount: 5 }), activeReservationsCount: 3, employees }),
    );
    expect(result.employees.map((e) => e.verdict)).toEqual([
      "REFUSE",
      "RESERVE",
      "REFUSE",
      "RESERVE",
      "REFUSE",
      "REFUSE",
      "REFUSE",
    ]);
    expect(result.employees.map((e) => e.reasons.map((r) => r.code))).toEqual([
      ["SALARY_BELOW_THRESHOLD"],
      [],
      ["SALARY_BELOW_THRESHOLD"],
      [],
      ["QUOTA_EXCEEDED"],
      ["SALARY_BELOW_THRESHOLD"],
      ["QUOTA_EXCEEDED"],
    ]);
    expect(result.employees[4]!.reasons[0]).toEqual({ code: "QUOTA_EXCEEDED", params: { used: 5, limit: 5 } });
    expect(result.employees.map((e) => e.consumesLimit)).toEqual([false, true, false, true, false, false, false]);
    expect(result.limit).toEqual({ total: 5, usedBefore: 3, usedAfter: 5, availableBefore: 2, availableAfter: 0 });
    expect(result.counts).toEqual({ reserve: 2, refuse: 5 });
  });

  it("a different order gives the slots to different people", () => {
    const [a, b, c] = [eligible(), eligible(), eligible()];
    const first = decideApplication(application({ decision: decision({ limitCount: 2 }), employees: [a, b, c] }));
    const second = decideApplication(application({ decision: decision({ limitCount: 2 }), employees: [c, b, a] }));
    expect(first.employees.filter((e) => e.verdict === "RESERVE").map((e) => e.rnokpp)).toEqual([a.rnokpp, b.rnokpp]);
    expect(second.employees.filter((e) => e.verdict === "RESERVE").map((e) => e.rnokpp)).toEqual([c.rnokpp, b.rnokpp]);
  });

  it("exactly filling the limit passes, one more is refused", () => {
    const full = decideApplication(
      application({ decision: decision({ limitCount: 3 }), activeReservationsCount: 2, employees: [eligible()] }),
    );
    expect(full.employees[0]!.verdict).toBe("RESERVE");
    const over = decideApplication(
      application({ decision: decision({ limitCount: 3 }), activeReservationsCount: 3, employees: [eligible()] }),
    );
    expect(over.employees[0]!.reasons).toEqual([{ code: "QUOTA_EXCEEDED", params: { used: 3, limit: 3 } }]);
  });

  it("an extension keeps its slot, even when the limit is exhausted", () => {
    const result = decideApplication(
      application({
        decision: decision({ limitCount: 4 }),
        activeReservationsCount: 4,
        employees: [extending(), eligible()],
      }),
    );
    expect(result.employees[0]).toMatchObject({ verdict: "RESERVE", extension: true, consumesLimit: false });
    expect(result.employees[0]!.term).toMatchObject({ from: "2026-07-01" });
    expect(result.employees[1]!.reasons.map((r) => r.code)).toEqual(["QUOTA_EXCEEDED"]);
    expect(result.limit).toMatchObject({ usedBefore: 4, usedAfter: 4, availableAfter: 0 });
  });

  it("after the limit was lowered below usage, nothing new fits and the figures say so", () => {
    const result = decideApplication(
      application({ decision: decision({ limitCount: 5 }), activeReservationsCount: 8, employees: [eligible()] }),
    );
    expect(result.employees[0]!.reasons).toEqual([{ code: "QUOTA_EXCEEDED", params: { used: 8, limit: 5 } }]);
    expect(result.limit).toEqual({ total: 5, usedBefore: 8, usedAfter: 8, availableBefore: 0, availableAfter: 0 });
  });

  it("an enterprise that is not critical has no limit and reserves nobody", () => {
    const result = decideApplication(application({ decision: null, employees: [eligible(), eligible()] }));
    expect(result.limit.total).toBe(0);
    expectEvery(result.employees, (e) => e.reasons.map((r) => r.code).join() === "ENTERPRISE_NOT_CRITICAL");
  });

  it("can be left out to judge each employee on their own (an employee list, not an application)", () => {
    const facts = application({
      decision: decision({ limitCount: 1 }),
      activeReservationsCount: 1,
      employees: [eligible(), tooPoor(), eligible()],
    });
    const result = decideApplication(facts, { applyLimit: false });
    expect(result.employees.map((e) => e.verdict)).toEqual(["RESERVE", "REFUSE", "RESERVE"]);
    expectEvery(result.employees, (e) => !e.consumesLimit);
    expect(result.limit).toEqual({ total: 1, usedBefore: 1, usedAfter: 1, availableBefore: 0, availableAfter: 0 });
    expect(decideApplication(facts).employees.map((e) => e.verdict)).toEqual(["REFUSE", "REFUSE", "REFUSE"]);
  });

  it("handles a 10,000-employee list in order (its speed is measured by npm run bench, not here)", () => {
    const employees = Array.from({ length: 10_000 }, (_, i) => (i % 3 === 0 ? tooPoor() : eligible()));
    const unique = employees.map((e, i) => ({ ...e, rnokpp: String(1_000_000_000 + i) }));
    const result = decideApplication(application({ decision: decision({ limitCount: 5_000 }), employees: unique }));
    expect(result.limit.usedAfter).toBe(5_000);
    expect(result.counts.reserve).toBe(5_000);
    const lastReserved = result.employees.filter((e) => e.verdict === "RESERVE").at(-1)!.position;
    expectEvery(result.employees.slice(lastReserved + 1), (e) => e.verdict === "REFUSE");
  });
});

describe("caller errors", () => {
  it("a person listed twice is refused as a whole", () => {
    const e = eligible();
    expect(() => decideApplication(application({ employees: [e, eligible(), { ...e }] }))).toThrow(
      expect.objectContaining({ code: "DUPLICATE_EMPLOYEE", details: { rnokpp: e.rnokpp, positions: [0, 2] } }),
    );
  });

  it.each([
    ["a bad date", { date: "2026-02-30" }],
    ["a negative usage", { activeReservationsCount: -1 }],
    ["a fractional limit", { decision: decision({ limitCount: 2.5 }) }],
    [
      "a decision ending before it starts",
      { decision: decision({ validFrom: "2026-06-01", validUntil: "2026-05-31" }) },
    ],
    ["a salary in hryvnias with decimals", { employees: [employee({ salary: 25941.5 })] }],
    ["a bad birth date", { employees: [employee({ registry: { birthDate: "1985-02-30" } })] }],
  ])("%s is a bug upstream, not a decision", (_, overrides) => {
    expect(() => decideApplication(application(overrides))).toThrow(
      expect.objectContaining({ code: "RULES_INVALID_FACTS", status: 500 }),
    );
  });

  it("a date before any ruleset", () => {
    expect(() => decideApplication(application({ date: "2024-11-30" }))).toThrow(
      expect.objectContaining({ code: "RULESET_NOT_FOUND" }),
    );
  });
});

describe("the same list on 2025-06-01 and 2026-07-01", () => {
  // A decision valid across both dates, made before 30.05.2026 (so Resolution 692 caps it).
  const longDecision = decision({ decidedOn: "2025-05-01", validFrom: "2025-05-01", validUntil: "2026-12-31" });
  const salaries = [2_000_000, 2_161_750, 2_200_000, 2_594_099, 2_594_100];
  const employees = salaries.map((salary) => employee({ salary }));

  it("general enterprise: 20 000 then 25 941 grn", () => {
    const june2025 = decideApplication(application({ date: "2025-06-01", decision: longDecision, employees }));
    const july2026 = decideApplication(application({ date: "2026-07-01", decision: longDecision, employees }));
    expect(june2025.rulesetVersion).toBe("res76-2025-03-05");
    expect(july2026.rulesetVersion).toBe("res692-2026-05-30");
    expect(june2025.employees.map((e) => e.verdict)).toEqual(["RESERVE", "RESERVE", "RESERVE", "RESERVE", "RESERVE"]);
    expect(july2026.employees.map((e) => e.verdict)).toEqual(["REFUSE", "REFUSE", "REFUSE", "REFUSE", "RESERVE"]);
    expect(july2026.employees[0]!.reasons).toEqual([
      { code: "SALARY_BELOW_THRESHOLD", params: { threshold: 2_594_100, salary: 2_000_000 } },
    ]);
    // 12 months in 2025 (the decision's own end is later); capped at 01.09.2026 by Resolution 692 in 2026.
    expect(june2025.employees[0]!.term).toEqual({ from: "2025-06-01", until: "2026-05-31", endsBy: "MAX_TERM" });
    expect(july2026.employees[4]!.term).toEqual({ from: "2026-07-01", until: "2026-09-01", endsBy: "DECISION_END" });
  });

  it("frontline enterprise: 20 000 then 21 617,50 grn", () => {
    const frontline = enterprise({ frontline: true });
    const july2026 = decideApplication(
      application({ date: "2026-07-01", enterprise: frontline, decision: longDecision, employees }),
    );
    expect(july2026.enterprise.salaryThreshold).toBe(2_161_750);
    expect(july2026.employees.map((e) => e.verdict)).toEqual(["REFUSE", "RESERVE", "RESERVE", "RESERVE", "RESERVE"]);
  });

  it("between 01.01.2026 and 29.05.2026: 21 617,50 grn, without the 692 cap", () => {
    const march = decideApplication(application({ date: "2026-03-01", decision: longDecision, employees }));
    expect(march.employees.map((e) => e.verdict)).toEqual(["REFUSE", "RESERVE", "RESERVE", "RESERVE", "RESERVE"]);
    expect(march.employees[1]!.term).toEqual({ from: "2026-03-01", until: "2026-12-31", endsBy: "DECISION_END" });
  });
});

describe("determinism", () => {
  it("the same facts give the same decision, and the facts are not changed", () => {
    const facts = application({
      decision: decision({ limitCount: 2 }),
      employees: [eligible(), tooPoor(), extending(), eligible(), eligible(), employee({ registry: null })],
    });
    const snapshot = structuredClone(facts);
    const first = decideApplication(facts);
    const second = decideApplication(structuredClone(facts));
    expect(second).toEqual(first);
    expect(JSON.stringify(second)).toBe(JSON.stringify(first));
    expect(facts).toEqual(snapshot);
  });
});
