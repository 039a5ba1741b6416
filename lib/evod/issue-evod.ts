import "server-only";
import type { Actor } from "@/lib/auth/roles";
import { writeAudit } from "@/lib/audit/write-audit";
import { citizenRnokpp } from "@/lib/citizen/actor-rnokpp";
import type { Ctx } from "@/lib/context";
import { Prisma } from "@/lib/db/client";
import { inTransaction } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";
import { registryFor } from "@/lib/registry";
import { isoDateToUtc } from "@/lib/rules";
import { generateEvodCode } from "./code";
import { readEvodFacts } from "./read-evod-facts";
import { hashEvodSnapshot, type EvodSnapshot } from "./snapshot";
import { evodValidUntil } from "@/lib/rules";
import { kyivDate } from "@/lib/format";

export type IssuedEvodDocument = { code: string; issuedAt: Date; validUntil: string; snapshot: EvodSnapshot };

/**
 * Issues the citizen a new еВОД from what the registry holds now. Earlier documents of the
 * person are revoked in the same transaction (a check of their QR code says "replaced by a
 * newer one"), so at most one document per person is ever valid.
 */
export async function issueEvod(ctx: Ctx<"db" | "now"> & { actor: Actor | null }): Promise<IssuedEvodDocument> {
  const { actor, now } = ctx;
  const rnokpp = citizenRnokpp(actor, "edoc.issue");
  const today = kyivDate(now);

  return inTransaction(ctx.db, async (tx) => {
    // Two taps on "issue" must not leave two valid documents: issue one person's documents in turn.
    await tx.$executeRaw(Prisma.sql`SELECT pg_advisory_xact_lock(hashtext(${`evod:${rnokpp}`}))`);
    const facts = await readEvodFacts(registryFor(tx), rnokpp, today);
    if (!facts) throw new AppError("NOT_FOUND", "Реєстр «Оберіг» не містить відомостей про вас");
    if (!facts.snapshot.military)
      throw new AppError("FORBIDDEN", "Ви не перебуваєте на військовому обліку: еВОД не формується");

    const code = generateEvodCode();
    const validUntil = evodValidUntil(today, facts.snapshot);
    const revoked = await tx.eDocument.updateMany({ where: { rnokpp, revokedAt: null }, data: { revokedAt: now } });
    const created = await tx.eDocument.create({
      data: {
        code,
        rnokpp,
        issuedAt: now,
        validUntil: isoDateToUtc(validUntil),
        snapshot: facts.snapshot as unknown as Prisma.InputJsonValue,
        snapshotHash: hashEvodSnapshot(facts.snapshot),
      },
      select: { code: true, issuedAt: true },
    });
    await writeAudit(tx, {
      actor: { rnokpp, role: actor!.role },
      action: "evod.issue",
      // The code is the document's bearer secret: the audit names the holder, not the code.
      entityType: "Person",
      entityId: rnokpp,
      details: {
        validUntil,
        revokedEarlier: revoked.count,
        reservationUntil: facts.snapshot.reservation?.untilDate ?? null,
      },
    });
    return { code: created.code, issuedAt: created.issuedAt, validUntil, snapshot: facts.snapshot };
  });
}
