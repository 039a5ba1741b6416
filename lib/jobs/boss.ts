import "server-only";
import PgBoss from "pg-boss";
import { requireDatabaseUrl } from "@/lib/env";

// pg-boss keeps its tables in its own Postgres schema, created and upgraded by pg-boss itself
// on start (its own migrations, not Prisma's): the portal's schema.prisma never mentions it.
export const BOSS_SCHEMA = "pgboss";

export type BossRole =
  /** Works queues, runs cron schedules and pg-boss maintenance: the worker process. */
  | "worker"
  /** Only sends jobs: the Next server and scripts. */
  | "sender";

/** A pg-boss 10 instance for one database; call start() before use and stop() when done. */
export function createBoss(options: { databaseUrl: string; role: BossRole; onError?: (error: Error) => void }): PgBoss {
  const worker = options.role === "worker";
  const boss = new PgBoss({
    connectionString: options.databaseUrl,
    schema: BOSS_SCHEMA,
    application_name: worker ? "bronya-worker" : "bronya-web",
    max: worker ? 5 : 2,
    // Maintenance and cron belong to the worker alone; a sender must not race it for them.
    supervise: worker,
    schedule: worker,
    migrate: true,
  });
  // An EventEmitter "error" without a listener would crash the process.
  boss.on("error", options.onError ?? (() => undefined));
  return boss;
}

const globalForBoss = globalThis as unknown as { bronyaSenderBoss?: Promise<PgBoss> };

/**
 * The process's sender instance, started on first use (a globalThis singleton like the Prisma
 * client, so Next's dev reloads do not open a pool per reload). v10 refuses send() to a queue
 * that does not exist: queues are created by the worker from lib/jobs/handlers.ts.
 */
export function getSenderBoss(): Promise<PgBoss> {
  globalForBoss.bronyaSenderBoss ??= createBoss({ databaseUrl: requireDatabaseUrl(), role: "sender" })
    .start()
    .catch((error: unknown) => {
      globalForBoss.bronyaSenderBoss = undefined;
      throw error;
    });
  return globalForBoss.bronyaSenderBoss;
}

/** Stops the sender instance, if one was started (tests switch databases between files). */
export async function stopSenderBoss(): Promise<void> {
  const pending = globalForBoss.bronyaSenderBoss;
  globalForBoss.bronyaSenderBoss = undefined;
  if (pending) await (await pending.catch(() => undefined))?.stop({ graceful: false });
}
