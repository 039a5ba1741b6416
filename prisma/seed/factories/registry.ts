import "server-only";
import type { DbTx } from "@/lib/db/client";
import { addDays, addYears } from "../dates";
import { day, nextEdrpou, nextRnokpp, peekSequence } from "./identifiers";

// Registry fixtures: persons with military registration and jobs, enterprises, reservation
// marks. Defaults: a military-liable man on the register with updated data, a private
// enterprise in Kyiv. Dates are "YYYY-MM-DD" strings.

export type RegistrationOverrides = {
  status?: "ON_REGISTER" | "REMOVED" | "EXCLUDED" | "NOT_REGISTERED" | "BEING_CLARIFIED" | "WANTED";
  liability?: "CONSCRIPT" | "LIABLE" | "RESERVIST";
  category?: number;
  tcc?: string;
  registeredOn?: string;
  dataUpdatedOn?: string | null;
  wanted?: boolean;
  wantedCriminal?: boolean;
  rank?: string | null;
  specialty?: string | null;
  vlkDate?: string | null;
  vlkResult?: string | null;
  deferment?: string | null;
  defermentUntil?: string | null;
  mobilisedOn?: string | null;
};

export type EmploymentOverrides = {
  edrpou: string;
  position?: string;
  startDate?: string;
  endDate?: string | null;
  salary?: number;
  mainJob?: boolean;
  suspended?: boolean;
  reportedOn?: string;
};

export type PersonOptions = {
  rnokpp?: string;
  sex?: "MALE" | "FEMALE";
  birthDate?: string;
  lastName?: string;
  firstName?: string;
  patronymic?: string | null;
  phone?: string | null;
  email?: string | null;
  address?: string | null;
  /** Default: on the register, military-liable, data updated, for a man; none for a woman. null: none. */
  military?: RegistrationOverrides | null;
  /** Jobs to create (each names its enterprise). */
  employments?: EmploymentOverrides[];
};

/** A registry person, with military registration and employment as asked. */
export async function createPerson(db: DbTx, options: PersonOptions = {}) {
  const planned = planPerson(options);
  const person = await db.person.create({ data: planned.person });
  const military = planned.military ? await db.militaryRegistration.create({ data: planned.military }) : null;
  const employments = [];
  for (const job of planned.employments) employments.push(await db.employment.create({ data: job }));
  return { rnokpp: planned.rnokpp, person, military, employments };
}

/**
 * Many registry people at once, each as createPerson would make them, written with one
 * createMany a table (10,000 people take a second, not a minute). Their jobs' enterprises
 * must exist already. Returns their РНОКПП in order.
 */
export async function createPeople(db: DbTx, list: readonly PersonOptions[]): Promise<string[]> {
  const planned = list.map(planPerson);
  await db.person.createMany({ data: planned.map((p) => p.person) });
  const military = planned.flatMap((p) => (p.military ? [p.military] : []));
  if (military.length > 0) await db.militaryRegistration.createMany({ data: military });
  const jobs = planned.flatMap((p) => p.employments);
  if (jobs.length > 0) await db.employment.createMany({ data: jobs });
  return planned.map((p) => p.rnokpp);
}

/** The rows of one person: what createPerson and createPeople write. */
function planPerson(options: PersonOptions) {
  const sex = options.sex ?? "MALE";
  // 1981–1994 (aged 32–45 in 2026), a new day every 2,500 people: see nextRnokpp.
  const birthDate = options.birthDate ?? addDays("1981-01-01", Math.floor(peekSequence() / 2_500) % 5_000);
  const rnokpp = options.rnokpp ?? nextRnokpp(birthDate, sex);
  const person = {
    rnokpp,
    lastName: options.lastName ?? (sex === "MALE" ? "Тестовий" : "Тестова"),
    firstName: options.firstName ?? (sex === "MALE" ? "Петро" : "Оксана"),
    patronymic: options.patronymic === undefined ? (sex === "MALE" ? "Іванович" : "Іванівна") : options.patronymic,
    birthDate: day(birthDate),
    sex,
    phone: options.phone === undefined ? "+380501234567" : options.phone,
    email: options.email ?? null,
    address: options.address === undefined ? "м. Київ, вул. Хрещатик, 1" : options.address,
  };
  const wantsMilitary = options.military !== null && (options.military !== undefined || sex === "MALE");
  return {
    rnokpp,
    person,
    military: wantsMilitary ? registrationRow(rnokpp, birthDate, options.military ?? {}) : null,
    employments: (options.employments ?? []).map((job) => employmentRow({ rnokpp, ...job })),
  };
}

export async function createRegistration(
  db: DbTx,
  rnokpp: string,
  birthDate: string,
  overrides: RegistrationOverrides = {},
) {
  return db.militaryRegistration.create({ data: registrationRow(rnokpp, birthDate, overrides) });
}

function registrationRow(rnokpp: string, birthDate: string, overrides: RegistrationOverrides) {
  const status = overrides.status ?? (overrides.wanted ? "WANTED" : "ON_REGISTER");
  const optionalDay = (value: string | null | undefined) => (value ? day(value) : null);
  return {
    rnokpp,
    status,
    liability: overrides.liability ?? "LIABLE",
    category: overrides.category ?? 2,
    tcc: overrides.tcc ?? "Шевченківський РТЦК та СП м. Києва",
    registeredOn: day(overrides.registeredOn ?? addDays(addYears(birthDate, 17), 30)),
    dataUpdatedOn: overrides.dataUpdatedOn === undefined ? day("2024-06-10") : optionalDay(overrides.dataUpdatedOn),
    wanted: overrides.wanted ?? status === "WANTED",
    wantedCriminal: overrides.wantedCriminal ?? false,
    rank: overrides.rank ?? null,
    specialty: overrides.specialty ?? null,
    vlkDate: optionalDay(overrides.vlkDate),
    vlkResult: overrides.vlkResult ?? null,
    deferment: overrides.deferment ?? null,
    defermentUntil: optionalDay(overrides.defermentUntil),
    mobilisedOn: optionalDay(overrides.mobilisedOn),
  };
}

export async function createEmployment(db: DbTx, options: EmploymentOverrides & { rnokpp: string }) {
  return db.employment.create({ data: employmentRow(options) });
}

function employmentRow(options: EmploymentOverrides & { rnokpp: string }) {
  return {
    rnokpp: options.rnokpp,
    edrpou: options.edrpou,
    position: options.position ?? "Інженер",
    startDate: day(options.startDate ?? "2020-03-02"),
    endDate: options.endDate ? day(options.endDate) : null,
    salary: (options.salary ?? 32_000).toFixed(2),
    mainJob: options.mainJob ?? true,
    suspended: options.suspended ?? false,
    reportedOn: day(options.reportedOn ?? "2026-11-20"),
  };
}

export type EnterpriseOptions = {
  edrpou?: string;
  /** The brand: the name is «Товариство з обмеженою відповідальністю «…»», the short name «ТОВ «…»». */
  name?: string;
  /** The full name verbatim, instead of one made from `name`. */
  legalName?: string;
  shortName?: string | null;
  kved?: string;
  kvedName?: string;
  region?: string;
  address?: string | null;
  ownership?: "STATE" | "COMMUNAL" | "PRIVATE" | "COLLECTIVE" | "RELIGIOUS";
  stateShare?: number;
  /** A head's РНОКПП; `true` creates a head (a registry person employed as director). */
  head?: string | true | null;
  frontline?: boolean;
  diiaCity?: boolean;
  registeredOn?: string;
  liquidatedOn?: string | null;
};

export async function createEnterprise(db: DbTx, options: EnterpriseOptions = {}) {
  const edrpou = options.edrpou ?? nextEdrpou();
  const brand = options.name ?? `Тестове підприємство ${edrpou}`;
  const enterprise = await db.enterprise.create({
    data: {
      edrpou,
      name: options.legalName ?? `Товариство з обмеженою відповідальністю «${brand}»`,
      shortName: options.shortName === undefined ? `ТОВ «${brand}»` : options.shortName,
      kved: options.kved ?? "28.30",
      kvedName: options.kvedName ?? "Виробництво машин і устатковання для сільського та лісового господарства",
      region: options.region ?? "м. Київ",
      address: options.address === undefined ? "м. Київ, вул. Заводська, 1" : options.address,
      ownership: options.ownership ?? "PRIVATE",
      stateShare: options.stateShare ?? 0,
      frontline: options.frontline ?? false,
      diiaCity: options.diiaCity ?? false,
      registeredOn: day(options.registeredOn ?? "2015-04-01"),
      liquidatedOn: options.liquidatedOn ? day(options.liquidatedOn) : null,
    },
  });
  if (options.head === undefined || options.head === null) return enterprise;
  const headRnokpp =
    options.head === true
      ? (
          await createPerson(db, {
            birthDate: "1975-02-11",
            lastName: "Директоренко",
            employments: [{ edrpou, position: "Директор", salary: 60_000 }],
          })
        ).rnokpp
      : options.head;
  return db.enterprise.update({ where: { edrpou }, data: { headRnokpp } });
}

export type MarkOptions = {
  rnokpp: string;
  edrpou: string;
  fromDate?: string;
  untilDate?: string;
  status?: "ACTIVE" | "ANNULLED" | "EXPIRED" | "SUPERSEDED";
  /** "diia" by default: a mark made outside the portal. */
  source?: string;
  reservationId?: string | null;
  annulledOn?: string | null;
  ground?: string | null;
};

export async function createReservationMark(db: DbTx, options: MarkOptions) {
  const status = options.status ?? "ACTIVE";
  const fromDate = options.fromDate ?? "2026-10-01";
  return db.reservationMark.create({
    data: {
      rnokpp: options.rnokpp,
      edrpou: options.edrpou,
      fromDate: day(fromDate),
      untilDate: day(options.untilDate ?? addDays(addYears(fromDate, 1), -1)),
      status,
      activeRnokpp: status === "ACTIVE" ? options.rnokpp : null,
      source: options.source ?? "diia",
      reservationId: options.reservationId ?? null,
      annulledOn: options.annulledOn ? day(options.annulledOn) : null,
      ground: options.ground ?? null,
    },
  });
}

export type ServicePeriodOptions = {
  rnokpp: string;
  unitCode: string;
  unitName?: string;
  position?: string;
  fromDate?: string;
  /** null: still serving. */
  untilDate?: string | null;
  /** null: the unit has not confirmed participation in the defence. */
  defenceConfirmedOn?: string | null;
};

/** A period of service; by default 2022-03-01 – 2023-08-31, confirmed by the unit on 2023-09-20. */
export async function createServicePeriod(db: DbTx, options: ServicePeriodOptions) {
  const untilDate = options.untilDate === undefined ? "2023-08-31" : options.untilDate;
  const confirmed = options.defenceConfirmedOn === undefined ? "2023-09-20" : options.defenceConfirmedOn;
  return db.servicePeriod.create({
    data: {
      rnokpp: options.rnokpp,
      unitCode: options.unitCode,
      unitName: options.unitName ?? `Військова частина ${options.unitCode}`,
      position: options.position ?? "стрілець",
      fromDate: day(options.fromDate ?? "2022-03-01"),
      untilDate: untilDate ? day(untilDate) : null,
      defenceConfirmedOn: confirmed ? day(confirmed) : null,
    },
  });
}

/** A ТЦК та СП (its name is what MilitaryRegistration.tcc holds); a unique name and ЄДРПОУ by default. */
export async function createTcc(
  db: DbTx,
  options: { name?: string; edrpou?: string; region?: string; address?: string } = {},
) {
  const edrpou = options.edrpou ?? nextEdrpou();
  return db.tcc.create({
    data: {
      name: options.name ?? `Тестовий РТЦК та СП ${edrpou}`,
      edrpou,
      region: options.region ?? "м. Київ",
      address: options.address ?? "м. Київ, вул. Тестова, 1",
    },
  });
}
