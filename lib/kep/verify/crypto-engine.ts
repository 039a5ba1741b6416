import "server-only";
import { webcrypto } from "node:crypto";
import * as pkijs from "pkijs";

// PKI.js with Node's WebCrypto, passed explicitly to every call rather than set globally, so
// nothing depends on which module happened to call setEngine first.

export const cryptoEngine = new pkijs.CryptoEngine({ name: "node", crypto: webcrypto as unknown as Crypto });

export const subtle = webcrypto.subtle;

export async function sha256(bytes: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await subtle.digest("SHA-256", bytes));
}
