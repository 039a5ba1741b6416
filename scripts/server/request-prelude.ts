import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { resolveClientAddress, type TrustedProxies } from "@/lib/http/client-address";
import { applySecurityHeaders } from "./security-headers";

// What every request to the portal's own servers gets before anyone answers it, the web server's
// (scripts/server.ts) and the status API's (scripts/status-server.ts) alike.

export type PreludeOptions = { dev: boolean; https: boolean; trustedProxies: TrustedProxies; accessLog: boolean };

export function prepareRequest(req: IncomingMessage, res: ServerResponse, options: PreludeOptions): void {
  // The one client address everything downstream reads (rate limits, login throttles): the
  // socket's, or what a proxy named in TRUSTED_PROXIES reported. Nothing the client wrote.
  req.headers["x-forwarded-for"] = resolveClientAddress({
    remoteAddress: req.socket.remoteAddress,
    forwardedFor: req.headers["x-forwarded-for"],
    trusted: options.trustedProxies,
  });
  delete req.headers["x-real-ip"];
  // Every response, whoever answers it (the fast route, a page, a route handler, a static file).
  applySecurityHeaders(req, res, { dev: options.dev, https: options.https });
  // Every request gets the server's own id (a client's is never trusted): audit rows carry it
  // and the response names it, so a support request can point at the exact act.
  const requestId = randomUUID();
  req.headers["x-request-id"] = requestId;
  res.setHeader("x-request-id", requestId);
  // The access log a reverse proxy would keep: what it shows is what a URL gives away (the
  // browser tests grep it for РНОКПП and tokens, tests/e2e/zz-log-hygiene.spec.ts).
  if (options.accessLog) res.on("finish", () => console.log(`[access] ${req.method} ${req.url} ${res.statusCode}`));
}
