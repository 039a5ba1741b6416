import "server-only";
import type { Ctx } from "@/lib/context";
import { loadActingTcc } from "@/lib/tck/acting-tcc";

/** The ТЦК's latest batches with their counts by status. */
export async function listBatches(ctx: Ctx<"actor" | "db" | "registry">, input: { take?: number } = {}) {
  const { tcc } = await loadActingTcc(ctx, "register.read");
  const batches = await ctx.db.noticeBatch.findMany({
    where: { tcc: tcc.name },
    orderBy: { formedAt: "desc" },
    take: Math.min(input.take ?? 50, 200),
    select: {
      id: true,
      kind: true,
      appearAt: true,
      place: true,
      formedAt: true,
      formedByName: true,
      signedAt: true,
      signerName: true,
      _count: { select: { notices: true, refusals: true } },
    },
  });
  return { tcc, batches };
}
