import { beforeAll, describe, expect, it } from "vitest";
import { buildSigningCertificate } from "./ca/build-signing-certificate";
import type { SubjectInput } from "./ca/subject-name";
import { readCertificateIdentity, readCertificateIdentityFromDer } from "./certificate-identity";
import { HEAD, PORTAL_URL, createKeyPool, createTestPki, type TestPki } from "./testing/test-pki";
import type { ForgeKeyPair } from "./provider/generate-rsa-keys";
import { certificateToDer } from "./ca/certificate-tools";
import forge from "node-forge";

let pki: TestPki;
let keys: ForgeKeyPair[];

const certificateFor = (subject: SubjectInput) =>
  buildSigningCertificate({
    issuer: pki.issuing,
    publicKey: keys[2]!.publicKey,
    subject,
    portalUrl: PORTAL_URL,
    validFrom: new Date("2026-01-01T00:00:00Z"),
    validTo: new Date("2027-01-01T00:00:00Z"),
  });

const codeOf = (action: () => unknown) => {
  try {
    action();
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return "accepted";
};

beforeAll(async () => {
  keys = await createKeyPool(3);
  pki = await createTestPki([keys[0]!, keys[1]!]);
});

describe("readCertificateIdentity", () => {
  it("reads the same identity from the forge object and from DER, with validity", () => {
    const certificate = certificateFor(HEAD);
    const fromDer = readCertificateIdentityFromDer(certificateToDer(certificate));
    expect(fromDer).toEqual(readCertificateIdentity(certificate));
    expect(fromDer.notBefore.toISOString()).toBe("2026-01-01T00:00:00.000Z");
    expect(fromDer.notAfter.toISOString()).toBe("2027-01-01T00:00:00.000Z");
  });

  it("falls back to the DRFO attribute when the subject has no TINUA- serial", () => {
    const certificate = certificateFor(HEAD);
    const subject = certificate.subject.attributes.filter((attribute) => attribute.type !== "2.5.4.5");
    const rebuilt = forge.pki.createCertificate();
    rebuilt.subject.attributes = subject;
    rebuilt.issuer.attributes = certificate.issuer.attributes;
    rebuilt.extensions = certificate.extensions;
    rebuilt.serialNumber = certificate.serialNumber;
    rebuilt.validity = certificate.validity;
    expect(readCertificateIdentity(rebuilt).rnokpp).toBe(HEAD.rnokpp);
  });

  it("refuses a РНОКПП whose check digit is wrong", () => {
    expect(codeOf(() => readCertificateIdentity(certificateFor({ ...HEAD, rnokpp: "1759013777" })))).toBe(
      "CERTIFICATE_PROFILE_INVALID",
    );
  });

  it("refuses an invalid ЄДРПОУ", () => {
    expect(codeOf(() => readCertificateIdentity(certificateFor({ ...HEAD, edrpou: "43556711" })))).toBe(
      "CERTIFICATE_PROFILE_INVALID",
    );
  });

  it("refuses a certificate whose two РНОКПП places disagree", () => {
    const certificate = certificateFor(HEAD);
    const serialAttribute = certificate.subject.attributes.find((attribute) => attribute.type === "2.5.4.5")!;
    serialAttribute.value = "TINUA-1759013776";
    expect(codeOf(() => readCertificateIdentity(certificate))).toBe("CERTIFICATE_PROFILE_INVALID");
  });

  it("refuses bytes that are not a certificate", () => {
    expect(codeOf(() => readCertificateIdentityFromDer(new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x01])))).toBe(
      "CERTIFICATE_PROFILE_INVALID",
    );
  });
});
