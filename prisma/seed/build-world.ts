// The whole demo country as data, without a database: authorities, enterprises and their
// decisions, military units and vacancies, and a lazily generated population. Everything is
// drawn from one fixed seed, so two runs with the same options give the same rows.

import { DEMO_EDRPOU } from "./demo-users";
import { buildDemoBundles } from "./demo-persons";
import { finalizeDecisions } from "./finalize-decisions";
import { generateAuthorities } from "./generate-authorities";
import { generateEnterprises, type EnterprisePlan } from "./generate-enterprises";
import { lastReportDate } from "./generate-job";
import { generateTccs } from "./generate-tccs";
import { generateCentres } from "./generate-centres";
import { generateUnits, generateVacancies } from "./generate-units";
import { planDecisions, type CriticalPlan } from "./plan-decisions";
import { enterpriseCountFor, planSizes, shapeFor, type WorldShape } from "./plan-sizes";
import { generatePopulation, type PopulationState } from "./population";
import { Rng } from "./random";
import { RnokppSet } from "./rnokpp-set";
import { createCounters } from "./reservation-marks";
import type {
  AuthorityRow,
  CentreRow,
  CentreUnitRow,
  DecisionEventRow,
  DecisionRow,
  PersonBundle,
  TccRow,
  UnitRow,
  VacancyRow,
} from "./rows";

export const DEFAULT_SEED = 20_260_530;

export type WorldOptions = { persons: number; today: string; seed?: number; chunkSize?: number; shape?: WorldShape };

export type World = {
  seed: number;
  shape: WorldShape;
  today: string;
  persons: number;
  authorities: AuthorityRow[];
  enterprises: EnterprisePlan[];
  sizes: number[];
  critical: Array<CriticalPlan | null>;
  units: UnitRow[];
  vacancies: VacancyRow[];
  tccs: TccRow[];
  centres: CentreRow[];
  centreUnits: CentreUnitRow[];
  /** Yields the people in chunks; can be consumed once. */
  population: Generator<PersonBundle[]>;
  /** After the population is consumed: heads and the decisions with their real bases. */
  finish(): {
    heads: Array<{ edrpou: string; headRnokpp: string }>;
    decisions: DecisionRow[];
    events: DecisionEventRow[];
    state: PopulationState;
  };
};

export function buildWorld(options: WorldOptions): World {
  const seed = options.seed ?? DEFAULT_SEED;
  const usedEdrpou = new Set<string>();
  const authorities = generateAuthorities(Rng.derive(seed, 10), usedEdrpou);
  const enterprises = generateEnterprises(Rng.derive(seed, 11), {
    count: enterpriseCountFor(options.persons),
    usedEdrpou,
  });
  const shape = options.shape ?? shapeFor(options.persons);
  const sizes = planSizes(Rng.derive(seed, 12), enterprises, options.persons, shape);
  const critical = planDecisions(Rng.derive(seed, 13), { enterprises, sizes, today: options.today, shape });
  const units = generateUnits(Rng.derive(seed, 14));
  const vacancies = generateVacancies(Rng.derive(seed, 15), units, options.today);
  const tccs = generateTccs(usedEdrpou);
  const { centres, centreUnits } = generateCentres(Rng.derive(seed, 19), units);

  const byFixed = (kind: keyof typeof DEMO_EDRPOU) =>
    enterprises.find((enterprise) => enterprise.edrpou === DEMO_EDRPOU[kind])!;
  const bigDecision = critical[byFixed("big").index]?.inForce;
  if (!bigDecision) throw new Error("internal: the big demo enterprise has no decision in force");
  const reportedOn = lastReportDate(options.today);
  const demo = buildDemoBundles(Rng.derive(seed, 16), {
    today: options.today,
    reportedOn,
    edrpouOf: (kind) => DEMO_EDRPOU[kind],
    bigDecision,
  });

  const usedRnokpp = new RnokppSet(demo.map((bundle) => Number(bundle.person.rnokpp)));
  const state: PopulationState = { counters: createCounters(enterprises.length), heads: [] };
  const population = generatePopulation(
    {
      seed,
      shape,
      today: options.today,
      reportedOn,
      persons: options.persons,
      enterprises,
      sizes,
      critical,
      demo,
      usedRnokpp,
      chunkSize: options.chunkSize ?? 5_000,
    },
    state,
  );

  let finished = false;
  return {
    seed,
    shape,
    today: options.today,
    persons: options.persons,
    authorities,
    enterprises,
    sizes,
    critical,
    units,
    vacancies,
    tccs,
    centres,
    centreUnits,
    population,
    finish() {
      if (finished) throw new Error("finish() called twice");
      finished = true;
      const heads = enterprises.map((enterprise) => {
        const headRnokpp = state.heads[enterprise.index];
        if (!headRnokpp) throw new Error("internal: finish() before the population was generated");
        return { edrpou: enterprise.edrpou, headRnokpp };
      });
      const { decisions, events } = finalizeDecisions(Rng.derive(seed, 17), {
        critical,
        authorities,
        counters: state.counters,
        today: options.today,
      });
      return { heads, decisions, events, state };
    },
  };
}
