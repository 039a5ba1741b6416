import { randomUUID } from "node:crypto";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getDemoKey } from "@/app/api/demo-keys/[key]/route";
import { hashApiToken, demoApiToken } from "@/lib/api-tokens/token-format";
import {
  DEMO_KEY_PASSWORD,
  readDemoKeyFile,
  readDemoKeyManifest,
  type DemoKeyManifest,
} from "@/lib/auth/kep-login/demo-key-manifest";
import { readCertificateIdentityFromDer } from "@/lib/kep/certificate-identity";
import { issueLoginChallenge } from "@/lib/auth/kep-login/issue-login-challenge";
import { createFailureThrottle, KEP_LOGIN_THROTTLE } from "@/lib/auth/kep-login/login-throttle";
import { signInWithKep } from "@/lib/auth/kep-login/sign-in-with-kep";
import { db } from "@/lib/db/client";
import { resetEnvCache } from "@/lib/env";
import { openKeyFile } from "@/lib/kep/browser/open-key-file";
import { signDetached } from "@/lib/kep/browser/sign-detached";
import { DEMO_EDRPOU, DEMO_USERS, MIN_PERSONS, seedDemo } from "@/prisma/seed";
import { ensureDemoKeys, ensureDemoKeysAt } from "@/prisma/seed/demo-keys";
import { testDatabaseUrl } from "./setup/database";
import { createCtx } from "@/lib/context-server";

// The demo keys on a seeded database: one key file per demo user with the identity the spec
// asks for, one revoked key, a manifest, the heads' API tokens; every key signs its holder in
// with the roles they hold; the set is issued once and again only when it no longer matches.

let dataDir: string;
let manifest: DemoKeyManifest;
const PORTAL = "http://localhost:3100";

function entry(id: string) {
  const found = manifest.keys.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no demo key ${id}`);
  return found;
}

async function keyOf(id: string) {
  return openKeyFile(
    new Uint8Array(await readFile(path.join(dataDir, "demo-keys", entry(id).file))),
    entry(id).password,
  );
}

async function signInWith(id: string) {
  const key = await keyOf(id);
  const { challenge } = await issueLoginChallenge(createCtx({ actor: null }));
  const signature = Buffer.from(signDetached(key, Buffer.from(challenge, "base64"))).toString("base64");
  return signInWithKep(
    createCtx({ actor: null }),
    { challenge, signature, clientAddress: `demo-${id}` },
    { throttle: createFailureThrottle({ ...KEP_LOGIN_THROTTLE, name: `kep-login-test-${randomUUID()}` }) },
  );
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "bronya-demo-keys-"));
  await seedDemo({ databaseUrl: testDatabaseUrl(), dataDir, persons: MIN_PERSONS, log: () => undefined });
  const result = await ensureDemoKeys({ db, dataDir, portalUrl: PORTAL });
  expect(result.issued).toBe(true);
  manifest = result.manifest;
}, 180_000);

afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe("ensureDemoKeys", () => {
  it("lists an RSA and a DSTU 4145 key per demo user, an ECDSA key per head, and one revoked key, with the documented fields", async () => {
    const heads = DEMO_USERS.filter((user) => user.role === "ENTERPRISE_HEAD");
    expect(manifest.keys.map((key) => key.id).sort()).toEqual(
      [
        ...DEMO_USERS.map((user) => user.key),
        ...DEMO_USERS.map((user) => `${user.key}-dstu`),
        ...heads.map((user) => `${user.key}-ecdsa`),
        "head-big-revoked",
      ].sort(),
    );
    // Each user's RSA key stays their first entry: scripts find a user's key with keys.find().
    for (const user of DEMO_USERS) expect(manifest.keys.find((key) => key.key === user.key)!.algorithm).toBe("RSA");
    for (const user of DEMO_USERS) {
      expect(entry(`${user.key}-dstu`)).toMatchObject({
        algorithm: "DSTU4145",
        container: "key6",
        file: `${user.key}-dstu.dat`,
        certificate: `${user.key}-dstu.cer`,
        rnokpp: user.rnokpp,
      });
      const certificate = new Uint8Array(
        await readFile(path.join(dataDir, "demo-keys", entry(`${user.key}-dstu`).certificate)),
      );
      expect(readCertificateIdentityFromDer(certificate)).toMatchObject({
        rnokpp: user.rnokpp,
        serial: entry(`${user.key}-dstu`).serial,
      });
    }
    for (const user of heads) {
      expect(entry(`${user.key}-ecdsa`)).toMatchObject({
        algorithm: "ECDSA-P256",
        container: "pkcs12",
        file: `${user.key}-ecdsa.p12`,
        edrpou: user.edrpou,
      });
      expect(
        readCertificateIdentityFromDer(
          new Uint8Array(await readFile(path.join(dataDir, "demo-keys", entry(`${user.key}-ecdsa`).certificate))),
        ),
      ).toMatchObject({ edrpou: user.edrpou });
    }
    expect(await readDemoKeyManifest(dataDir)).toEqual(manifest);
    for (const user of DEMO_USERS) {
      const key = entry(user.key);
      expect(key).toMatchObject({
        key: user.key,
        role: user.role,
        fullName: user.fullName,
        rnokpp: user.rnokpp,
        algorithm: "RSA",
        container: "pkcs12",
        file: `${user.key}.p12`,
        certificate: `${user.key}.cer`,
        password: DEMO_KEY_PASSWORD,
      });
      expect(key.password).toMatch(/^[\x21-\x7e]{8,128}$/);
      if (user.role === "ENTERPRISE_HEAD" || user.role === "AUTHORIZED_PERSON") expect(key.edrpou).toBe(user.edrpou);
      else expect(key.edrpou).toBeUndefined();
      if (user.role === "OFFICIAL") expect(key.authority).toBe(user.authorityCode);
    }
  });

  it("puts the enterprise into a head's certificate and the authority into an official's", async () => {
    const head = (await keyOf("head-big")).identity;
    const enterprise = await db.enterprise.findUniqueOrThrow({ where: { edrpou: DEMO_EDRPOU.big } });
    expect(head).toMatchObject({
      rnokpp: entry("head-big").rnokpp,
      edrpou: DEMO_EDRPOU.big,
      organization: enterprise.shortName,
      title: "Генеральний директор",
      locality: "Дніпро",
    });

    const official = (await keyOf("official-ova")).identity;
    const authority = await db.authority.findUniqueOrThrow({ where: { code: "ova-kharkivska" } });
    expect(official).toMatchObject({ edrpou: authority.edrpou, organization: authority.name });
    expect(entry("official-ova").authorityEdrpou).toBe(authority.edrpou);

    const authorized = (await keyOf("authorized-big")).identity;
    expect(authorized.edrpou).toBe(DEMO_EDRPOU.big);
    expect(entry("authorized-big").note).toMatch(/підписує їх лише керівник/);

    for (const id of ["conscript-reserved", "conscript-eligible", "recruiter", "admin"]) {
      const identity = (await keyOf(id)).identity;
      expect(identity.edrpou, id).toBeUndefined();
      expect(identity.organization, id).toBeUndefined();
    }
  });

  it("records the revoked key as revoked for key compromise", async () => {
    const revoked = entry("head-big-revoked");
    expect(revoked).toMatchObject({ revoked: true, key: "head-big", rnokpp: entry("head-big").rnokpp });
    const row = await db.certificate.findUniqueOrThrow({ where: { serial: revoked.serial } });
    expect(row).toMatchObject({ status: "REVOKED", revocationReason: "keyCompromise" });
    expect(
      await db.certificate.count({
        where: { serial: { in: manifest.keys.filter((key) => !key.revoked).map((key) => key.serial) }, status: "GOOD" },
      }),
    ).toBe(manifest.keys.length - 1);
  });

  it("gives each demo head the documented API token of their enterprise", async () => {
    for (const user of DEMO_USERS.filter((candidate) => candidate.role === "ENTERPRISE_HEAD")) {
      const token = entry(user.key).apiToken;
      expect(token, user.key).toBe(demoApiToken(user.edrpou!));
      const row = await db.apiToken.findUniqueOrThrow({
        where: { tokenHash: hashApiToken(token!) },
        select: { edrpou: true, revokedAt: true, user: { select: { rnokpp: true } } },
      });
      expect(row).toEqual({ edrpou: user.edrpou, revokedAt: null, user: { rnokpp: user.rnokpp } });
    }
    expect(manifest.keys.filter((key) => key.apiToken).length).toBe(
      DEMO_USERS.filter((user) => user.role === "ENTERPRISE_HEAD").length,
    );
  });

  it("hands out a key file by its id and nothing outside the folder", async () => {
    const file = await readDemoKeyFile(dataDir, "head-small");
    expect(file?.entry.rnokpp).toBe(entry("head-small").rnokpp);
    expect(openKeyFile(file!.bytes, DEMO_KEY_PASSWORD).identity.edrpou).toBe(DEMO_EDRPOU.small);
    for (const id of ["nobody", "../index", "head-small.p12", "", "HEAD-SMALL"])
      expect(await readDemoKeyFile(dataDir, id), id).toBeNull();
  });
});

describe("GET /api/demo-keys/<id>", () => {
  const download = (id: string) =>
    getDemoKey(new Request(`http://portal.test/api/demo-keys/${id}`), { params: Promise.resolve({ key: id }) });

  async function withEnv<T>(values: Record<string, string>, run: () => Promise<T>): Promise<T> {
    const saved = Object.fromEntries(Object.keys(values).map((name) => [name, process.env[name]]));
    Object.assign(process.env, values);
    resetEnvCache();
    try {
      return await run();
    } finally {
      for (const [name, value] of Object.entries(saved))
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      resetEnvCache();
    }
  }

  it("hands out the key file in demo mode, named in Latin letters", async () => {
    await withEnv({ DEMO_MODE: "1", DATA_DIR: dataDir }, async () => {
      const response = await download("head-big");
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("application/x-pkcs12");
      expect(response.headers.get("content-disposition")).toBe('attachment; filename="bronya-demo-head-big.p12"');
      const bytes = new Uint8Array(await response.arrayBuffer());
      expect(bytes).toEqual(new Uint8Array(await readFile(path.join(dataDir, "demo-keys", entry("head-big").file))));
      expect((await download("head-big-revoked")).status).toBe(200);
      for (const id of ["nobody", "..%2Findex", "index.json"]) expect((await download(id)).status, id).toBe(404);
    });
  });

  it("is 404 outside demo mode, even for a key that exists", async () => {
    await withEnv({ DEMO_MODE: "0", DATA_DIR: dataDir }, async () => {
      const response = await download("head-big");
      expect(response.status).toBe(404);
      expect((await response.json()).error.code).toBe("NOT_FOUND");
    });
  });
});

describe("signing in with the demo keys", () => {
  it("signs each demo user in with the roles they hold", async () => {
    for (const user of DEMO_USERS) {
      const login = await signInWith(user.key);
      expect(login.user.rnokpp, user.key).toBe(user.rnokpp);
      expect(
        login.roles.map((role) => role.role),
        user.key,
      ).toContain(user.role);
    }
  });

  it("offers the big enterprise's head the company first and the conscript role second", async () => {
    const login = await signInWith("head-big");
    expect(login.roles.map((role) => [role.role, role.edrpou])).toEqual([
      ["ENTERPRISE_HEAD", DEMO_EDRPOU.big],
      ["CONSCRIPT", undefined],
    ]);
  });

  it("refuses the revoked key with a message that says so", async () => {
    await expect(signInWith("head-big-revoked")).rejects.toMatchObject({
      code: "CERTIFICATE_REVOKED",
      message: expect.stringMatching(/^Сертифікат скасовано/),
    });
  });
});

describe("idempotence", () => {
  it("keeps a complete, matching set as it is", async () => {
    const again = await ensureDemoKeys({ db, dataDir, portalUrl: PORTAL });
    expect(again.issued).toBe(false);
    expect(again.manifest).toEqual(manifest);
  });

  it("the launcher's entry point, with a client of its own, finds the set current; a dead database only logs", async () => {
    const lines: string[] = [];
    const serials = manifest.keys.map((key) => key.serial);
    await ensureDemoKeysAt({
      databaseUrl: testDatabaseUrl(),
      dataDir,
      portalUrl: PORTAL,
      log: (line) => lines.push(line),
    });
    expect(lines).toEqual([]);
    expect((await readDemoKeyManifest(dataDir))!.keys.map((key) => key.serial)).toEqual(serials);

    await ensureDemoKeysAt({
      databaseUrl: "postgresql://nobody@127.0.0.1:1/none",
      dataDir,
      portalUrl: PORTAL,
      log: (line) => lines.push(line),
    });
    expect(lines).toEqual([expect.stringMatching(/^Демо-ключі КЕП не створено: /)]);
  });

  it("issues new certificates when the folder is gone", async () => {
    await rm(path.join(dataDir, "demo-keys"), { recursive: true });
    const again = await ensureDemoKeys({ db, dataDir, portalUrl: PORTAL });
    expect(again.issued).toBe(true);
    expect(again.manifest.keys.map((key) => key.serial)).not.toContain(manifest.keys[0]!.serial);
    manifest = again.manifest;
    expect((await signInWith("head-small")).user.rnokpp).toBe(entry("head-small").rnokpp);
    // Every demo user's keys again (RSA, DSTU 4145, ECDSA): minutes on a loaded shared 2-core machine.
  }, 600_000);

  it("issues again when a key file was altered, or the database no longer knows a certificate", async () => {
    await writeFile(path.join(dataDir, "demo-keys", entry("recruiter").file), "пошкоджено");
    const repaired = await ensureDemoKeys({ db, dataDir, portalUrl: PORTAL });
    expect(repaired.issued).toBe(true);
    manifest = repaired.manifest;

    await db.certificate.updateMany({
      where: { serial: entry("admin").serial },
      data: { status: "REVOKED", revokedAt: new Date() },
    });
    const reissued = await ensureDemoKeys({ db, dataDir, portalUrl: PORTAL });
    expect(reissued.issued).toBe(true);
    expect(reissued.manifest.keys.find((key) => key.id === "admin")!.serial).not.toBe(entry("admin").serial);
  }, 600_000);
});
