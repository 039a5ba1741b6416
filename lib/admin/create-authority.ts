import "server-only";
import { assertCan } from "@/lib/auth/permissions";
import { writeAudit } from "@/lib/audit/write-audit";
import { Prisma } from "@/lib/db/client";
import type { Ctx } from "@/lib/context";
import { inTransaction } from "@/lib/db/transaction";
import { AppError, parseInput } from "@/lib/errors";
import { ZCreateAuthority } from "./schemas";

// A new authority. Audited under the authority itself, so its officials see it in their log.

export async function createAuthority(ctx: Ctx<"actor" | "db">, raw: unknown): Promise<{ id: string }> {
  const client = ctx.db;
  assertCan(ctx.actor, "authorities.manage");
  const input = parseInput(ZCreateAuthority, raw);
  return inTransaction(client, async (tx) => {
    const clash = await tx.authority.findFirst({
      where: { OR: [{ code: input.code }, { edrpou: input.edrpou }] },
      select: { code: true },
    });
    if (clash) {
      const field = clash.code === input.code ? "code" : "edrpou";
      const message = field === "code" ? "Орган з таким кодом уже є" : "Орган з таким кодом ЄДРПОУ уже є";
      throw new AppError("CONFLICT", message, { fields: { [field]: message } });
    }
    try {
      const created = await tx.authority.create({ data: input, select: { id: true } });
      await writeAudit(tx, {
        actor: { rnokpp: ctx.actor.rnokpp, role: ctx.actor.role },
        action: "authority.created",
        entityType: "Authority",
        entityId: created.id,
        authorityId: created.id,
        details: input,
      });
      return created;
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
        throw new AppError("CONFLICT", "Орган з таким кодом або ЄДРПОУ уже є");
      throw error;
    }
  });
}
