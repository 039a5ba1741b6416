import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { encode } from "next-auth/jwt";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/v1/me/status/route";
import type { Role } from "@/lib/auth/roles";
import { revokeSession } from "@/lib/auth/session-revocation";
import { db } from "@/lib/db/client";
import { resetEnvCache } from "@/lib/env";
import { createEnterprise, createPerson, createReservationMark } from "@/prisma/seed/factories";
import { serveFastRoute } from "@/scripts/server/fast-routes";

// The status route has two implementations (docs/decisions/009-fast-status-route.md): the web
// server answers GET /api/v1/me/status before Next (scripts/server/fast-routes.ts), and the route
// file app/api/v1/me/status/route.ts answers it when the portal runs under plain `next`. For the
// same session both must give the same status and the same body (apart from `asOf`, the moment
// of the answer).

const SECRET = "parity-test-secret-0123456789abcdef";
process.env.NEXTAUTH_SECRET = SECRET;
resetEnvCache();

/** Every kind of session the test sends, with the status it must get from both routes. */
const EXPECTED_STATUS: Record<string, number> = {
  "a conscript with a reservation": 200,
  "a conscript without a reservation": 200,
  "a conscript role for a person off the register": 403,
  "a conscript role for a РНОКПП the registry does not know": 403,
  "the role ENTERPRISE_HEAD": 403,
  "the role AUTHORIZED_PERSON": 403,
  "the role OFFICIAL": 403,
  "the role ADMIN": 403,
  "the role RECRUITER": 403,
  "the role METHODOLOGIST": 403,
  anonymous: 401,
  "a cookie that is not a JWT": 401,
  "a JWT signed with another secret": 401,
  "an expired session": 401,
  "a token without a session id": 401,
  "a token without a РНОКПП": 401,
  "a session signed out on the server": 401,
};

let server: Server;
let base: string;
const sessions: Record<string, string | undefined> = {};

async function sessionCookie(claims: { rnokpp?: string; role?: Role; sid?: string | null; expiresInSeconds?: number }) {
  const role = claims.role ?? "CONSCRIPT";
  const token = await encode({
    secret: SECRET,
    maxAge: claims.expiresInSeconds ?? 3600,
    token: {
      uid: "u1",
      ...(claims.sid === null ? {} : { sid: claims.sid ?? randomUUID() }),
      ...(claims.rnokpp ? { rnokpp: claims.rnokpp } : {}),
      name: "Тест",
      via: "password",
      roles: [{ role, label: role }],
      active: 0,
    },
  });
  return `next-auth.session-token=${token}`;
}

type Answer = { status: number; body: unknown; cacheControl: string | null };

function withoutMoment(body: unknown): unknown {
  if (body && typeof body === "object" && "asOf" in body) {
    const { asOf, ...rest } = body as { asOf: unknown };
    expect(typeof asOf, "asOf is an ISO timestamp").toBe("string");
    return rest;
  }
  return body;
}

async function fastRoute(cookie: string | undefined): Promise<Answer> {
  const response = await fetch(`${base}/api/v1/me/status`, { headers: cookie ? { cookie } : {} });
  return {
    status: response.status,
    body: withoutMoment(await response.json()),
    cacheControl: response.headers.get("cache-control"),
  };
}

async function nextRoute(cookie: string | undefined): Promise<Answer> {
  const request = new NextRequest("http://localhost:3000/api/v1/me/status", { headers: cookie ? { cookie } : {} });
  const response = await GET(request, { params: Promise.resolve({}) });
  return {
    status: response.status,
    body: withoutMoment(await response.json()),
    cacheControl: response.headers.get("cache-control"),
  };
}

beforeAll(async () => {
  const { edrpou } = await createEnterprise(db, { name: "Енергомаш" });
  const reserved = (await createPerson(db, { lastName: "Коваленко", firstName: "Андрій" })).rnokpp;
  await createReservationMark(db, { rnokpp: reserved, edrpou, fromDate: "2026-01-15", untilDate: "2099-01-14" });
  const notReserved = (await createPerson(db, { lastName: "Шевчук" })).rnokpp;
  const offRegister = (await createPerson(db, { sex: "FEMALE", military: null })).rnokpp;
  const revokedSid = randomUUID();

  sessions["a conscript with a reservation"] = await sessionCookie({ rnokpp: reserved });
  sessions["a conscript without a reservation"] = await sessionCookie({ rnokpp: notReserved });
  sessions["a conscript role for a person off the register"] = await sessionCookie({ rnokpp: offRegister });
  sessions["a conscript role for a РНОКПП the registry does not know"] = await sessionCookie({ rnokpp: "1234567890" });
  for (const role of [
    "ENTERPRISE_HEAD",
    "AUTHORIZED_PERSON",
    "OFFICIAL",
    "ADMIN",
    "RECRUITER",
    "METHODOLOGIST",
  ] as const) {
    sessions[`the role ${role}`] = await sessionCookie({ rnokpp: reserved, role });
  }
  sessions["anonymous"] = undefined;
  sessions["a cookie that is not a JWT"] = "next-auth.session-token=not-a-jwt";
  sessions["a JWT signed with another secret"] =
    `next-auth.session-token=${await encode({ secret: "another-secret-0123456789abcdef", token: { uid: "u1", sid: randomUUID(), rnokpp: reserved, roles: [{ role: "CONSCRIPT", label: "x" }], active: 0 } })}`;
  sessions["an expired session"] = await sessionCookie({ rnokpp: reserved, expiresInSeconds: -60 });
  sessions["a token without a session id"] = await sessionCookie({ rnokpp: reserved, sid: null });
  sessions["a token without a РНОКПП"] = await sessionCookie({});
  sessions["a session signed out on the server"] = await sessionCookie({ rnokpp: reserved, sid: revokedSid });
  await revokeSession(
    { db, now: new Date() },
    { sessionId: revokedSid, expiresAtSeconds: Math.floor(Date.now() / 1000) + 3600 },
  );

  server = createServer((req, res) => {
    if (!serveFastRoute(req, res)) res.writeHead(418).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("GET /api/v1/me/status: the fast route and the Next route answer alike", () => {
  it("the test covers every kind of session it names", () => {
    expect(Object.keys(sessions).sort()).toEqual(Object.keys(EXPECTED_STATUS).sort());
  });

  it.each(Object.keys(EXPECTED_STATUS))("%s: the same status and body", async (name) => {
    const cookie = sessions[name];
    const fast = await fastRoute(cookie);
    const viaNext = await nextRoute(cookie);
    expect(fast.status).toBe(EXPECTED_STATUS[name]);
    expect(viaNext.status).toBe(fast.status);
    expect(fast.body).toEqual(viaNext.body);
    if (fast.status === 200) {
      expect(fast.body).toMatchObject({
        rnokpp: expect.stringMatching(/^\d{10}$/),
        registration: { status: expect.any(String) },
      });
      expect(fast.cacheControl).toBe("private, no-store");
      expect(viaNext.cacheControl).toBe("private, no-store");
    } else {
      expect(fast.body).toMatchObject({
        error: { code: fast.status === 401 ? "UNAUTHENTICATED" : "FORBIDDEN", message: expect.any(String) },
      });
    }
  });
});
