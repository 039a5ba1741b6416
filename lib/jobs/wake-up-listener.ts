import "server-only";
import pg from "pg";

// One connection that LISTENs on the queues' wake-up channels. Postgres ends it when it stops or
// restarts; losing it only costs latency (the workers still poll), so it reconnects by itself
// with a doubling wait capped at RETRY_MAX_MS, for as long as the worker runs, and wakes every
// channel's workers once it is back — a NOTIFY sent while it was away is lost.

export const RETRY_FIRST_MS = 250;
export const RETRY_MAX_MS = 5_000;

/** The wait before reconnection attempt `attempt` (0-based): 250 ms, 500 ms, 1 s, … at most 5 s. */
export function wakeUpRetryDelay(attempt: number): number {
  return Math.min(RETRY_MAX_MS, RETRY_FIRST_MS * 2 ** Math.min(Math.max(attempt, 0), 16));
}

export type WakeUpListener = {
  /** How many times the connection has been (re)established: 1 after the start. */
  connections(): number;
  stop(): Promise<void>;
};

export async function listenForWakeUps(options: {
  databaseUrl: string;
  channels: ReadonlyArray<string>;
  onWake: (channel: string) => void;
  log: (line: string) => void;
}): Promise<WakeUpListener> {
  let stopped = false;
  let client: pg.Client | null = null;
  let timer: NodeJS.Timeout | null = null;
  let connections = 0;
  let attempt = 0;

  const connect = async (): Promise<void> => {
    const next = new pg.Client({
      connectionString: options.databaseUrl,
      application_name: "bronya-worker-wake",
      connectionTimeoutMillis: 5_000,
    });
    let live = false;
    let lost = false;
    const onLost = (why: string) => {
      if (!live || lost) return;
      lost = true;
      if (client === next) client = null;
      void next.end().catch(() => undefined);
      if (stopped) return;
      options.log(`канал пробудження втрачено (${why}); перепідключаюся, тим часом — лише опитування`);
      attempt = 0;
      schedule();
    };
    next.on("error", (error) => onLost(error.message));
    next.on("end", () => onLost("з'єднання закрито"));
    next.on("notification", (message) => options.onWake(message.channel));
    try {
      await next.connect();
      for (const channel of options.channels) await next.query(`LISTEN "${channel.replaceAll('"', '""')}"`);
    } catch (error) {
      void next.end().catch(() => undefined);
      throw error;
    }
    if (stopped) {
      await next.end().catch(() => undefined);
      return;
    }
    live = true;
    client = next;
    connections++;
  };

  function schedule() {
    if (stopped || timer) return;
    timer = setTimeout(() => {
      timer = null;
      if (stopped) return;
      connect().then(
        () => {
          if (stopped) return;
          options.log(`канал пробудження відновлено (спроба ${attempt + 1})`);
          for (const channel of options.channels) options.onWake(channel);
        },
        () => {
          attempt++;
          schedule();
        },
      );
    }, wakeUpRetryDelay(attempt));
    timer.unref();
  }

  await connect();
  return {
    connections: () => connections,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      const held = client;
      client = null;
      await held?.end().catch(() => undefined);
    },
  };
}
