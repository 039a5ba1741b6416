import "server-only";
import type { Actor } from "@/lib/auth/roles";
import { citizenRnokpp } from "@/lib/citizen/actor-rnokpp";
import { db as defaultDb, type DbTx } from "@/lib/db/client";
import { registry as defaultRegistry, type Registry } from "@/lib/registry";
import { checkEvod, EVOD_SELECT, type CheckedEvod } from "./check-evod";
import { kyivDate } from "@/lib/format";

/**
 * The citizen's latest еВОД (the only one not replaced) with its verdict today, or null when
 * none was issued. The page shows it if valid and offers a new one otherwise.
 */
export async function getMyEvod(options: { actor: Actor | null; now: Date; db?: DbTx; registry?: Registry }): Promise<CheckedEvod | null> {
  const rnokpp = citizenRnokpp(options.actor, "record.read");
  const db = options.db ?? defaultDb;
  const stored = await db.eDocument.findFirst({ where: { rnokpp, revokedAt: null }, orderBy: { issuedAt: "desc" }, select: EVOD_SELECT });
  if (!stored) return null;
  return checkEvod(options.registry ?? defaultRegistry(), stored, kyivDate(options.now));
}
