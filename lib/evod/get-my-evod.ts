import "server-only";
import type { Actor } from "@/lib/auth/roles";
import { citizenRnokpp } from "@/lib/citizen/actor-rnokpp";
import type { Ctx } from "@/lib/context";
import { checkEvod, EVOD_SELECT, type CheckedEvod } from "./check-evod";
import { kyivDate } from "@/lib/format";

/**
 * The citizen's latest еВОД (the only one not replaced) with its verdict today, or null when
 * none was issued. The page shows it if valid and offers a new one otherwise.
 */
export async function getMyEvod(
  ctx: Ctx<"db" | "registry" | "now"> & { actor: Actor | null },
): Promise<CheckedEvod | null> {
  const rnokpp = citizenRnokpp(ctx.actor, "record.read");
  const stored = await ctx.db.eDocument.findFirst({
    where: { rnokpp, revokedAt: null },
    orderBy: { issuedAt: "desc" },
    select: EVOD_SELECT,
  });
  if (!stored) return null;
  return checkEvod(ctx.registry, stored, kyivDate(ctx.now));
}
