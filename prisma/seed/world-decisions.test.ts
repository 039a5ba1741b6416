import { beforeAll, describe, expect, it } from "vitest";
import { checkDecisionCriteria } from "@/lib/rules/criteria";
import { LIMIT_CATEGORIES } from "@/lib/rules/enums";
import { findSector } from "./data/sectors";
import { addDays, addMonths, ageOn } from "./dates";
import { countsInBase } from "./reservation-marks";
import { materializeWorld, TEST_TODAY, type MaterializedWorld } from "./test-world";
import type { DecisionRow } from "./rows";

let world: MaterializedWorld;
beforeAll(() => {
  world = materializeWorld();
});

const inForceOn = (d: DecisionRow, day: string) => d.status === "ACTIVE" && d.validFrom <= day && d.validUntil >= day;

/** Properties every world must have, whatever its size and its day. */
function checkDecisions(w: MaterializedWorld, today: string): string[] {
  const problems: string[] = [];
  const authorities = new Map(w.authorities.map((a) => [a.id, a]));
  const numbers = new Set<string>();
  const byEnterprise = new Map<string, DecisionRow[]>();
  for (const d of w.decisions) {
    const enterprise = w.enterpriseByEdrpou.get(d.edrpou)!;
    const authority = authorities.get(d.authorityId)!;
    const label = `${d.number} ${enterprise.shortName}`;
    const section = findSector(enterprise.sectorKey).section;
    const plausible =
      authority.kind === "REGIONAL_ADMINISTRATION"
        ? authority.region === enterprise.region
        : authority.kvedSections.includes(section);
    if (!plausible)
      problems.push(`${label}: ${authority.shortName} does not decide for section ${section} / ${enterprise.region}`);
    if (numbers.has(`${d.authorityId}:${d.number}`)) problems.push(`${label}: number reused`);
    numbers.add(`${d.authorityId}:${d.number}`);
    if (d.validFrom !== d.decidedOn || d.validUntil < d.validFrom)
      problems.push(`${label}: validity ${d.validFrom}–${d.validUntil}`);
    if (d.validUntil > addDays(addMonths(d.decidedOn, 12), -1)) problems.push(`${label}: longer than a year`);
    if (d.decidedOn < "2026-05-30" && d.validUntil > "2026-09-01")
      problems.push(`${label}: breaks Resolution 692 (${d.decidedOn} → ${d.validUntil})`);
    if (d.decidedOn >= today) problems.push(`${label}: decided in the future`);
    const check = checkDecisionCriteria({ criteria: d.criteria, salaryExemption: d.salaryExemption });
    if (!check.ok) problems.push(`${label}: ${check.problems.map((p) => p.message).join("; ")}`);
    if (d.militaryLiableCount > d.headcount) problems.push(`${label}: more military-liable than employees`);
    const base = d.limitCategory === "DEFENCE_100" ? d.headcount : d.militaryLiableCount;
    if (d.limitCount !== Math.floor((base * d.limitPercent) / 100))
      problems.push(`${label}: limit ${d.limitCount} ≠ ${d.limitPercent}% of ${base}`);
    if (
      d.status === "REVOKED" &&
      (!d.revocationReason ||
        !d.revokedAt ||
        d.revokedAt.slice(0, 10) <= d.decidedOn ||
        d.revokedAt.slice(0, 10) >= today)
    )
      problems.push(`${label}: revocation incomplete`);
    byEnterprise.set(d.edrpou, [...(byEnterprise.get(d.edrpou) ?? []), d]);
  }
  for (const [edrpou, list] of byEnterprise) {
    const sorted = [...list].sort((a, b) => a.validFrom.localeCompare(b.validFrom));
    for (let i = 1; i < sorted.length; i++)
      if (sorted[i]!.validFrom <= sorted[i - 1]!.validUntil) problems.push(`${edrpou}: overlapping decisions`);
  }
  const inForce = w.decisions.filter((d) => inForceOn(d, today));
  // The energy-equipment category (05.02.2026) is made by officials in the demo, not generated.
  for (const category of LIMIT_CATEGORIES.filter((c) => c !== "ENERGY_EQUIPMENT_100"))
    if (!inForce.some((d) => d.limitCategory === category)) problems.push(`no ${category} decision in force`);
  if (w.decisions.filter((d) => d.status === "REVOKED").length !== 1) problems.push("not exactly one revoked decision");
  return problems;
}

describe("critical-status decisions of the default world", () => {
  it("are coherent: plausible authority, numbering, validity, Resolution 692, criteria, limits", () => {
    expect(checkDecisions(world, TEST_TODAY)).toEqual([]);
  });

  it("make a third of the enterprises critical (the demo's fixed ones among them), the demo enterprises as documented", () => {
    const critical = new Set(world.decisions.map((d) => d.edrpou));
    const fixedCritical = world.enterprises.filter((e) => e.fixed !== null && e.fixed !== "nonCritical");
    expect(fixedCritical.length).toBeGreaterThan(0);
    expect(fixedCritical.filter((e) => !critical.has(e.edrpou)).map((e) => e.fixed)).toEqual([]);
    expect(critical.size).toBe(Math.max(fixedCritical.length, Math.round(world.enterprises.length / 3)));
    const fixed = (kind: string) => world.enterprises.find((e) => e.fixed === kind)!.edrpou;
    const inForce = (edrpou: string) => world.decisions.find((d) => d.edrpou === edrpou && inForceOn(d, TEST_TODAY));
    expect(inForce(fixed("big"))?.limitCategory).toBe("DEFAULT_50");
    expect(inForce(fixed("small"))).toBeDefined();
    expect(inForce(fixed("ukrzaliznytsia"))?.limitCategory).toBe("UKRZALIZNYTSIA_80");
    expect(world.decisions.filter((d) => d.edrpou === fixed("nonCritical"))).toEqual([]);
  });

  it("include expired ones of several categories and enterprises that lost their status", () => {
    const expired = world.decisions.filter((d) => d.status === "ACTIVE" && d.validUntil < TEST_TODAY);
    expect(expired.length).toBeGreaterThan(10);
    expect(new Set(expired.map((d) => d.limitCategory)).size).toBeGreaterThanOrEqual(3);
    const lapsed = [...new Set(expired.map((d) => d.edrpou))].filter(
      (edrpou) => !world.decisions.some((d) => d.edrpou === edrpou && inForceOn(d, TEST_TODAY)),
    );
    expect(lapsed.length).toBeGreaterThan(3);
    const soon = world.decisions.filter((d) => inForceOn(d, TEST_TODAY) && d.validUntil < addDays(TEST_TODAY, 30));
    expect(soon.length).toBeGreaterThan(0);
  });

  it("state the real military-liable base of the enterprise for the decision in force", () => {
    const base = new Map<string, number>();
    for (const b of world.bundles) {
      const main = b.employments.find((j) => j.mainJob && j.endDate === null);
      if (main && countsInBase(b.person.sex, ageOn(b.person.birthDate, TEST_TODAY), b.registration))
        base.set(main.edrpou, (base.get(main.edrpou) ?? 0) + 1);
    }
    const mismatched = world.decisions.filter(
      (d) => inForceOn(d, TEST_TODAY) && d.militaryLiableCount !== (base.get(d.edrpou) ?? 0),
    );
    expect(mismatched.map((d) => d.edrpou)).toEqual([]);
  });

  it("carry their history as events: granted, revoked, expired", () => {
    const kinds = (d: DecisionRow) =>
      world.events
        .filter((e) => e.decisionId === d.id)
        .map((e) => e.kind)
        .sort();
    for (const d of world.decisions) {
      const expected =
        d.status === "REVOKED"
          ? ["GRANTED", "REVOKED"]
          : d.validUntil < TEST_TODAY
            ? ["EXPIRED", "GRANTED"]
            : ["GRANTED"];
      expect(kinds(d), d.number).toEqual(expected);
    }
  });
});

describe("other days and sizes", () => {
  it.each(["2025-08-01", "2026-06-15", "2026-09-10", "2027-03-01"])("stay coherent when today is %s", (today) => {
    const w = materializeWorld({ persons: 10_000, today });
    expect(checkDecisions(w, today)).toEqual([]);
    const marks = w.bundles.flatMap((b) => b.marks.filter((m) => m.status === "ACTIVE"));
    expect(marks.filter((m) => m.fromDate >= today || m.untilDate < today)).toEqual([]);
  });

  it("scale the smallest registry down without losing a post: the big enterprise shrinks, all posts filled", () => {
    const w = materializeWorld({ persons: 10_000 });
    const big = w.enterprises.find((e) => e.fixed === "big")!;
    expect(w.state.counters.headcount[big.index]).toBe(w.sizes[big.index]);
    expect(w.sizes[big.index]).toBeLessThan(10_000);
    expect(w.bundles).toHaveLength(10_000);
  });
});
