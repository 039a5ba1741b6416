import type { IncomingMessage, ServerResponse } from "node:http";
import pg from "pg";
import { errorMessage, onDatabaseUnavailable } from "@/lib/errors";
import { sendUnavailable } from "./unavailable";

// The web server's view of its database. One connection is held open to notice at once when
// Postgres stops or restarts (the server terminates it); every request error that is a lost
// database (lib/errors toAppError) reports it too. While the database is down, the server itself
// answers every request but static files with a 503 and the Ukrainian message — nothing reaches
// Next to fail as a 500 — and a 500 that Next was already writing becomes that 503. A retry every
// half-second notices when the database is back; Prisma's and pg-boss's pools make new
// connections by themselves, so the process recovers with no restart.

const RETRY_MS = 500;
const MESSAGE = errorMessage("SERVICE_UNAVAILABLE");

export type DatabaseGate = {
  isDown(): boolean;
  /** Answers the request with a 503 while the database is down; false lets it through. */
  refuse(req: IncomingMessage, res: ServerResponse): boolean;
  /** Turns a 500 written while the database is down into the 503 it is. */
  watch(res: ServerResponse): void;
  stop(): Promise<void>;
};

export function startDatabaseGate(options: { databaseUrl: string; log: (line: string) => void }): DatabaseGate {
  let down = false;
  let stopped = false;
  let client: pg.Client | null = null;
  let retry: NodeJS.Timeout | null = null;
  let probing = false;

  const markDown = (why: string) => {
    if (stopped) return;
    if (!down) options.log(`база даних недоступна (${why}): відповідаю 503, доки вона не повернеться`);
    down = true;
    if (!retry && !client) retry = setTimeout(connect, RETRY_MS);
  };

  const lost = (next: pg.Client, why: string) => {
    // A connection already given up (its "error" and then its "end") says nothing new.
    if (client !== next) return;
    client = null;
    void next.end().catch(() => undefined);
    markDown(why);
  };

  function connect() {
    retry = null;
    if (stopped || client) return;
    const next = new pg.Client({
      connectionString: options.databaseUrl,
      application_name: "bronya-web-gate",
      connectionTimeoutMillis: 2_000,
    });
    next.on("error", (error) => lost(next, error.message));
    next.on("end", () => lost(next, "з'єднання закрито"));
    client = next;
    probing = true;
    next
      .connect()
      .then(() => next.query("SELECT 1"))
      .then(() => {
        if (down) options.log("база даних знову доступна");
        down = false;
      })
      .catch((error: Error) => lost(next, error.message))
      .finally(() => (probing = false));
  }

  onDatabaseUnavailable(() => {
    // A request met a lost database: check the held connection at once.
    markDown("запит не дістав бази даних");
    const held = client;
    if (!held || probing) return;
    probing = true;
    held
      .query("SELECT 1")
      .finally(() => (probing = false))
      .then(
        () => {
          if (client === held && down) {
            options.log("база даних знову доступна");
            down = false;
          }
        },
        (error: Error) => lost(held, error.message),
      );
  });
  connect();

  return {
    isDown: () => down,
    refuse(req, res) {
      if (!down || (req.url ?? "").startsWith("/_next/static/")) return false;
      sendUnavailable(req, res, {
        message: MESSAGE,
        title: "Портал тимчасово недоступний",
        page: `<p>${MESSAGE}.</p><p>Ваші дані збережено; підписані заяви буде розглянуто, щойно база даних запрацює.</p>`,
      });
      return true;
    },
    watch(res) {
      const writeHead = res.writeHead;
      res.writeHead = function (this: ServerResponse, status: number, ...rest: unknown[]) {
        if (status === 500 && down) {
          res.setHeader("retry-after", "5");
          return (writeHead as (...args: unknown[]) => ServerResponse).call(this, 503, ...rest);
        }
        return (writeHead as (...args: unknown[]) => ServerResponse).call(this, status, ...rest);
      } as ServerResponse["writeHead"];
    },
    async stop() {
      stopped = true;
      onDatabaseUnavailable(undefined);
      if (retry) clearTimeout(retry);
      const held = client;
      client = null;
      await held?.end().catch(() => undefined);
    },
  };
}
