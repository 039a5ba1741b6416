import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { kyivDate } from "@/lib/format";
import { openKeyFile, type OpenedKeyFile } from "@/lib/kep/browser";
import { ensureTestProvider } from "@/lib/kep/provider/ensure-test-provider";
import { issueCertificate } from "@/lib/kep/provider/issue-certificate";
import { addDays, addYears, installRulesets, rulesetFor, RULESETS, salaryThresholdFor } from "@/lib/rules";
import { listRulesetVersions } from "@/lib/rulesets/list-ruleset-versions";
import { prepareRulesetVersion } from "@/lib/rulesets/prepare-ruleset-version";
import { startRulesetCache, type RulesetCache } from "@/lib/rulesets/ruleset-cache";
import { seedCodeRulesets } from "@/lib/rulesets/ruleset-store";
import { signRulesetVersion } from "@/lib/rulesets/sign-ruleset-version";
import { computeRulesetWhatIf } from "@/lib/rulesets/compute-ruleset-what-if";
import {
  createReservationDraft,
  decideSubmittedApplication,
  getApplication,
  submitApplication,
} from "@/lib/reservations";
import { createWorld, sign as signBytes } from "@/lib/reservations/testing/world";
import {
  createAuthority,
  createCriticalDecision,
  createEnterprise,
  createPerson,
  createReservationMark,
  createUser,
} from "@/prisma/seed/factories";
import { sign } from "./ministry-fixtures";
import { createCtx } from "@/lib/context-server";
import { listSelectableEmployees } from "@/lib/company/list-selectable-employees";

// Rulesets as signed data: a methodologist of the Ministry of Economy drafts a version as a
// change of the current one, signs it with КЕП, and every process answers rulesetFor() with it
// from the day it takes effect. Every refusal leaves the database as it was.

const KEY_PASSWORD = "Methodologist-Key-1";
const now = new Date();
const today = kyivDate(now);
const tomorrow = addDays(today, 1);

type Signer = { actor: Actor; key: OpenedKeyFile };
let methodologist: Signer;
let official: Signer;
let ministry: { id: string; edrpou: string; name: string };
let cache: RulesetCache;

async function person(role: "METHODOLOGIST" | "OFFICIAL", fullName: string): Promise<Signer> {
  const { user } = await createUser(db, { role, authorityId: ministry.id, fullName });
  const { p12 } = await issueCertificate(createCtx({ actor: null }), {
    rnokpp: user.rnokpp!,
    fullName,
    password: KEY_PASSWORD,
    edrpou: ministry.edrpou,
    organization: ministry.name,
    title: "Головний спеціаліст",
  });
  return {
    actor: { userId: user.id, rnokpp: user.rnokpp, fullName, role, authorityId: ministry.id, via: "password" } as Actor,
    key: openKeyFile(p12, KEY_PASSWORD),
  };
}

const ctx = (actor: Actor | null, at = now) => ({ actor, db, now: at });

function draft(overrides: Record<string, unknown> = {}) {
  return {
    basedOn: RULESETS.at(-1)!.version,
    effectiveFrom: tomorrow,
    title: "Поріг заробітної плати 30 000 грн",
    legalBasis: { act: "Постанова Кабінету Міністрів України", number: "999", date: today },
    changes: { salary: { general: { minimumWage: 1_000_000, multiplierPercent: 300 } } },
    ...overrides,
  };
}

async function counts() {
  const [versions, documents, audit, nonces, used] = await Promise.all([
    db.rulesetVersion.count(),
    db.signedDocument.count(),
    db.auditLog.count(),
    db.nonce.count(),
    db.nonce.count({ where: { usedAt: { not: null } } }),
  ]);
  return { versions, documents, audit, nonces, used };
}

async function refused(code: string, attempt: () => Promise<unknown>, status?: number): Promise<AppError> {
  const before = await counts();
  const error = await attempt().then(
    () => new Error(`очікувалася відмова ${code}`),
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  if (status) expect((error as AppError).status).toBe(status);
  expect((error as AppError).message).toMatch(/[а-яіїєґ]/i);
  const after = await counts();
  // A refused draft issues no nonce; a refused signature consumes none.
  expect({ ...after, nonces: before.nonces }).toEqual(before);
  return error as AppError;
}

async function signDraft(signer: Signer, input: Record<string, unknown>, by: Signer = signer) {
  const prepared = await prepareRulesetVersion(ctx(signer.actor), input);
  return signRulesetVersion(ctx(signer.actor), {
    draft: input,
    nonce: prepared.nonce,
    signature: sign(by.key, prepared.document),
  });
}

beforeAll(async () => {
  await ensureTestProvider({ db, now: new Date(Date.now() - 30 * 86_400_000) });
  ministry = await createAuthority(db, {
    code: "mineconomy",
    kind: "MINISTRY",
    shortName: "Мінекономіки",
    name: "Міністерство економіки України",
  });
  methodologist = await person("METHODOLOGIST", "Гриценко Наталія Петрівна");
  official = await person("OFFICIAL", "Марченко Олена Вікторівна");
  expect(await seedCodeRulesets(db)).toBe(RULESETS.length);
  expect(await seedCodeRulesets(db)).toBe(0);
  cache = await startRulesetCache({ db, databaseUrl: env().DATABASE_URL! });
});

afterAll(async () => {
  await cache.stop();
  installRulesets(RULESETS);
});

describe("drafting and signing a version", () => {
  it("drafts a raised salary threshold from tomorrow as a diff, signs it, and the rules switch at that date", async () => {
    const prepared = await prepareRulesetVersion(ctx(methodologist.actor), draft());
    expect(prepared.basedOn).toBe(RULESETS.at(-1)!.version);
    expect(prepared.diff).toEqual([
      { path: "salary.general.minimumWage", before: 864_700, after: 1_000_000 },
      { path: "salary.general.threshold", before: 2_594_100, after: 3_000_000 },
    ]);
    const signed = await signRulesetVersion(ctx(methodologist.actor), {
      draft: draft(),
      nonce: prepared.nonce,
      signature: sign(methodologist.key, prepared.document),
    });
    expect(signed).toMatchObject({ version: `me-${tomorrow}`, effectiveFrom: tomorrow });

    const row = await db.rulesetVersion.findUniqueOrThrow({
      where: { version: signed.version },
      include: { signedDocument: true },
    });
    expect(row).toMatchObject({
      source: "signed",
      legalNumber: "999",
      basedOn: RULESETS.at(-1)!.version,
      signerRnokpp: methodologist.actor.rnokpp,
    });
    expect(row.signedDocument).toMatchObject({
      kind: "RULESET_VERSION",
      signerRnokpp: methodologist.actor.rnokpp,
      authorityId: ministry.id,
    });
    expect(JSON.parse(Buffer.from(row.signedDocument!.content).toString("utf8"))).toMatchObject({
      document: "RULESET_VERSION",
      ruleset: { version: signed.version, salary: { general: { threshold: 3_000_000 } } },
    });
    expect(
      await db.auditLog.count({
        where: { action: "ruleset.signed", entityId: signed.version, signedDocumentId: row.signedDocumentId },
      }),
    ).toBe(1);

    // Takes effect at 00:00 Kyiv time on its date: today keeps the old threshold.
    expect(rulesetFor(today).version).toBe(RULESETS.at(-1)!.version);
    expect(rulesetFor(tomorrow).version).toBe(signed.version);
    expect(salaryThresholdFor(rulesetFor(tomorrow), false).threshold).toBe(3_000_000);
    expect(salaryThresholdFor(rulesetFor(tomorrow), true).threshold).toBe(2_161_750);

    const list = await listRulesetVersions(ctx(methodologist.actor));
    expect(list.versions[0]).toMatchObject({
      state: "SCHEDULED",
      source: "signed",
      ruleset: { version: signed.version },
    });
    expect(list.versions[1]).toMatchObject({ state: "IN_FORCE", source: "code" });
  });

  it("replaces a version not yet in force, and refuses to edit one in force", async () => {
    const current = rulesetFor(tomorrow).version;
    const replaced = await signDraft(
      methodologist,
      draft({
        basedOn: current,
        replaces: current,
        title: "Поріг заробітної плати 32 000 грн",
        changes: { salary: { general: { minimumWage: 1_000_000, multiplierPercent: 320 } } },
      }),
    );
    expect(replaced.version).toBe(`me-${tomorrow}-2`);
    expect((await db.rulesetVersion.findUniqueOrThrow({ where: { version: current } })).withdrawnAt).not.toBeNull();
    expect(salaryThresholdFor(rulesetFor(tomorrow), false).threshold).toBe(3_200_000);

    const inForce = RULESETS.at(-1)!.version;
    const error = await refused(
      "RULESET_VERSION_IN_EFFECT",
      () => prepareRulesetVersion(ctx(methodologist.actor), draft({ basedOn: replaced.version, replaces: inForce })),
      409,
    );
    expect(error.message).toContain("не можна змінити");
    // Not even the database lets a version in force change.
    await expect(db.$executeRaw`UPDATE ruleset_versions SET title = 'інша' WHERE version = ${inForce}`).rejects.toThrow(
      /cannot be changed/,
    );
    await expect(db.$executeRaw`DELETE FROM ruleset_versions WHERE version = ${inForce}`).rejects.toThrow(
      /never deleted/,
    );
  });
});

describe("bad drafts and signatures: a Ukrainian message, a 4xx, nothing written", () => {
  const latest = () => rulesetFor(addDays(today, 400)).version;

  it("refuses negative figures, percentages over 100 and unknown categories", async () => {
    const negative = await refused(
      "VALIDATION_FAILED",
      () =>
        prepareRulesetVersion(
          ctx(methodologist.actor),
          draft({
            basedOn: latest(),
            effectiveFrom: addDays(today, 10),
            changes: { salary: { general: { minimumWage: -5, multiplierPercent: 300 } } },
          }),
        ),
      400,
    );
    expect(negative.message + JSON.stringify(negative.fields)).toContain("від'ємним");
    const over = await refused(
      "VALIDATION_FAILED",
      () =>
        prepareRulesetVersion(
          ctx(methodologist.actor),
          draft({
            basedOn: latest(),
            effectiveFrom: addDays(today, 10),
            changes: { limits: { DEFAULT_50: { percent: 120, base: "MILITARY_LIABLE" } } },
          }),
        ),
      400,
    );
    expect(JSON.stringify(over.fields)).toContain("100 %");
    const unknown = await refused(
      "VALIDATION_FAILED",
      () =>
        prepareRulesetVersion(
          ctx(methodologist.actor),
          draft({
            basedOn: latest(),
            effectiveFrom: addDays(today, 10),
            changes: { limits: { BOGUS_100: { percent: 100, base: "MILITARY_LIABLE" } } },
          }),
        ),
      400,
    );
    expect(JSON.stringify(unknown.fields)).toContain("Невідома категорія");
    await refused(
      "VALIDATION_FAILED",
      () =>
        prepareRulesetVersion(
          ctx(methodologist.actor),
          draft({ basedOn: latest(), effectiveFrom: addDays(today, 10), changes: { annulmentSpacingDays: -1 } }),
        ),
      400,
    );
  });

  it("refuses bad criteria, age, extension window, 45-day exception and limit categories, naming the field", async () => {
    const bad = (changes: Record<string, unknown>) => () =>
      prepareRulesetVersion(
        ctx(methodologist.actor),
        draft({ basedOn: latest(), effectiveFrom: addDays(today, 10), changes }),
      );
    const cases: Array<[Record<string, unknown>, string, RegExp]> = [
      [{ ageLimit: 15 }, "changes.ageLimit", /Граничний вік/],
      [{ ageLimit: -60 }, "changes.ageLimit", /від'ємним/],
      [{ extensionWindowDays: -1 }, "changes.extensionWindowDays", /Вікно продовження: не може бути від'ємним/],
      [{ extensionWindowDays: 400 }, "changes.extensionWindowDays", /Вікно продовження/],
      [{ maxTermMonths: 0 }, "changes.maxTermMonths", /більшим за нуль/],
      [
        { exception45: { termDays: 0, hiredWithinDays: 45, onceInMonths: 12 } },
        "changes.exception45.termDays",
        /Строк винятку: має бути більшим за нуль/,
      ],
      [
        { exception45: { termDays: 45, hiredWithinDays: -1, onceInMonths: 12 } },
        "changes.exception45.hiredWithinDays",
        /від'ємним/,
      ],
      [
        { criteriaGeneral: { mandatory: ["AVERAGE_SALARY", "AVERAGE_SALARY"], minAdditional: 1, minTotal: 3 } },
        "changes.criteriaGeneral.mandatory",
        /двічі/,
      ],
      [
        { criteriaGeneral: { mandatory: ["AVERAGE_SALARY"], minAdditional: 1, minTotal: 0 } },
        "changes.criteriaGeneral.minTotal",
        /Мінімум критеріїв: має бути більшим за нуль/,
      ],
      [
        { criteriaByCategory: { ENERGY_EQUIPMENT_100: { mandatory: ["FOO"], minAdditional: 0, minTotal: 2 } } },
        "changes.criteriaByCategory.ENERGY_EQUIPMENT_100.mandatory.0",
        /Невідомий критерій: FOO/,
      ],
      [
        { criteriaByCategory: { BOGUS_100: { mandatory: [], minAdditional: 0, minTotal: 2 } } },
        "changes.criteriaByCategory.BOGUS_100",
        /Невідома категорія ліміту: BOGUS_100/,
      ],
      [
        { criteriaByCategory: { DEFENCE_100: { mandatory: [], minAdditional: 20, minTotal: 2 } } },
        "changes.criteriaByCategory.DEFENCE_100.minAdditional",
        /більше, ніж їх є/,
      ],
      [
        { limits: { LIFE_SUPPORT_75: { percent: -5, base: "MILITARY_LIABLE" } } },
        "changes.limits.LIFE_SUPPORT_75.percent",
        /від'ємним/,
      ],
      [{ mobilisedInLimitBase: "так" }, "changes.mobilisedInLimitBase", /./],
      // Checked on the version the draft would make: the general category cannot go, and a
      // category's criteria rule cannot outlive the category.
      [{ limits: { DEFAULT_50: null } }, "limits", /DEFAULT_50/],
      [{ limits: { ENERGY_EQUIPMENT_100: null } }, "criteria.byCategory.ENERGY_EQUIPMENT_100", /якої немає в лімітах/],
    ];
    for (const [changes, field, message] of cases) {
      const error = await refused("VALIDATION_FAILED", bad(changes), 400);
      expect({ changes, field: error.fields?.[field] }).toEqual({ changes, field: expect.stringMatching(message) });
      expect(error.fields?.[field]).toMatch(/[а-яіїєґ]/i);
    }
  });

  it("accepts a draft that changes every field the form edits; the diff and the what-if name each", async () => {
    const input = draft({
      basedOn: latest(),
      effectiveFrom: addDays(today, 10),
      changes: {
        limits: { ENERGY_EQUIPMENT_100: { percent: 90, base: "HEADCOUNT" } },
        criteriaGeneral: { mandatory: ["AVERAGE_SALARY", "NO_TAX_ARREARS"], minAdditional: 2, minTotal: 4 },
        criteriaByCategory: {
          ENERGY_EQUIPMENT_100: { mandatory: ["NO_TAX_ARREARS"], minAdditional: 1, minTotal: 2 },
          DEFENCE_100: { mandatory: [], minAdditional: 0, minTotal: 1 },
        },
        ageLimit: 58,
        extensionWindowDays: 45,
        maxTermMonths: 6,
        annulmentSpacingDays: 7,
        exception45: { termDays: 30, hiredWithinDays: 60, onceInMonths: 6 },
        mobilisedInLimitBase: false,
      },
    });
    const before = await counts();
    const prepared = await prepareRulesetVersion(ctx(methodologist.actor), input);
    const paths = prepared.diff.map((d) => d.path);
    for (const path of [
      "limits.ENERGY_EQUIPMENT_100.percent",
      "limits.ENERGY_EQUIPMENT_100.base",
      "criteria.general.minAdditional",
      "criteria.general.minTotal",
      "criteria.byCategory.ENERGY_EQUIPMENT_100.mandatory",
      "criteria.byCategory.DEFENCE_100",
      "ageLimit",
      "extensionWindowDays",
      "maxTermMonths",
      "annulmentSpacingDays",
      "exception45.termDays",
      "exception45.hiredWithinDays",
      "exception45.onceInMonths",
      "mobilisedInLimitBase",
    ]) {
      expect(paths).toContain(path);
    }
    expect(prepared.ruleset).toMatchObject({
      ageLimit: 58,
      extensionWindowDays: 45,
      exception45: { termDays: 30, limitCategories: ["DEFENCE_100", "DRONE_WEAPONS_100"] },
      criteria: { general: { minTotal: 4 }, byCategory: { DEFENCE_100: { minTotal: 1 } } },
    });
    const result = await computeRulesetWhatIf(ctx(methodologist.actor), input);
    expect(result.changes.map((c) => c.path)).toEqual(paths);
    // What cannot be re-decided for a reservation that exists is named as not counted; the rest is counted.
    expect(result.changes.filter((c) => !c.counted).map((c) => c.path)).toEqual([
      "annulmentSpacingDays",
      "exception45.hiredWithinDays",
      "exception45.onceInMonths",
      "extensionWindowDays",
    ]);
    // Prepared issues a nonce; nothing else is written, no version.
    expect({ ...(await counts()), nonces: before.nonces }).toEqual(before);
  });

  it("refuses an effective date in the past, today, or not after the current version's", async () => {
    await refused(
      "RULESET_DATE_NOT_FUTURE",
      () =>
        prepareRulesetVersion(
          ctx(methodologist.actor),
          draft({ basedOn: latest(), effectiveFrom: addDays(today, -3) }),
        ),
      400,
    );
    await refused(
      "RULESET_DATE_NOT_FUTURE",
      () => prepareRulesetVersion(ctx(methodologist.actor), draft({ basedOn: latest(), effectiveFrom: today })),
      400,
    );
    // The latest version takes effect tomorrow: a new one must come after it.
    const error = await refused(
      "RULESET_DATE_NOT_AFTER_CURRENT",
      () => prepareRulesetVersion(ctx(methodologist.actor), draft({ basedOn: latest(), effectiveFrom: tomorrow })),
      400,
    );
    expect(error.fields?.effectiveFrom).toBeTruthy();
    await refused(
      "RULESET_DRAFT_STALE",
      () =>
        prepareRulesetVersion(
          ctx(methodologist.actor),
          draft({ basedOn: RULESETS[0]!.version, effectiveFrom: addDays(today, 10) }),
        ),
      409,
    );
    await refused(
      "RULESET_NO_CHANGES",
      () =>
        prepareRulesetVersion(
          ctx(methodologist.actor),
          draft({ basedOn: latest(), effectiveFrom: addDays(today, 10), changes: {} }),
        ),
      400,
    );
  });

  it("refuses a signature by someone who is not a methodologist, and an official drafting", async () => {
    const input = draft({ basedOn: latest(), effectiveFrom: addDays(today, 10) });
    const prepared = await prepareRulesetVersion(ctx(methodologist.actor), input);
    await refused(
      "SIGNER_NOT_METHODOLOGIST",
      () =>
        signRulesetVersion(ctx(methodologist.actor), {
          draft: input,
          nonce: prepared.nonce,
          signature: sign(official.key, prepared.document),
        }),
      403,
    );
    await refused("FORBIDDEN", () => prepareRulesetVersion(ctx(official.actor), input), 403);
    await refused(
      "FORBIDDEN",
      () =>
        signRulesetVersion(ctx(official.actor), {
          draft: input,
          nonce: prepared.nonce,
          signature: sign(methodologist.key, prepared.document),
        }),
      403,
    );
    await refused("UNAUTHENTICATED", () => prepareRulesetVersion(ctx(null), input), 401);
    // A figure changed after signing does not match the signed bytes.
    const changed = { ...input, changes: { salary: { general: { minimumWage: 1_000_000, multiplierPercent: 250 } } } };
    await refused("CONTENT_MISMATCH", () =>
      signRulesetVersion(ctx(methodologist.actor), {
        draft: changed,
        nonce: prepared.nonce,
        signature: sign(methodologist.key, prepared.document),
      }),
    );
  });
});

describe("what-if before signing", () => {
  it("counts the active reservations below a new threshold and beyond a new limit, per sector and region, and writes nothing", async () => {
    const enterprise = await createEnterprise(db, { kved: "28.30", region: "Полтавська область", head: true });
    await createCriticalDecision(db, {
      edrpou: enterprise.edrpou,
      authorityId: ministry.id,
      decidedOn: addDays(today, -30),
      limitCategory: "DEFAULT_50",
      militaryLiableCount: 10,
    });
    // The latest version (signed above, from tomorrow) has 32 000; the draft raises it to 35 000.
    // Salaries: two between them (newly below), one already below, two at or above.
    for (const salary of [33_000, 34_999.99, 20_000, 35_000, 45_000]) {
      const p = await createPerson(db, { employments: [{ edrpou: enterprise.edrpou, salary }] });
      await createReservationMark(db, { rnokpp: p.rnokpp, edrpou: enterprise.edrpou, fromDate: addDays(today, -10) });
    }
    // A state enterprise is exempt from the salary criterion: its low salaries do not count.
    const state = await createEnterprise(db, {
      kved: "28.30",
      region: "Полтавська область",
      ownership: "STATE",
      stateShare: 100,
      head: true,
    });
    await createCriticalDecision(db, {
      edrpou: state.edrpou,
      authorityId: ministry.id,
      decidedOn: addDays(today, -30),
      limitCategory: "DEFAULT_50",
      militaryLiableCount: 40,
      salaryExemption: "STATE_OR_COMMUNAL",
    });
    const low = await createPerson(db, { employments: [{ edrpou: state.edrpou, salary: 33_000 }] });
    await createReservationMark(db, { rnokpp: low.rnokpp, edrpou: state.edrpou, fromDate: addDays(today, -10) });

    const input = draft({
      basedOn: rulesetFor(addDays(today, 400)).version,
      effectiveFrom: addDays(today, 20),
      changes: {
        salary: { general: { minimumWage: 1_000_000, multiplierPercent: 350 } },
        limits: { DEFAULT_50: { percent: 30, base: "MILITARY_LIABLE" } },
      },
    });
    const before = await counts();
    const result = await computeRulesetWhatIf(ctx(methodologist.actor), input);
    expect(await counts()).toEqual(before);
    expect(salaryThresholdFor(rulesetFor(addDays(today, 400)), false).threshold).toBe(3_200_000);
    // Limit 50 % of 10 = 5 held all five; 30 % = 3 leaves 2 beyond.
    // The two below the threshold fall; the three left are within the new limit of 3, so 2 in all.
    expect(result).toMatchObject({
      activeReservations: 6,
      total: 2,
      belowThreshold: 2,
      beyondLimit: 2,
      enterprisesAffected: 1,
      byReason: { SALARY: 2, CRITERIA: 0, AGE: 0, TERM: 0, EXCEPTION45: 0, DECISION_CAP: 0 },
    });
    expect(result.sample).toEqual([
      expect.objectContaining({ edrpou: enterprise.edrpou, belowThreshold: 2, beyondLimit: 2 }),
    ]);
    expect(result.bySector).toEqual([expect.objectContaining({ key: "C", beyondLimit: 2 })]);
    expect(result.byRegion).toEqual([expect.objectContaining({ key: "Полтавська область" })]);
    await refused("FORBIDDEN", () => computeRulesetWhatIf(ctx(official.actor), input), 403);
  });

  it("re-decides every active reservation under the draft's age limit, criteria and exception, and writes nothing", async () => {
    const decidedOn = addDays(today, -30);
    const from = addDays(today, -10);
    const until = addDays(from, 364);
    // Age: the draft lowers the limit to 55. One turns 55 before the reservation ends (falls),
    // one the day after it ends (stays).
    const general = await createEnterprise(db, { kved: "25.11", region: "Волинська область", head: true });
    await createCriticalDecision(db, {
      edrpou: general.edrpou,
      authorityId: ministry.id,
      decidedOn,
      militaryLiableCount: 10,
    });
    for (const turns55 of [addDays(today, 100), addDays(until, 1)]) {
      const p = await createPerson(db, {
        birthDate: addYears(turns55, -55),
        employments: [{ edrpou: general.edrpou, salary: 50_000 }],
      });
      await createReservationMark(db, { rnokpp: p.rnokpp, edrpou: general.edrpou, fromDate: from });
    }
    // Criteria: an energy-equipment enterprise meets the category's two criteria; the draft asks three.
    const energy = await createEnterprise(db, { kved: "27.11", region: "Волинська область", head: true });
    await createCriticalDecision(db, {
      edrpou: energy.edrpou,
      authorityId: ministry.id,
      decidedOn,
      limitCategory: "ENERGY_EQUIPMENT_100",
      criteria: ["NO_TAX_ARREARS", "STRATEGIC"],
      militaryLiableCount: 10,
    });
    for (let i = 0; i < 2; i++) {
      const p = await createPerson(db, { employments: [{ edrpou: energy.edrpou, salary: 50_000 }] });
      await createReservationMark(db, { rnokpp: p.rnokpp, edrpou: energy.edrpou, fromDate: from });
    }
    // The 45-day exception: the draft shortens it to 30 days. The portal's 45-day reservation
    // falls; an ordinary one of the same enterprise does not.
    const defence = await createEnterprise(db, { kved: "25.40", region: "Волинська область", head: true });
    const defenceDecision = await createCriticalDecision(db, {
      edrpou: defence.edrpou,
      authorityId: ministry.id,
      decidedOn,
      limitCategory: "DEFENCE_100",
      criteria: ["AVERAGE_SALARY", "NO_TAX_ARREARS", "DEFENCE_CONTRACT"],
      militaryLiableCount: 10,
    });
    const newcomer = await createPerson(db, { employments: [{ edrpou: defence.edrpou, salary: 50_000 }] });
    const exceptionUntil = addDays(from, 44);
    const reservation = await db.reservation.create({
      data: {
        rnokpp: newcomer.rnokpp,
        edrpou: defence.edrpou,
        decisionId: defenceDecision.id,
        applicationId: randomUUID(),
        fromDate: new Date(`${from}T00:00:00Z`),
        untilDate: new Date(`${exceptionUntil}T00:00:00Z`),
        rulesetVersion: RULESETS.at(-1)!.version,
        exception45: true,
        activeRnokpp: newcomer.rnokpp,
      },
    });
    await createReservationMark(db, {
      rnokpp: newcomer.rnokpp,
      edrpou: defence.edrpou,
      fromDate: from,
      untilDate: exceptionUntil,
      source: "portal",
      reservationId: reservation.id,
    });
    const ordinary = await createPerson(db, { employments: [{ edrpou: defence.edrpou, salary: 50_000 }] });
    await createReservationMark(db, { rnokpp: ordinary.rnokpp, edrpou: defence.edrpou, fromDate: from });

    const input = draft({
      basedOn: rulesetFor(addDays(today, 400)).version,
      effectiveFrom: addDays(today, 20),
      changes: {
        ageLimit: 55,
        criteriaByCategory: { ENERGY_EQUIPMENT_100: { mandatory: [], minAdditional: 0, minTotal: 3 } },
        exception45: { termDays: 30, hiredWithinDays: 45, onceInMonths: 12 },
      },
    });
    const before = await counts();
    const result = await computeRulesetWhatIf(ctx(methodologist.actor), input);
    expect(await counts()).toEqual(before);
    // The previous test's six and these six; nothing else in the registry is concerned.
    expect(result).toMatchObject({
      activeReservations: 12,
      total: 4,
      belowThreshold: 0,
      beyondLimit: 0,
      enterprisesAffected: 3,
      byReason: { SALARY: 0, CRITERIA: 2, AGE: 1, TERM: 0, EXCEPTION45: 1, DECISION_CAP: 0 },
    });
    expect(result.reasons.find((r) => r.reason === "AGE")).toEqual({
      reason: "AGE",
      label: "Бронювання триває після досягнення нового граничного віку",
      count: 1,
    });
    expect(Object.fromEntries(result.sample.map((e) => [e.edrpou, e.total]))).toEqual({
      [general.edrpou]: 1,
      [energy.edrpou]: 2,
      [defence.edrpou]: 1,
    });
    expect(result.byRegion).toEqual([expect.objectContaining({ key: "Волинська область", total: 4 })]);
    expect(result.bySector.map((g) => [g.key, g.total])).toEqual([["C", 4]]);
    expect(result.changes).toEqual([
      { path: "ageLimit", counted: true },
      { path: "criteria.byCategory.ENERGY_EQUIPMENT_100.minTotal", counted: true },
      { path: "exception45.termDays", counted: true },
    ]);
  });

  it("counts the reservations beyond the limit when mobilised employees stop counting in its base", async () => {
    // Military-liable base 4 with the two mobilised employees (since 05.03.2025): limit 2, two
    // reserved. Without the mobilised the base is 2, the limit 1: one reservation beyond it.
    const enterprise = await createEnterprise(db, { kved: "10.11", region: "Рівненська область", head: true });
    await createCriticalDecision(db, {
      edrpou: enterprise.edrpou,
      authorityId: ministry.id,
      decidedOn: addDays(today, -30),
      militaryLiableCount: 4,
    });
    for (let i = 0; i < 2; i++) {
      const p = await createPerson(db, { employments: [{ edrpou: enterprise.edrpou, salary: 50_000 }] });
      await createReservationMark(db, { rnokpp: p.rnokpp, edrpou: enterprise.edrpou, fromDate: addDays(today, -10) });
    }
    for (let i = 0; i < 2; i++)
      await createPerson(db, {
        military: { status: "REMOVED", mobilisedOn: addDays(today, -100) },
        employments: [{ edrpou: enterprise.edrpou, salary: 50_000, suspended: true }],
      });
    // A mobilised person who is military-liable on the register anyway is in the base either way.
    await createPerson(db, {
      military: { mobilisedOn: addDays(today, -100) },
      employments: [{ edrpou: enterprise.edrpou, salary: 50_000 }],
    });
    const input = draft({
      basedOn: rulesetFor(addDays(today, 400)).version,
      effectiveFrom: addDays(today, 20),
      changes: { mobilisedInLimitBase: false },
    });
    const result = await computeRulesetWhatIf(ctx(methodologist.actor), input);
    expect(result.changes).toEqual([{ path: "mobilisedInLimitBase", counted: true }]);
    expect(result).toMatchObject({ total: 1, beyondLimit: 1, belowThreshold: 0, enterprisesAffected: 1 });
    expect(result.sample).toEqual([expect.objectContaining({ edrpou: enterprise.edrpou, total: 1, beyondLimit: 1 })]);
    // Counting them again (the version in force already does) changes nothing.
    const same = await computeRulesetWhatIf(
      ctx(methodologist.actor),
      draft({
        basedOn: rulesetFor(addDays(today, 400)).version,
        effectiveFrom: addDays(today, 20),
        changes: { ageLimit: 61 },
      }),
    );
    expect(same).toMatchObject({ total: 0, beyondLimit: 0 });
  });
});

describe("the next day's decision", () => {
  it("uses the version that took effect at 00:00 Kyiv time and records it; the day before, the old one", async () => {
    const world = await createWorld(createCtx({ actor: null }), {
      serial: 81,
      employees: 2,
      limitCount: 2,
      salary: 31_000,
    });
    await db.employment.updateMany({
      where: { rnokpp: world.employees[1]!, edrpou: world.edrpou },
      data: { salary: "40000.00" },
    });
    const signedVersion = rulesetFor(tomorrow).version;
    expect(signedVersion).toMatch(/^me-/);
    // 00:30 Kyiv time tomorrow (winter: UTC+2), and 23:30 Kyiv time today.
    const justAfter = new Date(`${tomorrow}T00:30:00+02:00`);
    const justBefore = new Date(`${today}T23:30:00+02:00`);

    const before = await createReservationDraft(createCtx({ actor: world.head.actor, now: justBefore }), {
      edrpou: world.edrpou,
      employees: world.employees.map((rnokpp) => ({ rnokpp })),
    });
    expect(before.rulesetVersion).toBe(RULESETS.at(-1)!.version);
    expect(before.precheck.map((p) => p.eligible)).toEqual([true, true]);

    const draft = await createReservationDraft(createCtx({ actor: world.head.actor, now: justAfter }), {
      edrpou: world.edrpou,
      employees: world.employees.map((rnokpp) => ({ rnokpp })),
    });
    expect(draft.rulesetVersion).toBe(signedVersion);
    const submitted = await submitApplication(createCtx({ actor: world.head.actor, now: justAfter }), {
      draftId: draft.draftId,
      signature: signBytes(world.head.key!, draft.document),
    });
    expect(
      await decideSubmittedApplication(createCtx({ actor: null, now: justAfter }), {
        applicationId: submitted.applicationId,
      }),
    ).toMatchObject({ outcome: "decided", reserved: 1, refused: 1 });
    const view = await getApplication(createCtx({ actor: world.head.actor }), {
      applicationId: submitted.applicationId,
    });
    expect(view.rulesetVersion).toBe(signedVersion);
    expect(view.items.map((i) => [i.decision, i.reasons.map((r) => r.code)])).toEqual([
      ["REFUSED", ["SALARY_BELOW_THRESHOLD"]],
      ["RESERVED", []],
    ]);
    expect((await db.reservation.findFirstOrThrow({ where: { rnokpp: world.employees[1]! } })).rulesetVersion).toBe(
      signedVersion,
    );
  });
});

describe("the company's pre-check in the wizard", () => {
  it("greys out and states the threshold of the signed version in force, not the code's", async () => {
    const world = await createWorld(createCtx({ actor: null }), {
      serial: 83,
      employees: 2,
      limitCount: 2,
      salary: 31_000,
    });
    await db.employment.updateMany({
      where: { rnokpp: world.employees[1]!, edrpou: world.edrpou },
      data: { salary: "40000.00" },
    });
    const signed = rulesetFor(tomorrow);
    expect(signed.version).toMatch(/^me-/);
    // The code's rulesets know nothing of it: their last threshold is 25 941 UAH.
    expect(RULESETS.some((r) => r.version === signed.version)).toBe(false);
    const step1 = async (now: Date) => {
      const { context, list } = await listSelectableEmployees(createCtx({ actor: world.head.actor, now }), {
        kind: "reservation",
        filters: {},
      });
      const rows = world.employees.map((rnokpp) => list.items.find((i) => i.rnokpp === rnokpp)!);
      return {
        threshold: context.standing.salaryThreshold,
        eligible: rows.map((r) => r.eligible),
        reasons: rows.map((r) => r.reasons.map((x) => x.code)),
      };
    };
    // 23:30 Kyiv time today: the code's version in force; 00:30 tomorrow: the signed one.
    expect(await step1(new Date(`${today}T23:30:00+02:00`))).toEqual({
      threshold: 2_594_100,
      eligible: [true, true],
      reasons: [[], []],
    });
    const after = await step1(new Date(`${tomorrow}T00:30:00+02:00`));
    expect(after).toEqual({
      threshold: salaryThresholdFor(signed, false).threshold,
      eligible: [false, true],
      reasons: [["SALARY_BELOW_THRESHOLD"], []],
    });
    expect(after.threshold).toBe(3_200_000);
  });
});

describe("the in-process cache", () => {
  it("reloads when another connection announces a signed version (NOTIFY)", async () => {
    const far = addDays(today, 200);
    const base = rulesetFor(addDays(today, 400));
    const other = new pg.Client({ connectionString: env().DATABASE_URL! });
    await other.connect();
    try {
      const content = {
        ...base,
        version: "me-notify-test",
        effectiveFrom: far,
        title: "Версія з іншого процесу",
        maxTermMonths: 6,
      };
      await other.query("BEGIN");
      await other.query(
        `INSERT INTO ruleset_versions (version, "effectiveFrom", title, "legalAct", "legalNumber", "legalDate", content, source) VALUES ($1, $2::date, $3, 'Тест', '1', $2::date, $4::jsonb, 'signed')`,
        [content.version, far, content.title, JSON.stringify(content)],
      );
      await other.query("SELECT pg_notify('ruleset_versions', $1)", [content.version]);
      // Not before the commit: the notification is delivered only then.
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(rulesetFor(far).version).not.toBe("me-notify-test");
      await other.query("COMMIT");
    } finally {
      await other.end();
    }
    await expect.poll(() => rulesetFor(far).version, { timeout: 5_000 }).toBe("me-notify-test");
    expect(rulesetFor(far).maxTermMonths).toBe(6);
  });
});
