import "server-only";
import { assertCan } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/roles";
import { db as defaultDb, type DbTx } from "@/lib/db/client";
import { verifyAuditChain, type AuditChainReport } from "./verify-audit-chain";

/** The audit page's banner: the whole chain walked, for whoever may read the audit log. */
export async function checkAuditIntegrity(options: { actor: Actor; db?: DbTx }): Promise<AuditChainReport> {
  assertCan(options.actor, "audit.read");
  return verifyAuditChain(options.db ?? defaultDb);
}
