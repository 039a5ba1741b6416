import "server-only";
import { createHash } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { issueDemoApiToken } from "@/lib/api-tokens/issue-api-token";
import {
  DEMO_KEY_MANIFEST,
  DEMO_KEY_PASSWORD,
  demoKeysFolder,
  readDemoKeyManifest,
  type DemoKeyEntry,
  type DemoKeyManifest,
} from "@/lib/auth/kep-login/demo-key-manifest";
import type { Db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { issueCertificate, type IssueCertificateInput } from "@/lib/kep/provider/issue-certificate";
import { issueFamilyCertificate } from "@/lib/kep/provider/issue-family-certificate";
import { revokeCertificate } from "@/lib/kep/provider/revoke-certificate";
import { DEMO_FACTS } from "./demo-persons";
import { DEMO_USERS, type DemoUser } from "./demo-users";

// Demo mode's КЕП keys: the test provider issues every demo user a key file, written to
// <DATA_DIR>/demo-keys/ with a manifest (lib/auth/kep-login/demo-key-manifest.ts). Heads get
// the enterprise in their certificate (O, NTRUA-<ЄДРПОУ>) and their position; officials their
// authority's name, ЄДРПОУ and position; the authorized person the enterprise too (but only
// the head may sign applications); the administrator, conscripts and the recruiter are natural
// persons. One more key of the big enterprise's head is revoked (keyCompromise), to show a
// revoked key refused at login. Idempotent: the launcher calls it on every start in demo mode;
// keys are issued again only when the folder, a file or a certificate no longer matches.

/** The revoked demo key belongs to this demo user. */
const REVOKED_HOLDER = "head-big";
/** Keys that expire within this many days are replaced. */
const RENEW_BEFORE_MS = 30 * 86_400_000;

type PlannedKey = {
  id: string;
  user: DemoUser;
  subject: Omit<IssueCertificateInput, "password">;
  entry: Partial<DemoKeyEntry>;
  revoked: boolean;
  algorithm: DemoKeyEntry["algorithm"];
};

const sha256Hex = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

function localityOf(user: DemoUser): string {
  const address = DEMO_FACTS[user.key]?.address ?? "";
  return /м\. ([^,]+)/.exec(address)?.[1]?.trim() ?? "Київ";
}

/** What each demo user's certificate says, from the demo data and the seeded organisations. */
async function planKeys(db: Db, log: (line: string) => void): Promise<PlannedKey[]> {
  const enterprises = await db.enterprise.findMany({
    where: { edrpou: { in: DEMO_USERS.flatMap((user) => (user.edrpou ? [user.edrpou] : [])) } },
    select: { edrpou: true, name: true, shortName: true },
  });
  const authorities = await db.authority.findMany({
    where: { code: { in: DEMO_USERS.flatMap((user) => (user.authorityCode ? [user.authorityCode] : [])) } },
    select: { code: true, name: true, edrpou: true },
  });
  const tccs = await db.tcc.findMany({
    where: { name: { in: DEMO_USERS.flatMap((user) => (user.tcc ? [user.tcc] : [])) } },
    select: { name: true, edrpou: true },
  });
  const planned: PlannedKey[] = [];
  for (const user of DEMO_USERS) {
    const facts = DEMO_FACTS[user.key];
    const subject: PlannedKey["subject"] = { rnokpp: user.rnokpp, fullName: user.fullName, locality: localityOf(user) };
    const entry: Partial<DemoKeyEntry> = {};
    if (user.edrpou && (user.role === "ENTERPRISE_HEAD" || user.role === "AUTHORIZED_PERSON")) {
      const enterprise = enterprises.find((candidate) => candidate.edrpou === user.edrpou);
      entry.edrpou = user.edrpou;
      if (enterprise) {
        Object.assign(subject, {
          edrpou: user.edrpou,
          organization: enterprise.shortName ?? enterprise.name,
          title: facts?.job?.position ?? "Директор",
        });
      } else log(`Демо-ключі: підприємства ${user.edrpou} немає в реєстрі, ключ ${user.key} видано як фізичній особі.`);
      if (user.role === "AUTHORIZED_PERSON")
        entry.note = "Уповноважена особа готує заяви; підписує їх лише керівник підприємства.";
    }
    if ((user.role === "OFFICIAL" || user.role === "METHODOLOGIST") && user.authorityCode) {
      const authority = authorities.find((candidate) => candidate.code === user.authorityCode);
      entry.authority = user.authorityCode;
      if (authority) {
        entry.authorityEdrpou = authority.edrpou;
        Object.assign(subject, {
          edrpou: authority.edrpou,
          organization: authority.name,
          title: facts?.position ?? "Посадова особа",
        });
      } else log(`Демо-ключі: органу ${user.authorityCode} немає в базі, ключ ${user.key} видано як фізичній особі.`);
    }
    if ((user.role === "TCK_OFFICER" || user.role === "TCK_HEAD") && user.tcc) {
      // A ТЦК is a legal entity: its head signs notices with a key issued for its ЄДРПОУ.
      const tcc = tccs.find((candidate) => candidate.name === user.tcc);
      if (tcc) {
        entry.tccEdrpou = tcc.edrpou;
        Object.assign(subject, {
          edrpou: tcc.edrpou,
          organization: tcc.name,
          title: facts?.position ?? "Посадова особа ТЦК та СП",
        });
      } else log(`Демо-ключі: ТЦК «${user.tcc}» немає в реєстрі, ключ ${user.key} видано як фізичній особі.`);
    }
    planned.push({ id: user.key, user, subject, entry, revoked: false, algorithm: "RSA" });
  }
  // Besides RSA: every demo user a DSTU 4145 key (Key-6.dat-compatible store), every head an
  // ECDSA P-256 key (.p12). Listed after the RSA keys, which stay each user's first entry.
  for (const key of [...planned]) {
    planned.push({ ...key, id: `${key.id}-dstu`, algorithm: "DSTU4145" });
    if (key.user.role === "ENTERPRISE_HEAD") planned.push({ ...key, id: `${key.id}-ecdsa`, algorithm: "ECDSA-P256" });
  }
  const holder = planned.find((key) => key.id === REVOKED_HOLDER);
  if (holder) {
    planned.push({
      ...holder,
      id: `${REVOKED_HOLDER}-revoked`,
      entry: { ...holder.entry, note: "Скасований ключ (компрометація особистого ключа): вхід із ним буде відхилено." },
      revoked: true,
      algorithm: "RSA",
    });
  }
  return planned;
}

/** True when the folder holds exactly the planned keys, intact, and the provider knows them as expected. */
async function isCurrent(
  db: Db,
  folder: string,
  manifest: DemoKeyManifest | null,
  planned: PlannedKey[],
  portalUrl: string,
  now: Date,
): Promise<boolean> {
  if (!manifest || manifest.portalUrl !== portalUrl || manifest.keys.length !== planned.length) return false;
  for (const key of planned) {
    const entry = manifest.keys.find((candidate) => candidate.id === key.id);
    if (
      !entry ||
      entry.rnokpp !== key.user.rnokpp ||
      entry.edrpou !== key.entry.edrpou ||
      Boolean(entry.revoked) !== key.revoked
    )
      return false;
    if (entry.algorithm !== key.algorithm) return false;
    if (!key.revoked && new Date(entry.notAfter).getTime() - now.getTime() < RENEW_BEFORE_MS) return false;
    const bytes = await readFile(path.join(folder, entry.file)).catch(() => null);
    if (!bytes || sha256Hex(bytes) !== entry.sha256) return false;
  }
  const certificates = await db.certificate.findMany({
    where: { serial: { in: manifest.keys.map((entry) => entry.serial) } },
    select: { serial: true, status: true },
  });
  return manifest.keys.every((entry) =>
    certificates.some((row) => row.serial === entry.serial && row.status === (entry.revoked ? "REVOKED" : "GOOD")),
  );
}

async function issueAll(
  db: Db,
  folder: string,
  planned: PlannedKey[],
  portalUrl: string,
  now: Date,
): Promise<DemoKeyManifest> {
  // Written beside the folder and swapped in whole, so a crash never leaves half a set.
  const staging = `${folder}.staging-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging, { recursive: true });
  const keys: DemoKeyEntry[] = [];
  for (const key of planned) {
    const issued =
      key.algorithm === "RSA"
        ? await issueCertificate({ db, now }, { ...key.subject, password: DEMO_KEY_PASSWORD }, { portalUrl }).then(
            (rsa) => ({
              ...rsa,
              keyFile: rsa.p12,
              container: "pkcs12" as const,
            }),
          )
        : await issueFamilyCertificate(
            { db, now },
            { ...key.subject, password: DEMO_KEY_PASSWORD, algorithm: key.algorithm },
            { portalUrl },
          );
    if (key.revoked) await revokeCertificate({ db, now }, { serial: issued.serial, reason: "keyCompromise" });
    const file = `${key.id}.${issued.container === "key6" ? "dat" : "p12"}`;
    const certificate = `${key.id}.cer`;
    await writeFile(path.join(staging, file), issued.keyFile, { mode: 0o644 });
    await writeFile(path.join(staging, certificate), issued.certificateDer, { mode: 0o644 });
    keys.push({
      id: key.id,
      key: key.user.key,
      role: key.user.role,
      roleLabel: key.user.roleLabel,
      fullName: key.user.fullName,
      rnokpp: key.user.rnokpp,
      ...key.entry,
      ...(key.subject.organization ? { organization: key.subject.organization } : {}),
      ...(key.subject.title ? { title: key.subject.title } : {}),
      algorithm: key.algorithm,
      container: issued.container,
      file,
      certificate,
      password: DEMO_KEY_PASSWORD,
      serial: issued.serial,
      notAfter: issued.notAfter.toISOString(),
      sha256: sha256Hex(issued.keyFile),
      ...(key.revoked ? { revoked: true as const } : {}),
    });
  }
  const manifest: DemoKeyManifest = {
    version: 1,
    generatedAt: now.toISOString(),
    portalUrl,
    password: DEMO_KEY_PASSWORD,
    keys,
  };
  await writeManifest(staging, manifest);
  await rm(folder, { recursive: true, force: true });
  await rename(staging, folder);
  return manifest;
}

async function writeManifest(folder: string, manifest: DemoKeyManifest): Promise<void> {
  const target = path.join(folder, DEMO_KEY_MANIFEST);
  await writeFile(`${target}.tmp`, `${JSON.stringify(manifest, null, 2)}\n`);
  await rename(`${target}.tmp`, target);
}

/** Gives each demo head's enterprise its documented HR API token and lists it with the head's key. */
async function ensureApiTokens(db: Db, folder: string, manifest: DemoKeyManifest): Promise<DemoKeyManifest> {
  let changed = false;
  const keys: DemoKeyEntry[] = [];
  for (const entry of manifest.keys) {
    if (entry.role !== "ENTERPRISE_HEAD" || entry.revoked || !entry.edrpou || entry.algorithm !== "RSA") {
      keys.push(entry);
      continue;
    }
    const user = await db.user.findUnique({ where: { rnokpp: entry.rnokpp }, select: { id: true } });
    const apiToken = user ? await issueDemoApiToken({ db }, { edrpou: entry.edrpou, userId: user.id }) : undefined;
    changed ||= apiToken !== entry.apiToken;
    const { apiToken: _old, ...rest } = entry;
    keys.push(apiToken ? { ...rest, apiToken } : rest);
  }
  if (!changed) return manifest;
  const updated = { ...manifest, keys };
  await writeManifest(folder, updated);
  return updated;
}

export type EnsureDemoKeysOptions = {
  db: Db;
  dataDir: string;
  /** The portal's address in the certificates' CRL and OCSP links; default PORTAL_URL. */
  portalUrl?: string;
  now?: Date;
  log?: (line: string) => void;
};

export async function ensureDemoKeys(
  options: EnsureDemoKeysOptions,
): Promise<{ issued: boolean; folder: string; manifest: DemoKeyManifest }> {
  const { db } = options;
  const log = options.log ?? (() => undefined);
  const now = options.now ?? new Date();
  const portalUrl = (options.portalUrl ?? env().PORTAL_URL).replace(/\/$/, "");
  const folder = demoKeysFolder(options.dataDir);

  const planned = await planKeys(db, log);
  const existing = await readDemoKeyManifest(options.dataDir);
  const issued = !(await isCurrent(db, folder, existing, planned, portalUrl, now));
  let manifest = existing!;
  if (issued) {
    const started = Date.now();
    manifest = await issueAll(db, folder, planned, portalUrl, now);
    log(
      `Демо-ключі КЕП видано (${manifest.keys.length}, ${Date.now() - started} мс): ${folder}, пароль до кожного — ${DEMO_KEY_PASSWORD}`,
    );
  }
  manifest = await ensureApiTokens(db, folder, manifest);
  return { issued, folder, manifest };
}

/**
 * For the launcher, which knows the database only by its URL (it starts Next with it in the
 * environment, so lib/db's shared client is not available in its own process): a client of its
 * own for this one job, closed afterwards.
 */
export async function ensureDemoKeysAt(options: {
  databaseUrl: string;
  dataDir: string;
  portalUrl: string;
  log: (line: string) => void;
}): Promise<void> {
  const [{ PrismaPg }, { PrismaClient }] = await Promise.all([
    import("@prisma/adapter-pg"),
    import("@/lib/db/generated/client"),
  ]);
  // The same omissions as lib/db/client.ts, so that it is the same type of client.
  const db = new PrismaClient({
    adapter: new PrismaPg({ connectionString: options.databaseUrl, max: 2 }),
    omit: { user: { passwordHash: true, totpSecret: true }, caKey: { keyPem: true } },
  });
  try {
    await ensureDemoKeys({ db, dataDir: options.dataDir, portalUrl: options.portalUrl, log: options.log });
  } catch (error) {
    // A convenience of demo mode: the portal still starts, and says why the keys are missing.
    options.log(`Демо-ключі КЕП не створено: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    await db.$disconnect();
  }
}
