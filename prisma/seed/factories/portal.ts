import "server-only";
import { hash } from "@node-rs/argon2";
import type { DbTx } from "@/lib/db/client";
import { addDays, addYears } from "../dates";
import { limitOf, type LimitCategory } from "../data/criteria";
import { day, nextEdrpou, nextRnokpp, nextSequence } from "./identifiers";

// Portal fixtures: authorities, critical-status decisions (DEFAULT_50 in force by default),
// users with granted roles, military units and vacancies.

export type AuthorityOptions = {
  code?: string;
  name?: string;
  shortName?: string;
  kind?: "MINISTRY" | "REGIONAL_ADMINISTRATION";
  edrpou?: string;
  region?: string | null;
  kvedSections?: string[];
};

export async function createAuthority(db: DbTx, options: AuthorityOptions = {}) {
  const n = nextSequence();
  const kind = options.kind ?? "MINISTRY";
  return db.authority.create({
    data: {
      code: options.code ?? `test-authority-${n}`,
      name:
        options.name ??
        (kind === "MINISTRY" ? `Тестове міністерство ${n}` : `Тестова обласна військова адміністрація ${n}`),
      shortName: options.shortName ?? (kind === "MINISTRY" ? `Мін-${n}` : `ОВА-${n}`),
      kind,
      edrpou: options.edrpou ?? nextEdrpou(),
      region:
        options.region === undefined
          ? kind === "REGIONAL_ADMINISTRATION"
            ? "Київська область"
            : null
          : options.region,
      kvedSections: options.kvedSections ?? [],
    },
  });
}

export type DecisionOptions = {
  edrpou: string;
  /** Default: a new ministry. */
  authorityId?: string;
  number?: string;
  limitCategory?: LimitCategory;
  decidedOn?: string;
  validFrom?: string;
  validUntil?: string;
  criteria?: string[];
  salaryExemption?: string | null;
  militaryLiableCount?: number;
  headcount?: number | null;
  /** Default: derived from the category's percentage and base. */
  limitCount?: number;
  status?: "ACTIVE" | "REVOKED";
  revokedAt?: Date | null;
  revocationReason?: string | null;
};

/** A critical-status decision; by default DEFAULT_50, decided 2026-09-01, valid a year. */
export async function createCriticalDecision(db: DbTx, options: DecisionOptions) {
  const authorityId = options.authorityId ?? (await createAuthority(db)).id;
  const category = options.limitCategory ?? "DEFAULT_50";
  const decidedOn = options.decidedOn ?? "2026-09-01";
  const validFrom = options.validFrom ?? decidedOn;
  const militaryLiableCount = options.militaryLiableCount ?? 10;
  const headcount = options.headcount === undefined ? militaryLiableCount * 2 : options.headcount;
  const limit = limitOf(category, decidedOn);
  const limitBase = limit.base === "HEADCOUNT" ? (headcount ?? militaryLiableCount) : militaryLiableCount;
  return db.criticalDecision.create({
    data: {
      edrpou: options.edrpou,
      authorityId,
      number: options.number ?? String(nextSequence()),
      decidedOn: day(decidedOn),
      criteria: options.criteria ?? ["AVERAGE_SALARY", "NO_TAX_ARREARS", "SECTORAL_OR_REGIONAL"],
      salaryExemption: options.salaryExemption ?? null,
      limitCategory: category,
      limitPercent: limit.percent,
      militaryLiableCount,
      headcount,
      limitCount: options.limitCount ?? Math.floor((limitBase * limit.percent) / 100),
      validFrom: day(validFrom),
      validUntil: day(options.validUntil ?? addDays(addYears(validFrom, 1), -1)),
      status: options.status ?? "ACTIVE",
      revokedAt: options.revokedAt ?? null,
      revocationReason: options.revocationReason ?? null,
    },
  });
}

export type UserOptions = {
  role?:
    | "ADMIN"
    | "OFFICIAL"
    | "ENTERPRISE_HEAD"
    | "AUTHORIZED_PERSON"
    | "CONSCRIPT"
    | "RECRUITER"
    | "METHODOLOGIST"
    | "UNIT_STAFF_OFFICER"
    | "TCK_OFFICER"
    | "TCK_HEAD"
    | "CENTRE_RECRUITER";
  rnokpp?: string | null;
  email?: string | null;
  fullName?: string;
  /** null: no password (a user who signs in with КЕП only). */
  password?: string | null;
  totpSecret?: string | null;
  authorityId?: string;
  edrpou?: string;
  unitId?: string;
  /** TCK_OFFICER and TCK_HEAD: the ТЦК's name. */
  tcc?: string;
  /** CENTRE_RECRUITER: the recruitment centre's id. */
  centreId?: string;
  position?: string | null;
  grantedByRnokpp?: string | null;
};

/**
 * A user who can sign in with a password, and the membership of a granted role (ADMIN,
 * OFFICIAL with authorityId, AUTHORIZED_PERSON with edrpou, RECRUITER with unitId). Heads and
 * conscripts take their roles from the registry, so they get no membership.
 */
export async function createUser(db: DbTx, options: UserOptions = {}) {
  const role = options.role ?? "CONSCRIPT";
  const n = nextSequence();
  const user = await db.user.create({
    data: {
      rnokpp: options.rnokpp === undefined ? nextRnokpp("1988-03-03", "MALE") : options.rnokpp,
      email:
        options.email === undefined
          ? role === "ADMIN" || role === "OFFICIAL" || role === "METHODOLOGIST"
            ? `user${n}@test.gov.ua`
            : null
          : options.email,
      fullName: options.fullName ?? "Тестовий Користувач Іванович",
      passwordHash:
        options.password === null
          ? null
          : await hash(options.password ?? "test-password", { memoryCost: 19_456, timeCost: 2, parallelism: 1 }),
      totpSecret: options.totpSecret ?? null,
    },
    omit: { passwordHash: true, totpSecret: true },
  });
  const needs = {
    OFFICIAL: options.authorityId,
    METHODOLOGIST: options.authorityId,
    AUTHORIZED_PERSON: options.edrpou,
    RECRUITER: options.unitId,
    UNIT_STAFF_OFFICER: options.unitId,
    TCK_OFFICER: options.tcc,
    TCK_HEAD: options.tcc,
    CENTRE_RECRUITER: options.centreId,
  } as Record<string, string | undefined>;
  if (role in needs && !needs[role])
    throw new Error(
      `createUser: role ${role} needs ${role === "OFFICIAL" || role === "METHODOLOGIST" ? "authorityId" : role === "RECRUITER" || role === "UNIT_STAFF_OFFICER" ? "unitId" : role.startsWith("TCK") ? "tcc" : role === "CENTRE_RECRUITER" ? "centreId" : "edrpou"}`,
    );
  const membership =
    role === "ENTERPRISE_HEAD" || role === "CONSCRIPT"
      ? null
      : await db.membership.create({
          data: {
            userId: user.id,
            role,
            authorityId: options.authorityId ?? null,
            edrpou: options.edrpou ?? null,
            unitId: options.unitId ?? null,
            tcc: options.tcc ?? null,
            centreId: options.centreId ?? null,
            position: options.position ?? null,
            grantedByRnokpp: options.grantedByRnokpp ?? null,
          },
        });
  return { user, membership };
}

/** A recruitment centre receiving Monday to Friday 09:00–17:00 in 30-minute slots of `capacity` visitors. */
export async function createRecruitmentCentre(
  db: DbTx,
  options: { region?: string; capacity?: number; weekdays?: number[]; unitIds?: string[] } = {},
) {
  const n = nextSequence();
  return db.recruitmentCentre.create({
    data: {
      code: `ТРЦ-${n}`,
      name: `Тестовий рекрутинговий центр ${n}`,
      region: options.region ?? "Київська область",
      city: "Бровари",
      address: `Київська обл., м. Бровари, вул. Тестова, ${n}`,
      phone: "+380670000000",
      weekdays: options.weekdays ?? [1, 2, 3, 4, 5],
      opensAt: "09:00",
      closesAt: "17:00",
      slotMinutes: 30,
      capacity: options.capacity ?? 2,
      units: { create: (options.unitIds ?? []).map((unitId) => ({ unitId })) },
    },
  });
}

export async function createMilitaryUnit(
  db: DbTx,
  options: { code?: string; name?: string; branch?: string; region?: string } = {},
) {
  const n = nextSequence();
  return db.militaryUnit.create({
    data: {
      code: options.code ?? `Т${String(n % 100_000).padStart(5, "0")}`,
      name: options.name ?? `Тестова окрема бригада ${n}`,
      branch: options.branch ?? "Сухопутні війська",
      region: options.region ?? "Київська область",
      phone: "+380441234567",
      email: `unit${n}@test.mil.gov.ua`,
    },
  });
}

export async function createVacancy(
  db: DbTx,
  options: { unitId: string; title?: string; specialty?: string; region?: string; status?: "OPEN" | "CLOSED" },
) {
  return db.vacancy.create({
    data: {
      unitId: options.unitId,
      title: options.title ?? "Оператор БпЛА",
      specialty: options.specialty ?? "150125 — оператор БпЛА",
      region: options.region ?? "Київська область",
      requirements: "Вік 18–59; придатність за станом здоров'я.",
      description: "Пілотування розвідувальних дронів.",
      status: options.status ?? "OPEN",
      closedAt: options.status === "CLOSED" ? new Date() : null,
    },
  });
}
