import "server-only";
import { assertCan } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/roles";
import { writeAudit } from "@/lib/audit/write-audit";
import { db as defaultDb, type Db } from "@/lib/db/client";
import { AppError, parseInput } from "@/lib/errors";
import { ZWithdrawOfficial } from "./schemas";

// Withdraws an official's powers: the membership is closed, not deleted (the audit log and the
// signed documents keep naming them). It takes effect at once: the session re-checks
// memberships on every request, and the signature check accepts only active officials.

export async function withdrawOfficial(options: { actor: Actor; input: unknown; now?: Date; db?: Db }): Promise<{ membershipId: string }> {
  const client = options.db ?? defaultDb;
  assertCan(options.actor, "officials.manage");
  const { membershipId } = parseInput(ZWithdrawOfficial, options.input);
  const now = options.now ?? new Date();
  return client.$transaction(async (tx) => {
    const membership = await tx.membership.findFirst({
      where: { id: membershipId, role: "OFFICIAL" },
      select: { id: true, revokedAt: true, authorityId: true, user: { select: { rnokpp: true, fullName: true } } },
    });
    if (!membership) throw AppError.notFound("Посадову особу");
    if (membership.revokedAt) throw new AppError("CONFLICT", "Повноваження вже припинено");
    // Conditional, so that two administrators withdrawing at once write one audit row.
    const { count } = await tx.membership.updateMany({ where: { id: membership.id, revokedAt: null }, data: { revokedAt: now } });
    if (count === 0) throw new AppError("CONFLICT", "Повноваження вже припинено");
    await writeAudit(tx, {
      actor: { rnokpp: options.actor.rnokpp, role: options.actor.role },
      action: "official.withdrawn",
      entityType: "Membership",
      entityId: membership.id,
      authorityId: membership.authorityId,
      details: { rnokpp: membership.user.rnokpp, fullName: membership.user.fullName },
    });
    return { membershipId: membership.id };
  });
}
