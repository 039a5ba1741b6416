import forge from "node-forge";
import { LEGAL_ID_PREFIX, OID, TAX_ID_PREFIX } from "../oids";

// Distinguished names in forge's attribute form. forge 1.4.3 UTF-8-encodes a value itself
// when valueTagClass is UTF8, but hands back raw UTF-8 bytes when it parses a certificate:
// names read from a parsed certificate must go through fromParsedName before reuse.

export type NameAttribute = { type: string; value: string; valueTagClass: number };

export type SubjectInput = {
  rnokpp: string;
  fullName: string;
  locality: string;
  edrpou?: string;
  organization?: string;
  title?: string;
};

const { UTF8, PRINTABLESTRING } = forge.asn1.Type;
const oids = forge.pki.oids as Record<string, string>;

const utf8 = (type: string, value: string): NameAttribute => ({ type, value, valueTagClass: UTF8 });
const printable = (type: string, value: string): NameAttribute => ({ type, value, valueTagClass: PRINTABLESTRING });

/** "Прізвище Ім'я По батькові" → surname and given names, as Ukrainian certificates split them. */
export function splitFullName(fullName: string): { surname: string; givenName?: string } {
  const words = fullName.trim().split(/\s+/);
  const [surname = "", ...rest] = words;
  return rest.length > 0 ? { surname, givenName: rest.join(" ") } : { surname };
}

/** The subject of a signing certificate in the Ukrainian qualified profile. */
export function signerSubject(input: SubjectInput): NameAttribute[] {
  const { surname, givenName } = splitFullName(input.fullName);
  const attributes: NameAttribute[] = [];
  if (input.organization) attributes.push(utf8(oids.organizationName!, input.organization));
  if (input.title) attributes.push(utf8(oids.title!, input.title));
  attributes.push(utf8(oids.commonName!, input.fullName.trim()));
  attributes.push(utf8(oids.surname!, surname));
  if (givenName) attributes.push(utf8(oids.givenName!, givenName));
  attributes.push(printable(oids.serialNumber!, `${TAX_ID_PREFIX}${input.rnokpp}`));
  attributes.push(printable(oids.countryName!, "UA"));
  attributes.push(utf8(oids.localityName!, input.locality));
  if (input.edrpou) attributes.push(printable(OID.organizationIdentifier, `${LEGAL_ID_PREFIX}${input.edrpou}`));
  return attributes;
}

/** The subject of one of the provider's own CA certificates. */
export function caSubject(commonName: string, organization: string): NameAttribute[] {
  return [
    utf8(oids.organizationName!, organization),
    utf8(oids.commonName!, commonName),
    printable(oids.countryName!, "UA"),
    utf8(oids.localityName!, "Київ"),
  ];
}

/** A parsed certificate's name, with UTF-8 values decoded so forge can encode it again. */
export function fromParsedName(attributes: forge.pki.CertificateField[]): NameAttribute[] {
  return attributes.map((attribute) => {
    const type = attribute.type;
    if (!type || typeof attribute.value !== "string") throw new Error("Непідтримуваний атрибут імені");
    // forge types valueTagClass as a class, but it holds the value's universal tag number.
    const tag = (attribute.valueTagClass as number | undefined) ?? PRINTABLESTRING;
    const value = tag === UTF8 ? forge.util.decodeUtf8(attribute.value) : attribute.value;
    return { type, value, valueTagClass: tag };
  });
}
