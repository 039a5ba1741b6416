import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import * as asn1js from "asn1js";
import * as pkijs from "pkijs";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { AdminActor } from "@/lib/auth/roles";
import { createCtx } from "@/lib/context-server";
import { db } from "@/lib/db/client";
import { bytesToHex, normalizeSerial, toArrayBuffer } from "@/lib/kep/bytes";
import {
  buildFamilySigningCertificate,
  createFamilyIssuingCa,
  createFamilyRootCa,
  type FamilyCa,
} from "@/lib/kep/ca/family-certificates";
import { generateEcdsaKey } from "@/lib/kep/ca/family-keys";
import { buildOcspResponse, type OcspRecord } from "@/lib/kep/provider/answer-ocsp";
import { ensureTestProvider } from "@/lib/kep/provider/ensure-test-provider";
import { signWithFamily, type FamilyTestSigner } from "@/lib/kep/testing/family-pki";
import { HEAD } from "@/lib/kep/testing/test-pki";
import { buildTestCrl, certsOnlyBundle, issueOcspResponder } from "@/lib/kep/testing/trust-list-fixtures";
import { clearCrlCache } from "@/lib/kep/trust-list/crl-status";
import { importTrustList } from "@/lib/kep/trust-list/import-trust-list";
import { clearOcspCache } from "@/lib/kep/trust-list/ocsp-status";
import { certificateFromDer } from "@/lib/kep/verify/trust-anchors";
import { verifySignature } from "@/lib/kep/verify/verify-signature";
import { createUser } from "@/prisma/seed/factories";

// Revocation of an imported provider's certificate through the OCSP responder its AIA names: a
// local responder on 127.0.0.1 (the portal's own responder code, serving the "provider's" CA)
// answers good, revoked or unknown, signing itself or through a responder certificate it issued
// with id-kp-OCSPSigning; a good answer is kept until its nextUpdate; a responder that is down,
// slow, stale, signed by another key (a responder certificate without that purpose, or one another
// CA issued) or answering another request is not believed, and the CRL decides — when that fails too, «не вдалося перевірити статус сертифіката».

const DAY = 86_400_000;
const content = new TextEncoder().encode('{"purpose":"imported-ocsp-test"}');
let server: Server;
let base: string;
let hits: Record<string, number> = {};
let issuing: FamilyCa;
let stranger: FamilyCa;
let signer: FamilyTestSigner;
let records: Map<string, OcspRecord>;
/** How the provider's responder behaves in a test: answered by `issuing` unless told otherwise. */
let ocspMode:
  | "answer"
  | "delegated"
  | "delegated-without-eku"
  | "delegated-by-another-ca"
  | "down"
  | "hang"
  | "stale"
  | "foreign-key"
  | "other-nonce" = "answer";
/** Responder certificates: issued by `issuing` with and without id-kp-OCSPSigning, and one by `stranger` with it. */
let responders: Record<"delegated" | "delegated-without-eku" | "delegated-by-another-ca", FamilyCa>;
let crlMode: "good" | "down" = "down";

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => ({ code: "accepted", message: "" }),
    (error: { code?: string; message?: string }) => ({ code: error.code, message: error.message ?? "" }),
  );
const verify = async () =>
  verifySignature(
    { db, now: new Date() },
    { signature: await signWithFamily(signer, content, { signingTime: new Date(Date.now() - 5_000) }), content },
  );

async function answerOcsp(body: Uint8Array): Promise<Uint8Array> {
  const request = pkijs.OCSPRequest.fromBER(toArrayBuffer(body));
  if (ocspMode === "other-nonce") {
    const other = new asn1js.OctetString({ valueHex: new Uint8Array(16).fill(9).buffer });
    request.tbsRequest.requestExtensions = [
      new pkijs.Extension({ extnID: "1.3.6.1.5.5.7.48.1.2", extnValue: other.toBER(false) }),
    ];
  }
  const now = ocspMode === "stale" ? new Date(Date.now() - 3 * 60 * 60_000) : new Date();
  const statusOf = async (serial: string) => records.get(serial) ?? null;
  if (ocspMode === "delegated" || ocspMode === "delegated-without-eku" || ocspMode === "delegated-by-another-ca")
    return buildOcspResponse(issuing, request, statusOf, now, responders[ocspMode]);
  return buildOcspResponse(ocspMode === "foreign-key" ? stranger : issuing, request, statusOf, now);
}

beforeAll(async () => {
  await ensureTestProvider({ db, now: new Date() });
  const { user } = await createUser(db, { role: "ADMIN", fullName: "Адмін Відповідача Олегович" });
  const admin: AdminActor = {
    userId: user.id,
    rnokpp: user.rnokpp,
    fullName: user.fullName,
    role: "ADMIN",
    via: "password",
  };
  server = createServer((request, response) => {
    const route = new URL(request.url ?? "/", "http://localhost").pathname;
    hits[route] = (hits[route] ?? 0) + 1;
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      if (route === "/crl") {
        if (crlMode === "down") return response.writeHead(503).end();
        const crl = buildTestCrl(issuing, {
          thisUpdate: new Date(Date.now() - 60_000),
          nextUpdate: new Date(Date.now() + DAY),
        });
        return response.writeHead(200, { "content-type": "application/pkix-crl" }).end(Buffer.from(crl));
      }
      if (ocspMode === "hang") return; // never answers: the client's timeout must end it
      if (ocspMode === "down") return response.writeHead(503).end();
      answerOcsp(new Uint8Array(Buffer.concat(chunks))).then(
        (answer) => response.writeHead(200, { "content-type": "application/ocsp-response" }).end(Buffer.from(answer)),
        () => response.writeHead(400).end(),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const now = Date.now();
  const validity = { validFrom: new Date(now - 365 * DAY), validTo: new Date(now + 3650 * DAY) };
  const root = createFamilyRootCa({
    key: generateEcdsaKey("P-256"),
    ...validity,
    commonName: "Кореневий ЦСК КНЕДП з OCSP",
  });
  issuing = createFamilyIssuingCa({
    root,
    key: generateEcdsaKey("P-256"),
    ...validity,
    commonName: "ЦСК КНЕДП з OCSP",
  });
  stranger = createFamilyIssuingCa({
    root,
    key: generateEcdsaKey("P-256"),
    ...validity,
    commonName: "Інший ЦСК КНЕДП з OCSP",
  });
  const responderValidity = { validFrom: new Date(now - DAY), validTo: new Date(now + 30 * DAY) };
  responders = {
    delegated: issueOcspResponder(issuing, generateEcdsaKey("P-256"), { ocspSigning: true, ...responderValidity }),
    "delegated-without-eku": issueOcspResponder(issuing, generateEcdsaKey("P-256"), {
      ocspSigning: false,
      ...responderValidity,
    }),
    "delegated-by-another-ca": issueOcspResponder(stranger, generateEcdsaKey("P-256"), {
      ocspSigning: true,
      ...responderValidity,
    }),
  };
  const key = generateEcdsaKey("P-256");
  const certificateDer = buildFamilySigningCertificate({
    issuer: issuing,
    spkiDer: key.spkiDer,
    subject: HEAD,
    portalUrl: base,
    validFrom: new Date(now - DAY),
    validTo: new Date(now + 365 * DAY),
    urls: { crl: `${base}/crl`, ocsp: `${base}/ocsp`, issuingCa: `${base}/ca` },
  });
  signer = {
    key,
    certificateDer,
    serial: normalizeSerial(bytesToHex(certificateFromDer(certificateDer).serialNumber.valueBlock.valueHexView)),
  };
  await importTrustList(createCtx({ actor: admin }), {
    fileName: "CACertificates.p7b",
    contentBase64: Buffer.from(certsOnlyBundle([root.der, issuing.der])).toString("base64"),
  });
}, 120_000);

afterAll(async () => {
  await new Promise<void>((resolve) => server?.close(() => resolve()));
});

beforeEach(() => {
  hits = {};
  clearCrlCache();
  clearOcspCache();
  records = new Map([[signer.serial, { status: "GOOD", revokedAt: null }]]);
  ocspMode = "answer";
  crlMode = "down";
});

describe("an imported provider's OCSP responder", () => {
  it("answers good: accepted without the CRL, and the answer is kept for the next check", async () => {
    await expect(verify()).resolves.toMatchObject({ rnokpp: HEAD.rnokpp, certificateSerial: signer.serial });
    await expect(verify()).resolves.toMatchObject({ certificateSerial: signer.serial });
    expect(hits).toEqual({ "/ocsp": 1 });
  });

  it("answers revoked: refused with the time, although the CRL would not list it", async () => {
    crlMode = "good";
    const revokedAt = new Date(Date.now() - DAY);
    records.set(signer.serial, { status: "REVOKED", revokedAt, reason: 1 });
    const refused = await failure(verify());
    expect(refused.code).toBe("CERTIFICATE_REVOKED");
    expect(hits["/crl"]).toBeUndefined();
  });

  it("answers unknown: the certificate is not the provider's (CERTIFICATE_UNKNOWN)", async () => {
    records.clear();
    expect((await failure(verify())).code).toBe("CERTIFICATE_UNKNOWN");
  });

  it("answers through a delegated responder (issued by the CA with id-kp-OCSPSigning): good accepted, revoked refused, no CRL asked", async () => {
    ocspMode = "delegated";
    crlMode = "good";
    await expect(verify()).resolves.toMatchObject({ certificateSerial: signer.serial });
    expect(hits).toEqual({ "/ocsp": 1 });

    clearOcspCache();
    records.set(signer.serial, { status: "REVOKED", revokedAt: new Date(Date.now() - DAY), reason: 1 });
    expect((await failure(verify())).code).toBe("CERTIFICATE_REVOKED");
    expect(hits["/crl"]).toBeUndefined();
  });

  it.each([
    ["answers through a responder certificate without id-kp-OCSPSigning", "delegated-without-eku"],
    ["answers through an OCSP-signing responder another CA issued", "delegated-by-another-ca"],
    ["is down (503)", "down"],
    ["answers with an OCSP response signed by another CA's key", "foreign-key"],
    ["answers with a response whose nextUpdate has passed", "stale"],
    ["echoes another request's nonce", "other-nonce"],
  ] as const)(
    "when the responder %s, the CRL decides; without a CRL, «не вдалося перевірити статус сертифіката»",
    async (_name, mode) => {
      ocspMode = mode;
      crlMode = "good";
      await expect(verify()).resolves.toMatchObject({ certificateSerial: signer.serial });
      expect(hits).toMatchObject({ "/ocsp": 1, "/crl": 1 });

      clearCrlCache();
      clearOcspCache();
      crlMode = "down";
      const refused = await failure(verify());
      expect(refused.code).toBe("CERTIFICATE_STATUS_UNAVAILABLE");
      expect(refused.message).toContain("Не вдалося перевірити статус сертифіката");
    },
  );

  it("when the responder does not answer at all, the check times out and the CRL decides", async () => {
    ocspMode = "hang";
    crlMode = "good";
    const started = Date.now();
    await expect(verify()).resolves.toMatchObject({ certificateSerial: signer.serial });
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(hits).toMatchObject({ "/ocsp": 1, "/crl": 1 });
  }, 40_000);
});
