// The recruitment centres (data/recruitment-centres.ts) with their hours and the units each
// recruits for: the units of its region, then two more in turn, so every unit has centres.

import { RECRUITMENT_CENTRES } from "./data/recruitment-centres";
import type { CentreRow, CentreUnitRow, UnitRow } from "./rows";
import type { Rng } from "./random";

export function generateCentres(rng: Rng, units: UnitRow[]): { centres: CentreRow[]; centreUnits: CentreUnitRow[] } {
  const centres: CentreRow[] = [];
  const centreUnits: CentreUnitRow[] = [];
  RECRUITMENT_CENTRES.forEach((seed, index) => {
    const saturday = index % 3 === 0;
    const row: CentreRow = {
      id: rng.uuid(),
      code: seed.code,
      name: seed.name,
      region: seed.region,
      city: seed.city,
      address:
        seed.region === "м. Київ"
          ? `м. Київ, ${seed.street}`
          : `${seed.region.replace(" область", " обл.")}, м. ${seed.city}, ${seed.street}`,
      phone: `+38067${rng.digits(7)}`,
      weekdays: saturday ? [1, 2, 3, 4, 5, 6] : [1, 2, 3, 4, 5],
      opensAt: "09:00",
      closesAt: index % 2 === 0 ? "18:00" : "17:00",
      slotMinutes: 30,
      capacity: 2 + (index % 3),
    };
    centres.push(row);
    const chosen = new Set(units.filter((unit) => unit.region === seed.region).map((unit) => unit.id));
    for (let k = 0; chosen.size < 3 + (index % 2) && k < units.length; k++)
      chosen.add(units[(index * 2 + k) % units.length]!.id);
    for (const unitId of chosen) centreUnits.push({ centreId: row.id, unitId });
  });
  return { centres, centreUnits };
}
