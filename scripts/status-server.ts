import cluster from "node:cluster";
import { createServer } from "node:http";
import { parseTrustedProxies } from "@/lib/http/client-address";
import { env } from "@/lib/env";
import { startDatabaseGate } from "./server/database-gate";
import { surviveDatabaseLoss } from "./server/survive-database-loss";
import { createStatusApiHandler } from "./server/status-api";
import { runWebCluster } from "./server/web-cluster";

// The citizens' status API in processes of its own: GET /api/v1/me/status on STATUS_PORT
// (scripts/server/status-api.ts). The launcher starts it when STATUS_PORT is set, next to the web
// server, which keeps answering the same route on PORT; a reverse proxy sends the app's path here.
// On a deadline day the cabinets' pages fill the web processes' event loops, and a status poll
// waiting behind them took a second (docs/performance.md); here it waits for nothing but Postgres.
// STATUS_PROCESSES > 1: a node:cluster primary forks that many on the one port, as WEB_PROCESSES does.
//   node --import tsx --import ./scripts/server/register-hooks.mjs scripts/status-server.ts dev|start

const mode = process.argv[2];
if (mode !== "dev" && mode !== "start") {
  console.error("Використання: scripts/status-server.ts dev|start");
  process.exit(2);
}
const config = env();
const port = config.STATUS_PORT;
if (port === undefined) {
  console.error("scripts/status-server.ts: задайте STATUS_PORT — порт, на якому відповідатиме API статусу");
  process.exit(2);
}
if (cluster.isPrimary && config.STATUS_PROCESSES > 1) {
  runWebCluster({ count: config.STATUS_PROCESSES, port, what: "процеси API статусу", one: "процес API статусу" });
  await new Promise(() => undefined);
}

const log = (line: string) => console.error(`[status] ${line}`);
const gate = config.DATABASE_URL ? startDatabaseGate({ databaseUrl: config.DATABASE_URL, log }) : null;
surviveDatabaseLoss(log);

const server = createServer(
  createStatusApiHandler({
    dev: mode === "dev",
    https: config.PORTAL_URL.startsWith("https:"),
    trustedProxies: parseTrustedProxies(config.TRUSTED_PROXIES),
    accessLog: config.ACCESS_LOG,
    gate,
  }),
);
server.keepAliveTimeout = 65_000;
server.listen(port, () => console.log(`▲ API статусу на http://localhost:${port}/api/v1/me/status`));

let closing = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (closing) return;
    closing = true;
    void gate?.stop();
    server.close(() => process.exit(0));
    server.closeAllConnections();
    setTimeout(() => process.exit(0), 10_000).unref();
  });
}
