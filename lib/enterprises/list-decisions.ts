import "server-only";
import type { Ctx } from "@/lib/context";
import { Prisma } from "@/lib/db/client";
import { rulesetFor, toIsoDate, type LimitCategory } from "@/lib/rules";
import { loadActingAuthority } from "./acting-authority";
import { authorityRegions } from "./authority-regions";
import { decisionStateSql, effectiveEndSql, likePattern } from "./decision-sql";
import type { DecisionState } from "./decision-state";
import { ZDecisionListQuery, type DecisionListQuery } from "./schemas";
import { kyivDate } from "@/lib/format";

// The authority's enterprises: every decision it made, with its state today and the limit's
// use. One SQL query over the portal's decisions and the registry (names, regions, ACTIVE
// reservation marks of every channel), so that filters, sorting and paging run in Postgres
// over tens of thousands of decisions; the region filter's choices are kept per authority
// (authority-regions.ts). Reservations are counted only while the decision is in
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
  decisions: number;
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
  // page is sorted by it. The registry's enterprise (name, region, КВЕД) is joined for the page's
  // rows only, unless the search, the region filter or the sort by name needs it for every row:
  // for the largest authority (9,432 decisions) the join of every row took 15 ms of the
  // statement's 67, and the page's own rows take well under one. The regions of the filter are
  // kept per authority (authority-regions.ts), stamped with its number of decisions read here.
  const countsFirst = query.sort === "usage" || query.sort === "reserved";
  const joinFirst = Boolean(query.q || query.region) || query.sort === "name";
  const enterpriseColumns = Prisma.sql`e.name AS "enterpriseName", e.region, e.kved`;
  const joinEnterprise = (alias: string) =>
    Prisma.sql`JOIN ${relations.enterprises} e ON e.edrpou = ${Prisma.raw(alias)}.edrpou`;
  const reserved = (alias: string) =>
    Prisma.sql`CASE WHEN ${Prisma.raw(alias)}.state = 'ACTIVE'
      THEN (SELECT count(*)::int FROM ${relations.reservationMarks} m
            WHERE m.edrpou = ${Prisma.raw(alias)}.edrpou AND m.status = 'ACTIVE') ELSE 0 END`;
  const base = Prisma.sql`
    WITH d AS MATERIALIZED (
      SELECT cd.id, cd.edrpou, ${joinFirst ? Prisma.sql`${enterpriseColumns},` : Prisma.empty} cd.number,
        cd."decidedOn", cd."validFrom", cd."validUntil", ${effectiveEndSql("cd", ruleset)} AS "effectiveUntil",
        ${decisionStateSql("cd", today, ruleset)} AS state,
        cd."limitCategory"::text AS "limitCategory", cd."limitPercent"::int AS "limitPercent", cd."limitCount", cd."militaryLiableCount"
      FROM public.critical_decisions cd
      ${joinFirst ? joinEnterprise("cd") : Prisma.empty}
      WHERE cd."authorityId" = ${authority.id}::uuid
    ), filtered AS (
      SELECT d.*${countsFirst ? Prisma.sql`, ${reserved("d")} AS reserved` : Prisma.empty} FROM d ${where}
    )`;
  const rows = await client.$queryRaw<Row[]>`${base}, page AS (
      SELECT *, count(*) OVER () AS total FROM filtered
      ORDER BY ${order}
      LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}
    )
    SELECT page.*${joinFirst ? Prisma.empty : Prisma.sql`, ${enterpriseColumns}`}${countsFirst ? Prisma.empty : Prisma.sql`, ${reserved("page")} AS reserved`},
      (SELECT count(*)::int FROM d) AS decisions
    FROM page ${joinFirst ? Prisma.empty : joinEnterprise("page")}
    ORDER BY ${order}`;
  // A page past the end has no row to carry the window's total: ask for it then.
  const [first] = rows;
  const { total, decisions } = first
    ? { total: Number(first.total), decisions: first.decisions }
    : await client.$queryRaw<{ total: bigint; decisions: number }[]>`${base}
          SELECT (SELECT count(*) FROM filtered) AS total, (SELECT count(*)::int FROM d) AS decisions`.then(
        ([summary]) => ({ total: Number(summary!.total), decisions: summary!.decisions }),
      );
  const regions = await authorityRegions(ctx, { authorityId: authority.id, decisions });

  return {
    rows: rows.map(
      ({ total: _total, decisions: _decisions, decidedOn, validFrom, validUntil, effectiveUntil, ...row }) => ({
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
