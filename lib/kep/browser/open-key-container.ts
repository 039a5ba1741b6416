import "./dstu-runtime";
import forge from "node-forge";
import gost89 from "gost89";
import jksreader from "jksreader";
// curve.js before the Priv model: they require each other, and whichever loads second keeps the
// other's exports; loading Priv.js first leaves curve.js holding an empty object, and every later
// keygen in the same process fails with «Priv is not a constructor».
import "jkurwa/lib/curve.js";
import PrivModel from "jkurwa/lib/models/Priv.js";
import CertificateModel from "jkurwa/lib/models/Certificate.js";
import pbes from "jkurwa/lib/spec/pbes.js";
import keystore from "jkurwa/lib/spec/keystore.js";
import type { Priv } from "jkurwa";
import { binaryToBytes, bytesToBinary } from "../bytes";
import {
  readCertificateIdentity,
  readCertificateIdentityFromDer,
  type CertificateIdentity,
} from "../certificate-identity";
import { buildDetachedCms } from "../cms/build-detached-cms";
import { kepError } from "../errors";
import { ALGORITHM_OID, OID } from "../oids";
import { DstuBuffer } from "./dstu-runtime";
import { MAX_KEY_FILE_BYTES } from "./open-key-file";
import { signDetached } from "./sign-detached";

// Opens the key containers Ukrainian signers hold, in the browser only: PKCS#12 (.p12/.pfx)
// with an RSA or ECDSA key (forge decrypts, WebCrypto signs ECDSA) or a DSTU 4145 key (jkurwa),
// IIT's Key-6.dat (PBES2 or the older IIT store), and PrivatBank's .jks. Every key inside is
// listed with its certificate (a Key-6.dat holds none: the holder adds the .cer file), so the
// holder can pick the signing key when there are several. Failures are one Ukrainian sentence
// that names the recognised format.

export type KeyContainerFormat = "pkcs12" | "key6" | "jks";
export type KeyAlgorithm = "RSA" | "ECDSA-P256" | "ECDSA-P384" | "DSTU4145";

export const FORMAT_LABEL: Record<KeyContainerFormat, string> = {
  pkcs12: "PKCS#12 (.p12/.pfx)",
  key6: "Key-6.dat (ІІТ, ДСТУ 4145)",
  jks: ".jks (ПриватБанк)",
};

export type ContainerKey = {
  id: string;
  algorithm: KeyAlgorithm;
  certificateDer: Uint8Array;
  identity: CertificateIdentity;
  /** keyUsage allows signatures (digitalSignature or nonRepudiation); an encryption-only key does not. */
  canSign: boolean;
  sign(content: Uint8Array, options?: { signingTime?: Date }): Promise<Uint8Array>;
};

export type OpenedKeyContainer = { format: KeyContainerFormat; keys: ContainerKey[]; signingKeys: ContainerKey[] };

const gost = () => gost89.compat.algos();
const wrongPassword = (format: KeyContainerFormat) =>
  kepError("WRONG_PASSWORD", `Файл розпізнано як ${FORMAT_LABEL[format]}, але пароль до нього неправильний`);
const damaged = (format: KeyContainerFormat) =>
  kepError("BAD_KEY_FILE", `Файл розпізнано як ${FORMAT_LABEL[format]}, але він пошкоджений або обрізаний`);

function keyUsageAllowsSigning(certificateDer: Uint8Array): boolean {
  try {
    const certificate = forge.asn1.fromDer(bytesToBinary(certificateDer), true);
    const tbs = (certificate.value as forge.asn1.Asn1[])[0]!.value as forge.asn1.Asn1[];
    const extensions = tbs.find((node) => node.tagClass === forge.asn1.Class.CONTEXT_SPECIFIC && node.type === 3);
    if (!extensions) return true;
    for (const extension of (extensions.value as forge.asn1.Asn1[])[0]!.value as forge.asn1.Asn1[]) {
      const parts = extension.value as forge.asn1.Asn1[];
      if (forge.asn1.derToOid(parts[0]!.value as string) !== OID.keyUsage) continue;
      const bits = forge.asn1.fromDer(parts[parts.length - 1]!.value as string, true).value as string;
      const first = bits.charCodeAt(1);
      return (first & 0xc0) !== 0;
    }
    return true;
  } catch {
    return false;
  }
}

function identityOf(certificateDer: Uint8Array): CertificateIdentity {
  return readCertificateIdentityFromDer(certificateDer);
}

// ---- DSTU 4145 (jkurwa) -------------------------------------------------------------------

function dstuKeyId(priv: Priv): string {
  return bytesToBinary(new Uint8Array(priv.pub().keyid(gost())));
}

function dstuCertificateKeyId(certificateDer: Uint8Array): string | null {
  try {
    const certificate = CertificateModel.from_asn1(DstuBuffer.from(certificateDer));
    if (certificate.pubkeyAlgorithm !== "Dstu4145le") return null;
    return bytesToBinary(new Uint8Array(certificate.pubkey_unpack().keyid(gost())));
  } catch {
    return null;
  }
}

function dstuKeys(privs: Priv[], certificates: Uint8Array[], format: KeyContainerFormat): ContainerKey[] {
  const byKeyId = new Map(
    certificates.flatMap((der) => {
      const keyId = dstuCertificateKeyId(der);
      return keyId ? [[keyId, der] as const] : [];
    }),
  );
  return privs.flatMap((priv, index) => {
    const certificateDer = byKeyId.get(dstuKeyId(priv));
    if (!certificateDer) return [];
    const signer = {
      certificateDer,
      digestAlgorithm: ALGORITHM_OID.gost34311,
      digest: (bytes: Uint8Array) => new Uint8Array(gost().hash(DstuBuffer.from(bytes))),
      signatureAlgorithm: ALGORITHM_OID.dstu4145le,
      nullParameters: false,
      sign: (bytes: Uint8Array) => new Uint8Array(priv.sign(gost().hash(DstuBuffer.from(bytes)), "le")),
    };
    return [
      {
        id: `${format}-${index}`,
        algorithm: "DSTU4145" as const,
        certificateDer,
        identity: identityOf(certificateDer),
        canSign: keyUsageAllowsSigning(certificateDer),
        sign: (content, options) => buildDetachedCms(signer, content, options),
      },
    ];
  });
}

function openKey6(
  file: Uint8Array,
  password: string,
  certificates: Uint8Array[],
): { privs: Priv[]; certificates: Uint8Array[] } {
  let store: { keys: Priv[]; certs: Buffer[] };
  try {
    store = PrivModel.from_protected(DstuBuffer.from(file), password, gost());
  } catch (error) {
    // A wrong password decrypts to bytes that are no key (an ASN.1 error); anything else is ours.
    if (error instanceof TypeError || error instanceof ReferenceError) {
      throw kepError(
        "KEY_CONTAINER_UNSUPPORTED",
        `Файл розпізнано як ${FORMAT_LABEL.key6}, але браузер не зміг його відкрити`,
        { cause: error.message },
      );
    }
    throw wrongPassword("key6");
  }
  if (store.keys.length === 0) throw wrongPassword("key6");
  return { privs: store.keys, certificates: [...certificates, ...store.certs.map((der) => new Uint8Array(der))] };
}

function openJks(
  file: Uint8Array,
  password: string,
  certificates: Uint8Array[],
): { privs: Priv[]; certificates: Uint8Array[] } {
  let store: ReturnType<typeof jksreader.parse>;
  try {
    store = jksreader.parse(DstuBuffer.from(file));
  } catch {
    // A cut-off file runs the reader past its end.
    throw damaged("jks");
  }
  if (!store) throw damaged("jks");
  const privs: Priv[] = [];
  const found = [...certificates];
  // Trusted-certificate entries carry no key: only private-key entries are opened.
  const keyEntries = store.material.filter((part) => part.key !== undefined);
  if (keyEntries.length === 0) throw kepError("NO_PRIVATE_KEY", `У файлі ${FORMAT_LABEL.jks} немає особистого ключа`);
  for (const part of keyEntries) {
    const decoded = jksreader.decode(part.key, password);
    if (!decoded) throw wrongPassword("jks");
    let parsed: Priv | { keys: Priv[] };
    try {
      parsed = PrivModel.from_asn1(DstuBuffer.from(decoded), true);
    } catch {
      throw kepError(
        "KEY_ALGORITHM_UNSUPPORTED",
        `Файл розпізнано як ${FORMAT_LABEL.jks}, але ключ у ньому не ДСТУ 4145`,
      );
    }
    privs.push(...("keys" in parsed ? parsed.keys : [parsed]));
    for (const der of part.certs ?? []) found.push(new Uint8Array(der));
  }
  return { privs, certificates: found };
}

// ---- PKCS#12 (forge; ECDSA through WebCrypto; DSTU through jkurwa) ---------------------------

const EC_CURVES: Record<
  string,
  { curve: "P-256" | "P-384"; hash: "SHA-256" | "SHA-384"; size: number; algorithm: KeyAlgorithm }
> = {
  [ALGORITHM_OID.p256]: { curve: "P-256", hash: "SHA-256", size: 32, algorithm: "ECDSA-P256" },
  [ALGORITHM_OID.p384]: { curve: "P-384", hash: "SHA-384", size: 48, algorithm: "ECDSA-P384" },
};

/** WebCrypto's r‖s as the DER SEQUENCE { r, s } CMS carries. */
function ecdsaDer(raw: Uint8Array): Uint8Array {
  const half = raw.length / 2;
  const integer = (bytes: Uint8Array) => {
    let start = 0;
    while (start < bytes.length - 1 && bytes[start] === 0) start++;
    let value = bytesToBinary(bytes.subarray(start));
    if (value.charCodeAt(0) & 0x80) value = `\x00${value}`;
    return forge.asn1.create(forge.asn1.Class.UNIVERSAL, forge.asn1.Type.INTEGER, false, value);
  };
  const sequence = forge.asn1.create(forge.asn1.Class.UNIVERSAL, forge.asn1.Type.SEQUENCE, true, [
    integer(raw.subarray(0, half)),
    integer(raw.subarray(half)),
  ]);
  return binaryToBytes(forge.asn1.toDer(sequence).getBytes());
}

async function ecdsaKey(
  privateKeyInfo: forge.asn1.Asn1,
  certificateDer: Uint8Array,
  id: string,
): Promise<ContainerKey> {
  const algorithm = (privateKeyInfo.value as forge.asn1.Asn1[])[1]!.value as forge.asn1.Asn1[];
  const curveOid = algorithm[1] ? forge.asn1.derToOid(algorithm[1].value as string) : "";
  const curve = EC_CURVES[curveOid];
  if (!curve) throw kepError("CURVE_UNSUPPORTED");
  const pkcs8 = binaryToBytes(forge.asn1.toDer(privateKeyInfo).getBytes());
  const key = await globalThis.crypto.subtle.importKey(
    "pkcs8",
    pkcs8,
    { name: "ECDSA", namedCurve: curve.curve },
    false,
    ["sign"],
  );
  const signer = {
    certificateDer,
    digestAlgorithm: curve.hash === "SHA-256" ? ALGORITHM_OID.sha256 : ALGORITHM_OID.sha384,
    digest: async (bytes: Uint8Array) =>
      new Uint8Array(await globalThis.crypto.subtle.digest(curve.hash, Uint8Array.from(bytes))),
    signatureAlgorithm: curve.hash === "SHA-256" ? ALGORITHM_OID.ecdsaWithSha256 : ALGORITHM_OID.ecdsaWithSha384,
    nullParameters: false,
    sign: async (bytes: Uint8Array) =>
      ecdsaDer(
        new Uint8Array(
          await globalThis.crypto.subtle.sign({ name: "ECDSA", hash: curve.hash }, key, Uint8Array.from(bytes)),
        ),
      ),
  };
  return {
    id,
    algorithm: curve.algorithm,
    certificateDer,
    identity: identityOf(certificateDer),
    canSign: keyUsageAllowsSigning(certificateDer),
    sign: (content, options) => buildDetachedCms(signer, content, options),
  };
}

function spkiMatchesPkcs8(certificateDer: Uint8Array, privateKeyInfo: forge.asn1.Asn1): boolean {
  // An EC PKCS#8 normally carries its public key ([1] inside ECPrivateKey): compare that with the certificate's.
  try {
    const ecPrivateKey = forge.asn1.fromDer((privateKeyInfo.value as forge.asn1.Asn1[])[2]!.value as string, true);
    const publicKey = (ecPrivateKey.value as forge.asn1.Asn1[]).find(
      (node) => node.tagClass === forge.asn1.Class.CONTEXT_SPECIFIC && node.type === 1,
    );
    if (!publicKey) return true;
    const bits = (publicKey.value as forge.asn1.Asn1[])[0]!.value as string;
    return bytesToBinary(certificateDer).includes(bits);
  } catch {
    return false;
  }
}

async function openPkcs12(
  asn1: forge.asn1.Asn1,
  file: Uint8Array,
  password: string,
  certificates: Uint8Array[],
): Promise<ContainerKey[]> {
  let pfx: forge.pkcs12.Pkcs12Pfx;
  try {
    pfx = forge.pkcs12.pkcs12FromAsn1(asn1, true, password);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/MAC could not be verified|Unable to decrypt|Failed to decrypt/.test(message)) throw wrongPassword("pkcs12");
    // A DSTU .pfx (GOST 28147 PBES2): forge does not know the cipher; jkurwa does.
    const { privs, certificates: found } = openKey6Like(file, password, certificates);
    return dstuKeys(privs, found, "pkcs12");
  }
  const oids = forge.pki.oids as Record<string, string>;
  const certificateDers = [
    ...certificates,
    ...(pfx.getBags({ bagType: oids.certBag! })[oids.certBag!] ?? []).map((bag) => {
      const raw = bag.cert ? forge.pki.certificateToAsn1(bag.cert) : (bag as unknown as { asn1: forge.asn1.Asn1 }).asn1;
      return binaryToBytes(forge.asn1.toDer(raw).getBytes());
    }),
  ];
  const keyBags = [
    ...(pfx.getBags({ bagType: oids.pkcs8ShroudedKeyBag! })[oids.pkcs8ShroudedKeyBag!] ?? []),
    ...(pfx.getBags({ bagType: oids.keyBag! })[oids.keyBag!] ?? []),
  ];
  if (keyBags.length === 0) throw kepError("NO_PRIVATE_KEY", `У файлі ${FORMAT_LABEL.pkcs12} немає особистого ключа`);
  const keys: ContainerKey[] = [];
  for (const [index, bag] of keyBags.entries()) {
    const id = `pkcs12-${index}`;
    if (bag.key) {
      const rsa = bag.key as forge.pki.rsa.PrivateKey;
      const der = certificateDers.find((candidate) => {
        try {
          const publicKey = forge.pki.certificateFromAsn1(forge.asn1.fromDer(bytesToBinary(candidate), true))
            .publicKey as forge.pki.rsa.PublicKey;
          return publicKey.n.equals(rsa.n);
        } catch {
          return false;
        }
      });
      if (!der) continue;
      const certificate = forge.pki.certificateFromAsn1(forge.asn1.fromDer(bytesToBinary(der), true));
      keys.push({
        id,
        algorithm: "RSA",
        certificateDer: der,
        identity: readCertificateIdentity(certificate),
        canSign: keyUsageAllowsSigning(der),
        sign: async (content, options) => signDetached({ privateKey: rsa, certificate }, content, options),
      });
      continue;
    }
    const info = (bag as unknown as { asn1?: forge.asn1.Asn1 }).asn1;
    const algorithm = info
      ? forge.asn1.derToOid(((info.value as forge.asn1.Asn1[])[1]!.value as forge.asn1.Asn1[])[0]!.value as string)
      : "";
    if (info && algorithm === ALGORITHM_OID.ecPublicKey) {
      const der = certificateDers.find(
        (candidate) => spkiMatchesPkcs8(candidate, info) && readCertificateIdentityFromDer(candidate),
      );
      if (der) keys.push(await ecdsaKey(info, der, id));
      continue;
    }
    if (info && algorithm === ALGORITHM_OID.dstu4145le) {
      const parsed = PrivModel.from_asn1(DstuBuffer.from(binaryToBytes(forge.asn1.toDer(info).getBytes())), true);
      keys.push(...dstuKeys("keys" in parsed ? parsed.keys : [parsed], certificateDers, "pkcs12"));
      continue;
    }
    throw kepError(
      "KEY_ALGORITHM_UNSUPPORTED",
      `Файл розпізнано як ${FORMAT_LABEL.pkcs12}, але ключ у ньому не RSA, ECDSA чи ДСТУ 4145`,
    );
  }
  return keys;
}

function openKey6Like(file: Uint8Array, password: string, certificates: Uint8Array[]) {
  try {
    return openKey6(file, password, certificates);
  } catch (error) {
    throw error instanceof Error && "code" in error && error.code === "WRONG_PASSWORD"
      ? wrongPassword("pkcs12")
      : error;
  }
}

/** Which container this is, from its structure; the name only helps to say what a damaged file was meant to be. */
function recognise(file: Uint8Array, name: string): { format: KeyContainerFormat; asn1?: forge.asn1.Asn1 } {
  if (file[0] === 0xfe && file[1] === 0xed && file[2] === 0xfe && file[3] === 0xed) return { format: "jks" };
  let asn1: forge.asn1.Asn1 | undefined;
  try {
    asn1 = forge.asn1.fromDer(bytesToBinary(file), true);
  } catch {
    asn1 = undefined;
  }
  if (asn1) {
    const first = (asn1.value as forge.asn1.Asn1[])[0];
    // PFX starts with INTEGER 3; a PBES2 Key-6 store with an AlgorithmIdentifier.
    if (first?.type === forge.asn1.Type.INTEGER) return { format: "pkcs12", asn1 };
    try {
      pbes.pbes2_parse(DstuBuffer.from(file));
      return { format: "key6" };
    } catch {
      /* not PBES2 */
    }
  }
  try {
    keystore.enc_parse(DstuBuffer.from(file));
    return { format: "key6" };
  } catch {
    /* not the older IIT store */
  }
  const extension = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  if (extension === "dat") throw damaged("key6");
  if (extension === "jks") throw damaged("jks");
  if (extension === "p12" || extension === "pfx") throw damaged("pkcs12");
  throw kepError("BAD_KEY_FILE", "Файл не розпізнано як ключ: підтримуються Key-6.dat, .pfx/.p12 і .jks");
}

export type OpenKeyContainerInput = {
  file: Uint8Array;
  name: string;
  password: string;
  /** Certificates the holder added (a Key-6.dat holds none), DER. */
  certificates?: Uint8Array[];
};

export async function openKeyContainer(input: OpenKeyContainerInput): Promise<OpenedKeyContainer> {
  const { file, name, password } = input;
  const certificates = input.certificates ?? [];
  if (file.length === 0 || file.length > MAX_KEY_FILE_BYTES)
    throw kepError("BAD_KEY_FILE", "Файл порожній або завеликий для файлу ключа");
  const { format, asn1 } = recognise(file, name);
  let keys: ContainerKey[];
  if (format === "pkcs12") keys = await openPkcs12(asn1!, file, password, certificates);
  else {
    const opened = format === "jks" ? openJks(file, password, certificates) : openKey6(file, password, certificates);
    keys = dstuKeys(opened.privs, opened.certificates, format);
    if (keys.length === 0) {
      throw kepError(
        "NO_CERTIFICATE",
        format === "key6"
          ? `Файл ${FORMAT_LABEL.key6} не містить сертифіката: додайте файл сертифіката (.cer) до цього ключа`
          : `У файлі ${FORMAT_LABEL[format]} немає сертифіката до ключа: додайте файл сертифіката (.cer)`,
      );
    }
  }
  if (keys.length === 0) throw kepError("NO_CERTIFICATE", `У файлі ${FORMAT_LABEL[format]} немає сертифіката до ключа`);
  const signingKeys = keys.filter((key) => key.canSign);
  if (signingKeys.length === 0) {
    throw kepError("NO_SIGNING_KEY", `У файлі ${FORMAT_LABEL[format]} немає ключа для підпису: лише ключ шифрування`);
  }
  return { format, keys, signingKeys };
}
