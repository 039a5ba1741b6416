import "server-only";
import { createHash, randomBytes } from "node:crypto";
import forge from "node-forge";
import keystore from "jkurwa/lib/spec/keystore.js";
import type { Priv } from "jkurwa";
import { binaryToBytes, bytesToBinary } from "../bytes";

// A test-only writer of Java KeyStores (JKS) the way PrivatBank hands out DSTU 4145 keys: the
// format is public (OpenJDK's sun.security.provider.JavaKeyStore and KeyProtector):
//   magic FEEDFEED, version 2, entry count; per private-key entry: tag 1, alias (Java UTF),
//   creation time (ms, 64 bit), the protected key as an EncryptedPrivateKeyInfo under Sun's
//   proprietary algorithm 1.3.6.1.4.1.42.2.17.1.1, then the certificate chain ("X.509", DER);
//   and at the end SHA-1(password as UTF-16BE ‖ "Mighty Aphrodite" ‖ everything before).
// Sun's key protection: a 20-byte salt, a SHA-1 keystream (d1 = SHA-1(pw ‖ salt),
// dn = SHA-1(pw ‖ dn-1)) XORed over the PKCS#8 key, and SHA-1(pw ‖ key) as the check.
// The key inside is jkurwa's DSTU private key; a second key (the key-agreement key IIT and
// PrivatBank keep beside the signing key) rides in its attributes, as real containers do.
// Readers: jkurwa (jksreader) in the browser signer; `keytool -list` checks the integrity hash.

const SUN_KEY_PROTECTOR = "1.3.6.1.4.1.42.2.17.1.1";
const MAGIC = 0xfeedfeed;
const VERSION = 2;

export type JksKeyEntry = {
  alias: string;
  /** The signing key first; a second key is stored in the first one's attributes. */
  keys: [Priv] | [Priv, Priv];
  /** The chain Java keeps with the key entry (DER): here the key's certificates. */
  certificates: Uint8Array[];
};

const utf16be = (text: string) =>
  Buffer.from(Array.from(text).flatMap((char) => [char.charCodeAt(0) >> 8, char.charCodeAt(0) & 0xff]));
const sha1 = (...parts: Uint8Array[]) => {
  const hash = createHash("sha1");
  for (const part of parts) hash.update(part);
  return hash.digest();
};

/** Reverse the bit order of the whole byte string (jkurwa's DSTU_4145_KEY_BITS form). */
function invertBits(bytes: Uint8Array): Buffer {
  const out = Buffer.alloc(bytes.length);
  for (let index = 0; index < bytes.length; index++) {
    let byte = bytes[bytes.length - 1 - index]!;
    let reversed = 0;
    for (let bit = 0; bit < 8; bit++) {
      reversed = (reversed << 1) | (byte & 1);
      byte >>= 1;
    }
    out[index] = reversed;
  }
  return out;
}

/** The DSTU private key as jkurwa encodes it, with the second key (if any) in its attributes. */
export function dstuPrivateKeyDer(keys: [Priv] | [Priv, Priv]): Buffer {
  const [first, second] = keys;
  const struct = first.as_struct() as { attr: unknown[] };
  if (second) {
    struct.attr = [
      // The curve by its standard name: jkurwa reads explicit parameters here big-endian, unlike
      // everywhere else, so a name is the unambiguous form.
      {
        id: "DSTU_4145_CURVE",
        value: [{ type: "dstu4145", value: { curve: { type: "id", value: second.curve.name() } } }],
      },
      {
        id: "DSTU_4145_KEY_BITS",
        value: [{ type: "param_d", value: { unused: 0, data: invertBits(second.d.buf8()) } }],
      },
    ];
  }
  return keystore.DstuPrivkey.encode(struct, "der") as Buffer;
}

function protectKey(plain: Uint8Array, password: string): Uint8Array {
  const pw = utf16be(password);
  const salt = randomBytes(20);
  const encrypted = Buffer.alloc(plain.length);
  let digest: Buffer = salt;
  for (let position = 0; position < plain.length;) {
    digest = sha1(pw, digest);
    for (let index = 0; index < digest.length && position < plain.length; index++, position++)
      encrypted[position] = plain[position]! ^ digest[index]!;
  }
  const protectedKey = Buffer.concat([salt, encrypted, sha1(pw, plain)]);
  const { asn1 } = forge;
  const info = asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, [
    asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, [
      asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OID, false, asn1.oidToDer(SUN_KEY_PROTECTOR).getBytes()),
      asn1.create(asn1.Class.UNIVERSAL, asn1.Type.NULL, false, ""),
    ]),
    asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OCTETSTRING, false, bytesToBinary(protectedKey)),
  ]);
  return binaryToBytes(asn1.toDer(info).getBytes());
}

class Writer {
  private parts: Buffer[] = [];
  u16(value: number) {
    const buffer = Buffer.alloc(2);
    buffer.writeUInt16BE(value);
    this.parts.push(buffer);
  }
  u32(value: number) {
    const buffer = Buffer.alloc(4);
    buffer.writeUInt32BE(value);
    this.parts.push(buffer);
  }
  u64(value: number) {
    const buffer = Buffer.alloc(8);
    buffer.writeBigUInt64BE(BigInt(value));
    this.parts.push(buffer);
  }
  /** Java's writeUTF; the aliases here are ASCII, where it equals UTF-8. */
  utf(text: string) {
    const bytes = Buffer.from(text, "utf8");
    this.u16(bytes.length);
    this.parts.push(bytes);
  }
  bytes(value: Uint8Array) {
    this.u32(value.length);
    this.parts.push(Buffer.from(value));
  }
  done(): Buffer {
    return Buffer.concat(this.parts);
  }
}

export function createJksStore(entries: JksKeyEntry[], password: string, now = new Date()): Uint8Array<ArrayBuffer> {
  const out = new Writer();
  out.u32(MAGIC);
  out.u32(VERSION);
  out.u32(entries.length);
  for (const entry of entries) {
    if (!/^[\x20-\x7e]+$/.test(entry.alias)) throw new Error("JKS alias: printable ASCII only in this writer");
    out.u32(1);
    out.utf(entry.alias);
    out.u64(now.getTime());
    out.bytes(protectKey(dstuPrivateKeyDer(entry.keys), password));
    out.u32(entry.certificates.length);
    for (const certificate of entry.certificates) {
      out.utf("X.509");
      out.bytes(certificate);
    }
  }
  const body = out.done();
  const integrity = sha1(utf16be(password), Buffer.from("Mighty Aphrodite", "utf8"), body);
  return new Uint8Array(Buffer.concat([body, integrity]));
}
