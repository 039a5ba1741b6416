import "server-only";
import { assertCan } from "@/lib/auth/permissions";
import { writeAudit } from "@/lib/audit/write-audit";
import type { Ctx } from "@/lib/context";
import { inTransaction } from "@/lib/db/transaction";
import { AppError, parseInput } from "@/lib/errors";
import { ZWithdrawOfficial } from "./schemas";

// Withdraws an official's powers: the membership is closed, not deleted (the audit log and the
// signed documents keep naming them). It takes effect at once: the session re-checks
// memberships on every request, and the signature check accepts only active officials.

export async function withdrawOfficial(
  ctx: Ctx<"actor" | "db" | "now">,
  input: unknown,
): Promise<{ membershipId: string }> {
  const client = ctx.db;
  assertCan(ctx.actor, "officials.manage");
  const { membershipId } = parseInput(ZWithdrawOfficial, input);
  const now = ctx.now;
  return inTransaction(client, async (tx) => {
    const membership = await tx.membership.findFirst({
      where: { id: membershipId, role: "OFFICIAL" },
      select: { id: true, revokedAt: true, authorityId: true, user: { select: { rnokpp: true, fullName: true } } },
    });
    if (!membership) throw AppError.notFound("Посадову особу");
    if (membership.revokedAt) throw new AppError("CONFLICT", "Повноваження вже припинено");
    // Conditional, so that two administrators withdrawing at once write one audit row.
    const { count } = await tx.membership.updateMany({
      where: { id: membership.id, revokedAt: null },
      data: { revokedAt: now },
    });
    if (count === 0) throw new AppError("CONFLICT", "Повноваження вже припинено");
    await writeAudit(tx, {
      actor: { rnokpp: ctx.actor.rnokpp, role: ctx.actor.role },
      action: "official.withdrawn",
      entityType: "Membership",
      entityId: membership.id,
      authorityId: membership.authorityId,
      details: { rnokpp: membership.user.rnokpp, fullName: membership.user.fullName },
    });
    return { membershipId: membership.id };
  });
}
