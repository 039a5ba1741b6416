import forge from "node-forge";
import { OID } from "../oids";

// Extensions of the Ukrainian qualified profile that forge cannot build by name, as forge
// ASN.1 values: forge places them in the certificate as they are.

const asn1 = forge.asn1;
const { UNIVERSAL, CONTEXT_SPECIFIC } = asn1.Class;
const T = asn1.Type;

export type ForgeExtension = { id: string; critical?: boolean; value: forge.asn1.Asn1 };

const oid = (value: string) => asn1.create(UNIVERSAL, T.OID, false, asn1.oidToDer(value).getBytes());
const seq = (items: forge.asn1.Asn1[]) => asn1.create(UNIVERSAL, T.SEQUENCE, true, items);
const set = (items: forge.asn1.Asn1[]) => asn1.create(UNIVERSAL, T.SET, true, items);
const uri = (url: string) => asn1.create(CONTEXT_SPECIFIC, 6, false, url);

export type KeyUsageBits = {
  digitalSignature?: boolean;
  nonRepudiation?: boolean;
  keyAgreement?: boolean;
  keyCertSign?: boolean;
  cRLSign?: boolean;
};

/** keyUsage as a BIT STRING; DER wants trailing zero bits dropped and counted as unused. */
export function keyUsageExtension(bits: KeyUsageBits): ForgeExtension {
  const flags = [
    bits.digitalSignature,
    bits.nonRepudiation,
    false,
    false,
    bits.keyAgreement,
    bits.keyCertSign,
    bits.cRLSign,
  ];
  let last = -1;
  flags.forEach((on, index) => {
    if (on) last = index;
  });
  let byte = 0;
  flags.forEach((on, index) => {
    if (on) byte |= 0x80 >> index;
  });
  const content = last < 0 ? String.fromCharCode(0) : String.fromCharCode(7 - last, byte);
  return { id: OID.keyUsage, critical: true, value: asn1.create(UNIVERSAL, T.BITSTRING, false, content) };
}

export function basicConstraintsExtension(ca: boolean, pathLength?: number): ForgeExtension {
  const items: forge.asn1.Asn1[] = [];
  if (ca) items.push(asn1.create(UNIVERSAL, T.BOOLEAN, false, String.fromCharCode(0xff)));
  if (ca && pathLength !== undefined)
    items.push(asn1.create(UNIVERSAL, T.INTEGER, false, asn1.integerToDer(pathLength).getBytes()));
  return { id: OID.basicConstraints, critical: true, value: seq(items) };
}

/** extKeyUsage with the given purposes (e.g. id-kp-OCSPSigning for a delegated OCSP responder). */
export function extendedKeyUsageExtension(purposes: string[]): ForgeExtension {
  return { id: OID.extKeyUsage, value: seq(purposes.map(oid)) };
}

export function subjectKeyIdentifierExtension(keyId: string): ForgeExtension {
  return { id: OID.subjectKeyIdentifier, value: asn1.create(UNIVERSAL, T.OCTETSTRING, false, keyId) };
}

export function authorityKeyIdentifierExtension(keyId: string): ForgeExtension {
  return { id: OID.authorityKeyIdentifier, value: seq([asn1.create(CONTEXT_SPECIFIC, 0, false, keyId)]) };
}

/** certificatePolicies with bare policy identifiers (no qualifiers). */
export function certificatePoliciesExtension(policyOids: string[]): ForgeExtension {
  return { id: OID.certificatePolicies, value: seq(policyOids.map((policy) => seq([oid(policy)]))) };
}

/** QCStatements (ETSI EN 319 412-5) with QcCompliance: a qualified certificate. */
export function qcStatementsExtension(): ForgeExtension {
  return { id: OID.qcStatements, value: seq([seq([oid(OID.qcCompliance)])]) };
}

/** subjectDirectoryAttributes with the DRFO (РНОКПП) and EDRPOU codes as PrintableString. */
export function subjectDirectoryAttributesExtension(codes: { rnokpp: string; edrpou?: string }): ForgeExtension {
  const attribute = (type: string, value: string) =>
    seq([oid(type), set([asn1.create(UNIVERSAL, T.PRINTABLESTRING, false, value)])]);
  const attributes = [attribute(OID.drfoCode, codes.rnokpp)];
  if (codes.edrpou) attributes.push(attribute(OID.edrpouCode, codes.edrpou));
  return { id: OID.subjectDirectoryAttributes, value: seq(attributes) };
}

/** One distribution point with a full URI name. */
export function crlDistributionPointsExtension(url: string): ForgeExtension {
  const fullName = asn1.create(CONTEXT_SPECIFIC, 0, true, [uri(url)]);
  const distributionPointName = asn1.create(CONTEXT_SPECIFIC, 0, true, [fullName]);
  return { id: OID.crlDistributionPoints, value: seq([seq([distributionPointName])]) };
}

export function authorityInfoAccessExtension(urls: { ocsp?: string; caIssuers?: string }): ForgeExtension {
  const items: forge.asn1.Asn1[] = [];
  if (urls.ocsp) items.push(seq([oid(OID.accessOcsp), uri(urls.ocsp)]));
  if (urls.caIssuers) items.push(seq([oid(OID.accessCaIssuers), uri(urls.caIssuers)]));
  return { id: OID.authorityInfoAccess, value: seq(items) };
}
