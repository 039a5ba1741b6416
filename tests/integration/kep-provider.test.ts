import * as asn1js from "asn1js";
import * as pkijs from "pkijs";
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { PrismaClient } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";
import { openKeyFile } from "@/lib/kep/browser/open-key-file";
import { signDetached } from "@/lib/kep/browser/sign-detached";
import { buildCrl } from "@/lib/kep/provider/build-crl";
import { ensureTestProvider } from "@/lib/kep/provider/ensure-test-provider";
import { issueCertificate } from "@/lib/kep/provider/issue-certificate";
import { revokeCertificate } from "@/lib/kep/provider/revoke-certificate";
import { cryptoEngine } from "@/lib/kep/verify/crypto-engine";
import { verifySignature } from "@/lib/kep/verify/verify-signature";
import { testDatabaseUrl } from "./setup/database";
import { createCtx } from "@/lib/context-server";

// The test provider against a real Postgres: created once even by racing starters, issuing
// recorded certificates in openable key files, revoking, and publishing a signed CRL.

// A second client with its own pool: another process starting at the same moment.
const second = new PrismaClient({
  adapter: new PrismaPg({ connectionString: testDatabaseUrl(), max: 2 }),
  omit: { user: { passwordHash: true, totpSecret: true }, caKey: { keyPem: true } },
});
afterAll(() => second.$disconnect());

const HEAD = {
  rnokpp: "2856200248",
  fullName: "Ґонта Олена Петрівна",
  edrpou: "43556710",
  organization: "ТОВ «Енергоатом-Сервіс»",
  title: "Директорка",
};
const PASSWORD = "Demo-Key-2026";
const timings: Record<string, number> = {};

async function timed<T>(label: string, work: () => Promise<T> | T): Promise<T> {
  const started = performance.now();
  try {
    return await work();
  } finally {
    timings[label] = Math.round(performance.now() - started);
  }
}

function parseCrl(der: Uint8Array<ArrayBuffer>) {
  return pkijs.CertificateRevocationList.fromBER(der);
}

describe("ensureTestProvider", () => {
  it("two starters racing on an empty database end with one root and one issuing CA of each family", async () => {
    expect(await db.caKey.count()).toBe(0);
    const [a, b] = await timed("CA creation (race of two)", () =>
      Promise.all([ensureTestProvider({ db, now: new Date() }), ensureTestProvider({ db: second, now: new Date() })]),
    );
    expect([a.created, b.created].sort()).toEqual([false, true]);
    expect(a.rootPem).toBe(b.rootPem);
    expect(a.issuingPem).toBe(b.issuingPem);
    expect(await db.caKey.findMany({ select: { id: true }, orderBy: { id: "asc" } })).toEqual(
      ["issuing", "issuing-dstu", "issuing-ecdsa", "root", "root-dstu", "root-ecdsa"].map((id) => ({ id })),
    );
  });

  it("is idempotent afterwards and never exposes the key by default", async () => {
    const again = await ensureTestProvider({ db, now: new Date() });
    expect(again.created).toBe(false);
    const row = await db.caKey.findUnique({ where: { id: "issuing" } });
    expect(row).not.toHaveProperty("keyPem");
  });
});

describe("issueCertificate", () => {
  it("records the certificate and returns a key file that opens, signs and verifies", async () => {
    const issued = await timed("certificate + p12 issuance", () =>
      issueCertificate(createCtx({ actor: null }), { ...HEAD, password: PASSWORD }),
    );
    const row = await db.certificate.findUnique({ where: { serial: issued.serial } });
    expect(row).toMatchObject({
      rnokpp: HEAD.rnokpp,
      edrpou: HEAD.edrpou,
      subjectName: HEAD.fullName,
      status: "GOOD",
      title: HEAD.title,
    });
    expect(new Uint8Array(row!.der)).toEqual(issued.certificateDer);

    const opened = await timed("open p12", () => openKeyFile(issued.p12, PASSWORD));
    expect(opened.identity).toMatchObject({ rnokpp: HEAD.rnokpp, edrpou: HEAD.edrpou, fullName: HEAD.fullName });
    const content = new TextEncoder().encode('{"nonce":"abc"}');
    const signature = await timed("sign", () => signDetached(opened, content));
    const signer = await timed("verify", () => verifySignature(createCtx({ actor: null }), { signature, content }));
    expect(signer).toMatchObject({ rnokpp: HEAD.rnokpp, certificateSerial: issued.serial });
    console.log(`[kep] timings (ms): ${JSON.stringify(timings)}`);
  });

  it("refuses invalid input without writing", async () => {
    const before = await db.certificate.count();
    const attempts = [
      { ...HEAD, rnokpp: "2856200249", password: PASSWORD },
      { ...HEAD, edrpou: "43556711", password: PASSWORD },
      { ...HEAD, password: "короткий" },
      { ...HEAD, fullName: "Одне", password: PASSWORD },
      { rnokpp: HEAD.rnokpp, fullName: HEAD.fullName, organization: "Без коду", password: PASSWORD },
      { ...HEAD, password: PASSWORD, validFrom: new Date(), validTo: new Date(Date.now() + 100 * 365 * 86_400_000) },
      { ...HEAD, password: PASSWORD, validFrom: new Date(Date.now() - 10 * 365 * 86_400_000) },
      { ...HEAD, password: PASSWORD, validFrom: new Date(), validTo: new Date(Date.now() - 1000) },
      { ...HEAD, password: PASSWORD, role: "ADMIN" },
    ];
    for (const attempt of attempts) {
      await expect(
        issueCertificate(createCtx({ actor: null }), attempt as never),
        JSON.stringify(attempt),
      ).rejects.toBeInstanceOf(AppError);
    }
    expect(await db.certificate.count()).toBe(before);
  });
});

describe("revokeCertificate and the CRL", () => {
  it("the CRL is signed by the issuing CA, lists a revocation at once, with reason and time", async () => {
    const provider = await ensureTestProvider({ db, now: new Date() });
    const issuing = pkijs.Certificate.fromBER(provider.issuingDer);
    const issued = await issueCertificate(createCtx({ actor: null }), { ...HEAD, password: PASSWORD });

    const before = parseCrl(await buildCrl(createCtx({ actor: null })));
    expect(await before.verify({ issuerCertificate: issuing }, cryptoEngine)).toBe(true);
    expect(before.issuer.isEqual(issuing.subject)).toBe(true);
    const listed = (crl: pkijs.CertificateRevocationList) =>
      (crl.revokedCertificates ?? []).map((entry) =>
        Buffer.from(entry.userCertificate.valueBlock.valueHexView).toString("hex"),
      );
    expect(listed(before)).not.toContain(issued.serial);

    const revokedAt = new Date("2026-11-01T09:30:00Z");
    await revokeCertificate(createCtx({ actor: null, now: revokedAt }), {
      serial: issued.serial,
      reason: "keyCompromise",
    });
    const after = parseCrl(await buildCrl(createCtx({ actor: null, now: new Date("2026-11-01T10:00:00Z") })));
    expect(await after.verify({ issuerCertificate: issuing }, cryptoEngine)).toBe(true);
    expect(listed(after)).toContain(issued.serial);
    const entry = after.revokedCertificates!.find(
      (candidate) => Buffer.from(candidate.userCertificate.valueBlock.valueHexView).toString("hex") === issued.serial,
    )!;
    expect(entry.revocationDate.value.toISOString()).toBe(revokedAt.toISOString());
    const reason = entry.crlEntryExtensions!.extensions[0]!;
    expect(reason.extnID).toBe("2.5.29.21");
    expect((asn1js.fromBER(reason.extnValue.getValue()).result as asn1js.Enumerated).valueBlock.valueDec).toBe(1);
    expect(after.thisUpdate.value.toISOString()).toBe("2026-11-01T10:00:00.000Z");
    expect(after.nextUpdate!.value.getTime()).toBeGreaterThan(after.thisUpdate.value.getTime());
  });

  it("a second revocation, concurrent or later, is refused; an unknown serial is NOT_FOUND", async () => {
    const issued = await issueCertificate(createCtx({ actor: null }), { ...HEAD, password: PASSWORD });
    const results = await Promise.allSettled([
      revokeCertificate(createCtx({ actor: null }), { serial: issued.serial, reason: "superseded" }),
      revokeCertificate(createCtx({ actor: null }), { serial: issued.serial, reason: "keyCompromise" }),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((result) => result.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason).toMatchObject({ code: "CERTIFICATE_ALREADY_REVOKED", status: 409 });
    await expect(
      revokeCertificate(createCtx({ actor: null }), { serial: "7f".repeat(16), reason: "superseded" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
