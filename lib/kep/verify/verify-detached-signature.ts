import "server-only";
import { AppError } from "@/lib/errors";
import { bytesToHex, normalizeSerial } from "../bytes";
import { readCertificateIdentityFromDer } from "../certificate-identity";
import { kepError } from "../errors";
import { checkSignatureIntegrity } from "./check-integrity";
import {
  checkIssuedByProvider,
  checkNonRepudiation,
  checkNotRevoked,
  checkValidity,
  type CertificateStatusLookup,
} from "./check-certificate";
import { publicKeyAlgorithmOf, type KeyFamily } from "./algorithms";
import { parseDetachedSignature, type ParsedSignature } from "./parse-signature";
import type { TrustAnchors, TrustedCa } from "./trust-anchors";

// Steps 1–6 of the spec's verification, in order, each failure its own code. Framework- and
// database-free: the caller supplies the trust anchors and the provider's certificate status.

export type SignerIdentity = {
  rnokpp: string;
  edrpou?: string;
  fullName: string;
  organization?: string;
  title?: string;
  certificateSerial: string;
  signingTime: Date;
  notBefore: Date;
  notAfter: Date;
};

export type VerifiedSignature = SignerIdentity & {
  certificateDer: Uint8Array;
  issuerName: string;
  /** RSA, ECDSA or DSTU4145: the family of the signer's key. */
  algorithm: KeyFamily;
};

export type VerifyDetachedSignatureOptions = {
  signature: Uint8Array;
  /** The canonical bytes the server rebuilt from what was submitted. */
  content: Uint8Array;
  trust: TrustAnchors;
  certificateStatus: CertificateStatusLookup;
  now: Date;
};

/** A signer's clock may run a little ahead of the server's. */
export const CLOCK_SKEW_MS = 5 * 60 * 1000;

export async function verifyDetachedSignature(options: VerifyDetachedSignatureOptions): Promise<VerifiedSignature> {
  const { parsed, issuer } = await cryptographicSteps(options);
  checkValidity(parsed.certificate, issuer, { signingTime: parsed.signingTime, now: options.now });
  const serial = normalizeSerial(bytesToHex(parsed.certificate.serialNumber.valueBlock.valueHexView));
  // Outside the structural catch-all: a database failure here is not a malformed signature.
  await checkNotRevoked(serial, options.certificateStatus, { certificate: parsed.certificate, issuer });
  checkNonRepudiation(parsed.certificate);
  const identity = readCertificateIdentityFromDer(parsed.certificateDer);
  const signer: VerifiedSignature = {
    rnokpp: identity.rnokpp,
    fullName: identity.fullName,
    certificateSerial: serial,
    signingTime: parsed.signingTime,
    notBefore: identity.notBefore,
    notAfter: identity.notAfter,
    certificateDer: parsed.certificateDer,
    issuerName: identity.issuerName,
    algorithm: publicKeyAlgorithmOf(parsed.certificate.subjectPublicKeyInfo).family,
  };
  if (identity.edrpou) signer.edrpou = identity.edrpou;
  if (identity.organization) signer.organization = identity.organization;
  if (identity.title) signer.title = identity.title;
  return signer;
}

/** Steps 1–4: structure, content digest, signature, issuer. */
async function cryptographicSteps(
  options: VerifyDetachedSignatureOptions,
): Promise<{ parsed: ParsedSignature; issuer: TrustedCa }> {
  try {
    const parsed = parseDetachedSignature(options.signature);
    if (parsed.signingTime.getTime() > options.now.getTime() + CLOCK_SKEW_MS) throw kepError("SIGNING_TIME_IN_FUTURE");
    await checkSignatureIntegrity(parsed, options.content);
    const issuer = await checkIssuedByProvider(parsed.certificate, parsed.certificateDer, options.trust);
    return { parsed, issuer };
  } catch (error) {
    if (error instanceof AppError) throw error;
    // pkijs and asn1js throw plain errors on structures they cannot read.
    throw kepError("SIGNATURE_MALFORMED", undefined, {
      detail: error instanceof Error ? error.message : String(error),
    });
  }
}
