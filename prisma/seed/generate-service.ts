// Periods of military service in the registry: the men the registry shows as mobilised serve
// now (one open period); some men back on the register with a rank are demobilised veterans
// with one or two past periods since 2022. Units confirm participation in the defence for most
// periods; the rest wait for the unit (the certificate of participation then goes to its staff
// officer). Drawn from a stream of the person's own, so the rest of the world stays as it was.

import { UNITS } from "./data/military";
import { addDays, addMonths, daysBetween, maxDate, minDate } from "./dates";
import { Rng } from "./random";
import type { RegistrationRow, ServicePeriodRow, SexValue } from "./rows";

const FULL_SCALE_INVASION = "2022-02-24";
const POSITIONS = [
  "стрілець",
  "старший стрілець",
  "водій",
  "оператор БпЛА",
  "бойовий медик",
  "навідник",
  "гранатометник",
  "радіотелефоніст",
  "командир відділення",
  "кулеметник",
] as const;
const OFFICER_POSITIONS = ["командир взводу", "командир роти", "офіцер штабу"] as const;

export type ServiceInput = {
  seed: number;
  rnokpp: string;
  sex: SexValue;
  age: number;
  registration: RegistrationRow | null;
  today: string;
};

export function generateServicePeriods(input: ServiceInput): ServicePeriodRow[] {
  const { registration, today } = input;
  if (input.sex !== "MALE" || !registration || input.age < 20) return [];
  const rng = Rng.derive(input.seed, 21, Number(input.rnokpp.slice(0, 5)), Number(input.rnokpp.slice(5)));
  const officer = registration.rank !== null && /лейтенант|капітан|майор|полковник/.test(registration.rank);
  const position = () => (officer ? rng.pick(OFFICER_POSITIONS) : rng.pick(POSITIONS));

  if (registration.mobilisedOn) {
    const fromDate = registration.mobilisedOn;
    const served = daysBetween(fromDate, today);
    const unit = rng.pick(UNITS);
    const confirmed = served > 90 && rng.chance(0.7);
    return [
      row(
        rng,
        input.rnokpp,
        unit,
        position(),
        fromDate,
        null,
        confirmed ? minDate(addDays(fromDate, rng.int(60, 90)), addDays(today, -1)) : null,
      ),
    ];
  }

  const veteran =
    registration.status === "ON_REGISTER" &&
    registration.rank !== null &&
    input.age >= 23 &&
    input.age < 60 &&
    rng.chance(0.18);
  if (!veteran) return [];
  const periods: ServicePeriodRow[] = [];
  let from = addDays(FULL_SCALE_INVASION, rng.int(0, 400));
  const count = rng.chance(0.3) ? 2 : 1;
  for (let i = 0; i < count; i++) {
    const until = minDate(addMonths(from, rng.int(6, 30)), addDays(today, -60));
    if (until <= from) break;
    const confirmed = rng.chance(0.85);
    periods.push(
      row(
        rng,
        input.rnokpp,
        rng.pick(UNITS),
        position(),
        from,
        until,
        confirmed ? minDate(addDays(until, rng.int(10, 90)), addDays(today, -1)) : null,
      ),
    );
    from = addDays(until, rng.int(1, 30));
    if (from >= addDays(today, -120)) break;
  }
  return periods;
}

function row(
  rng: Rng,
  rnokpp: string,
  unit: (typeof UNITS)[number],
  position: string,
  fromDate: string,
  untilDate: string | null,
  confirmedOn: string | null,
): ServicePeriodRow {
  return {
    id: rng.uuid(),
    rnokpp,
    unitCode: unit.code,
    unitName: unit.name,
    position,
    fromDate,
    untilDate,
    defenceConfirmedOn: confirmedOn ? maxDate(confirmedOn, fromDate) : null,
  };
}
