import type { IncomingMessage, ServerResponse } from "node:http";
import { getMyStatus } from "@/lib/citizen/get-my-status";
import { readSessionCitizenFromCookies } from "@/lib/citizen/read-session-citizen";
import { toAppError } from "@/lib/errors";
import { createCtx } from "@/lib/context-server";

// Routes answered before Next.js sees the request. Only the app-facing hot path lives here:
// GET /api/v1/me/status, polled by the citizen's app. Next's request pipeline costs ~1.5 ms of
// CPU per request on this machine whatever the handler does (scripts/bench/me-status.bench.ts);
// the same domain calls behind node:http cost ~0.3 ms. The route file app/api/v1/me/status
// answers identically when the portal runs under plain `next`.

const STATUS_PATH = "/api/v1/me/status";

/** A JSON answer written by the server itself (Node sends no body for HEAD). */
export function sendJson(res: ServerResponse, status: number, body: unknown, cacheControl = "private, no-store") {
  const json = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(json),
    "cache-control": cacheControl,
  });
  res.end(json);
}

async function serveStatus(req: IncomingMessage, res: ServerResponse) {
  const now = new Date();
  try {
    const rnokpp = await readSessionCitizenFromCookies(createCtx({ actor: null, now }), req.headers.cookie);
    sendJson(res, 200, await getMyStatus(createCtx({ actor: null, now, readOnly: true }), { rnokpp }));
  } catch (error) {
    const appError = toAppError(error);
    if (appError.code === "INTERNAL") console.error("[api] GET", STATUS_PATH, error);
    sendJson(res, appError.status, appError.toJSON());
  }
}

/** Answers the request if it is a fast route; false hands it to Next.js. */
export function serveFastRoute(req: IncomingMessage, res: ServerResponse): boolean {
  const url = req.url ?? "";
  const path = url.includes("?") ? url.slice(0, url.indexOf("?")) : url;
  if (path !== STATUS_PATH || (req.method !== "GET" && req.method !== "HEAD")) return false;
  void serveStatus(req, res);
  return true;
}
