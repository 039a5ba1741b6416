import "server-only";
import { createCtx } from "@/lib/context-server";
import type { JobContext } from "@/lib/jobs/handlers";
import { remindCentreVisits } from "./remind-centre-visits";

/** remind-centre-visits (hourly 09:00–21:00 Kyiv time, and at start): tomorrow's visits. */
export async function handleRemindCentreVisits(_data: unknown, context: JobContext): Promise<void> {
  const { day, reminded } = await remindCentreVisits(createCtx({ actor: null }));
  if (reminded > 0) context.log(`нагадування про візити до рекрутингових центрів на ${day}: ${reminded}`);
}
