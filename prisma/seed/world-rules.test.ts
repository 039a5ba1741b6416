import { beforeAll, describe, expect, it } from "vitest";
import {
  decideApplication,
  type ApplicationFacts,
  type DecisionFacts,
  type EmployeeDecision,
  type ReasonCode,
} from "@/lib/rules";
import { addDays, addYears } from "./dates";
import { demoUser } from "./demo-users";
import { materializeWorld, TEST_TODAY, type MaterializedWorld } from "./test-world";
import type { DecisionRow, PersonBundle } from "./rows";
import { expectEvery } from "@/tests/support/expect-every";

// The seeded registry put through the real rules engine: whom Дія reserved must be someone the
// engine calls "already reserved" and nothing else, the demo's eligible conscript must pass,
// and the employees of critical enterprises must exercise every refusal the head can meet.

// Both shapes: the demo's, and the country's (national) at a small size.
describe.each(["demo", "national"] as const)("the seed in the %s shape under the rules engine", (shape) => {
  let world: MaterializedWorld;
  let verdicts: Map<string, Map<string, EmployeeDecision>>;

  beforeAll(() => {
    world = materializeWorld({ shape });
    const byPerson = new Map(world.bundles.map((b) => [b.person.rnokpp, b]));
    const employeesOf = new Map<string, PersonBundle[]>();
    for (const b of world.bundles)
      for (const edrpou of new Set(b.employments.map((j) => j.edrpou)))
        employeesOf.set(edrpou, [...(employeesOf.get(edrpou) ?? []), b]);
    verdicts = new Map();
    for (const enterprise of world.enterprises) {
      const people = employeesOf.get(enterprise.edrpou) ?? [];
      const activeHere = people.filter((p) =>
        p.marks.some((m) => m.status === "ACTIVE" && m.edrpou === enterprise.edrpou),
      ).length;
      const facts: ApplicationFacts = {
        date: TEST_TODAY,
        enterprise: {
          edrpou: enterprise.edrpou,
          frontline: enterprise.frontline,
          ownership: enterprise.ownership,
          stateShare: enterprise.stateShare,
          diiaCity: enterprise.diiaCity,
          liquidatedOn: null,
        },
        decision: decisionFacts(world.decisions.filter((d) => d.edrpou === enterprise.edrpou)),
        activeReservationsCount: activeHere,
        employees: people.map((p) => {
          const person = byPerson.get(p.person.rnokpp)!;
          const reg = person.registration;
          return {
            rnokpp: person.person.rnokpp,
            registry: {
              registrationStatus: reg?.status ?? "NOT_REGISTERED",
              liability: reg?.liability ?? "LIABLE",
              wanted: reg?.wanted ?? false,
              wantedCriminal: reg?.wantedCriminal ?? false,
              dataUpdatedOn: reg?.dataUpdatedOn ?? null,
              birthDate: person.person.birthDate,
            },
            employments: person.employments
              .filter((j) => j.edrpou === enterprise.edrpou)
              .map((j) => ({
                startDate: j.startDate,
                endDate: j.endDate,
                suspended: j.suspended,
                salary: Math.round(j.salary * 100),
              })),
            confirmedSalary: null,
            reservations: person.marks
              .filter((m) => m.status === "ACTIVE")
              .map((m) => ({ edrpou: m.edrpou, from: m.fromDate, until: m.untilDate })),
            lastException45On: null,
          };
        }),
      };
      const decision = decideApplication(facts, { applyLimit: false });
      verdicts.set(enterprise.edrpou, new Map(decision.employees.map((e) => [e.rnokpp, e])));
    }
  }, 120_000);

  /** The decision in force today, else the latest one (what the portal hands the engine). */
  function decisionFacts(decisions: DecisionRow[]): DecisionFacts | null {
    const sorted = [...decisions].sort((a, b) => b.validFrom.localeCompare(a.validFrom));
    const chosen =
      sorted.find((d) => d.status === "ACTIVE" && d.validFrom <= TEST_TODAY && d.validUntil >= TEST_TODAY) ?? sorted[0];
    if (!chosen) return null;
    return {
      status: chosen.status,
      decidedOn: chosen.decidedOn,
      validFrom: chosen.validFrom,
      validUntil: chosen.validUntil,
      revokedOn: chosen.revokedAt?.slice(0, 10) ?? null,
      limitCategory: chosen.limitCategory,
      limitCount: chosen.limitCount,
      criteria: chosen.criteria,
      salaryExemption: chosen.salaryExemption,
    };
  }

  const codes = (decision: EmployeeDecision | undefined) => (decision?.reasons ?? []).map((r) => r.code);

  describe("rules", () => {
    it("has Дія reserve only people whose one obstacle now is that reservation", () => {
      const wrong: string[] = [];
      for (const b of world.bundles) {
        for (const mark of b.marks.filter((m) => m.status === "ACTIVE")) {
          const decision = verdicts.get(mark.edrpou)!.get(b.person.rnokpp);
          // A reservation cut short by the 60th birthday cannot be extended: the engine says so by age.
          const endsAt60 = mark.untilDate === addDays(addYears(b.person.birthDate, 60), -1);
          const allowed = (code: ReasonCode) => code === "ALREADY_RESERVED" || (code === "AGE_OVER_LIMIT" && endsAt60);
          const ok = decision && (decision.verdict === "RESERVE" ? decision.extension : codes(decision).every(allowed));
          if (!ok)
            wrong.push(`${b.person.rnokpp} at ${mark.edrpou}: ${decision?.verdict} ${codes(decision).join(",")}`);
        }
      }
      expect(wrong).toEqual([]);
    });

    it("lets the demo head reserve the eligible demo conscript and refuses the reserved one as already reserved", () => {
      const big = verdicts.get(demoUser("head-big").edrpou!)!;
      const eligible = big.get(demoUser("conscript-eligible").rnokpp)!;
      expect(eligible.verdict).toBe("RESERVE");
      expect(eligible.extension).toBe(false);
      expect(codes(big.get(demoUser("conscript-reserved").rnokpp))).toEqual(["ALREADY_RESERVED"]);
    });

    it("gives the employees of the demo enterprises every refusal a head can meet", () => {
      const seen = new Set<ReasonCode>();
      for (const byPerson of verdicts.values())
        for (const decision of byPerson.values()) for (const code of codes(decision)) seen.add(code);
      for (const code of [
        "ENTERPRISE_NOT_CRITICAL",
        "NOT_MILITARY_LIABLE",
        "DATA_NOT_UPDATED",
        "WANTED",
        "NOT_EMPLOYED",
        "SALARY_BELOW_THRESHOLD",
        "RESERVED_ELSEWHERE",
        "ALREADY_RESERVED",
        "AGE_OVER_LIMIT",
      ] as const) {
        expect(seen.has(code), code).toBe(true);
      }
      const nonCritical = [...verdicts.get(demoUser("head-noncritical").edrpou!)!.values()];
      // Former employees are strangers now: they get the one generic refusal and nothing else.
      const current = nonCritical.filter((d) => !codes(d).includes("NOT_AN_EMPLOYEE"));
      expect(current.length).toBeGreaterThan(0);
      expectEvery(current, (d) => codes(d).includes("ENTERPRISE_NOT_CRITICAL"));
    });

    it("leaves the big enterprise room under its limit, and more eligible people than room", () => {
      const edrpou = demoUser("head-big").edrpou!;
      const decision = world.decisions.find((d) => d.edrpou === edrpou && d.validUntil >= TEST_TODAY)!;
      const reserved = world.bundles.filter((b) =>
        b.marks.some((m) => m.status === "ACTIVE" && m.edrpou === edrpou),
      ).length;
      const eligible = [...verdicts.get(edrpou)!.values()].filter(
        (d) => d.verdict === "RESERVE" && !d.extension,
      ).length;
      const room = decision.limitCount - reserved;
      expect(room).toBeGreaterThan(100);
      expect(eligible).toBeGreaterThan(room);
    });
  });
});
