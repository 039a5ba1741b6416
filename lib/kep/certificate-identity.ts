import forge from "node-forge";
import { checkEdrpou } from "@/lib/identifiers/edrpou";
import { checkRnokpp } from "@/lib/identifiers/rnokpp";
import { normalizeSerial, bytesToBinary } from "./bytes";
import { kepError } from "./errors";
import { LEGAL_ID_PREFIX, OID, TAX_ID_PREFIX } from "./oids";

// Whose key is this: the identity a certificate states, read the same way by the browser
// signer (to show the holder before signing) and by the server verifier (to decide).
// Browser-safe.

export type CertificateIdentity = {
  rnokpp: string;
  edrpou?: string;
  fullName: string;
  organization?: string;
  title?: string;
  locality?: string;
  /** Lowercase hex without leading zero bytes. */
  serial: string;
  /** The issuer's common name (or its whole name when it has none). */
  issuerName: string;
  notBefore: Date;
  notAfter: Date;
};

const oids = forge.pki.oids as Record<string, string>;
const UTF8 = forge.asn1.Type.UTF8;

type Field = forge.pki.CertificateField;

function text(field: Field): string {
  if (typeof field.value !== "string") return "";
  const tag = field.valueTagClass as number | undefined;
  return tag === UTF8 ? forge.util.decodeUtf8(field.value) : field.value;
}

function first(fields: Field[], type: string | undefined): string | undefined {
  const field = fields.find((candidate) => candidate.type === type);
  const value = field ? text(field).trim() : "";
  return value === "" ? undefined : value;
}

/** DRFO and EDRPOU codes from subjectDirectoryAttributes, when the extension is present. */
function directoryCodes(certificate: forge.pki.Certificate): { drfo?: string; edrpou?: string } {
  const extensions = certificate.extensions as Array<{ id?: string; value?: unknown }>;
  const extension = extensions.find((candidate) => candidate.id === OID.subjectDirectoryAttributes);
  if (!extension || typeof extension.value !== "string") return {};
  const codes: { drfo?: string; edrpou?: string } = {};
  const attributes = forge.asn1.fromDer(extension.value, true);
  for (const attribute of attributes.value as forge.asn1.Asn1[]) {
    const [typeNode, valuesNode] = attribute.value as forge.asn1.Asn1[];
    if (!typeNode || !valuesNode) continue;
    const type = forge.asn1.derToOid(typeNode.value as string);
    const valueNode = (valuesNode.value as forge.asn1.Asn1[])[0];
    const value = typeof valueNode?.value === "string" ? valueNode.value.trim() : undefined;
    if (type === OID.drfoCode) codes.drfo = value;
    if (type === OID.edrpouCode) codes.edrpou = value;
  }
  return codes;
}

function stripPrefix(value: string | undefined, prefix: string): string | undefined {
  return value?.startsWith(prefix) ? value.slice(prefix.length) : undefined;
}

/** Both places a code may sit must agree; then the code must pass its check digit. */
function agreeingCode(
  label: string,
  fromName: string | undefined,
  fromDirectory: string | undefined,
): string | undefined {
  if (fromName && fromDirectory && fromName !== fromDirectory) {
    throw kepError(
      "CERTIFICATE_PROFILE_INVALID",
      `Сертифікат містить два різні ${label}: ${fromName} і ${fromDirectory}`,
    );
  }
  return fromName ?? fromDirectory;
}

export function readCertificateIdentity(certificate: forge.pki.Certificate): CertificateIdentity {
  const subject = certificate.subject.attributes;
  const directory = directoryCodes(certificate);

  const rnokpp = agreeingCode("РНОКПП", stripPrefix(first(subject, oids.serialNumber), TAX_ID_PREFIX), directory.drfo);
  if (!rnokpp || !checkRnokpp(rnokpp).valid) {
    throw kepError("CERTIFICATE_PROFILE_INVALID", rnokpp ? `РНОКПП у сертифікаті недійсний: ${rnokpp}` : undefined);
  }
  const edrpou = agreeingCode(
    "коди ЄДРПОУ",
    stripPrefix(first(subject, OID.organizationIdentifier), LEGAL_ID_PREFIX),
    directory.edrpou,
  );
  if (edrpou && !checkEdrpou(edrpou).valid) {
    throw kepError("CERTIFICATE_PROFILE_INVALID", `Код ЄДРПОУ у сертифікаті недійсний: ${edrpou}`);
  }

  const surnameAndGiven = [first(subject, oids.surname), first(subject, oids.givenName)].filter(Boolean).join(" ");
  const fullName = first(subject, oids.commonName) ?? surnameAndGiven;
  if (!fullName) throw kepError("CERTIFICATE_PROFILE_INVALID", "Сертифікат не містить імені підписувача");

  const issuer = certificate.issuer.attributes;
  const issuerName = first(issuer, oids.commonName) ?? issuer.map((field) => text(field)).join(", ");

  const identity: CertificateIdentity = {
    rnokpp,
    fullName,
    serial: normalizeSerial(certificate.serialNumber),
    issuerName,
    notBefore: certificate.validity.notBefore,
    notAfter: certificate.validity.notAfter,
  };
  const organization = first(subject, oids.organizationName);
  const title = first(subject, oids.title);
  const locality = first(subject, oids.localityName);
  if (edrpou) identity.edrpou = edrpou;
  if (organization) identity.organization = organization;
  if (title) identity.title = title;
  if (locality) identity.locality = locality;
  return identity;
}

const RSA_ENCRYPTION = "1.2.840.113549.1.1.1";

/**
 * forge reads only RSA keys, and the identity does not depend on the key: an ECDSA or DSTU
 * 4145 certificate is read with a placeholder RSA key in its place (never used for anything).
 */
function withReadableKey(certificate: forge.asn1.Asn1): forge.asn1.Asn1 {
  const tbs = (certificate.value as forge.asn1.Asn1[])[0];
  const fields = tbs?.value as forge.asn1.Asn1[] | undefined;
  if (!fields) return certificate;
  const offset = fields[0]?.tagClass === forge.asn1.Class.CONTEXT_SPECIFIC ? 1 : 0;
  const spki = fields[offset + 5];
  const algorithm = ((spki?.value as forge.asn1.Asn1[] | undefined)?.[0]?.value as forge.asn1.Asn1[] | undefined)?.[0];
  if (
    !spki ||
    !algorithm ||
    typeof algorithm.value !== "string" ||
    forge.asn1.derToOid(algorithm.value) === RSA_ENCRYPTION
  )
    return certificate;
  const placeholder = forge.pki.setRsaPublicKey(new forge.jsbn.BigInteger("3", 16), new forge.jsbn.BigInteger("3", 16));
  fields[offset + 5] = forge.pki.publicKeyToAsn1(placeholder);
  return certificate;
}

/** A certificate of any family in forge's form, for its names and extensions (its key is a placeholder unless RSA). */
export function forgeCertificateFromAnyDer(der: Uint8Array): forge.pki.Certificate {
  return forge.pki.certificateFromAsn1(withReadableKey(forge.asn1.fromDer(bytesToBinary(der), true)));
}

/** The same from DER bytes, for certificates of any of the three algorithm families. */
export function readCertificateIdentityFromDer(der: Uint8Array): CertificateIdentity {
  let certificate: forge.pki.Certificate;
  try {
    certificate = forgeCertificateFromAnyDer(der);
  } catch (cause) {
    throw kepError("CERTIFICATE_PROFILE_INVALID", "Сертифікат підписувача не вдалося прочитати", {
      cause: String(cause),
    });
  }
  return readCertificateIdentity(certificate);
}
