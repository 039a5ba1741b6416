import "server-only";
import type { Ctx } from "@/lib/context";
import { Prisma } from "@/lib/db/client";
import { rulesetFor, toIsoDate, type LimitCategory } from "@/lib/rules";
import { loadActingAuthority } from "./acting-authority";
import { decisionStateSql, effectiveEndSql, likePattern } from "./decision-sql";
import type { DecisionState } from "./decision-state";
import { ZDecisionListQuery, type DecisionListQuery } from "./schemas";
import { kyivDate } from "@/lib/format";

// The authority's enterprises: every decision it made, with its state today and the limit's
// use. One SQL query over the portal's decisions and the registry (names, regions, ACTIVE
// reservation marks of every channel), so that filters, sorting and paging run in Postgres
// over tens of thousands of decisions. Reservations are counted only while the decision is in
// force: an expired or revoked decision has no limit left to use.

export type DecisionListRow = {
  id: string;
  edrpou: string;
  enterpriseName: string;
  region: string;
  kved: string;
  number: string;
  decidedOn: string;
  validFrom: string;
  validUntil: string;
  effectiveUntil: string;
  state: DecisionState;
  limitCategory: LimitCategory;
  limitPercent: number;
  limitCount: number;
  militaryLiableCount: number;
  reserved: number;
};

export type DecisionList = {
  rows: DecisionListRow[];
  total: number;
  page: number;
  pageSize: number;
  regions: string[];
  query: DecisionListQuery;
};

export const DECISIONS_PAGE_SIZE = 25;
/** The CSV export's ceiling: a ministry's whole list fits, a runaway query does not. */
export const DECISIONS_EXPORT_MAX = 100_000;

const SORT_SQL: Record<NonNullable<DecisionListQuery["sort"]>, string> = {
  name: `"enterpriseName"`,
  edrpou: `edrpou`,
  decidedOn: `"decidedOn"`,
  validUntil: `"effectiveUntil"`,
  usage: `(reserved::float / NULLIF("limitCount", 0))`,
  reserved: `reserved`,
};

type Row = Omit<DecisionListRow, "decidedOn" | "validFrom" | "validUntil" | "effectiveUntil"> & {
  decidedOn: Date;
  validFrom: Date;
  validUntil: Date;
  effectiveUntil: Date;
  total: bigint;
  regions: string[];
};

export async function listDecisions(
  ctx: Ctx<"actor" | "db" | "registry" | "now">,
  input: { query?: unknown; pageSize?: number; all?: boolean } = {},
): Promise<DecisionList> {
  const client = ctx.db;
  const { relations } = ctx.registry;
  const authority = await loadActingAuthority({ db: client, actor: ctx.actor }, { permission: "decisions.read" });
  const query = ZDecisionListQuery.parse(input.query ?? {});
  const today = kyivDate(ctx.now);
  const ruleset = rulesetFor(today);
  const pageSize = input.all ? DECISIONS_EXPORT_MAX : (input.pageSize ?? DECISIONS_PAGE_SIZE);
  const page = input.all ? 1 : (query.page ?? 1);

  const filters: Prisma.Sql[] = [];
  if (query.q) {
    filters.push(
      Prisma.sql`("enterpriseName" ILIKE ${likePattern(query.q, "contains")} OR edrpou LIKE ${likePattern(query.q, "prefix")} OR number ILIKE ${likePattern(query.q, "contains")})`,
    );
  }
  if (query.status) filters.push(Prisma.sql`state = ${query.status}`);
  if (query.category) filters.push(Prisma.sql`"limitCategory" = ${query.category}`);
  if (query.region) filters.push(Prisma.sql`region = ${query.region}`);
  const where = filters.length > 0 ? Prisma.sql`WHERE ${Prisma.join(filters, " AND ")}` : Prisma.empty;
  const direction =
    query.dir === "asc"
      ? "ASC"
      : query.dir === "desc"
        ? "DESC"
        : query.sort === "name" || query.sort === "edrpou"
          ? "ASC"
          : "DESC";
  const order = Prisma.raw(`${SORT_SQL[query.sort ?? "decidedOn"]} ${direction} NULLS LAST, id`);

  // The reserved count is a subquery per enterprise: taken for the page's rows only, unless the
  // page is sorted by it. The regions of the filter come from the same statement's decisions.
  const countsFirst = query.sort === "usage" || query.sort === "reserved";
  const reserved = (alias: string) =>
    Prisma.sql`CASE WHEN ${Prisma.raw(alias)}.state = 'ACTIVE'
      THEN (SELECT count(*)::int FROM ${relations.reservationMarks} m
            WHERE m.edrpou = ${Prisma.raw(alias)}.edrpou AND m.status = 'ACTIVE') ELSE 0 END`;
  const base = Prisma.sql`
    WITH d AS MATERIALIZED (
      SELECT cd.id, cd.edrpou, e.name AS "enterpriseName", e.region, e.kved, cd.number,
        cd."decidedOn", cd."validFrom", cd."validUntil", ${effectiveEndSql("cd", ruleset)} AS "effectiveUntil",
        ${decisionStateSql("cd", today, ruleset)} AS state,
        cd."limitCategory"::text AS "limitCategory", cd."limitPercent"::int AS "limitPercent", cd."limitCount", cd."militaryLiableCount"
      FROM public.critical_decisions cd
      JOIN ${relations.enterprises} e ON e.edrpou = cd.edrpou
      WHERE cd."authorityId" = ${authority.id}::uuid
    ), filtered AS (
      SELECT d.*${countsFirst ? Prisma.sql`, ${reserved("d")} AS reserved` : Prisma.empty} FROM d ${where}
    ), regions AS (
      SELECT coalesce(array_agg(region ORDER BY region), '{}') AS regions FROM (SELECT DISTINCT region FROM d) r
    )`;
  const rows = await client.$queryRaw<Row[]>`${base}, page AS (
      SELECT *, count(*) OVER () AS total FROM filtered
      ORDER BY ${order}
      LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}
    )
    SELECT page.*${countsFirst ? Prisma.empty : Prisma.sql`, ${reserved("page")} AS reserved`}, regions.regions
    FROM page CROSS JOIN regions
    ORDER BY ${order}`;
  // A page past the end has no row to carry the window's total and the regions: ask for them then.
  const [first] = rows;
  const { total, regions } = first
    ? { total: Number(first.total), regions: first.regions }
    : await client.$queryRaw<{ total: bigint; regions: string[] }[]>`${base}
          SELECT (SELECT count(*) FROM filtered) AS total, regions.regions FROM regions`.then(([summary]) => ({
        total: Number(summary!.total),
        regions: summary!.regions,
      }));

  return {
    rows: rows.map(
      ({ total: _total, regions: _regions, decidedOn, validFrom, validUntil, effectiveUntil, ...row }) => ({
        ...row,
        decidedOn: toIsoDate(decidedOn),
        validFrom: toIsoDate(validFrom),
        validUntil: toIsoDate(validUntil),
        effectiveUntil: toIsoDate(effectiveUntil),
      }),
    ),
    total,
    page,
    pageSize,
    regions,
    query,
  };
}
