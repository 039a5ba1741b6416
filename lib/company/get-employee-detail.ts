import "server-only";
import type { Ctx } from "@/lib/context";
import { AppError } from "@/lib/errors";
import type { Kopiykas } from "@/lib/format";
import { checkRnokpp } from "@/lib/identifiers";
import { type EmploymentRecord, type MilitaryRecord } from "@/lib/registry";
import { listEmployees, resolveEnterpriseAccess, type EmployeeRow } from "@/lib/reservations";
import { parseReasonDetails, storedReasonView } from "@/lib/reservations/reason-views";
import { annulmentGroundLabel, fullYearsOn, isAnnulmentGroundCode, toIsoDate, type IsoDate } from "@/lib/rules";
import type { ReasonView } from "@/lib/reservations";
import { kyivDate } from "@/lib/format";

// One employee as the enterprise sees them: the registry's facts that reservation depends on
// (each with when the registry last changed it), today's judgement by the rules, the jobs here,
// and the history of applications and reservations AT THIS ENTERPRISE only. A person with no
// job, application or reservation here is "not found" — a head cannot look up strangers by
// РНОКПП — and another employer's reservation is shown as a fact, without naming the employer.

export type EmployeeHistoryItem = {
  applicationId: string;
  kind: "RESERVATION" | "ANNULMENT";
  status: "QUEUED" | "PROCESSING" | "DECIDED" | "FAILED";
  submittedAt: Date;
  decidedAt: Date | null;
  signerName: string;
  ground: string | null;
  decision: "RESERVED" | "REFUSED" | "ANNULLED" | null;
  reasons: ReasonView[];
  reservedFrom: IsoDate | null;
  reservedUntil: IsoDate | null;
};

export type EmployeeReservation = {
  fromDate: IsoDate;
  untilDate: IsoDate;
  status: "ACTIVE" | "ANNULLED" | "EXPIRED" | "SUPERSEDED";
  /** "portal" or another channel (e.g. "diia"). */
  source: string;
  annulledAt: Date | null;
  annulmentGround: string | null;
  applicationId: string | null;
};

export type EmployeeDetail = {
  rnokpp: string;
  fullName: string;
  birthDate: IsoDate;
  age: number;
  sex: "MALE" | "FEMALE";
  personUpdatedAt: string;
  military: MilitaryRecord | null;
  /** Today's judgement; null when not employed here today. */
  current: EmployeeRow | null;
  jobs: Array<Omit<EmploymentRecord, "salaryKop"> & { salary: Kopiykas }>;
  reservedElsewhere: boolean;
  reservations: EmployeeReservation[];
  history: EmployeeHistoryItem[];
  date: IsoDate;
};

export async function getEmployeeDetail(
  ctx: Ctx<"actor" | "db" | "registry" | "now">,
  input: { rnokpp: string },
): Promise<EmployeeDetail> {
  const { actor, db, registry, now } = ctx;
  const edrpou = actor.edrpou ?? "";
  await resolveEnterpriseAccess(ctx, { edrpou, permission: "employees.read" });
  const check = checkRnokpp(input.rnokpp);
  if (!check.valid) throw notFound();
  const rnokpp = check.value;
  const date = kyivDate(now);

  const [person, jobs, marks, items, reservations] = await Promise.all([
    registry.findPerson(rnokpp),
    registry.findEmployments(edrpou, [rnokpp]),
    registry.findMarksOf(rnokpp),
    db.applicationItem.findMany({
      where: { rnokpp, application: { edrpou } },
      orderBy: { application: { submittedAt: "desc" } },
      take: 200,
      select: {
        decision: true,
        reasons: true,
        reasonDetails: true,
        reservedFrom: true,
        reservedUntil: true,
        application: {
          select: {
            id: true,
            kind: true,
            status: true,
            submittedAt: true,
            decidedAt: true,
            signerName: true,
            ground: true,
          },
        },
      },
    }),
    db.reservation.findMany({
      where: { rnokpp, edrpou },
      select: { id: true, annulledAt: true, annulmentGround: true, applicationId: true },
    }),
  ]);
  const marksHere = marks.filter((m) => m.edrpou === edrpou);
  if (!person || (jobs.length === 0 && items.length === 0 && marksHere.length === 0)) throw notFound();

  const list = await listEmployees(ctx, { edrpou, q: rnokpp, revealRnokpp: true, pageSize: 1 });
  const current = list.items.find((row) => row.rnokpp === rnokpp) ?? null;
  const portal = new Map(reservations.map((r) => [r.id, r]));

  return {
    rnokpp,
    fullName: person.fullName,
    birthDate: person.birthDate,
    age: fullYearsOn(person.birthDate, date),
    sex: person.sex,
    personUpdatedAt: person.updatedAt,
    military: person.military,
    current,
    jobs: jobs.map(({ salaryKop, ...job }) => ({ ...job, salary: salaryKop })).reverse(),
    reservedElsewhere: marks.some((m) => m.edrpou !== edrpou && m.status === "ACTIVE" && m.untilDate >= date),
    reservations: marksHere.map((m) => {
      const made = m.reservationId ? portal.get(m.reservationId) : undefined;
      return {
        fromDate: m.fromDate,
        untilDate: m.untilDate,
        status: m.status,
        source: m.source,
        annulledAt: made?.annulledAt ?? null,
        annulmentGround: made?.annulmentGround ? groundLabel(made.annulmentGround) : null,
        applicationId: made?.applicationId ?? null,
      };
    }),
    history: items.map((item) => ({
      applicationId: item.application.id,
      kind: item.application.kind,
      status: item.application.status,
      submittedAt: item.application.submittedAt,
      decidedAt: item.application.decidedAt,
      signerName: item.application.signerName,
      ground: item.application.ground ? groundLabel(item.application.ground) : null,
      decision: item.decision,
      reasons: (parseReasonDetails(item.reasonDetails)?.reasons ?? item.reasons.map((code) => ({ code }))).map(
        storedReasonView,
      ),
      reservedFrom: item.reservedFrom ? toIsoDate(item.reservedFrom) : null,
      reservedUntil: item.reservedUntil ? toIsoDate(item.reservedUntil) : null,
    })),
    date,
  };
}

function groundLabel(code: string): string {
  return isAnnulmentGroundCode(code) ? annulmentGroundLabel(code) : code;
}

function notFound(): AppError {
  return new AppError("EMPLOYEE_NOT_FOUND", "Працівника не знайдено серед працівників вашого підприємства");
}
