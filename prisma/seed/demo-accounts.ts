// User rows for the demo logins (argon2id password hashes, TOTP secrets for officials and the
// administrator) and the granted roles: official of an authority, administrator, authorized
// person of the big enterprise, recruiter of a unit. Heads and conscripts need no membership.

import { hash } from "@node-rs/argon2";
import { DEMO_FACTS } from "./demo-persons";
import { DEMO_EDRPOU, DEMO_USERS } from "./demo-users";
import type { AuthorityRow, CentreRow, MembershipRow, UnitRow, UserRow } from "./rows";
import type { Rng } from "./random";

/** argon2id (the library's default algorithm) with OWASP's minimum memory cost. */
const ARGON2_OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export async function buildDemoAccounts(
  rng: Rng,
  options: { authorities: AuthorityRow[]; units: UnitRow[]; centres: CentreRow[] },
): Promise<{ users: UserRow[]; memberships: MembershipRow[] }> {
  const users: UserRow[] = [];
  const memberships: MembershipRow[] = [];
  const headOfBig = DEMO_USERS.find((user) => user.role === "ENTERPRISE_HEAD" && user.edrpou === DEMO_EDRPOU.big);
  for (const demo of DEMO_USERS) {
    const user: UserRow = {
      id: rng.uuid(),
      rnokpp: demo.rnokpp,
      email: demo.email?.toLowerCase() ?? null,
      fullName: demo.fullName,
      passwordHash: await hash(demo.password, ARGON2_OPTIONS),
      totpSecret: demo.totpSecret ?? null,
    };
    users.push(user);
    const base = {
      id: rng.uuid(),
      userId: user.id,
      authorityId: null,
      edrpou: null,
      unitId: null,
      tcc: null,
      centreId: null,
      position: DEMO_FACTS[demo.key]?.position ?? null,
      grantedByRnokpp: null,
    };
    switch (demo.role) {
      case "ADMIN":
        memberships.push({ ...base, role: "ADMIN" });
        break;
      case "OFFICIAL":
      case "METHODOLOGIST": {
        const authority = options.authorities.find((candidate) => candidate.code === demo.authorityCode);
        if (!authority)
          throw new Error(`internal: demo official ${demo.key} names unknown authority ${demo.authorityCode}`);
        memberships.push({ ...base, role: demo.role, authorityId: authority.id });
        break;
      }
      case "AUTHORIZED_PERSON":
        memberships.push({
          ...base,
          role: "AUTHORIZED_PERSON",
          edrpou: demo.edrpou ?? null,
          grantedByRnokpp: headOfBig?.rnokpp ?? null,
          position: "Начальник відділу кадрів",
        });
        break;
      case "RECRUITER":
      case "UNIT_STAFF_OFFICER": {
        const unit = options.units.find((candidate) => candidate.code === demo.unitCode);
        if (!unit) throw new Error(`internal: demo ${demo.key} names unknown unit ${demo.unitCode}`);
        memberships.push({ ...base, role: demo.role, unitId: unit.id });
        break;
      }
      case "TCK_OFFICER":
      case "TCK_HEAD":
        memberships.push({ ...base, role: demo.role, tcc: demo.tcc ?? null });
        break;
      case "CENTRE_RECRUITER": {
        const centre = options.centres.find((candidate) => candidate.code === demo.centreCode);
        if (!centre) throw new Error(`internal: demo ${demo.key} names unknown centre ${demo.centreCode}`);
        memberships.push({ ...base, role: "CENTRE_RECRUITER", centreId: centre.id });
        break;
      }
      case "ENTERPRISE_HEAD":
      case "CONSCRIPT":
        break;
    }
  }
  return { users, memberships };
}
