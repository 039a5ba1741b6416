import type { BasicServiceRecords } from "./basic-service-records";
import type { ServiceRecords } from "./service-records";
import type { DbTx, Prisma } from "@/lib/db/client";
import type {
  CitizenStatusRecord,
  ContactsUpdate,
  EmploymentRecord,
  EnterpriseCounts,
  EnterpriseRecord,
  MarkRecord,
  MilitaryLiableQuery,
  MobilisedInBaseQuery,
  PersonRecord,
  StaffRecord,
  StaffScope,
} from "./types";
import type { TccRegisterPort } from "./tcc-types";

/**
 * The registry's data as SQL relations, for the few national-scale reads that must join the
 * portal's own tables in one statement (the authority's decision list and dashboard, the
 * ruleset what-if, the notification outbox's addresses) — filtering, sorting and paging over
 * tens of thousands of decisions cannot wait for a round trip per row. The mock maps them onto
 * its `oberig` schema; an adapter over a remote registry maps them onto the replica it keeps in
 * the portal's database. Only these columns may be used:
 */
export type RegistryRelations = {
  /** edrpou, name, region, kved, ownership, "stateShare", "diiaCity", frontline, "headRnokpp" */
  enterprises: Prisma.Sql;
  /** rnokpp, email, "birthDate" */
  persons: Prisma.Sql;
  /** rnokpp, edrpou, salary (hryvnias), "startDate", "endDate" (null while current), "mainJob" */
  employments: Prisma.Sql;
  /** id, rnokpp, edrpou, "fromDate", "untilDate", status, source */
  reservationMarks: Prisma.Sql;
  /** name, region (the ТЦК та СП; a notice's tcc is its name) */
  tccs: Prisma.Sql;
};

/**
 * The port through which the portal reads and writes the Оберіг registry. The Postgres mock
 * implements it; a real integration would implement the same methods over the registry's API.
 *
 * Writes take the portal's transaction: the mock writes in it directly, a real adapter would
 * write an outbox row in it and deliver after commit — either way a decision and its registry
 * mark are committed together or not at all.
 */
export interface Registry extends ServiceRecords, BasicServiceRecords, TccRegisterPort {
  findPerson(rnokpp: string): Promise<PersonRecord | null>;
  findPeople(rnokpps: readonly string[]): Promise<Map<string, PersonRecord>>;
  findEnterprise(edrpou: string): Promise<EnterpriseRecord | null>;
  /** Employments of these persons at this enterprise (current and past), as the Pension Fund reported them. */
  findEmployments(edrpou: string, rnokpps: readonly string[]): Promise<EmploymentRecord[]>;
  /** Every current reservation mark of these persons, at any employer. */
  findActiveMarks(rnokpps: readonly string[]): Promise<MarkRecord[]>;
  findMarksOf(rnokpp: string): Promise<MarkRecord[]>;
  /**
   * Bulk read for the rules engine (10,000 persons in a few set-based queries): each person of
   * the scope with their registry record, employments at this enterprise and active marks.
   */
  findStaff(edrpou: string, scope: StaffScope): Promise<StaffRecord[]>;
  /** Changes whenever anything findStaff(edrpou, { employedOn }) reads changes: lets a read-model be cached. */
  staffVersion(edrpou: string): Promise<string>;
  /**
   * The persons whose data changed after staffVersion was `since`, with the version now — or
   * null when the registry cannot tell (a change of the whole staff, notes pruned, more than
   * `limit` persons): then everything must be read again.
   */
  staffChangesSince(
    edrpou: string,
    since: string,
    limit: number,
  ): Promise<{ version: string; rnokpps: string[] } | null>;
  /** Forgets the notes behind staffChangesSince older than this many seconds; returns how many. */
  pruneStaffChanges(olderThanSeconds: number): Promise<number>;
  /**
   * Of these enterprises, those with at least `atLeast` employment records covering the day
   * (about as many persons: two positions of one person on one day are rare), with how many
   * (the worker keeps the largest ones' employee lists judged: lib/reservations/employee-list-snapshots.ts).
   */
  findLargeStaffs(edrpous: readonly string[], employedOn: string, atLeast: number): Promise<Map<string, number>>;
  /**
   * Every ACTIVE mark at this enterprise, whoever made it (the portal or another channel) — or,
   * with `among`, only those of these persons or with these ids (an annulment of a few at a giant
   * that holds thousands).
   */
  findActiveMarksAt(
    edrpou: string,
    among?: { rnokpps: readonly string[] } | { ids: readonly string[] },
  ): Promise<MarkRecord[]>;
  /**
   * How many ACTIVE marks at this enterprise have not run out by the day (`untilDate` ≥ it): the
   * places of its limit in use, counted where they are instead of read (a giant holds thousands).
   */
  countActiveMarksAt(edrpou: string, onDate: string): Promise<number>;
  /** The enterprises that hold at least one ACTIVE mark (the scheduled checks visit these). */
  findEnterprisesWithActiveMarks(): Promise<string[]>;
  /** One person's registration status and reservation in force on `today`: the app's hot path, one read. */
  findStatus(rnokpp: string, today: string): Promise<CitizenStatusRecord | null>;
  /** The decision form's limit bases at one enterprise on a day, counted in one set-based read. */
  countMilitaryLiable(query: MilitaryLiableQuery): Promise<EnterpriseCounts>;
  /**
   * Per enterprise, the employees countMilitaryLiable counts only with includeMobilised (the
   * mobilised who are not military-liable on the register anyway); enterprises without any are absent.
   */
  countMobilisedInBase(query: MobilisedInBaseQuery): Promise<Map<string, number>>;
  /** Every region as the state register spells it (an authority's region must match exactly). */
  listRegions(): Promise<string[]>;
  readonly relations: RegistryRelations;

  updateContacts(tx: DbTx, rnokpp: string, contacts: ContactsUpdate, today: string): Promise<PersonRecord>;
  putReservationMarks(
    tx: DbTx,
    marks: ReadonlyArray<{
      rnokpp: string;
      edrpou: string;
      fromDate: string;
      untilDate: string;
      reservationId: string;
    }>,
  ): Promise<void>;
  /** Ends the marks of these portal reservations (annulment or expiry). */
  endReservationMarks(
    tx: DbTx,
    reservationIds: readonly string[],
    end: { status: "ANNULLED" | "EXPIRED" | "SUPERSEDED"; on: string; ground: string },
  ): Promise<number>;
  /** Ends marks by their own ids — also marks another channel made, which have no portal reservation. */
  endMarks(
    tx: DbTx,
    markIds: readonly string[],
    end: { status: "ANNULLED" | "EXPIRED" | "SUPERSEDED"; on: string; ground: string },
  ): Promise<number>;
}
