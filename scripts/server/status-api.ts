import type { IncomingMessage, ServerResponse } from "node:http";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { DatabaseGate } from "./database-gate";
import { serveFastRoute } from "./fast-routes";
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

function sendJson(req: IncomingMessage, res: ServerResponse, status: number, body: unknown) {
  const json = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(json),
    "cache-control": "no-store",
  });
  res.end(req.method === "HEAD" ? undefined : json);
}

async function serveHealth(req: IncomingMessage, res: ServerResponse) {
  try {
    await db.$queryRaw`SELECT 1`;
    sendJson(req, res, 200, { status: "ok" });
  } catch {
    sendJson(req, res, 503, { status: "error", message: "База даних недоступна" });
  }
}

/** The status API's request handler: the prelude every portal response gets, then the one route. */
export function createStatusApiHandler(options: PreludeOptions & { gate: DatabaseGate | null }) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    prepareRequest(req, res, options);
    if (options.gate?.refuse(req, res)) return;
    options.gate?.watch(res);
    if (serveFastRoute(req, res)) return;
    const path = (req.url ?? "").split("?")[0];
    if (path === "/api/health" && (req.method === "GET" || req.method === "HEAD")) {
      void serveHealth(req, res);
      return;
    }
    sendJson(req, res, NOT_HERE.status, NOT_HERE.toJSON());
  };
}
