import "server-only";
import type { Db, DbTx } from "@/lib/db/client";
import { isoDateToUtc } from "@/lib/rules";
import type { EnterpriseCounts, MilitaryLiableQuery } from "../types";

// One set-based query over the mock's tables (instead of loading every employee through
// findStaff): the figures the decision form pre-fills.
//   militaryLiable — the spec's limit base: men employed here today who are on the register as
//   військовозобов'язані (on the register, data being clarified or wanted — not removed,
//   excluded or unregistered), younger than the reserve age limit, not reserved by another
//   employer, counted at one workplace only (a part-timer here whose main job is elsewhere is
//   counted there). From 05.03.2025 (ruleset.mobilisedInLimitBase) the base also counts the
//   employees the registry marks as mobilised (they are off the register while they serve and
//   their contract is suspended, but they keep their job and count in the enterprise's limit).
//   headcount — everyone employed here today (the base of the 100 % defence category).

export async function countMilitaryLiable(tx: Db | DbTx, options: MilitaryLiableQuery): Promise<EnterpriseCounts> {
  const today = isoDateToUtc(options.today);
  const rows = await tx.$queryRaw<{ military_liable: number; headcount: number }[]>`
    WITH current AS (
      SELECT e.rnokpp, bool_or(e."mainJob") AS main_here
      FROM oberig.employments e
      WHERE e.edrpou = ${options.edrpou} AND e."startDate" <= ${today}::date AND (e."endDate" IS NULL OR e."endDate" >= ${today}::date)
      GROUP BY e.rnokpp
    )
    SELECT
      count(*)::int AS headcount,
      count(*) FILTER (
        WHERE ((${options.includeMobilised} AND m."mobilisedOn" IS NOT NULL AND m."mobilisedOn" <= ${today}::date)
          OR (p.sex = 'MALE'
            AND m.liability = 'LIABLE'
            AND m.status IN ('ON_REGISTER', 'BEING_CLARIFIED', 'WANTED')
            AND p."birthDate" > (${today}::date - make_interval(years => ${options.ageLimit}))))
          AND NOT EXISTS (
            SELECT 1 FROM oberig.reservation_marks rm
            WHERE rm.rnokpp = c.rnokpp AND rm.status = 'ACTIVE' AND rm.edrpou <> ${options.edrpou})
          AND (c.main_here OR NOT EXISTS (
            SELECT 1 FROM oberig.employments o
            WHERE o.rnokpp = c.rnokpp AND o.edrpou <> ${options.edrpou} AND o."mainJob"
              AND o."startDate" <= ${today}::date AND (o."endDate" IS NULL OR o."endDate" >= ${today}::date)))
      )::int AS military_liable
    FROM current c
    JOIN oberig.persons p ON p.rnokpp = c.rnokpp
    LEFT JOIN oberig.military_registrations m ON m.rnokpp = c.rnokpp`;
  const row = rows[0];
  return { militaryLiable: row?.military_liable ?? 0, headcount: row?.headcount ?? 0 };
}
