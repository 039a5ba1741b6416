// The client's address inside Next (route handlers, pages, proxy.ts, next-auth providers): the
// one X-Forwarded-For entry scripts/server.ts leaves after resolving it with TRUSTED_PROXIES
// (./client-address.ts) — the socket's address, or what a trusted proxy reported; whatever the
// client wrote itself is gone by then. The rightmost entry, should a bare `next` serve the request.
// Every reader of the address (rate limits, throttles, the audit's request context) uses this.

type HeaderSource = Headers | Record<string, unknown> | undefined;

function header(headers: HeaderSource, name: string): string | undefined {
  if (!headers) return undefined;
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const value = headers[name];
  return typeof value === "string" ? value : Array.isArray(value) ? value.join(",") : undefined;
}

export function forwardedClientAddress(headers: HeaderSource): string {
  const last = header(headers, "x-forwarded-for")
    ?.split(",")
    .map((part) => part.trim())
    .filter(Boolean)
    .pop();
  return last || header(headers, "x-real-ip")?.trim() || "unknown";
}
