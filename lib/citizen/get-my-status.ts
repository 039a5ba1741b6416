import "server-only";
import { AppError } from "@/lib/errors";
import type { Ctx } from "@/lib/context";
import { daysBetween } from "@/lib/rules";
import { dataUpdateInfo, markSourceLabel, REGISTRATION_STATUS_INFO } from "./status-info";
import { kyivDate } from "@/lib/format";

/** The app-facing status (GET /api/v1/me/status): stable field names, codes beside the words. */
export type MyStatus = {
  rnokpp: string;
  fullName: string;
  birthDate: string;
  registration: {
    status: string;
    statusLabel: string;
    explanation: string;
    liability: string;
    tcc: string;
    dataUpdatedOn: string | null;
    dataUpToDate: boolean;
    wanted: boolean;
    updatedAt: string;
  };
  reservation: {
    edrpou: string;
    enterpriseName: string;
    from: string;
    until: string;
    daysLeft: number;
    source: string;
    sourceLabel: string;
  } | null;
  asOf: string;
};

/**
 * The status of the person the session names. The caller passes the session's РНОКПП, never a
 * value from the request; one indexed registry read. A person without a military registration
 * is not a conscript of this cabinet: FORBIDDEN, as the role check would say.
 */
export async function getMyStatus(ctx: Ctx<"registry" | "now">, input: { rnokpp: string }): Promise<MyStatus> {
  const today = kyivDate(ctx.now);
  const record = await ctx.registry.findStatus(input.rnokpp, today);
  if (!record?.military) throw new AppError("FORBIDDEN", "Ви не перебуваєте на військовому обліку: статус недоступний");
  const { military, reservation } = record;
  const info = REGISTRATION_STATUS_INFO[military.status];
  return {
    rnokpp: record.rnokpp,
    fullName: record.fullName,
    birthDate: record.birthDate,
    registration: {
      status: military.status,
      statusLabel: info.label,
      explanation: info.explanation,
      liability: military.liability,
      tcc: military.tcc,
      dataUpdatedOn: military.dataUpdatedOn,
      dataUpToDate: dataUpdateInfo(military.dataUpdatedOn, today).upToDate,
      wanted: military.wanted || military.status === "WANTED",
      updatedAt: military.updatedAt,
    },
    reservation:
      reservation && reservation.fromDate <= today
        ? {
            edrpou: reservation.edrpou,
            enterpriseName: reservation.enterpriseName,
            from: reservation.fromDate,
            until: reservation.untilDate,
            daysLeft: daysBetween(today, reservation.untilDate),
            source: reservation.source,
            sourceLabel: markSourceLabel(reservation.source),
          }
        : null,
    asOf: ctx.now.toISOString(),
  };
}
