import "server-only";
import type { Ctx } from "@/lib/context";
import { parseInput } from "@/lib/errors";
import { kyivDate } from "@/lib/format";
import type { TccRecord, TccRegisterPage } from "@/lib/registry";
import { loadActingTcc } from "./acting-tcc";
import { ZRegisterPageInput } from "./schemas";

/** One keyset page of the officer's ТЦК register, filtered. */
export async function listRegister(
  ctx: Ctx<"actor" | "db" | "registry" | "now">,
  input: unknown,
): Promise<TccRegisterPage & { tcc: TccRecord }> {
  const { filter, after, limit } = parseInput(ZRegisterPageInput, input);
  const { tcc } = await loadActingTcc(ctx, "register.read");
  const page = await ctx.registry.listTccRegister(tcc.name, filter, {
    after: after ?? null,
    limit,
    today: kyivDate(ctx.now),
  });
  return { ...page, tcc };
}
