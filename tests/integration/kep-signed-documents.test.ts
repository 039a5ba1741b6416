import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import {
  acceptSignedDocument,
  type AcceptSignedDocumentInput,
  type RequiredSigner,
} from "@/lib/kep/accept-signed-document";
import { openKeyFile, type OpenedKeyFile } from "@/lib/kep/browser/open-key-file";
import { signDetached } from "@/lib/kep/browser/sign-detached";
import { buildSigningCertificate } from "@/lib/kep/ca/build-signing-certificate";
import { certificateToDer } from "@/lib/kep/ca/certificate-tools";
import { canonicalJsonBytes } from "@/lib/kep/canonical-json";
import { issueNonce } from "@/lib/kep/nonce/issue-nonce";
import { ensureTestProvider } from "@/lib/kep/provider/ensure-test-provider";
import { issueCertificate, type IssueCertificateInput } from "@/lib/kep/provider/issue-certificate";
import { loadIssuingCa } from "@/lib/kep/provider/provider-store";
import { revokeCertificate } from "@/lib/kep/provider/revoke-certificate";
import { HEAD, createKeyPool, createTestPki, issueTestSigner, PORTAL_URL } from "@/lib/kep/testing/test-pki";
import { MAX_SIGNATURE_BYTES } from "@/lib/kep/verify/parse-signature";
import { createCtx } from "@/lib/context-server";
import { createAuthority, createUser } from "@/prisma/seed/factories";

// Steps 1–8 through acceptSignedDocument inside a transaction, as a cabinet would call it.
// Every refusal is checked for its own code and for leaving the database as it was.

const DAY = 86_400_000;
const now = new Date();
const PASSWORD = "Key-File-Pass1";
const ENTERPRISE = { edrpou: HEAD.edrpou!, headRnokpp: HEAD.rnokpp };

const keys: Record<string, OpenedKeyFile> = {};
let other: Awaited<ReturnType<typeof createKeyPool>>;

async function issueAndOpen(input: Partial<IssueCertificateInput> = {}): Promise<OpenedKeyFile> {
  const { p12 } = await issueCertificate(createCtx({ actor: null }), {
    ...HEAD,
    password: PASSWORD,
    ...input,
  } as IssueCertificateInput);
  return openKeyFile(p12, PASSWORD);
}

async function application(nonce: string) {
  return canonicalJsonBytes({
    edrpou: ENTERPRISE.edrpou,
    employees: [{ rnokpp: "1759013776", salary: 2500000 }],
    nonce,
  });
}

async function submit(content: Uint8Array, signature: Uint8Array, extra: Partial<AcceptSignedDocumentInput> = {}) {
  return db.$transaction((tx) =>
    acceptSignedDocument(
      { db: tx, now },
      {
        kind: "RESERVATION_APPLICATION",
        content,
        signature,
        edrpou: ENTERPRISE.edrpou,
        signer: { role: "ENTERPRISE_HEAD", enterprise: ENTERPRISE },
        ...extra,
      },
    ),
  );
}

async function snapshot() {
  const [documents, usedNonces, revoked] = await Promise.all([
    db.signedDocument.count(),
    db.nonce.count({ where: { usedAt: { not: null } } }),
    db.certificate.count({ where: { status: "REVOKED" } }),
  ]);
  return { documents, usedNonces, revoked };
}

/** The submission must fail with `code` and leave every counted table unchanged. */
async function expectRefusal(code: string, attempt: () => Promise<unknown>) {
  const before = await snapshot();
  const error = await attempt().then(
    () => new Error(`прийнято, хоча мало бути ${code}`),
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  expect(await snapshot()).toEqual(before);
  return error as AppError;
}

beforeAll(async () => {
  // The provider dates from long ago, so expired test certificates still lie inside its validity.
  await ensureTestProvider({ db, now: new Date(now.getTime() - 2 * 365 * DAY) });
  other = await createKeyPool(3);
  const opened = await Promise.all([
    issueAndOpen(),
    issueAndOpen({ rnokpp: "1759013776", fullName: "Сторонній Петро Іванович" }),
    issueAndOpen({ edrpou: "32855961", organization: "АТ «Інше»" }),
    issueAndOpen({ edrpou: undefined, organization: undefined, title: undefined }),
    issueAndOpen({ validFrom: new Date(now.getTime() - 400 * DAY), validTo: new Date(now.getTime() - 10 * DAY) }),
    issueAndOpen({ validFrom: new Date(now.getTime() + 10 * DAY), validTo: new Date(now.getTime() + 400 * DAY) }),
    issueAndOpen(),
  ]);
  [keys.head, keys.stranger, keys.headElsewhere, keys.headPersonal, keys.expired, keys.future, keys.revoked] = opened;
  await revokeCertificate(createCtx({ actor: null, now: new Date(now.getTime() - DAY) }), {
    serial: keys.revoked.identity.serial,
    reason: "keyCompromise",
  });

  // Issued by the genuine CA and recorded, but for authentication only.
  const ca = await loadIssuingCa(db);
  const authOnly = buildSigningCertificate({
    issuer: ca.issuing,
    publicKey: other[0]!.publicKey,
    subject: HEAD,
    portalUrl: PORTAL_URL,
    validFrom: new Date(now.getTime() - DAY),
    validTo: new Date(now.getTime() + 365 * DAY),
    keyUsage: { digitalSignature: true },
  });
  await db.certificate.create({
    data: {
      serial: authOnly.serialNumber,
      rnokpp: HEAD.rnokpp,
      subjectName: HEAD.fullName,
      notBefore: authOnly.validity.notBefore,
      notAfter: authOnly.validity.notAfter,
      der: certificateToDer(authOnly),
    },
  });
  keys.authOnly = { ...keys.head, privateKey: other[0]!.privateKey, certificate: authOnly };
});

describe("acceptSignedDocument", () => {
  it("stores a valid document with the signer, the exact bytes and the signature", async () => {
    const content = await application("n-ok");
    const signature = signDetached(keys.head!, content);
    const accepted = await submit(content, signature);
    const row = await db.signedDocument.findUniqueOrThrow({ where: { id: accepted.id } });
    expect(row).toMatchObject({
      kind: "RESERVATION_APPLICATION",
      signerRnokpp: HEAD.rnokpp,
      signerName: HEAD.fullName,
      signerEdrpou: HEAD.edrpou,
      edrpou: HEAD.edrpou,
      certificateSerial: keys.head!.identity.serial,
      signatureSha256: accepted.signatureSha256,
    });
    expect(new Uint8Array(row.content)).toEqual(content);
    expect(new Uint8Array(row.signature)).toEqual(signature);
  });

  it("refuses tampered content: CONTENT_MISMATCH", async () => {
    const signature = signDetached(keys.head!, await application("n-1"));
    await expectRefusal("CONTENT_MISMATCH", async () => submit(await application("n-1-changed"), signature));
  });

  it("refuses a signature from another key: SIGNATURE_INVALID", async () => {
    const content = await application("n-2");
    const forged = signDetached({ privateKey: other[1]!.privateKey, certificate: keys.head!.certificate }, content);
    await expectRefusal("SIGNATURE_INVALID", () => submit(content, forged));
  });

  it("refuses a well-formed certificate not issued by the test provider: CERTIFICATE_UNTRUSTED", async () => {
    const foreign = await createTestPki([other[1]!, other[2]!], now);
    const impostor = issueTestSigner(foreign.issuing, other[0]!, HEAD, { now });
    const content = await application("n-3");
    await expectRefusal("CERTIFICATE_UNTRUSTED", () => submit(content, signDetached(impostor, content)));
  });

  it("refuses an expired certificate: CERTIFICATE_EXPIRED", async () => {
    const content = await application("n-4");
    await expectRefusal("CERTIFICATE_EXPIRED", () => submit(content, signDetached(keys.expired!, content)));
  });

  it("refuses a not-yet-valid certificate: CERTIFICATE_NOT_YET_VALID", async () => {
    const content = await application("n-5");
    await expectRefusal("CERTIFICATE_NOT_YET_VALID", () => submit(content, signDetached(keys.future!, content)));
  });

  it("refuses a revoked certificate, saying it was revoked and when: CERTIFICATE_REVOKED", async () => {
    const content = await application("n-6");
    const error = await expectRefusal("CERTIFICATE_REVOKED", () =>
      submit(content, signDetached(keys.revoked!, content)),
    );
    expect(error.message).toMatch(/^Сертифікат скасовано \d+ [а-яії]+ \d{4}/);
  });

  it("refuses a certificate without nonRepudiation: NO_NON_REPUDIATION", async () => {
    const content = await application("n-7");
    await expectRefusal("NO_NON_REPUDIATION", () => submit(content, signDetached(keys.authOnly!, content)));
  });

  it("refuses the head's key issued for another ЄДРПОУ, or a personal one: EDRPOU_MISMATCH", async () => {
    const content = await application("n-8");
    await expectRefusal("EDRPOU_MISMATCH", () => submit(content, signDetached(keys.headElsewhere!, content)));
    await expectRefusal("EDRPOU_MISMATCH", () => submit(content, signDetached(keys.headPersonal!, content)));
  });

  it("refuses a person who is not the head: SIGNER_NOT_HEAD", async () => {
    const content = await application("n-9");
    await expectRefusal("SIGNER_NOT_HEAD", () => submit(content, signDetached(keys.stranger!, content)));
  });

  it("refuses a replayed signature, and of two simultaneous submissions accepts one: SIGNATURE_REPLAYED", async () => {
    const content = await application("n-10");
    const signature = signDetached(keys.head!, content);
    await submit(content, signature);
    await expectRefusal("SIGNATURE_REPLAYED", () => submit(content, signature));

    const racing = await application("n-11");
    const racingSignature = signDetached(keys.head!, racing);
    const results = await Promise.allSettled([submit(racing, racingSignature), submit(racing, racingSignature)]);
    expect(results.map((result) => result.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect((results.find((result) => result.status === "rejected") as PromiseRejectedResult).reason).toMatchObject({
      code: "SIGNATURE_REPLAYED",
    });
  });

  it("consumes the document's nonce once: a second signature over it is NONCE_USED", async () => {
    const nonce = await issueNonce(createCtx({ actor: null, now }), { purpose: "application", ttlSeconds: 600 });
    const content = await application(nonce.value);
    await submit(content, signDetached(keys.head!, content, { signingTime: new Date(now.getTime() - 2000) }), {
      nonce: { value: nonce.value, purpose: "application" },
    });
    // A fresh signature over the same bytes (another signing time) is not a replay of the .p7s, but of the nonce.
    const again = signDetached(keys.head!, content, { signingTime: new Date(now.getTime() - 1000) });
    await expectRefusal("NONCE_USED", () =>
      submit(content, again, { nonce: { value: nonce.value, purpose: "application" } }),
    );
  });

  it("refuses an expired or unknown nonce: NONCE_EXPIRED, NONCE_UNKNOWN", async () => {
    const stale = await issueNonce(createCtx({ actor: null, now: new Date(now.getTime() - 120_000) }), {
      purpose: "application",
      ttlSeconds: 60,
    });
    const content = await application(stale.value);
    await expectRefusal("NONCE_EXPIRED", () =>
      submit(content, signDetached(keys.head!, content), { nonce: { value: stale.value, purpose: "application" } }),
    );
    const made = "A".repeat(43);
    const other = await application(made);
    await expectRefusal("NONCE_UNKNOWN", () =>
      submit(other, signDetached(keys.head!, other), { nonce: { value: made, purpose: "application" } }),
    );
  });

  it("refuses garbage, truncated and oversized uploads: SIGNATURE_MALFORMED, SIGNATURE_TOO_LARGE", async () => {
    const content = await application("n-12");
    const signature = signDetached(keys.head!, content);
    await expectRefusal("SIGNATURE_MALFORMED", () => submit(content, new TextEncoder().encode("не підпис")));
    await expectRefusal("SIGNATURE_MALFORMED", () => submit(content, signature.subarray(0, signature.length - 7)));
    const error = await expectRefusal("SIGNATURE_TOO_LARGE", () =>
      submit(content, new Uint8Array(MAX_SIGNATURE_BYTES + 1)),
    );
    expect(error.status).toBe(413);
  });
});

describe("acceptSignedDocument: the one signature step of every signed act", () => {
  it("refuses an empty signature, in bytes or base64, before parsing anything: SIGNATURE_MALFORMED", async () => {
    const content = await application("n-empty");
    await expectRefusal("SIGNATURE_MALFORMED", () => submit(content, new Uint8Array(0)));
    await expectRefusal("SIGNATURE_MALFORMED", () =>
      db.$transaction((tx) =>
        acceptSignedDocument({ db: tx, now }, { kind: "RESERVATION_APPLICATION", content, signature: "" }),
      ),
    );
  });

  it("takes the signature as base64, as forms and the HR API send it", async () => {
    const content = await application("n-base64");
    const signature = Buffer.from(signDetached(keys.head!, content)).toString("base64");
    const accepted = await db.$transaction((tx) =>
      acceptSignedDocument(
        { db: tx, now },
        {
          kind: "RESERVATION_APPLICATION",
          content,
          signature,
          edrpou: ENTERPRISE.edrpou,
          signer: { role: "ENTERPRISE_HEAD", enterprise: ENTERPRISE },
        },
      ),
    );
    expect(accepted.signer.rnokpp).toBe(HEAD.rnokpp);
  });

  it("an official or a methodologist signs only for an authority where they serve, with a key for its ЄДРПОУ", async () => {
    // HEAD's key names ЄДРПОУ 43556710: authority A has that code, authority B another one.
    const a = await createAuthority(db, { edrpou: ENTERPRISE.edrpou });
    const b = await createAuthority(db);
    const { user } = await createUser(db, { role: "OFFICIAL", rnokpp: HEAD.rnokpp, authorityId: a.id });
    await db.membership.create({ data: { userId: user.id, role: "OFFICIAL", authorityId: b.id } });
    await db.membership.create({ data: { userId: user.id, role: "METHODOLOGIST", authorityId: b.id } });
    const sign = (label: string, key: OpenedKeyFile, signer: RequiredSigner) => {
      const content = canonicalJsonBytes({ label });
      return db.$transaction((tx) =>
        acceptSignedDocument(
          { db: tx, now },
          { kind: "CRITICAL_DECISION", content, signature: signDetached(key, content), authorityId: a.id, signer },
        ),
      );
    };

    expect((await sign("official of A", keys.head!, { role: "OFFICIAL", authority: a })).signer.rnokpp).toBe(
      HEAD.rnokpp,
    );
    await expectRefusal("SIGNER_NOT_OFFICIAL", () =>
      sign("stranger for A", keys.stranger!, { role: "OFFICIAL", authority: a }),
    );
    await expectRefusal("EDRPOU_MISMATCH", () =>
      sign("official of B, key for A", keys.head!, { role: "OFFICIAL", authority: b }),
    );
    await expectRefusal("SIGNER_NOT_METHODOLOGIST", () =>
      sign("not a methodologist of A", keys.head!, { role: "METHODOLOGIST", authority: a }),
    );
    const mismatch = await expectRefusal("EDRPOU_MISMATCH", () =>
      sign("methodologist of B, key for A", keys.head!, { role: "METHODOLOGIST", authority: b }),
    );
    expect(mismatch.details).toMatchObject({ expected: b.edrpou, actual: ENTERPRISE.edrpou });

    await db.membership.updateMany({ where: { userId: user.id, authorityId: a.id }, data: { revokedAt: now } });
    await expectRefusal("SIGNER_NOT_OFFICIAL", () =>
      sign("withdrawn official of A", keys.head!, { role: "OFFICIAL", authority: a }),
    );
  });
});
