import "server-only";
import type { Actor } from "@/lib/auth/roles";
import { db as globalDb, getReadDb, type DbTx } from "@/lib/db/client";
import type { DbClient } from "@/lib/db/transaction";
import { registryFor } from "@/lib/registry";
import type { FullCtx } from "./context";

/**
 * Builds the context of one request or job at its entry point — the only place besides
 * lib/db that reaches the process's Prisma client. Inside a transaction use `withDb(ctx, tx)`
 * so that the registry reads and writes through the same transaction.
 */
export function createCtx<A extends Actor | null = Actor>(options: {
  actor: A;
  now?: Date;
  db?: DbClient;
  /** Read-only work that may lag by a moment (status, lists, dashboards, checks): a replica when configured. */
  readOnly?: boolean;
}): Omit<FullCtx, "actor"> & { actor: A } {
  const client = options.db ?? (options.readOnly ? getReadDb() : globalDb);
  return { actor: options.actor, db: client, registry: registryFor(client), now: options.now ?? new Date() };
}

/** The same context over another client or transaction (its registry follows). */
export function withDb<C extends { db: DbClient; registry?: unknown }>(ctx: C, tx: DbTx): C {
  return { ...ctx, db: tx, ...("registry" in ctx ? { registry: registryFor(tx) } : {}) };
}
