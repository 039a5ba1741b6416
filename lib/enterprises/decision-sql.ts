import "server-only";
import { Prisma } from "@/lib/db/client";
import type { IsoDate, Ruleset } from "@/lib/rules";

// SQL for the read-models that must filter and sort by a decision's state in the database
// (the list, its CSV, the dashboard). Built from the ruleset's caps, not written by hand, so a
// new cap in lib/rules reaches these queries too. `alias` names public.critical_decisions.

/** The last day in force: validUntil, shortened by every cap that applies (Resolution 692). */
export function effectiveEndSql(alias: string, ruleset: Ruleset): Prisma.Sql {
  const col = (name: string) => Prisma.raw(`${alias}."${name}"`);
  let end: Prisma.Sql = Prisma.sql`${col("validUntil")}`;
  for (const cap of ruleset.decisionCaps) {
    end = Prisma.sql`CASE WHEN ${col("decidedOn")} < ${cap.decidedBefore}::date THEN LEAST(${end}, ${cap.endsNoLaterThan}::date) ELSE ${end} END`;
  }
  return end;
}

/** 'REVOKED' | 'PENDING' | 'EXPIRED' | 'ACTIVE', as decisionStateOn tells them apart. */
export function decisionStateSql(alias: string, today: IsoDate, ruleset: Ruleset): Prisma.Sql {
  const col = (name: string) => Prisma.raw(`${alias}."${name}"`);
  return Prisma.sql`CASE
    WHEN ${col("status")}::text = 'REVOKED' THEN 'REVOKED'
    WHEN ${col("validFrom")} > ${today}::date THEN 'PENDING'
    WHEN ${effectiveEndSql(alias, ruleset)} < ${today}::date THEN 'EXPIRED'
    ELSE 'ACTIVE' END`;
}

/** Escapes a user's search text for LIKE. */
export function likePattern(text: string, where: "contains" | "prefix"): string {
  const escaped = text.replace(/[\\%_]/g, (c) => `\\${c}`);
  return where === "contains" ? `%${escaped}%` : `${escaped}%`;
}
