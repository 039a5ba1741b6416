import forge from "node-forge";
import { binaryToBytes } from "../bytes";

// The holder's key file: PKCS#12 with the private key (AES-256-CBC, PBKDF2-HMAC-SHA256), the
// signing certificate and the provider's chain, under a SHA-1 HMAC as PKCS#12 v1.1 defines.
// forge, OpenSSL and Windows all open it.

/**
 * forge derives the PBKDF2 key from the password's low bytes and the MAC key from its UTF-16
 * units: a non-ASCII password would give a file other tools cannot open. Printable ASCII only.
 */
export const KEY_PASSWORD_PATTERN = /^[\x21-\x7e]{8,128}$/;

// High enough to slow guessing, low enough that forge (pure JS) opens the file in about a
// second in a browser.
const ITERATIONS = 10_000;

export type CreateKeyFileOptions = {
  privateKey: forge.pki.rsa.PrivateKey;
  certificate: forge.pki.Certificate;
  /** The issuing CA and the root, in that order. */
  chain: forge.pki.Certificate[];
  password: string;
  /** Shown by key stores as the key's label; the holder's name. */
  friendlyName?: string;
};

export function createKeyFile(options: CreateKeyFileOptions): Uint8Array<ArrayBuffer> {
  if (!KEY_PASSWORD_PATTERN.test(options.password)) {
    throw new RangeError("Пароль ключа: 8–128 латинських літер, цифр або знаків, без пробілів");
  }
  const pkcs12Options: Parameters<typeof forge.pkcs12.toPkcs12Asn1>[3] & { prfAlgorithm: string } = {
    algorithm: "aes256",
    count: ITERATIONS,
    saltSize: 16,
    generateLocalKeyId: true,
    ...(options.friendlyName ? { friendlyName: options.friendlyName } : {}),
    // forge passes this on to PBKDF2 (its typings do not list it); the default is SHA-1.
    prfAlgorithm: "sha256",
  };
  const pfx = forge.pkcs12.toPkcs12Asn1(
    options.privateKey,
    [options.certificate, ...options.chain],
    options.password,
    pkcs12Options,
  );
  return binaryToBytes(forge.asn1.toDer(pfx).getBytes());
}
