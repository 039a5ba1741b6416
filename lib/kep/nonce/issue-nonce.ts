import "server-only";
import { randomBytes } from "node:crypto";
import type { Ctx } from "@/lib/context";
import { parseInput } from "@/lib/errors";
import { z } from "@/lib/zod";

// One-time values the server hands out to be signed (КЕП login, document drafts): a
// signature over a nonce proves the key was used now, for this purpose, once.

export const ZNoncePurpose = z
  .string()
  .regex(/^[a-z][a-z0-9:._-]{0,63}$/, "Призначення одноразового коду: латинські літери, цифри, «:._-»");

/** 32 random bytes, base64url: 43 characters. */
export const ZNonceValue = z.string().regex(/^[A-Za-z0-9_-]{43}$/, "Некоректний одноразовий код");

const MAX_TTL_SECONDS = 24 * 60 * 60;

export async function issueNonce(
  ctx: Ctx<"db" | "now">,
  input: { purpose: string; ttlSeconds: number },
): Promise<{ value: string; expiresAt: Date }> {
  const parsedPurpose = parseInput(ZNoncePurpose, input.purpose);
  const ttl = parseInput(z.number().int().min(1).max(MAX_TTL_SECONDS), input.ttlSeconds);
  const { db: client, now } = ctx;
  const value = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + ttl * 1000);
  await client.nonce.create({ data: { value, purpose: parsedPurpose, createdAt: now, expiresAt } });
  return { value, expiresAt };
}
