import { beforeAll, describe, expect, it } from "vitest";
import { holdsRoleOption, listRoleOptions } from "@/lib/auth/list-role-options";
import { sameRoleOption, type RoleOption } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import {
  createAuthority,
  createEnterprise,
  createMilitaryUnit,
  createPerson,
  createRecruitmentCentre,
  createUser,
} from "@/prisma/seed/factories";

// Every request asks whether its session's active role still holds (lib/auth/session.ts). That
// question is answered by holdsRoleOption with only the queries the role needs; its answer must
// be the one listRoleOptions — what the person is offered at sign-in — gives, for every role a
// person holds and for the roles they lost or never had: a withdrawn membership, a liquidated or
// another enterprise, a changed scope, a conscript without registration.

type Who = { userId?: string | null; rnokpp?: string | null };

let people: Array<{ name: string; who: Who }>;
let candidates: RoleOption[];

beforeAll(async () => {
  const head = await createPerson(db, { birthDate: "1976-05-05", lastName: "Керівниченко" });
  const headed = await createEnterprise(db, { head: head.rnokpp });
  const liquidated = await createEnterprise(db, { head: head.rnokpp, liquidatedOn: "2025-01-31" });
  const other = await createEnterprise(db, { head: true });
  const authority = await createAuthority(db);
  const unit = await createMilitaryUnit(db);
  const centre = await createRecruitmentCentre(db, { unitIds: [unit.id] });

  // A head (and conscript) who is also authorized elsewhere, an official, a ТЦК officer and a
  // centre recruiter, and who lost a recruiter's role.
  const { user } = await createUser(db, { role: "AUTHORIZED_PERSON", rnokpp: head.rnokpp, edrpou: other.edrpou });
  const grant = (
    data: Partial<{ role: RoleOption["role"]; authorityId: string; unitId: string; tcc: string; centreId: string }>,
  ) => db.membership.create({ data: { userId: user.id, role: data.role!, ...data } });
  await grant({ role: "OFFICIAL", authorityId: authority.id });
  await grant({ role: "TCK_OFFICER", tcc: "Шевченківський РТЦК та СП м. Києва" });
  await grant({ role: "CENTRE_RECRUITER", centreId: centre.id });
  const lost = await grant({ role: "RECRUITER", unitId: unit.id });
  await db.membership.update({ where: { id: lost.id }, data: { revokedAt: new Date() } });

  // A woman with no military registration and no roles of her own; a user without РНОКПП.
  const unregistered = await createPerson(db, { birthDate: "1990-01-01", sex: "FEMALE" });
  const { user: official } = await createUser(db, { role: "OFFICIAL", rnokpp: null, authorityId: authority.id });

  people = [
    { name: "the head with memberships", who: { userId: user.id, rnokpp: head.rnokpp } },
    { name: "the same person before an account", who: { userId: null, rnokpp: head.rnokpp } },
    { name: "an unregistered woman", who: { userId: null, rnokpp: unregistered.rnokpp } },
    { name: "an official without РНОКПП", who: { userId: official.id, rnokpp: null } },
  ];
  const held = await listRoleOptions({ db }, people[0]!.who);
  const label = "";
  candidates = [
    ...held,
    { role: "ENTERPRISE_HEAD", edrpou: liquidated.edrpou, label },
    { role: "ENTERPRISE_HEAD", edrpou: other.edrpou, label },
    { role: "ENTERPRISE_HEAD", label },
    { role: "ENTERPRISE_HEAD", edrpou: headed.edrpou, authorityId: authority.id, label },
    { role: "AUTHORIZED_PERSON", edrpou: headed.edrpou, label },
    { role: "AUTHORIZED_PERSON", label },
    { role: "OFFICIAL", authorityId: authority.id, edrpou: other.edrpou, label },
    { role: "OFFICIAL", label },
    { role: "TCK_OFFICER", tcc: "Інший РТЦК", label },
    { role: "TCK_HEAD", tcc: "Шевченківський РТЦК та СП м. Києва", label },
    { role: "RECRUITER", unitId: unit.id, label },
    { role: "CONSCRIPT", edrpou: headed.edrpou, label },
    { role: "ADMIN", label },
    { role: "NO_SUCH_ROLE" as RoleOption["role"], label },
  ];
});

describe("holdsRoleOption", () => {
  it("answers as listRoleOptions does, for every person and every role held, lost or never had", async () => {
    let held = 0;
    for (const person of people) {
      const offered = await listRoleOptions({ db }, person.who);
      for (const option of candidates) {
        const expected = offered.some((o) => sameRoleOption(o, option));
        if (expected) held++;
        expect(
          await holdsRoleOption({ db }, person.who, option),
          `${person.name}: ${JSON.stringify({ ...option, label: undefined })}`,
        ).toBe(expected);
      }
    }
    // Six roles of the head with memberships, two of the same person without an account (head and
    // conscript), one of the official.
    expect(held).toBe(9);
  });

  it("holds the head's, the authorized person's and the conscript's roles, and not the withdrawn recruiter's", async () => {
    const who = people[0]!.who;
    const roles = (await listRoleOptions({ db }, who)).map((o) => o.role).sort();
    expect(roles).toEqual(
      ["AUTHORIZED_PERSON", "CENTRE_RECRUITER", "CONSCRIPT", "ENTERPRISE_HEAD", "OFFICIAL", "TCK_OFFICER"].sort(),
    );
    const recruiter = candidates.find((o) => o.role === "RECRUITER")!;
    expect(await holdsRoleOption({ db }, who, recruiter)).toBe(false);
    await db.membership.updateMany({ where: { userId: who.userId!, role: "RECRUITER" }, data: { revokedAt: null } });
    expect(await holdsRoleOption({ db }, who, recruiter)).toBe(true);
  });
});
