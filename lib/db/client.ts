import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { requireDatabaseUrl } from "@/lib/env";
import { PrismaClient } from "./generated/client";

// One Prisma client per process (a globalThis singleton survives Next's dev reloads),
// over node-postgres through Prisma's driver adapter: no Rust engine to download.

function createClient() {
  const adapter = new PrismaPg({ connectionString: requireDatabaseUrl(), max: 10 });
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

const globalForDb = globalThis as unknown as { bronyaDb?: Db };

export function getDb(): Db {
  globalForDb.bronyaDb ??= createClient();
  return globalForDb.bronyaDb;
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
  globalForDb.bronyaDb = undefined;
  await client?.$disconnect();
}

export { Prisma } from "./generated/client";
export type * from "./generated/client";
