import { describe, expect, it } from "vitest";
import { RECRUITMENT_CENTRES, DEMO_CENTRE_CODE } from "./data/recruitment-centres";
import { DEMO_UNIT_CODE } from "./demo-users";
import { generateCentres } from "./generate-centres";
import { generateUnits } from "./generate-units";
import { Rng } from "./random";

describe("generateCentres", () => {
  const units = generateUnits(Rng.derive(1, 14));
  const { centres, centreUnits } = generateCentres(Rng.derive(1, 19), units);

  it("makes the 44 centres across most regions, each with a unique code and hours that give slots", () => {
    expect(centres).toHaveLength(44);
    expect(RECRUITMENT_CENTRES).toHaveLength(44);
    expect(new Set(centres.map((c) => c.code)).size).toBe(44);
    expect(new Set(centres.map((c) => c.region)).size).toBeGreaterThanOrEqual(20);
    for (const centre of centres) {
      expect(centre.opensAt < centre.closesAt).toBe(true);
      expect(centre.weekdays.length).toBeGreaterThanOrEqual(5);
      expect(centre.capacity).toBeGreaterThanOrEqual(2);
      expect(centre.address).toContain(centre.city);
    }
  });

  it("links every centre to at least three units and every unit to a centre; the demo centre recruits for the demo unit", () => {
    for (const centre of centres)
      expect(centreUnits.filter((link) => link.centreId === centre.id).length).toBeGreaterThanOrEqual(3);
    for (const unit of units)
      expect(
        centreUnits.some((link) => link.unitId === unit.id),
        unit.code,
      ).toBe(true);
    const demo = centres.find((c) => c.code === DEMO_CENTRE_CODE)!;
    const demoUnit = units.find((u) => u.code === DEMO_UNIT_CODE)!;
    expect(centreUnits).toContainEqual({ centreId: demo.id, unitId: demoUnit.id });
    expect(new Set(centreUnits.map((l) => `${l.centreId}:${l.unitId}`)).size).toBe(centreUnits.length);
  });
});
