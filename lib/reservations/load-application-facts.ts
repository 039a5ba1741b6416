import "server-only";
import type { DbTx } from "@/lib/db/client";
import type { Ctx } from "@/lib/context";
import type { Kopiykas } from "@/lib/format";
import { registryFor, type EnterpriseRecord, type StaffRecord } from "@/lib/registry";
import { addMonths, type ApplicationFacts, type EmployeeFacts, type EnterpriseFacts, type IsoDate } from "@/lib/rules";
import { reservationError } from "./errors";
import { findEnterpriseDecision, type EnterpriseDecision } from "./find-enterprise-decision";

// The rules engine's facts for one enterprise, one day and a list of employees — or everyone
// employed there that day — read in a handful of set-based queries whatever the list's length:
// the enterprise and its decision, the registry's staff read-model (record, employments here,
// active marks anywhere), how many marks in force the enterprise holds (for the limit), and the
// portal's own memory of 45-day exceptions. Pass a transaction to read what it has locked.
// `among` narrows "everyone employed there" to some persons (the employee list re-judging those
// who changed); `known` hands over records the caller already holds and knows to be current (a
// draft made from the employee list's model; the worker's records read ahead, less those changed
// since), so that only the other persons listed are read.

export type ListedEmployee = { rnokpp: string; confirmedSalary: Kopiykas | null };

export type LoadedFacts = {
  facts: ApplicationFacts;
  enterprise: EnterpriseRecord;
  decision: EnterpriseDecision | null;
  /** Registry records by РНОКПП (persons unknown to the registry are absent). */
  staff: Map<string, StaffRecord>;
  /** The listed persons' ACTIVE marks at this enterprise that have not run out by the date, by РНОКПП. */
  marksHere: Map<string, { id: string; reservationId: string | null; fromDate: IsoDate; untilDate: IsoDate }>;
};

export async function loadApplicationFacts(
  ctx: Ctx<"db">,
  options:
    | {
        edrpou: string;
        date: IsoDate;
        employees: readonly ListedEmployee[];
        /** Registry records the caller holds and knows to be current: not read again. */
        known?: ReadonlyMap<string, StaffRecord>;
      }
    | { edrpou: string; date: IsoDate; employedOn: IsoDate; among?: readonly string[] },
): Promise<LoadedFacts> {
  const { db: client } = ctx;
  const { edrpou, date } = options;
  const registry = registryFor(client);
  const known = "employees" in options ? options.known : undefined;
  const scope =
    "employees" in options
      ? { rnokpps: options.employees.map((e) => e.rnokpp).filter((rnokpp) => !known?.has(rnokpp)) }
      : { employedOn: options.employedOn, among: options.among };
  const [enterprise, decision, staffList, activeReservationsCount] = await Promise.all([
    registry.findEnterprise(edrpou),
    findEnterpriseDecision(ctx, { edrpou, date }),
    registry.findStaff(edrpou, scope),
    // Marks whose term is over but which the expiry job has not closed yet hold no place.
    registry.countActiveMarksAt(edrpou, date),
  ]);
  if (!enterprise) throw reservationError("ENTERPRISE_NOT_FOUND");
  const staff = new Map(staffList.map((s) => [s.person.rnokpp, s]));
  if (known && "employees" in options)
    for (const { rnokpp } of options.employees) {
      const record = known.get(rnokpp);
      if (record) staff.set(rnokpp, record);
    }
  const listed: readonly ListedEmployee[] =
    "employees" in options
      ? options.employees
      : staffList.map((s) => ({ rnokpp: s.person.rnokpp, confirmedSalary: null }));
  const exceptions = await lastExceptions45(
    client,
    listed.map((e) => e.rnokpp),
    date,
  );

  // Each listed person's mark here comes with their record (its active marks anywhere), so the
  // enterprise's other marks — thousands at a giant, for a draft of twenty — are counted, not read.
  const marksHere: LoadedFacts["marksHere"] = new Map();
  for (const { rnokpp } of listed) {
    const mark = staff.get(rnokpp)?.activeMarks.find((m) => m.edrpou === edrpou && m.untilDate >= date);
    if (mark)
      marksHere.set(rnokpp, {
        id: mark.id,
        reservationId: mark.reservationId,
        fromDate: mark.fromDate,
        untilDate: mark.untilDate,
      });
  }
  return {
    facts: {
      date,
      enterprise: enterpriseFacts(enterprise),
      decision: decision?.facts ?? null,
      activeReservationsCount,
      employees: listed.map((e) => employeeFacts(e, staff.get(e.rnokpp), exceptions.get(e.rnokpp) ?? null)),
    },
    enterprise,
    decision,
    staff,
    marksHere,
  };
}

export function enterpriseFacts(e: EnterpriseRecord): EnterpriseFacts {
  return {
    edrpou: e.edrpou,
    frontline: e.frontline,
    ownership: e.ownership,
    stateShare: e.stateShare,
    diiaCity: e.diiaCity,
    liquidatedOn: e.liquidatedOn,
  };
}

export function employeeFacts(
  listed: ListedEmployee,
  record: StaffRecord | undefined,
  lastException45On: IsoDate | null,
): EmployeeFacts {
  if (!record) {
    return {
      rnokpp: listed.rnokpp,
      registry: null,
      employments: [],
      confirmedSalary: listed.confirmedSalary,
      reservations: [],
      lastException45On,
    };
  }
  const { person } = record;
  const m = person.military;
  return {
    rnokpp: listed.rnokpp,
    // A person in the registry with no military record is "не перебуває на обліку".
    registry: {
      registrationStatus: m?.status ?? "NOT_REGISTERED",
      liability: m?.liability ?? "LIABLE",
      wanted: m?.wanted ?? false,
      wantedCriminal: m?.wantedCriminal ?? false,
      dataUpdatedOn: m?.dataUpdatedOn ?? null,
      birthDate: person.birthDate,
    },
    employments: record.employments.map((e) => ({
      startDate: e.startDate,
      endDate: e.endDate,
      suspended: e.suspended,
      salary: e.salaryKop,
    })),
    confirmedSalary: listed.confirmedSalary,
    reservations: record.activeMarks.map((mark) => ({
      edrpou: mark.edrpou,
      from: mark.fromDate,
      until: mark.untilDate,
    })),
    lastException45On,
  };
}

/** First day of each person's latest 45-day-exception reservation that can still matter (12 months). */
async function lastExceptions45(
  client: DbTx,
  rnokpps: readonly string[],
  date: IsoDate,
): Promise<Map<string, IsoDate>> {
  if (rnokpps.length === 0) return new Map();
  const since = addMonths(date, -13);
  const rows = await client.$queryRaw<{ rnokpp: string; last: Date }[]>`
    SELECT rnokpp, max("fromDate") AS last FROM reservations
    WHERE exception45 AND "fromDate" >= ${since}::date AND rnokpp = ANY(string_to_array(${rnokpps.join(",")}, ',')::char(10)[])
    GROUP BY rnokpp`;
  return new Map(rows.map((r) => [r.rnokpp, r.last.toISOString().slice(0, 10)]));
}
