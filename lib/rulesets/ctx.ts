import "server-only";
import type { Actor } from "@/lib/auth/roles";
import type { DbClient } from "@/lib/db/transaction";

/**
 * What every function of this domain runs with: who acts (null when nobody is signed in: the
 * functions refuse), the client or a transaction they join, and the moment.
 */
export type RulesetCtx = { actor: Actor | null; db: DbClient; now: Date };
