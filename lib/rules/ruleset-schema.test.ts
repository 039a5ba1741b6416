import { describe, expect, it } from "vitest";
import { applyRulesetChanges, diffRulesets, parseRuleset, ZRuleset, ZRulesetChanges } from "./ruleset-schema";
import { RULESETS, installRulesets, installedRulesets, rulesetFor } from "./rulesets";

const latest = RULESETS.at(-1)!;
const head = { version: "me-2027-01-01", effectiveFrom: "2027-01-01", title: "Тестова версія правил" };

describe("ZRuleset", () => {
  it("accepts every ruleset of the code (they are the seed and the fixtures)", () => {
    for (const r of RULESETS) expect(parseRuleset(JSON.parse(JSON.stringify(r)))).toEqual(r);
  });

  it("refuses negative figures, percentages over 100, unknown categories and a threshold that does not follow", () => {
    const bad = (patch: (r: Record<string, any>) => void) => {
      const r = JSON.parse(JSON.stringify(latest));
      patch(r);
      return ZRuleset.safeParse(r).success;
    };
    expect(bad(() => undefined)).toBe(true);
    expect(bad((r) => (r.limits.DEFAULT_50.percent = 101))).toBe(false);
    expect(bad((r) => (r.limits.DEFAULT_50.percent = 100))).toBe(true);
    expect(bad((r) => (r.limits.DEFAULT_50.percent = -1))).toBe(false);
    expect(bad((r) => (r.limits.BOGUS = { percent: 10, base: "MILITARY_LIABLE" }))).toBe(false);
    expect(bad((r) => (r.salary.general.threshold += 1))).toBe(false);
    expect(bad((r) => (r.annulmentSpacingDays = 0))).toBe(false);
    expect(bad((r) => delete r.limits.DEFAULT_50)).toBe(false);
    expect(bad((r) => (r.criteria.byCategory.MEDICAL_100 = { mandatory: [], minAdditional: 0, minTotal: 2 }))).toBe(
      true,
    );
    expect(
      bad((r) => (r.criteria.byCategory.MEDICAL_100 = { mandatory: ["NOPE"], minAdditional: 0, minTotal: 2 })),
    ).toBe(false);
  });
});

describe("a draft as a diff of the current version", () => {
  it("applies changes and reports exactly what differs", () => {
    const changes = ZRulesetChanges.parse({
      salary: { general: { minimumWage: 1_000_000, multiplierPercent: 300 } },
      annulmentSpacingDays: 7,
      limits: { LIFE_SUPPORT_75: { percent: 80, base: "MILITARY_LIABLE" } },
    });
    const next = applyRulesetChanges(latest, head, changes);
    expect(ZRuleset.safeParse(next).success).toBe(true);
    expect(diffRulesets(latest, next)).toEqual([
      { path: "annulmentSpacingDays", before: 5, after: 7 },
      { path: "limits.LIFE_SUPPORT_75.percent", before: 75, after: 80 },
      { path: "salary.general.minimumWage", before: 864_700, after: 1_000_000 },
      { path: "salary.general.threshold", before: 2_594_100, after: 3_000_000 },
    ]);
    expect(latest.salary.general.threshold).toBe(2_594_100);
  });

  it("removes a category with null and refuses an unknown one by name", () => {
    const next = applyRulesetChanges(latest, head, ZRulesetChanges.parse({ limits: { UKRZALIZNYTSIA_80: null } }));
    expect(next.limits.UKRZALIZNYTSIA_80).toBeUndefined();
    const unknown = ZRulesetChanges.safeParse({ limits: { BOGUS_100: { percent: 10, base: "MILITARY_LIABLE" } } });
    expect(unknown.success ? "" : unknown.error.issues[0]!.message).toBe("Невідома категорія ліміту: BOGUS_100");
    const negative = ZRulesetChanges.safeParse({ extensionWindowDays: -1 });
    expect(negative.success ? "" : negative.error.issues[0]!.message).toContain("від'ємним");
  });
});

describe("installRulesets", () => {
  it("answers rulesetFor from the installed versions and refuses two on one date", () => {
    const next = applyRulesetChanges(latest, head, ZRulesetChanges.parse({ maxTermMonths: 6 }));
    try {
      installRulesets([...RULESETS, next]);
      expect(rulesetFor("2026-12-31").version).toBe(latest.version);
      expect(rulesetFor("2027-01-01").maxTermMonths).toBe(6);
      expect(installedRulesets()).toHaveLength(RULESETS.length + 1);
      expect(() => installRulesets([...RULESETS, next, { ...next, version: "me-other" }])).toThrow(
        expect.objectContaining({ code: "RULESET_CONFLICT" }),
      );
    } finally {
      installRulesets(RULESETS);
    }
    expect(rulesetFor("2027-01-01").version).toBe(latest.version);
  });
});
