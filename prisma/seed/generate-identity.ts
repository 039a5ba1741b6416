// A person's identity: sex, birth date and a РНОКПП that encodes them, a Ukrainian name in the
// right gender, a phone, sometimes an e-mail, and an address in their region.

import { generateRnokpp } from "@/lib/identifiers";
import {
  ADJECTIVAL_SURNAMES,
  EMAIL_DOMAINS,
  FEMALE_NAMES,
  INVARIANT_SURNAMES,
  MALE_NAMES,
  MOBILE_CODES,
  RUSSIAN_STYLE_SURNAMES,
  STREETS,
  type GenerationWeights,
} from "./data/names";
import { REGIONS, placeOf, type District, type Region } from "./data/regions";
import { addDays, addYears, ageOn, parseIsoDate } from "./dates";
import { patronymicOf, surnameFor, transliterate } from "./names";
import type { PersonRow, SexValue } from "./rows";
import type { Rng } from "./random";

export type Identity = { person: PersonRow; age: number; region: Region; district: District };

export type IdentityOptions = {
  today: string;
  usedRnokpp: { has(rnokpp: number): boolean; add(rnokpp: number): unknown };
  sex?: SexValue;
  ageMin?: number;
  ageMax?: number;
  /** Where the person lives; drawn by population when absent. */
  region?: Region;
  town?: string;
};

/** Adult population by age band (registry persons are 18 and over). */
const AGE_BANDS: ReadonlyArray<readonly [readonly [number, number], number]> = [
  [[18, 24], 9],
  [[25, 34], 18],
  [[35, 44], 20],
  [[45, 54], 19],
  [[55, 59], 10],
  [[60, 64], 10],
  [[65, 80], 14],
];
const REGION_WEIGHTS = REGIONS.map((region) => [region, region.population] as const);
const EASTERN = new Set([
  "Харківська область",
  "Дніпропетровська область",
  "Донецька область",
  "Запорізька область",
  "Луганська область",
  "Одеська область",
]);

export function generateIdentity(rng: Rng, options: IdentityOptions): Identity {
  const sex: SexValue = options.sex ?? (rng.chance(0.5) ? "MALE" : "FEMALE");
  const age =
    options.ageMin !== undefined || options.ageMax !== undefined
      ? rng.int(options.ageMin ?? 18, options.ageMax ?? 80)
      : drawAge(rng);
  // Born between (age + 1) years and age years before today, so that ageOn(today) === age.
  // 29 February in a common year clamps to the 28th, so the age stays exact.
  const latest = addYears(options.today, -age);
  const birthDate = addDays(latest, -rng.int(0, 364));
  const rnokpp = uniqueRnokpp(rng, birthDate, sex, options.usedRnokpp);
  const birthYear = Number(birthDate.slice(0, 4));

  const firstName = pickName(rng, sex, birthYear);
  const fatherName = pickName(rng, "MALE", birthYear - 28);
  const region = options.region ?? rng.weighted(REGION_WEIGHTS);
  const district = options.town
    ? (region.districts.find((d) => d.town === options.town) ?? rng.pick(region.districts))
    : rng.pick(region.districts);
  const lastName = surnameFor(pickSurname(rng, EASTERN.has(region.name)), sex);

  const person: PersonRow = {
    rnokpp,
    lastName,
    firstName,
    patronymic: patronymicOf(fatherName, sex),
    birthDate,
    sex,
    phone: rng.chance(0.93) ? `+380${rng.pick(MOBILE_CODES)}${rng.digits(7)}` : null,
    email: rng.chance(age < 60 ? 0.5 : 0.2) ? emailFor(rng, firstName, lastName, birthYear) : null,
    address: `${placeOf(region, district.town)}, ${rng.pick(STREETS)}, ${rng.int(1, 150)}${rng.chance(0.6) ? `, кв. ${rng.int(1, 240)}` : ""}`,
  };
  return { person, age: ageOn(birthDate, options.today), region, district };
}

/** An adult's age drawn from the population's age structure. */
export function drawAge(rng: Rng): number {
  const [low, high] = rng.weighted(AGE_BANDS);
  return rng.int(low, high);
}

function uniqueRnokpp(rng: Rng, birthDate: string, sex: SexValue, used: IdentityOptions["usedRnokpp"]): string {
  const birth = parseIsoDate(birthDate);
  for (let attempt = 0; attempt < 2000; attempt++) {
    const value = generateRnokpp(birth, sex, rng.int(0, 999));
    const key = Number(value);
    if (!used.has(key)) {
      used.add(key);
      return value;
    }
  }
  throw new Error(`no free РНОКПП left for ${birthDate} ${sex}`);
}

const byGeneration = (names: ReadonlyArray<readonly [string, GenerationWeights]>) =>
  [0, 1, 2].map((generation) => names.map(([name, weights]) => [name, weights[generation]!] as const));
const MALE_BY_GENERATION = byGeneration(MALE_NAMES);
const FEMALE_BY_GENERATION = byGeneration(FEMALE_NAMES);

function pickName(rng: Rng, sex: SexValue, birthYear: number): string {
  const generation = birthYear < 1965 ? 0 : birthYear < 1990 ? 1 : 2;
  return rng.weighted((sex === "MALE" ? MALE_BY_GENERATION : FEMALE_BY_GENERATION)[generation]!);
}

function pickSurname(rng: Rng, eastern: boolean): string {
  const roll = rng.next();
  if (roll < (eastern ? 0.14 : 0.05)) return rng.pick(RUSSIAN_STYLE_SURNAMES);
  if (roll < 0.27) return rng.pick(ADJECTIVAL_SURNAMES);
  return rng.pick(INVARIANT_SURNAMES);
}

function emailFor(rng: Rng, firstName: string, lastName: string, birthYear: number): string {
  const first = transliterate(firstName).replace(/[^a-z]/g, "");
  const last = transliterate(lastName).replace(/[^a-z]/g, "");
  const local = rng.weighted([
    [`${first}.${last}`, 3],
    [`${first[0]}${last}${String(birthYear).slice(2)}`, 3],
    [`${last}.${first}${rng.int(1, 99)}`, 2],
    [`${first}${last}${rng.int(100, 999)}`, 2],
  ] as const);
  return `${local}@${rng.weighted(EMAIL_DOMAINS)}`;
}
