import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { readReplicas } from "@prisma/extension-read-replicas";
import { env, requireDatabaseUrl } from "@/lib/env";
import { PrismaClient } from "./generated/client";

// One Prisma client per process (a globalThis singleton survives Next's dev reloads),
// over node-postgres through Prisma's driver adapter: no Rust engine to download.

function createClient(connectionString: string = requireDatabaseUrl()) {
  const adapter = new PrismaPg({ connectionString, max: 10 });
  return new PrismaClient({
    adapter,
    omit: {
      user: { passwordHash: true, totpSecret: true },
      caKey: { keyPem: true },
    },
  });
}

export type Db = ReturnType<typeof createClient>;
/** A client or an interactive transaction: domain functions accept either. */
export type DbTx = Omit<Db, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

function createReplicated(primary: Db, replicaUrls: readonly string[]) {
  return primary.$extends(readReplicas({ replicas: replicaUrls.map((url) => createClient(url)) }));
}

const globalForDb = globalThis as unknown as {
  bronyaDb?: Db;
  bronyaReplicated?: ReturnType<typeof createReplicated> | null;
};

export function getDb(): Db {
  globalForDb.bronyaDb ??= createClient();
  return globalForDb.bronyaDb;
}

/**
 * The client for read-only work that may lag the primary by a moment (the conscript's status,
 * employee lists, dashboards, document checks): one of the streaming replicas in
 * DATABASE_REPLICA_URLS, picked by @prisma/extension-read-replicas, or the primary when there
 * are none. Everything that must read its own writes (a decision, a draft just created) and every
 * transaction stays on `db`. Entry points reach it through `createCtx({ readOnly: true })`.
 */
export function getReadDb(): Db {
  if (globalForDb.bronyaReplicated === undefined) {
    const urls = env().DATABASE_REPLICA_URLS;
    globalForDb.bronyaReplicated = urls.length > 0 ? createReplicated(getDb(), urls) : null;
  }
  // $replica() hands out one of the replica clients built above, each a full client like `db`.
  return globalForDb.bronyaReplicated ? (globalForDb.bronyaReplicated.$replica() as unknown as Db) : getDb();
}

/** Lazily created so that importing a module never needs DATABASE_URL. */
export const db: Db = new Proxy({} as Db, {
  get(_target, property) {
    const client = getDb();
    const value = Reflect.get(client, property, client);
    return typeof value === "function" ? value.bind(client) : value;
  },
});

/** Closes the process's client (tests switch databases between files). */
export async function disconnectDb() {
  const client = globalForDb.bronyaDb;
  const replicated = globalForDb.bronyaReplicated;
  globalForDb.bronyaDb = undefined;
  globalForDb.bronyaReplicated = undefined;
  // The extension's $disconnect closes the primary and every replica client.
  if (replicated) await replicated.$disconnect();
  else await client?.$disconnect();
}

export { Prisma } from "./generated/client";
export type * from "./generated/client";
