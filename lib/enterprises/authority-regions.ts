import "server-only";
import type { Ctx } from "@/lib/context";

// The regions of an authority's enterprises: the choices of its list's region filter. Reading
// them joins every decision of the authority to the registry's enterprises (the largest
// authority at national scale: 9,432 decisions against 100,000 enterprises, 35–40 ms), and the
// list is refreshed far more often than they change. So each process keeps them per authority,
// stamped with the authority's number of decisions, which the list's own statement reads:
//   · a decision added (the only way an authority gains an enterprise: decisions are never
//     deleted, nor moved to another enterprise or authority) changes the stamp, and the next
//     list reads the regions again, in the same request;
//   · an enterprise moved to another region in the registry is seen within REGIONS_TTL_MS.
// It decides nothing (a region is only a filter's choice, and filtering runs in the SQL), so
// it is kept per process rather than in Postgres. State lives on the global object, one copy
// a process, as version-cache.ts explains.

export const REGIONS_TTL_MS = 10 * 60_000;
/** Authorities kept per process: ministries and agencies number tens. */
const MAX_AUTHORITIES = 256;

type Entry = { decisions: number; regions: string[]; readAt: number };

const state = ((globalThis as Record<symbol, unknown>)[Symbol.for("bronya.authority-regions")] ??= new Map<
  string,
  Entry
>()) as Map<string, Entry>;

/**
 * The sorted regions of the authority's enterprises, read again when its number of decisions is
 * not the one they were read with, or they are older than REGIONS_TTL_MS.
 */
export async function authorityRegions(
  ctx: Ctx<"db" | "registry" | "now">,
  input: { authorityId: string; decisions: number },
): Promise<string[]> {
  const now = ctx.now.getTime();
  const known = state.get(input.authorityId);
  if (known && known.decisions === input.decisions && now - known.readAt < REGIONS_TTL_MS && now >= known.readAt)
    return known.regions;
  const [read] = await ctx.db.$queryRaw<{ regions: string[]; decisions: number }[]>`
    SELECT coalesce((SELECT array_agg(region ORDER BY region) FROM (
             SELECT DISTINCT e.region FROM public.critical_decisions cd
               JOIN ${ctx.registry.relations.enterprises} e ON e.edrpou = cd.edrpou
              WHERE cd."authorityId" = ${input.authorityId}::uuid) r), '{}') AS regions,
           (SELECT count(*)::int FROM public.critical_decisions WHERE "authorityId" = ${input.authorityId}::uuid) AS decisions`;
  const entry: Entry = { decisions: read!.decisions, regions: read!.regions, readAt: now };
  state.delete(input.authorityId);
  if (state.size >= MAX_AUTHORITIES) state.delete(state.keys().next().value!);
  state.set(input.authorityId, entry);
  return entry.regions;
}
