import "server-only";
import type { Ctx } from "@/lib/context";
import { preparedRead } from "@/lib/db/prepared-read";
import type { Kopiykas } from "@/lib/format";
import type { StaffRecord } from "@/lib/registry";
import {
  daysBetween,
  decideApplication,
  employmentOn,
  expiresSoon,
  type IsoDate,
  type LiabilityType,
  type Reason,
  type RegistrationStatus,
  rulesetFor,
} from "@/lib/rules";
import { assembleModel, hasEmployeeListSnapshot, readEmployeeListSnapshot } from "./employee-list-snapshots";
import { loadApplicationFacts } from "./load-application-facts";
import type { LimitFigures } from "./types";
import { cachedByVersion, isCached } from "./version-cache";

// Everyone employed at the enterprise on a day, each judged by the rules engine WITHOUT the
// limit (the list's order is a sort order, not a queue for slots), sorted by name once. For
// the 10,000-employee enterprise the read and the rules take a few hundred milliseconds, so the
// model is cached per enterprise and day under the version of its inputs — the registry's
// staffVersion plus the enterprise's decisions and the ruleset of the day — and each page,
// filter and search is then cut from it in milliseconds. When the registry's version moves
// because of a change that concerned some persons, only they are read and judged again and the
// cached model is patched (patchModel); the enterprise, its decisions or a new day build it whole.
// The portal's own memory of 45-day exceptions (a person's lastException45On, read with the
// facts) needs no version of its own: an exception is only ever written by a decision, together
// with the registry mark it reserves by, and the mark notes the person for every enterprise that
// employs them — so the lists of the person's other employers re-judge them like any other change.
// A process that has no model of the enterprise at hand first looks for the one the worker keeps
// in Postgres for the largest enterprises (employee-list-snapshots.ts) and brings it to the
// current version the same way, so that its first page is one row, not the staff.
// The versions are read first and the model after them, both on the server ctx's client reads
// from: on a replica that lags (through the replica's client) the model is then at least as new
// as the version it is cached under (replay only moves forward); on the primary the versions go
// through the prepared-read pool (lib/db/prepared-read.ts) and the model through Prisma, and a
// later read on any primary connection sees at least what an earlier one saw. So a stale model is
// never stored as a newer version (version-cache.ts).

export type EmployeeState = "reserved" | "expiring" | "reserved_elsewhere" | "not_reserved";

export type ModelRow = {
  rnokpp: string;
  fullName: string;
  /** fullName in lower case, for the search. */
  search: string;
  birthDate: IsoDate;
  position: string | null;
  salary: Kopiykas | null;
  hiredOn: IsoDate | null;
  militaryStatus: RegistrationStatus | null;
  liability: LiabilityType | null;
  eligible: boolean;
  reasons: Reason[];
  state: EmployeeState;
  reservedUntil: IsoDate | null;
  exception45: boolean;
};

export type EmployeeListModel = {
  date: IsoDate;
  /** Sorted by full name (Ukrainian alphabet), then РНОКПП. */
  rows: ModelRow[];
  limit: LimitFigures;
  counts: { employees: number; eligible: number; reserved: number };
  /** The registry's records of everyone in `rows`, as judged: a draft made from the list reuses them. */
  staff: ReadonlyMap<string, StaffRecord>;
};

const collator = new Intl.Collator("uk", { sensitivity: "base" });

/** The portal's side of the model's inputs: the enterprise's decisions. */
const PORTAL_VERSION = `
  SELECT concat_ws(',', count(*), max("updatedAt")) AS version FROM critical_decisions WHERE edrpou = $1`;

/** More changed persons than this since the cached model, and the model is built whole again. */
const PATCH_LIMIT = 1_000;

/** How the models of this process were built: tests and benchmarks read it. */
export const modelBuilds = { whole: 0, patched: 0, fromSnapshot: 0 };

export type ModelVersions = {
  /** The registry's staffVersion, `#`, then the portal's inputs: what a model is cached under. */
  version: string;
  /** The portal's inputs: the enterprise's decisions and the ruleset of the day. */
  portalVersion: string;
};

/** The versions of the model's inputs, read before the model itself (see above). */
export async function readModelVersions(
  ctx: Ctx<"db" | "registry">,
  input: { edrpou: string; date: IsoDate },
): Promise<ModelVersions> {
  const { edrpou, date } = input;
  const [staffVersion, portal] = await Promise.all([
    ctx.registry.staffVersion(edrpou),
    preparedRead<{ version: string }>(ctx.db, {
      name: "bronya-portal-version",
      text: PORTAL_VERSION,
      values: [edrpou],
    }),
  ]);
  // A ruleset signed to take effect today judges the same persons otherwise.
  const portalVersion = `${portal[0]?.version ?? ""}|${rulesetFor(date).version}`;
  return { version: `${staffVersion}#${portalVersion}`, portalVersion };
}

export async function loadEmployeeListModel(
  ctx: Ctx<"db" | "registry">,
  input: { edrpou: string; date: IsoDate },
): Promise<EmployeeListModel> {
  const { edrpou, date } = input;
  const { version, portalVersion } = await readModelVersions(ctx, input);
  return cachedByVersion(
    modelKey(edrpou, date),
    version,
    ({ refresh }) =>
      refresh ? computeModel(ctx, edrpou, date) : fromSnapshot(ctx, edrpou, date, version, portalVersion),
    Date.now(),
    (older) => patchModel(ctx, edrpou, date, portalVersion, older),
  );
}

/**
 * The model from the enterprise's stored snapshot of the day: as stored when it is at the current
 * version, patched when the registry can name the persons changed since, else built whole.
 */
async function fromSnapshot(
  ctx: Ctx<"db" | "registry">,
  edrpou: string,
  date: IsoDate,
  version: string,
  portalVersion: string,
): Promise<EmployeeListModel> {
  // A stored model is only a shortcut: one that cannot be read is no reason to fail the page.
  const snapshot = await readEmployeeListSnapshot(ctx, { edrpou, date, portalVersion }).catch(() => null);
  if (snapshot) {
    const model =
      snapshot.version === version
        ? snapshot.model
        : await patchModel(ctx, edrpou, date, portalVersion, {
            version: snapshot.version,
            value: snapshot.model,
          }).catch(() => null);
    if (model) {
      modelBuilds.fromSnapshot += 1;
      return model;
    }
  }
  return computeModel(ctx, edrpou, date);
}

const modelKey = (edrpou: string, date: IsoDate) => `employees:${edrpou}:${date}`;

/**
 * The model when this process has one of the enterprise's day at hand, or the worker keeps one in
 * Postgres (any version: it is then brought to the registry's current one as a page would —
 * usually by a patch, but built whole when the registry cannot name the changes, or the
 * enterprise's decisions changed), else null. A long draft made from the list the head has just
 * been choosing in takes the records from it instead of reading 10,000 persons scattered over the
 * registry again.
 */
export async function cachedEmployeeListModel(
  ctx: Ctx<"db" | "registry">,
  input: {
    edrpou: string;
    date: IsoDate;
    /** Take a stored list only of at most this many employees (decoding one costs per employee). */
    storedUpTo?: number;
  },
): Promise<EmployeeListModel | null> {
  const { edrpou, date } = input;
  if (
    !isCached(modelKey(edrpou, date)) &&
    !(await hasEmployeeListSnapshot(ctx, { edrpou, date, atMost: input.storedUpTo }))
  )
    return null;
  return loadEmployeeListModel(ctx, { edrpou, date });
}

/** The model built whole: everyone employed there that day read from the registry and judged. */
export async function computeModel(ctx: Ctx<"db">, edrpou: string, date: IsoDate): Promise<EmployeeListModel> {
  const loaded = await loadApplicationFacts(ctx, { edrpou, date, employedOn: date });
  const { rows, limit } = judge(loaded, edrpou, date);
  modelBuilds.whole += 1;
  return assembleModel(date, rows, limit, loaded.staff);
}

// After a registry change that concerned some persons (a military record, an employment, a mark
// — see oberig.staff_changes), only they are read and judged again; everyone else's row is the
// cached model's. A person judges the same whatever the rest of the staff (the list applies no
// limit), so the result is the model a whole computation would give — as long as the enterprise,
// its decisions, the ruleset (the portal version) and the day are the same, which is checked
// here, and the registry can name every person changed since (staffChangesSince). A 45-day
// exception used elsewhere is such a change: its reservation's mark notes the person (see above).
export async function patchModel(
  ctx: Ctx<"db" | "registry">,
  edrpou: string,
  date: IsoDate,
  portalVersion: string,
  older: { version: string; value: EmployeeListModel },
): Promise<EmployeeListModel | null> {
  const cut = older.version.indexOf("#");
  if (cut < 0 || older.version.slice(cut + 1) !== portalVersion || older.value.date !== date) return null;
  const changes = await ctx.registry.staffChangesSince(edrpou, older.version.slice(0, cut), PATCH_LIMIT);
  if (!changes) return null;
  if (changes.rnokpps.length === 0) return older.value;
  const loaded = await loadApplicationFacts(ctx, { edrpou, date, employedOn: date, among: changes.rnokpps });
  const judged = judge(loaded, edrpou, date);
  const changed = new Set(changes.rnokpps);
  const kept = older.value.rows.filter((row) => !changed.has(row.rnokpp));
  const staff = new Map(older.value.staff);
  for (const rnokpp of changed) staff.delete(rnokpp);
  for (const [rnokpp, record] of loaded.staff) staff.set(rnokpp, record);
  modelBuilds.patched += 1;
  return assembleModel(date, mergeInOrder(kept, judged.rows), judged.limit, staff);
}

/** The persons of the loaded facts, each judged on their own, in the list's order. */
function judge(
  loaded: Awaited<ReturnType<typeof loadApplicationFacts>>,
  edrpou: string,
  date: IsoDate,
): { rows: ModelRow[]; limit: LimitFigures } {
  const outcome = decideApplication(loaded.facts, { applyLimit: false });
  const rows = outcome.employees.map((decided): ModelRow => {
    const record = loaded.staff.get(decided.rnokpp)!;
    const here = loaded.marksHere.get(decided.rnokpp);
    const elsewhere = record.activeMarks.some((m) => m.edrpou !== edrpou && m.untilDate >= date);
    return modelRow(record, date, {
      eligible: decided.verdict === "RESERVE",
      reasons: decided.reasons,
      state: here
        ? expiresSoon(daysBetween(date, here.untilDate))
          ? "expiring"
          : "reserved"
        : elsewhere
          ? "reserved_elsewhere"
          : "not_reserved",
      reservedUntil: here?.untilDate ?? null,
      exception45: decided.exception45?.applied === true,
    });
  });
  rows.sort(inListOrder);
  return {
    rows,
    limit: { total: outcome.limit.total, used: outcome.limit.usedBefore, available: outcome.limit.availableBefore },
  };
}

/** What the rules and the registry's marks say of one employee: the part of a row that is judged. */
export type RowJudgement = Pick<ModelRow, "eligible" | "reasons" | "state" | "reservedUntil" | "exception45">;

/** One employee's row: their registry record as of the day, with the judgement. */
export function modelRow(record: StaffRecord, date: IsoDate, judgement: RowJudgement): ModelRow {
  const employment = employmentOn(record.employments, date);
  const job = employment.employed ? employment.record : null;
  return {
    rnokpp: record.person.rnokpp,
    fullName: record.person.fullName,
    search: record.person.fullName.toLocaleLowerCase("uk"),
    birthDate: record.person.birthDate,
    position: job?.position ?? null,
    salary: job?.salaryKop ?? null,
    hiredOn: employment.employed ? employment.hiredOn : null,
    militaryStatus: record.person.military?.status ?? null,
    liability: record.person.military?.liability ?? null,
    ...judgement,
  };
}

function inListOrder(a: ModelRow, b: ModelRow): number {
  return collator.compare(a.fullName, b.fullName) || (a.rnokpp < b.rnokpp ? -1 : a.rnokpp > b.rnokpp ? 1 : 0);
}

/** Two lists in the list's order, merged into one. */
function mergeInOrder(a: readonly ModelRow[], b: readonly ModelRow[]): ModelRow[] {
  const merged: ModelRow[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) merged.push(inListOrder(b[j]!, a[i]!) < 0 ? b[j++]! : a[i++]!);
  while (i < a.length) merged.push(a[i++]!);
  while (j < b.length) merged.push(b[j++]!);
  return merged;
}
