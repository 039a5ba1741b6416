import "server-only";
import { assertCan } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/roles";
import { writeAudit } from "@/lib/audit/write-audit";
import { db as defaultDb, type Db } from "@/lib/db/client";
import { AppError, parseInput } from "@/lib/errors";
import { ZUpdateAuthority } from "./schemas";

// Edits an authority's names, kind, region and КВЕД sections. Its code and ЄДРПОУ identify it
// (the ЄДРПОУ is in its officials' КЕП certificates), so they stay as created. The change, with
// what it was before, is audited under the authority.

export async function updateAuthority(options: { actor: Actor; input: unknown; db?: Db }): Promise<{ id: string }> {
  const client = options.db ?? defaultDb;
  assertCan(options.actor, "authorities.manage");
  const { id, ...data } = parseInput(ZUpdateAuthority, options.input);
  return client.$transaction(async (tx) => {
    const before = await tx.authority.findUnique({ where: { id }, select: { name: true, shortName: true, kind: true, region: true, kvedSections: true } });
    if (!before) throw AppError.notFound("Орган влади");
    await tx.authority.update({ where: { id }, data });
    await writeAudit(tx, {
      actor: { rnokpp: options.actor.rnokpp, role: options.actor.role },
      action: "authority.updated",
      entityType: "Authority",
      entityId: id,
      authorityId: id,
      details: { before, after: data },
    });
    return { id };
  });
}
