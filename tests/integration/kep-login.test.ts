import { randomBytes, randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { POST as postNonce } from "@/app/api/auth/kep/nonce/route";
import { issueLoginChallenge } from "@/lib/auth/kep-login/issue-login-challenge";
import { buildLoginChallenge, loginChallengeBytes } from "@/lib/auth/kep-login/login-challenge";
import {
  createFailureThrottle,
  KEP_CHALLENGE_RATE_LIMIT,
  KEP_LOGIN_THROTTLE,
} from "@/lib/auth/kep-login/login-throttle";
import { REFUSED_KEP_LOGIN_ACTION } from "@/lib/auth/kep-login/record-refused-kep-login";
import { signInWithKep } from "@/lib/auth/kep-login/sign-in-with-kep";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { generateRnokpp } from "@/lib/identifiers";
import { openKeyFile, type OpenedKeyFile } from "@/lib/kep/browser/open-key-file";
import { signDetached, type SigningKey } from "@/lib/kep/browser/sign-detached";
import { buildSigningCertificate } from "@/lib/kep/ca/build-signing-certificate";
import { certificateToDer } from "@/lib/kep/ca/certificate-tools";
import { issueNonce } from "@/lib/kep/nonce/issue-nonce";
import { ensureTestProvider } from "@/lib/kep/provider/ensure-test-provider";
import { issueCertificate, type IssueCertificateInput } from "@/lib/kep/provider/issue-certificate";
import { loadIssuingCa } from "@/lib/kep/provider/provider-store";
import { revokeCertificate } from "@/lib/kep/provider/revoke-certificate";
import { createKeyPool, createTestPki, HEAD, issueTestSigner, PORTAL_URL } from "@/lib/kep/testing/test-pki";
import { MAX_SIGNATURE_BYTES } from "@/lib/kep/verify/parse-signature";
import { createCtx } from "@/lib/context-server";
import { createAuthority, createEnterprise, createPerson, createUser } from "@/prisma/seed/factories";

// Signing in with a КЕП through signInWithKep (what the next-auth "kep" provider runs): every
// refusal has its own code and writes nothing but one audit row (and the client's failure
// count); a good key opens the roles its holder has, on a found or a new account.

const DAY = 86_400_000;
const PASSWORD = "Login-Key-Pass1";
const STRANGER = {
  rnokpp: generateRnokpp(new Date(Date.UTC(1990, 1, 2)), "MALE", 77),
  fullName: "Сторонній Петро Іванович",
};
const OFFICIAL = {
  rnokpp: generateRnokpp(new Date(Date.UTC(1984, 5, 9)), "FEMALE", 31),
  fullName: "Посадова Ірина Олегівна",
};
const AUTHORITY_EDRPOU = "37508596";

const keys: Record<
  "head" | "stranger" | "official" | "expired" | "future" | "revoked" | "authOnly" | "disabled",
  OpenedKeyFile
> = {} as never;
let other: Awaited<ReturnType<typeof createKeyPool>>;
let clientNumber = 0;

async function issueAndOpen(input: Partial<IssueCertificateInput> = {}): Promise<OpenedKeyFile> {
  const { p12 } = await issueCertificate(createCtx({ actor: null }), {
    ...HEAD,
    password: PASSWORD,
    ...input,
  } as IssueCertificateInput);
  return openKeyFile(p12, PASSWORD);
}

const toBase64 = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64");

/** A fresh challenge and its signature by `key` (over `signedBytes` when a test changes them). */
async function signedLogin(
  key: SigningKey,
  options: { now?: Date; signedBytes?: (challenge: Uint8Array) => Uint8Array } = {},
) {
  const { challenge } = await issueLoginChallenge(createCtx({ actor: null, now: options.now }));
  const bytes = Buffer.from(challenge, "base64");
  const signed = options.signedBytes ? options.signedBytes(bytes) : bytes;
  return { challenge, signature: toBase64(signDetached(key, signed)) };
}

/** Each attempt comes from its own address with its own throttle, unless a test says otherwise. */
function attempt(input: { challenge: unknown; signature: unknown }, clientAddress = `192.0.2.${++clientNumber}`) {
  return signInWithKep(
    createCtx({ actor: null }),
    { ...input, clientAddress },
    { throttle: createFailureThrottle({ ...KEP_LOGIN_THROTTLE, name: `kep-login-test-${randomUUID()}` }) },
  );
}

async function snapshot() {
  const [users, usedNonces, logins, documents, refused] = await Promise.all([
    db.user.count(),
    db.nonce.count({ where: { usedAt: { not: null } } }),
    db.auditLog.count({ where: { action: "auth.login" } }),
    db.signedDocument.count(),
    db.auditLog.count({ where: { action: REFUSED_KEP_LOGIN_ACTION } }),
  ]);
  return { users, usedNonces, logins, documents, refused };
}

/** The login must fail with `code`, change nothing but add one refusal to the audit log. */
async function expectRefusal(code: string, run: () => Promise<unknown>): Promise<AppError> {
  const before = await snapshot();
  const error = await run().then(
    () => new Error(`вхід дозволено, хоча мало бути ${code}`),
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  expect(await snapshot()).toEqual({ ...before, refused: before.refused + 1 });
  const row = await db.auditLog.findFirstOrThrow({
    where: { action: REFUSED_KEP_LOGIN_ACTION },
    orderBy: { at: "desc" },
  });
  expect((row.details as { code: string }).code).toBe(code);
  return error as AppError;
}

beforeAll(async () => {
  const now = new Date();
  await ensureTestProvider({ db, now: new Date(now.getTime() - 2 * 365 * DAY) });
  other = await createKeyPool(3);
  const opened = await Promise.all([
    issueAndOpen(),
    issueAndOpen({ ...STRANGER, edrpou: undefined, organization: undefined, title: undefined }),
    issueAndOpen({
      ...OFFICIAL,
      edrpou: AUTHORITY_EDRPOU,
      organization: "Міністерство економіки",
      title: "Головна спеціалістка",
    }),
    issueAndOpen({ validFrom: new Date(now.getTime() - 400 * DAY), validTo: new Date(now.getTime() - 10 * DAY) }),
    issueAndOpen({ validFrom: new Date(now.getTime() + 10 * DAY), validTo: new Date(now.getTime() + 400 * DAY) }),
    issueAndOpen(),
  ]);
  [keys.head, keys.stranger, keys.official, keys.expired, keys.future, keys.revoked] = opened as [
    OpenedKeyFile,
    OpenedKeyFile,
    OpenedKeyFile,
    OpenedKeyFile,
    OpenedKeyFile,
    OpenedKeyFile,
  ];
  await revokeCertificate(createCtx({ actor: null, now: new Date(now.getTime() - DAY) }), {
    serial: keys.revoked.identity.serial,
    reason: "keyCompromise",
  });

  // Issued by the genuine provider and recorded, but for authentication only (no nonRepudiation).
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

  // The registry: HEAD heads the enterprise and is registered for military service (two roles).
  await createPerson(db, {
    rnokpp: HEAD.rnokpp,
    lastName: "Ґонта",
    firstName: "Олена",
    patronymic: null,
    birthDate: "1978-03-14",
    sex: "FEMALE",
    military: { status: "ON_REGISTER", liability: "LIABLE", tcc: "Печерський РТЦК та СП", registeredOn: "1995-05-01" },
  });
  await createEnterprise(db, {
    edrpou: HEAD.edrpou!,
    legalName: HEAD.organization!,
    shortName: null,
    kved: "35.11",
    kvedName: "Виробництво електроенергії",
    registeredOn: "2010-01-01",
    head: HEAD.rnokpp,
  });
  // An official of an authority, already known to the portal (an account without a password here).
  const authority = await createAuthority(db, {
    code: "test-ministry",
    name: "Міністерство економіки",
    shortName: "Мінекономіки",
    edrpou: AUTHORITY_EDRPOU,
  });
  await createUser(db, {
    role: "OFFICIAL",
    rnokpp: OFFICIAL.rnokpp,
    email: "official@example.gov.ua",
    fullName: OFFICIAL.fullName,
    password: null,
    authorityId: authority.id,
  });
});

describe("signing in with a КЕП", () => {
  it("opens a head's roles, enterprise first, on a new account named from the certificate", async () => {
    const before = await snapshot();
    const login = await attempt(await signedLogin(keys.head));
    expect(login.roles.map((role) => role.role)).toEqual(["ENTERPRISE_HEAD", "CONSCRIPT"]);
    expect(login.roles[0]!.edrpou).toBe(HEAD.edrpou);
    expect(login.user).toMatchObject({ rnokpp: HEAD.rnokpp, fullName: HEAD.fullName });
    expect(await snapshot()).toEqual({
      ...before,
      users: before.users + 1,
      usedNonces: before.usedNonces + 1,
      logins: before.logins + 1,
    });
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "auth.login", entityId: login.user.id } });
    expect(audit.details).toMatchObject({
      via: "kep",
      certificateSerial: keys.head.identity.serial,
      certificateEdrpou: HEAD.edrpou,
      newAccount: true,
    });

    // The second time the same account is found, not duplicated.
    const again = await attempt(await signedLogin(keys.head));
    expect(again.user.id).toBe(login.user.id);
    expect(await db.user.count({ where: { rnokpp: HEAD.rnokpp } })).toBe(1);
  });

  it("finds an official's existing account and its granted role", async () => {
    const account = await db.user.findUniqueOrThrow({ where: { rnokpp: OFFICIAL.rnokpp } });
    const login = await attempt(await signedLogin(keys.official));
    expect(login.user.id).toBe(account.id);
    expect(login.roles).toEqual([expect.objectContaining({ role: "OFFICIAL", authorityId: expect.any(String) })]);
    expect((await db.user.findUniqueOrThrow({ where: { id: account.id } })).lastLoginAt).not.toBeNull();
  });

  it("refuses a person who holds no role, creating no account: NO_ROLES", async () => {
    await expectRefusal("NO_ROLES", async () => attempt(await signedLogin(keys.stranger)));
    expect(await db.user.count({ where: { rnokpp: STRANGER.rnokpp } })).toBe(0);
  });

  it("refuses a disabled account: ACCOUNT_DISABLED", async () => {
    await db.user.update({ where: { rnokpp: OFFICIAL.rnokpp }, data: { disabledAt: new Date() } });
    try {
      await expectRefusal("ACCOUNT_DISABLED", async () => attempt(await signedLogin(keys.official)));
    } finally {
      await db.user.update({ where: { rnokpp: OFFICIAL.rnokpp }, data: { disabledAt: null } });
    }
  });
});

describe("refusals of the signature (steps 1–6)", () => {
  it("a signature over other bytes than the challenge sent: CONTENT_MISMATCH", async () => {
    const { challenge } = await issueLoginChallenge(createCtx({ actor: null }));
    const otherChallenge = await signedLogin(keys.head);
    await expectRefusal("CONTENT_MISMATCH", () => attempt({ challenge, signature: otherChallenge.signature }));
  });

  it("a signature from another key: SIGNATURE_INVALID", async () => {
    await expectRefusal("SIGNATURE_INVALID", async () =>
      attempt(await signedLogin({ privateKey: other[1]!.privateKey, certificate: keys.head.certificate })),
    );
  });

  it("a well-formed certificate not issued by the test provider: CERTIFICATE_UNTRUSTED", async () => {
    const foreign = await createTestPki([other[1]!, other[2]!]);
    await expectRefusal("CERTIFICATE_UNTRUSTED", async () =>
      attempt(await signedLogin(issueTestSigner(foreign.issuing, other[0]!, HEAD))),
    );
  });

  it("an expired certificate: CERTIFICATE_EXPIRED", async () => {
    await expectRefusal("CERTIFICATE_EXPIRED", async () => attempt(await signedLogin(keys.expired)));
  });

  it("a not-yet-valid certificate: CERTIFICATE_NOT_YET_VALID", async () => {
    await expectRefusal("CERTIFICATE_NOT_YET_VALID", async () => attempt(await signedLogin(keys.future)));
  });

  it("a revoked certificate, saying it was revoked: CERTIFICATE_REVOKED", async () => {
    const error = await expectRefusal("CERTIFICATE_REVOKED", async () => attempt(await signedLogin(keys.revoked)));
    expect(error.message).toMatch(/^Сертифікат скасовано/);
  });

  it("a certificate without nonRepudiation: NO_NON_REPUDIATION", async () => {
    await expectRefusal("NO_NON_REPUDIATION", async () => attempt(await signedLogin(keys.authOnly)));
  });

  it("garbage in place of a signature: SIGNATURE_MALFORMED", async () => {
    const { challenge } = await issueLoginChallenge(createCtx({ actor: null }));
    await expectRefusal("SIGNATURE_MALFORMED", () => attempt({ challenge, signature: toBase64(randomBytes(600)) }));
    await expectRefusal("SIGNATURE_MALFORMED", () => attempt({ challenge, signature: "це не base64!" }));
    await expectRefusal("SIGNATURE_MALFORMED", () => attempt({ challenge, signature: "" }));
    await expectRefusal("SIGNATURE_MALFORMED", () => attempt({ challenge, signature: { nested: true } }));
  });

  it("a truncated signature: SIGNATURE_MALFORMED", async () => {
    const login = await signedLogin(keys.head);
    const bytes = Buffer.from(login.signature, "base64");
    await expectRefusal("SIGNATURE_MALFORMED", () =>
      attempt({ challenge: login.challenge, signature: toBase64(bytes.subarray(0, Math.floor(bytes.length / 2))) }),
    );
  });

  it("an oversized upload: SIGNATURE_TOO_LARGE, before anything is decoded", async () => {
    const { challenge } = await issueLoginChallenge(createCtx({ actor: null }));
    await expectRefusal("SIGNATURE_TOO_LARGE", () =>
      attempt({ challenge, signature: toBase64(randomBytes(MAX_SIGNATURE_BYTES + 3)) }),
    );
  });
});

describe("refusals of the challenge and the nonce", () => {
  it("a challenge changed in the browser and signed as changed: KEP_LOGIN_CHALLENGE_INVALID", async () => {
    const tampered = (bytes: Uint8Array) =>
      new TextEncoder().encode(
        new TextDecoder().decode(bytes).replace(/"expiresAt":"[^"]+"/, '"expiresAt":"2099-01-01T00:00:00.000Z"'),
      );
    const login = await signedLogin(keys.head, { signedBytes: tampered });
    const sentAsSigned = toBase64(tampered(Buffer.from(login.challenge, "base64")));
    await expectRefusal("KEP_LOGIN_CHALLENGE_INVALID", () =>
      attempt({ challenge: sentAsSigned, signature: login.signature }),
    );
  });

  it("a challenge for another portal: KEP_LOGIN_CHALLENGE_INVALID", async () => {
    const { nonce, expiresAt } = await issueLoginChallenge(createCtx({ actor: null }));
    const row = await db.nonce.findUniqueOrThrow({ where: { value: nonce } });
    const foreign = loginChallengeBytes(
      buildLoginChallenge({
        nonce,
        origin: "https://evil.example",
        issuedAt: row.createdAt,
        expiresAt: new Date(expiresAt),
      }),
    );
    await expectRefusal("KEP_LOGIN_CHALLENGE_INVALID", () =>
      attempt({ challenge: toBase64(foreign), signature: toBase64(signDetached(keys.head, foreign)) }),
    );
    expect(env().PORTAL_URL).not.toBe("https://evil.example");
  });

  it("garbage, truncated and oversized challenges: KEP_LOGIN_CHALLENGE_INVALID", async () => {
    const login = await signedLogin(keys.head);
    const truncated = toBase64(Buffer.from(login.challenge, "base64").subarray(0, 40));
    for (const challenge of ["", "не base64", toBase64(randomBytes(200)), truncated, toBase64(randomBytes(4096)), 42]) {
      await expectRefusal("KEP_LOGIN_CHALLENGE_INVALID", () => attempt({ challenge, signature: login.signature }));
    }
  });

  it("a replayed signature: NONCE_USED", async () => {
    const login = await signedLogin(keys.head);
    await attempt(login);
    await expectRefusal("NONCE_USED", () => attempt(login));
  });

  it("a used nonce signed again: NONCE_USED", async () => {
    const login = await signedLogin(keys.head);
    await attempt(login);
    const fresh = toBase64(
      signDetached(keys.head, Buffer.from(login.challenge, "base64"), { signingTime: new Date(Date.now() + 1000) }),
    );
    expect(fresh).not.toBe(login.signature);
    await expectRefusal("NONCE_USED", () => attempt({ challenge: login.challenge, signature: fresh }));
  });

  it("an expired nonce: NONCE_EXPIRED", async () => {
    await expectRefusal("NONCE_EXPIRED", async () =>
      attempt(await signedLogin(keys.head, { now: new Date(Date.now() - 6 * 60_000) })),
    );
  });

  it("a nonce the portal never issued: NONCE_UNKNOWN", async () => {
    const invented = loginChallengeBytes(
      buildLoginChallenge({
        nonce: randomBytes(32).toString("base64url"),
        origin: env().PORTAL_URL,
        issuedAt: new Date(),
        expiresAt: new Date(Date.now() + 60_000),
      }),
    );
    await expectRefusal("NONCE_UNKNOWN", () =>
      attempt({ challenge: toBase64(invented), signature: toBase64(signDetached(keys.head, invented)) }),
    );
  });

  it("a nonce issued for signing a document: NONCE_UNKNOWN", async () => {
    const now = new Date();
    const { value, expiresAt } = await issueNonce(createCtx({ actor: null, now }), {
      purpose: "decision.grant",
      ttlSeconds: 600,
    });
    const bytes = loginChallengeBytes(
      buildLoginChallenge({ nonce: value, origin: env().PORTAL_URL, issuedAt: now, expiresAt }),
    );
    await expectRefusal("NONCE_UNKNOWN", () =>
      attempt({ challenge: toBase64(bytes), signature: toBase64(signDetached(keys.head, bytes)) }),
    );
  });
});

describe("throttling per client", () => {
  it("refuses a client after repeated failures, even with a good key, and no one else", async () => {
    const throttle = createFailureThrottle({ ...KEP_LOGIN_THROTTLE, name: `kep-login-test-${randomUUID()}` });
    const bad = (clientAddress: string) =>
      signInWithKep(
        createCtx({ actor: null }),
        { challenge: "не base64", signature: "x", clientAddress },
        { throttle },
      );
    for (let i = 0; i < KEP_LOGIN_THROTTLE.maxFailures; i++)
      await expect(bad("198.51.100.7")).rejects.toMatchObject({ code: "KEP_LOGIN_CHALLENGE_INVALID" });

    const before = await snapshot();
    const good = await signedLogin(keys.head);
    const refused = await signInWithKep(
      createCtx({ actor: null }),
      { ...good, clientAddress: "198.51.100.7" },
      { throttle },
    ).catch((error: unknown) => error);
    expect(refused).toMatchObject({ code: "RATE_LIMITED", status: 429 });
    // Throttled before verification: not even an audit row, and the nonce is still unused.
    expect(await snapshot()).toEqual(before);

    const elsewhere = await signInWithKep(
      createCtx({ actor: null }),
      { ...good, clientAddress: "198.51.100.8" },
      { throttle },
    );
    expect(elsewhere.user.rnokpp).toBe(HEAD.rnokpp);
    expect(await throttle.retryAfterSeconds("198.51.100.7", Date.now())).toBeGreaterThan(0);
  });

  it("a successful login clears the client's failures", async () => {
    const throttle = createFailureThrottle({
      maxFailures: 3,
      windowMs: 60_000,
      name: `kep-login-test-${randomUUID()}`,
    });
    const client = "198.51.100.9";
    for (let i = 0; i < 2; i++)
      await expect(
        signInWithKep(
          createCtx({ actor: null }),
          { challenge: "", signature: "", clientAddress: client },
          { throttle },
        ),
      ).rejects.toBeInstanceOf(AppError);
    await signInWithKep(
      createCtx({ actor: null }),
      { ...(await signedLogin(keys.head)), clientAddress: client },
      { throttle },
    );
    for (let i = 0; i < 2; i++)
      await expect(
        signInWithKep(
          createCtx({ actor: null }),
          { challenge: "", signature: "", clientAddress: client },
          { throttle },
        ),
      ).rejects.toMatchObject({ code: "KEP_LOGIN_CHALLENGE_INVALID" });
    expect(await throttle.retryAfterSeconds(client, Date.now())).toBe(0);
  });
});

describe("POST /api/auth/kep/nonce", () => {
  const post = (address: string) =>
    postNonce(
      new Request("http://portal.test/api/auth/kep/nonce", { method: "POST", headers: { "x-forwarded-for": address } }),
      { params: Promise.resolve({}) },
    );

  it("answers a fresh challenge that signs a person in", async () => {
    const response = await post("203.0.113.10");
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const body = (await response.json()) as { nonce: string; challenge: string; expiresAt: string; ttlSeconds: number };
    expect(body.ttlSeconds).toBe(300);
    const challenge = JSON.parse(Buffer.from(body.challenge, "base64").toString("utf8")) as Record<string, string>;
    expect(challenge).toMatchObject({
      purpose: "login",
      nonce: body.nonce,
      origin: env().PORTAL_URL,
      expiresAt: body.expiresAt,
    });
    const signature = toBase64(signDetached(keys.head, Buffer.from(body.challenge, "base64")));
    expect((await attempt({ challenge: body.challenge, signature })).user.rnokpp).toBe(HEAD.rnokpp);
  });

  it("limits how many challenges one client may ask for a minute", async () => {
    // The route's clock is pinned (only Date is faked; timers and I/O run as usual): the window
    // cannot run out during the loop, and its end is a step of the clock, not a wait.
    const start = Date.now();
    vi.useFakeTimers({ toFake: ["Date"], now: start });
    try {
      for (let i = 0; i < KEP_CHALLENGE_RATE_LIMIT.limit; i++) expect((await post("203.0.113.11")).status).toBe(200);
      const refused = await post("203.0.113.11");
      expect(refused.status).toBe(429);
      expect((await refused.json()).error).toMatchObject({
        code: "RATE_LIMITED",
        message: expect.stringContaining(`через ${KEP_CHALLENGE_RATE_LIMIT.windowMs / 1000} с`),
      });
      expect((await post("203.0.113.12")).status).toBe(200);
      vi.setSystemTime(start + KEP_CHALLENGE_RATE_LIMIT.windowMs - 1_000);
      expect((await post("203.0.113.11")).status).toBe(429);
      vi.setSystemTime(start + KEP_CHALLENGE_RATE_LIMIT.windowMs);
      expect((await post("203.0.113.11")).status).toBe(200);
    } finally {
      vi.useRealTimers();
    }
  });
});
