import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { AdminActor } from "@/lib/auth/roles";
import { createCtx } from "@/lib/context-server";
import { db } from "@/lib/db/client";
import { resetEnvCache } from "@/lib/env";
import { acceptSignedDocument } from "@/lib/kep/accept-signed-document";
import { signDetached } from "@/lib/kep/browser/sign-detached";
import {
  buildFamilySigningCertificate,
  createFamilyIssuingCa,
  createFamilyRootCa,
  type FamilyCa,
} from "@/lib/kep/ca/family-certificates";
import { generateEcdsaKey } from "@/lib/kep/ca/family-keys";
import { ensureTestProvider } from "@/lib/kep/provider/ensure-test-provider";
import { buildTestCrl, certsOnlyBundle } from "@/lib/kep/testing/trust-list-fixtures";
import { signWithFamily, type FamilyTestSigner } from "@/lib/kep/testing/family-pki";
import { HEAD } from "@/lib/kep/testing/test-pki";
import { clearCrlCache } from "@/lib/kep/trust-list/crl-status";
import { importTrustList } from "@/lib/kep/trust-list/import-trust-list";
import { testProviderTrusted } from "@/lib/kep/trust-list/verification-trust";
import { listTrustedProviders } from "@/lib/kep/trust-list/list-trusted-providers";
import { previewTrustList } from "@/lib/kep/trust-list/preview-trust-list";
import { verifySignature } from "@/lib/kep/verify/verify-signature";
import { normalizeSerial, bytesToHex } from "@/lib/kep/bytes";
import { certificateFromDer } from "@/lib/kep/verify/trust-anchors";
import { createReservationDraft, decideSubmittedApplication, submitApplication } from "@/lib/reservations";
import { createWorld, type World } from "@/lib/reservations/testing/world";
import { buildVerificationReport } from "@/lib/kep/report";
import { createUser } from "@/prisma/seed/factories";

// The trust list of qualified providers: the administrator previews and imports a certs-only
// CMS bundle (one transaction, audited); signatures by an imported provider's certificates are
// chained to its anchors and their status read from its CRL — fetched from a local server here,
// cached, with a timeout — and an unreachable provider is «не вдалося перевірити статус
// сертифіката», never an acceptance. With DEMO_MODE=0 (whatever NODE_ENV says) only imported
// anchors count; the test КНЕДП is trusted in demo mode. Every refused bundle writes nothing.

const DAY = 86_400_000;
const content = new TextEncoder().encode('{"purpose":"trust-list-test"}');
let world: World;
let adminActor: AdminActor;
let server: Server;
let base: string;
let hits: Record<string, number> = {};
/** What the "provider's" CRL address answers: a function so that each test sets its own. */
let crlAnswer: () => { status: number; body?: Uint8Array } | "hang" = () => ({ status: 500 });
let root: FamilyCa;
let issuing: FamilyCa;
let otherIssuing: FamilyCa;
let signer: FamilyTestSigner;
let bundle: Uint8Array;

const upload = (bytes: Uint8Array, fileName = "CACertificates.p7b") => ({
  fileName,
  contentBase64: Buffer.from(bytes).toString("base64"),
});
const admin = () => createCtx({ actor: adminActor });
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => ({ code: "accepted", message: "" }),
    (error: { code?: string; message?: string }) => ({ code: error.code, message: error.message ?? "" }),
  );
const counts = async () => ({
  imports: await db.trustListImport.count(),
  certificates: await db.trustedCaCertificate.count(),
  audit: await db.auditLog.count({ where: { action: "trust_list.import" } }),
});
const currentCrl = (revoked: Array<{ serial: string; revokedAt: Date }> = [], signerCa?: FamilyCa) =>
  buildTestCrl(issuing, {
    revoked,
    thisUpdate: new Date(Date.now() - 60_000),
    nextUpdate: new Date(Date.now() + DAY),
    signer: signerCa,
  });
const verify = (signature: Uint8Array) => verifySignature({ db, now: new Date() }, { signature, content });
const external = async () =>
  verify(await signWithFamily(signer, content, { signingTime: new Date(Date.now() - 5_000) }));

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

beforeAll(async () => {
  await ensureTestProvider({ db, now: new Date() });
  world = await createWorld(createCtx({ actor: null }), { serial: 117, employees: 2 });
  const { user } = await createUser(db, { role: "ADMIN", fullName: "Адмін Довіри Олегович" });
  adminActor = { userId: user.id, rnokpp: user.rnokpp, fullName: user.fullName, role: "ADMIN", via: "password" };
  server = createServer((request, response) => {
    const route = new URL(request.url ?? "/", "http://localhost").pathname;
    hits[route] = (hits[route] ?? 0) + 1;
    const answer = crlAnswer();
    if (answer === "hang") return; // never answers: the client's timeout must end it
    response.writeHead(answer.status, { "content-type": "application/pkix-crl" });
    response.end(answer.body ? Buffer.from(answer.body) : undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const now = Date.now();
  const validity = { validFrom: new Date(now - 365 * DAY), validTo: new Date(now + 3650 * DAY) };
  root = createFamilyRootCa({
    key: generateEcdsaKey("P-256"),
    ...validity,
    commonName: "Кореневий ЦСК зовнішнього КНЕДП",
  });
  issuing = createFamilyIssuingCa({
    root,
    key: generateEcdsaKey("P-256"),
    ...validity,
    commonName: "ЦСК зовнішнього КНЕДП",
  });
  otherIssuing = createFamilyIssuingCa({
    root: createFamilyRootCa({ key: generateEcdsaKey("P-256"), ...validity, commonName: "Чужий кореневий ЦСК" }),
    key: generateEcdsaKey("P-256"),
    ...validity,
    commonName: "ЦСК зовнішнього КНЕДП",
  });
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
  bundle = certsOnlyBundle([root.der, issuing.der]);
}, 120_000);

afterAll(async () => {
  await new Promise<void>((resolve) => server?.close(() => resolve()));
});

beforeEach(() => {
  hits = {};
  clearCrlCache();
  crlAnswer = () => ({ status: 200, body: currentCrl() });
});

describe("importing the trust list", () => {
  it("previews each provider with its certificates, validity and CRL/OCSP addresses, and writes nothing", async () => {
    const before = await counts();
    const preview = await previewTrustList(admin(), upload(bundle));
    expect(preview).toMatchObject({ format: "cms", certificateCount: 2 });
    const certificates = preview.providers.flatMap((provider) => provider.certificates);
    expect(
      certificates.map((certificate) => [
        certificate.isRoot,
        certificate.subject.includes("Кореневий ЦСК зовнішнього КНЕДП"),
      ]),
    ).toEqual([
      [true, true],
      [false, false],
    ]);
    expect(certificates[1]!.notAfter.getTime()).toBeGreaterThan(Date.now());
    expect(await counts()).toEqual(before);
  });

  it("imports the list in one transaction with its audit row; a new import replaces the old list", async () => {
    const first = await importTrustList(admin(), upload(bundle));
    expect(first).toMatchObject({ certificateCount: 2 });
    expect(await counts()).toMatchObject({ imports: 1, certificates: 2, audit: 1 });
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "trust_list.import" } });
    expect(audit).toMatchObject({ entityId: first.importId, actorRole: "ADMIN" });

    await importTrustList(admin(), upload(certsOnlyBundle([root.der])));
    expect(await counts()).toMatchObject({ imports: 2, certificates: 1, audit: 2 });
    await importTrustList(admin(), upload(bundle));
    const view = await listTrustedProviders(admin());
    expect(view.lastImport).toMatchObject({ fileName: "CACertificates.p7b", certificateCount: 2 });
    expect(view.providers.flatMap((provider) => provider.certificates)).toHaveLength(2);
  });

  it("reads a PEM bundle of certificates too", async () => {
    const pem = [root.der, issuing.der]
      .map(
        (der) =>
          `-----BEGIN CERTIFICATE-----\n${Buffer.from(der).toString("base64").replace(/.{64}/g, "$&\n")}\n-----END CERTIFICATE-----\n`,
      )
      .join("");
    expect(await previewTrustList(admin(), upload(new TextEncoder().encode(pem), "providers.pem"))).toMatchObject({
      format: "pem",
      certificateCount: 2,
    });
  });

  it.each([
    [
      "a file that is not CMS",
      () => new TextEncoder().encode("це не перелік сертифікатів"),
      "TRUST_BUNDLE_INVALID",
      "CMS",
    ],
    [
      "a CMS bundle holding certificates that are no CA's (jkurwa's public CAList.cer)",
      () => new Uint8Array(readFileSync(path.join(process.cwd(), "node_modules/jkurwa/test/data/CAList.cer"))),
      "TRUST_BUNDLE_NOT_CA",
      "не є сертифікатом ЦСК",
    ],
    [
      "a bundle with a signer's certificate among the CAs",
      () => certsOnlyBundle([root.der, issuing.der, signer.certificateDer]),
      "TRUST_BUNDLE_NOT_CA",
      "не є сертифікатом ЦСК",
    ],
    [
      "a CA certificate that no root of the bundle signed",
      () => certsOnlyBundle([root.der, otherIssuing.der]),
      "TRUST_BUNDLE_UNCHAINED",
      "не підписано жодним кореневим",
    ],
    ["an empty certs-only CMS", () => certsOnlyBundle([]), "TRUST_BUNDLE_EMPTY", "немає жодного"],
  ])("refuses %s with a distinct code and writes nothing", async (_name, file, code, words) => {
    const before = await counts();
    for (const run of [
      () => previewTrustList(admin(), upload(file())),
      () => importTrustList(admin(), upload(file())),
    ]) {
      const refused = await failure(run());
      expect(refused.code).toBe(code);
      expect(refused.message).toContain(words);
    }
    expect(await counts()).toEqual(before);
  });

  it("lets only the administrator preview, import or view the list", async () => {
    const head = createCtx({ actor: world.head.actor });
    expect((await failure(previewTrustList(head, upload(bundle)))).code).toBe("FORBIDDEN");
    expect((await failure(importTrustList(head, upload(bundle)))).code).toBe("FORBIDDEN");
    expect((await failure(listTrustedProviders(head))).code).toBe("FORBIDDEN");
  });
});

describe("verifying against the imported trust list", () => {
  it("refuses a certificate of a provider that is not imported", async () => {
    const unrelatedRoot = createFamilyRootCa({
      key: generateEcdsaKey("P-256"),
      validFrom: new Date(Date.now() - DAY),
      validTo: new Date(Date.now() + DAY),
      commonName: "Інший КНЕДП",
    });
    await importTrustList(admin(), upload(certsOnlyBundle([unrelatedRoot.der])));
    expect((await failure(external())).code).toBe("CERTIFICATE_UNTRUSTED");
  });

  it("accepts an imported provider's signer whose CRL does not list him, and keeps the CRL for the next check", async () => {
    await importTrustList(admin(), upload(bundle));
    await expect(external()).resolves.toMatchObject({
      rnokpp: HEAD.rnokpp,
      certificateSerial: signer.serial,
      algorithm: "ECDSA",
    });
    await expect(external()).resolves.toMatchObject({ certificateSerial: signer.serial });
    expect(hits["/crl"]).toBe(1);
  });

  it("stores a document signed with an imported provider's certificate: the signer from its subject, no test-КНЕДП record; the same signature again is refused", async () => {
    await importTrustList(admin(), upload(bundle));
    const documents = await db.signedDocument.count();
    const signature = await signWithFamily(signer, content, { signingTime: new Date(Date.now() - 5_000) });
    const accept = () =>
      db.$transaction((tx) => acceptSignedDocument({ db: tx, now: new Date() }, { kind: "OTHER", content, signature }));
    const accepted = await accept();
    expect(accepted.signer).toMatchObject({
      rnokpp: HEAD.rnokpp,
      edrpou: HEAD.edrpou,
      certificateSerial: signer.serial,
    });
    const stored = await db.signedDocument.findUniqueOrThrow({ where: { id: accepted.id } });
    expect(stored).toMatchObject({
      signerRnokpp: HEAD.rnokpp,
      signerEdrpou: HEAD.edrpou,
      certificateSerial: signer.serial,
      providerCertificateSerial: null,
      certificateIssuer: "ЦСК зовнішнього КНЕДП",
    });
    expect((await failure(accept())).code).toBe("SIGNATURE_REPLAYED");
    expect(await db.signedDocument.count()).toBe(documents + 1);

    const report = await buildVerificationReport({ db, now: new Date() }, accepted.id);
    expect(report.text).toContain(`Серійний номер: ${signer.serial}`);
    expect(report.text).toContain("Видавець: ЦСК зовнішнього КНЕДП");
    expect(report.text).toContain("Статус на момент формування протоколу: чинний (за відповіддю надавача)");
    expect(report.text).not.toContain("тестовий надавач");
  });

  it("a head whose key an imported provider issued signs an application and it is decided; another person's key from that provider is refused, nothing written", async () => {
    await importTrustList(admin(), upload(bundle));
    const now = Date.now();
    const key = generateEcdsaKey("P-256");
    const headDer = buildFamilySigningCertificate({
      issuer: issuing,
      spkiDer: key.spkiDer,
      subject: {
        rnokpp: world.head.rnokpp,
        fullName: world.head.fullName,
        locality: "Київ",
        edrpou: world.edrpou,
        organization: world.name,
        title: "Директор",
      },
      portalUrl: base,
      validFrom: new Date(now - DAY),
      validTo: new Date(now + 365 * DAY),
      urls: { crl: `${base}/crl`, ocsp: `${base}/ocsp`, issuingCa: `${base}/ca` },
    });
    const head = {
      key,
      certificateDer: headDer,
      serial: normalizeSerial(bytesToHex(certificateFromDer(headDer).serialNumber.valueBlock.valueHexView)),
    };

    const draft = await createReservationDraft(createCtx({ actor: world.head.actor }), {
      edrpou: world.edrpou,
      employees: [{ rnokpp: world.employees[0]! }],
    });
    const applications = await db.application.count();
    const stranger = await failure(
      submitApplication(createCtx({ actor: world.head.actor }), {
        draftId: draft.draftId,
        signature: await signWithFamily(signer, draft.document, { signingTime: new Date(now - 5_000) }),
      }),
    );
    expect(stranger.code).toBe("SIGNER_NOT_HEAD");
    expect(await db.application.count()).toBe(applications);

    const { applicationId } = await submitApplication(createCtx({ actor: world.head.actor }), {
      draftId: draft.draftId,
      signature: await signWithFamily(head, draft.document, { signingTime: new Date(now - 5_000) }),
    });
    expect(await decideSubmittedApplication(createCtx({ actor: null }), { applicationId })).toMatchObject({
      outcome: "decided",
      reserved: 1,
    });
    const application = await db.application.findUniqueOrThrow({
      where: { id: applicationId },
      select: {
        status: true,
        signedDocument: { select: { certificateSerial: true, providerCertificateSerial: true, signerRnokpp: true } },
      },
    });
    expect(application).toMatchObject({
      status: "DECIDED",
      signedDocument: {
        certificateSerial: head.serial,
        providerCertificateSerial: null,
        signerRnokpp: world.head.rnokpp,
      },
    });
  });

  it("refuses a revoked certificate the provider's CRL lists", async () => {
    await importTrustList(admin(), upload(bundle));
    crlAnswer = () => ({
      status: 200,
      body: currentCrl([{ serial: signer.serial, revokedAt: new Date(Date.now() - DAY) }]),
    });
    expect((await failure(external())).code).toBe("CERTIFICATE_REVOKED");
  });

  it.each([
    ["answers 503", () => ({ status: 503 })],
    [
      "answers with something that is not a CRL",
      () => ({ status: 200, body: new TextEncoder().encode("<html>технічні роботи</html>") }),
    ],
    ["answers with a CRL another key signed", () => ({ status: 200, body: currentCrl([], otherIssuing) })],
    [
      "answers with a CRL whose nextUpdate has passed",
      () => ({
        status: 200,
        body: buildTestCrl(issuing, {
          thisUpdate: new Date(Date.now() - 3 * DAY),
          nextUpdate: new Date(Date.now() - DAY),
        }),
      }),
    ],
  ])("when the provider %s: «не вдалося перевірити статус сертифіката», never an acceptance", async (_name, answer) => {
    await importTrustList(admin(), upload(bundle));
    crlAnswer = answer;
    const refused = await failure(external());
    expect(refused.code).toBe("CERTIFICATE_STATUS_UNAVAILABLE");
    expect(refused.message).toContain("Не вдалося перевірити статус сертифіката");
  });

  it("when the provider does not answer at all, the check times out and refuses", async () => {
    await importTrustList(admin(), upload(bundle));
    crlAnswer = () => "hang";
    const started = Date.now();
    const refused = await failure(external());
    expect(refused.code).toBe("CERTIFICATE_STATUS_UNAVAILABLE");
    expect(Date.now() - started).toBeLessThan(30_000);
  }, 40_000);

  it.each([
    ["production", "0"],
    ["development", "0"],
    ["test", "0"],
    ["development", ""],
  ])(
    "NODE_ENV=%s with DEMO_MODE=«%s» trusts imported anchors only: the test КНЕДП's key is refused, the imported provider's accepted",
    async (nodeEnv, demoMode) => {
      await importTrustList(admin(), upload(bundle));
      const ownSignature = signDetached(world.head.key!, content);
      await withEnv({ NODE_ENV: nodeEnv, DEMO_MODE: demoMode }, async () => {
        expect(testProviderTrusted()).toBe(false);
        expect((await failure(verify(ownSignature))).code).toBe("CERTIFICATE_UNTRUSTED");
        await expect(external()).resolves.toMatchObject({ certificateSerial: signer.serial });
      });
    },
  );

  it.each([
    ["production", "1"],
    ["development", "1"],
    ["test", ""],
  ])(
    "NODE_ENV=%s with DEMO_MODE=«%s» (demo) trusts the test КНЕДП besides the imported list",
    async (nodeEnv, demoMode) => {
      await importTrustList(admin(), upload(bundle));
      const ownSignature = signDetached(world.head.key!, content);
      await withEnv({ NODE_ENV: nodeEnv, DEMO_MODE: demoMode }, async () => {
        expect(testProviderTrusted()).toBe(true);
        await expect(verify(ownSignature)).resolves.toMatchObject({ rnokpp: world.head.rnokpp });
        await expect(external()).resolves.toMatchObject({ certificateSerial: signer.serial });
      });
    },
  );

  it("outside demo mode the portal's own seal is still checked against its own provider, and nobody else's signature is", async () => {
    const ownSignature = signDetached(world.head.key!, content);
    await withEnv({ NODE_ENV: "production", DEMO_MODE: "0" }, async () => {
      await expect(
        verifySignature({ db, now: new Date() }, { signature: ownSignature, content, ownSeal: true }),
      ).resolves.toMatchObject({ rnokpp: world.head.rnokpp });
      expect((await failure(verify(ownSignature))).code).toBe("CERTIFICATE_UNTRUSTED");
    });
  });
});
