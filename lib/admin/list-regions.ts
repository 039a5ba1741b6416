import "server-only";
import { db as defaultDb, type DbTx } from "@/lib/db/client";
import { registryFor } from "@/lib/registry";

// The regions as the state register spells them (Enterprise.region): an ОВА's region must be
// written exactly so, or it would match no enterprise. The admin form offers these.
export async function listRegions(options: { db?: DbTx } = {}): Promise<string[]> {
  const client = options.db ?? defaultDb;
  return registryFor(client).listRegions();
}
