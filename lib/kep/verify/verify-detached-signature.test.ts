import { beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { signDetached } from "../browser/sign-detached";
import { buildSigningCertificate } from "../ca/build-signing-certificate";
import { canonicalJsonBytes } from "../canonical-json";
import { forgeCms, swapCertificate } from "../testing/cms-variants";
import {
  CONSCRIPT,
  DAY,
  HEAD,
  PORTAL_URL,
  createKeyPool,
  createTestPki,
  issueTestSigner,
  type TestPki,
  type TestSigner,
} from "../testing/test-pki";
import type { ForgeKeyPair } from "../provider/generate-rsa-keys";
import type { CertificateStatus } from "./check-certificate";
import { MAX_SIGNATURE_BYTES } from "./parse-signature";
import { verifyDetachedSignature } from "./verify-detached-signature";

const now = new Date();
const content = canonicalJsonBytes({ edrpou: HEAD.edrpou!, employees: ["1759013776"], nonce: "n-42" });

let keys: ForgeKeyPair[];
let pki: TestPki;
let lookalike: TestPki;
let head: TestSigner;
const statuses = new Map<string, CertificateStatus>();

function issue(subject = HEAD, options: Parameters<typeof issueTestSigner>[3] = {}, keyIndex = 2): TestSigner {
  const signer = issueTestSigner(pki.issuing, keys[keyIndex]!, subject, { now, ...options });
  statuses.set(signer.serial, { status: "GOOD", revokedAt: null });
  return signer;
}

function verify(signature: Uint8Array, signed: Uint8Array = content, at: Date = now) {
  return verifyDetachedSignature({
    signature,
    content: signed,
    trust: pki.trust,
    now: at,
    certificateStatus: async (serial) => statuses.get(serial) ?? null,
  });
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => new Error("прийнято, хоча мало бути відмовлено"),
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

beforeAll(async () => {
  keys = await createKeyPool(7);
  pki = await createTestPki([keys[0]!, keys[1]!], now);
  // Same names, other keys: a provider anyone could make, with the perfect profile.
  lookalike = await createTestPki([keys[4]!, keys[5]!], now);
  head = issue();
});

describe("verifyDetachedSignature accepts", () => {
  it("a signature made by the portal's signer and returns the signer's identity", async () => {
    const signingTime = new Date(now.getTime() - 60_000);
    const signer = await verify(signDetached(head, content, { signingTime }));
    expect(signer).toMatchObject({
      rnokpp: HEAD.rnokpp,
      edrpou: HEAD.edrpou,
      fullName: HEAD.fullName,
      organization: HEAD.organization,
      title: HEAD.title,
      certificateSerial: head.serial,
    });
    expect(signer.signingTime.toISOString()).toBe(
      new Date(Math.floor(signingTime.getTime() / 1000) * 1000).toISOString(),
    );
    expect(signer.notAfter.getTime()).toBeGreaterThan(now.getTime());
  });

  it("a private person's signature, with no ЄДРПОУ", async () => {
    const person = issue(CONSCRIPT, {}, 3);
    const signer = await verify(signDetached(person, content));
    expect(signer.rnokpp).toBe(CONSCRIPT.rnokpp);
    expect(signer.edrpou).toBeUndefined();
  });

  it("a signing time a little ahead of the server's clock", async () => {
    await expect(
      verify(signDetached(head, content, { signingTime: new Date(now.getTime() + 60_000) })),
    ).resolves.toBeTruthy();
  });
});

describe("verifyDetachedSignature refuses, each with its own code", () => {
  it("tampered content: CONTENT_MISMATCH", async () => {
    const other = canonicalJsonBytes({ edrpou: HEAD.edrpou!, employees: ["1759013776", "2856200248"], nonce: "n-42" });
    const error = await refusal(verify(signDetached(head, content), other));
    expect([error.code, error.status]).toEqual(["CONTENT_MISMATCH", 400]);
  });

  it("a signature from another key under a genuine certificate: SIGNATURE_INVALID", async () => {
    const forged = signDetached({ privateKey: keys[6]!.privateKey, certificate: head.certificate }, content);
    const error = await refusal(verify(forged));
    expect([error.code, error.status]).toEqual(["SIGNATURE_INVALID", 401]);
  });

  it("the genuine signature with its certificate swapped for another of the same key: SIGNING_CERTIFICATE_MISMATCH", async () => {
    const sameKeyOtherHolder = issue({ ...HEAD, fullName: "Підміненко Іван Іванович" });
    const swapped = swapCertificate(signDetached(head, content), sameKeyOtherHolder.certificate);
    expect((await refusal(verify(swapped))).code).toBe("SIGNING_CERTIFICATE_MISMATCH");
  });

  it("a well-formed certificate from a look-alike provider with the same names: CERTIFICATE_UNTRUSTED", async () => {
    const impostor = issueTestSigner(lookalike.issuing, keys[3]!, HEAD, { now });
    statuses.set(impostor.serial, { status: "GOOD", revokedAt: null }); // even if the serial were known
    expect(lookalike.issuing.certificate.subject.hash).toBe(pki.issuing.certificate.subject.hash);
    const error = await refusal(verify(signDetached(impostor, content)));
    expect([error.code, error.status]).toEqual(["CERTIFICATE_UNTRUSTED", 401]);
  });

  it("a certificate signed by the genuine root directly, skipping the issuing CA: CERTIFICATE_UNTRUSTED", async () => {
    const certificate = buildSigningCertificate({
      issuer: pki.root,
      publicKey: keys[3]!.publicKey,
      subject: HEAD,
      portalUrl: PORTAL_URL,
      validFrom: new Date(now.getTime() - DAY),
      validTo: new Date(now.getTime() + DAY),
    });
    statuses.set(certificate.serialNumber, { status: "GOOD", revokedAt: null });
    expect((await refusal(verify(signDetached({ privateKey: keys[3]!.privateKey, certificate }, content)))).code).toBe(
      "CERTIFICATE_UNTRUSTED",
    );
  });

  it("an expired certificate: CERTIFICATE_EXPIRED, at signing time or only now", async () => {
    const expired = issue(HEAD, {
      validFrom: new Date(now.getTime() - 400 * DAY),
      validTo: new Date(now.getTime() - 10 * DAY),
    });
    const error = await refusal(verify(signDetached(expired, content)));
    expect([error.code, error.status]).toEqual(["CERTIFICATE_EXPIRED", 401]);
    expect(error.message).toMatch(/^Строк дії сертифіката минув \d/);
    // Backdated into the validity period: still refused, because it must be valid now too.
    const backdated = signDetached(expired, content, { signingTime: new Date(now.getTime() - 20 * DAY) });
    expect((await refusal(verify(backdated))).code).toBe("CERTIFICATE_EXPIRED");
  });

  it("a not-yet-valid certificate: CERTIFICATE_NOT_YET_VALID", async () => {
    const future = issue(HEAD, {
      validFrom: new Date(now.getTime() + 10 * DAY),
      validTo: new Date(now.getTime() + 400 * DAY),
    });
    const error = await refusal(verify(signDetached(future, content)));
    expect([error.code, error.status]).toEqual(["CERTIFICATE_NOT_YET_VALID", 401]);
  });

  it("a revoked certificate: CERTIFICATE_REVOKED, saying when", async () => {
    const revoked = issue();
    const revokedAt = new Date("2026-02-03T12:00:00Z");
    statuses.set(revoked.serial, { status: "REVOKED", revokedAt });
    const error = await refusal(verify(signDetached(revoked, content)));
    expect([error.code, error.status]).toEqual(["CERTIFICATE_REVOKED", 401]);
    expect(error.message).toContain("скасовано 3 лютого 2026");
    expect(error.details).toMatchObject({ revokedAt: revokedAt.toISOString() });
  });

  it("a certificate the provider has no record of: CERTIFICATE_UNKNOWN", async () => {
    const unrecorded = issueTestSigner(pki.issuing, keys[3]!, HEAD, { now });
    expect((await refusal(verify(signDetached(unrecorded, content)))).code).toBe("CERTIFICATE_UNKNOWN");
  });

  it("a certificate without nonRepudiation: NO_NON_REPUDIATION", async () => {
    const authOnly = issue(HEAD, { keyUsage: { digitalSignature: true } });
    const error = await refusal(verify(signDetached(authOnly, content)));
    expect([error.code, error.status]).toEqual(["NO_NON_REPUDIATION", 403]);
  });

  it("a certificate with an invalid РНОКПП: CERTIFICATE_PROFILE_INVALID", async () => {
    const bad = issue({ ...HEAD, rnokpp: "1234567890" });
    expect((await refusal(verify(signDetached(bad, content)))).code).toBe("CERTIFICATE_PROFILE_INVALID");
  });

  it.each([
    ["empty input", new Uint8Array()],
    ["garbage", Uint8Array.from({ length: 3000 }, (_, i) => (i * 7919 + 17) & 0xff)],
    ["text", new TextEncoder().encode("-----BEGIN PKCS7-----\nMIIB\n-----END PKCS7-----")],
    ["a certificate instead of a signature", new Uint8Array(0)],
  ])("%s: SIGNATURE_MALFORMED", async (name, input) => {
    const bytes = name.startsWith("a certificate") ? head.certificateDer : input;
    const error = await refusal(verify(bytes));
    expect([error.code, error.status]).toEqual(["SIGNATURE_MALFORMED", 400]);
  });

  it("a truncated signature, cut anywhere: SIGNATURE_MALFORMED", async () => {
    const signature = signDetached(head, content);
    for (const length of [1, 10, 100, signature.length >> 1, signature.length - 1]) {
      expect((await refusal(verify(signature.subarray(0, length)))).code, `cut at ${length}`).toBe(
        "SIGNATURE_MALFORMED",
      );
    }
  });

  it("a signature with bytes appended: SIGNATURE_MALFORMED", async () => {
    const signature = signDetached(head, content);
    expect((await refusal(verify(Uint8Array.from([...signature, 0x00])))).code).toBe("SIGNATURE_MALFORMED");
  });

  it("an oversized upload: SIGNATURE_TOO_LARGE (413), before any parsing", async () => {
    const error = await refusal(verify(new Uint8Array(MAX_SIGNATURE_BYTES + 1)));
    expect([error.code, error.status]).toEqual(["SIGNATURE_TOO_LARGE", 413]);
  });

  it("a signature that embeds its content: SIGNATURE_NOT_DETACHED", async () => {
    const attached = forgeCms({ content, signers: [head], detached: false });
    expect((await refusal(verify(attached))).code).toBe("SIGNATURE_NOT_DETACHED");
  });

  it("two signers or none: SIGNER_COUNT", async () => {
    const second = issue(CONSCRIPT, {}, 3);
    expect((await refusal(verify(forgeCms({ content, signers: [head, second] })))).code).toBe("SIGNER_COUNT");
    expect((await refusal(verify(forgeCms({ content, signers: [] })))).code).toBe("SIGNER_COUNT");
  });

  it("no certificate inside: CERTIFICATE_MISSING", async () => {
    expect((await refusal(verify(forgeCms({ content, signers: [head], includeCertificates: false })))).code).toBe(
      "CERTIFICATE_MISSING",
    );
  });

  it("a SHA-1 digest: SIGNATURE_ALGORITHM_UNSUPPORTED", async () => {
    expect((await refusal(verify(forgeCms({ content, signers: [head], digest: "sha1" })))).code).toBe(
      "SIGNATURE_ALGORITHM_UNSUPPORTED",
    );
  });

  it("no signing time: SIGNING_TIME_MISSING", async () => {
    expect((await refusal(verify(forgeCms({ content, signers: [head], withSigningTime: false })))).code).toBe(
      "SIGNING_TIME_MISSING",
    );
  });

  it("a plain PKCS#7 signature without the CAdES signing-certificate attribute: SIGNING_CERTIFICATE_MISSING", async () => {
    expect((await refusal(verify(forgeCms({ content, signers: [head] })))).code).toBe("SIGNING_CERTIFICATE_MISSING");
  });

  it("a failing status lookup (database down) is passed on, not reported as a bad signature", async () => {
    const outage = new Error("connection terminated");
    const result = verifyDetachedSignature({
      signature: signDetached(head, content),
      content,
      trust: pki.trust,
      now,
      certificateStatus: async () => {
        throw outage;
      },
    });
    await expect(result).rejects.toBe(outage);
  });

  it("a signing time well in the future: SIGNING_TIME_IN_FUTURE", async () => {
    const signature = signDetached(head, content, { signingTime: new Date(now.getTime() + 3_600_000) });
    expect((await refusal(verify(signature))).code).toBe("SIGNING_TIME_IN_FUTURE");
  });
});
