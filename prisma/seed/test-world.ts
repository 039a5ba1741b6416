// A generated world held in memory for unit tests (not used by the seed itself).

import { buildWorld, type WorldOptions } from "./build-world";
import type { EnterprisePlan } from "./generate-enterprises";
import type { DecisionEventRow, DecisionRow, PersonBundle } from "./rows";
import type { PopulationState } from "./population";

export type MaterializedWorld = ReturnType<typeof buildWorld> & {
  bundles: PersonBundle[];
  heads: Array<{ edrpou: string; headRnokpp: string }>;
  decisions: DecisionRow[];
  events: DecisionEventRow[];
  state: PopulationState;
  enterpriseByEdrpou: Map<string, EnterprisePlan>;
};

export const TEST_TODAY = "2026-11-22";

export function materializeWorld(options: Partial<WorldOptions> = {}): MaterializedWorld {
  const world = buildWorld({ persons: 30_000, today: TEST_TODAY, ...options });
  const bundles = [...world.population].flat();
  const finished = world.finish();
  return { ...world, ...finished, bundles, enterpriseByEdrpou: new Map(world.enterprises.map((e) => [e.edrpou, e])) };
}
