import http from "node:http";
import pg from "pg";
import { SESSION_REVOKED_STATEMENT } from "@/lib/auth/session-revocation";
// The registry's own statement, past its interface on purpose: the floor is that statement alone.
// eslint-disable-next-line no-restricted-imports
import { CITIZEN_STATUS_STATEMENT } from "@/lib/registry/postgres/find-citizen-status";

// The floor under GET /api/v1/me/status (npm run bench -- me-status): a bare node:http server
// that answers every request with the route's own statements and nothing else — no session to
// decode, no headers beyond the type, no access log — on a node-postgres pool like the route's
// (lib/db/prepared-read.ts: named prepared statements, 6 connections). FLOOR_STATEMENTS=2 runs
// both (the sign-out check, then the citizen's status), as the route does; 1 runs the status
// read alone. What it answers per second is what the route could answer if everything of its
// own cost nothing. Env: DATABASE_URL, PORT, FLOOR_RNOKPP, FLOOR_STATEMENTS (1 or 2).

const statements = process.env.FLOOR_STATEMENTS === "1" ? 1 : 2;
const rnokpp = process.env.FLOOR_RNOKPP ?? "";
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 6 });
pool.on("error", () => undefined);
// A session id that is not signed out, as the route's check sees for a signed-in citizen.
const sessionId = crypto.randomUUID();

const server = http.createServer((request, response) => {
  void (async () => {
    if (request.url === "/api/health") {
      response.writeHead(200, { "content-type": "application/json" }).end('{"status":"ok"}');
      return;
    }
    try {
      if (statements === 2) await pool.query({ ...SESSION_REVOKED_STATEMENT, values: [sessionId] });
      const today = new Date().toISOString().slice(0, 10);
      const { rows } = await pool.query({ ...CITIZEN_STATUS_STATEMENT, values: [rnokpp, today] });
      const body = JSON.stringify(rows[0] ?? null);
      response.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
      response.end(body);
    } catch (error) {
      response.writeHead(500, { "content-type": "text/plain" }).end(String(error));
    }
  })();
});
server.listen(Number(process.env.PORT), "127.0.0.1");
for (const signal of ["SIGINT", "SIGTERM"] as const)
  process.once(signal, () => {
    server.close();
    void pool.end().finally(() => process.exit(0));
  });
