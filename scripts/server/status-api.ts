import type { IncomingMessage, ServerResponse } from "node:http";
import { checkHealth } from "@/lib/db/health";
import { AppError } from "@/lib/errors";
import type { DatabaseGate } from "./database-gate";
import { sendJson, serveFastRoute } from "./fast-routes";
import { prepareRequest, type PreludeOptions } from "./request-prelude";

// The status API's own server (scripts/status-server.ts, STATUS_PORT): the citizens' app polls
// GET /api/v1/me/status here, in processes of its own, so a deadline day's cabinet pages never
// stand between a conscript and the answer. It answers that route exactly as the web server's
// fast route does (the same function), /api/health for a load balancer, and a Ukrainian 404 for
// anything else: the cabinets are on the portal's own address.

const NOT_HERE = new AppError(
  "NOT_FOUND",
  "Ця адреса відповідає лише на запит статусу застосунку (GET /api/v1/me/status); кабінети порталу — на його основній адресі",
);

/** The status API's request handler: the prelude every portal response gets, then the one route. */
export function createStatusApiHandler(options: PreludeOptions & { gate: DatabaseGate | null }) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    prepareRequest(req, res, options);
    if (options.gate?.refuse(req, res)) return;
    options.gate?.watch(res);
    if (serveFastRoute(req, res)) return;
    const path = (req.url ?? "").split("?")[0];
    if (path === "/api/health" && (req.method === "GET" || req.method === "HEAD")) {
      void checkHealth().then((health) => sendJson(res, health.status, health.body, "no-store"));
      return;
    }
    sendJson(res, NOT_HERE.status, NOT_HERE.toJSON(), "no-store");
  };
}
