import { generateKeyPairSync, createPublicKey, sign as nodeSign } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import forge from "node-forge";
import gost89 from "gost89";
import jk, { type Priv } from "jkurwa";
import { beforeAll, describe, expect, it, vi } from "vitest";

// DSTU 4145 in pure JavaScript is slow on a loaded machine: generous per-test time.
vi.setConfig({ testTimeout: 60_000 });
import { AppError } from "@/lib/errors";
import { binaryToBytes, bytesToBinary } from "../bytes";
import { buildDetachedCms, prepareDetachedCms } from "../cms/build-detached-cms";
import { cmsSignerOf, dstuFamilyKey, type FamilyKey } from "../ca/family-keys";
import { canonicalJsonBytes } from "../canonical-json";
import { kupyna256 } from "../kupyna";
import { ALGORITHM_OID } from "../oids";
import {
  createFamilyTestPki,
  generateFamilyKey,
  issueFamilySigner,
  signWithFamily,
  type FamilyTestPki,
  type FamilyTestSigner,
} from "../testing/family-pki";
import { forgeCms } from "../testing/cms-variants";
import { CONSCRIPT, HEAD, createKeyPool, createTestPki, issueTestSigner } from "../testing/test-pki";
import type { CertificateStatus } from "./check-certificate";
import { checkSignatureIntegrity } from "./check-integrity";
import { parseDetachedSignature } from "./parse-signature";
import { certificateFromDer, loadTrustAnchors, type TrustAnchors } from "./trust-anchors";
import { verifyDetachedSignature } from "./verify-detached-signature";

// The three algorithm families through one verifier: ECDSA P-256/P-384 (WebCrypto) and
// DSTU 4145 with GOST 34.311 or Kupyna-256 (jkurwa; Kupyna in lib/kep/kupyna.ts), and the interoperability with jkurwa's own CMS, over
// the public fixtures its npm package ships (used in place, never copied).

const FIXTURES = path.join(process.cwd(), "node_modules/jkurwa/test/data");
const fixture = (name: string) => new Uint8Array(readFileSync(path.join(FIXTURES, name)));

const now = new Date();
const content = canonicalJsonBytes({ edrpou: HEAD.edrpou!, employees: ["1759013776"], nonce: "n-families" });
const statuses = new Map<string, CertificateStatus>();

function verify(signature: Uint8Array, trust: TrustAnchors, signed: Uint8Array = content, at: Date = now) {
  return verifyDetachedSignature({
    signature,
    content: signed,
    trust,
    now: at,
    certificateStatus: async (serial) => statuses.get(serial) ?? null,
  });
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => new Error("прийнято, хоча мало бути відмовлено"),
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

function issue(pki: FamilyTestPki, key: FamilyKey, subject = HEAD): FamilyTestSigner {
  const signer = issueFamilySigner(pki.issuing, key, subject, { now });
  statuses.set(signer.serial, { status: "GOOD", revokedAt: null });
  return signer;
}

/** Flips one byte of the SignerInfo's signature value (the last OCTET STRING of the structure). */
function tamperSignatureValue(signature: Uint8Array, length: number): Uint8Array {
  const copy = Uint8Array.from(signature);
  copy[copy.length - Math.floor(length / 2)]! ^= 0x01;
  return copy;
}

let ecdsa: FamilyTestPki;
let ecdsa384: FamilyTestPki;
let dstu: FamilyTestPki;
let ecdsaHead: FamilyTestSigner;
let dstuHead: FamilyTestSigner;

beforeAll(async () => {
  [ecdsa, ecdsa384, dstu] = await Promise.all([
    createFamilyTestPki("ECDSA-P256", now),
    createFamilyTestPki("ECDSA-P384", now),
    createFamilyTestPki("DSTU4145", now),
  ]);
  ecdsaHead = issue(ecdsa, generateFamilyKey("ECDSA-P256"));
  dstuHead = issue(dstu, generateFamilyKey("DSTU4145"));
}, 120_000);

describe("ECDSA (P-256 with SHA-256, P-384 with SHA-384)", () => {
  it("accepts a P-256 signature and names the family", async () => {
    const signer = await verify(await signWithFamily(ecdsaHead, content), ecdsa.trust);
    expect(signer).toMatchObject({
      rnokpp: HEAD.rnokpp,
      edrpou: HEAD.edrpou,
      algorithm: "ECDSA",
      certificateSerial: ecdsaHead.serial,
    });
  });

  it("accepts a P-384 signature with SHA-384 in every step", async () => {
    const signer384 = issue(ecdsa384, generateFamilyKey("ECDSA-P384"), CONSCRIPT);
    const signature = await signWithFamily(signer384, content);
    const parsed = parseDetachedSignature(signature);
    expect(parsed.digestName).toBe("SHA-384");
    await expect(verify(signature, ecdsa384.trust)).resolves.toMatchObject({
      rnokpp: CONSCRIPT.rnokpp,
      algorithm: "ECDSA",
    });
  });

  it("accepts the signer named by subjectKeyIdentifier", async () => {
    const keyId = certificateFromDer(ecdsaHead.certificateDer).extensions!.find((e) => e.extnID === "2.5.29.14")!
      .parsedValue.valueBlock.valueHexView;
    const signature = await buildDetachedCms(cmsSignerOf(ecdsaHead.key, ecdsaHead.certificateDer), content, {
      subjectKeyIdentifier: keyId,
    });
    await expect(verify(signature, ecdsa.trust)).resolves.toMatchObject({ algorithm: "ECDSA" });
  });

  it("refuses a tampered content byte (CONTENT_MISMATCH) and a tampered signature byte (SIGNATURE_INVALID or SIGNATURE_VALUE_MALFORMED)", async () => {
    const signature = await signWithFamily(ecdsaHead, content);
    const changed = Uint8Array.from(content);
    changed[5]! ^= 0x01;
    expect((await refusal(verify(signature, ecdsa.trust, changed))).code).toBe("CONTENT_MISMATCH");
    expect(["SIGNATURE_INVALID", "SIGNATURE_VALUE_MALFORMED"]).toContain(
      (await refusal(verify(tamperSignatureValue(signature, 20), ecdsa.trust))).code,
    );
  });

  it("refuses an ECDSA key on another curve (secp256k1): CURVE_UNSUPPORTED", async () => {
    const { privateKey } = generateKeyPairSync("ec", { namedCurve: "secp256k1" });
    const key: FamilyKey = {
      ...generateFamilyKey("ECDSA-P256"),
      spkiDer: new Uint8Array(createPublicKey(privateKey).export({ type: "spki", format: "der" })),
      sign: (data) => new Uint8Array(nodeSign("sha256", data, { key: privateKey, dsaEncoding: "der" })),
    };
    const signer = issue(ecdsa, key);
    const error = await refusal(verify(await signWithFamily(signer, content), ecdsa.trust));
    expect([error.code, error.status]).toEqual(["CURVE_UNSUPPORTED", 400]);
  });

  it("refuses an ECDSA signature that names GOST 34.311 as its digest: SIGNATURE_ALGORITHM_MISMATCH", async () => {
    const signer = {
      ...cmsSignerOf(ecdsaHead.key, ecdsaHead.certificateDer),
      digestAlgorithm: ALGORITHM_OID.gost34311,
    };
    expect((await refusal(verify(await buildDetachedCms(signer, content), ecdsa.trust))).code).toBe(
      "SIGNATURE_ALGORITHM_MISMATCH",
    );
  });

  it("refuses an ECDSA certificate from a provider that is not trusted: CERTIFICATE_UNTRUSTED", async () => {
    expect((await refusal(verify(await signWithFamily(ecdsaHead, content), dstu.trust))).code).toBe(
      "CERTIFICATE_UNTRUSTED",
    );
  });
});

describe("DSTU 4145 with GOST 34.311", () => {
  it("accepts a DSTU 4145 signature from a DSTU provider", async () => {
    const signature = await signWithFamily(dstuHead, content);
    expect(parseDetachedSignature(signature).digestName).toBe("GOST34311");
    await expect(verify(signature, dstu.trust)).resolves.toMatchObject({
      rnokpp: HEAD.rnokpp,
      algorithm: "DSTU4145",
      fullName: HEAD.fullName,
    });
  });

  it("refuses a tampered content byte: CONTENT_MISMATCH", async () => {
    const changed = Uint8Array.from(content);
    changed[changed.length - 3]! ^= 0x20;
    expect((await refusal(verify(await signWithFamily(dstuHead, content), dstu.trust, changed))).code).toBe(
      "CONTENT_MISMATCH",
    );
  });

  it("refuses a DSTU signature whose value has one byte changed: SIGNATURE_INVALID", async () => {
    const signature = await signWithFamily(dstuHead, content);
    expect((await refusal(verify(tamperSignatureValue(signature, 64), dstu.trust))).code).toBe("SIGNATURE_INVALID");
  });

  it("refuses a DSTU algorithm OID with a value that is no DSTU signature: SIGNATURE_VALUE_MALFORMED", async () => {
    for (const value of [
      new Uint8Array(0),
      new Uint8Array(63).fill(7),
      new Uint8Array(64),
      new Uint8Array(200).fill(1),
    ]) {
      const signer = { ...cmsSignerOf(dstuHead.key, dstuHead.certificateDer), sign: () => value };
      const error = await refusal(verify(await buildDetachedCms(signer, content), dstu.trust));
      expect([error.code, error.status], `value of ${value.length} bytes`).toEqual(["SIGNATURE_VALUE_MALFORMED", 400]);
    }
  });

  it("refuses a DSTU key that claims an ECDSA signature: SIGNATURE_ALGORITHM_MISMATCH", async () => {
    const signer = {
      ...cmsSignerOf(dstuHead.key, dstuHead.certificateDer),
      signatureAlgorithm: ALGORITHM_OID.ecdsaWithSha256,
      digestAlgorithm: ALGORITHM_OID.sha256,
    };
    expect(
      (
        await refusal(
          verify(
            await buildDetachedCms(
              { ...signer, digest: cmsSignerOf(ecdsaHead.key, ecdsaHead.certificateDer).digest },
              content,
            ),
            dstu.trust,
          ),
        )
      ).code,
    ).toBe("SIGNATURE_ALGORITHM_MISMATCH");
  });

  it("checks signingCertificateV2 with GOST 34.311: another certificate of the same key is refused", async () => {
    const twin = issueFamilySigner(dstu.issuing, dstuHead.key, HEAD, { now });
    statuses.set(twin.serial, { status: "GOOD", revokedAt: null });
    const signature = await signWithFamily(dstuHead, content);
    // Swap the carried certificate and the SID's serial for the twin's: the ESS hash still names the first.
    const cms = forge.asn1.fromDer(bytesToBinary(signature), true);
    const signedData = ((cms.value as forge.asn1.Asn1[])[1]!.value as forge.asn1.Asn1[])[0]!.value as forge.asn1.Asn1[];
    const twinAsn1 = forge.asn1.fromDer(bytesToBinary(twin.certificateDer), true);
    signedData[3]!.value = [twinAsn1];
    const signerInfo = (signedData[4]!.value as forge.asn1.Asn1[])[0]!.value as forge.asn1.Asn1[];
    const tbs = (twinAsn1.value as forge.asn1.Asn1[])[0]!.value as forge.asn1.Asn1[];
    (signerInfo[1]!.value as forge.asn1.Asn1[])[1] = tbs[1]!;
    const swapped = binaryToBytes(forge.asn1.toDer(cms).getBytes());
    expect((await refusal(verify(swapped, dstu.trust))).code).toBe("SIGNING_CERTIFICATE_MISMATCH");
  });
});

describe("DSTU 4145 with Kupyna-256 (DSTU 7564)", () => {
  /** The head's own jkurwa key, signing CMS with Kupyna-256: jkurwa's Priv.sign over the Kupyna hash value. */
  let kupynaHead: FamilyTestSigner;
  let priv: Priv;
  const gostHash = (bytes: Uint8Array) => new Uint8Array(gost89.compat.algos().hash(Buffer.from(bytes)));

  beforeAll(() => {
    const stored = jk.Priv.from_asn1(Buffer.from(dstuHead.key.exportPrivate().value, "base64"));
    priv = "keys" in stored ? stored.keys[0]! : stored;
    kupynaHead = { ...dstuHead, key: dstuFamilyKey(priv, "KUPYNA256") };
  });

  it("accepts it: messageDigest, the signature value and signingCertificateV2 all hash with Kupyna-256", async () => {
    const signature = await signWithFamily(kupynaHead, content);
    const parsed = parseDetachedSignature(signature);
    expect(parsed.digestName).toBe("KUPYNA256");
    expect(parsed.signerInfo.digestAlgorithm.algorithmId).toBe(ALGORITHM_OID.kupyna256);
    expect(Buffer.from(parsed.messageDigest).toString("hex")).toBe(Buffer.from(kupyna256(content)).toString("hex"));
    // The value is over the Kupyna hash of the signed attributes, not the GOST one (jkurwa checks it directly).
    const value = Buffer.from(parsed.signerInfo.signature.getValue());
    const pub = jk.Certificate.from_asn1(Buffer.from(dstuHead.certificateDer)).pubkey_unpack();
    expect(pub.verify(Buffer.from(kupyna256(parsed.signedAttributesDer)), value, "le")).toBe(true);
    expect(pub.verify(Buffer.from(gostHash(parsed.signedAttributesDer)), value, "le")).toBe(false);
    await expect(verify(signature, dstu.trust)).resolves.toMatchObject({
      rnokpp: HEAD.rnokpp,
      algorithm: "DSTU4145",
      certificateSerial: dstuHead.serial,
    });
  });

  it("refuses a tampered content byte (CONTENT_MISMATCH) and a changed signature byte (SIGNATURE_INVALID)", async () => {
    const signature = await signWithFamily(kupynaHead, content);
    const changed = Uint8Array.from(content);
    changed[5]! ^= 0x01;
    expect((await refusal(verify(signature, dstu.trust, changed))).code).toBe("CONTENT_MISMATCH");
    expect((await refusal(verify(tamperSignatureValue(signature, 64), dstu.trust))).code).toBe("SIGNATURE_INVALID");
  });

  it("refuses a signature that names Kupyna-256 but whose value was made over the GOST 34.311 hash: SIGNATURE_INVALID", async () => {
    const signer = {
      ...cmsSignerOf(kupynaHead.key, kupynaHead.certificateDer),
      sign: (bytes: Uint8Array) => new Uint8Array(priv.sign(Buffer.from(gostHash(bytes)), "le")),
    };
    expect((await refusal(verify(await buildDetachedCms(signer, content), dstu.trust))).code).toBe("SIGNATURE_INVALID");
  });

  it("refuses signingCertificateV2 that names Kupyna-256 over a GOST 34.311 hash of the certificate: SIGNING_CERTIFICATE_MISMATCH", async () => {
    const signer = cmsSignerOf(kupynaHead.key, kupynaHead.certificateDer);
    const prepared = prepareDetachedCms(signer, {
      content: kupyna256(content),
      certificate: gostHash(kupynaHead.certificateDer),
    });
    const signature = prepared.finish(kupynaHead.key.sign(prepared.signedAttributesDer));
    expect((await refusal(verify(signature, dstu.trust))).code).toBe("SIGNING_CERTIFICATE_MISMATCH");
  });

  it("refuses Kupyna-256 with an ECDSA key (SIGNATURE_ALGORITHM_MISMATCH) and Kupyna-512, naming it (SIGNATURE_ALGORITHM_UNSUPPORTED)", async () => {
    const ecdsaKupyna = {
      ...cmsSignerOf(ecdsaHead.key, ecdsaHead.certificateDer),
      digestAlgorithm: ALGORITHM_OID.kupyna256,
      digest: kupyna256,
    };
    expect((await refusal(verify(await buildDetachedCms(ecdsaKupyna, content), ecdsa.trust))).code).toBe(
      "SIGNATURE_ALGORITHM_MISMATCH",
    );
    const kupyna512 = {
      ...cmsSignerOf(kupynaHead.key, kupynaHead.certificateDer),
      digestAlgorithm: `${ALGORITHM_OID.kupynaPrefix}3`,
    };
    const error = await refusal(verify(await buildDetachedCms(kupyna512, content), dstu.trust));
    expect([error.code, error.status]).toEqual(["SIGNATURE_ALGORITHM_UNSUPPORTED", 400]);
    expect(error.message).toContain("Купина");
  });

  it("a GOST 34.311 signature of the same key still verifies beside it", async () => {
    const signature = await signWithFamily(dstuHead, content);
    expect(parseDetachedSignature(signature).digestName).toBe("GOST34311");
    await expect(verify(signature, dstu.trust)).resolves.toMatchObject({ algorithm: "DSTU4145" });
  });
});

describe("interoperability with jkurwa", () => {
  const algo = gost89.compat.algos();

  it("a signature made by jkurwa's own CMS signer over the canonical bytes verifies in Броня; a tampered byte is refused", async () => {
    const priv = jk.Priv.from_asn1(Buffer.from(dstuHead.key.exportPrivate().value, "base64"));
    const box = new jk.Box({ algo });
    box.load({
      priv: "keys" in priv ? priv.keys[0] : priv,
      cert: jk.Certificate.from_asn1(Buffer.from(dstuHead.certificateDer)),
    });
    const message = await box.sign(Buffer.from(content), null, null, {
      detached: true,
      time: Math.floor(now.getTime() / 1000) - 60,
    });
    const signature = new Uint8Array(message.as_asn1());
    await expect(verify(signature, dstu.trust)).resolves.toMatchObject({ rnokpp: HEAD.rnokpp, algorithm: "DSTU4145" });
    const changed = Uint8Array.from(content);
    changed[0]! ^= 0x01;
    expect((await refusal(verify(signature, dstu.trust, changed))).code).toBe("CONTENT_MISMATCH");
  });

  it("Броня's DSTU signature verifies with jkurwa; a tampered byte is refused by it", async () => {
    const signature = Buffer.from(await signWithFamily(dstuHead, content));
    const box = new jk.Box({ algo });
    const ok = await box.unwrap(signature, Buffer.from(content));
    expect(ok.error).toBeUndefined();
    expect(ok.pipe[0]).toMatchObject({ signed: true });
    const changed = Buffer.from(content);
    changed[1]! ^= 0x01;
    expect((await box.unwrap(signature, changed)).error).toBe("ESIGN");
  });

  it("jkurwa's fixture message_detached.p7 (content «123»): integrity holds, «124» does not, and its self-made issuer is not trusted", async () => {
    const signature = fixture("message_detached.p7");
    const parsed = parseDetachedSignature(signature);
    expect(parsed.digestName).toBe("GOST34311");
    await expect(checkSignatureIntegrity(parsed, new TextEncoder().encode("123"))).resolves.toBeUndefined();
    await expect(checkSignatureIntegrity(parsed, new TextEncoder().encode("124"))).rejects.toMatchObject({
      code: "CONTENT_MISMATCH",
    });
    const signedAt = new Date(1540236305000 + 60_000);
    expect((await refusal(verify(signature, dstu.trust, new TextEncoder().encode("123"), signedAt))).code).toBe(
      "CERTIFICATE_UNTRUSTED",
    );
  });

  it("verifies the ЦЗО chain of the fixtures: the Justice CA (DSTU 257) under the ЦЗО root (DSTU 431)", async () => {
    const trust = await loadTrustAnchors(
      {
        roots: [fixture("CZOROOT.cer")],
        intermediates: [fixture("CA-Justice.cer"), fixture("CA-Justice-ECDSA-261217.cer")],
      },
      { strict: false },
    );
    expect(trust.cas.map((ca) => ca.root)).toEqual([true, false]);
    // The ECDSA Justice CA is certified by the ЦЗО's ECDSA root, which the bundle lacks.
    expect(trust.rejected).toHaveLength(1);
  });
});

describe("signer matching by RFC 5280 names", () => {
  it("a plain PKCS#7 from node-forge, whose Cyrillic issuer in the signer identifier is re-encoded, finds its certificate", async () => {
    const keys = await createKeyPool(3);
    const pki = await createTestPki([keys[0]!, keys[1]!], now);
    const head = issueTestSigner(pki.issuing, keys[2]!, HEAD, { now });
    statuses.set(head.serial, { status: "GOOD", revokedAt: null });
    const raw = forgeCms({ content, signers: [head], repairIssuer: false });
    // Not CERTIFICATE_MISSING: the certificate is found; what such a signature lacks is the CAdES attribute.
    expect((await refusal(verify(raw, pki.trust))).code).toBe("SIGNING_CERTIFICATE_MISSING");
  });

  it("a signer identifier whose issuer uses another string type (BMPString for UTF8String) matches", async () => {
    const signature = await signWithFamily(ecdsaHead, content);
    const cms = forge.asn1.fromDer(bytesToBinary(signature), true);
    const signedData = ((cms.value as forge.asn1.Asn1[])[1]!.value as forge.asn1.Asn1[])[0]!.value as forge.asn1.Asn1[];
    const signerInfo = (signedData[4]!.value as forge.asn1.Asn1[])[0]!.value as forge.asn1.Asn1[];
    const issuer = (signerInfo[1]!.value as forge.asn1.Asn1[])[0]!;
    let changed = 0;
    for (const rdn of issuer.value as forge.asn1.Asn1[]) {
      for (const attribute of rdn.value as forge.asn1.Asn1[]) {
        const value = (attribute.value as forge.asn1.Asn1[])[1]!;
        if (value.type !== forge.asn1.Type.UTF8) continue;
        const text = forge.util.decodeUtf8(value.value as string);
        // Upper case too: RFC 5280 compares case-insensitively.
        value.type = forge.asn1.Type.BMPSTRING;
        // forge writes a BMPString's characters as UCS-2 itself.
        value.value = text.toUpperCase();
        changed++;
      }
    }
    expect(changed).toBeGreaterThan(0);
    const reencoded = binaryToBytes(forge.asn1.toDer(cms).getBytes());
    await expect(verify(reencoded, ecdsa.trust)).resolves.toMatchObject({ algorithm: "ECDSA" });
  });
});
