// The registry records behind the demo logins: who they are, where they work, how they are
// registered. The reserved conscript holds an active Дія mark at the big enterprise; the
// eligible one passes every condition there, so the demo head can reserve him.

import { DEMO_USERS, type DemoUser } from "./demo-users";
import { addDays, addMonths, addYears, ageOn, maxDate, minDate } from "./dates";
import { MARK_SOURCE } from "./reservation-marks";
import { UNITS } from "./data/military";
import type { EmploymentRow, MarkRow, PersonBundle, RegistrationRow, ServicePeriodRow, SexValue } from "./rows";
import type { Rng } from "./random";

type DemoFacts = {
  birthDate: string;
  sex: SexValue;
  address: string;
  phone: string;
  registration: (Partial<RegistrationRow> & { tcc: string }) | null;
  job?: { enterprise: "big" | "small" | "nonCritical"; position: string; salary: number; startDate: string };
  reservedAtBig?: boolean;
  /** Position shown with an official's or administrator's membership. */
  position?: string;
  /** Periods of military service (veterans), in unit codes of data/military UNITS. */
  service?: ReadonlyArray<DemoServicePeriod>;
};

type DemoServicePeriod = {
  unitCode: string;
  position: string;
  fromDate: string;
  untilDate: string;
  confirmed: boolean;
};

export const DEMO_FACTS: Record<string, DemoFacts> = {
  admin: {
    birthDate: "1988-12-05",
    sex: "MALE",
    address: "м. Київ, вул. Лесі Українки, 14, кв. 27",
    phone: "+380671112233",
    registration: {
      tcc: "Печерський РТЦК та СП м. Києва",
      rank: "старший солдат",
      specialty: "185207 — механік зв'язку",
    },
    position: "Адміністратор порталу «Броня»",
  },
  "official-economy": {
    birthDate: "1982-01-25",
    sex: "FEMALE",
    address: "м. Київ, вул. Грушевського, 9, кв. 4",
    phone: "+380503334455",
    registration: null,
    position: "Головний спеціаліст відділу формування Єдиного переліку критично важливих підприємств",
  },
  methodologist: {
    birthDate: "1984-05-17",
    sex: "FEMALE",
    address: "м. Київ, вул. Михайла Грушевського, 12/2, кв. 17",
    phone: "+380504447788",
    registration: null,
    position: "Головний спеціаліст відділу методології бронювання військовозобов'язаних",
  },
  "official-ova": {
    birthDate: "1975-08-30",
    sex: "MALE",
    address: "Харківська обл., м. Харків, просп. Незалежності, 21, кв. 88",
    phone: "+380675556677",
    registration: {
      tcc: "Київський РТЦК та СП м. Харкова",
      rank: "капітан",
      specialty: "021001 — офіцер з управління підрозділами",
    },
    position: "Заступник начальника управління економіки Харківської ОВА",
  },
  "head-big": {
    birthDate: "1968-03-14",
    sex: "MALE",
    address: "Дніпропетровська обл., м. Дніпро, вул. Січових Стрільців, 40, кв. 12",
    phone: "+380672223344",
    registration: {
      tcc: "Шевченківський РТЦК та СП м. Дніпра",
      rank: "старший лейтенант",
      specialty: "021001 — офіцер з управління підрозділами",
    },
    job: { enterprise: "big", position: "Генеральний директор", salary: 148_500, startDate: "2011-02-01" },
  },
  "head-small": {
    birthDate: "1979-11-23",
    sex: "MALE",
    address: "Вінницька обл., м. Вінниця, вул. Соборна, 52, кв. 6",
    phone: "+380982345678",
    registration: { tcc: "Вінницький РТЦК та СП" },
    job: { enterprise: "small", position: "Директор", salary: 38_000, startDate: "2023-03-15" },
  },
  "authorized-big": {
    birthDate: "1985-09-02",
    sex: "FEMALE",
    address: "Дніпропетровська обл., м. Дніпро, вул. Набережна, 11, кв. 101",
    phone: "+380661234567",
    registration: null,
    job: { enterprise: "big", position: "Начальник відділу кадрів", salary: 48_000, startDate: "2014-05-12" },
  },
  "head-noncritical": {
    birthDate: "1990-06-11",
    sex: "FEMALE",
    address: "Львівська обл., м. Львів, вул. Замкова, 3, кв. 2",
    phone: "+380934567890",
    registration: null,
    job: { enterprise: "nonCritical", position: "Директор", salary: 35_000, startDate: "2024-02-20" },
  },
  "conscript-reserved": {
    birthDate: "1991-04-07",
    sex: "MALE",
    address: "Дніпропетровська обл., м. Дніпро, вул. Вишнева, 8, кв. 54",
    phone: "+380503216549",
    registration: {
      tcc: "Соборний РТЦК та СП м. Дніпра",
      rank: "солдат",
      specialty: "427077 — водій автомобільної техніки",
      vlkResult: "придатний до військової служби",
    },
    job: { enterprise: "big", position: "Інженер-конструктор турбін", salary: 42_500, startDate: "2016-09-01" },
    reservedAtBig: true,
  },
  "conscript-eligible": {
    birthDate: "1994-10-19",
    sex: "MALE",
    address: "Дніпропетровська обл., м. Дніпро, вул. Зелена, 17",
    phone: "+380979876543",
    registration: { tcc: "Соборний РТЦК та СП м. Дніпра" },
    job: { enterprise: "big", position: "Слюсар-складальник", salary: 31_200, startDate: "2019-04-15" },
  },
  recruiter: {
    birthDate: "1992-02-17",
    sex: "MALE",
    address: "Київська обл., м. Бровари, вул. Героїв України, 5, кв. 33",
    phone: "+380631472583",
    registration: { tcc: "Броварський РТЦК та СП", rank: "капітан", specialty: "213001 — офіцер з персоналу" },
    position: "Офіцер відділення рекрутингу",
  },
  "unit-staff-officer": {
    birthDate: "1985-11-08",
    sex: "MALE",
    address: "Київська обл., м. Бровари, вул. Київська, 140, кв. 9",
    phone: "+380672589631",
    registration: { tcc: "Броварський РТЦК та СП", rank: "майор", specialty: "213001 — офіцер з персоналу" },
    position: "Начальник стройової частини",
  },
  veteran: {
    birthDate: "1987-05-12",
    sex: "MALE",
    address: "м. Київ, вул. Велика Васильківська, 72, кв. 15",
    phone: "+380504561237",
    registration: {
      tcc: "Голосіївський РТЦК та СП м. Києва",
      rank: "сержант",
      specialty: "100915 — командир відділення",
    },
    service: [
      { unitCode: "А0317", position: "стрілець", fromDate: "2022-03-01", untilDate: "2023-08-31", confirmed: true },
      {
        unitCode: "А4521",
        position: "командир відділення",
        fromDate: "2023-09-15",
        untilDate: "2025-06-30",
        confirmed: true,
      },
    ],
  },
  "veteran-unconfirmed": {
    birthDate: "1990-02-03",
    sex: "MALE",
    address: "Київська обл., м. Ірпінь, вул. Соборна, 21, кв. 40",
    phone: "+380937418529",
    registration: { tcc: "Бучанський РТЦК та СП", rank: "старший солдат", specialty: "150125 — оператор БпЛА" },
    service: [
      { unitCode: "А1846", position: "водій", fromDate: "2022-04-10", untilDate: "2023-05-20", confirmed: true },
      {
        unitCode: "А4521",
        position: "оператор БпЛА",
        fromDate: "2023-06-01",
        untilDate: "2025-10-15",
        confirmed: false,
      },
    ],
  },
  "conscript-young": {
    birthDate: "2006-03-10",
    sex: "MALE",
    address: "м. Київ, вул. Антоновича, 48, кв. 31",
    phone: "+380681237645",
    registration: { tcc: "Голосіївський РТЦК та СП м. Києва", liability: "CONSCRIPT" },
  },
  "centre-recruiter": {
    birthDate: "1989-07-22",
    sex: "MALE",
    address: "м. Київ, вул. Саксаганського, 101, кв. 6",
    phone: "+380671598642",
    registration: {
      tcc: "Голосіївський РТЦК та СП м. Києва",
      rank: "старший лейтенант",
      specialty: "213001 — офіцер з персоналу",
    },
    position: "Рекрутер Київського рекрутингового центру ЗСУ",
  },
  "tck-officer": {
    birthDate: "1987-06-12",
    sex: "MALE",
    address: "Дніпропетровська обл., м. Дніпро, вул. Старокозацька, 21, кв. 9",
    phone: "+380673339911",
    registration: {
      tcc: "Соборний РТЦК та СП м. Дніпра",
      rank: "старший лейтенант",
      specialty: "213001 — офіцер з персоналу",
    },
    position: "Офіцер відділення комплектування",
  },
  "tck-head": {
    birthDate: "1976-09-03",
    sex: "MALE",
    address: "Дніпропетровська обл., м. Дніпро, просп. Яворницького, 60, кв. 14",
    phone: "+380503337722",
    registration: {
      tcc: "Соборний РТЦК та СП м. Дніпра",
      rank: "полковник",
      specialty: "021001 — офіцер з управління підрозділами",
    },
    position: "Начальник Соборного РТЦК та СП м. Дніпра",
  },
};

export type DemoBundle = PersonBundle & {
  user: DemoUser;
  age: number;
  employer: "big" | "small" | "nonCritical" | null;
};

export function buildDemoBundles(
  rng: Rng,
  options: {
    today: string;
    reportedOn: string;
    edrpouOf: (key: "big" | "small" | "nonCritical") => string;
    bigDecision: { validFrom: string; validUntil: string };
  },
): DemoBundle[] {
  return DEMO_USERS.map((user) => {
    const facts = DEMO_FACTS[user.key];
    if (!facts) throw new Error(`no registry facts for demo user ${user.key}`);
    const [lastName, firstName, patronymic] = user.fullName.split(" ") as [string, string, string];
    const registration = facts.registration ? demoRegistration(user.rnokpp, facts, options.today) : null;
    const employments: EmploymentRow[] = facts.job
      ? [
          {
            id: rng.uuid(),
            rnokpp: user.rnokpp,
            edrpou: options.edrpouOf(facts.job.enterprise),
            position: facts.job.position,
            startDate: minDate(facts.job.startDate, addDays(options.today, -1)),
            endDate: null,
            salary: facts.job.salary,
            mainJob: true,
            suspended: false,
            reportedOn: options.reportedOn,
          },
        ]
      : [];
    const marks: MarkRow[] = [];
    if (facts.reservedAtBig) {
      const fromDate = maxDate(options.bigDecision.validFrom, addDays(options.today, -40));
      marks.push({
        id: rng.uuid(),
        rnokpp: user.rnokpp,
        edrpou: options.edrpouOf("big"),
        fromDate,
        untilDate: minDate(addDays(addMonths(fromDate, 12), -1), options.bigDecision.validUntil),
        status: "ACTIVE",
        activeRnokpp: user.rnokpp,
        source: MARK_SOURCE,
        annulledOn: null,
        ground: null,
      });
    }
    return {
      user,
      age: ageOn(facts.birthDate, options.today),
      employer: facts.job?.enterprise ?? null,
      person: {
        rnokpp: user.rnokpp,
        lastName,
        firstName,
        patronymic,
        birthDate: facts.birthDate,
        sex: facts.sex,
        phone: facts.phone,
        email: user.email ?? null,
        address: facts.address,
      },
      registration,
      employments,
      marks,
      servicePeriods: (facts.service ?? []).map((period) => demoServicePeriod(rng, user.rnokpp, period, options.today)),
    };
  });
}

function demoServicePeriod(rng: Rng, rnokpp: string, period: DemoServicePeriod, today: string): ServicePeriodRow {
  const unit = UNITS.find((candidate) => candidate.code === period.unitCode);
  if (!unit) throw new Error(`internal: demo service period names unknown unit ${period.unitCode}`);
  const untilDate = minDate(period.untilDate, addDays(today, -30));
  return {
    id: rng.uuid(),
    rnokpp,
    unitCode: unit.code,
    unitName: unit.name,
    position: period.position,
    fromDate: minDate(period.fromDate, addDays(untilDate, -200)),
    untilDate,
    defenceConfirmedOn: period.confirmed ? minDate(addDays(untilDate, 21), addDays(today, -1)) : null,
  };
}

function demoRegistration(rnokpp: string, facts: DemoFacts, today: string): RegistrationRow {
  const given = facts.registration!;
  const rank = given.rank ?? null;
  return {
    rnokpp,
    status: "ON_REGISTER",
    liability: given.liability ?? "LIABLE",
    category: rank ? 1 : 2,
    tcc: given.tcc,
    registeredOn: addDays(addYears(facts.birthDate, 17), 45),
    dataUpdatedOn: minDate("2024-06-14", addDays(today, -1)),
    wanted: false,
    wantedCriminal: false,
    rank,
    specialty: given.specialty ?? null,
    vlkDate: given.vlkResult ? minDate("2025-03-18", addDays(today, -1)) : null,
    vlkResult: given.vlkResult ?? null,
    deferment: null,
    defermentUntil: null,
    mobilisedOn: null,
  };
}
