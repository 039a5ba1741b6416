import { AsyncLocalStorage } from "node:async_hooks";
import { forwardedClientAddress } from "@/lib/http/forwarded-address";

// Who was on the other end of an audited act: the client's address, user agent and the
// request id the web server (scripts/server.ts) gives every request. A boundary may bind it
// explicitly (runWithRequestContext); inside Next it is read from the request's headers.
// The address is the one scripts/server.ts resolved with TRUSTED_PROXIES (lib/http/client-address),
// read by the one helper every address reader uses (lib/http/forwarded-address).

export type AuditRequestContext = { ip: string | null; userAgent: string | null; requestId: string | null };

export const REQUEST_ID_HEADER = "x-request-id";
const MAX_HEADER = 512;

const bound = new AsyncLocalStorage<AuditRequestContext>();

export function requestContextFromHeaders(headers: Headers): AuditRequestContext {
  const ip = forwardedClientAddress(headers);
  return {
    ip: ip === "unknown" ? null : ip.slice(0, 64),
    userAgent: headers.get("user-agent")?.slice(0, MAX_HEADER) ?? null,
    requestId: headers.get(REQUEST_ID_HEADER)?.slice(0, 64) ?? null,
  };
}

export function runWithRequestContext<T>(context: AuditRequestContext, fn: () => T): T {
  return bound.run(context, fn);
}

/** The current request's context, or null outside a request (the worker, scripts, tests). */
export async function currentRequestContext(): Promise<AuditRequestContext | null> {
  const explicit = bound.getStore();
  if (explicit) return explicit;
  try {
    const { headers } = await import("next/headers");
    return requestContextFromHeaders(new Headers(await headers()));
  } catch {
    return null; // not inside a Next request
  }
}
