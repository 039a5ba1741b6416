// Shared set-up of the ministry cabinet's integration tests (not a test file itself): two
// authorities with an official each, their КЕП key files from the portal's own test provider,
// an administrator, and helpers to sign what the server prepared exactly as the browser does.
import type { AdminActor, OfficialActor } from "@/lib/auth/roles";
import { db, type DbTx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { openKeyFile, signDetached, type OpenedKeyFile } from "@/lib/kep/browser";
import { ensureTestProvider } from "@/lib/kep/provider/ensure-test-provider";
import { issueCertificate } from "@/lib/kep/provider/issue-certificate";
import { addDays, addMonths } from "@/lib/rules";
import { createAuthority, createEnterprise, createUser } from "@/prisma/seed/factories";
import { kyivDate } from "@/lib/format";
import { createCtx } from "@/lib/context-server";

export const KEY_PASSWORD = "Official-Key-1";
export const today = kyivDate(new Date());

export type OfficialFixture = {
  actor: OfficialActor;
  key: OpenedKeyFile;
  authority: { id: string; edrpou: string; name: string; shortName: string };
};

export async function createOfficial(
  authority: { id: string; edrpou: string; name: string; shortName: string },
  options: { fullName?: string; keyEdrpou?: string | null } = {},
): Promise<OfficialFixture> {
  const fullName = options.fullName ?? "Посадова Олена Вікторівна";
  const { user } = await createUser(db, {
    role: "OFFICIAL",
    authorityId: authority.id,
    fullName,
    position: "Головний спеціаліст",
  });
  const keyEdrpou = options.keyEdrpou === undefined ? authority.edrpou : options.keyEdrpou;
  const { p12 } = await issueCertificate(createCtx({ actor: null }), {
    rnokpp: user.rnokpp!,
    fullName,
    password: KEY_PASSWORD,
    ...(keyEdrpou ? { edrpou: keyEdrpou, organization: authority.name, title: "Головний спеціаліст" } : {}),
  });
  return {
    actor: {
      userId: user.id,
      rnokpp: user.rnokpp,
      fullName,
      role: "OFFICIAL",
      authorityId: authority.id,
      via: "password",
    },
    key: openKeyFile(p12, KEY_PASSWORD),
    authority,
  };
}

export async function createMinistryWorld() {
  await ensureTestProvider({ db, now: new Date(Date.now() - 30 * 86_400_000) });
  const ministry = await createAuthority(db, { kind: "MINISTRY", kvedSections: ["C", "D"], shortName: "Мінтест" });
  const other = await createAuthority(db, { kind: "MINISTRY", kvedSections: [], shortName: "Мінінше" });
  const ova = await createAuthority(db, {
    kind: "REGIONAL_ADMINISTRATION",
    region: "Харківська область",
    shortName: "Харківська ОВА",
  });
  const official = await createOfficial(ministry);
  const otherOfficial = await createOfficial(other, { fullName: "Інший Петро Іванович" });
  const ovaOfficial = await createOfficial(ova, { fullName: "Обласний Ігор Васильович" });
  const { user: admin } = await createUser(db, { role: "ADMIN", fullName: "Адмін Тарас Олегович" });
  const adminActor: AdminActor = {
    userId: admin.id,
    rnokpp: admin.rnokpp,
    fullName: admin.fullName,
    role: "ADMIN",
    via: "password",
  };
  return { ministry, other, ova, official, otherOfficial, ovaOfficial, adminActor };
}

/** Signs the base64 document the server prepared, as the browser's signer does. */
export function sign(key: OpenedKeyFile, documentBase64: string, signingTime?: Date): string {
  const bytes = Uint8Array.from(Buffer.from(documentBase64, "base64"));
  return Buffer.from(
    signDetached(
      { privateKey: key.privateKey, certificate: key.certificate },
      bytes,
      signingTime ? { signingTime } : {},
    ),
  ).toString("base64");
}

/** A manufacturing enterprise (section C) with a head, in Kyiv. */
export async function createManufacturer(client: DbTx = db, options: Parameters<typeof createEnterprise>[1] = {}) {
  return createEnterprise(client, { kved: "28.30", head: true, ...options });
}

/** A valid new decision for the form, a year from today. */
export function newDecisionInput(edrpou: string, overrides: Record<string, unknown> = {}) {
  return {
    edrpou,
    number: `Р-${Math.random().toString(36).slice(2, 9)}`,
    decidedOn: today,
    criteria: ["AVERAGE_SALARY", "NO_TAX_ARREARS", "STRATEGIC"],
    salaryExemption: null,
    limitCategory: "DEFAULT_50",
    militaryLiableCount: 10,
    headcount: null,
    validFrom: today,
    validUntil: addDays(addMonths(today, 12), -1),
    ...overrides,
  };
}

/** The error a call fails with; fails the test when it succeeds. */
export async function failure(promise: Promise<unknown>): Promise<AppError> {
  const outcome = await promise.then(
    () => new Error("succeeded, but a refusal was expected"),
    (error: unknown) => error,
  );
  if (!(outcome instanceof AppError)) throw outcome;
  return outcome;
}

/** Row counts a refused call must leave unchanged. */
export async function portalCounts() {
  const [decisions, events, documents, audit, notifications, nonces, usedNonces] = await Promise.all([
    db.criticalDecision.count(),
    db.decisionEvent.count(),
    db.signedDocument.count(),
    db.auditLog.count(),
    db.notification.count(),
    db.nonce.count(),
    db.nonce.count({ where: { usedAt: { not: null } } }),
  ]);
  return { decisions, events, documents, audit, notifications, nonces, usedNonces };
}
