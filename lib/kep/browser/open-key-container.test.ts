import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import forge from "node-forge";
import jk from "jkurwa";
import { beforeAll, describe, expect, it, vi } from "vitest";

// DSTU 4145 in pure JavaScript is slow on a loaded machine: generous per-test time.
vi.setConfig({ testTimeout: 60_000 });
import { binaryToBytes } from "../bytes";
import { createAnyKeyFile } from "../ca/create-any-key-file";
import { createKey6Store } from "../ca/create-key6-store";
import { createKeyFile } from "../ca/create-key-file";
import { dstuFamilyKey, generateEcdsaKey } from "../ca/family-keys";
import { canonicalJsonBytes } from "../canonical-json";
import { createJksStore } from "../testing/create-jks-store";
import { createFamilyTestPki, issueFamilySigner, type FamilyTestPki } from "../testing/family-pki";
import { HEAD, createKeyPool, createTestPki, issueTestSigner } from "../testing/test-pki";
import { verifyDetachedSignature } from "../verify/verify-detached-signature";
import type { TrustAnchors } from "../verify/trust-anchors";
import { openKeyContainer } from "./open-key-container";

// The browser signer's container opener over every format, with the refusals a holder reads.

const PASSWORD = "Container-Pass-1";
const FIXTURES = path.join(process.cwd(), "node_modules/jkurwa/test/data");
const content = canonicalJsonBytes({ edrpou: HEAD.edrpou!, employees: ["1759013776"] });

let dstu: FamilyTestPki;
let key6: Uint8Array;
let key6Certificate: Uint8Array;
let encryptionOnlyCertificate: Uint8Array;
let ecdsa: FamilyTestPki;
let ecdsaFile: Uint8Array;
// PrivatBank-style .jks: one entry holding the signing key with the key-agreement key in its
// attributes and both certificates; one with two signing keys; one with only the encryption key.
let jksSignAndAgree: Uint8Array;
let jksTwoSigning: Uint8Array;
let jksEncryptionOnly: Uint8Array;
let secondHeadCertificate: Uint8Array;
const hasKeytool = spawnSync("keytool", ["-help"]).status === 0;

const codeAndMessage = async (promise: Promise<unknown>) =>
  promise.then(
    () => ["accepted", ""],
    (error: { code?: string; message?: string }) => [error.code, error.message],
  );

const verify = (signature: Uint8Array, trust: TrustAnchors) =>
  verifyDetachedSignature({
    signature,
    content,
    trust,
    now: new Date(),
    certificateStatus: async () => ({ status: "GOOD", revokedAt: null }),
  });

beforeAll(async () => {
  dstu = await createFamilyTestPki("DSTU4145");
  const priv = jk.std_curve("DSTU_PB_257").keygen();
  key6 = createKey6Store(priv, PASSWORD);
  key6Certificate = issueFamilySigner(dstu.issuing, dstuFamilyKey(priv), HEAD).certificateDer;
  encryptionOnlyCertificate = issueFamilySigner(dstu.issuing, dstuFamilyKey(priv), HEAD, {
    keyUsage: { keyCertSign: false },
  }).certificateDer;
  const agreement = jk.std_curve("DSTU_PB_431").keygen();
  const agreementCertificate = issueFamilySigner(dstu.issuing, dstuFamilyKey(agreement), HEAD, {
    keyUsage: { keyAgreement: true },
  }).certificateDer;
  jksSignAndAgree = createJksStore(
    [{ alias: "key", keys: [priv, agreement], certificates: [key6Certificate, agreementCertificate] }],
    PASSWORD,
  );
  const second = jk.std_curve("DSTU_PB_257").keygen();
  secondHeadCertificate = issueFamilySigner(dstu.issuing, dstuFamilyKey(second), HEAD).certificateDer;
  jksTwoSigning = createJksStore(
    [
      { alias: "first", keys: [priv], certificates: [key6Certificate, dstu.issuing.der] },
      { alias: "second", keys: [second], certificates: [secondHeadCertificate] },
    ],
    PASSWORD,
  );
  jksEncryptionOnly = createJksStore(
    [{ alias: "enc", keys: [agreement], certificates: [agreementCertificate] }],
    PASSWORD,
  );
  ecdsa = await createFamilyTestPki("ECDSA-P256");
  const ecdsaKey = generateEcdsaKey("P-256");
  const signer = issueFamilySigner(ecdsa.issuing, ecdsaKey, HEAD);
  ecdsaFile = createAnyKeyFile({
    pkcs8Der: binaryToBytes(forge.pem.decode(ecdsaKey.exportPrivate().value)[0]!.body),
    certificatesDer: [signer.certificateDer, ecdsa.issuing.der],
    password: PASSWORD,
  });
}, 120_000);

describe("openKeyContainer", () => {
  it("opens a DSTU Key-6.dat store with its certificate and signs what the verifier accepts", async () => {
    const opened = await openKeyContainer({
      file: key6,
      name: "Key-6.dat",
      password: PASSWORD,
      certificates: [key6Certificate],
    });
    expect(opened.format).toBe("key6");
    expect(opened.signingKeys).toHaveLength(1);
    expect(opened.signingKeys[0]).toMatchObject({ algorithm: "DSTU4145", identity: { rnokpp: HEAD.rnokpp } });
    await expect(verify(await opened.signingKeys[0]!.sign(content), dstu.trust)).resolves.toMatchObject({
      algorithm: "DSTU4145",
    });
  });

  it("opens an ECDSA .p12 and signs with WebCrypto what the verifier accepts", async () => {
    const opened = await openKeyContainer({ file: ecdsaFile, name: "key.p12", password: PASSWORD });
    expect(opened.signingKeys[0]).toMatchObject({ algorithm: "ECDSA-P256" });
    await expect(verify(await opened.signingKeys[0]!.sign(content), ecdsa.trust)).resolves.toMatchObject({
      algorithm: "ECDSA",
    });
  });

  it("opens an RSA .p12 as before", async () => {
    const keys = await createKeyPool(3);
    const pki = await createTestPki([keys[0]!, keys[1]!]);
    const signer = issueTestSigner(pki.issuing, keys[2]!, HEAD);
    const file = createKeyFile({
      privateKey: signer.privateKey,
      certificate: signer.certificate,
      chain: [pki.issuing.certificate],
      password: PASSWORD,
    });
    const opened = await openKeyContainer({ file, name: "rsa.pfx", password: PASSWORD });
    await expect(verify(await opened.signingKeys[0]!.sign(content), pki.trust)).resolves.toMatchObject({
      algorithm: "RSA",
    });
  });

  it("opens jkurwa's public Key-6 fixture STORE_A040.dat (password «password»): without a certificate it asks for one", async () => {
    const file = new Uint8Array(readFileSync(path.join(FIXTURES, "STORE_A040.dat")));
    const [code, message] = await codeAndMessage(
      openKeyContainer({ file, name: "STORE_A040.dat", password: "password" }),
    );
    expect(code).toBe("NO_CERTIFICATE");
    expect(message).toContain("Key-6.dat");
    expect(message).toContain(".cer");
  });

  it("opens a PrivatBank-style .jks holding a signing and a key-agreement key: only the signing key is offered, and it signs what the verifier accepts", async () => {
    const opened = await openKeyContainer({ file: jksSignAndAgree, name: "privat.jks", password: PASSWORD });
    expect(opened.format).toBe("jks");
    expect(opened.keys.map((key) => [key.algorithm, key.canSign])).toEqual([
      ["DSTU4145", true],
      ["DSTU4145", false],
    ]);
    expect(opened.signingKeys).toHaveLength(1);
    expect(Buffer.from(opened.signingKeys[0]!.certificateDer).equals(Buffer.from(key6Certificate))).toBe(true);
    await expect(verify(await opened.signingKeys[0]!.sign(content), dstu.trust)).resolves.toMatchObject({
      algorithm: "DSTU4145",
    });
  });

  it("offers every signing key of a .jks with two, and the one picked signs with its own certificate", async () => {
    const opened = await openKeyContainer({ file: jksTwoSigning, name: "two.jks", password: PASSWORD });
    expect(opened.signingKeys.map((key) => key.id)).toEqual(["jks-0", "jks-1"]);
    const picked = opened.signingKeys[1]!;
    expect(Buffer.from(picked.certificateDer).equals(Buffer.from(secondHeadCertificate))).toBe(true);
    const checked = await verify(await picked.sign(content), dstu.trust);
    expect(checked.certificateSerial).toBe(picked.identity.serial);
  });

  it.runIf(hasKeytool)(
    "the .jks test writer makes a store Java's keytool accepts (integrity hash) and refuses with a wrong password",
    () => {
      const dir = mkdtempSync(path.join(tmpdir(), "bronya-jks-"));
      try {
        writeFileSync(path.join(dir, "privat.jks"), jksSignAndAgree);
        const list = (password: string) =>
          spawnSync(
            "keytool",
            ["-list", "-keystore", path.join(dir, "privat.jks"), "-storetype", "JKS", "-storepass", password],
            { encoding: "utf8" },
          );
        const good = list(PASSWORD);
        expect(good.stdout + good.stderr).toMatch(/1 entry|1 запис|PrivateKeyEntry/);
        expect(good.status).toBe(0);
        const bad = list("Wrong-Pass-1");
        expect(bad.status).not.toBe(0);
        expect(bad.stdout + bad.stderr).toMatch(/password was incorrect|tampered/);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );

  it.each([
    [
      "a .jks with a wrong password",
      () => ({ file: jksSignAndAgree, name: "privat.jks", password: "Wrong-Pass-1" }),
      "WRONG_PASSWORD",
      ".jks",
    ],
    [
      "a truncated .jks",
      () => ({ file: jksSignAndAgree.subarray(0, 200), name: "privat.jks", password: PASSWORD }),
      "BAD_KEY_FILE",
      ".jks",
    ],
    [
      "a .jks with only an encryption key",
      () => ({ file: jksEncryptionOnly, name: "enc.jks", password: PASSWORD }),
      "NO_SIGNING_KEY",
      ".jks",
    ],
    [
      "a Key-6.dat with a wrong password",
      () => ({ file: key6, name: "Key-6.dat", password: "Wrong-Pass-1", certificates: [key6Certificate] }),
      "WRONG_PASSWORD",
      "Key-6.dat",
    ],
    [
      "a truncated Key-6.dat",
      () => ({ file: key6.subarray(0, key6.length - 30), name: "Key-6.dat", password: PASSWORD }),
      "BAD_KEY_FILE",
      "Key-6.dat",
    ],
    [
      "an ECDSA .p12 with a wrong password",
      () => ({ file: ecdsaFile, name: "key.p12", password: "Wrong-Pass-1" }),
      "WRONG_PASSWORD",
      "PKCS#12",
    ],
    [
      "a Key-6.dat whose only key is certified for encryption",
      () => ({ file: key6, name: "Key-6.dat", password: PASSWORD, certificates: [encryptionOnlyCertificate] }),
      "NO_SIGNING_KEY",
      "Key-6.dat",
    ],
    [
      "a file of no key format",
      () => ({ file: new TextEncoder().encode("це не ключ, а текст"), name: "note.txt", password: PASSWORD }),
      "BAD_KEY_FILE",
      "Key-6.dat, .pfx/.p12 і .jks",
    ],
  ])("%s: one sentence naming the format", async (_name, input, code, format) => {
    const [actualCode, message] = await codeAndMessage(openKeyContainer(input()));
    expect(actualCode).toBe(code);
    expect(message).toContain(format);
  });
});
