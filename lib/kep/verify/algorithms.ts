import "server-only";
import { createHash } from "node:crypto";
import * as asn1js from "asn1js";
import gost89 from "gost89";
import type * as pkijs from "pkijs";
import { kepError } from "../errors";
import { kupyna256 } from "../kupyna";
import { ALGORITHM_OID } from "../oids";

// The three algorithm families the verifier accepts and the digests each may use. One table so
// that a signature names its algorithms once and every step (messageDigest, the signature over
// the signed attributes, signingCertificateV2, the certificate chain) follows it.

export type DigestName = "SHA-256" | "SHA-384" | "GOST34311" | "KUPYNA256";
export type KeyFamily = "RSA" | "ECDSA" | "DSTU4145";
export type EcCurve = "P-256" | "P-384";

const DIGESTS: Record<string, DigestName> = {
  [ALGORITHM_OID.sha256]: "SHA-256",
  [ALGORITHM_OID.sha384]: "SHA-384",
  [ALGORITHM_OID.gost34311]: "GOST34311",
  [ALGORITHM_OID.kupyna256]: "KUPYNA256",
};

const DIGEST_FAMILIES: Record<KeyFamily, readonly DigestName[]> = {
  RSA: ["SHA-256", "SHA-384"],
  ECDSA: ["SHA-256", "SHA-384"],
  DSTU4145: ["GOST34311", "KUPYNA256"],
};

/**
 * Signature algorithm identifiers: the family they belong to and the hash they name, if any.
 * The DSTU 4145 identifier names the key algorithm only: certificates, CRLs and OCSP responses
 * signed under it use GOST 34.311 (`digest`), while a CMS signer names its hash (GOST 34.311 or
 * Kupyna-256) in its digestAlgorithm (`digestFromSigner`).
 */
type SignatureAlgorithm = { family: KeyFamily; digest?: DigestName; digestFromSigner?: true };

const SIGNATURE_ALGORITHMS: Record<string, SignatureAlgorithm> = {
  [ALGORITHM_OID.rsaEncryption]: { family: "RSA" },
  [ALGORITHM_OID.sha256WithRsaEncryption]: { family: "RSA", digest: "SHA-256" },
  [ALGORITHM_OID.sha384WithRsaEncryption]: { family: "RSA", digest: "SHA-384" },
  [ALGORITHM_OID.ecPublicKey]: { family: "ECDSA" },
  [ALGORITHM_OID.ecdsaWithSha256]: { family: "ECDSA", digest: "SHA-256" },
  [ALGORITHM_OID.ecdsaWithSha384]: { family: "ECDSA", digest: "SHA-384" },
  [ALGORITHM_OID.dstu4145le]: { family: "DSTU4145", digest: "GOST34311", digestFromSigner: true },
};

const CURVES: Record<string, EcCurve> = {
  [ALGORITHM_OID.p256]: "P-256",
  [ALGORITHM_OID.p384]: "P-384",
};

export const FAMILY_LABEL: Record<KeyFamily, string> = { RSA: "RSA", ECDSA: "ECDSA", DSTU4145: "ДСТУ 4145" };

const unsupported = (message: string, details?: Record<string, unknown>) =>
  kepError("SIGNATURE_ALGORITHM_UNSUPPORTED", message, details);

/** The digest a signature names; Kupyna-384/512 are named in the refusal. */
export function digestNamed(oid: string): DigestName {
  const digest = DIGESTS[oid];
  if (digest) return digest;
  if (oid.startsWith(ALGORITHM_OID.kupynaPrefix)) {
    throw unsupported(
      "Геш ДСТУ 7564 (Купина) підтримується лише з довжиною 256 біт: підпишіть ключем ДСТУ 4145 з гешем Купина-256 або ГОСТ 34.311",
      { oid },
    );
  }
  throw unsupported(
    "Алгоритм гешування не підтримується: потрібен ГОСТ 34.311 або Купина-256 (ДСТУ 4145), SHA-256 або SHA-384 (ECDSA, RSA)",
    { oid },
  );
}

export function signatureAlgorithmNamed(oid: string): SignatureAlgorithm {
  const algorithm = SIGNATURE_ALGORITHMS[oid];
  if (algorithm) return algorithm;
  throw unsupported("Алгоритм підпису не підтримується: потрібен ДСТУ 4145, ECDSA або RSA", { oid });
}

export type PublicKeyAlgorithm = { family: "RSA" } | { family: "ECDSA"; curve: EcCurve } | { family: "DSTU4145" };

/** The family of a certificate's key; an ECDSA key on another curve than P-256/P-384 is refused. */
export function publicKeyAlgorithmOf(info: pkijs.PublicKeyInfo): PublicKeyAlgorithm {
  const oid = info.algorithm.algorithmId;
  if (oid === ALGORITHM_OID.rsaEncryption) return { family: "RSA" };
  if (oid === ALGORITHM_OID.dstu4145le) return { family: "DSTU4145" };
  if (oid === ALGORITHM_OID.ecPublicKey) {
    const parameters = info.algorithm.algorithmParams;
    const curveOid = parameters instanceof asn1js.ObjectIdentifier ? parameters.valueBlock.toString() : "";
    const curve = CURVES[curveOid];
    if (!curve) throw kepError("CURVE_UNSUPPORTED", undefined, { curve: curveOid || "явні параметри" });
    return { family: "ECDSA", curve };
  }
  if (oid === ALGORITHM_OID.dstu4145be) {
    throw unsupported("Ключ ДСТУ 4145 у поданні big-endian не підтримується", { oid });
  }
  throw unsupported("Ключ сертифіката не є ключем ДСТУ 4145, ECDSA чи RSA", { oid });
}

/**
 * The signer's key, the signature algorithm and the digest must agree: a DSTU key signs with
 * GOST 34.311 or Kupyna-256, ECDSA and RSA with SHA-256/384, and the digest named twice is the same one.
 */
export function checkAlgorithmsAgree(key: PublicKeyAlgorithm, signatureAlgorithmOid: string, digest: DigestName): void {
  const signature = signatureAlgorithmNamed(signatureAlgorithmOid);
  if (signature.family !== key.family) {
    throw kepError("SIGNATURE_ALGORITHM_MISMATCH", undefined, { key: key.family, signature: signature.family });
  }
  const namedDigest = signature.digestFromSigner ? undefined : signature.digest;
  if ((namedDigest && namedDigest !== digest) || !DIGEST_FAMILIES[key.family].includes(digest)) {
    throw kepError(
      "SIGNATURE_ALGORITHM_MISMATCH",
      `Геш ${digest} не відповідає алгоритму підпису ${FAMILY_LABEL[key.family]}`,
      { key: key.family, digest },
    );
  }
}

export function digest(name: DigestName, bytes: Uint8Array): Uint8Array {
  if (name === "KUPYNA256") return kupyna256(bytes);
  if (name === "GOST34311")
    return new Uint8Array(gost89.compat.algos().hash(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length)));
  return new Uint8Array(
    createHash(name === "SHA-256" ? "sha256" : "sha384")
      .update(bytes)
      .digest(),
  );
}
