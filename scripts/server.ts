import cluster from "node:cluster";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { parseTrustedProxies } from "@/lib/http/client-address";
import { env } from "@/lib/env";
import { startServerRulesetCache } from "./server/ruleset-cache";
import { startDatabaseGate } from "./server/database-gate";
import { surviveDatabaseLoss } from "./server/survive-database-loss";
import { isServerAction, readServerActionBody, refuseBadServerAction } from "./server/action-guard";
import { serveFastRoute } from "./server/fast-routes";
import { createNextAdmission } from "./server/admission";
import { runWebCluster } from "./server/web-cluster";
import { prepareRequest } from "./server/request-prelude";

// The portal's web server: Next.js behind node:http, with the app-facing status route answered
// first (scripts/server/fast-routes.ts). Started by the launcher as
//   node --import tsx --import ./scripts/server/register-hooks.mjs scripts/server.ts dev|start
// with PORT, DATABASE_URL and the rest of the environment set.
// WEB_PROCESSES > 1 (npm start only): this process becomes a node:cluster primary that forks that
// many web processes sharing the one port, replaces one that dies, and stops them all on
// SIGINT/SIGTERM. Nothing that decides anything lives in a process: sessions are signed cookies,
// throttles and jobs are in Postgres.

// Requests that may wait for a place in Next before the next one is refused with a 503: far more
// than a deadline day's browsers keep open at once, bounded so that a flood cannot grow the line
// without end.
const QUEUE_LIMIT = 4_096;

const mode = process.argv[2];
if (mode !== "dev" && mode !== "start") {
  console.error("Використання: scripts/server.ts dev|start");
  process.exit(2);
}
const dev = mode === "dev";
// Configuration is read through lib/env.ts only; this process never edits process.env.
const config = env();
const port = config.PORT;
const processes = dev ? 1 : config.WEB_PROCESSES;
if (cluster.isPrimary && processes > 1) {
  runWebCluster({ count: processes, port });
  // runPrimary exits the process when the web processes are stopped.
  await new Promise(() => undefined);
}
// Next reads NODE_ENV when it loads: the launcher sets it for the mode (scripts/launch/config.ts,
// buildChildEnv); a server started with another one would mix a dev build and production rules.
const nodeEnv = dev ? "development" : "production";
if (config.NODE_ENV !== nodeEnv) {
  console.error(
    `scripts/server.ts ${mode}: потрібне NODE_ENV=${nodeEnv} (його задає npm run ${dev ? "dev" : "start"}), а задано ${config.NODE_ENV}`,
  );
  process.exit(2);
}
const { default: next } = await import("next");

const app = next({ dev, port, hostname: "localhost" });
const handle = app.getRequestHandler();
await app.prepare();
// The rules' signed versions, reloaded on NOTIFY (rulesetFor answers from memory; see lib/rulesets).
const rulesets = await startServerRulesetCache("web");

// A stopped or restarting database answers 503 with a Ukrainian message, and the process
// recovers by itself when it is back (scripts/server/database-gate.ts).
const databaseUrl = config.DATABASE_URL;
const gate = databaseUrl ? startDatabaseGate({ databaseUrl, log: (line) => console.error(`[web] ${line}`) }) : null;
surviveDatabaseLoss((line) => console.error(`[web] ${line}`));

const https = config.PORTAL_URL.startsWith("https:");
const accessLog = config.ACCESS_LOG;
const trustedProxies = parseTrustedProxies(config.TRUSTED_PROXIES);
// A few requests in Next at a time, the rest in line (scripts/server/admission.ts); not in dev,
// where the first visit to a page compiles it.
const admission =
  !dev && config.WEB_ACTIVE_REQUESTS > 0
    ? createNextAdmission({ limit: config.WEB_ACTIVE_REQUESTS, queueLimit: QUEUE_LIMIT })
    : null;
const toNext = (req: IncomingMessage, res: ServerResponse) =>
  admission ? admission.admit(req, res, () => void handle(req, res)) : void handle(req, res);
const server = createServer((req, res) => {
  prepareRequest(req, res, { dev, https, trustedProxies, accessLog });
  if (gate?.refuse(req, res)) return;
  gate?.watch(res);
  if (refuseBadServerAction(req, res, { portalUrl: config.PORTAL_URL })) return;
  if (isServerAction(req)) {
    void readServerActionBody(req, res).then(
      (checked) => (checked ? toNext(checked, res) : undefined),
      () => res.destroy(),
    );
    return;
  }
  if (!serveFastRoute(req, res)) toNext(req, res);
});
// Hot reloading in development talks over a WebSocket upgrade.
const upgrade = app.getUpgradeHandler();
server.on("upgrade", (req, socket, head) => void upgrade(req, socket, head));
server.keepAliveTimeout = 65_000;

server.listen(port, () => console.log(`▲ Next.js ${dev ? "dev" : "production"} server on http://localhost:${port}`));

let closing = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (closing) return;
    closing = true;
    void rulesets?.stop();
    void gate?.stop();
    server.close(() => void app.close().finally(() => process.exit(0)));
    server.closeAllConnections();
    setTimeout(() => process.exit(0), 10_000).unref();
  });
}
