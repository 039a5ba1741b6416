// Enterprises as the state register knows them: a sector and a region drawn by weight, a
// name built from the sector's templates and the town, a ЄДРПОУ whose range matches the year
// of registration, ownership by legal form, and Diia City / frontline flags.

import { generateEdrpou } from "@/lib/identifiers";
import {
  BRAND_WORDS,
  GUARD_WORDS,
  LEGAL_FORMS,
  SECTORS,
  TECH_WORDS,
  findSector,
  type LegalForm,
  type Sector,
} from "./data/sectors";
import { INVARIANT_SURNAMES, STREETS } from "./data/names";
import { REGIONS, findRegion, placeOf, type Region } from "./data/regions";
import { FIXED_ENTERPRISES, type FixedEnterprise } from "./demo-enterprises";
import type { EnterpriseRow } from "./rows";
import type { Rng } from "./random";

export type EnterprisePlan = Omit<EnterpriseRow, "headRnokpp"> & {
  index: number;
  sectorKey: string;
  town: string;
  fixed: FixedEnterprise["fixed"] | null;
  legalForm: LegalForm | null;
};

const DRAWABLE_SECTORS = SECTORS.filter((sector) => sector.weight > 0).map(
  (sector) => [sector, sector.weight] as const,
);
const REGION_WEIGHTS = REGIONS.map((region) => [region, region.population] as const);

/** `count` enterprises in all: the fixed ones first, then generated ones. */
export function generateEnterprises(rng: Rng, options: { count: number; usedEdrpou: Set<string> }): EnterprisePlan[] {
  const plans: EnterprisePlan[] = FIXED_ENTERPRISES.map((fixed, index) => {
    options.usedEdrpou.add(fixed.edrpou);
    const { fixed: kind, ...row } = fixed;
    return { ...row, index, fixed: kind, legalForm: null };
  });
  const names = new Set(plans.map((plan) => plan.shortName));
  while (plans.length < options.count) plans.push(generateEnterprise(rng, plans.length, names, options.usedEdrpou));
  return plans;
}

function generateEnterprise(rng: Rng, index: number, names: Set<string>, usedEdrpou: Set<string>): EnterprisePlan {
  const sector = rng.weighted(DRAWABLE_SECTORS);
  const [form, template] = rng.weighted(sector.names.map((entry) => [entry, entry[2]] as const));
  let region = rng.weighted(REGION_WEIGHTS);
  let district = rng.pick(region.districts);
  let brand = fillTemplate(rng, template, district.adj, district.town);
  for (let attempt = 0; names.has(shortNameOf(form, brand)) && attempt < 30; attempt++) {
    region = rng.weighted(REGION_WEIGHTS);
    district = rng.pick(region.districts);
    brand = fillTemplate(rng, template, district.adj, district.town);
  }
  for (let suffix = 2; names.has(shortNameOf(form, brand)); suffix++)
    brand = `${fillTemplate(rng, template, district.adj, district.town)}-${suffix}`;
  const shortName = shortNameOf(form, brand);
  names.add(shortName);

  const legal = LEGAL_FORMS[form];
  const owner = form === "КП" || form === "КНП" ? ` ${genitiveFeminine(district.adj)} міської ради` : "";
  const { ownership, stateShare } = ownershipOf(rng, form, sector);
  const registeredOn = registrationDate(rng, form, sector);
  return {
    index,
    fixed: null,
    legalForm: form,
    sectorKey: sector.key,
    town: district.town,
    edrpou: edrpouFor(rng, registeredOn, ownership, usedEdrpou),
    name: `${legal.full} «${brand}»${owner}`,
    shortName,
    kved: sector.kved,
    kvedName: sector.kvedName,
    region: region.name,
    address: `${placeOf(region, district.town)}, ${rng.pick(STREETS)}, ${rng.int(1, 180)}`,
    ownership,
    stateShare,
    frontline: rng.chance(region.frontlineShare),
    diiaCity: form === "ТОВ" && rng.chance(sector.diiaCityShare ?? (sector.key === "drones" ? 0.25 : 0.01)),
    registeredOn,
    liquidatedOn: null,
  };
}

function shortNameOf(form: LegalForm, brand: string): string {
  return `${form} «${brand}»`;
}

function fillTemplate(rng: Rng, template: string, adj: string, town: string): string {
  const stem = adj.slice(0, -2);
  return template
    .replaceAll("{adjM}", adj)
    .replaceAll("{adjF}", `${stem}а`)
    .replaceAll("{adjN}", `${stem}е`)
    .replaceAll("{town}", town)
    .replaceAll("{word}", () => rng.pick(BRAND_WORDS))
    .replaceAll("{tech}", () => rng.pick(TECH_WORDS))
    .replaceAll("{guard}", () => rng.pick(GUARD_WORDS))
    .replaceAll("{surname}", () => rng.pick(INVARIANT_SURNAMES))
    .replaceAll("{n}", () => String(rng.int(1, 12)));
}

function genitiveFeminine(adj: string): string {
  return `${adj.slice(0, -2)}ої`;
}

function ownershipOf(
  rng: Rng,
  form: LegalForm,
  sector: Sector,
): { ownership: EnterpriseRow["ownership"]; stateShare: number } {
  const base = LEGAL_FORMS[form].ownership;
  if (form === "ДП") return { ownership: "STATE", stateShare: 100 };
  if (form === "АТ" && ["bank", "gas", "power-distribution"].includes(sector.key) && rng.chance(0.3))
    return { ownership: "STATE", stateShare: 100 };
  if ((form === "ПрАТ" || form === "АТ") && rng.chance(0.12))
    return { ownership: "PRIVATE", stateShare: rng.pick([25, 50, 51, 75]) };
  return { ownership: base, stateShare: 0 };
}

function registrationDate(rng: Rng, form: LegalForm, sector: Sector): string {
  const state = form === "ДП" || form === "КП" || form === "КНП";
  const young = sector.section === "J" || sector.key === "drones";
  const year = state ? rng.int(1992, 2012) : young ? rng.int(2008, 2025) : rng.int(1994, 2025);
  return `${year}-${String(rng.int(1, 12)).padStart(2, "0")}-${String(rng.int(1, 28)).padStart(2, "0")}`;
}

/** ЄДРПОУ ranges grew with time: a 1990s code starts with 0–3, a 2020s one with 43–45. */
const STEM_RANGES: ReadonlyArray<readonly [untilYear: number, from: number, to: number]> = [
  [1999, 1_300_000, 3_099_999],
  [2009, 3_100_000, 3_699_999],
  [2014, 3_700_000, 3_949_999],
  [2019, 3_950_000, 4_329_999],
  [9999, 4_330_000, 4_599_999],
];

function edrpouFor(rng: Rng, registeredOn: string, ownership: EnterpriseRow["ownership"], used: Set<string>): string {
  const year = Number(registeredOn.slice(0, 4));
  const [, from, to] =
    ownership === "STATE" && year < 2000 ? [0, 10_000, 599_999] : STEM_RANGES.find(([until]) => year <= until)!;
  for (;;) {
    const code = generateEdrpou(rng.int(from, to));
    if (!used.has(code)) {
      used.add(code);
      return code;
    }
  }
}

export function sectorOf(plan: Pick<EnterprisePlan, "sectorKey">): Sector {
  return findSector(plan.sectorKey);
}

export function regionOf(plan: Pick<EnterprisePlan, "region">): Region {
  return findRegion(plan.region);
}
