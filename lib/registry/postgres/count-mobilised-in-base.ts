import "server-only";
import type { Db, DbTx } from "@/lib/db/client";
import { isoDateToUtc } from "@/lib/rules";
import type { MobilisedInBaseQuery } from "../types";

// For many enterprises at once (the ruleset what-if): how many of each one's employees count in
// its limit base only because they are mobilised — the difference that
// ruleset.mobilisedInLimitBase makes to countMilitaryLiable's figure. The same conditions as
// there: employed here today, mobilised by today, not counted as military-liable anyway, not
// reserved by another employer, counted at one workplace only.

export async function countMobilisedInBase(tx: Db | DbTx, query: MobilisedInBaseQuery): Promise<Map<string, number>> {
  if (query.edrpous.length === 0) return new Map();
  const today = isoDateToUtc(query.today);
  const rows = await tx.$queryRaw<{ edrpou: string; mobilised: number }[]>`
    WITH current AS (
      SELECT e.edrpou, e.rnokpp, bool_or(e."mainJob") AS main_here
      FROM oberig.employments e
      WHERE e.edrpou = ANY(${[...query.edrpous]}::bpchar[]) AND e."startDate" <= ${today}::date
        AND (e."endDate" IS NULL OR e."endDate" >= ${today}::date)
      GROUP BY e.edrpou, e.rnokpp
    )
    SELECT c.edrpou, count(*)::int AS mobilised
    FROM current c
    JOIN oberig.persons p ON p.rnokpp = c.rnokpp
    JOIN oberig.military_registrations m ON m.rnokpp = c.rnokpp
    WHERE m."mobilisedOn" IS NOT NULL AND m."mobilisedOn" <= ${today}::date
      AND NOT (p.sex = 'MALE' AND m.liability = 'LIABLE' AND m.status IN ('ON_REGISTER', 'BEING_CLARIFIED', 'WANTED')
        AND p."birthDate" > (${today}::date - make_interval(years => ${query.ageLimit})))
      AND NOT EXISTS (
        SELECT 1 FROM oberig.reservation_marks rm
        WHERE rm.rnokpp = c.rnokpp AND rm.status = 'ACTIVE' AND rm.edrpou <> c.edrpou)
      AND (c.main_here OR NOT EXISTS (
        SELECT 1 FROM oberig.employments o
        WHERE o.rnokpp = c.rnokpp AND o.edrpou <> c.edrpou AND o."mainJob"
          AND o."startDate" <= ${today}::date AND (o."endDate" IS NULL OR o."endDate" >= ${today}::date)))
    GROUP BY c.edrpou`;
  return new Map(rows.map((r) => [r.edrpou.trim(), r.mobilised]));
}
