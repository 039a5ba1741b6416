import { describe, expect, it } from "vitest";
import {
  ADDITIONAL_CRITERIA,
  CRITERIA,
  MANDATORY_CRITERIA,
  SALARY_EXEMPTIONS,
  checkDecisionCriteria,
} from "./criteria";
import { LIMIT_CATEGORIES } from "./enums";
import { LIMIT_CATEGORY_LABELS, computeLimitCount } from "./limits";
import { rulesetFor, type Ruleset } from "./rulesets";

const problems = (input: Parameters<typeof checkDecisionCriteria>[0]) => {
  const result = checkDecisionCriteria(input);
  return result.ok ? [] : result.problems.map((p) => p.code);
};

describe("checkDecisionCriteria", () => {
  it("accepts both mandatory criteria and one additional", () => {
    expect(checkDecisionCriteria({ criteria: ["AVERAGE_SALARY", "NO_TAX_ARREARS", "DIIA_CITY"] })).toEqual({
      ok: true,
    });
  });

  it("accepts an exemption in place of the salary criterion, never in place of the tax one", () => {
    expect(
      checkDecisionCriteria({ criteria: ["NO_TAX_ARREARS", "STRATEGIC"], salaryExemption: "STATE_OR_COMMUNAL" }).ok,
    ).toBe(true);
    const result = checkDecisionCriteria({
      criteria: ["AVERAGE_SALARY", "STRATEGIC"],
      salaryExemption: "STATE_OR_COMMUNAL",
    });
    expect(result).toMatchObject({ ok: false, problems: [{ code: "MISSING_MANDATORY", criterion: "NO_TAX_ARREARS" }] });
  });

  it("refuses a missing mandatory criterion with a Ukrainian message naming it", () => {
    const result = checkDecisionCriteria({ criteria: ["NO_TAX_ARREARS", "STRATEGIC"] });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems).toHaveLength(1);
      expect(result.problems[0]).toMatchObject({ code: "MISSING_MANDATORY", criterion: "AVERAGE_SALARY" });
      expect(result.problems[0]!.message).toMatch(/Середня заробітна плата/);
    }
  });

  it("requires at least one additional criterion", () => {
    expect(problems({ criteria: ["AVERAGE_SALARY", "NO_TAX_ARREARS"] })).toEqual(["NO_ADDITIONAL"]);
  });

  it("reports every problem at once", () => {
    expect(problems({ criteria: [] })).toEqual(["MISSING_MANDATORY", "MISSING_MANDATORY", "NO_ADDITIONAL"]);
    expect(
      problems({ criteria: ["AVERAGE_SALARY", "AVERAGE_SALARY", "BOGUS", "NO_TAX_ARREARS", "STRATEGIC"] }),
    ).toEqual(["DUPLICATE_CRITERION", "UNKNOWN_CRITERION"]);
  });

  it("refuses an unknown exemption, and one the given ruleset does not know", () => {
    expect(problems({ criteria: ["NO_TAX_ARREARS", "STRATEGIC"], salaryExemption: "FRIENDS" })).toEqual([
      "UNKNOWN_EXEMPTION",
      "MISSING_MANDATORY",
    ]);
    const narrow: Ruleset = { ...rulesetFor("2026-07-01"), salaryExemptions: ["STATE_OR_COMMUNAL"] };
    expect(
      problems({ criteria: ["NO_TAX_ARREARS", "STRATEGIC"], salaryExemption: "DIIA_CITY_RESIDENT", ruleset: narrow }),
    ).toEqual(["EXEMPTION_NOT_IN_FORCE", "MISSING_MANDATORY"]);
  });

  it("has two mandatory criteria, six or more additional ones, five exemptions, all labelled in Ukrainian", () => {
    expect(MANDATORY_CRITERIA).toEqual(["AVERAGE_SALARY", "NO_TAX_ARREARS"]);
    expect(ADDITIONAL_CRITERIA.length).toBeGreaterThanOrEqual(6);
    expect(SALARY_EXEMPTIONS).toHaveLength(5);
    for (const item of [...CRITERIA, ...SALARY_EXEMPTIONS]) expect(item.label).toMatch(/[А-ЯІЇЄҐа-яіїєґ]/);
  });
});

describe("computeLimitCount", () => {
  const ruleset = rulesetFor("2026-07-01");

  it.each([
    ["DEFAULT_50", 100, 50],
    ["DEFAULT_50", 7, 3],
    ["DEFAULT_50", 1, 0],
    ["FRONTLINE_100", 7, 7],
    ["DRONE_WEAPONS_100", 123, 123],
    ["MEDICAL_100", 40, 40],
    ["LIFE_SUPPORT_75", 100, 75],
    ["LIFE_SUPPORT_75", 7, 5],
    ["UKRZALIZNYTSIA_80", 100, 80],
    ["UKRZALIZNYTSIA_80", 9, 7],
    ["DEFAULT_50", 0, 0],
  ] as const)("%s of %i military-liable → %i (rounded down)", (category, militaryLiableCount, expected) => {
    expect(computeLimitCount({ category, militaryLiableCount, ruleset })).toBe(expected);
  });

  it("counts the defence industry on the total headcount, not the military-liable", () => {
    expect(computeLimitCount({ category: "DEFENCE_100", militaryLiableCount: 60, headcount: 100, ruleset })).toBe(100);
    expect(computeLimitCount({ category: "DEFAULT_50", militaryLiableCount: 60, headcount: 100, ruleset })).toBe(30);
  });

  it("refuses the defence category without a headcount, or with one below the military-liable count", () => {
    expect(() => computeLimitCount({ category: "DEFENCE_100", militaryLiableCount: 60, ruleset })).toThrow(
      expect.objectContaining({ code: "VALIDATION_FAILED", fields: { headcount: expect.any(String) } }),
    );
    expect(() =>
      computeLimitCount({ category: "DEFENCE_100", militaryLiableCount: 60, headcount: 59, ruleset }),
    ).toThrow(expect.objectContaining({ code: "VALIDATION_FAILED" }));
  });

  it.each([-1, 1.5, Number.NaN])("refuses a count of %s", (count) => {
    expect(() => computeLimitCount({ category: "DEFAULT_50", militaryLiableCount: count, ruleset })).toThrow(
      expect.objectContaining({ code: "VALIDATION_FAILED" }),
    );
  });

  it("labels every category in Ukrainian", () => {
    for (const c of LIMIT_CATEGORIES) expect(LIMIT_CATEGORY_LABELS[c]).toMatch(/\d+ %/);
  });
});
