import "server-only";
import { generateKeyPair } from "node:crypto";
import { promisify } from "node:util";
import forge from "node-forge";

// RSA keys from Node's native generator (tens of milliseconds, off the event loop) rather
// than forge's pure-JS one (seconds), converted to forge's form for building certificates.

const generate = promisify(generateKeyPair);

export type ForgeKeyPair = { publicKey: forge.pki.rsa.PublicKey; privateKey: forge.pki.rsa.PrivateKey };

export async function generateRsaKeys(modulusLength = 2048): Promise<ForgeKeyPair> {
  const { privateKey } = await generate("rsa", {
    modulusLength,
    publicExponent: 0x10001,
    publicKeyEncoding: { type: "spki", format: "pem" },
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
  });
  const forgeKey = forge.pki.privateKeyFromPem(privateKey) as forge.pki.rsa.PrivateKey;
  return { privateKey: forgeKey, publicKey: forge.pki.setRsaPublicKey(forgeKey.n, forgeKey.e) };
}
