import "server-only";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/context";

// Every authority with how many officials serve in it and how many decisions it made.

export type AuthoritySummary = {
  id: string;
  code: string;
  name: string;
  shortName: string;
  kind: "MINISTRY" | "REGIONAL_ADMINISTRATION";
  edrpou: string;
  region: string | null;
  kvedSections: string[];
  officials: number;
  decisions: number;
};

export async function listAuthorities(ctx: Ctx<"actor" | "db">): Promise<AuthoritySummary[]> {
  const client = ctx.db;
  assertCan(ctx.actor, "authorities.manage");
  const rows = await client.authority.findMany({
    orderBy: [{ kind: "asc" }, { shortName: "asc" }],
    select: {
      id: true,
      code: true,
      name: true,
      shortName: true,
      kind: true,
      edrpou: true,
      region: true,
      kvedSections: true,
      _count: { select: { decisions: true, memberships: { where: { role: "OFFICIAL", revokedAt: null } } } },
    },
  });
  return rows.map(({ _count, ...a }) => ({ ...a, officials: _count.memberships, decisions: _count.decisions }));
}
