import "server-only";
import { db } from "@/lib/db/client";
import type { Registry } from "./registry";
import { createPostgresRegistry } from "./postgres/postgres-registry";

export type { Registry } from "./registry";
export type * from "./types";
export { createPostgresRegistry } from "./postgres/postgres-registry";

/**
 * The registry the portal uses. Only the Postgres mock exists; a real Оберіг adapter would be
 * chosen here by configuration (as Diia's services pick a provider or its mock).
 */
export function registry(): Registry {
  return createPostgresRegistry(db);
}
