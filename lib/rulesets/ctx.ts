import "server-only";
import type { Actor } from "@/lib/auth/roles";
import type { Db } from "@/lib/db/client";

/** What every function of this domain runs with: who acts, the database, and the moment. */
export type RulesetCtx = { actor: Actor | null; db: Db; now: Date };
