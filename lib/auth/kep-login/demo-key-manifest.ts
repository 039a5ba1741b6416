import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { z } from "@/lib/zod";

// The demo keys of demo mode: one PKCS#12 file per demo user in <DATA_DIR>/demo-keys/, listed
// in <DATA_DIR>/demo-keys/index.json. prisma/seed/demo-keys.ts writes them; the login page lists
// them and /api/demo-keys/<id> hands the files out. The format is documented in
// docs/decisions/007-kep-login-and-demo-keys.md.

export const DEMO_KEYS_FOLDER = "demo-keys";
export const DEMO_KEY_MANIFEST = "index.json";
/** The one password of every demo key file: printable ASCII, as the provider requires. */
export const DEMO_KEY_PASSWORD = "Demo-2026!";

const ZDemoKeyId = z.string().regex(/^[a-z0-9-]{1,64}$/);

export const ZDemoKeyEntry = z.object({
  /** The download name: the demo user's key, or "<key>-revoked" for the revoked key. */
  id: ZDemoKeyId,
  /** The DEMO_USERS key of the holder. */
  key: ZDemoKeyId,
  role: z.enum([
    "ADMIN",
    "OFFICIAL",
    "ENTERPRISE_HEAD",
    "AUTHORIZED_PERSON",
    "CONSCRIPT",
    "RECRUITER",
    "METHODOLOGIST",
    "UNIT_STAFF_OFFICER",
    "TCK_OFFICER",
    "TCK_HEAD",
    "CENTRE_RECRUITER",
  ]),
  roleLabel: z.string(),
  fullName: z.string(),
  rnokpp: z.string().regex(/^\d{10}$/),
  /** Enterprise roles: the enterprise's ЄДРПОУ (also in the certificate for a head). */
  edrpou: z
    .string()
    .regex(/^\d{8}$/)
    .optional(),
  /** Officials: the authority's code in the portal (e.g. "mineconomy"). */
  authority: z.string().optional(),
  /** Officials: the authority's ЄДРПОУ, which their certificate carries. */
  authorityEdrpou: z
    .string()
    .regex(/^\d{8}$/)
    .optional(),
  /** ТЦК officers and heads: the ТЦК's ЄДРПОУ, which their certificate carries. */
  tccEdrpou: z
    .string()
    .regex(/^\d{8}$/)
    .optional(),
  /** The organisation and position the certificate names, if any. */
  organization: z.string().optional(),
  title: z.string().optional(),
  /** RSA, ECDSA-P256 or DSTU4145: the family of the key and of the CA that certified it. */
  algorithm: z.enum(["RSA", "ECDSA-P256", "DSTU4145"]),
  /** pkcs12 (.p12), key6 (a Key-6.dat-compatible DSTU store) or jks. */
  container: z.enum(["pkcs12", "key6", "jks"]),
  /** The key file, relative to the demo-keys folder. */
  file: z.string().regex(/^[a-z0-9-]{1,64}\.(p12|dat|jks)$/),
  /** The signing certificate (DER) beside it: a Key-6.dat holds none. */
  certificate: z.string().regex(/^[a-z0-9-]{1,64}\.cer$/),
  password: z.string(),
  serial: z.string().regex(/^[0-9a-f]+$/),
  notAfter: z.iso.datetime(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** Demo heads: the documented HR API token of their enterprise. */
  apiToken: z.string().optional(),
  /** The revoked demo key (keyCompromise): refused at login. */
  revoked: z.literal(true).optional(),
  note: z.string().optional(),
});

export const ZDemoKeyManifest = z.object({
  version: z.literal(1),
  generatedAt: z.iso.datetime(),
  portalUrl: z.string(),
  password: z.string(),
  keys: z.array(ZDemoKeyEntry),
});

export type DemoKeyEntry = z.infer<typeof ZDemoKeyEntry>;
export type DemoKeyManifest = z.infer<typeof ZDemoKeyManifest>;

export function demoKeysFolder(dataDir: string): string {
  return path.resolve(dataDir, DEMO_KEYS_FOLDER);
}

/** The manifest, or null when there is none (yet) or it is not one. */
export async function readDemoKeyManifest(dataDir: string): Promise<DemoKeyManifest | null> {
  let text: string;
  try {
    text = await readFile(path.join(demoKeysFolder(dataDir), DEMO_KEY_MANIFEST), "utf8");
  } catch {
    return null;
  }
  try {
    const parsed = ZDemoKeyManifest.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** One key file (or, with `part: "certificate"`, its certificate) by its id, or null. The id and the file names are checked patterns. */
export async function readDemoKeyFile(
  dataDir: string,
  id: string,
  part: "key" | "certificate" = "key",
): Promise<{ entry: DemoKeyEntry; bytes: Uint8Array } | null> {
  if (!ZDemoKeyId.safeParse(id).success) return null;
  const manifest = await readDemoKeyManifest(dataDir);
  const entry = manifest?.keys.find((candidate) => candidate.id === id);
  if (!entry) return null;
  try {
    return {
      entry,
      bytes: new Uint8Array(
        await readFile(path.join(demoKeysFolder(dataDir), part === "key" ? entry.file : entry.certificate)),
      ),
    };
  } catch {
    return null;
  }
}
