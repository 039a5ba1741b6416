import "server-only";
import { assertCan } from "@/lib/auth/permissions";
import { writeAudit } from "@/lib/audit/write-audit";
import type { Ctx } from "@/lib/context";
import { inTransaction } from "@/lib/db/transaction";
import { AppError, parseInput } from "@/lib/errors";
import { ZUpdateAuthority } from "./schemas";

// Edits an authority's names, kind, region and КВЕД sections. Its code and ЄДРПОУ identify it
// (the ЄДРПОУ is in its officials' КЕП certificates), so they stay as created. The change, with
// what it was before, is audited under the authority.

export async function updateAuthority(ctx: Ctx<"actor" | "db">, input: unknown): Promise<{ id: string }> {
  const client = ctx.db;
  assertCan(ctx.actor, "authorities.manage");
  const { id, ...data } = parseInput(ZUpdateAuthority, input);
  return inTransaction(client, async (tx) => {
    const before = await tx.authority.findUnique({
      where: { id },
      select: { name: true, shortName: true, kind: true, region: true, kvedSections: true },
    });
    if (!before) throw AppError.notFound("Орган влади");
    await tx.authority.update({ where: { id }, data });
    await writeAudit(tx, {
      actor: { rnokpp: ctx.actor.rnokpp, role: ctx.actor.role },
      action: "authority.updated",
      entityType: "Authority",
      entityId: id,
      authorityId: id,
      details: { before, after: data },
    });
    return { id };
  });
}
