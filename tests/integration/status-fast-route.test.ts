import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "@/lib/auth/roles";
import { revokeSession } from "@/lib/auth/session-revocation";
import { db } from "@/lib/db/client";
import { resetEnvCache } from "@/lib/env";
import { createEnterprise, createPerson, createReservationMark } from "@/prisma/seed/factories";
import { serveFastRoute } from "@/scripts/server/fast-routes";
import { createCtx } from "@/lib/context-server";

// GET /api/v1/me/status as the portal's web server answers it, before Next.js sees the request
// (scripts/server.ts): over real HTTP, with the cookie next-auth issues.

const SECRET = "fast-route-test-secret-0123456789";
process.env.NEXTAUTH_SECRET = SECRET;
resetEnvCache();

let server: Server;
let base: string;
let reserved: string;
let edrpou: string;
let handedToNext = 0;

async function cookieOf(rnokpp: string, role: Role, sid: string = randomUUID()) {
  const token = await encode({
    secret: SECRET,
    token: { uid: "u1", sid, rnokpp, name: "Тест", via: "password", roles: [{ role, label: role }], active: 0 },
  });
  return `theme=dark; next-auth.session-token=${token}; broken=%E0%A4%A`;
}

beforeAll(async () => {
  edrpou = (await createEnterprise(db, { name: "Енергомаш" })).edrpou;
  reserved = (await createPerson(db, { lastName: "Коваленко", firstName: "Андрій" })).rnokpp;
  await createReservationMark(db, { rnokpp: reserved, edrpou, fromDate: "2026-01-15", untilDate: "2099-01-14" });
  server = createServer((req, res) => {
    if (serveFastRoute(req, res)) return;
    handedToNext++;
    res.writeHead(418).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("the status route outside Next", () => {
  it("refuses a session signed out on the server, even though the cookie is still well-formed", async () => {
    const sid = randomUUID();
    const cookie = await cookieOf(reserved, "CONSCRIPT", sid);
    expect((await fetch(`${base}/api/v1/me/status`, { headers: { cookie } })).status).toBe(200);
    await revokeSession(createCtx({ actor: null }), {
      sessionId: sid,
      expiresAtSeconds: Math.floor(Date.now() / 1000) + 3600,
    });
    const after = await fetch(`${base}/api/v1/me/status`, { headers: { cookie } });
    expect(after.status).toBe(401);
    expect(await after.json()).toMatchObject({ error: { code: "UNAUTHENTICATED" } });
    // A token from before session ids existed counts as signed out.
    const legacy = await encode({
      secret: SECRET,
      token: {
        uid: "u1",
        rnokpp: reserved,
        name: "Тест",
        via: "password",
        roles: [{ role: "CONSCRIPT", label: "x" }],
        active: 0,
      },
    });
    expect(
      (await fetch(`${base}/api/v1/me/status`, { headers: { cookie: `next-auth.session-token=${legacy}` } })).status,
    ).toBe(401);
  });

  it("answers the conscript's own status, uncached, whatever else the cookie header holds", async () => {
    const response = await fetch(`${base}/api/v1/me/status?rnokpp=0000000000`, {
      headers: { cookie: await cookieOf(reserved, "CONSCRIPT") },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect(await response.json()).toMatchObject({ rnokpp: reserved, reservation: { edrpou, until: "2099-01-14" } });
  });

  it("401 without a session or with a forged one, 403 in another role — as the Next route does", async () => {
    const anonymous = await fetch(`${base}/api/v1/me/status`);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ error: { code: "UNAUTHENTICATED" } });
    const forged = await fetch(`${base}/api/v1/me/status`, {
      headers: { cookie: "next-auth.session-token=not-a-jwt" },
    });
    expect(forged.status).toBe(401);
    const asHead = await fetch(`${base}/api/v1/me/status`, {
      headers: { cookie: await cookieOf(reserved, "ENTERPRISE_HEAD") },
    });
    expect(asHead.status).toBe(403);
  });

  it("hands every other request to Next", async () => {
    const before = handedToNext;
    for (const [method, path] of [
      ["GET", "/api/v1/me/status/extra"],
      ["POST", "/api/v1/me/status"],
      ["GET", "/api/v1/me/applications"],
      ["GET", "/"],
    ] as const) {
      expect((await fetch(`${base}${path}`, { method })).status).toBe(418);
    }
    expect(handedToNext - before).toBe(4);
  });
});
