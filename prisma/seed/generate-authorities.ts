// Authorities as portal rows: the fixed list with generated codes where the real one is not known.

import { generateEdrpou } from "@/lib/identifiers";
import { AUTHORITY_SEEDS } from "./data/authorities";
import type { AuthorityRow } from "./rows";
import type { Rng } from "./random";

export function generateAuthorities(rng: Rng, usedEdrpou: Set<string>): AuthorityRow[] {
  for (const seed of AUTHORITY_SEEDS) if (seed.edrpou) usedEdrpou.add(seed.edrpou);
  return AUTHORITY_SEEDS.map((seed) => {
    let edrpou = seed.edrpou;
    // Regional administrations carry the old oblast-administration range (0002xxxx).
    while (!edrpou || (!seed.edrpou && usedEdrpou.has(edrpou))) edrpou = generateEdrpou(rng.int(20_000, 25_999));
    usedEdrpou.add(edrpou);
    return {
      id: rng.uuid(),
      code: seed.code,
      name: seed.name,
      shortName: seed.shortName,
      kind: seed.kind,
      edrpou,
      region: seed.region,
      kvedSections: [...seed.kvedSections],
    };
  });
}
