import "server-only";
import { createHash } from "node:crypto";
import forge from "node-forge";
import { binaryToBytes, bytesToBinary } from "../bytes";
import { KEY_PASSWORD_PATTERN } from "./create-key-file";

// A PKCS#12 key file for a key forge cannot represent (ECDSA): the same layout and protection as
// createKeyFile (the PKCS#8 key under AES-256-CBC/PBKDF2-HMAC-SHA256, the certificates in clear
// cert bags, a SHA-1 HMAC over the whole), built from forge's ASN.1 primitives around the raw
// PKCS#8 and certificate DER. OpenSSL and the browser signer open it.

const asn1 = forge.asn1;
const { UNIVERSAL, CONTEXT_SPECIFIC } = asn1.Class;
const T = asn1.Type;
const oids = forge.pki.oids as Record<string, string>;
const ITERATIONS = 10_000;

const oid = (value: string) => asn1.create(UNIVERSAL, T.OID, false, asn1.oidToDer(value).getBytes());
const seq = (items: forge.asn1.Asn1[]) => asn1.create(UNIVERSAL, T.SEQUENCE, true, items);
const set = (items: forge.asn1.Asn1[]) => asn1.create(UNIVERSAL, T.SET, true, items);
const octets = (bytes: string) => asn1.create(UNIVERSAL, T.OCTETSTRING, false, bytes);
const explicit0 = (item: forge.asn1.Asn1) => asn1.create(CONTEXT_SPECIFIC, 0, true, [item]);
const dataContentInfo = (inner: forge.asn1.Asn1) =>
  seq([oid(oids.data!), explicit0(octets(asn1.toDer(inner).getBytes()))]);

export type CreateAnyKeyFileOptions = {
  pkcs8Der: Uint8Array;
  /** The signing certificate first, then the chain. */
  certificatesDer: Uint8Array[];
  password: string;
  friendlyName?: string;
};

export function createAnyKeyFile(options: CreateAnyKeyFileOptions): Uint8Array<ArrayBuffer> {
  if (!KEY_PASSWORD_PATTERN.test(options.password))
    throw new RangeError("Пароль ключа: 8–128 латинських літер, цифр або знаків, без пробілів");
  const [leaf] = options.certificatesDer;
  if (!leaf) throw new RangeError("Потрібен сертифікат ключа");
  const localKeyId = createHash("sha1").update(leaf).digest("binary");
  const attributes = (withName: boolean) =>
    set([
      seq([oid(oids.localKeyId!), set([octets(localKeyId)])]),
      ...(withName && options.friendlyName
        ? [seq([oid(oids.friendlyName!), set([asn1.create(UNIVERSAL, T.BMPSTRING, false, options.friendlyName)])])]
        : []),
    ]);
  const certBags = options.certificatesDer.map((der, index) =>
    seq([
      oid(oids.certBag!),
      explicit0(seq([oid(oids.x509Certificate!), explicit0(octets(bytesToBinary(der)))])),
      ...(index === 0 ? [attributes(true)] : []),
    ]),
  );
  const privateKeyInfo = asn1.fromDer(bytesToBinary(options.pkcs8Der), true);
  const encrypted = forge.pki.encryptPrivateKeyInfo(privateKeyInfo, options.password, {
    algorithm: "aes256",
    count: ITERATIONS,
    saltSize: 16,
    prfAlgorithm: "sha256",
  } as Parameters<typeof forge.pki.encryptPrivateKeyInfo>[2]);
  const keyBag = seq([oid(oids.pkcs8ShroudedKeyBag!), explicit0(encrypted), attributes(true)]);
  const authenticatedSafe = seq([dataContentInfo(seq(certBags)), dataContentInfo(seq([keyBag]))]);

  const macSalt = forge.random.getBytesSync(16);
  const macKey = forge.pkcs12.generateKey(options.password, forge.util.createBuffer(macSalt), 3, ITERATIONS, 20);
  const hmac = forge.hmac.create();
  hmac.start(forge.md.sha1.create(), macKey);
  hmac.update(asn1.toDer(authenticatedSafe).getBytes());
  const macData = seq([
    seq([seq([oid(oids.sha1!), asn1.create(UNIVERSAL, T.NULL, false, "")]), octets(hmac.digest().getBytes())]),
    octets(macSalt),
    asn1.create(UNIVERSAL, T.INTEGER, false, asn1.integerToDer(ITERATIONS).getBytes()),
  ]);
  const pfx = seq([
    asn1.create(UNIVERSAL, T.INTEGER, false, asn1.integerToDer(3).getBytes()),
    dataContentInfo(authenticatedSafe),
    macData,
  ]);
  return binaryToBytes(asn1.toDer(pfx).getBytes());
}
