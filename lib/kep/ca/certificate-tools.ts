import forge from "node-forge";
import { binaryToBytes, bytesToBinary, bytesToHex } from "../bytes";
import type { ForgeExtension } from "./extensions";
import { fromParsedName, type NameAttribute } from "./subject-name";

// Shared steps of building a certificate with forge. Browser-safe (the browser only reads
// certificates, but nothing here needs Node).

export type CaMaterial = {
  certificate: forge.pki.Certificate;
  privateKey: forge.pki.rsa.PrivateKey;
};

export type Validity = { validFrom: Date; validTo: Date };

/** 16 random bytes as a positive INTEGER: first byte 0x01–0x7f, so no sign or padding byte. */
export function randomSerialHex(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  bytes[0] = (bytes[0]! % 0x7f) + 1;
  return bytesToHex(bytes);
}

/** SHA-1 of the subjectPublicKey BIT STRING (RFC 5280 §4.2.1.2 method 1), as forge bytes. */
export function keyIdentifier(publicKey: forge.pki.rsa.PublicKey): string {
  const certificate = forge.pki.createCertificate();
  certificate.publicKey = publicKey;
  return certificate.generateSubjectKeyIdentifier().getBytes();
}

export function certificateToDer(certificate: forge.pki.Certificate): Uint8Array<ArrayBuffer> {
  return binaryToBytes(forge.asn1.toDer(forge.pki.certificateToAsn1(certificate)).getBytes());
}

export function certificateFromDer(der: Uint8Array): forge.pki.Certificate {
  return forge.pki.certificateFromAsn1(forge.asn1.fromDer(bytesToBinary(der), true));
}

export type CertificateDraft = {
  serial?: string;
  subject: NameAttribute[];
  issuer: NameAttribute[];
  publicKey: forge.pki.rsa.PublicKey;
  validity: Validity;
  extensions: ForgeExtension[];
};

/**
 * Signs a certificate with SHA-256 and returns it parsed back from its DER, so every
 * certificate in the process has the same shape (raw UTF-8 name values) whoever built it.
 */
export function signCertificate(draft: CertificateDraft, signingKey: forge.pki.rsa.PrivateKey): forge.pki.Certificate {
  if (draft.validity.validTo.getTime() <= draft.validity.validFrom.getTime()) {
    throw new RangeError("Кінець строку дії сертифіката має бути пізніше за початок");
  }
  const certificate = forge.pki.createCertificate();
  certificate.serialNumber = draft.serial ?? randomSerialHex();
  certificate.publicKey = draft.publicKey;
  certificate.validity.notBefore = draft.validity.validFrom;
  certificate.validity.notAfter = draft.validity.validTo;
  certificate.setSubject(draft.subject as forge.pki.CertificateField[]);
  certificate.setIssuer(draft.issuer as forge.pki.CertificateField[]);
  certificate.setExtensions(draft.extensions);
  certificate.sign(signingKey, forge.md.sha256.create());
  return certificateFromDer(certificateToDer(certificate));
}

/** The issuer side of a new certificate: the CA's subject name and key identifier. */
export function issuerOf(ca: CaMaterial): { name: NameAttribute[]; keyId: string } {
  return {
    name: fromParsedName(ca.certificate.subject.attributes),
    keyId: keyIdentifier(ca.certificate.publicKey as forge.pki.rsa.PublicKey),
  };
}
