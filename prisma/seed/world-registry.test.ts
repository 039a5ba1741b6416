import { beforeAll, describe, expect, it } from "vitest";
import { ageOn } from "./dates";
import { THRESHOLD_EDGE_SALARIES } from "./generate-job";
import { looksReservable } from "./reservation-marks";
import { materializeWorld, TEST_TODAY, type MaterializedWorld } from "./test-world";
import type { PersonBundle } from "./rows";

let world: MaterializedWorld;
let adults: Array<PersonBundle & { age: number }>;
beforeAll(() => {
  world = materializeWorld();
  adults = world.bundles.map((b) => ({ ...b, age: ageOn(b.person.birthDate, TEST_TODAY) }));
});

const share = (part: number, whole: number) => part / Math.max(whole, 1);

describe("people", () => {
  it("are adults of every age up to 80, about half of them men", () => {
    const ages = adults.map((p) => p.age);
    expect(Math.min(...ages)).toBe(18);
    expect(Math.max(...ages)).toBeLessThanOrEqual(80);
    expect(ages.filter((age) => age < 25).length).toBeGreaterThan(1500);
    expect(ages.filter((age) => age >= 60).length).toBeGreaterThan(4000);
    expect(share(adults.filter((p) => p.person.sex === "MALE").length, adults.length)).toBeGreaterThan(0.46);
    expect(share(adults.filter((p) => p.person.sex === "MALE").length, adults.length)).toBeLessThan(0.54);
  });
});

describe("military registration", () => {
  it("puts every man on the register in some status and most women off it", () => {
    const men = adults.filter((p) => p.person.sex === "MALE");
    const women = adults.filter((p) => p.person.sex === "FEMALE");
    expect(men.filter((p) => !p.registration)).toEqual([]);
    expect(share(women.filter((p) => p.registration).length, women.length)).toBeLessThan(0.12);
    expect(women.filter((p) => p.registration).length).toBeGreaterThan(100);
  });

  it("registers women mostly as medics", () => {
    const onRegister = adults.filter((p) => p.person.sex === "FEMALE" && p.registration);
    const medics = onRegister.filter((p) => /медик|медична|лікар|санітарний/.test(p.registration!.specialty ?? ""));
    expect(medics).toHaveLength(onRegister.length);
  });

  it("has призовники only under 25 and removes most men over 60", () => {
    const conscripts = adults.filter((p) => p.registration?.liability === "CONSCRIPT");
    expect(conscripts.length).toBeGreaterThan(500);
    expect(conscripts.filter((p) => p.age >= 25)).toEqual([]);
    const over60 = adults.filter((p) => p.person.sex === "MALE" && p.age >= 60);
    expect(share(over60.filter((p) => p.registration!.status === "REMOVED").length, over60.length)).toBeGreaterThan(
      0.8,
    );
    // Some officers stay on the register past 60: the rules must refuse them for age.
    expect(over60.filter((p) => p.registration!.status === "ON_REGISTER" && p.age < 65).length).toBeGreaterThan(50);
  });

  it("spreads every status and a realistic share of wanted, not updated and reservists", () => {
    const liable = adults.filter((p) => p.person.sex === "MALE" && p.age >= 25 && p.age < 60);
    const statuses = new Set(liable.map((p) => p.registration!.status));
    expect([...statuses].sort()).toEqual([
      "BEING_CLARIFIED",
      "EXCLUDED",
      "NOT_REGISTERED",
      "ON_REGISTER",
      "REMOVED",
      "WANTED",
    ]);
    const wanted = liable.filter((p) => p.registration!.wanted);
    expect(share(wanted.length, liable.length)).toBeGreaterThan(0.03);
    expect(share(wanted.length, liable.length)).toBeLessThan(0.1);
    expect(wanted.filter((p) => p.registration!.status !== "WANTED")).toEqual([]);
    expect(wanted.filter((p) => p.registration!.wantedCriminal).length).toBeGreaterThan(5);
    expect(adults.filter((p) => p.registration?.wantedCriminal && !p.registration.wanted)).toEqual([]);
    const onRegister = liable.filter((p) => p.registration!.status === "ON_REGISTER");
    const notUpdated = onRegister.filter((p) => p.registration!.dataUpdatedOn === null);
    expect(share(notUpdated.length, onRegister.length)).toBeGreaterThan(0.05);
    expect(share(notUpdated.length, onRegister.length)).toBeLessThan(0.15);
    expect(
      share(liable.filter((p) => p.registration!.liability === "RESERVIST").length, liable.length),
    ).toBeGreaterThan(0.02);
    expect(liable.filter((p) => p.registration!.deferment !== null).length).toBeGreaterThan(50);
  });

  it("dates updates on or after 18.05.2024 and before today, and ranks come with a specialty", () => {
    const rows = adults.flatMap((p) => (p.registration ? [p.registration] : []));
    expect(
      rows.filter((r) => r.dataUpdatedOn !== null && (r.dataUpdatedOn < "2024-05-18" || r.dataUpdatedOn >= TEST_TODAY)),
    ).toEqual([]);
    expect(rows.filter((r) => r.rank !== null && r.specialty === null)).toEqual([]);
    expect(rows.filter((r) => r.rank !== null).length).toBeGreaterThan(2000);
    expect(rows.filter((r) => r.vlkResult !== null && r.vlkDate === null)).toEqual([]);
    expect(new Set(rows.map((r) => r.tcc)).size).toBeGreaterThan(80);
    expect(rows.filter((r) => !/РТЦК та СП/.test(r.tcc))).toEqual([]);
  });
});

describe("employment", () => {
  const active = () => world.bundles.flatMap((b) => b.employments.filter((j) => j.endDate === null));

  it("employs exactly 10,000 at the big enterprise and 5 to a few hundred elsewhere", () => {
    const counts = new Map<string, number>();
    for (const job of active()) counts.set(job.edrpou, (counts.get(job.edrpou) ?? 0) + 1);
    const big = world.enterprises.find((e) => e.fixed === "big")!;
    expect(counts.get(big.edrpou)).toBe(10_000);
    const others = world.enterprises.filter((e) => e.fixed !== "big").map((e) => counts.get(e.edrpou) ?? 0);
    expect(Math.min(...others)).toBeGreaterThanOrEqual(5);
    expect(Math.max(...others)).toBeLessThan(1_000);
    expect(others.filter((n) => n >= 100).length).toBeGreaterThan(5);
    for (const e of world.enterprises) expect(counts.get(e.edrpou), e.shortName).toBe(world.sizes[e.index]);
  });

  it("pays salaries on both sides of every threshold, some exactly on them", () => {
    const salaries = active()
      .filter((j) => j.mainJob)
      .map((j) => j.salary);
    for (const threshold of [20_000, 21_617.5, 25_941]) {
      expect(salaries.filter((s) => s < threshold).length, `below ${threshold}`).toBeGreaterThan(1000);
      expect(salaries.filter((s) => s >= threshold).length, `at or above ${threshold}`).toBeGreaterThan(1000);
    }
    for (const edge of THRESHOLD_EDGE_SALARIES)
      expect(salaries.filter((s) => s === edge).length, `exactly ${edge}`).toBeGreaterThan(10);
    expect(salaries.filter((s) => s < 8_647)).toEqual([]);
    expect(
      salaries.filter((s) => Math.round(s * 100) !== s * 100 && Math.abs(Math.round(s * 100) - s * 100) > 1e-6),
    ).toEqual([]);
  });

  it("has dismissals, suspensions, part-time second jobs and recent hires", () => {
    const jobs = world.bundles.flatMap((b) => b.employments);
    expect(jobs.filter((j) => j.endDate !== null).length).toBeGreaterThan(1500);
    expect(jobs.filter((j) => j.endDate !== null && (j.endDate < j.startDate || j.endDate >= TEST_TODAY))).toEqual([]);
    expect(jobs.filter((j) => j.suspended).length).toBeGreaterThan(50);
    const secondJobs = world.bundles.filter((b) => b.employments.some((j) => !j.mainJob && j.endDate === null));
    expect(secondJobs.length).toBeGreaterThan(200);
    expect(
      secondJobs.filter((b) => new Set(b.employments.filter((j) => j.endDate === null).map((j) => j.edrpou)).size < 2),
    ).toEqual([]);
    const recent = jobs.filter((j) => j.endDate === null && j.startDate >= "2026-10-08");
    expect(share(recent.length, jobs.length)).toBeGreaterThan(0.02);
    expect(share(recent.length, jobs.length)).toBeLessThan(0.1);
    expect(jobs.filter((j) => j.startDate >= TEST_TODAY)).toEqual([]);
  });

  it("gives every enterprise a head who works there", () => {
    for (const { edrpou, headRnokpp } of world.heads) {
      const head = world.bundles.find((b) => b.person.rnokpp === headRnokpp)!;
      expect(
        head.employments.some((j) => j.edrpou === edrpou && j.endDate === null),
        edrpou,
      ).toBe(true);
    }
  });
});

describe("reservation marks made through Дія", () => {
  it("are active only under a decision in force, within it, one per person, never above the limit", () => {
    const inForce = new Map(
      world.decisions
        .filter((d) => d.status === "ACTIVE" && d.validFrom <= TEST_TODAY && d.validUntil >= TEST_TODAY)
        .map((d) => [d.edrpou, d]),
    );
    const perEnterprise = new Map<string, number>();
    const problems: string[] = [];
    for (const bundle of world.bundles) {
      const active = bundle.marks.filter((m) => m.status === "ACTIVE");
      if (active.length > 1) problems.push(`${bundle.person.rnokpp}: ${active.length} active marks`);
      for (const mark of active) {
        const decision = inForce.get(mark.edrpou);
        if (!decision) problems.push(`${mark.rnokpp}: active mark at ${mark.edrpou} without a decision in force`);
        else if (mark.fromDate < decision.validFrom || mark.untilDate > decision.validUntil)
          problems.push(`${mark.rnokpp}: mark outside its decision`);
        if (
          mark.untilDate < TEST_TODAY ||
          mark.fromDate >= TEST_TODAY ||
          mark.activeRnokpp !== mark.rnokpp ||
          mark.source !== "diia"
        )
          problems.push(`${mark.rnokpp}: bad dates or fields`);
        if (!bundle.employments.some((j) => j.edrpou === mark.edrpou && j.mainJob && j.endDate === null))
          problems.push(`${mark.rnokpp}: not employed where reserved`);
        perEnterprise.set(mark.edrpou, (perEnterprise.get(mark.edrpou) ?? 0) + 1);
      }
    }
    for (const [edrpou, count] of perEnterprise)
      if (count > inForce.get(edrpou)!.limitCount)
        problems.push(`${edrpou}: ${count} > limit ${inForce.get(edrpou)!.limitCount}`);
    expect(problems).toEqual([]);
    expect([...perEnterprise.values()].reduce((a, b) => a + b, 0)).toBeGreaterThan(1000);
  });

  it("reserve only people the rules would have reserved", () => {
    const exempt = new Map(
      world.critical.flatMap((plan) =>
        plan ? [[world.enterprises[plan.enterpriseIndex]!.edrpou, plan] as const] : [],
      ),
    );
    const bad = adults.filter((p) =>
      p.marks.some((m) => {
        if (m.status !== "ACTIVE") return false;
        const plan = exempt.get(m.edrpou)!;
        const enterprise = world.enterpriseByEdrpou.get(m.edrpou)!;
        const job = p.employments.find((j) => j.edrpou === m.edrpou && j.endDate === null)!;
        return !looksReservable({
          age: p.age,
          registration: p.registration,
          job,
          exempt: plan.exempt,
          frontline: enterprise.frontline || plan.category === "FRONTLINE_100",
          today: TEST_TODAY,
        });
      }),
    );
    expect(bad.map((p) => p.person.rnokpp)).toEqual([]);
  });

  it("include people reserved at one employer who also work at another (RESERVED_ELSEWHERE)", () => {
    const elsewhere = world.bundles.filter((b) => {
      const mark = b.marks.find((m) => m.status === "ACTIVE");
      return mark && b.employments.some((j) => j.endDate === null && j.edrpou !== mark.edrpou);
    });
    expect(elsewhere.length).toBeGreaterThan(10);
  });

  it("keep expired and annulled marks of enterprises that lost their status", () => {
    const ended = world.bundles.flatMap((b) => b.marks.filter((m) => m.status !== "ACTIVE"));
    expect(ended.filter((m) => m.status === "EXPIRED").length).toBeGreaterThan(5);
    const annulled = ended.filter((m) => m.status === "ANNULLED");
    expect(annulled.length).toBeGreaterThan(0);
    expect(annulled.filter((m) => !m.annulledOn || !m.ground)).toEqual([]);
    expect(ended.filter((m) => m.activeRnokpp !== null)).toEqual([]);
  });
});
