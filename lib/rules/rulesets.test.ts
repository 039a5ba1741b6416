import { describe, expect, it } from "vitest";
import * as prismaEnums from "@/lib/db/generated/enums";
import { DECISION_STATUSES, LIABILITY_TYPES, LIMIT_CATEGORIES, OWNERSHIP_FORMS, REGISTRATION_STATUSES } from "./enums";
import { RULESETS, rulesetByVersion, rulesetFor, salaryThresholdFor } from "./rulesets";

describe("salary threshold table of the spec", () => {
  it.each([
    ["2024-12-01", false, 2_000_000],
    ["2025-06-01", false, 2_000_000],
    ["2025-12-31", false, 2_000_000],
    ["2026-01-01", false, 2_161_750],
    ["2026-05-29", false, 2_161_750],
    ["2026-05-29", true, 2_161_750],
    ["2026-05-30", false, 2_594_100],
    ["2026-05-30", true, 2_161_750],
    ["2026-07-01", false, 2_594_100],
    ["2026-07-01", true, 2_161_750],
    ["2030-01-01", false, 2_594_100],
  ])("on %s (frontline %s) the threshold is %i kopiykas", (date, frontline, kopiykas) => {
    expect(salaryThresholdFor(rulesetFor(date), frontline).threshold).toBe(kopiykas);
  });

  it("derives each threshold from the minimum wage and multiplier exactly", () => {
    for (const r of RULESETS) {
      for (const t of [r.salary.general, r.salary.frontline]) {
        expect(t.threshold * 100).toBe(t.minimumWage * t.multiplierPercent);
      }
    }
    expect(rulesetFor("2026-05-30").salary.general).toEqual({
      minimumWage: 864_700,
      multiplierPercent: 300,
      threshold: 2_594_100,
    });
    expect(rulesetFor("2025-06-01").salary.general).toEqual({
      minimumWage: 800_000,
      multiplierPercent: 250,
      threshold: 2_000_000,
    });
  });
});

describe("rulesetFor", () => {
  it("picks the ruleset in force, switching on its first day", () => {
    expect(rulesetFor("2025-03-04").version).toBe("res76-2024-12-01");
    expect(rulesetFor("2025-03-05").version).toBe("res76-2025-03-05");
    expect(rulesetFor("2025-12-03").version).toBe("res76-2025-03-05");
    expect(rulesetFor("2025-12-04").version).toBe("law4630-2025-12-04");
    expect(rulesetFor("2025-12-31").version).toBe("law4630-2025-12-04");
    expect(rulesetFor("2026-01-01").version).toBe("res76-2026-01-01");
    expect(rulesetFor("2026-01-31").version).toBe("res76-2026-01-01");
    expect(rulesetFor("2026-02-01").version).toBe("res1608-2026-02-01");
    expect(rulesetFor("2026-02-04").version).toBe("res1608-2026-02-01");
    expect(rulesetFor("2026-02-05").version).toBe("res76-2026-02-05");
    expect(rulesetFor("2026-05-29").version).toBe("res76-2026-02-05");
    expect(rulesetFor("2026-05-30").version).toBe("res692-2026-05-30");
  });

  it("carries the 45-day exception from 04.12.2025 and the 692 cap from 30.05.2026", () => {
    expect(rulesetFor("2025-12-03").exception45).toBeNull();
    expect(rulesetFor("2025-12-04").exception45).toMatchObject({ termDays: 45, hiredWithinDays: 45, onceInMonths: 12 });
    expect(rulesetFor("2026-05-29").decisionCaps).toEqual([]);
    expect(rulesetFor("2026-05-30").decisionCaps).toEqual([
      expect.objectContaining({ decidedBefore: "2026-05-30", endsNoLaterThan: "2026-09-01" }),
    ]);
  });

  it("keeps the constants of Resolution 76 in every ruleset", () => {
    for (const r of RULESETS) {
      expect(r.ageLimit).toBe(60);
      expect(r.maxTermMonths).toBe(12);
      expect(r.extensionWindowDays).toBe(30);
      expect(r.limits.DEFAULT_50?.percent).toBe(50);
    }
  });

  it("refuses a date before the first ruleset or not a date", () => {
    expect(() => rulesetFor("2024-11-30")).toThrow(expect.objectContaining({ code: "RULESET_NOT_FOUND" }));
    expect(() => rulesetFor("2026-02-30")).toThrow(expect.objectContaining({ code: "RULES_INVALID_FACTS" }));
  });

  it("finds a ruleset by the version a decision recorded", () => {
    expect(rulesetByVersion("res692-2026-05-30").effectiveFrom).toBe("2026-05-30");
    expect(() => rulesetByVersion("nope")).toThrow(expect.objectContaining({ code: "RULESET_NOT_FOUND" }));
  });

  it("has unique versions in date order, frozen against callers", () => {
    const versions = RULESETS.map((r) => r.version);
    expect(new Set(versions).size).toBe(versions.length);
    const dates = RULESETS.map((r) => r.effectiveFrom);
    expect([...dates].sort()).toEqual(dates);
    const r = rulesetFor("2026-07-01");
    expect(Object.isFrozen(r) && Object.isFrozen(r.salary.general) && Object.isFrozen(r.limits)).toBe(true);
    expect(() => {
      (r as { ageLimit: number }).ageLimit = 65;
    }).toThrow(TypeError);
  });
});

describe("enum values match the Prisma schema", () => {
  it.each([
    ["RegistrationStatus", REGISTRATION_STATUSES],
    ["LiabilityType", LIABILITY_TYPES],
    ["OwnershipForm", OWNERSHIP_FORMS],
    ["LimitCategory", LIMIT_CATEGORIES],
    ["DecisionStatus", DECISION_STATUSES],
  ] as const)("%s", (name, values) => {
    expect([...values].sort()).toEqual(Object.values(prismaEnums[name]).sort());
  });
});
