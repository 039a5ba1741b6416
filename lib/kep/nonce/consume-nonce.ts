import "server-only";
import type { Ctx } from "@/lib/context";
import { kepError } from "../errors";
import { ZNoncePurpose, ZNonceValue } from "./issue-nonce";

// Marks a nonce used, atomically: one conditional UPDATE, so of two concurrent consumers
// exactly one wins (the other waits on the row lock, then finds it used). Only when nothing
// changed does a second read tell the caller why.

export async function consumeNonce(ctx: Ctx<"db" | "now">, input: { value: string; purpose: string }): Promise<void> {
  const { value, purpose } = input;
  // A malformed value or purpose cannot match any nonce issued.
  if (!ZNonceValue.safeParse(value).success || !ZNoncePurpose.safeParse(purpose).success)
    throw kepError("NONCE_UNKNOWN");
  const { db: client, now } = ctx;
  const { count } = await client.nonce.updateMany({
    where: { value, purpose, usedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
  });
  if (count === 1) return;

  const nonce = await client.nonce.findUnique({
    where: { value },
    select: { purpose: true, usedAt: true, expiresAt: true },
  });
  // A nonce issued for another purpose is as good as unknown here (login ≠ document).
  if (!nonce || nonce.purpose !== purpose) throw kepError("NONCE_UNKNOWN");
  if (nonce.usedAt) throw kepError("NONCE_USED");
  throw kepError("NONCE_EXPIRED");
}
