import "server-only";
import type { Ctx } from "@/lib/context";
import { AppError, parseInput } from "@/lib/errors";
import { loadActingTcc } from "@/lib/tck/acting-tcc";
import { ZBatchRef } from "./schemas";

/** One batch of the actor's ТЦК with its notices and refusals; another ТЦК's batch is not found. */
export async function getBatch(ctx: Ctx<"actor" | "db" | "registry">, input: unknown) {
  const { batchId } = parseInput(ZBatchRef, input);
  const { actor, tcc } = await loadActingTcc(ctx, "register.read");
  const batch = await ctx.db.noticeBatch.findFirst({
    where: { id: batchId, tcc: tcc.name },
    select: {
      id: true,
      kind: true,
      appearAt: true,
      place: true,
      formedAt: true,
      formedByName: true,
      signedAt: true,
      signerName: true,
      notices: {
        orderBy: { seq: "asc" },
        select: {
          id: true,
          seq: true,
          code: true,
          rnokpp: true,
          fullName: true,
          status: true,
          statusAt: true,
          trackingNumber: true,
          withdrawnReason: true,
          createdAt: true,
        },
      },
      refusals: {
        orderBy: { fullName: "asc" },
        select: { id: true, rnokpp: true, fullName: true, reasons: true, message: true },
      },
    },
  });
  if (!batch) throw new AppError("NOT_FOUND", "Пакет повісток не знайдено");
  return {
    tcc,
    batch,
    canSign: actor.role === "TCK_HEAD" && !batch.signedAt && batch.notices.some((n) => n.status === "FORMED"),
  };
}
