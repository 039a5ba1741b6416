// The 2026 amendments, each on the day before and the day it takes effect, and on both sides of
// every threshold it brings.
import { describe, expect, it } from "vitest";
import { checkAnnulmentSpacing } from "./annulment-spacing";
import { checkDecisionCriteria } from "./criteria";
import { computeLimitCount, limitCategoriesOf, limitRuleFor } from "./limits";
import { RULESETS, rulesetFor, type Ruleset } from "./rulesets";

const codes = (input: Parameters<typeof checkDecisionCriteria>[0]) => {
  const result = checkDecisionCriteria(input);
  return result.ok ? [] : result.problems.map((p) => p.code);
};

describe("annulment spacing: once per 5 calendar days from 01.02.2026", () => {
  const spacing = (date: string, lastFiledOn: string | null) =>
    checkAnnulmentSpacing({ date, lastFiledOn, ruleset: rulesetFor(date) });

  it("is not limited on 31.01.2026 and limited on 01.02.2026", () => {
    expect(rulesetFor("2026-01-31").annulmentSpacingDays).toBeNull();
    expect(rulesetFor("2026-02-01").annulmentSpacingDays).toBe(5);
    expect(spacing("2026-01-31", "2026-01-30")).toEqual({ allowed: true });
    expect(spacing("2026-02-01", "2026-01-31")).toEqual({
      allowed: false,
      spacingDays: 5,
      lastFiledOn: "2026-01-31",
      possibleFrom: "2026-02-05",
    });
  });

  it("refuses on the 4th day after the last filing and allows on the 5th", () => {
    expect(spacing("2026-02-10", "2026-02-10")).toMatchObject({ allowed: false, possibleFrom: "2026-02-15" });
    expect(spacing("2026-02-14", "2026-02-10")).toMatchObject({ allowed: false, possibleFrom: "2026-02-15" });
    expect(spacing("2026-02-15", "2026-02-10")).toEqual({ allowed: true });
    expect(spacing("2026-03-02", "2026-02-26")).toMatchObject({ allowed: false, possibleFrom: "2026-03-03" });
    expect(spacing("2026-03-03", "2026-02-26")).toEqual({ allowed: true });
  });

  it("allows the first filing and refuses bad dates", () => {
    expect(spacing("2026-07-01", null)).toEqual({ allowed: true });
    expect(() => spacing("2026-07-01", "2026-02-30")).toThrow(expect.objectContaining({ code: "RULES_INVALID_FACTS" }));
  });
});

describe("energy equipment producers from 05.02.2026: limit 100 %, two criteria", () => {
  it("has no such category on 04.02.2026 and has it on 05.02.2026", () => {
    const before = rulesetFor("2026-02-04");
    const on = rulesetFor("2026-02-05");
    expect(limitCategoriesOf(before)).not.toContain("ENERGY_EQUIPMENT_100");
    expect(() => limitRuleFor("ENERGY_EQUIPMENT_100", before)).toThrow(
      expect.objectContaining({ code: "LIMIT_CATEGORY_NOT_IN_FORCE", status: 400 }),
    );
    expect(limitRuleFor("ENERGY_EQUIPMENT_100", on)).toEqual({ percent: 100, base: "MILITARY_LIABLE" });
    expect(limitCategoriesOf(on)).toContain("ENERGY_EQUIPMENT_100");
    expect(rulesetFor("2026-07-01").limits.ENERGY_EQUIPMENT_100).toEqual({ percent: 100, base: "MILITARY_LIABLE" });
  });

  it("reserves every military-liable employee, not 50 % of them", () => {
    const on = rulesetFor("2026-02-05");
    expect(computeLimitCount({ category: "ENERGY_EQUIPMENT_100", militaryLiableCount: 7, ruleset: on })).toBe(7);
    expect(computeLimitCount({ category: "DEFAULT_50", militaryLiableCount: 7, ruleset: on })).toBe(3);
    expect(() =>
      computeLimitCount({
        category: "ENERGY_EQUIPMENT_100",
        militaryLiableCount: 7,
        ruleset: rulesetFor("2026-02-04"),
      }),
    ).toThrow(expect.objectContaining({ code: "LIMIT_CATEGORY_NOT_IN_FORCE" }));
  });

  it("needs two criteria, one is not enough; other categories still need three", () => {
    const on = rulesetFor("2026-02-05");
    const energy = { ruleset: on, limitCategory: "ENERGY_EQUIPMENT_100" as const };
    expect(codes({ ...energy, criteria: ["NO_TAX_ARREARS", "STRATEGIC"] })).toEqual([]);
    expect(codes({ ...energy, criteria: ["AVERAGE_SALARY", "NO_TAX_ARREARS"] })).toEqual([]);
    expect(codes({ ...energy, criteria: ["NO_TAX_ARREARS"], salaryExemption: "STATE_OR_COMMUNAL" })).toEqual([]);
    expect(codes({ ...energy, criteria: ["STRATEGIC"] })).toEqual(["TOO_FEW_CRITERIA"]);
    expect(codes({ ...energy, criteria: [] })).toEqual(["TOO_FEW_CRITERIA"]);
    expect(codes({ ruleset: on, limitCategory: "DEFAULT_50", criteria: ["NO_TAX_ARREARS", "STRATEGIC"] })).toEqual([
      "MISSING_MANDATORY",
    ]);
    expect(codes({ ruleset: on, limitCategory: "DEFAULT_50", criteria: ["AVERAGE_SALARY", "NO_TAX_ARREARS"] })).toEqual(
      ["NO_ADDITIONAL"],
    );
  });

  it("judges the two-criteria rule only from 05.02.2026", () => {
    const before = { ruleset: rulesetFor("2026-02-04"), limitCategory: "ENERGY_EQUIPMENT_100" as const };
    expect(codes({ ...before, criteria: ["NO_TAX_ARREARS", "STRATEGIC"] })).toEqual(["MISSING_MANDATORY"]);
    const message = checkDecisionCriteria({
      ruleset: rulesetFor("2026-02-05"),
      limitCategory: "ENERGY_EQUIPMENT_100",
      criteria: ["STRATEGIC"],
    });
    expect(message.ok ? "" : message.problems[0]!.message).toMatch(/щонайменше 2 критерії/);
  });
});

describe("mobilised employees in the limit base from 05.03.2025", () => {
  it("are not counted on 04.03.2025 and counted on 05.03.2025 and later", () => {
    expect(rulesetFor("2025-03-04").mobilisedInLimitBase).toBe(false);
    expect(rulesetFor("2025-03-05").mobilisedInLimitBase).toBe(true);
    expect(rulesetFor("2026-07-01").mobilisedInLimitBase).toBe(true);
  });
});

describe("each amendment is a diff of the previous ruleset", () => {
  const changed = (a: Ruleset, b: Ruleset) =>
    Object.keys(b)
      .filter((k) => JSON.stringify(a[k as keyof Ruleset]) !== JSON.stringify(b[k as keyof Ruleset]))
      .sort();

  it.each([
    ["res76-2025-03-05", ["effectiveFrom", "mobilisedInLimitBase", "title", "version"]],
    ["res1608-2026-02-01", ["annulmentSpacingDays", "effectiveFrom", "title", "version"]],
    ["res76-2026-02-05", ["criteria", "effectiveFrom", "limits", "title", "version"]],
  ])("%s changes only %j", (version, keys) => {
    const index = RULESETS.findIndex((r) => r.version === version);
    expect(index).toBeGreaterThan(0);
    expect(changed(RULESETS[index - 1]!, RULESETS[index]!)).toEqual(keys);
  });
});
