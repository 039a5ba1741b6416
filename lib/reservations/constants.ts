// Figures of the lifecycle that tests, jobs and the docs page share.

/** The most employees one application or annulment may list (the largest demo enterprise). */
export const MAX_EMPLOYEES = 10_000;

/** A draft (and the nonce inside it) lives a day: long enough to fetch the key, short enough to stay true. */
export const DRAFT_TTL_SECONDS = 24 * 60 * 60;

export const DRAFT_NONCE_PURPOSE = { RESERVATION: "draft:reservation", ANNULMENT: "draft:annulment" } as const;

/** The queue the worker decides submitted applications from (one job per application). */
export const DECIDE_APPLICATION_QUEUE = "decide-application";

/** NOTIFY channel that wakes the decision worker at once after a submission. */
export const DECIDE_WAKE_CHANNEL = "bronya_decide_application";

/** An application still undecided this long after submission is queued again by the sweeper. */
export const STUCK_AFTER_SECONDS = 30;

/** The employee list's reservation states and sort keys (the cabinet and the HR API share them). */
export const EMPLOYEE_STATES = ["reserved", "expiring", "reserved_elsewhere", "not_reserved"] as const;
export const EMPLOYEE_SORTS = [
  "name",
  "-name",
  "salary",
  "-salary",
  "reservedUntil",
  "-reservedUntil",
  "hiredOn",
  "-hiredOn",
] as const;

/**
 * A decision telling more employees than this writes their notices in a follow-up job after it
 * commits (the heads are told at once, in the decision): see notify-decided-employees.ts.
 */
export const INLINE_NOTICES_UP_TO = 500;

/** The queue of those follow-up jobs (one per decided application). */
export const NOTIFY_DECIDED_EMPLOYEES_QUEUE = "notify-decided-employees";

/**
 * The worker keeps the employee list judged in Postgres (employee_list_snapshots) for critical
 * enterprises employing at least this many: below it a process builds the model faster than the
 * snapshot would be worth keeping fresh (see refresh-employee-list-snapshots.ts).
 */
export const EMPLOYEE_LIST_SNAPSHOT_FROM = 1_000;
