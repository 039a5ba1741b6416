import "server-only";
import { createCtx } from "@/lib/context-server";
import type { JobContext } from "@/lib/jobs/handlers";
import { anchorAuditDays } from "./anchor-audit-days";

/** anchor-audit-days (hourly and at start): seals every finished day not yet anchored. */
export async function handleAnchorAuditDays(_data: unknown, context: JobContext): Promise<void> {
  const days = await anchorAuditDays(createCtx({ actor: null }));
  if (days.length > 0) context.log(`журнал аудиту: запечатано дні ${days.join(", ")}`);
}
