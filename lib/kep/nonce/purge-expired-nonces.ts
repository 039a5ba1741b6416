import "server-only";
import type { Ctx } from "@/lib/context";

// Expired one-time values are dead weight: a signature over one is refused whether its row is
// there (NONCE_EXPIRED / NONCE_USED) or gone (NONCE_UNKNOWN), and a signature itself can never be
// accepted twice (SignedDocument.signatureSha256 is unique). A day's grace keeps the precise
// refusal for a signer who comes back late.

export async function purgeExpiredNonces(ctx: Ctx<"db" | "now">, input: { graceHours?: number } = {}): Promise<number> {
  const before = new Date(ctx.now.getTime() - (input.graceHours ?? 24) * 3_600_000);
  const { count } = await ctx.db.nonce.deleteMany({ where: { expiresAt: { lt: before } } });
  return count;
}
