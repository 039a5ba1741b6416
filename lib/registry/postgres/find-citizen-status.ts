import "server-only";
import type { Db, DbTx } from "@/lib/db/client";
import { preparedRead } from "@/lib/db/prepared-read";
import type { CitizenStatusRecord, MilitaryRecord } from "../types";
import { fullNameOf } from "./map";

// The status read-model behind GET /api/v1/me/status: one indexed statement (persons by
// primary key, the registration by primary key, the active mark through its unique
// "activeRnokpp", the employer by primary key) instead of the four round trips the relation API
// would make. It is the app's most frequent request, so on the process's own client it runs as a
// named prepared statement on node-postgres (lib/db/prepared-read.ts): measured on this machine,
// Prisma's $queryRaw spent ~390 µs of CPU per call, node-postgres ~85 µs. Inside a transaction
// it goes through the transaction's client, so a caller sees its own writes.
// Dates leave as text ("YYYY-MM-DD", timestamps in UTC ISO form): node-postgres would otherwise
// turn DATE and TIMESTAMP columns into Dates at the server's local midnight.

const SQL = `
  SELECT p."rnokpp", p."lastName", p."firstName", p."patronymic", p."birthDate"::text AS "birthDate",
         m."status"::text AS "status", m."liability"::text AS "liability", m."tcc", m."dataUpdatedOn"::text AS "dataUpdatedOn", m."wanted",
         to_char(m."updatedAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "militaryUpdatedAt",
         rm."id"::text AS "markId", rm."edrpou", e."name" AS "enterpriseName", rm."fromDate"::text AS "fromDate", rm."untilDate"::text AS "untilDate",
         rm."source", rm."reservationId"::text AS "reservationId"
    FROM "oberig"."persons" p
    LEFT JOIN "oberig"."military_registrations" m ON m."rnokpp" = p."rnokpp"
    LEFT JOIN "oberig"."reservation_marks" rm ON rm."activeRnokpp" = p."rnokpp" AND rm."untilDate" >= $2::date
    LEFT JOIN "oberig"."enterprises" e ON e."edrpou" = rm."edrpou"
   WHERE p."rnokpp" = $1`;

/**
 * The statement as every process prepares it, by name ($1: the РНОКПП, $2: today). The status
 * benchmark's floor (scripts/bench/support/status-floor-server.ts) runs it too.
 */
export const CITIZEN_STATUS_STATEMENT = { name: "bronya-citizen-status", text: SQL } as const;

type Row = {
  rnokpp: string;
  lastName: string;
  firstName: string;
  patronymic: string | null;
  birthDate: string;
  status: MilitaryRecord["status"] | null;
  liability: MilitaryRecord["liability"] | null;
  tcc: string | null;
  dataUpdatedOn: string | null;
  wanted: boolean | null;
  militaryUpdatedAt: string | null;
  markId: string | null;
  edrpou: string | null;
  enterpriseName: string | null;
  fromDate: string | null;
  untilDate: string | null;
  source: string | null;
  reservationId: string | null;
};

export async function findCitizenStatus(
  db: Db | DbTx,
  rnokpp: string,
  today: string,
): Promise<CitizenStatusRecord | null> {
  const rows = await preparedRead<Row>(db, { ...CITIZEN_STATUS_STATEMENT, values: [rnokpp, today] });
  const row = rows[0];
  if (!row) return null;
  return {
    rnokpp: row.rnokpp,
    fullName: fullNameOf(row),
    birthDate: row.birthDate,
    military:
      row.status && row.liability && row.tcc !== null && row.militaryUpdatedAt
        ? {
            status: row.status,
            liability: row.liability,
            tcc: row.tcc,
            dataUpdatedOn: row.dataUpdatedOn,
            wanted: row.wanted ?? false,
            updatedAt: row.militaryUpdatedAt,
          }
        : null,
    reservation:
      row.markId && row.edrpou && row.fromDate && row.untilDate
        ? {
            markId: row.markId,
            edrpou: row.edrpou,
            enterpriseName: row.enterpriseName ?? row.edrpou,
            fromDate: row.fromDate,
            untilDate: row.untilDate,
            source: row.source ?? "portal",
            reservationId: row.reservationId,
          }
        : null,
  };
}
