import "server-only";
import type { AuthorizedPersonActor, HeadActor } from "@/lib/auth/roles";
import type { Ctx } from "@/lib/context";
import { generateEdrpou, generateRnokpp } from "@/lib/identifiers";
import { openKeyFile, signDetached, type OpenedKeyFile } from "@/lib/kep/browser";
import { issueCertificate } from "@/lib/kep/provider/issue-certificate";
import { addDays, type IsoDate } from "@/lib/rules";
import { kyivDate } from "@/lib/format";
import { createCtx } from "@/lib/context-server";
import { createReservationDraft } from "../create-reservation-draft";
import { submitApplication } from "../submit-application";
import {
  createAuthority,
  createCriticalDecision,
  createEnterprise,
  createPeople,
  createUser,
} from "@/prisma/seed/factories";

// Fixtures for the lifecycle's integration tests and the benchmark: an enterprise in the
// Оберіг mock with its head (a user with a КЕП key), a critical decision with a limit, and N
// reservable employees — military-liable men on the register, data updated, salary above every
// threshold. A world is a scenario over the one set of factories (prisma/seed/factories):
// the employees are written by createPeople, one createMany a table, so 10,000 take a second.
// Each world takes its own `serial` (0–999) so that worlds in one database never share people.

export const KEY_PASSWORD = "World-Key-Pass1";
const DAY_MS = 86_400_000;

export type WorldOptions = {
  serial: number;
  employees: number;
  limitCount?: number;
  /** Monthly salary of every employee, UAH (default 30,000). */
  salary?: number;
  /** Issue the head a КЕП key (a few hundred ms of RSA); default true. */
  withHeadKey?: boolean;
  /** Also create an authorized person (a user with a membership). */
  withAuthorizedPerson?: boolean;
};

export type World = {
  edrpou: string;
  name: string;
  decisionId: string;
  authorityId: string;
  today: IsoDate;
  employees: string[];
  head: { rnokpp: string; fullName: string; userId: string; actor: HeadActor; key: OpenedKeyFile | null };
  authorized: { rnokpp: string; userId: string; actor: AuthorizedPersonActor; key: OpenedKeyFile | null } | null;
};

export function personRnokpp(serial: number, index: number, sex: "MALE" | "FEMALE" = "MALE"): string {
  const birth = new Date(Date.UTC(1970, 0, 1) + (index % 7000) * DAY_MS);
  return generateRnokpp(birth, sex, (serial + Math.floor(index / 7000) * 97) % 1000);
}

/** The birth date personRnokpp encodes for the index-th employee. */
function employeeBirthDate(index: number): IsoDate {
  return new Date(Date.UTC(1970, 0, 1) + (index % 7000) * DAY_MS).toISOString().slice(0, 10) as IsoDate;
}

export async function createWorld(ctx: Ctx<"db" | "now">, options: WorldOptions): Promise<World> {
  const { db } = ctx;
  const today = kyivDate(ctx.now);
  const { serial } = options;
  const edrpou = generateEdrpou(4_100_000 + serial);
  const name = `ТОВ «Тестове підприємство ${serial}»`;
  const headRnokpp = generateRnokpp(new Date(Date.UTC(1975, 4, 5)), "FEMALE", serial);
  const headName = `Керівниця${serial} Олена Петрівна`;
  const unlisted = { phone: null, address: null } as const;

  await createPeople(db, [
    {
      ...unlisted,
      rnokpp: headRnokpp,
      lastName: `Керівниця${serial}`,
      firstName: "Олена",
      patronymic: "Петрівна",
      birthDate: "1975-05-05",
      sex: "FEMALE",
      email: `head${serial}@example.test`,
    },
  ]);
  await createEnterprise(db, {
    edrpou,
    legalName: name,
    shortName: null,
    kved: "28.11",
    kvedName: "Виробництво двигунів і турбін",
    region: "м. Київ",
    address: null,
    ownership: "PRIVATE",
    head: headRnokpp,
    registeredOn: "2010-01-01",
  });
  const employees = await createPeople(
    db,
    Array.from({ length: options.employees }, (_, i) => ({
      ...unlisted,
      rnokpp: personRnokpp(serial, i),
      lastName: `Працівник${String(i).padStart(5, "0")}`,
      firstName: "Іван",
      patronymic: "Іванович",
      birthDate: employeeBirthDate(i),
      sex: "MALE" as const,
      email: i % 10 === 0 ? `worker${serial}-${i}@example.test` : null,
      military: {
        status: "ON_REGISTER" as const,
        liability: "LIABLE" as const,
        category: 1,
        tcc: "Печерський РТЦК та СП",
        registeredOn: "1990-01-01",
        dataUpdatedOn: "2024-06-15",
      },
      employments: [
        {
          edrpou,
          position: i % 3 === 0 ? "Інженер" : "Слюсар",
          startDate: "2020-01-01",
          salary: options.salary ?? 30_000,
          reportedOn: today,
        },
      ],
    })),
  );
  const authority = await createAuthority(db, {
    code: `test-authority-${serial}`,
    name: "Міністерство економіки України",
    shortName: "Мінекономіки",
    kind: "MINISTRY",
    edrpou: generateEdrpou(3_700_000 + serial),
    kvedSections: [],
  });
  const decision = await createCriticalDecision(db, {
    edrpou,
    authorityId: authority.id,
    number: `КР-${serial}`,
    decidedOn: addDays(today, -30),
    criteria: ["AVERAGE_SALARY", "NO_TAX_ARREARS", "STRATEGIC"],
    limitCategory: "DEFAULT_50",
    militaryLiableCount: options.employees,
    headcount: null,
    limitCount: options.limitCount ?? Math.max(1, Math.floor(options.employees / 2)),
    validUntil: addDays(today, 335),
  });
  const { user: headUser } = await createUser(db, {
    role: "ENTERPRISE_HEAD",
    rnokpp: headRnokpp,
    fullName: headName,
    password: null,
  });
  const withKey = options.withHeadKey !== false;
  const headKey = withKey
    ? await issueKey(db, { rnokpp: headRnokpp, fullName: headName, edrpou, organization: name, title: "Директорка" })
    : null;

  let authorized: World["authorized"] = null;
  if (options.withAuthorizedPerson) {
    const fullName = `Довірена${serial} Ірина Олегівна`;
    const [rnokpp] = await createPeople(db, [
      {
        ...unlisted,
        rnokpp: generateRnokpp(new Date(Date.UTC(1988, 1, 2)), "FEMALE", serial),
        lastName: `Довірена${serial}`,
        firstName: "Ірина",
        patronymic: "Олегівна",
        birthDate: "1988-02-02",
        sex: "FEMALE",
      },
    ]);
    const { user } = await createUser(db, {
      role: "AUTHORIZED_PERSON",
      rnokpp: rnokpp!,
      fullName,
      password: null,
      edrpou,
      grantedByRnokpp: headRnokpp,
    });
    const key = withKey
      ? await issueKey(db, { rnokpp: rnokpp!, fullName, edrpou, organization: name, title: "Менеджерка з персоналу" })
      : null;
    authorized = {
      rnokpp: rnokpp!,
      userId: user.id,
      actor: { userId: user.id, rnokpp: rnokpp!, fullName, role: "AUTHORIZED_PERSON", edrpou, via: "password" },
      key,
    };
  }

  return {
    edrpou,
    name,
    decisionId: decision.id,
    authorityId: authority.id,
    today,
    employees,
    head: {
      rnokpp: headRnokpp,
      fullName: headName,
      userId: headUser.id,
      key: headKey,
      actor: {
        userId: headUser.id,
        rnokpp: headRnokpp,
        fullName: headName,
        role: "ENTERPRISE_HEAD",
        edrpou,
        via: "password",
      },
    },
    authorized,
  };
}

/** Issued for the real clock, whatever day the world is built for: the signature is checked at the real time. */
async function issueKey(
  db: Ctx["db"],
  subject: { rnokpp: string; fullName: string; edrpou: string; organization: string; title: string },
): Promise<OpenedKeyFile> {
  const { p12 } = await issueCertificate({ db, now: new Date() }, { ...subject, password: KEY_PASSWORD });
  return openKeyFile(p12, KEY_PASSWORD);
}

/**
 * The head's detached signature over a draft's bytes, as the browser would make it. RSA
 * PKCS#1 v1.5 is deterministic and signingTime has one-second resolution: a test that needs a
 * second, different signature over the same bytes passes another signingTime.
 */
export function sign(key: OpenedKeyFile, document: Uint8Array, signingTime?: Date): Uint8Array {
  return signDetached(key, document, signingTime ? { signingTime } : {});
}

/** A draft listing these employees, signed by the world's head and submitted: the application's id. */
export async function submitSigned(world: World, rnokpps: readonly string[]): Promise<string> {
  const ctx = createCtx({ actor: world.head.actor });
  const draft = await createReservationDraft(ctx, {
    edrpou: world.edrpou,
    employees: rnokpps.map((rnokpp) => ({ rnokpp })),
  });
  const submitted = await submitApplication(ctx, {
    draftId: draft.draftId,
    signature: sign(world.head.key!, draft.document),
  });
  return submitted.applicationId;
}
