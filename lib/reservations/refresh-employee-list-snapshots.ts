import "server-only";
import type { Ctx } from "@/lib/context";
import { kyivDate } from "@/lib/format";
import type { IsoDate } from "@/lib/rules";
import { computeModel, patchModel, readModelVersions } from "./employee-list-model";
import {
  dropEmployeeListSnapshots,
  EMPLOYEE_LIST_FORMAT,
  WHOLE_AFTER_MINUTES,
  readEmployeeListSnapshot,
  writeEmployeeListSnapshot,
} from "./employee-list-snapshots";
import { EMPLOYEE_LIST_SNAPSHOT_FROM } from "./constants";

// The worker's job refresh-employee-list-snapshots (every five minutes, and soon after start):
// keeps the judged employee list of every critical enterprise employing at least
// EMPLOYEE_LIST_SNAPSHOT_FROM persons in Postgres, for today (Kyiv), so that no web process builds
// one of them whole on a director's first page. The first run of a day judges them all whole (the
// largest first); later runs bring each to the registry's current version — by a patch of only the
// persons changed since, which the registry names for 15 minutes (oberig.staff_changes) — and
// leave unchanged ones alone; a list patched since its last whole judgement is judged whole again
// WHOLE_AFTER_MINUTES after it. Rows of other days, of another format, or of enterprises no longer
// large or critical are dropped. A failure of one enterprise is logged and the others go on; web
// processes meanwhile build that one themselves, as they do for every smaller enterprise.

export type SnapshotRefresh = {
  date: IsoDate;
  /** Critical enterprises large enough to keep. */
  enterprises: number;
  built: number;
  patched: number;
  unchanged: number;
  dropped: number;
  failed: number;
};

/** Enterprises with a decision in force on the day (or revoked only later): where directors reserve. */
async function criticalEnterprises(ctx: Ctx<"db">, date: IsoDate): Promise<string[]> {
  const rows = await ctx.db.$queryRaw<Array<{ edrpou: string }>>`
    SELECT DISTINCT edrpou FROM critical_decisions
    WHERE "validFrom" <= ${date}::date AND "validUntil" >= ${date}::date
      AND (status = 'ACTIVE' OR "revokedAt" >= ${date}::date + 1)`;
  return rows.map((r) => r.edrpou);
}

export async function refreshEmployeeListSnapshots(
  ctx: Ctx<"db" | "registry" | "now">,
  options: { from?: number; log?: (line: string) => void } = {},
): Promise<SnapshotRefresh> {
  const from = options.from ?? EMPLOYEE_LIST_SNAPSHOT_FROM;
  const log = options.log ?? (() => undefined);
  const date = kyivDate(ctx.now);
  const sizes = await ctx.registry.findLargeStaffs(await criticalEnterprises(ctx, date), date, from);
  const dropped = await dropEmployeeListSnapshots(ctx, { date, keep: [...sizes.keys()] });
  const stored = new Map(
    (
      await ctx.db.$queryRaw<Array<{ edrpou: string; version: string; patched: boolean; wholeDue: boolean }>>`
        SELECT edrpou, version, "builtAt" > "wholeAt" AS patched,
               "wholeAt" < now() - make_interval(mins => ${WHOLE_AFTER_MINUTES}) AS "wholeDue"
        FROM employee_list_snapshots WHERE date = ${date}::date AND format = ${EMPLOYEE_LIST_FORMAT}`
    ).map((r) => [r.edrpou, r]),
  );
  const outcome: SnapshotRefresh = {
    date,
    enterprises: sizes.size,
    built: 0,
    patched: 0,
    unchanged: 0,
    dropped,
    failed: 0,
  };
  const largestFirst = [...sizes].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([edrpou]) => edrpou);
  for (const edrpou of largestFirst) {
    try {
      // Versions first, then the model: the model is never older than the version it is stored under.
      const { version, portalVersion } = await readModelVersions(ctx, { edrpou, date });
      const row = stored.get(edrpou);
      // A list patched since its last whole judgement, and judged whole long enough ago, is judged
      // whole again (see EmployeeListSnapshot.patched), changed or not; else only a changed one.
      const wholeDue = row !== undefined && row.wholeDue && (row.patched || row.version !== version);
      if (row?.version === version && !wholeDue) {
        outcome.unchanged += 1;
        continue;
      }
      // A row that cannot be read is replaced by a list judged whole.
      const older =
        row && !wholeDue
          ? await readEmployeeListSnapshot(ctx, { edrpou, date, portalVersion }).catch(() => null)
          : null;
      const patched = older
        ? await patchModel(ctx, edrpou, date, portalVersion, { version: older.version, value: older.model })
        : null;
      const model = patched ?? (await computeModel(ctx, edrpou, date));
      await writeEmployeeListSnapshot(ctx, { edrpou, version, model, whole: !patched });
      if (patched) outcome.patched += 1;
      else outcome.built += 1;
    } catch (error) {
      outcome.failed += 1;
      log(
        `список працівників ${edrpou}: знімок не оновлено (${error instanceof Error ? error.message : String(error)})`,
      );
    }
  }
  return outcome;
}
