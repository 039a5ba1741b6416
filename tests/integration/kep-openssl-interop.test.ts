import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { openKeyFile } from "@/lib/kep/browser/open-key-file";
import { signDetached } from "@/lib/kep/browser/sign-detached";
import { canonicalJsonBytes } from "@/lib/kep/canonical-json";
import { answerOcspRequest } from "@/lib/kep/provider/answer-ocsp";
import { buildCrl } from "@/lib/kep/provider/build-crl";
import { ensureTestProvider } from "@/lib/kep/provider/ensure-test-provider";
import { issueCertificate, type IssuedCertificate } from "@/lib/kep/provider/issue-certificate";
import { revokeCertificate } from "@/lib/kep/provider/revoke-certificate";
import {
  createFamilyTestPki,
  generateFamilyKey,
  issueFamilySigner,
  signWithFamily,
} from "@/lib/kep/testing/family-pki";
import { HEAD } from "@/lib/kep/testing/test-pki";
import { createCtx } from "@/lib/context-server";

// OpenSSL, an implementation that shares no code with ours, reads what the provider and the
// browser signer produce: the key file, the chain, the CAdES signature, the CRL and OCSP.

const hasOpenssl = spawnSync("openssl", ["version"]).status === 0;
const PASSWORD = "Interop-Key-1";
let dir: string;
let issued: IssuedCertificate;

const file = (name: string) => path.join(dir, name);
const openssl = (...args: string[]) => spawnSync("openssl", args, { encoding: "utf8" });
const pem = (der: Uint8Array) =>
  `-----BEGIN CERTIFICATE-----\n${Buffer.from(der).toString("base64").replace(/.{64}/g, "$&\n")}\n-----END CERTIFICATE-----\n`;

beforeAll(async () => {
  if (!hasOpenssl) return;
  dir = mkdtempSync(path.join(os.tmpdir(), "bronya-kep-openssl-"));
  const provider = await ensureTestProvider({ db, now: new Date() });
  writeFileSync(file("root.pem"), provider.rootPem);
  writeFileSync(file("issuing.pem"), provider.issuingPem);
  writeFileSync(file("chain.pem"), provider.issuingPem + provider.rootPem);
  issued = await issueCertificate(createCtx({ actor: null }), {
    rnokpp: "2856200248",
    fullName: "Ґонта Олена Петрівна",
    edrpou: "43556710",
    organization: "ТОВ «Енергоатом-Сервіс»",
    password: PASSWORD,
  });
  writeFileSync(file("key.p12"), issued.p12);
  writeFileSync(file("leaf.pem"), pem(issued.certificateDer));
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe.runIf(hasOpenssl)("OpenSSL reads the test provider's output", () => {
  it("opens the key file with its password and refuses a wrong one", () => {
    expect(openssl("pkcs12", "-in", file("key.p12"), "-passin", `pass:${PASSWORD}`, "-noout").status).toBe(0);
    expect(openssl("pkcs12", "-in", file("key.p12"), "-passin", "pass:wrong-password", "-noout").status).not.toBe(0);
  });

  it("verifies the certificate chain to the root", () => {
    const result = openssl("verify", "-CAfile", file("root.pem"), "-untrusted", file("issuing.pem"), file("leaf.pem"));
    expect(result.stdout.trim()).toBe(`${file("leaf.pem")}: OK`);
  });

  it("verifies the browser signer's detached CAdES signature over the content, and not over other bytes", () => {
    const opened = openKeyFile(issued.p12, PASSWORD);
    const content = canonicalJsonBytes({ edrpou: "43556710", employees: ["1759013776"] });
    writeFileSync(file("content.json"), content);
    writeFileSync(file("other.json"), canonicalJsonBytes({ edrpou: "43556710", employees: [] }));
    writeFileSync(file("signature.p7s"), signDetached(opened, content));
    const verify = (contentFile: string) =>
      openssl(
        "cms",
        "-verify",
        "-inform",
        "DER",
        "-in",
        file("signature.p7s"),
        "-content",
        contentFile,
        "-binary",
        "-CAfile",
        file("chain.pem"),
        "-purpose",
        "any",
        "-out",
        file("out.bin"),
      );
    const ok = verify(file("content.json"));
    expect(ok.stderr).toContain("Verification successful");
    expect(verify(file("other.json")).status).not.toBe(0);
    const printed = openssl("cms", "-cmsout", "-print", "-inform", "DER", "-in", file("signature.p7s")).stdout;
    expect(printed).toContain("id-smime-aa-signingCertificateV2");
  });

  it("verifies the CRL's signature and finds a revoked serial in it", async () => {
    await revokeCertificate(createCtx({ actor: null }), { serial: issued.serial, reason: "keyCompromise" });
    writeFileSync(file("crl.der"), await buildCrl(createCtx({ actor: null })));
    const result = openssl(
      "crl",
      "-inform",
      "DER",
      "-in",
      file("crl.der"),
      "-CAfile",
      file("issuing.pem"),
      "-noout",
      "-text",
    );
    expect(result.stderr).toContain("verify OK");
    expect(result.stdout.toUpperCase()).toContain(`SERIAL NUMBER: ${issued.serial.toUpperCase()}`);
    expect(result.stdout).toContain("Key Compromise");
  });

  it("accepts the OCSP responder's signed answer and reads the status", async () => {
    execFileSync("openssl", [
      "ocsp",
      "-issuer",
      file("issuing.pem"),
      "-sha256",
      "-cert",
      file("leaf.pem"),
      "-reqout",
      file("req.der"),
    ]);
    writeFileSync(file("resp.der"), await answerOcspRequest(createCtx({ actor: null }), readFileSync(file("req.der"))));
    const result = openssl(
      "ocsp",
      "-respin",
      file("resp.der"),
      "-issuer",
      file("issuing.pem"),
      "-sha256",
      "-cert",
      file("leaf.pem"),
      "-CAfile",
      file("root.pem"),
      "-no_nonce",
    );
    expect(result.stderr + result.stdout).toContain("Response verify OK");
    expect(result.stdout).toContain(`${file("leaf.pem")}: revoked`);
  });
});

describe.runIf(hasOpenssl)("OpenSSL verifies Броня's ECDSA signatures", () => {
  it.each(["ECDSA-P256", "ECDSA-P384"] as const)(
    "%s: the chain and the detached CAdES signature; not over a tampered byte",
    async (family) => {
      const pki = await createFamilyTestPki(family);
      const signer = issueFamilySigner(pki.issuing, generateFamilyKey(family), HEAD);
      const content = canonicalJsonBytes({ edrpou: "43556710", employees: ["1759013776"], family });
      const tampered = Uint8Array.from(content);
      tampered[3]! ^= 0x01;
      writeFileSync(file(`${family}-chain.pem`), pem(pki.issuing.der) + pem(pki.root.der));
      writeFileSync(file(`${family}-leaf.pem`), pem(signer.certificateDer));
      writeFileSync(file(`${family}-content.json`), content);
      writeFileSync(file(`${family}-tampered.json`), tampered);
      writeFileSync(file(`${family}.p7s`), await signWithFamily(signer, content));
      expect(openssl("verify", "-CAfile", file(`${family}-chain.pem`), file(`${family}-leaf.pem`)).stdout.trim()).toBe(
        `${file(`${family}-leaf.pem`)}: OK`,
      );
      const verify = (contentFile: string) =>
        openssl(
          "cms",
          "-verify",
          "-inform",
          "DER",
          "-in",
          file(`${family}.p7s`),
          "-content",
          contentFile,
          "-binary",
          "-CAfile",
          file(`${family}-chain.pem`),
          "-purpose",
          "any",
          "-out",
          file("out.bin"),
        );
      expect(verify(file(`${family}-content.json`)).stderr).toContain("Verification successful");
      expect(verify(file(`${family}-tampered.json`)).status).not.toBe(0);
    },
  );
});
