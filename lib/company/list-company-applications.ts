import "server-only";
import type { Ctx } from "@/lib/context";
import { listApplications, resolveEnterpriseAccess, type ApplicationSummary } from "@/lib/reservations";
import { z } from "@/lib/zod";

// The applications page's list: the enterprise's submitted applications, a page, by kind as the
// URL says. The page reads it through a read-only context (a replica may lag a moment behind
// the worker's decisions); the drafts waiting for a signature above it are listPendingDrafts,
// read from the primary because discarding a draft lands on this page.

const ZQuery = z.object({
  kind: z.enum(["RESERVATION", "ANNULMENT"]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});

export async function listCompanyApplications(
  ctx: Ctx<"actor" | "db" | "now">,
  input: { kind?: unknown; page?: unknown },
): Promise<{
  list: { items: ApplicationSummary[]; total: number; page: number; pageSize: number };
  isHead: boolean;
  kind: "RESERVATION" | "ANNULMENT" | undefined;
}> {
  const { actor, db } = ctx;
  const query = ZQuery.parse({ kind: first(input.kind), page: first(input.page) });
  const edrpou = actor.edrpou ?? "";
  const { isHead } = await resolveEnterpriseAccess(ctx, { edrpou, permission: "applications.prepare" });
  const list = await listApplications(
    { db, actor },
    { edrpou, page: query.page, pageSize: 20, ...(query.kind ? { kind: query.kind } : {}) },
  );
  return { list, isHead, kind: query.kind };
}

function first(value: unknown): unknown {
  return Array.isArray(value) ? value[0] : value;
}
