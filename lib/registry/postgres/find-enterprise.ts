import "server-only";
import type { Db, DbTx } from "@/lib/db/client";
import type { EnterpriseRecord } from "../types";
import { toEnterpriseRecord } from "./map";

// The enterprise as the register knows it, with its head's name, in one statement: every access
// check of a company route reads it (lib/reservations/resolve-enterprise-access.ts), and Prisma's
// `include` of the head read the person with a second statement. Dates leave as text and become
// the UTC midnights Prisma gives for a DATE column.
// Through the caller's client (Prisma's pool, or the transaction's connection), not the small
// pool of prepared reads (lib/db/prepared-read.ts): that one serves the citizen's status poll,
// and with every company request queueing there too the poll answered 48–57 times a second at
// the deadline-day peak with p99 1.5–1.6 s, against 81–98 and 0.9–1.1 s without (docs/performance.md,
// 2026-12-06 night).

const SQL = `
  SELECT e.edrpou, e.name, e."shortName", e.kved, e."kvedName", e.region, e.address,
    e.ownership::text AS ownership, e."stateShare"::int AS "stateShare", e."headRnokpp", e.frontline, e."diiaCity",
    e."registeredOn"::text AS "registeredOn", e."liquidatedOn"::text AS "liquidatedOn",
    p."lastName" AS "headLastName", p."firstName" AS "headFirstName", p.patronymic AS "headPatronymic"
  FROM oberig.enterprises e
  LEFT JOIN oberig.persons p ON p.rnokpp = e."headRnokpp"
  WHERE e.edrpou = $1`;

/** What toEnterpriseRecord takes, with the dates as text and the head's name in columns. */
type Row = Omit<Parameters<typeof toEnterpriseRecord>[0], "registeredOn" | "liquidatedOn" | "head"> & {
  registeredOn: string;
  liquidatedOn: string | null;
  headLastName: string | null;
  headFirstName: string | null;
  headPatronymic: string | null;
};

const utcMidnight = (isoDate: string) => new Date(`${isoDate}T00:00:00.000Z`);

export async function findEnterprise(db: Db | DbTx, edrpou: string): Promise<EnterpriseRecord | null> {
  const [row] = await db.$queryRawUnsafe<Row[]>(SQL, edrpou);
  if (!row) return null;
  return toEnterpriseRecord({
    ...row,
    registeredOn: utcMidnight(row.registeredOn),
    liquidatedOn: row.liquidatedOn === null ? null : utcMidnight(row.liquidatedOn),
    head:
      row.headLastName === null
        ? null
        : { lastName: row.headLastName, firstName: row.headFirstName ?? "", patronymic: row.headPatronymic },
  });
}
