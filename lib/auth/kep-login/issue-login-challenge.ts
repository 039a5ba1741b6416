import "server-only";
import type { Ctx } from "@/lib/context";
import { env } from "@/lib/env";
import { issueNonce } from "@/lib/kep/nonce/issue-nonce";
import {
  buildLoginChallenge,
  loginChallengeBytes,
  LOGIN_NONCE_PURPOSE,
  LOGIN_NONCE_TTL_SECONDS,
} from "./login-challenge";

// The first half of signing in with a КЕП: a fresh nonce, stored so that it can be consumed
// once, and the exact bytes the browser is to sign (base64, so they travel unchanged).

export type IssuedLoginChallenge = {
  nonce: string;
  /** Base64 of the canonical JSON bytes to sign. */
  challenge: string;
  expiresAt: string;
  /** How long the challenge is good for, so the browser can refresh it without trusting its clock. */
  ttlSeconds: number;
};

export async function issueLoginChallenge(
  ctx: Ctx<"db" | "now">,
  options: { origin?: string } = {},
): Promise<IssuedLoginChallenge> {
  const { now } = ctx;
  const { value, expiresAt } = await issueNonce(ctx, {
    purpose: LOGIN_NONCE_PURPOSE,
    ttlSeconds: LOGIN_NONCE_TTL_SECONDS,
  });
  const challenge = buildLoginChallenge({
    nonce: value,
    origin: options.origin ?? env().PORTAL_URL,
    issuedAt: now,
    expiresAt,
  });
  return {
    nonce: value,
    challenge: Buffer.from(loginChallengeBytes(challenge)).toString("base64"),
    expiresAt: expiresAt.toISOString(),
    ttlSeconds: LOGIN_NONCE_TTL_SECONDS,
  };
}
