// The people of the registry, generated in chunks so that a million of them never sit in
// memory at once: first the demo users, then one head per enterprise, then everyone else.
// Jobs come from a shuffled list of posts (one per employee each enterprise must have), so
// head counts are exact, and the people live where they work.

import { findSector } from "./data/sectors";
import { generateEndedJob, generateJob } from "./generate-job";
import { generateIdentity, drawAge } from "./generate-identity";
import { generateRegistration } from "./generate-registration";
import { generateServicePeriods } from "./generate-service";
import type { DemoBundle } from "./demo-persons";
import type { EnterprisePlan } from "./generate-enterprises";
import type { CriticalPlan } from "./plan-decisions";
import { countsInBase, looksReservable, markFor, type EnterpriseCounters } from "./reservation-marks";
import { regularPersonCount } from "./plan-sizes";
import { findRegion } from "./data/regions";
import type { PersonBundle, SexValue } from "./rows";
import { Rng } from "./random";

export type PopulationInput = {
  seed: number;
  today: string;
  reportedOn: string;
  persons: number;
  enterprises: EnterprisePlan[];
  sizes: number[];
  critical: Array<CriticalPlan | null>;
  demo: DemoBundle[];
  usedRnokpp: { has(rnokpp: number): boolean; add(rnokpp: number): unknown };
  chunkSize: number;
  shape?: "demo" | "national";
};

export type PopulationState = {
  counters: EnterpriseCounters;
  /** Head's РНОКПП by enterprise index, filled as heads are generated. */
  heads: string[];
};

const EMPLOYMENT_RATE: ReadonlyArray<readonly [maxAge: number, rate: number]> = [
  [24, 0.55],
  [59, 0.82],
  [64, 0.5],
  [200, 0.1],
];

export function* generatePopulation(input: PopulationInput, state: PopulationState): Generator<PersonBundle[]> {
  const indexOf = new Map(input.enterprises.map((enterprise) => [enterprise.edrpou, enterprise.index]));
  const demoByEmployer = new Map<string, number>();
  let chunk: PersonBundle[] = [];
  const emit = function* (bundle: PersonBundle) {
    chunk.push(bundle);
    if (chunk.length >= input.chunkSize) {
      yield chunk;
      chunk = [];
    }
  };

  for (const bundle of input.demo) {
    account(bundle, bundle.age, indexOf, state.counters);
    for (const mark of bundle.marks) state.counters.marks[indexOf.get(mark.edrpou)!]!++;
    if (bundle.employer) demoByEmployer.set(bundle.employer, (demoByEmployer.get(bundle.employer) ?? 0) + 1);
    if (bundle.user.role === "ENTERPRISE_HEAD" && bundle.user.edrpou)
      state.heads[indexOf.get(bundle.user.edrpou)!] = bundle.person.rnokpp;
    yield* emit(bundle);
  }

  for (const enterprise of input.enterprises) {
    if (state.heads[enterprise.index]) continue;
    const rng = Rng.derive(input.seed, 1, enterprise.index);
    const sex: SexValue = rng.chance(0.78) ? "MALE" : "FEMALE";
    const bundle = makePerson(rng, input, state, indexOf, {
      sex,
      age: rng.int(32, 66),
      enterprise: enterprise.index,
      head: true,
    });
    state.heads[enterprise.index] = bundle.person.rnokpp;
    yield* emit(bundle);
  }

  const slots = shuffledSlots(input, demoByEmployer);
  let cursor = 0;
  // `prefer` (national shape): a man of military age looks a few posts ahead for one at a
  // critical enterprise, anyone else for one at another — critical industry (energy, defence,
  // transport) employs mostly men, which is why a country's reservations run into millions.
  const national = input.shape === "national";
  const takeSlot = (except: number, prefer: "critical" | "other" | null = null): number => {
    let found = -1;
    if (prefer) {
      for (let j = cursor; j < slots.length && j < cursor + 12; j++) {
        if (slots[j] === except) continue;
        if ((input.critical[slots[j]!] != null) === (prefer === "critical")) {
          found = j;
          break;
        }
      }
    }
    if (found < 0) {
      for (let j = cursor; j < slots.length && j < cursor + 500; j++) {
        if (slots[j] !== except) {
          found = j;
          break;
        }
      }
    }
    if (found < 0) return -1;
    const enterprise = slots[found]!;
    slots[found] = slots[cursor]!;
    slots[cursor++] = enterprise;
    return enterprise;
  };

  const regular = regularPersonCount(input.persons, input.enterprises.length);
  for (let i = 0; i < regular; i++) {
    const rng = Rng.derive(input.seed, 2, i);
    const sex: SexValue = rng.chance(0.5) ? "MALE" : "FEMALE";
    const age = drawAge(rng);
    const rate = EMPLOYMENT_RATE.find(([maxAge]) => age <= maxAge)![1];
    const main = rng.chance(rate)
      ? takeSlot(-1, national ? (sex === "MALE" && age < 60 ? "critical" : "other") : null)
      : -1;
    const second = main >= 0 && rng.chance(0.03) ? takeSlot(main) : -1;
    yield* emit(makePerson(rng, input, state, indexOf, { sex, age, enterprise: main, second }));
  }
  if (cursor < slots.length)
    throw new Error(
      `internal: ${slots.length - cursor} posts left unfilled; the registry is too small for the enterprises`,
    );
  if (chunk.length > 0) yield chunk;
}

function makePerson(
  rng: Rng,
  input: PopulationInput,
  state: PopulationState,
  indexOf: Map<string, number>,
  options: { sex: SexValue; age: number; enterprise: number; second?: number; head?: boolean },
): PersonBundle {
  const employer = options.enterprise >= 0 ? input.enterprises[options.enterprise]! : null;
  const livesThere = employer !== null && (options.head || rng.chance(0.9));
  const identity = generateIdentity(rng, {
    today: input.today,
    usedRnokpp: input.usedRnokpp,
    sex: options.sex,
    ageMin: options.age,
    ageMax: options.age,
    region: livesThere ? findRegion(employer.region) : undefined,
    town: livesThere ? employer.town : undefined,
  });
  const { person } = identity;
  const jobFor = (enterprise: EnterprisePlan, mainJob: boolean, head = false) =>
    generateJob(rng, {
      rnokpp: person.rnokpp,
      edrpou: enterprise.edrpou,
      sector: findSector(enterprise.sectorKey),
      legalForm: enterprise.legalForm,
      enterpriseRegisteredOn: enterprise.registeredOn,
      birthDate: person.birthDate,
      today: input.today,
      reportedOn: input.reportedOn,
      salaryLift: isLifted(input.critical[enterprise.index] ?? null),
      mainJob,
      head,
    });

  const employments = [];
  if (employer) employments.push(jobFor(employer, true, options.head));
  if (options.second !== undefined && options.second >= 0)
    employments.push(jobFor(input.enterprises[options.second]!, false));
  if (identity.age >= 20 && rng.chance(0.1)) {
    const former = input.enterprises[rng.int(0, input.enterprises.length - 1)]!;
    if (former.index !== options.enterprise) {
      const ended = generateEndedJob(rng, {
        ...jobInputBase(input, person.rnokpp, person.birthDate, former),
        mainJob: true,
      });
      employments.push(ended);
    }
  }

  const registration = generateRegistration(rng, {
    rnokpp: person.rnokpp,
    sex: person.sex,
    age: identity.age,
    birthDate: person.birthDate,
    region: identity.region,
    district: identity.district,
    today: input.today,
    medic: employer !== null && findSector(employer.sectorKey).medical === true,
  });
  const servicePeriods = generateServicePeriods({
    seed: input.seed,
    rnokpp: person.rnokpp,
    sex: person.sex,
    age: identity.age,
    registration,
    today: input.today,
  });
  const bundle: PersonBundle = { person, registration, employments, marks: [], servicePeriods };
  account(bundle, identity.age, indexOf, state.counters);

  const plan = employer ? (input.critical[employer.index] ?? null) : null;
  if (employer && plan) {
    const frontline = employer.frontline || plan.category === "FRONTLINE_100";
    const reservable = looksReservable({
      age: identity.age,
      registration,
      job: employments[0]!,
      exempt: plan.exempt,
      frontline,
      today: input.today,
    });
    const mark = markFor(rng, {
      rnokpp: person.rnokpp,
      birthDate: person.birthDate,
      edrpou: employer.edrpou,
      enterpriseIndex: employer.index,
      plan,
      reservable,
      counters: state.counters,
      today: input.today,
    });
    if (mark) bundle.marks.push(mark);
  }
  return bundle;
}

function jobInputBase(input: PopulationInput, rnokpp: string, birthDate: string, enterprise: EnterprisePlan) {
  return {
    rnokpp,
    edrpou: enterprise.edrpou,
    sector: findSector(enterprise.sectorKey),
    legalForm: enterprise.legalForm,
    enterpriseRegisteredOn: enterprise.registeredOn,
    birthDate,
    today: input.today,
    reportedOn: input.reportedOn,
    salaryLift: isLifted(input.critical[enterprise.index] ?? null),
  };
}

function isLifted(plan: CriticalPlan | null): boolean {
  return plan !== null && !plan.exempt;
}

/** Counts active employees and the limit base where each person works. */
function account(bundle: PersonBundle, age: number, indexOf: Map<string, number>, counters: EnterpriseCounters) {
  for (const job of bundle.employments) if (job.endDate === null) counters.headcount[indexOf.get(job.edrpou)!]!++;
  const main = bundle.employments.find((job) => job.mainJob && job.endDate === null);
  if (main && countsInBase(bundle.person.sex, age, bundle.registration)) counters.base[indexOf.get(main.edrpou)!]!++;
}

/** One entry per post still to fill: size minus the head and the demo employees, shuffled. */
function shuffledSlots(input: PopulationInput, demoByEmployer: Map<string, number>): Int32Array {
  const open = input.enterprises.map((enterprise) => {
    const demo =
      enterprise.fixed && enterprise.fixed !== "ukrzaliznytsia" ? (demoByEmployer.get(enterprise.fixed) ?? 0) : 0;
    const headIsDemo = demo > 0 && enterprise.fixed !== null;
    return Math.max(0, input.sizes[enterprise.index]! - demo - (headIsDemo ? 0 : 1));
  });
  const slots = new Int32Array(open.reduce((sum, count) => sum + count, 0));
  let k = 0;
  open.forEach((count, index) => slots.fill(index, k, (k += count)));
  const rng = Rng.derive(input.seed, 3);
  for (let i = slots.length - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    const tmp = slots[i]!;
    slots[i] = slots[j]!;
    slots[j] = tmp;
  }
  return slots;
}
