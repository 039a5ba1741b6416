import * as asn1js from "asn1js";
import * as pkijs from "pkijs";
import forge from "node-forge";
import { beforeAll, describe, expect, it } from "vitest";
import { toArrayBuffer } from "../bytes";
import { canonicalJsonBytes } from "../canonical-json";
import { createKeyFile } from "../ca/create-key-file";
import { OID } from "../oids";
import {
  HEAD,
  createKeyPool,
  createTestPki,
  issueTestSigner,
  type TestPki,
  type TestSigner,
} from "../testing/test-pki";
import { cryptoEngine, sha256 } from "../verify/crypto-engine";
import { openKeyFile } from "./open-key-file";
import { signDetached } from "./sign-detached";

// The signature is checked with PKI.js's own SignedData.verify: an implementation that did
// not write it, so a structure only our verifier accepts would fail here.

// forge's runtime switch, missing from its typings.
const forgeOptions = (forge as unknown as { options: { usePureJavaScript: boolean } }).options;

let pki: TestPki;
let head: TestSigner;
const content = canonicalJsonBytes({
  edrpou: "43556710",
  employees: [{ rnokpp: "1759013776", salary: 25000 }],
  nonce: "n-1",
});

function parse(signature: Uint8Array) {
  const contentInfo = new pkijs.ContentInfo({ schema: asn1js.fromBER(toArrayBuffer(signature)).result });
  return new pkijs.SignedData({ schema: contentInfo.content });
}

beforeAll(async () => {
  const keys = await createKeyPool(3);
  pki = await createTestPki([keys[0]!, keys[1]!]);
  head = issueTestSigner(pki.issuing, keys[2]!, HEAD);
});

describe("signDetached", () => {
  it("makes a detached SignedData that PKI.js verifies over the content and refuses over other bytes", async () => {
    const signature = signDetached(head, content);
    const signedData = parse(signature);
    expect(signedData.encapContentInfo.eContent).toBeUndefined();
    const ok = await signedData.verify({ signer: 0, data: toArrayBuffer(content), extendedMode: true }, cryptoEngine);
    expect(ok.signatureVerified).toBe(true);
    const tampered = Uint8Array.from(content);
    tampered[5] = tampered[5]! ^ 1;
    await expect(signedData.verify({ signer: 0, data: toArrayBuffer(tampered) }, cryptoEngine)).rejects.toMatchObject({
      message: expect.stringContaining("Message digest doesn't match"),
    });
  });

  it("carries the CAdES-BES signed attributes, DER-sorted, with the given signing time", async () => {
    const signingTime = new Date("2026-03-01T10:15:30Z");
    const signerInfo = parse(signDetached(head, content, { signingTime })).signerInfos[0]!;
    const attributes = signerInfo.signedAttrs!.attributes;
    expect(attributes.map((attribute) => attribute.type).sort()).toEqual(
      [OID.contentType, OID.messageDigest, OID.signingTime, OID.signingCertificateV2].sort(),
    );
    const encodings = attributes.map((attribute) => Buffer.from(attribute.toSchema().toBER()).toString("hex"));
    expect(encodings).toEqual([...encodings].sort());

    const time = attributes.find((attribute) => attribute.type === OID.signingTime)!.values[0] as asn1js.UTCTime;
    expect(time.toDate().toISOString()).toBe("2026-03-01T10:15:30.000Z");
    const digest = attributes.find((attribute) => attribute.type === OID.messageDigest)!
      .values[0] as asn1js.OctetString;
    expect(new Uint8Array(digest.getValue())).toEqual(await sha256(content));

    const essValue = attributes.find((attribute) => attribute.type === OID.signingCertificateV2)!
      .values[0] as asn1js.Sequence;
    const essCertId = ((essValue.valueBlock.value[0] as asn1js.Sequence).valueBlock.value[0] as asn1js.Sequence)
      .valueBlock.value;
    expect(essCertId[0]).toBeInstanceOf(asn1js.OctetString); // SHA-256 is the default, so no AlgorithmIdentifier
    expect(new Uint8Array((essCertId[0] as asn1js.OctetString).getValue())).toEqual(await sha256(head.certificateDer));
  });

  it("uses GeneralizedTime for a signing time from 2050 on", () => {
    const signerInfo = parse(signDetached(head, content, { signingTime: new Date("2050-01-01T00:00:00Z") }))
      .signerInfos[0]!;
    const time = signerInfo.signedAttrs!.attributes.find((attribute) => attribute.type === OID.signingTime)!.values[0];
    expect(time).toBeInstanceOf(asn1js.GeneralizedTime);
  });

  it("embeds exactly the signer's certificate, byte for byte, and names it by issuer and serial", () => {
    const signedData = parse(signDetached(head, content));
    expect(signedData.certificates).toHaveLength(1);
    const certificate = signedData.certificates![0] as pkijs.Certificate;
    expect(new Uint8Array(certificate.toSchema().toBER())).toEqual(head.certificateDer);
    const sid = signedData.signerInfos[0]!.sid as pkijs.IssuerAndSerialNumber;
    expect(sid.serialNumber.isEqual(certificate.serialNumber)).toBe(true);
    expect(sid.issuer.isEqual(certificate.issuer)).toBe(true);
  });

  it("is deterministic for the same key, bytes and signing time (RSA PKCS#1 v1.5)", () => {
    const signingTime = new Date("2026-05-05T05:05:05Z");
    expect(signDetached(head, content, { signingTime })).toEqual(signDetached(head, content, { signingTime }));
  });

  it("opens a key file and signs with Buffer absent and forge in pure-JS mode, as in a browser", async () => {
    const keyFile = createKeyFile({
      privateKey: head.privateKey,
      certificate: head.certificate,
      chain: [pki.issuing.certificate],
      password: "Browser-Only-1",
    });
    const saved = globalThis.Buffer;
    let signature: Uint8Array;
    // forge otherwise borrows Node's PBKDF2; a browser runs the JS one.
    forgeOptions.usePureJavaScript = true;
    try {
      // @ts-expect-error -- removed on purpose: forge must take its non-Node paths
      delete globalThis.Buffer;
      expect(typeof Buffer).toBe("undefined");
      const opened = openKeyFile(keyFile, "Browser-Only-1");
      signature = signDetached(opened, content);
    } finally {
      globalThis.Buffer = saved;
      forgeOptions.usePureJavaScript = false;
    }
    const ok = await parse(signature).verify(
      { signer: 0, data: toArrayBuffer(content), extendedMode: true },
      cryptoEngine,
    );
    expect(ok.signatureVerified).toBe(true);
  });
});
