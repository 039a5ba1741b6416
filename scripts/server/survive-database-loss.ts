import { isDatabaseUnavailable } from "@/lib/errors";

// pg-boss 10 does not await its own complete()/fail() after a job (manager.js, work → onFetch):
// when Postgres stops at that moment the rejection is unhandled, and Node would end the worker
// — and the launcher the whole portal — over a database that comes back seconds later. A lost
// database is survived here (the job expires and is retried, the sweeper re-queues an undecided
// application); any other unhandled rejection still ends the process as before.
export function surviveDatabaseLoss(log: (line: string) => void): void {
  process.on("unhandledRejection", (reason) => {
    if (isDatabaseUnavailable(reason)) {
      log(
        `база даних недоступна (${reason instanceof Error ? reason.message : String(reason)}); продовжую, завдання буде повторено`,
      );
      return;
    }
    throw reason;
  });
}
