import "server-only";
import type { Actor } from "@/lib/auth/roles";
import { listApplications, resolveEnterpriseAccess, type ApplicationSummary } from "@/lib/reservations";
import { db } from "@/lib/db/client";
import { z } from "@/lib/zod";
import { listPendingDrafts, type PendingDraft } from "./list-pending-drafts";

// The applications page: the enterprise's applications (a page, by kind as the URL says) and,
// above them, the drafts waiting for the head's signature.

const ZQuery = z.object({
  kind: z.enum(["RESERVATION", "ANNULMENT"]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});

export async function listCompanyApplications(options: { actor: Actor; kind?: unknown; page?: unknown; now?: Date }): Promise<{
  list: { items: ApplicationSummary[]; total: number; page: number; pageSize: number };
  drafts: PendingDraft[];
  isHead: boolean;
  kind: "RESERVATION" | "ANNULMENT" | undefined;
}> {
  const { actor } = options;
  const query = ZQuery.parse({ kind: first(options.kind), page: first(options.page) });
  const edrpou = actor.edrpou ?? "";
  const { isHead } = await resolveEnterpriseAccess(db, { actor, edrpou, permission: "applications.prepare" });
  const [list, drafts] = await Promise.all([
    listApplications({ db, actor }, { edrpou, page: query.page, pageSize: 20, ...(query.kind ? { kind: query.kind } : {}) }),
    listPendingDrafts({ actor, now: options.now }),
  ]);
  return { list, drafts, isHead, kind: query.kind };
}

function first(value: unknown): unknown {
  return Array.isArray(value) ? value[0] : value;
}
