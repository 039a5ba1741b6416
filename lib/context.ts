import type { Actor } from "@/lib/auth/roles";
import type { DbClient } from "@/lib/db/transaction";
import type { Registry } from "@/lib/registry";

/**
 * What a domain function receives first: `fn(ctx, input)`.
 *
 * - `actor` — who acts, resolved once per request (getActor in lib/auth/session.ts for pages and
 *   server actions, authenticateRequest for the HR API); narrow it with `assertCan`.
 * - `db` — the client or the transaction the function runs in. A function that writes several
 *   rows wraps them in `inTransaction(ctx.db, …)` (lib/db/transaction.ts): it opens a
 *   transaction on a client and joins the caller's otherwise, so functions compose.
 * - `registry` — the Оберіг port over that same `db` (`registryFor(db)` from lib/registry).
 * - `now` — the clock; never `new Date()` inside a domain function.
 *
 * Take only what the function needs: `Ctx<"db" | "now">`. The entry points (pages, actions,
 * route handlers, the worker, tests) build it with `createCtx` (lib/context-server.ts).
 */
export type FullCtx = { actor: Actor; db: DbClient; registry: Registry; now: Date };

export type Ctx<K extends keyof FullCtx = keyof FullCtx> = Pick<FullCtx, K>;

/** A context whose actor is narrowed, e.g. `CtxAs<HeadActor, "db">`. */
export type CtxAs<A extends Actor, K extends Exclude<keyof FullCtx, "actor"> = Exclude<keyof FullCtx, "actor">> = Pick<
  FullCtx,
  K
> & { actor: A };
