import "server-only";
import { randomBytes } from "node:crypto";
import forge from "node-forge";
import gost89 from "gost89";
import type { Priv } from "jkurwa";
import { binaryToBytes, bytesToBinary } from "../bytes";

// A DSTU 4145 key in the password-protected store IIT's Key-6.dat uses today: PBES2 with
// PBKDF2 over GOST 34.311 HMAC (10 000 rounds) and GOST 28147-89 in CFB mode, around the
// private key as jkurwa encodes it. gost89 derives and encrypts; the ASN.1 around it is written
// here because jkurwa's own writer needs an asn1.js build that cannot be installed (see
// toolchain notes). jkurwa reads the result back (tests/integration/kep-families.test.ts).

const asn1 = forge.asn1;
const { UNIVERSAL } = asn1.Class;
const T = asn1.Type;
const oid = (value: string) => asn1.create(UNIVERSAL, T.OID, false, asn1.oidToDer(value).getBytes());
const seq = (items: forge.asn1.Asn1[]) => asn1.create(UNIVERSAL, T.SEQUENCE, true, items);
const octets = (bytes: Uint8Array) => asn1.create(UNIVERSAL, T.OCTETSTRING, false, bytesToBinary(bytes));

const PBES2 = "1.2.840.113549.1.5.13";
const PBKDF2 = "1.2.840.113549.1.5.12";
const GOST34311_HMAC = "1.2.804.2.1.1.1.1.1.2";
const GOST28147_CFB = "1.2.804.2.1.1.1.1.1.1.3";
const ITERATIONS = 10_000;

type SavedStore = { iv: Buffer; salt: Buffer; body: Buffer; sbox: Buffer };

export function createKey6Store(priv: Priv, password: string): Uint8Array<ArrayBuffer> {
  const iv = randomBytes(8);
  const salt = randomBytes(32);
  const store = gost89.compat.algos().storesave(Buffer.from(priv.to_asn1()), "PBES2", password, iv, salt) as SavedStore;
  const der = seq([
    seq([
      oid(PBES2),
      seq([
        seq([
          oid(PBKDF2),
          seq([
            octets(store.salt),
            asn1.create(UNIVERSAL, T.INTEGER, false, asn1.integerToDer(ITERATIONS).getBytes()),
            seq([oid(GOST34311_HMAC), asn1.create(UNIVERSAL, T.NULL, false, "")]),
          ]),
        ]),
        seq([oid(GOST28147_CFB), seq([octets(store.iv), octets(store.sbox)])]),
      ]),
    ]),
    octets(store.body),
  ]);
  return binaryToBytes(asn1.toDer(der).getBytes());
}
