import { randomUUID } from "node:crypto";
import { encode } from "next-auth/jwt";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/v1/me/status/route";
import type { Role } from "@/lib/auth/roles";
import { readSessionCitizen } from "@/lib/citizen/read-session-citizen";
import { db } from "@/lib/db/client";
import { resetEnvCache } from "@/lib/env";
import { createPostgresRegistry } from "@/lib/registry";
import { createEnterprise, createPerson, createReservationMark } from "@/prisma/seed/factories";
import { createCtx } from "@/lib/context-server";

// GET /api/v1/me/status called as Next calls it: a request with the session cookie that
// next-auth issued (an encrypted JWT), through the route's own handler.

const SECRET = "status-api-test-secret-0123456789";
process.env.NEXTAUTH_SECRET = SECRET;
resetEnvCache();

let reserved: string;
let other: string;
let edrpou: string;

async function sessionCookie(rnokpp: string, role: Role, maxAge?: number) {
  const token = await encode({
    secret: SECRET,
    maxAge,
    token: {
      uid: "u1",
      sid: randomUUID(),
      rnokpp,
      name: "Тест",
      via: "password",
      roles: [{ role, label: role }],
      active: 0,
    },
  });
  return `next-auth.session-token=${token}`;
}

async function call(cookie?: string, query = "") {
  const request = new NextRequest(`http://localhost/api/v1/me/status${query}`, { headers: cookie ? { cookie } : {} });
  const response = await GET(request, { params: Promise.resolve({}) });
  return { status: response.status, body: (await response.json()) as Record<string, any> };
}

beforeAll(async () => {
  edrpou = (await createEnterprise(db, { name: "Енергомаш" })).edrpou;
  reserved = (
    await createPerson(db, {
      lastName: "Коваленко",
      firstName: "Андрій",
      patronymic: "Сергійович",
      birthDate: "1991-04-07",
    })
  ).rnokpp;
  other = (await createPerson(db, { lastName: "Інший" })).rnokpp;
  await createReservationMark(db, { rnokpp: reserved, edrpou, fromDate: "2026-01-15", untilDate: "2099-01-14" });
});

describe("GET /api/v1/me/status", () => {
  it("answers the signed-in conscript's own status and reservation", async () => {
    const { status, body } = await call(await sessionCookie(reserved, "CONSCRIPT"));
    expect(status).toBe(200);
    expect(body).toMatchObject({
      rnokpp: reserved,
      fullName: "Коваленко Андрій Сергійович",
      registration: { status: "ON_REGISTER", statusLabel: "На обліку" },
      reservation: { edrpou, from: "2026-01-15", until: "2099-01-14", source: "diia" },
    });
  });

  it("ignores anything in the request that names someone else", async () => {
    const { body } = await call(await sessionCookie(other, "CONSCRIPT"), `?rnokpp=${reserved}`);
    expect(body.rnokpp).toBe(other);
    expect(body.reservation).toBeNull();
    expect(JSON.stringify(body)).not.toContain(reserved);
  });

  it("401 without a session, with a forged or expired one", async () => {
    expect(await call()).toMatchObject({ status: 401, body: { error: { code: "UNAUTHENTICATED" } } });
    const forged = await encode({
      secret: "another-secret-another-secret-00",
      token: { rnokpp: reserved, roles: [{ role: "CONSCRIPT", label: "x" }], active: 0 },
    });
    expect((await call(`next-auth.session-token=${forged}`)).status).toBe(401);
    expect((await call(await sessionCookie(reserved, "CONSCRIPT", -60))).status).toBe(401);
  });

  it("a remembered session stops working at its expiry", async () => {
    const cookie = await sessionCookie(reserved, "CONSCRIPT", 120);
    const request = () => new NextRequest("http://localhost/api/v1/me/status", { headers: { cookie } });
    expect(await readSessionCitizen(createCtx({ actor: null }), request())).toBe(reserved);
    expect(await readSessionCitizen(createCtx({ actor: null, now: new Date(Date.now() + 60_000) }), request())).toBe(
      reserved,
    );
    await expect(
      readSessionCitizen(createCtx({ actor: null, now: new Date(Date.now() + 121_000) }), request()),
    ).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(readSessionCitizen(createCtx({ actor: null }), request())).resolves.toBe(reserved);
  });

  it("403 in another role, and for a person no longer on the military register", async () => {
    expect(await call(await sessionCookie(reserved, "RECRUITER"))).toMatchObject({
      status: 403,
      body: { error: { code: "FORBIDDEN" } },
    });
    const woman = (await createPerson(db, { sex: "FEMALE" })).rnokpp;
    expect((await call(await sessionCookie(woman, "CONSCRIPT"))).status).toBe(403);
  });

  it("the pooled read and the read inside a transaction agree; the transaction sees its own writes", async () => {
    const pooled = await createPostgresRegistry(db).findStatus(reserved, "2026-11-22");
    await db
      .$transaction(async (tx) => {
        const inside = createPostgresRegistry(tx);
        expect(await inside.findStatus(reserved, "2026-11-22")).toEqual(pooled);
        await tx.reservationMark.updateMany({
          where: { rnokpp: reserved },
          data: { status: "ANNULLED", activeRnokpp: null },
        });
        expect((await inside.findStatus(reserved, "2026-11-22"))?.reservation).toBeNull();
        throw new Error("rollback");
      })
      .catch((error: Error) => expect(error.message).toBe("rollback"));
    expect(pooled).toMatchObject({
      birthDate: "1991-04-07",
      military: { dataUpdatedOn: "2024-06-10" },
      reservation: { fromDate: "2026-01-15" },
    });
    expect(pooled!.military!.updatedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    // A mark that ran out yesterday is not "in force", whatever its stored status says.
    expect((await createPostgresRegistry(db).findStatus(reserved, "2099-01-15"))?.reservation).toBeNull();
  });
});
