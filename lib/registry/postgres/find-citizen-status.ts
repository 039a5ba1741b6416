import "server-only";
import { Prisma, type Db, type DbTx } from "@/lib/db/client";
import type { CitizenStatusRecord, MilitaryRecord } from "../types";
import { fullNameOf, isoDate } from "./map";

// The status read-model behind GET /api/v1/me/status and the conscript's header: one indexed
// statement (persons by primary key, the registration by primary key, the active mark through
// its unique "activeRnokpp", the employer by primary key) instead of the four round trips the
// relation API would make. It is the app's most frequent request, hence SQL here.

type Row = {
  rnokpp: string; lastName: string; firstName: string; patronymic: string | null; birthDate: Date;
  status: MilitaryRecord["status"] | null; liability: MilitaryRecord["liability"] | null; tcc: string | null; dataUpdatedOn: Date | null;
  wanted: boolean | null; militaryUpdatedAt: Date | null;
  markId: string | null; edrpou: string | null; enterpriseName: string | null; fromDate: Date | null; untilDate: Date | null; source: string | null; reservationId: string | null;
};

export async function findCitizenStatus(db: Db | DbTx, rnokpp: string, today: string): Promise<CitizenStatusRecord | null> {
  const rows = await db.$queryRaw<Row[]>(Prisma.sql`
    SELECT p."rnokpp", p."lastName", p."firstName", p."patronymic", p."birthDate",
           m."status", m."liability", m."tcc", m."dataUpdatedOn", m."wanted", m."updatedAt" AS "militaryUpdatedAt",
           rm."id" AS "markId", rm."edrpou", e."name" AS "enterpriseName", rm."fromDate", rm."untilDate", rm."source", rm."reservationId"
      FROM "oberig"."persons" p
      LEFT JOIN "oberig"."military_registrations" m ON m."rnokpp" = p."rnokpp"
      LEFT JOIN "oberig"."reservation_marks" rm ON rm."activeRnokpp" = p."rnokpp" AND rm."untilDate" >= ${today}::date
      LEFT JOIN "oberig"."enterprises" e ON e."edrpou" = rm."edrpou"
     WHERE p."rnokpp" = ${rnokpp}`);
  const row = rows[0];
  if (!row) return null;
  return {
    rnokpp: row.rnokpp,
    fullName: fullNameOf(row),
    birthDate: isoDate(row.birthDate),
    military: row.status && row.liability && row.tcc !== null && row.militaryUpdatedAt
      ? { status: row.status, liability: row.liability, tcc: row.tcc, dataUpdatedOn: isoDate(row.dataUpdatedOn), wanted: row.wanted ?? false, updatedAt: row.militaryUpdatedAt.toISOString() }
      : null,
    reservation: row.markId && row.edrpou && row.fromDate && row.untilDate
      ? { markId: row.markId, edrpou: row.edrpou, enterpriseName: row.enterpriseName ?? row.edrpou, fromDate: isoDate(row.fromDate), untilDate: isoDate(row.untilDate), source: row.source ?? "portal", reservationId: row.reservationId }
      : null,
  };
}
