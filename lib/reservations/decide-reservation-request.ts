import "server-only";
import { randomUUID } from "node:crypto";
import { writeAudit } from "@/lib/audit/write-audit";
import type { Ctx } from "@/lib/context";
import type { DbTx, Prisma } from "@/lib/db/client";
import { withdrawNoticesOnProtection } from "@/lib/notices/withdraw-notices-on-protection";
import { notify, type NewNotification } from "@/lib/notifications";
import { registryFor, type Registry, type StaffRecord } from "@/lib/registry";
import { decideApplication, type IsoDate } from "@/lib/rules";
import { insertReservations } from "./bulk-inserts";
import { INLINE_NOTICES_UP_TO } from "./constants";
import { readEmployeeListSnapshot } from "./employee-list-snapshots";
import { applicationDecidedNotice, decidedEmployeeNotices } from "./lifecycle-notifications";
import { loadApplicationFacts } from "./load-application-facts";
import type { LockedApplication } from "./locked-application";
import { readApplicationItems, type ListedItem } from "./read-application-items";
import { writeItemDecisions, type ItemDecisionRow } from "./write-item-decisions";

// A reservation application decided inside the worker's transaction, after the application
// row and the enterprise's decision rows are locked: the facts are read again (what the
// draft's pre-check saw may have changed; the registry's records mostly read ahead, and only
// those changed since read again under the locks), the rules decide, and every consequence is written
// together — item results, reservations and their registry marks, superseded reservations
// for extensions, the application's status, the audit row and the notifications (a large
// decision's notices to its employees follow in their own job: notify-decided-employees.ts).

export type FaultInjection = {
  /** Reliability tests only: runs after the reservations and marks are written, before the rest. */
  afterReservations?: (tx: DbTx) => Promise<void>;
  /** Tests only: runs after the records are read ahead, before the transaction. */
  afterPreread?: () => Promise<void>;
};

/**
 * What the worker reads before its transaction, on the pool and in parallel: the application's
 * items and the registry's records of the persons listed, the staff version read first. Inside
 * the transaction, with the enterprise locked, the registry names the persons changed since that
 * version (oberig.staff_changes), and only they — with anyone whose changes it would not note for
 * this enterprise — are read again. For 10,000 employees at national scale the four reads, one
 * after another in the transaction, took about 770 ms; read ahead they run side by side, and
 * the enterprise's lock is held that much shorter. When the worker keeps the enterprise's employee
 * list judged in Postgres (employee-list-snapshots.ts) and the application lists a good part of
 * it, the records come from that one row, at the version it was judged at, instead of 10,000
 * persons scattered over the registry; the persons it does not hold are read.
 */
export type PrereadRecords = {
  edrpou: string;
  items: ListedItem[];
  /** The enterprise's staff version, read before the records. */
  version: string;
  staff: ReadonlyMap<string, StaffRecord>;
};

/** More persons changed than this since the read-ahead, and the decision reads every record itself. */
const REREAD_LIMIT = 2_000;

/**
 * An application listing at least this many, and at least a quarter of the stored list, takes
 * its records from it: decoding a list costs about 15 µs an employee, reading one about 50 µs.
 */
const PREREAD_FROM_STORED = 500;

/** Reads ahead for a reservation application still to decide; null for anything else. */
export async function prereadRecords(
  ctx: Ctx<"db">,
  applicationId: string,
  date: IsoDate,
): Promise<PrereadRecords | null> {
  const [application] = await ctx.db.$queryRaw<Array<{ edrpou: string; kind: string; status: string }>>`
    SELECT edrpou, kind::text AS kind, status::text AS status FROM applications WHERE id = ${applicationId}::uuid`;
  if (!application || application.kind !== "RESERVATION") return null;
  if (application.status === "DECIDED" || application.status === "FAILED") return null;
  const { edrpou } = application;
  const registry = registryFor(ctx.db);
  const [items, version] = await Promise.all([
    readApplicationItems(ctx.db, applicationId),
    registry.staffVersion(edrpou),
  ]);
  const listed = items.map((i) => i.rnokpp);
  const stored = listed.length >= PREREAD_FROM_STORED ? await storedRecords(ctx, edrpou, date, listed.length) : null;
  if (stored) {
    const missing = listed.filter((rnokpp) => !stored.staff.has(rnokpp));
    const rest = missing.length > 0 ? await registry.findStaff(edrpou, { rnokpps: missing }) : [];
    const staff = new Map<string, StaffRecord>();
    for (const rnokpp of listed) {
      const record = stored.staff.get(rnokpp);
      if (record) staff.set(rnokpp, record);
    }
    for (const record of rest) staff.set(record.person.rnokpp, record);
    // The stored list's version: the records read now are at least as new, and the decision
    // reads again whoever changed since.
    return { edrpou, items, version: stored.version, staff };
  }
  const staff = await registry.findStaff(edrpou, { rnokpps: listed });
  return { edrpou, items, version, staff: new Map(staff.map((r) => [r.person.rnokpp, r])) };
}

/**
 * The registry's records in the enterprise's stored employee list of today, with the staff version
 * it was judged at — when it is worth decoding for this many listed, and the registry can still
 * name every change since (else the decision would read everything under its locks).
 */
async function storedRecords(
  ctx: Ctx<"db">,
  edrpou: string,
  date: IsoDate,
  listed: number,
): Promise<{ version: string; staff: ReadonlyMap<string, StaffRecord> } | null> {
  // Only a list judged whole: a patched one trusts notes with a gap (EmployeeListSnapshot.patched).
  const snapshot = await readEmployeeListSnapshot(ctx, { edrpou, date, atMost: listed * 4, wholeOnly: true }).catch(
    () => null,
  );
  if (!snapshot) return null;
  const version = snapshot.version.slice(0, snapshot.version.indexOf("#"));
  const changes = await registryFor(ctx.db).staffChangesSince(edrpou, version, REREAD_LIMIT);
  return changes ? { version, staff: snapshot.model.staff } : null;
}

/**
 * The read-ahead records still current under the transaction's locks, or undefined when the
 * registry cannot tell what changed since (then every record is read again). Only a person with
 * an employment here has every change of theirs noted for this enterprise (a mark anywhere, their
 * military record, their person); anyone else listed is read again whatever the notes say.
 * One gap is accepted: a change to a person's record made while their hiring here is still
 * uncommitted is noted for the employers its trigger sees, not for this one. A decision read
 * ahead between the two commits keeps the old record, as a decision reading inside its
 * transaction always could for a change committed just after its read (the notes share the gap
 * with the employee list's patches).
 */
async function unchangedRecords(
  registry: Registry,
  edrpou: string,
  preread: PrereadRecords,
): Promise<Map<string, StaffRecord> | undefined> {
  if (preread.edrpou !== edrpou) return undefined;
  const changes = await registry.staffChangesSince(edrpou, preread.version, REREAD_LIMIT);
  if (!changes) return undefined;
  const changed = new Set(changes.rnokpps);
  const known = new Map<string, StaffRecord>();
  for (const [rnokpp, record] of preread.staff)
    if (record.employments.length > 0 && !changed.has(rnokpp)) known.set(rnokpp, record);
  return known;
}

/** Runs in the caller's transaction: `ctx.db` is the worker's transaction, its locks held. */
export async function decideReservationRequest(
  ctx: Ctx<"db" | "now">,
  input: {
    application: LockedApplication;
    date: IsoDate;
    /** Records read ahead of the transaction (prereadRecords); without them everything is read here. */
    preread?: PrereadRecords | null;
    faults?: FaultInjection;
    inlineNoticesUpTo?: number;
  },
): Promise<{ reserved: number; refused: number; noticesPending: boolean }> {
  const { db: tx, now } = ctx;
  const { application, date } = input;
  const registry = registryFor(tx);
  const { preread } = input;
  // The items do not change after submission: read ahead, they are the same rows.
  const items = preread?.edrpou === application.edrpou ? preread.items : await readApplicationItems(tx, application.id);
  const loaded = await loadApplicationFacts(
    { db: tx },
    {
      edrpou: application.edrpou,
      date,
      employees: items.map((i) => ({ rnokpp: i.rnokpp, confirmedSalary: i.salary })),
      known: preread ? await unchangedRecords(registry, application.edrpou, preread) : undefined,
    },
  );
  const outcome = decideApplication(loaded.facts);
  const enterpriseName = loaded.enterprise.shortName ?? loaded.enterprise.name;

  // An extension replaces the current reservation from today: the old one (and its mark) is
  // closed first, or the one-active-reservation-per-person indexes would refuse the new one.
  const replaced = outcome.employees
    .filter((e) => e.verdict === "RESERVE" && e.extension)
    .map((e) => loaded.marksHere.get(e.rnokpp)!);
  if (replaced.length > 0) {
    await registry.endMarks(
      tx,
      replaced.map((m) => m.id),
      { status: "SUPERSEDED", on: date, ground: "Продовження бронювання" },
    );
    const portalIds = replaced.map((m) => m.reservationId).filter((id): id is string => id !== null);
    await tx.reservation.updateMany({
      where: { id: { in: portalIds }, status: "ACTIVE" },
      data: { status: "SUPERSEDED", activeRnokpp: null, annulledAt: now, annulmentApplicationId: application.id },
    });
  }

  // Inserted in РНОКПП order: two enterprises racing for overlapping people then collide on
  // the first shared person instead of deadlocking.
  const reservations = outcome.employees
    .filter((e) => e.verdict === "RESERVE")
    .map((e) => ({ id: randomUUID(), rnokpp: e.rnokpp, term: e.term!, exception45: e.exception45?.applied === true }))
    .sort((a, b) => a.rnokpp.localeCompare(b.rnokpp));
  if (reservations.length > 0) {
    await insertReservations(
      tx,
      reservations.map((r) => ({
        id: r.id,
        rnokpp: r.rnokpp,
        edrpou: application.edrpou,
        decisionId: loaded.decision!.id,
        applicationId: application.id,
        fromDate: r.term.from,
        untilDate: r.term.until,
        rulesetVersion: outcome.rulesetVersion,
        exception45: r.exception45,
      })),
      now,
    );
    await registry.putReservationMarks(
      tx,
      reservations.map((r) => ({
        rnokpp: r.rnokpp,
        edrpou: application.edrpou,
        fromDate: r.term.from,
        untilDate: r.term.until,
        reservationId: r.id,
      })),
    );
    // Reservation wins: an undelivered mobilisation notice to a person reserved now is withdrawn with it.
    await withdrawNoticesOnProtection(
      { db: tx, now },
      { rnokpps: reservations.map((r) => r.rnokpp), cause: { kind: "RESERVED", enterpriseName } },
    );
  }
  await input.faults?.afterReservations?.(tx);

  const reservationOf = new Map(reservations.map((r) => [r.rnokpp, r.id]));
  const rows: ItemDecisionRow[] = outcome.employees.map((e, index) => ({
    id: items[index]!.id,
    decision: e.verdict === "RESERVE" ? "RESERVED" : "REFUSED",
    codes: e.reasons.map((r) => r.code),
    details: {
      reasons: e.reasons,
      extension: e.extension,
      exception45: e.exception45?.applied === true,
      termEndsBy: e.term?.endsBy ?? null,
      countedSalary: e.countedSalary,
    } as unknown as Prisma.InputJsonValue,
    reservedFrom: e.term?.from ?? null,
    reservedUntil: e.term?.until ?? null,
    reservationId: reservationOf.get(e.rnokpp) ?? null,
  }));
  await writeItemDecisions(tx, application.id, rows);

  const counts = { reserved: outcome.counts.reserve, refused: outcome.counts.refuse };
  const employeeNotices = decidedEmployeeNotices(
    outcome.employees.map((e) => ({
      rnokpp: e.rnokpp,
      reserved: e.verdict === "RESERVE",
      reasons: e.reasons,
      until: e.term?.until ?? null,
      extension: e.extension,
    })),
    enterpriseName,
  );
  // A large decision's employees are told by a follow-up job, after this commit: thousands of
  // notices and their letters would hold the decision (and the enterprise's lock) for half a
  // second more at national scale. The flag is the job's exactly-once guard.
  const deferNotices = employeeNotices.length > (input.inlineNoticesUpTo ?? INLINE_NOTICES_UP_TO);
  await tx.application.update({
    where: { id: application.id },
    data: {
      status: "DECIDED",
      decidedAt: now,
      rulesetVersion: outcome.rulesetVersion,
      decisionId: loaded.decision?.id ?? null,
      reservedCount: counts.reserved,
      refusedCount: counts.refused,
      noticesPending: deferNotices,
    },
  });
  const notices: NewNotification[] = [];
  for (const head of new Set([loaded.enterprise.headRnokpp, application.signerRnokpp])) {
    if (head) notices.push(applicationDecidedNotice(head, application.id, counts));
  }
  if (!deferNotices) notices.push(...employeeNotices);
  await notify(tx, notices);
  // Last: the audit row claims the chain's next number, and other writers wait for it from here to
  // the commit, so concurrent decisions of other enterprises wait for it as briefly as possible.
  await writeAudit(tx, {
    actor: null,
    action: "application.decide",
    entityType: "Application",
    entityId: application.id,
    edrpou: application.edrpou,
    details: {
      ...counts,
      date,
      rulesetVersion: outcome.rulesetVersion,
      limit: outcome.limit,
      decisionId: loaded.decision?.id ?? null,
    },
  });
  return { ...counts, noticesPending: deferNotices };
}
