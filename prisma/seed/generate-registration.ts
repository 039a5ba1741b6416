// Military registration with a realistic spread: призовники under 25, військовозобов'язані
// 25–60 (some reservists, wanted, not updated, being clarified, excluded), removed over 60;
// women mostly off the register except medics.

import {
  DEFERMENT_GROUNDS,
  MEDICAL_SPECIALTIES,
  OFFICER_RANKS,
  SERGEANT_RANKS,
  SOLDIER_RANKS,
  SPECIALTIES,
  VLK_RESULTS,
} from "./data/military";
import type { District, Region } from "./data/regions";
import { addDays, addMonths, addYears, daysBetween, maxDate, minDate } from "./dates";
import type { RegistrationRow, RegistrationStatusValue, SexValue } from "./rows";
import type { Rng } from "./random";

export type RegistrationInput = {
  rnokpp: string;
  sex: SexValue;
  age: number;
  birthDate: string;
  region: Region;
  district: District;
  today: string;
  /** Works in health care: women with a medical profession must be on the register. */
  medic: boolean;
};

/** Law 3633-IX gave 60 days (18.05–16.07.2024) to update data; most did it then. */
const UPDATE_WINDOW = { from: "2024-05-18", to: "2024-07-16" } as const;

export function generateRegistration(rng: Rng, input: RegistrationInput): RegistrationRow | null {
  const { sex, age, medic } = input;
  if (sex === "FEMALE" && !(medic ? rng.chance(0.7) : rng.chance(0.03))) return null;

  const row = baseRow(rng, input);
  if (sex === "FEMALE") {
    row.liability = "LIABLE";
    row.specialty = rng.pick(MEDICAL_SPECIALTIES);
    row.status =
      age >= 60
        ? "REMOVED"
        : rng.weighted([
            ["ON_REGISTER", 88],
            ["BEING_CLARIFIED", 8],
            ["NOT_REGISTERED", 4],
          ] as const);
    row.category = 2;
    return finish(rng, row, input);
  }
  if (age < 25) {
    row.liability = rng.chance(0.85) ? "CONSCRIPT" : "LIABLE";
    row.status = rng.weighted([
      ["ON_REGISTER", 86],
      ["BEING_CLARIFIED", 5],
      ["NOT_REGISTERED", 5],
      ["WANTED", 4],
    ] as const);
  } else if (age < 60) {
    row.liability = rng.chance(0.05) ? "RESERVIST" : "LIABLE";
    row.status = rng.weighted([
      ["ON_REGISTER", 78],
      ["BEING_CLARIFIED", 6],
      ["WANTED", 6],
      ["NOT_REGISTERED", 5],
      ["EXCLUDED", 3],
      ["REMOVED", 2],
    ] as const);
  } else {
    // Officers stay in the reserve a few years longer: they are the over-age cases the rules refuse.
    const officer = age < 65 && rng.chance(0.15);
    row.liability = "LIABLE";
    row.status = officer ? "ON_REGISTER" : "REMOVED";
    if (officer) row.rank = rng.pick(OFFICER_RANKS);
  }
  return finish(rng, row, input);
}

function baseRow(rng: Rng, input: RegistrationInput): RegistrationRow {
  const registeredOn = minDate(addDays(addYears(input.birthDate, 17), rng.int(0, 300)), addDays(input.today, -1));
  return {
    rnokpp: input.rnokpp,
    status: "ON_REGISTER",
    liability: "LIABLE",
    category: 2,
    tcc: tccOf(rng, input.region, input.district),
    registeredOn,
    dataUpdatedOn: null,
    wanted: false,
    wantedCriminal: false,
    rank: null,
    specialty: null,
    vlkDate: null,
    vlkResult: null,
    deferment: null,
    defermentUntil: null,
    mobilisedOn: null,
  };
}

function finish(rng: Rng, row: RegistrationRow, input: RegistrationInput): RegistrationRow {
  const { today, age } = input;
  const status: RegistrationStatusValue = row.status;
  row.wanted = status === "WANTED";
  row.wantedCriminal = row.wanted && rng.chance(0.12);

  const updateChance =
    status === "WANTED" ? 0.35 : status === "NOT_REGISTERED" ? 0.2 : status === "REMOVED" ? 0.5 : 0.9;
  if (rng.chance(updateChance)) {
    const adultSince = addYears(input.birthDate, 18);
    const inWindow = rng.chance(0.75);
    const from = maxDate(inWindow ? UPDATE_WINDOW.from : UPDATE_WINDOW.to, adultSince);
    const to = inWindow ? UPDATE_WINDOW.to : addDays(today, -1);
    if (from <= to) row.dataUpdatedOn = addDays(from, rng.int(0, daysBetween(from, to)));
  }

  if (row.liability !== "CONSCRIPT" && input.sex === "MALE" && age >= 22 && row.rank === null && rng.chance(0.45)) {
    row.rank = rng.pick(
      rng.weighted<ReadonlyArray<string>>([
        [SOLDIER_RANKS, 55],
        [SERGEANT_RANKS, 30],
        [OFFICER_RANKS, 15],
      ]),
    );
  }
  if (row.rank !== null && row.specialty === null) row.specialty = rng.pick(SPECIALTIES);
  row.category = row.rank !== null || row.liability === "RESERVIST" ? 1 : 2;

  if (status === "EXCLUDED") {
    row.vlkDate = addDays(today, -rng.int(30, 900));
    row.vlkResult = VLK_RESULTS.UNFIT;
  } else if (status !== "REMOVED" && rng.chance(0.4)) {
    row.vlkDate = addDays(today, -rng.int(5, 1000));
    row.vlkResult = rng.weighted([
      [VLK_RESULTS.FIT, 72],
      [VLK_RESULTS.FIT_SUPPORT, 18],
      [VLK_RESULTS.TEMPORARILY_UNFIT, 10],
    ] as const);
  }

  if (row.liability === "LIABLE" && status === "ON_REGISTER" && age >= 25 && age < 60 && rng.chance(0.05)) {
    row.deferment = rng.pick(DEFERMENT_GROUNDS);
    row.defermentUntil = addMonths(today, rng.int(1, 12));
  }
  // Men of service age removed from the register were called up: the registry marks them
  // mobilised (they count in their employer's limit base). Derived from the РНОКПП, not drawn,
  // so the rest of the world stays as it was.
  if (input.sex === "MALE" && status === "REMOVED" && age >= 25 && age < 60) {
    row.mobilisedOn = addDays(today, -(30 + (Number(input.rnokpp.slice(-4)) % 900)));
  }
  return row;
}

function tccOf(rng: Rng, region: Region, district: District): string {
  const cityTccs = region.tccs.filter((name) => name.includes(" м. "));
  if (cityTccs.length > 0 && district.town === region.districts[0]!.town) return rng.pick(cityTccs);
  return `${district.adj} РТЦК та СП`;
}
