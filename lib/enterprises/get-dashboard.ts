import "server-only";
import type { Ctx } from "@/lib/context";
import { Prisma } from "@/lib/db/client";
import { type RegistryRelations } from "@/lib/registry";
import {
  addDays,
  addMonths,
  EXPIRING_WITHIN_DAYS,
  rulesetFor,
  toIsoDate,
  type IsoDate,
  type Ruleset,
} from "@/lib/rules";
import { loadActingAuthority } from "./acting-authority";
import { effectiveEndSql } from "./decision-sql";
import { kyivDate } from "@/lib/format";

// The authority's dashboard, every figure computed in SQL over the portal's decisions and the
// registry's reservation marks (all channels: the portal's and Дія's alike). "Its enterprises"
// are those with a decision of this authority in force today; the monthly series also counts
// reservations at enterprises whose decision has since ended. Refusal reasons come from the
// portal's decided applications under this authority's decisions.

export type Dashboard = {
  today: IsoDate;
  totals: { enterprises: number; reservations: number; limit: number; expiringSoon: number; pending: number };
  byEnterprise: Array<{ edrpou: string; name: string; reserved: number; limit: number }>;
  byRegion: Array<{ region: string; reserved: number; enterprises: number }>;
  byMonth: Array<{ month: string; reserved: number }>;
  limitUsage: Array<{ bucket: UsageBucket; enterprises: number }>;
  refusalReasons: Array<{ reason: string; count: number }>;
  expiring: Array<{
    id: string;
    edrpou: string;
    name: string;
    number: string;
    effectiveUntil: IsoDate;
    reserved: number;
    limit: number;
  }>;
};

export const USAGE_BUCKETS = ["NONE", "UNDER_50", "UNDER_80", "UNDER_100", "FULL", "OVER"] as const;
export type UsageBucket = (typeof USAGE_BUCKETS)[number];
export const TOP_ENTERPRISES = 10;

/** The authority's decisions in force today, with their enterprise's ACTIVE marks counted. */
function inForceSql(relations: RegistryRelations, authorityId: string, today: IsoDate, ruleset: Ruleset): Prisma.Sql {
  return Prisma.sql`
    inforce AS (
      SELECT cd.id, cd.edrpou, cd.number, cd."limitCount" AS "limit", ${effectiveEndSql("cd", ruleset)} AS "effectiveUntil",
        e.name, e.region,
        (SELECT count(*)::int FROM ${relations.reservationMarks} m WHERE m.edrpou = cd.edrpou AND m.status = 'ACTIVE') AS reserved
      FROM public.critical_decisions cd JOIN ${relations.enterprises} e ON e.edrpou = cd.edrpou
      WHERE cd."authorityId" = ${authorityId}::uuid AND cd.status = 'ACTIVE' AND cd."validFrom" <= ${today}::date
        AND ${effectiveEndSql("cd", ruleset)} >= ${today}::date
    )`;
}

export async function getDashboard(ctx: Ctx<"actor" | "db" | "registry" | "now">): Promise<Dashboard> {
  const client = ctx.db;
  const authority = await loadActingAuthority({ db: client, actor: ctx.actor }, { permission: "dashboard.read" });
  const today = kyivDate(ctx.now);
  const ruleset = rulesetFor(today);
  const { relations } = ctx.registry;
  const inforce = inForceSql(relations, authority.id, today, ruleset);
  const soon = addDays(today, EXPIRING_WITHIN_DAYS);
  const firstMonth = `${addMonths(today, -11).slice(0, 7)}-01`;

  const [totals, byEnterprise, byRegion, byMonth, usage, reasons, expiring] = await Promise.all([
    client.$queryRaw<Array<Dashboard["totals"]>>`WITH ${inforce}
      SELECT count(*)::int AS enterprises, coalesce(sum(reserved), 0)::int AS reservations, coalesce(sum("limit"), 0)::int AS "limit",
        count(*) FILTER (WHERE "effectiveUntil" <= ${soon}::date)::int AS "expiringSoon",
        (SELECT count(*)::int FROM public.critical_decisions p WHERE p."authorityId" = ${authority.id}::uuid AND p.status = 'ACTIVE' AND p."validFrom" > ${today}::date) AS pending
      FROM inforce`,
    client.$queryRaw<Dashboard["byEnterprise"]>`WITH ${inforce}
      SELECT edrpou, name, reserved, "limit" FROM inforce ORDER BY reserved DESC, name LIMIT ${TOP_ENTERPRISES}`,
    client.$queryRaw<Dashboard["byRegion"]>`WITH ${inforce}
      SELECT region, sum(reserved)::int AS reserved, count(*)::int AS enterprises FROM inforce GROUP BY region ORDER BY reserved DESC, region`,
    client.$queryRaw<Dashboard["byMonth"]>`
      WITH scope AS (SELECT DISTINCT edrpou FROM public.critical_decisions WHERE "authorityId" = ${authority.id}::uuid),
      months AS (SELECT generate_series(${firstMonth}::date, ${today}::date, interval '1 month')::date AS m)
      SELECT to_char(months.m, 'YYYY-MM') AS month,
        (SELECT count(*)::int FROM ${relations.reservationMarks} rm JOIN scope s ON s.edrpou = rm.edrpou
          WHERE rm.status <> 'SUPERSEDED' AND rm."fromDate" >= months.m AND rm."fromDate" < (months.m + interval '1 month')::date) AS reserved
      FROM months ORDER BY months.m`,
    client.$queryRaw<Dashboard["limitUsage"]>`WITH ${inforce}
      SELECT CASE WHEN reserved = 0 THEN 'NONE' WHEN reserved > "limit" THEN 'OVER' WHEN reserved = "limit" THEN 'FULL'
        WHEN reserved * 100 < "limit" * 50 THEN 'UNDER_50' WHEN reserved * 100 < "limit" * 80 THEN 'UNDER_80' ELSE 'UNDER_100' END AS bucket,
        count(*)::int AS enterprises
      FROM inforce GROUP BY 1`,
    client.$queryRaw<Dashboard["refusalReasons"]>`
      SELECT reason, count(*)::int AS count
      FROM public.application_items i JOIN public.applications a ON a.id = i."applicationId"
      JOIN public.critical_decisions cd ON cd.id = a."decisionId", unnest(i.reasons) AS reason
      WHERE cd."authorityId" = ${authority.id}::uuid AND i.decision = 'REFUSED' AND a."submittedAt" >= ${firstMonth}::date
      GROUP BY reason ORDER BY count DESC, reason`,
    client.$queryRaw<
      Array<Omit<Dashboard["expiring"][number], "effectiveUntil"> & { effectiveUntil: Date }>
    >`WITH ${inforce}
      SELECT id, edrpou, name, number, "effectiveUntil", reserved, "limit" FROM inforce
      WHERE "effectiveUntil" <= ${soon}::date ORDER BY "effectiveUntil", name`,
  ]);

  const bucketCounts = new Map(usage.map((u) => [u.bucket, u.enterprises]));
  return {
    today,
    totals: totals[0]!,
    byEnterprise,
    byRegion,
    byMonth,
    limitUsage: USAGE_BUCKETS.map((bucket) => ({ bucket, enterprises: bucketCounts.get(bucket) ?? 0 })),
    refusalReasons: reasons,
    expiring: expiring.map((e) => ({ ...e, effectiveUntil: toIsoDate(e.effectiveUntil) })),
  };
}
