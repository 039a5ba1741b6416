import type { IncomingMessage, ServerResponse } from "node:http";

// The web server's own 503 (the database is down, or too many requests wait for Next): the
// Ukrainian message as the API's error JSON for /api/ and JSON clients, else as a small page, with
// Retry-After. Written before Next sees the request.

function wantsJson(req: IncomingMessage): boolean {
  const url = req.url ?? "";
  return url.startsWith("/api/") || (req.headers.accept ?? "").includes("application/json");
}

export function sendUnavailable(
  req: IncomingMessage,
  res: ServerResponse,
  what: { message: string; title: string; page: string },
): void {
  const json = wantsJson(req);
  const body = json
    ? JSON.stringify({ error: { code: "SERVICE_UNAVAILABLE", message: what.message } })
    : `<!doctype html><html lang="uk"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${what.title} — Броня</title></head><body style="font-family:system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem"><h1>${what.title}</h1>${what.page}</body></html>`;
  res.writeHead(503, {
    "content-type": json ? "application/json; charset=utf-8" : "text/html; charset=utf-8",
    "content-length": Buffer.byteLength(body),
    "cache-control": "no-store",
    "retry-after": "5",
  });
  res.end(req.method === "HEAD" ? undefined : body);
}
