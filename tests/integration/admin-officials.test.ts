import { authenticator } from "otplib";
import { beforeAll, describe, expect, it } from "vitest";
import { addOfficial } from "@/lib/admin/add-official";
import { createAuthority } from "@/lib/admin/create-authority";
import { listAuthorities } from "@/lib/admin/list-authorities";
import { listOfficials } from "@/lib/admin/list-officials";
import { listRegions } from "@/lib/admin/list-regions";
import { updateAuthority } from "@/lib/admin/update-authority";
import { withdrawOfficial } from "@/lib/admin/withdraw-official";
import { issueOfficialTestKey } from "@/lib/admin/issue-official-test-key";
import { listRoleOptions } from "@/lib/auth/list-role-options";
import type { Actor } from "@/lib/auth/roles";
import { grantDecision } from "@/lib/enterprises/grant-decision";
import { prepareDecisionGrant } from "@/lib/enterprises/prepare-decision-grant";
import { resetEnvCache } from "@/lib/env";
import { openKeyFile } from "@/lib/kep/browser";
import { verifyPasswordLogin } from "@/lib/auth/verify-password-login";
import { db } from "@/lib/db/client";
import { generateEdrpou, generateRnokpp } from "@/lib/identifiers";
import { createEnterprise, createUser } from "@/prisma/seed/factories";
import { createManufacturer, createMinistryWorld, failure, newDecisionInput, sign } from "./ministry-fixtures";
import { createCtx } from "@/lib/context-server";

// The administrator manages authorities and officials; nobody else may.

let world: Awaited<ReturnType<typeof createMinistryWorld>>;
let serial = 100;
const person = () => generateRnokpp(new Date(Date.UTC(1985, 4, 12)), "FEMALE", serial++);

beforeAll(async () => {
  world = await createMinistryWorld();
});

describe("authorities", () => {
  it("creates a ministry and a regional administration, audited under the new authority", async () => {
    const { id } = await createAuthority(createCtx({ actor: world.adminActor }), {
      code: "minagro-test",
      edrpou: generateEdrpou(4_123_456),
      name: "Міністерство аграрної політики (тест)",
      shortName: "Мінагро",
      kind: "MINISTRY",
      region: null,
      kvedSections: ["C", "A", "A"],
    });
    expect(await db.authority.findUniqueOrThrow({ where: { id } })).toMatchObject({
      kvedSections: ["A", "C"],
      region: null,
    });
    expect(await db.auditLog.count({ where: { action: "authority.created", authorityId: id } })).toBe(1);
    const ova = await createAuthority(createCtx({ actor: world.adminActor }), {
      code: "ova-test",
      edrpou: generateEdrpou(4_123_457),
      name: "Сумська обласна військова адміністрація",
      shortName: "Сумська ОВА",
      kind: "REGIONAL_ADMINISTRATION",
      region: "Сумська область",
      kvedSections: [],
    });
    expect((await listAuthorities(createCtx({ actor: world.adminActor }))).find((a) => a.id === ova.id)).toMatchObject({
      officials: 0,
      decisions: 0,
      region: "Сумська область",
    });
    await createEnterprise(db, { region: "Сумська область" });
    await createEnterprise(db, { region: "м. Київ" });
    expect((await listRegions(createCtx({ actor: null }))).sort()).toEqual(["Сумська область", "м. Київ"].sort());
  });

  it("refuses an ОВА without a region, a taken code or ЄДРПОУ, a bad ЄДРПОУ and an unknown section", async () => {
    const base = {
      code: "x-test",
      edrpou: generateEdrpou(4_200_001),
      name: "Тестовий орган влади",
      shortName: "Тест",
      kind: "MINISTRY",
      region: null,
      kvedSections: [],
    };
    const create = (input: Record<string, unknown>) =>
      failure(createAuthority(createCtx({ actor: world.adminActor }), { ...base, ...input }));
    expect((await create({ kind: "REGIONAL_ADMINISTRATION" })).fields?.region).toContain("регіон");
    expect((await create({ code: world.ministry.code })).fields?.code).toContain("таким кодом");
    expect((await create({ edrpou: world.ministry.edrpou })).fields?.edrpou).toContain("ЄДРПОУ");
    expect((await create({ edrpou: "32855962" })).code).toBe("INVALID_EDRPOU");
    expect((await create({ kvedSections: ["Z"] })).code).toBe("VALIDATION_FAILED");
  });

  it("edits names, kind, region and sections, keeping what was before in the audit row", async () => {
    const created = await createAuthority(createCtx({ actor: world.adminActor }), {
      code: "edit-test",
      edrpou: generateEdrpou(4_300_001),
      name: "Стара назва органу",
      shortName: "Старий",
      kind: "MINISTRY",
      region: null,
      kvedSections: ["J"],
    });
    await updateAuthority(createCtx({ actor: world.adminActor }), {
      id: created.id,
      name: "Нова назва органу",
      shortName: "Новий",
      kind: "REGIONAL_ADMINISTRATION",
      region: "Полтавська область",
      kvedSections: [],
    });
    expect(await db.authority.findUniqueOrThrow({ where: { id: created.id } })).toMatchObject({
      name: "Нова назва органу",
      kind: "REGIONAL_ADMINISTRATION",
      region: "Полтавська область",
      kvedSections: [],
      code: "edit-test",
    });
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "authority.updated", entityId: created.id } });
    expect(audit.details).toMatchObject({
      before: { shortName: "Старий", kvedSections: ["J"] },
      after: { shortName: "Новий" },
    });
    expect(
      (
        await failure(
          updateAuthority(createCtx({ actor: world.adminActor }), {
            id: "00000000-0000-4000-8000-000000000000",
            name: "Нова назва органу",
            shortName: "Нов",
            kind: "MINISTRY",
            region: null,
            kvedSections: [],
          }),
        )
      ).code,
    ).toBe("NOT_FOUND");
  });
});

describe("officials", () => {
  it("adds an official who can then sign in with the password and the TOTP shown once", async () => {
    const rnokpp = person();
    const added = await addOfficial(createCtx({ actor: world.adminActor }), {
      authorityId: world.ministry.id,
      email: " New.Official@Test.gov.ua ",
      fullName: "Нова Посадова Особа",
      rnokpp,
      position: "Заступник директора департаменту",
      password: "Initial-pass-2026",
    });
    expect(added.totp.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(added.totp.uri).toMatch(/^otpauth:\/\/totp\/.+\?secret=[A-Z2-7]{32}&.*issuer=/);
    expect(added.totp.qrDataUrl).toMatch(/^data:image\/png;base64,/);

    const user = await db.user.findUniqueOrThrow({
      where: { id: added.userId },
      omit: { passwordHash: false, totpSecret: false },
    });
    expect(user).toMatchObject({ email: "new.official@test.gov.ua", rnokpp, totpSecret: added.totp.secret });
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    const login = await verifyPasswordLogin(
      { db, now: new Date() },
      {
        address: "192.0.2.10",
        login: "new.official@test.gov.ua",
        password: "Initial-pass-2026",
        totp: authenticator.generate(added.totp.secret),
      },
    );
    expect(login.id).toBe(added.userId);
    const roles = await listRoleOptions({ db }, { userId: added.userId, rnokpp });
    expect(roles).toContainEqual(expect.objectContaining({ role: "OFFICIAL", authorityId: world.ministry.id }));
    expect(
      await db.auditLog.count({
        where: { action: "official.added", entityId: added.membershipId, authorityId: world.ministry.id },
      }),
    ).toBe(1);
    expect(
      (await listOfficials(createCtx({ actor: world.adminActor }), { authorityId: world.ministry.id })).map(
        (o) => o.email,
      ),
    ).toContain("new.official@test.gov.ua");
  });

  it("gives a person with an account (a conscript) the role, replacing the password and authenticator", async () => {
    const { user } = await createUser(db, {
      role: "CONSCRIPT",
      rnokpp: person(),
      email: null,
      password: "old-password-1",
    });
    const added = await addOfficial(createCtx({ actor: world.adminActor }), {
      authorityId: world.other.id,
      email: "conscript.official@test.gov.ua",
      fullName: "Колишній Призовник Іванович",
      rnokpp: user.rnokpp!,
      position: "Спеціаліст",
      password: "Brand-new-pass-1",
    });
    expect(added.userId).toBe(user.id);
    await expect(
      verifyPasswordLogin(
        { db, now: new Date() },
        {
          address: "192.0.2.10",
          login: user.rnokpp!,
          password: "old-password-1",
          totp: authenticator.generate(added.totp.secret),
        },
      ),
    ).rejects.toThrow("Неправильний логін або пароль");
    await expect(
      verifyPasswordLogin(
        { db, now: new Date() },
        {
          address: "192.0.2.10",
          login: "conscript.official@test.gov.ua",
          password: "Brand-new-pass-1",
          totp: authenticator.generate(added.totp.secret),
        },
      ),
    ).resolves.toMatchObject({ id: user.id });
    expect(await listRoleOptions({ db }, { userId: user.id, rnokpp: user.rnokpp })).toContainEqual(
      expect.objectContaining({ role: "OFFICIAL", authorityId: world.other.id }),
    );
  });

  it("refuses an e-mail of another person, a second membership in the same authority, weak passwords and bad РНОКПП", async () => {
    const base = {
      authorityId: world.ministry.id,
      email: "dup@test.gov.ua",
      fullName: "Дублікат Іван Іванович",
      rnokpp: person(),
      position: "Спеціаліст",
      password: "Good-password-1",
    };
    await addOfficial(createCtx({ actor: world.adminActor }), base);
    expect(
      (await failure(addOfficial(createCtx({ actor: world.adminActor }), { ...base, rnokpp: person() }))).fields?.email,
    ).toContain("іншій особі");
    expect((await failure(addOfficial(createCtx({ actor: world.adminActor }), base))).code).toBe("CONFLICT");
    expect(
      (
        await failure(
          addOfficial(createCtx({ actor: world.adminActor }), {
            ...base,
            email: "weak@test.gov.ua",
            rnokpp: person(),
            password: "short1",
          }),
        )
      ).fields?.password,
    ).toContain("12");
    expect(
      (
        await failure(
          addOfficial(createCtx({ actor: world.adminActor }), {
            ...base,
            email: "bad@test.gov.ua",
            rnokpp: "1759013777",
          }),
        )
      ).code,
    ).toBe("INVALID_RNOKPP");
  });

  it("withdraws an official at once and only once", async () => {
    const added = await addOfficial(createCtx({ actor: world.adminActor }), {
      authorityId: world.ministry.id,
      email: "leaving@test.gov.ua",
      fullName: "Той Що Йде",
      rnokpp: person(),
      position: "Спеціаліст",
      password: "Leaving-pass-2026",
    });
    await withdrawOfficial(createCtx({ actor: world.adminActor }), { membershipId: added.membershipId });
    expect((await db.membership.findUniqueOrThrow({ where: { id: added.membershipId } })).revokedAt).toBeInstanceOf(
      Date,
    );
    expect(await listRoleOptions({ db }, { userId: added.userId })).toEqual([]);
    expect(
      (await failure(withdrawOfficial(createCtx({ actor: world.adminActor }), { membershipId: added.membershipId })))
        .code,
    ).toBe("CONFLICT");
    expect(await db.auditLog.count({ where: { action: "official.withdrawn", entityId: added.membershipId } })).toBe(1);
  });

  it("is refused to an official (an official cannot reach the administration)", async () => {
    const official = world.official.actor;
    expect((await failure(listAuthorities(createCtx({ actor: official })))).code).toBe("FORBIDDEN");
    expect((await failure(createAuthority(createCtx({ actor: official }), {}))).code).toBe("FORBIDDEN");
    expect((await failure(addOfficial(createCtx({ actor: official }), {}))).code).toBe("FORBIDDEN");
    expect((await failure(withdrawOfficial(createCtx({ actor: official }), {}))).code).toBe("FORBIDDEN");
    expect((await failure(listOfficials(createCtx({ actor: official })))).code).toBe("FORBIDDEN");
  });

  it("in demo mode issues an added official a test key with which they can sign a decision", async () => {
    const rnokpp = person();
    const added = await addOfficial(createCtx({ actor: world.adminActor }), {
      authorityId: world.ministry.id,
      email: "keyholder@test.gov.ua",
      fullName: "Ключова Оксана Петрівна",
      rnokpp,
      position: "Начальник відділу",
      password: "Keyholder-pass-1",
    });
    const refused = await failure(
      issueOfficialTestKey(createCtx({ actor: world.adminActor }), { membershipId: added.membershipId }),
    );
    expect(refused.code).toBe("FORBIDDEN");
    process.env.DEMO_MODE = "1";
    resetEnvCache();
    try {
      expect(
        (
          await failure(
            issueOfficialTestKey(createCtx({ actor: world.official.actor }), { membershipId: added.membershipId }),
          )
        ).code,
      ).toBe("FORBIDDEN");
      const key = await issueOfficialTestKey(createCtx({ actor: world.adminActor }), {
        membershipId: added.membershipId,
      });
      const opened = openKeyFile(Uint8Array.from(Buffer.from(key.p12Base64, "base64")), key.password);
      expect(opened.identity).toMatchObject({ rnokpp, edrpou: world.ministry.edrpou, title: "Начальник відділу" });

      const actor: Actor = {
        userId: added.userId,
        rnokpp,
        fullName: "Ключова Оксана Петрівна",
        role: "OFFICIAL",
        authorityId: world.ministry.id,
        via: "password",
      };
      const enterprise = await createManufacturer();
      const input = newDecisionInput(enterprise.edrpou);
      const prepared = await prepareDecisionGrant(createCtx({ actor }), input);
      const { decisionId } = await grantDecision(createCtx({ actor }), {
        decision: input,
        nonce: prepared.nonce,
        signature: sign(opened, prepared.document),
      });
      expect(
        (await db.criticalDecision.findUniqueOrThrow({ where: { id: decisionId }, include: { signedDocument: true } }))
          .signedDocument?.signerRnokpp,
      ).toBe(rnokpp);
    } finally {
      delete process.env.DEMO_MODE;
      resetEnvCache();
    }
  });
});
