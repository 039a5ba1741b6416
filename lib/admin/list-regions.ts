import "server-only";
import type { Ctx } from "@/lib/context";

// The regions as the state register spells them (Enterprise.region): an ОВА's region must be
// written exactly so, or it would match no enterprise. The admin form offers these.
export async function listRegions(ctx: Ctx<"registry">): Promise<string[]> {
  return ctx.registry.listRegions();
}
