import "server-only";
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign as nodeSign, type KeyObject } from "node:crypto";
import * as asn1js from "asn1js";
import forge from "node-forge";
import gost89 from "gost89";
import jk, { type Priv } from "jkurwa";
import * as pkijs from "pkijs";
import { toArrayBuffer } from "../bytes";
import type { CmsSigner } from "../cms/build-detached-cms";
import { ALGORITHM_OID } from "../oids";
import { digest, type DigestName, type KeyFamily } from "../verify/algorithms";

// Keys of the three families on the server (the test provider's CAs, demo users' keys, tests):
// each with its SubjectPublicKeyInfo and two signing forms, one for CMS and one for X.509
// (DSTU 4145 wraps the value in an OCTET STRING inside a certificate's BIT STRING).
// RSA and ECDSA through Node's crypto, DSTU 4145 through jkurwa: no curve arithmetic here.

export type FamilyKey = {
  family: KeyFamily;
  /** "ECDSA-P256" etc., as index.json names it. */
  label: "RSA" | "ECDSA-P256" | "ECDSA-P384" | "DSTU4145";
  spkiDer: Uint8Array;
  digestName: DigestName;
  digestAlgorithm: string;
  signatureAlgorithm: string;
  /** AlgorithmIdentifier of certificates and CRLs this key signs. */
  certificateSignatureAlgorithm: string;
  nullParameters: boolean;
  /** The signature value as CMS SignerInfo carries it. */
  sign(data: Uint8Array): Uint8Array;
  /** The signature value as an X.509 certificate or CRL carries it in its BIT STRING. */
  signForCertificate(data: Uint8Array): Uint8Array;
  /** The private key in the form the provider stores it: PKCS#8 PEM (RSA, ECDSA) or jkurwa's DER (DSTU). */
  exportPrivate(): { format: "pkcs8-pem" | "dstu-der"; value: string };
};

const DIGEST_OID: Record<DigestName, string> = {
  "SHA-256": ALGORITHM_OID.sha256,
  "SHA-384": ALGORITHM_OID.sha384,
  GOST34311: ALGORITHM_OID.gost34311,
  KUPYNA256: ALGORITHM_OID.kupyna256,
};

export function cmsSignerOf(key: FamilyKey, certificateDer: Uint8Array): CmsSigner {
  return {
    certificateDer,
    digestAlgorithm: key.digestAlgorithm,
    digest: (bytes) => digest(key.digestName, bytes),
    signatureAlgorithm: key.signatureAlgorithm,
    nullParameters: key.nullParameters,
    sign: (bytes) => key.sign(bytes),
  };
}

function nodeKey(family: "RSA" | "ECDSA", privateKey: KeyObject, curve?: "P-256" | "P-384"): FamilyKey {
  const digestName: DigestName = curve === "P-384" ? "SHA-384" : "SHA-256";
  const hash = digestName === "SHA-384" ? "sha384" : "sha256";
  const spkiDer = new Uint8Array(createPublicKey(privateKey).export({ type: "spki", format: "der" }));
  const sign = (data: Uint8Array) =>
    new Uint8Array(nodeSign(hash, data, family === "ECDSA" ? { key: privateKey, dsaEncoding: "der" } : privateKey));
  const signatureAlgorithm =
    family === "RSA"
      ? ALGORITHM_OID.sha256WithRsaEncryption
      : digestName === "SHA-384"
        ? ALGORITHM_OID.ecdsaWithSha384
        : ALGORITHM_OID.ecdsaWithSha256;
  return {
    family,
    label: family === "RSA" ? "RSA" : curve === "P-384" ? "ECDSA-P384" : "ECDSA-P256",
    spkiDer,
    digestName,
    digestAlgorithm: DIGEST_OID[digestName],
    signatureAlgorithm: family === "RSA" ? ALGORITHM_OID.rsaEncryption : signatureAlgorithm,
    certificateSignatureAlgorithm: signatureAlgorithm,
    nullParameters: family === "RSA",
    sign,
    signForCertificate: sign,
    exportPrivate: () => ({
      format: "pkcs8-pem",
      value: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
    }),
  };
}

export function generateEcdsaKey(curve: "P-256" | "P-384" = "P-256"): FamilyKey {
  const { privateKey } = generateKeyPairSync("ec", { namedCurve: curve });
  return nodeKey("ECDSA", privateKey, curve);
}

export function rsaFamilyKey(privateKey: forge.pki.rsa.PrivateKey): FamilyKey {
  const pem = forge.pki.privateKeyInfoToPem(forge.pki.wrapRsaPrivateKey(forge.pki.privateKeyToAsn1(privateKey)));
  return nodeKey("RSA", createPrivateKey(pem));
}

export function familyKeyFromPem(pem: string): FamilyKey {
  const privateKey = createPrivateKey(pem);
  if (privateKey.asymmetricKeyType === "ec") {
    const curve = privateKey.asymmetricKeyDetails?.namedCurve === "secp384r1" ? "P-384" : "P-256";
    return nodeKey("ECDSA", privateKey, curve);
  }
  return nodeKey("RSA", privateKey);
}

const gost = () => gost89.compat.algos();

/** The SubjectPublicKeyInfo jkurwa writes for a DSTU 4145 key (curve and S-box parameters). */
function dstuSpki(priv: Priv): Uint8Array {
  const certificate = jk.Certificate.signCert({
    privkey: priv,
    hash: gost().hash,
    certData: {
      serial: 1,
      issuer: { commonName: "spki" },
      subject: { commonName: "spki" },
      valid: { from: Date.UTC(2020, 0, 1), to: Date.UTC(2021, 0, 1) },
      usage: "\x03\x02\x06\xc0",
    },
  });
  const parsed = new pkijs.Certificate({ schema: asn1js.fromBER(toArrayBuffer(certificate.as_asn1())).result });
  return new Uint8Array(parsed.subjectPublicKeyInfo.toSchema().toBER(false));
}

/**
 * A DSTU 4145 key; its CMS signatures hash with GOST 34.311 or, when asked, Kupyna-256
 * (DSTU 7564). Certificates and CRLs it signs always hash with GOST 34.311, as their
 * algorithm identifier implies.
 */
export function dstuFamilyKey(priv: Priv, cmsDigest: "GOST34311" | "KUPYNA256" = "GOST34311"): FamilyKey {
  const spkiDer = dstuSpki(priv);
  const signHash = (hash: Uint8Array) => new Uint8Array(priv.sign(Buffer.from(hash), "le"));
  return {
    family: "DSTU4145",
    label: "DSTU4145",
    spkiDer,
    digestName: cmsDigest,
    digestAlgorithm: DIGEST_OID[cmsDigest],
    signatureAlgorithm: ALGORITHM_OID.dstu4145le,
    certificateSignatureAlgorithm: ALGORITHM_OID.dstu4145le,
    nullParameters: false,
    sign: (data) => signHash(digest(cmsDigest, data)),
    signForCertificate: (data) => {
      const value = signHash(digest("GOST34311", data));
      return Uint8Array.from([0x04, value.length, ...value]);
    },
    exportPrivate: () => ({ format: "dstu-der", value: Buffer.from(priv.to_asn1()).toString("base64") }),
  };
}

/** A DSTU 4145 key on the 257-bit polynomial-basis curve, the one Ukrainian providers issue. */
export function generateDstuKey(): FamilyKey {
  return dstuFamilyKey(jk.std_curve("DSTU_PB_257").keygen());
}

export function dstuKeyFromDer(base64: string): FamilyKey {
  const parsed = jk.Priv.from_asn1(Buffer.from(base64, "base64"));
  const priv = "keys" in parsed ? parsed.keys[0]! : parsed;
  return dstuFamilyKey(priv);
}
