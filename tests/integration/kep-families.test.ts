import { createHash, createPrivateKey } from "node:crypto";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import forge from "node-forge";
import gost89 from "gost89";
import jk from "jkurwa";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as createDraftRoute } from "@/app/api/v1/applications/drafts/route";
import { POST as submitRoute } from "@/app/api/v1/applications/route";
import { issueApiToken } from "@/lib/api-tokens";
import { issueLoginChallenge } from "@/lib/auth/kep-login/issue-login-challenge";
import { createFailureThrottle, KEP_LOGIN_THROTTLE } from "@/lib/auth/kep-login/login-throttle";
import { signInWithKep } from "@/lib/auth/kep-login/sign-in-with-kep";
import { db } from "@/lib/db/client";
import { bytesToBinary, binaryToBytes } from "@/lib/kep/bytes";
import { buildDetachedCms } from "@/lib/kep/cms/build-detached-cms";
import { cmsSignerOf, dstuFamilyKey, familyKeyFromPem } from "@/lib/kep/ca/family-keys";
import { buildVerificationReport } from "@/lib/kep/report";
import { buildCrl } from "@/lib/kep/provider/build-crl";
import { ensureTestProvider } from "@/lib/kep/provider/ensure-test-provider";
import { CA_IDS, loadFamilyIssuingCa } from "@/lib/kep/provider/family-cas";
import { issueFamilyCertificate, type IssuedFamilyCertificate } from "@/lib/kep/provider/issue-family-certificate";
import { answerOcspRequest } from "@/lib/kep/provider/answer-ocsp";
import { revokeCertificate } from "@/lib/kep/provider/revoke-certificate";
import { stopSenderBoss } from "@/lib/jobs/boss";
import { verifySignatureValue } from "@/lib/kep/verify/verify-signature-value";
import { certificateFromDer } from "@/lib/kep/verify/trust-anchors";
import { verifySignature } from "@/lib/kep/verify/verify-signature";
import { createWorld, type World } from "@/lib/reservations/testing/world";
import { createCtx } from "@/lib/context-server";

// The test КНЕДП issues ECDSA P-256 (PKCS#12) and DSTU 4145 (Key-6.dat-compatible store) keys
// from CAs of the same family; the portal accepts what they sign at login and through the HR
// API — the DSTU signature made by jkurwa's own CMS signer, as an HR system's server would —
// and revocation, the family's CRL and OCSP cover them.

const PASSWORD = "Family-Key-1";
const algo = gost89.compat.algos();
const hasOpenssl = spawnSync("openssl", ["version"]).status === 0;
let world: World;
let token: string;
let dstu: IssuedFamilyCertificate;
let ecdsa: IssuedFamilyCertificate;
let dir: string;

/** What the browser will do with a DSTU Key-6 store: open it with the password, sign with jkurwa's Box. */
async function signWithKey6(
  issued: IssuedFamilyCertificate,
  content: Uint8Array,
  password = PASSWORD,
): Promise<Uint8Array> {
  const store = jk.Priv.from_protected(Buffer.from(issued.keyFile), password, algo);
  const box = new jk.Box({ algo });
  box.load({ priv: store.keys[0]!, cert: jk.Certificate.from_asn1(Buffer.from(issued.certificateDer)) });
  const message = await box.sign(Buffer.from(content), null, null, {
    detached: true,
    time: Math.floor(Date.now() / 1000) - 5,
  });
  return new Uint8Array(message.as_asn1());
}

/** Opens the ECDSA PKCS#12 with forge (which decrypts the bag but cannot read an EC key) and signs with Node. */
async function signWithEcdsaP12(issued: IssuedFamilyCertificate, content: Uint8Array): Promise<Uint8Array> {
  const pfx = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(bytesToBinary(issued.keyFile), true), true, PASSWORD);
  const bag = pfx.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag! })[
    forge.pki.oids.pkcs8ShroudedKeyBag!
  ]![0]! as unknown as { asn1: forge.asn1.Asn1 };
  const pkcs8 = binaryToBytes(forge.asn1.toDer(bag.asn1).getBytes());
  const key = familyKeyFromPem(
    createPrivateKey({ key: Buffer.from(pkcs8), format: "der", type: "pkcs8" })
      .export({ type: "pkcs8", format: "pem" })
      .toString(),
  );
  return buildDetachedCms(cmsSignerOf(key, issued.certificateDer), content, {
    signingTime: new Date(Date.now() - 5000),
  });
}

beforeAll(async () => {
  await ensureTestProvider({ db, now: new Date() });
  world = await createWorld(createCtx({ actor: null }), { serial: 91, employees: 4, limitCount: 3 });
  token = (await issueApiToken(createCtx({ actor: world.head.actor }), { name: "М.Е.Док" })).token;
  const subject = {
    rnokpp: world.head.rnokpp,
    fullName: world.head.fullName,
    edrpou: world.edrpou,
    organization: world.name,
    title: "Директорка",
    password: PASSWORD,
  };
  dstu = await issueFamilyCertificate(createCtx({ actor: null }), { ...subject, algorithm: "DSTU4145" });
  ecdsa = await issueFamilyCertificate(createCtx({ actor: null }), { ...subject, algorithm: "ECDSA-P256" });
  dir = mkdtempSync(path.join(os.tmpdir(), "bronya-kep-families-"));
});

afterAll(async () => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  await stopSenderBoss();
});

describe("the test КНЕДП of three families", () => {
  it("keeps a root and an issuing CA of each family, each issuing CA signed in its own family", async () => {
    const ids = Object.values(CA_IDS).flatMap((pair) => [pair.root, pair.issuing]);
    expect(await db.caKey.count({ where: { id: { in: ids } } })).toBe(6);
    await ensureTestProvider({ db, now: new Date() });
    expect(await db.caKey.count({ where: { id: { in: ids } } })).toBe(6);
    const dstuCa = certificateFromDer((await loadFamilyIssuingCa({ db }, "dstu")).der);
    const ecdsaCa = certificateFromDer((await loadFamilyIssuingCa({ db }, "ecdsa")).der);
    expect([dstuCa.signatureAlgorithm.algorithmId, ecdsaCa.signatureAlgorithm.algorithmId]).toEqual([
      "1.2.804.2.1.1.1.1.3.1.1",
      "1.2.840.10045.4.3.2",
    ]);
    expect(certificateFromDer(dstu.certificateDer).signatureAlgorithm.algorithmId).toBe("1.2.804.2.1.1.1.1.3.1.1");
    expect(certificateFromDer(ecdsa.certificateDer).signatureAlgorithm.algorithmId).toBe("1.2.840.10045.4.3.2");
  });

  it("writes a DSTU Key-6.dat-compatible store that jkurwa reads back with the password only", () => {
    expect(dstu.container).toBe("key6");
    expect(jk.Priv.from_protected(Buffer.from(dstu.keyFile), PASSWORD, algo).keys).toHaveLength(1);
    expect(() => jk.Priv.from_protected(Buffer.from(dstu.keyFile), "Wrong-Pass-1", algo)).toThrow();
  });

  it.runIf(hasOpenssl)("writes an ECDSA PKCS#12 that OpenSSL opens with the password and not without", () => {
    writeFileSync(path.join(dir, "ecdsa.p12"), ecdsa.keyFile);
    const open = (password: string) =>
      spawnSync("openssl", ["pkcs12", "-in", path.join(dir, "ecdsa.p12"), "-passin", `pass:${password}`, "-noout"], {
        encoding: "utf8",
      });
    expect(open(PASSWORD).status).toBe(0);
    expect(open("Wrong-Pass-1").status).not.toBe(0);
  });

  it("signs in with a DSTU key (jkurwa's signer) and with an ECDSA key", async () => {
    for (const sign of [
      (bytes: Uint8Array) => signWithKey6(dstu, bytes),
      (bytes: Uint8Array) => signWithEcdsaP12(ecdsa, bytes),
    ]) {
      const { challenge } = await issueLoginChallenge(createCtx({ actor: null }));
      const signature = Buffer.from(await sign(Buffer.from(challenge, "base64"))).toString("base64");
      const login = await signInWithKep(
        createCtx({ actor: null }),
        { challenge, signature, clientAddress: "198.51.100.91" },
        { throttle: createFailureThrottle(KEP_LOGIN_THROTTLE) },
      );
      expect(login.user.rnokpp).toBe(world.head.rnokpp);
      expect(login.signer.certificateSerial).toMatch(new RegExp(`^(${dstu.serial}|${ecdsa.serial})$`));
    }
  });
});

async function call(
  handler: (request: Request, context: { params: Promise<any> }) => Promise<Response>,
  pathName: string,
  body: unknown,
) {
  const request = new Request(`http://localhost:3000${pathName}`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  const response = await handler(request, { params: Promise.resolve({}) });
  return { status: response.status, body: (await response.json()) as Record<string, any> };
}

describe("the HR API", () => {
  it("accepts an application signed on the HR system's server by jkurwa with the head's DSTU key; a tampered byte is refused", async () => {
    const draft = await call(createDraftRoute, "/api/v1/applications/drafts", {
      edrpou: world.edrpou,
      employees: [{ rnokpp: world.employees[0]! }],
    });
    expect(draft.status).toBe(201);
    const document = new Uint8Array(Buffer.from(draft.body.document, "base64"));
    const tampered = Uint8Array.from(document);
    tampered[10]! ^= 0x01;
    const bad = await call(submitRoute, "/api/v1/applications", {
      draftId: draft.body.draftId,
      signature: Buffer.from(await signWithKey6(dstu, tampered)).toString("base64"),
    });
    expect([bad.status, bad.body.error?.code]).toEqual([400, "CONTENT_MISMATCH"]);
    const submitted = await call(submitRoute, "/api/v1/applications", {
      draftId: draft.body.draftId,
      signature: Buffer.from(await signWithKey6(dstu, document)).toString("base64"),
    });
    expect(submitted).toMatchObject({ status: 202, body: { status: "QUEUED" } });
    const stored = await db.signedDocument.findFirst({
      where: { edrpou: world.edrpou },
      orderBy: { verifiedAt: "desc" },
      select: { certificateSerial: true },
    });
    expect(stored?.certificateSerial).toBe(dstu.serial);
  });

  it("accepts an application signed on the HR system's server with the head's DSTU key hashing with Kupyna-256 (DSTU 7564); its report names the hash; a tampered byte is refused", async () => {
    const draft = await call(createDraftRoute, "/api/v1/applications/drafts", {
      edrpou: world.edrpou,
      employees: [{ rnokpp: world.employees[2]! }],
    });
    expect(draft.status).toBe(201);
    const document = new Uint8Array(Buffer.from(draft.body.document, "base64"));
    const store = jk.Priv.from_protected(Buffer.from(dstu.keyFile), PASSWORD, algo);
    const signer = cmsSignerOf(dstuFamilyKey(store.keys[0]!, "KUPYNA256"), dstu.certificateDer);
    const sign = (bytes: Uint8Array) => buildDetachedCms(signer, bytes, { signingTime: new Date(Date.now() - 5000) });
    const tampered = Uint8Array.from(document);
    tampered[12]! ^= 0x01;
    const bad = await call(submitRoute, "/api/v1/applications", {
      draftId: draft.body.draftId,
      signature: Buffer.from(await sign(tampered)).toString("base64"),
    });
    expect([bad.status, bad.body.error?.code]).toEqual([400, "CONTENT_MISMATCH"]);
    const signature = await sign(document);
    const submitted = await call(submitRoute, "/api/v1/applications", {
      draftId: draft.body.draftId,
      signature: Buffer.from(signature).toString("base64"),
    });
    expect(submitted).toMatchObject({ status: 202, body: { status: "QUEUED" } });
    const stored = await db.signedDocument.findFirst({
      where: { edrpou: world.edrpou, signatureSha256: createHash("sha256").update(signature).digest("hex") },
      select: { id: true, certificateSerial: true },
    });
    expect(stored?.certificateSerial).toBe(dstu.serial);
    const { text } = await buildVerificationReport(createCtx({ actor: null }), stored!.id);
    expect(text).toContain("Купина-256 (ДСТУ 7564) у підписі відповідає вмісту");
    expect(text).not.toContain("НЕ ПРОЙДЕНА");
  });

  it("accepts an application signed with the head's ECDSA key", async () => {
    const draft = await call(createDraftRoute, "/api/v1/applications/drafts", {
      edrpou: world.edrpou,
      employees: [{ rnokpp: world.employees[1]! }],
    });
    const document = new Uint8Array(Buffer.from(draft.body.document, "base64"));
    const submitted = await call(submitRoute, "/api/v1/applications", {
      draftId: draft.body.draftId,
      signature: Buffer.from(await signWithEcdsaP12(ecdsa, document)).toString("base64"),
    });
    expect(submitted).toMatchObject({ status: 202, body: { status: "QUEUED" } });
  });
});

describe("revocation covers every family", () => {
  it("a revoked DSTU certificate is refused, listed in the DSTU CA's CRL (signed in DSTU 4145) and not in the RSA one", async () => {
    const holder = await issueFamilyCertificate(createCtx({ actor: null }), {
      rnokpp: world.head.rnokpp,
      fullName: world.head.fullName,
      password: PASSWORD,
      algorithm: "DSTU4145",
    });
    const content = new TextEncoder().encode('{"revoked":true}');
    const signature = await signWithKey6(holder, content);
    await expect(verifySignature(createCtx({ actor: null }), { signature, content })).resolves.toMatchObject({
      algorithm: "DSTU4145",
    });
    await revokeCertificate(createCtx({ actor: null }), { serial: holder.serial, reason: "keyCompromise" });
    await expect(verifySignature(createCtx({ actor: null }), { signature, content })).rejects.toMatchObject({
      code: "CERTIFICATE_REVOKED",
    });

    const ca = await loadFamilyIssuingCa({ db }, "dstu");
    const crl = await buildCrl(createCtx({ actor: null }), { family: "dstu" });
    const parsed = (await import("pkijs")).CertificateRevocationList.fromBER(crl);
    expect(
      parsed.revokedCertificates!.map((entry) =>
        Buffer.from(entry.userCertificate.valueBlock.valueHexView).toString("hex"),
      ),
    ).toContain(holder.serial);
    const signedByCa = await verifySignatureValue({
      certificate: certificateFromDer(ca.der),
      certificateDer: ca.der,
      digestName: "GOST34311",
      signed: parsed.tbsView,
      value: parsed.signatureValue.valueBlock.valueHexView,
      dstuWrapped: true,
    });
    expect(signedByCa).toBe(true);
    const rsaCrl = (await import("pkijs")).CertificateRevocationList.fromBER(
      await buildCrl(createCtx({ actor: null })),
    );
    expect(
      (rsaCrl.revokedCertificates ?? []).map((entry) =>
        Buffer.from(entry.userCertificate.valueBlock.valueHexView).toString("hex"),
      ),
    ).not.toContain(holder.serial);
  });

  it.runIf(hasOpenssl)(
    "OpenSSL verifies the ECDSA CA's CRL and its OCSP answer about an ECDSA certificate",
    async () => {
      const ca = await loadFamilyIssuingCa({ db }, "ecdsa");
      const pem = (der: Uint8Array) =>
        `-----BEGIN CERTIFICATE-----\n${Buffer.from(der).toString("base64").replace(/.{64}/g, "$&\n")}\n-----END CERTIFICATE-----\n`;
      writeFileSync(path.join(dir, "ecdsa-ca.pem"), pem(ca.der));
      writeFileSync(path.join(dir, "ecdsa-root.pem"), pem(ca.rootDer));
      writeFileSync(path.join(dir, "ecdsa-leaf.pem"), pem(ecdsa.certificateDer));
      writeFileSync(path.join(dir, "ecdsa.crl"), await buildCrl(createCtx({ actor: null }), { family: "ecdsa" }));
      const crl = spawnSync(
        "openssl",
        [
          "crl",
          "-inform",
          "DER",
          "-in",
          path.join(dir, "ecdsa.crl"),
          "-CAfile",
          path.join(dir, "ecdsa-ca.pem"),
          "-noout",
        ],
        { encoding: "utf8" },
      );
      expect(crl.stderr).toContain("verify OK");
      spawnSync("openssl", [
        "ocsp",
        "-issuer",
        path.join(dir, "ecdsa-ca.pem"),
        "-sha256",
        "-cert",
        path.join(dir, "ecdsa-leaf.pem"),
        "-reqout",
        path.join(dir, "req.der"),
      ]);
      const { readFileSync } = await import("node:fs");
      writeFileSync(
        path.join(dir, "resp.der"),
        await answerOcspRequest(createCtx({ actor: null }), readFileSync(path.join(dir, "req.der"))),
      );
      const ocsp = spawnSync(
        "openssl",
        [
          "ocsp",
          "-respin",
          path.join(dir, "resp.der"),
          "-issuer",
          path.join(dir, "ecdsa-ca.pem"),
          "-sha256",
          "-cert",
          path.join(dir, "ecdsa-leaf.pem"),
          "-CAfile",
          path.join(dir, "ecdsa-root.pem"),
          "-no_nonce",
        ],
        { encoding: "utf8" },
      );
      expect(ocsp.stderr + ocsp.stdout).toContain("Response verify OK");
      expect(ocsp.stdout).toContain(": good");
    },
  );
});
