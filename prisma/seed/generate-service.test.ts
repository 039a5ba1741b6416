import { describe, expect, it } from "vitest";
import { ageOn } from "./dates";
import { DEMO_FACTS } from "./demo-persons";
import { DEMO_USERS } from "./demo-users";
import { generateServicePeriods } from "./generate-service";
import { materializeWorld, TEST_TODAY } from "./test-world";
import { expectEvery } from "@/tests/support/expect-every";

describe("service periods in the generated registry", () => {
  const world = materializeWorld();
  const periods = world.bundles.flatMap((bundle) => bundle.servicePeriods);
  const byPerson = new Map(world.bundles.map((bundle) => [bundle.person.rnokpp, bundle]));

  it("gives a realistic share of the men periods: serving soldiers and demobilised veterans", () => {
    const men = world.bundles.filter((bundle) => bundle.person.sex === "MALE" && bundle.registration);
    const withService = men.filter((bundle) => bundle.servicePeriods.length > 0);
    const share = withService.length / men.length;
    expect(share).toBeGreaterThan(0.04);
    expect(share).toBeLessThan(0.3);
    const veterans = withService.filter((bundle) => bundle.servicePeriods.every((period) => period.untilDate !== null));
    expect(veterans.length).toBeGreaterThan(100);
    expect(withService.some((bundle) => bundle.servicePeriods.some((period) => period.untilDate === null))).toBe(true);
  });

  it("only men; serving ones are the registry's mobilised, periods are ordered and within the past", () => {
    for (const period of periods) {
      const bundle = byPerson.get(period.rnokpp)!;
      expect(bundle.person.sex).toBe("MALE");
      expect(period.fromDate >= "2022-02-24").toBe(true);
      if (period.untilDate === null) expect(bundle.registration!.mobilisedOn).toBe(period.fromDate);
      else expect(period.untilDate > period.fromDate && period.untilDate < TEST_TODAY).toBe(true);
      if (period.defenceConfirmedOn)
        expect(period.defenceConfirmedOn >= period.fromDate && period.defenceConfirmedOn < TEST_TODAY).toBe(true);
    }
  });

  it("leaves some periods unconfirmed by their unit, most confirmed", () => {
    const confirmed = periods.filter((period) => period.defenceConfirmedOn !== null).length;
    expect(confirmed / periods.length).toBeGreaterThan(0.6);
    expect(confirmed).toBeLessThan(periods.length);
  });

  it("is deterministic per person and gives no one under 20 a period", () => {
    const demo = new Set(DEMO_USERS.map((user) => user.rnokpp));
    const bundle = world.bundles.find(
      (candidate) => candidate.servicePeriods.length > 0 && !demo.has(candidate.person.rnokpp),
    )!;
    const age = ageOn(bundle.person.birthDate, TEST_TODAY);
    const again = generateServicePeriods({
      seed: world.seed,
      rnokpp: bundle.person.rnokpp,
      sex: "MALE",
      age,
      registration: bundle.registration,
      today: TEST_TODAY,
    });
    expect(again.map((period) => period.unitCode)).toEqual(bundle.servicePeriods.map((period) => period.unitCode));
    expect(
      generateServicePeriods({
        seed: world.seed,
        rnokpp: bundle.person.rnokpp,
        sex: "MALE",
        age: 19,
        registration: bundle.registration,
        today: TEST_TODAY,
      }),
    ).toEqual([]);
  });

  it("the demo veterans: one with every period confirmed, one with a period awaiting unit А4521", () => {
    const veteran = byPerson.get("3190808357")!;
    expect(veteran.servicePeriods).toHaveLength(DEMO_FACTS.veteran!.service!.length);
    expectEvery(veteran.servicePeriods, (period) => period.defenceConfirmedOn !== null);
    const waiting = byPerson.get("3290612472")!;
    expect(
      waiting.servicePeriods.filter((period) => period.defenceConfirmedOn === null).map((period) => period.unitCode),
    ).toEqual(["А4521"]);
  });
});
