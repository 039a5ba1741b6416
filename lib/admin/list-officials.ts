import "server-only";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/context";

// The officials of every authority (or one), serving ones first, with the withdrawn kept for
// the record. The TOTP secret and the password hash never leave the database here.

export type OfficialRow = {
  membershipId: string;
  userId: string;
  fullName: string;
  rnokpp: string | null;
  email: string | null;
  position: string | null;
  authority: { id: string; shortName: string };
  grantedAt: Date;
  revokedAt: Date | null;
  lastLoginAt: Date | null;
};

export async function listOfficials(
  ctx: Ctx<"actor" | "db">,
  input: { authorityId?: string } = {},
): Promise<OfficialRow[]> {
  const client = ctx.db;
  assertCan(ctx.actor, "officials.manage");
  const rows = await client.membership.findMany({
    where: { role: "OFFICIAL", ...(input.authorityId ? { authorityId: input.authorityId } : {}) },
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { grantedAt: "desc" }],
    take: 2000,
    select: {
      id: true,
      position: true,
      grantedAt: true,
      revokedAt: true,
      user: { select: { id: true, fullName: true, rnokpp: true, email: true, lastLoginAt: true } },
      authority: { select: { id: true, shortName: true } },
    },
  });
  return rows.map((m) => ({
    membershipId: m.id,
    userId: m.user.id,
    fullName: m.user.fullName,
    rnokpp: m.user.rnokpp,
    email: m.user.email,
    position: m.position,
    authority: m.authority ?? { id: "", shortName: "—" },
    grantedAt: m.grantedAt,
    revokedAt: m.revokedAt,
    lastLoginAt: m.user.lastLoginAt,
  }));
}
