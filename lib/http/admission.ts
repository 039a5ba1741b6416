// Admission to the web process's expensive work: at most `limit` requests are handled at once,
// the rest wait in arrival order, and beyond `queueLimit` waiting a request is refused at once.
//
// Why: a web process is one event loop. A page costs it ~14 ms of CPU in slices between its
// database reads, and every request let in at once shares the loop with all the others: at the
// deadline-day peak a hundred directors' pages were in flight together, so each took a hundredth
// of the loop and the status poll, a 0.2 ms request, waited behind all of them (p99 over a second).
// With a few let in at a time the loop does the same work in the same total time, a page is
// rendered in a few of its own slices rather than spread over the whole backlog, and the routes
// that bypass admission (the status poll) wait for a handful of slices, not for a hundred pages.
// The waiting requests cost nothing but a queued callback.
// What it costs: the same CPU serves the same work, so on a saturated process the wait moves, it
// does not vanish. Measured at the peak (docs/performance.md, 2026-12-06 night): with 8 let in,
// the status poll answered 2.4 times as many requests at half the p99, and the directors' pages
// waited longer at p95 (a short page now waits for the whole line, a submission included, where
// before it shared the loop and finished first). So it is off unless WEB_ACTIVE_REQUESTS is set.
//
// Framework-free: the web server (scripts/server/admission.ts) wires it to node:http.

export type Release = () => void;

export type Admission = {
  readonly limit: number;
  /** Requests holding a place now. */
  readonly active: number;
  /** Requests waiting for one. */
  readonly waiting: number;
  /**
   * A place, at once when fewer than `limit` hold one, else when the ones before it are done.
   * The promise gives the place's release (call it once the work is done; calling it again does
   * nothing). Null when `queueLimit` requests already wait: the caller refuses the request.
   * An aborted signal takes a waiting request out of the line (its promise rejects), or, if it
   * already holds its place, does nothing: the caller releases it.
   */
  enter(signal?: AbortSignal): Promise<Release> | null;
};

type Waiter = { admit: () => void; gone: boolean };

export function createAdmission(options: { limit: number; queueLimit: number }): Admission {
  const { limit, queueLimit } = options;
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError("limit має бути цілим числом від 1");
  if (!Number.isInteger(queueLimit) || queueLimit < 0) throw new RangeError("queueLimit має бути цілим числом від 0");
  let active = 0;
  let waiting = 0;
  // A FIFO as an array with a moving head (shift() on a long array copies it). A waiter whose
  // request went away is marked gone and skipped when its turn comes.
  let line: Waiter[] = [];
  let head = 0;

  function place(): Release {
    active += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      active -= 1;
      next();
    };
  }

  function next(): void {
    while (active < limit && head < line.length) {
      const waiter = line[head]!;
      head += 1;
      if (waiter.gone) continue;
      waiter.gone = true;
      waiting -= 1;
      waiter.admit();
    }
    if (head === line.length) {
      line = [];
      head = 0;
    } else if (head >= 1_024 && head * 2 >= line.length) {
      line = line.slice(head);
      head = 0;
    }
  }

  return {
    limit,
    get active() {
      return active;
    },
    get waiting() {
      return waiting;
    },
    enter(signal) {
      if (signal?.aborted) return Promise.reject(signal.reason);
      if (active < limit && waiting === 0) return Promise.resolve(place());
      if (waiting >= queueLimit) return null;
      return new Promise<Release>((resolve, reject) => {
        const onAbort = () => {
          if (waiter.gone) return;
          waiter.gone = true;
          waiting -= 1;
          reject(signal!.reason);
        };
        const waiter: Waiter = {
          gone: false,
          admit: () => {
            signal?.removeEventListener("abort", onAbort);
            resolve(place());
          },
        };
        line.push(waiter);
        waiting += 1;
        signal?.addEventListener("abort", onAbort, { once: true });
      });
    },
  };
}
