import type { IncomingMessage, ServerResponse } from "node:http";
import { createNonce, securityHeaders } from "@/lib/http/security-headers";

// Sets the portal's security headers (lib/http/security-headers.ts) on a response before anyone
// answers it, and hands the request's nonce to Next the way proxy.ts would: as the request's
// Content-Security-Policy header, from which Next takes the nonce for the scripts it renders.
// Whatever CSP or nonce header the client sent is replaced, so it cannot choose the nonce.

export function applySecurityHeaders(
  req: IncomingMessage,
  res: ServerResponse,
  options: { dev: boolean; https: boolean },
) {
  const nonce = createNonce();
  const headers = securityHeaders({ nonce, ...options });
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  delete req.headers["content-security-policy-report-only"];
  req.headers["content-security-policy"] = headers["Content-Security-Policy"];
  req.headers["x-nonce"] = nonce;
}
