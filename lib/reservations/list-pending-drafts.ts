import "server-only";
import type { Ctx } from "@/lib/context";
import { resolveEnterpriseAccess } from "./resolve-enterprise-access";

// Prepared applications nobody has signed yet — the head's «Заяви, що очікують підпису» and an
// authorized person's hand-overs — newest first, expired ones left out (a draft lives a day).
// The counts are the drafts' own columns, written with them: a 10,000-employee draft's JSON is
// neither shipped to Node nor parsed by Postgres to be counted.

export type PendingDraft = {
  id: string;
  kind: "RESERVATION" | "ANNULMENT";
  createdAt: Date;
  expiresAt: Date;
  preparedByRnokpp: string;
  preparedByName: string | null;
  employees: number;
  /** Would be reserved (or annulled) if decided as pre-checked. */
  passing: number;
  ground: string | null;
};

export async function listPendingDrafts(
  ctx: Ctx<"actor" | "db" | "now">,
  input: { take?: number } = {},
): Promise<PendingDraft[]> {
  const edrpou = ctx.actor.edrpou ?? "";
  await resolveEnterpriseAccess(ctx, { edrpou, permission: "applications.prepare" });
  return readPendingDrafts(ctx, { edrpou, take: input.take });
}

/**
 * The same with no access check: for a caller that has just resolved the actor's access to the
 * enterprise itself (the cabinet's overview).
 */
export async function readPendingDrafts(
  ctx: Ctx<"db" | "now">,
  input: { edrpou: string; take?: number },
): Promise<PendingDraft[]> {
  const { db, now } = ctx;
  const { edrpou } = input;
  const take = Math.min(input.take ?? 20, 100);
  const rows = await db.$queryRaw<
    Array<Omit<PendingDraft, "employees" | "passing"> & { employees: number | bigint; passing: number | bigint }>
  >`
    SELECT d.id, d.kind::text AS kind, d."createdAt", d."expiresAt", d."createdByRnokpp" AS "preparedByRnokpp", u."fullName" AS "preparedByName",
      d."employeeCount" AS employees, d."passingCount" AS passing, d.payload->>'ground' AS ground
    FROM drafts d
    LEFT JOIN applications a ON a."draftId" = d.id
    LEFT JOIN users u ON u.id = d."createdByUserId"
    WHERE d.edrpou = ${edrpou} AND a.id IS NULL AND d."expiresAt" > ${now}
    ORDER BY d."createdAt" DESC
    LIMIT ${take}`;
  return rows.map((r) => ({ ...r, employees: Number(r.employees), passing: Number(r.passing) }));
}
