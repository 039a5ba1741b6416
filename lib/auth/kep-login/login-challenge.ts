import { canonicalJsonBytes } from "@/lib/kep/canonical-json";
import { z } from "@/lib/zod";

// What a person signs to sign in with a КЕП: a one-time server nonce bound to this portal's
// address and to the moment it was issued, as canonical JSON (RFC 8785). The server never
// trusts the bytes the browser sends back: it rebuilds them from the nonce row it keeps and
// compares, so a challenge altered in the browser (another origin, a later expiry) is refused.
// Pure and browser-safe: the login form decodes the same structure to show it.

export const LOGIN_NONCE_PURPOSE = "login";

/** Long enough to find the key file and type a password; short enough to be useless later. */
export const LOGIN_NONCE_TTL_SECONDS = 5 * 60;

export const LOGIN_ACTION = "Вхід до порталу «Броня»";

/** A challenge is ~250 bytes; anything far larger is not one. */
export const MAX_CHALLENGE_BYTES = 1024;

export const ZLoginChallenge = z
  .object({
    action: z.literal(LOGIN_ACTION),
    purpose: z.literal(LOGIN_NONCE_PURPOSE),
    nonce: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
    origin: z.string().url().max(200),
    issuedAt: z.iso.datetime(),
    expiresAt: z.iso.datetime(),
  })
  .strict();

export type LoginChallenge = z.infer<typeof ZLoginChallenge>;

export function buildLoginChallenge(input: {
  nonce: string;
  origin: string;
  issuedAt: Date;
  expiresAt: Date;
}): LoginChallenge {
  return {
    action: LOGIN_ACTION,
    purpose: LOGIN_NONCE_PURPOSE,
    nonce: input.nonce,
    origin: input.origin.replace(/\/$/, ""),
    issuedAt: input.issuedAt.toISOString(),
    expiresAt: input.expiresAt.toISOString(),
  };
}

/** The exact bytes to sign. */
export function loginChallengeBytes(challenge: LoginChallenge): Uint8Array {
  return canonicalJsonBytes(challenge);
}

/** Reads the bytes a browser sent back; null when they are not a login challenge at all. */
export function parseLoginChallenge(bytes: Uint8Array): LoginChallenge | null {
  if (bytes.length === 0 || bytes.length > MAX_CHALLENGE_BYTES) return null;
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    return null;
  }
  const parsed = ZLoginChallenge.safeParse(value);
  return parsed.success ? parsed.data : null;
}
