import "server-only";
import { db } from "@/lib/db/client";
import type { Db, DbTx } from "@/lib/db/client";
import { env } from "@/lib/env";
import type { Registry } from "./registry";
import { createPostgresRegistry } from "./postgres/postgres-registry";

export type { Registry, RegistryRelations } from "./registry";
export type * from "./types";
export type * from "./service-records";
export type * from "./basic-service-records";
export type * from "./tcc-types";
export { AGE_BANDS, PROTECTIONS } from "./tcc-types";
export { createPostgresRegistry } from "./postgres/postgres-registry";

/**
 * The registry over this client or transaction: the one place the Оберіг adapter is chosen, by
 * REGISTRY_PROVIDER (lib/env.ts), as Diia's services pick a provider or its mock. A real
 * adapter adds a value to REGISTRY_PROVIDER and a case here; nothing else changes.
 */
export function registryFor(client: Db | DbTx): Registry {
  switch (env().REGISTRY_PROVIDER) {
    case "postgres-mock":
      return createPostgresRegistry(client);
  }
}

/** The registry over the process's client (outside any transaction). */
export function registry(): Registry {
  return registryFor(db);
}
