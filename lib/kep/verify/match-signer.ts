import "server-only";
import * as asn1js from "asn1js";
import * as pkijs from "pkijs";
import { bytesEqual } from "../bytes";
import { OID } from "../oids";

// Which certificate a SignerInfo points at. RFC 5652 §5.3 names it by issuer and serial number
// or by subjectKeyIdentifier; issuer names are compared as RFC 5280 §7.1 says (the same
// attributes, string values compared as Unicode after LDAP-StringPrep-like normalisation:
// whatever string type each side was encoded in), never byte for byte.

const STRING_TAGS = new Set([12, 18, 19, 20, 21, 22, 25, 26, 27, 28, 29, 30]);

/** The Unicode text of a directory string of any type. */
function directoryString(value: asn1js.AsnType): string | null {
  if (value.idBlock.tagClass !== 1 || !STRING_TAGS.has(value.idBlock.tagNumber)) return null;
  const bytes = (value as asn1js.BaseStringBlock).valueBlock.valueHexView;
  switch (value.idBlock.tagNumber) {
    case 12: // UTF8String
      return new TextDecoder("utf-8", { fatal: false }).decode(bytes);
    case 30: {
      // BMPString: UCS-2 big-endian
      let text = "";
      for (let i = 0; i + 1 < bytes.length; i += 2) text += String.fromCharCode((bytes[i]! << 8) | bytes[i + 1]!);
      return text;
    }
    case 28: {
      // UniversalString: UCS-4 big-endian
      let text = "";
      for (let i = 0; i + 3 < bytes.length; i += 4) {
        text += String.fromCodePoint(
          ((bytes[i]! << 24) | (bytes[i + 1]! << 16) | (bytes[i + 2]! << 8) | bytes[i + 3]!) >>> 0,
        );
      }
      return text;
    }
    default: // PrintableString, IA5String, TeletexString (as Latin-1) and the rest
      return String.fromCharCode(...bytes);
  }
}

/** RFC 4518 in short: compatibility-normalise, case-fold, trim, collapse inner spaces. */
export function prepareString(text: string): string {
  return text.normalize("NFKC").toLowerCase().trim().replace(/\s+/gu, " ");
}

/**
 * node-forge re-encodes a parsed UTF8String name by UTF-8-encoding its (already UTF-8) bytes
 * again, so a Cyrillic issuer arrives as "Ð¢ÐµÑ…" mojibake. When every character is one byte
 * and those bytes are valid UTF-8, this is the text forge meant.
 */
function undoDoubleUtf8(text: string): string | null {
  if (!/[\u0080-\u00ff]/u.test(text) || /[^\u0000-\u00ff]/u.test(text)) return null;
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(Uint8Array.from(text, (char) => char.charCodeAt(0)));
  } catch {
    return null;
  }
}

type NameEntry = { type: string; value: asn1js.AsnType };

/** RDNs as sets of (type, value), in order; the name's raw ASN.1 so multi-valued RDNs stay whole. */
function rdnsOf(name: pkijs.RelativeDistinguishedNames): NameEntry[][] {
  const sequence =
    name.valueBeforeDecode.byteLength > 0 ? asn1js.fromBER(name.valueBeforeDecode).result : name.toSchema();
  const rdns = sequence instanceof asn1js.Sequence ? sequence.valueBlock.value : [];
  return rdns.map((rdn) =>
    (rdn instanceof asn1js.Set ? rdn.valueBlock.value : []).flatMap((entry) => {
      const [type, value] = entry instanceof asn1js.Sequence ? entry.valueBlock.value : [];
      return type instanceof asn1js.ObjectIdentifier && value ? [{ type: type.valueBlock.toString(), value }] : [];
    }),
  );
}

function valuesMatch(a: asn1js.AsnType, b: asn1js.AsnType, lenientB: boolean): boolean {
  const textA = directoryString(a);
  const textB = directoryString(b);
  if (textA === null || textB === null) {
    return (
      textA === null && textB === null && bytesEqual(new Uint8Array(a.toBER(false)), new Uint8Array(b.toBER(false)))
    );
  }
  if (prepareString(textA) === prepareString(textB)) return true;
  const repaired = lenientB && b.idBlock.tagNumber === 12 ? undoDoubleUtf8(textB) : null;
  return repaired !== null && prepareString(textA) === prepareString(repaired);
}

/**
 * RFC 5280 §7.1 name equality. `lenient` also accepts, in `b` (the signer identifier), the
 * doubly UTF-8-encoded strings node-forge writes: the SID is only a pointer, and the signature
 * and signingCertificateV2 are then checked against the certificate it found.
 */
export function namesEqual(
  a: pkijs.RelativeDistinguishedNames,
  b: pkijs.RelativeDistinguishedNames,
  lenient = false,
): boolean {
  const rdnsA = rdnsOf(a);
  const rdnsB = rdnsOf(b);
  if (rdnsA.length !== rdnsB.length) return false;
  return rdnsA.every((rdnA, index) => {
    const rdnB = rdnsB[index]!;
    if (rdnA.length !== rdnB.length) return false;
    const unused = [...rdnB];
    return rdnA.every((entry) => {
      const at = unused.findIndex(
        (candidate) => candidate.type === entry.type && valuesMatch(entry.value, candidate.value, lenient),
      );
      if (at < 0) return false;
      unused.splice(at, 1);
      return true;
    });
  });
}

export function subjectKeyIdentifierOf(certificate: pkijs.Certificate): Uint8Array | null {
  const extension = certificate.extensions?.find((candidate) => candidate.extnID === OID.subjectKeyIdentifier);
  const value = extension?.parsedValue;
  return value instanceof asn1js.OctetString ? new Uint8Array(value.valueBlock.valueHexView) : null;
}

/** Does this SignerInfo's sid name this certificate? */
export function sidMatches(sid: pkijs.SignerInfo["sid"], certificate: pkijs.Certificate): boolean {
  if (sid instanceof pkijs.IssuerAndSerialNumber) {
    return sid.serialNumber.isEqual(certificate.serialNumber) && namesEqual(certificate.issuer, sid.issuer, true);
  }
  // [0] SubjectKeyIdentifier, kept by pkijs as the raw tagged value.
  const block = sid as asn1js.AsnType | undefined;
  if (block && block.idBlock?.tagClass === 3 && block.idBlock.tagNumber === 0) {
    const keyId = subjectKeyIdentifierOf(certificate);
    const bytes =
      block instanceof asn1js.Constructed
        ? new Uint8Array((block.valueBlock.value[0] as asn1js.OctetString | undefined)?.valueBlock.valueHexView ?? [])
        : new Uint8Array((block as asn1js.Primitive).valueBlock.valueHexView);
    return keyId !== null && bytes.length > 0 && bytesEqual(keyId, bytes);
  }
  return false;
}

/** The first value of a name attribute (e.g. commonName 2.5.4.3) as text. */
export function nameAttribute(name: pkijs.RelativeDistinguishedNames, type: string): string | undefined {
  for (const rdn of rdnsOf(name)) {
    for (const entry of rdn) {
      const text = entry.type === type ? directoryString(entry.value) : null;
      if (text) return text;
    }
  }
  return undefined;
}
