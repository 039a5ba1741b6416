import "server-only";
import type { Ctx } from "@/lib/context";
import { Prisma } from "@/lib/db/client";
import { loadActingAuthority } from "@/lib/enterprises/acting-authority";

// The ministry sees the effect of the guarantee: notices formed, persons refused a notice because
// they were reserved (the reservation working at the moment of forming), notices withdrawn
// because a reservation came afterwards, and notices delivered. A ministry sees the country; a
// regional military administration the ТЦК of its region.

export type NoticeEffects = {
  scope: "COUNTRY" | "REGION";
  region: string | null;
  formed: number;
  refused: number;
  refusedReserved: number;
  withdrawnReserved: number;
  withdrawnDeferred: number;
  delivered: number;
};

export async function getNoticeEffects(ctx: Ctx<"actor" | "db" | "registry">): Promise<NoticeEffects> {
  const authority = await loadActingAuthority(ctx, { permission: "dashboard.read" });
  const region = authority.kind === "REGIONAL_ADMINISTRATION" ? authority.region : null;
  const { relations } = ctx.registry;
  const inScope = (column: Prisma.Sql) =>
    region === null
      ? Prisma.sql`TRUE`
      : Prisma.sql`${column} IN (SELECT t.name FROM ${relations.tccs} t WHERE t.region = ${region})`;

  const [notices, refusals] = await Promise.all([
    ctx.db.$queryRaw<Array<Pick<NoticeEffects, "formed" | "withdrawnReserved" | "withdrawnDeferred" | "delivered">>>`
      SELECT count(*)::int AS formed,
        count(*) FILTER (WHERE n.status = 'WITHDRAWN' AND n."withdrawnCause" = 'RESERVED')::int AS "withdrawnReserved",
        count(*) FILTER (WHERE n.status = 'WITHDRAWN' AND n."withdrawnCause" = 'DEFERRED')::int AS "withdrawnDeferred",
        count(*) FILTER (WHERE n.status = 'DELIVERED')::int AS delivered
      FROM public.notices n WHERE ${inScope(Prisma.sql`n.tcc`)}`,
    ctx.db.$queryRaw<Array<Pick<NoticeEffects, "refused" | "refusedReserved">>>`
      SELECT count(*)::int AS refused, count(*) FILTER (WHERE 'RESERVED' = ANY(r.reasons))::int AS "refusedReserved"
      FROM public.notice_refusals r JOIN public.notice_batches b ON b.id = r."batchId"
      WHERE ${inScope(Prisma.sql`b.tcc`)}`,
  ]);
  return { scope: region === null ? "COUNTRY" : "REGION", region, ...notices[0]!, ...refusals[0]! };
}
