import "server-only";
import type { Actor } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import type { Ctx } from "@/lib/context";
import type { PersonRecord } from "@/lib/registry";
import { daysBetween } from "@/lib/rules";
import { citizenRnokpp } from "./actor-rnokpp";
import { currentMark } from "./current-mark";
import { dataUpdateInfo, markSourceLabel, REGISTRATION_STATUS_INFO, type StatusInfo } from "./status-info";
import { kyivDate } from "@/lib/format";

export type CurrentReservation = {
  markId: string;
  edrpou: string;
  enterpriseName: string;
  fromDate: string;
  untilDate: string;
  daysLeft: number;
  source: string;
  sourceLabel: string;
  /** Set when the portal made it: the reservation row the history page links to. */
  reservationId: string | null;
};

export type MyRecord = {
  person: PersonRecord;
  status: (StatusInfo & { code: NonNullable<PersonRecord["military"]>["status"] }) | null;
  dataUpdate: ReturnType<typeof dataUpdateInfo> | null;
  reservation: CurrentReservation | null;
  /** Where each part of the record came from and when the registry last changed it. */
  sources: Array<{ part: string; source: string; updatedAt: string | null }>;
  today: string;
};

export type GetMyRecordCtx = Ctx<"registry" | "now"> & { actor: Actor | null };

/** The registry's record of the signed-in citizen, and the reservation in force today. */
export async function getMyRecord(ctx: GetMyRecordCtx): Promise<MyRecord> {
  const { actor, now, registry } = ctx;
  const rnokpp = citizenRnokpp(actor, "record.read");
  const today = kyivDate(now);
  const [person, marks] = await Promise.all([registry.findPerson(rnokpp), registry.findMarksOf(rnokpp)]);
  if (!person) throw new AppError("NOT_FOUND", "Реєстр «Оберіг» не містить відомостей про вас");

  const current = currentMark(marks, today);
  const enterprise = current ? await registry.findEnterprise(current.edrpou) : null;
  const military = person.military;

  return {
    person,
    status: military ? { code: military.status, ...REGISTRATION_STATUS_INFO[military.status] } : null,
    dataUpdate: military ? dataUpdateInfo(military.dataUpdatedOn, today) : null,
    reservation: current
      ? {
          markId: current.id,
          edrpou: current.edrpou,
          enterpriseName: enterprise?.name ?? current.edrpou,
          fromDate: current.fromDate,
          untilDate: current.untilDate,
          daysLeft: daysBetween(today, current.untilDate),
          source: current.source,
          sourceLabel: markSourceLabel(current.source),
          reservationId: current.reservationId,
        }
      : null,
    sources: [
      {
        part: "Особисті дані та контакти",
        source: "Реєстр «Оберіг» (з Державного реєстру фізичних осіб)",
        updatedAt: person.updatedAt,
      },
      {
        part: "Військовий облік",
        source: military ? `Реєстр «Оберіг», ${military.tcc}` : "Реєстр «Оберіг»",
        updatedAt: military?.updatedAt ?? null,
      },
      {
        part: "Бронювання",
        source: current
          ? `Реєстр «Оберіг», позначку внесено через: ${markSourceLabel(current.source)}`
          : "Реєстр «Оберіг»",
        updatedAt: null,
      },
    ],
    today,
  };
}
