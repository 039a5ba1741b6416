import "server-only";
import type { Ctx } from "@/lib/context";
import { inTransaction } from "@/lib/db/transaction";
import { applyAutomaticAnnulments } from "./apply-automatic-annulments";
import { isWriteConflict } from "./write-conflicts";

// The daily job (and the worker's start): every enterprise that holds an active mark is checked
// in its own short transaction, so one enterprise's lock never holds up another's decisions
// and a failure stops only that enterprise (it is reported and retried the next run).

export type SweepReservationsResult = { enterprises: number; checked: number; ended: number; failed: string[] };

export async function sweepReservations(
  ctx: Ctx<"db" | "registry" | "now">,
  input: { log?: (line: string) => void } = {},
): Promise<SweepReservationsResult> {
  const { now } = ctx;
  const log = input.log ?? (() => undefined);
  const edrpous = await ctx.registry.findEnterprisesWithActiveMarks();
  const result: SweepReservationsResult = { enterprises: edrpous.length, checked: 0, ended: 0, failed: [] };
  for (const edrpou of edrpous) {
    try {
      const outcome = await withConflictRetry(() =>
        inTransaction(ctx.db, (tx) => applyAutomaticAnnulments({ db: tx, now }, { edrpou }), {
          timeout: 60_000,
          maxWait: 10_000,
        }),
      );
      result.checked += outcome.checked;
      result.ended += outcome.ended.length;
      if (outcome.ended.length > 0) log(`ЄДРПОУ ${edrpou}: припинено бронювань — ${outcome.ended.length}`);
    } catch (error) {
      result.failed.push(edrpou);
      log(`ЄДРПОУ ${edrpou}: перевірку не завершено — ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return result;
}

async function withConflictRetry<T>(work: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= attempts || !isWriteConflict(error)) throw error;
    }
  }
}
