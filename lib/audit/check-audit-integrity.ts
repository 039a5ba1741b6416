import "server-only";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/context";
import { verifyAuditChain, type AuditChainReport } from "./verify-audit-chain";

/** The audit page's banner: the whole chain walked, for whoever may read the audit log. */
export async function checkAuditIntegrity(ctx: Ctx<"actor" | "db">): Promise<AuditChainReport> {
  assertCan(ctx.actor, "audit.read");
  return verifyAuditChain(ctx);
}
