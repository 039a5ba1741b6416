import forge from "node-forge";
import { bytesToBinary } from "../bytes";
import { readCertificateIdentity, type CertificateIdentity } from "../certificate-identity";
import { kepError } from "../errors";

// Opens a PKCS#12 key file in the browser. The private key stays in this tab's memory; the
// caller shows the identity to the holder before anything is signed.

export type OpenedKeyFile = {
  privateKey: forge.pki.rsa.PrivateKey;
  certificate: forge.pki.Certificate;
  /** The other certificates in the file (the provider's chain). */
  chain: forge.pki.Certificate[];
  identity: CertificateIdentity;
};

/** Real key files are a few kilobytes; anything far larger is not one. */
export const MAX_KEY_FILE_BYTES = 256 * 1024;

const WRONG_PASSWORD_MESSAGES = [
  "MAC could not be verified",
  "Unable to decrypt PKCS#8 ShroudedKeyBag",
  "Failed to decrypt PKCS#12 SafeContents",
];

function parsePfx(file: Uint8Array, password: string): forge.pkcs12.Pkcs12Pfx {
  if (file.length === 0 || file.length > MAX_KEY_FILE_BYTES) throw kepError("BAD_KEY_FILE");
  let asn1: forge.asn1.Asn1;
  try {
    asn1 = forge.asn1.fromDer(bytesToBinary(file), true);
  } catch {
    throw kepError("BAD_KEY_FILE");
  }
  try {
    return forge.pkcs12.pkcs12FromAsn1(asn1, true, password);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (WRONG_PASSWORD_MESSAGES.some((known) => message.includes(known))) throw kepError("WRONG_PASSWORD");
    throw kepError("BAD_KEY_FILE");
  }
}

function sameKey(certificate: forge.pki.Certificate, privateKey: forge.pki.rsa.PrivateKey): boolean {
  const publicKey = certificate.publicKey as Partial<forge.pki.rsa.PublicKey>;
  return Boolean(publicKey.n && publicKey.e && publicKey.n.equals(privateKey.n) && publicKey.e.equals(privateKey.e));
}

export function openKeyFile(file: Uint8Array, password: string): OpenedKeyFile {
  const pfx = parsePfx(file, password);
  const oids = forge.pki.oids as Record<string, string>;
  const keyBags = [
    ...(pfx.getBags({ bagType: oids.pkcs8ShroudedKeyBag! })[oids.pkcs8ShroudedKeyBag!] ?? []),
    ...(pfx.getBags({ bagType: oids.keyBag! })[oids.keyBag!] ?? []),
  ];
  if (keyBags.length === 0) throw kepError("NO_PRIVATE_KEY");
  // forge leaves `key` null for a key it cannot read (EC, DSTU 4145): a key of another algorithm.
  const privateKey = keyBags.map((bag) => bag.key).find((key): key is forge.pki.rsa.PrivateKey => Boolean(key));
  if (!privateKey) throw kepError("KEY_ALGORITHM_UNSUPPORTED");

  const certificates = (pfx.getBags({ bagType: oids.certBag! })[oids.certBag!] ?? [])
    .map((bag) => bag.cert)
    .filter((cert): cert is forge.pki.Certificate => Boolean(cert));
  if (certificates.length === 0) throw kepError("NO_CERTIFICATE");
  const certificate = certificates.find((candidate) => sameKey(candidate, privateKey));
  if (!certificate) throw kepError("KEY_CERTIFICATE_MISMATCH");

  return {
    privateKey,
    certificate,
    chain: certificates.filter((candidate) => candidate !== certificate),
    identity: readCertificateIdentity(certificate),
  };
}
