import "server-only";
import type { Ctx } from "@/lib/context";
import type { DbClient } from "@/lib/db/transaction";
import { shortEnterpriseName } from "@/lib/format/enterprise-name";
import { ROLE_LABELS, sameRoleOption, type Role, type RoleOption } from "./roles";

/**
 * Every role a person holds right now. Heads come from the state register (the enterprise's
 * head is this РНОКПП), conscripts from the military register; the other roles are granted
 * memberships that have not been withdrawn.
 */
export async function listRoleOptions(
  ctx: Ctx<"db">,
  who: { userId?: string | null; rnokpp?: string | null },
): Promise<RoleOption[]> {
  const { db } = ctx;
  const options: RoleOption[] = [];

  if (who.userId) {
    const memberships = await db.membership.findMany({
      where: { userId: who.userId, revokedAt: null },
      orderBy: { grantedAt: "asc" },
      select: {
        role: true,
        edrpou: true,
        authorityId: true,
        unitId: true,
        tcc: true,
        centreId: true,
        authority: { select: { shortName: true } },
        unit: { select: { code: true, name: true } },
        centre: { select: { name: true } },
      },
    });
    const enterpriseNames = await namesOf(
      db,
      memberships.map((m) => m.edrpou).filter((e): e is string => !!e),
    );
    for (const m of memberships) {
      const role = m.role as Role;
      const org =
        m.authority?.shortName ??
        m.centre?.name ??
        (m.unit ? `в/ч ${m.unit.code}` : m.edrpou ? (enterpriseNames.get(m.edrpou) ?? m.edrpou) : (m.tcc ?? undefined));
      options.push({
        role,
        ...(m.edrpou ? { edrpou: m.edrpou } : {}),
        ...(m.authorityId ? { authorityId: m.authorityId } : {}),
        ...(m.unitId ? { unitId: m.unitId } : {}),
        ...(m.tcc ? { tcc: m.tcc } : {}),
        ...(m.centreId ? { centreId: m.centreId } : {}),
        label: org ? `${ROLE_LABELS[role]} · ${org}` : ROLE_LABELS[role],
      });
    }
  }

  if (who.rnokpp) {
    const headed = await db.enterprise.findMany({
      where: { headRnokpp: who.rnokpp, liquidatedOn: null },
      orderBy: { name: "asc" },
      select: { edrpou: true, name: true },
    });
    for (const e of headed)
      options.push({
        role: "ENTERPRISE_HEAD",
        edrpou: e.edrpou,
        label: `${ROLE_LABELS.ENTERPRISE_HEAD} · ${shortEnterpriseName(e.name)}`,
      });

    const registered = await db.militaryRegistration.findUnique({
      where: { rnokpp: who.rnokpp },
      select: { rnokpp: true },
    });
    if (registered) options.push({ role: "CONSCRIPT", label: "Мій військовий облік" });
  }

  return options;
}

/**
 * Whether the person still holds one role — what every request asks of its session's active role
 * (lib/auth/session.ts) — with the same answer as `listRoleOptions(…).some(sameRoleOption)` but
 * only the queries that role needs, none for the labels: a membership of that role, the
 * enterprise headed, or the military registration (tests/integration/hold-role-option.test.ts).
 */
export async function holdsRoleOption(
  ctx: Ctx<"db">,
  who: { userId?: string | null; rnokpp?: string | null },
  option: RoleOption,
): Promise<boolean> {
  const { db } = ctx;
  // A role this build does not know (an old session's) is held by nobody.
  if (!Object.hasOwn(ROLE_LABELS, option.role)) return false;
  const checks: Array<Promise<boolean>> = [];
  if (who.userId)
    checks.push(
      db.membership
        .findMany({
          where: { userId: who.userId, revokedAt: null, role: option.role },
          select: { edrpou: true, authorityId: true, unitId: true, tcc: true, centreId: true },
        })
        .then((rows) =>
          rows.some((m) =>
            sameRoleOption(
              {
                role: option.role,
                ...(m.edrpou ? { edrpou: m.edrpou } : {}),
                ...(m.authorityId ? { authorityId: m.authorityId } : {}),
                ...(m.unitId ? { unitId: m.unitId } : {}),
                ...(m.tcc ? { tcc: m.tcc } : {}),
                ...(m.centreId ? { centreId: m.centreId } : {}),
                label: "",
              },
              option,
            ),
          ),
        ),
    );
  const onlyScope = (scope: "edrpou" | null) =>
    (["edrpou", "authorityId", "unitId", "tcc", "centreId"] as const).every((key) =>
      key === scope ? !!option[key] : option[key] === undefined,
    );
  if (who.rnokpp && option.role === "ENTERPRISE_HEAD" && onlyScope("edrpou"))
    checks.push(
      db.enterprise
        .findFirst({
          where: { edrpou: option.edrpou!, headRnokpp: who.rnokpp, liquidatedOn: null },
          select: { edrpou: true },
        })
        .then((found) => found !== null),
    );
  if (who.rnokpp && option.role === "CONSCRIPT" && onlyScope(null))
    checks.push(
      db.militaryRegistration
        .findUnique({ where: { rnokpp: who.rnokpp }, select: { rnokpp: true } })
        .then((found) => found !== null),
    );
  return (await Promise.all(checks)).some(Boolean);
}

async function namesOf(db: DbClient, edrpous: string[]) {
  if (edrpous.length === 0) return new Map<string, string>();
  const rows = await db.enterprise.findMany({
    where: { edrpou: { in: edrpous } },
    select: { edrpou: true, name: true },
  });
  return new Map(rows.map((r) => [r.edrpou, shortEnterpriseName(r.name)]));
}
