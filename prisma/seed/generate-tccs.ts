// The ТЦК та СП of the demo country: one per district, and the regional capital's urban ones
// where it has its own — exactly the names generate-registration.ts gives people, so every
// registered person belongs to one. No randomness: the list follows from data/regions.ts.

import { generateEdrpou } from "@/lib/identifiers";
import { REGIONS, placeOf } from "./data/regions";
import type { TccRow } from "./rows";

/** ЄДРПОУ stems of the ТЦК (8xxxxxxx): apart from the seed's enterprises, authorities and the factories. */
const TCC_STEM = 8_000_000;

export function generateTccs(usedEdrpou: Set<string>): TccRow[] {
  const rows: TccRow[] = [];
  const seen = new Set<string>();
  let stem = TCC_STEM;
  for (const region of REGIONS) {
    const capital = region.districts[0]!.town;
    for (const name of region.tccs) {
      if (seen.has(name)) continue;
      seen.add(name);
      const district = region.districts.find((candidate) => name === `${candidate.adj} РТЦК та СП`);
      let edrpou = generateEdrpou(stem++);
      while (usedEdrpou.has(edrpou)) edrpou = generateEdrpou(stem++);
      usedEdrpou.add(edrpou);
      rows.push({ name, edrpou, region: region.name, address: placeOf(region, district?.town ?? capital) });
    }
  }
  return rows;
}
