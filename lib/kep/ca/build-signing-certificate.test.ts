import * as asn1js from "asn1js";
import * as pkijs from "pkijs";
import { beforeAll, describe, expect, it } from "vitest";
import { toArrayBuffer } from "../bytes";
import { readCertificateIdentity } from "../certificate-identity";
import { OID } from "../oids";
import {
  CONSCRIPT,
  HEAD,
  PORTAL_URL,
  createKeyPool,
  createTestPki,
  issueTestSigner,
  type TestPki,
  type TestSigner,
} from "../testing/test-pki";
import { cryptoEngine } from "../verify/crypto-engine";
import { ISSUING_CA_NAME, ROOT_CA_NAME } from "./create-ca";

// The certificate is read back with PKI.js/asn1js, an implementation independent of the
// forge code that wrote it: a field forge encoded wrongly would not decode here.

let pki: TestPki;
let head: TestSigner;
let conscript: TestSigner;
let parsed: pkijs.Certificate;

function pkijsCertificate(der: Uint8Array): pkijs.Certificate {
  return new pkijs.Certificate({ schema: asn1js.fromBER(toArrayBuffer(der)).result });
}

function subjectValue(certificate: pkijs.Certificate, type: string) {
  const found = certificate.subject.typesAndValues.find((entry) => entry.type === type);
  return found
    ? { tag: found.value.idBlock.tagNumber, text: (found.value as asn1js.Utf8String).valueBlock.value }
    : undefined;
}

function extension(certificate: pkijs.Certificate, id: string) {
  const found = certificate.extensions?.find((candidate) => candidate.extnID === id);
  if (!found) throw new Error(`немає розширення ${id}`);
  return { critical: found.critical, value: asn1js.fromBER(found.extnValue.getValue()).result };
}

const UTF8 = 12;
const PRINTABLE = 19;

beforeAll(async () => {
  const keys = await createKeyPool(4);
  pki = await createTestPki([keys[0]!, keys[1]!]);
  head = issueTestSigner(pki.issuing, keys[2]!, HEAD);
  conscript = issueTestSigner(pki.issuing, keys[3]!, CONSCRIPT);
  parsed = pkijsCertificate(head.certificateDer);
});

describe("test provider CA", () => {
  it("the root is self-signed and the issuing CA is signed by it, with Ukrainian names intact", async () => {
    const root = pkijsCertificate(pki.rootDer);
    const issuing = pkijsCertificate(pki.issuingDer);
    expect(await root.verify(undefined, cryptoEngine)).toBe(true);
    expect(await issuing.verify(root, cryptoEngine)).toBe(true);
    expect(subjectValue(root, "2.5.4.3")).toEqual({ tag: UTF8, text: ROOT_CA_NAME });
    expect(subjectValue(issuing, "2.5.4.3")).toEqual({ tag: UTF8, text: ISSUING_CA_NAME });
    const basic = extension(issuing, OID.basicConstraints);
    expect(basic.critical).toBe(true);
  });

  it("the signing certificate verifies under the issuing CA and names it as issuer byte for byte", async () => {
    const issuing = pkijsCertificate(pki.issuingDer);
    expect(await parsed.verify(issuing, cryptoEngine)).toBe(true);
    expect(parsed.issuer.isEqual(issuing.subject)).toBe(true);
  });
});

describe("signing certificate profile", () => {
  it("has the subject of the Ukrainian qualified profile with the right string types", () => {
    expect(subjectValue(parsed, "2.5.4.3")).toEqual({ tag: UTF8, text: HEAD.fullName });
    expect(subjectValue(parsed, "2.5.4.4")).toEqual({ tag: UTF8, text: "Ґонта" });
    expect(subjectValue(parsed, "2.5.4.42")).toEqual({ tag: UTF8, text: "Олена Їжакевич-Петрівна" });
    expect(subjectValue(parsed, "2.5.4.5")).toEqual({ tag: PRINTABLE, text: `TINUA-${HEAD.rnokpp}` });
    expect(subjectValue(parsed, "2.5.4.6")).toEqual({ tag: PRINTABLE, text: "UA" });
    expect(subjectValue(parsed, "2.5.4.7")).toEqual({ tag: UTF8, text: "Київ" });
    expect(subjectValue(parsed, "2.5.4.10")).toEqual({ tag: UTF8, text: HEAD.organization });
    expect(subjectValue(parsed, "2.5.4.12")).toEqual({ tag: UTF8, text: HEAD.title });
    expect(subjectValue(parsed, OID.organizationIdentifier)).toEqual({ tag: PRINTABLE, text: `NTRUA-${HEAD.edrpou}` });
  });

  it("a private person's certificate has no organisation, title or NTRUA identifier", () => {
    const certificate = pkijsCertificate(conscript.certificateDer);
    expect(subjectValue(certificate, "2.5.4.10")).toBeUndefined();
    expect(subjectValue(certificate, "2.5.4.12")).toBeUndefined();
    expect(subjectValue(certificate, OID.organizationIdentifier)).toBeUndefined();
    const attributes = (extension(certificate, OID.subjectDirectoryAttributes).value as asn1js.Sequence).valueBlock
      .value;
    expect(attributes).toHaveLength(1);
  });

  it("keyUsage is critical with exactly digitalSignature and nonRepudiation", () => {
    const keyUsage = extension(parsed, OID.keyUsage);
    expect(keyUsage.critical).toBe(true);
    const bits = keyUsage.value as asn1js.BitString;
    expect(Array.from(bits.valueBlock.valueHexView)).toEqual([0xc0]);
    expect(bits.valueBlock.unusedBits).toBe(6);
  });

  it("carries the DRFO and EDRPOU codes as PrintableString in subjectDirectoryAttributes", () => {
    const attributes = (extension(parsed, OID.subjectDirectoryAttributes).value as asn1js.Sequence).valueBlock.value;
    const decoded = attributes.map((attribute) => {
      const [type, values] = (attribute as asn1js.Sequence).valueBlock.value;
      const value = (values as asn1js.Set).valueBlock.value[0] as asn1js.PrintableString;
      return [(type as asn1js.ObjectIdentifier).valueBlock.toString(), value.idBlock.tagNumber, value.valueBlock.value];
    });
    expect(decoded).toEqual([
      [OID.drfoCode, PRINTABLE, HEAD.rnokpp],
      [OID.edrpouCode, PRINTABLE, HEAD.edrpou],
    ]);
  });

  it("declares the qualified policy, QcCompliance, and the portal's CRL and OCSP addresses", () => {
    const policies = new pkijs.CertificatePolicies({ schema: extension(parsed, OID.certificatePolicies).value });
    expect(policies.certificatePolicies.map((policy) => policy.policyIdentifier)).toEqual([OID.uaQualifiedPolicy]);

    const statements = (extension(parsed, OID.qcStatements).value as asn1js.Sequence).valueBlock.value;
    const statementIds = statements.map((statement) =>
      ((statement as asn1js.Sequence).valueBlock.value[0] as asn1js.ObjectIdentifier).valueBlock.toString(),
    );
    expect(statementIds).toEqual([OID.qcCompliance]);

    const crl = new pkijs.CRLDistributionPoints({ schema: extension(parsed, OID.crlDistributionPoints).value });
    const crlNames = crl.distributionPoints[0]!.distributionPoint as pkijs.GeneralName[];
    expect(crlNames.map((name) => name.value)).toEqual([`${PORTAL_URL}/api/pki/crl`]);

    const aia = new pkijs.InfoAccess({ schema: extension(parsed, OID.authorityInfoAccess).value });
    expect(aia.accessDescriptions.map((entry) => [entry.accessMethod, entry.accessLocation.value])).toEqual([
      [OID.accessOcsp, `${PORTAL_URL}/api/pki/ocsp`],
      [OID.accessCaIssuers, `${PORTAL_URL}/api/pki/ca/issuing`],
    ]);
  });

  it("has a random positive 16-byte serial and is not a CA", () => {
    const serial = parsed.serialNumber.valueBlock.valueHexView;
    expect(serial).toHaveLength(16);
    expect(serial[0]! & 0x80).toBe(0);
    expect(head.serial).toMatch(/^[0-9a-f]{32}$/);
    expect(head.serial).not.toBe(conscript.serial);
    const basic = new pkijs.BasicConstraints({ schema: extension(parsed, OID.basicConstraints).value });
    expect(basic.cA).toBe(false);
  });

  it("reads back the identity the browser shows and the server decides on", () => {
    expect(readCertificateIdentity(head.certificate)).toMatchObject({
      rnokpp: HEAD.rnokpp,
      edrpou: HEAD.edrpou,
      fullName: HEAD.fullName,
      organization: HEAD.organization,
      title: HEAD.title,
      locality: "Київ",
      serial: head.serial,
      issuerName: ISSUING_CA_NAME,
    });
    const person = readCertificateIdentity(conscript.certificate);
    expect(person.rnokpp).toBe(CONSCRIPT.rnokpp);
    expect(person.edrpou).toBeUndefined();
    expect(person.organization).toBeUndefined();
  });

  it("refuses a validity period that ends before it starts", () => {
    const now = new Date();
    expect(() =>
      issueTestSigner(
        pki.issuing,
        { publicKey: head.certificate.publicKey as never, privateKey: head.privateKey },
        HEAD,
        {
          validFrom: now,
          validTo: new Date(now.getTime() - 1),
        },
      ),
    ).toThrow(RangeError);
  });
});
